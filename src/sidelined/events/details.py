"""The fields of an injury report read from the clauses about one player:
body part, side, diagnosis, the day it happened, the expected return, the
fixtures missed and the source the news is attributed to."""

from __future__ import annotations

import re
from typing import Literal

from sidelined.events.text import Segment
from sidelined.events.vocab import BODY_PARTS, BODY_PATTERNS, DIAGNOSIS_PATTERNS
from sidelined.models import Evidence, InjuryReport, Mention

_HYPOTHETICAL = re.compile(r"\b(if it'?s|whether|could be|might be|may be|or worse|rule out)\b", re.IGNORECASE)
_SIDE = re.compile(r"\b(left|right)(?:[\s-]+[a-z]+){0,2}?[\s-]+(?:" + "|".join(p for p, _ in BODY_PARTS) + r")\b",
                   re.IGNORECASE)

_SOURCE_AFTER = re.compile(
    r"\b(?i:according to|reports? (?:from|by|in)|via|told|reported by|per)\s+"
    r"(?P<src>(?:the\s)?[A-Z][\w.'’&-]*(?:\s(?:[A-Z][\w.'’&-]*|de|of))*)"
)
_SAID = re.compile(r"\b(said|says|told|confirmed|revealed|admitted|explained|insisted|announced|added)\b")
_STATEMENT = re.compile(r"\b(?:club|team|federation)(?:'s)? (?:statement|said|confirmed|announced)\b|"
                        r"\b(?:said|confirmed|announced) (?:in )?a statement\b", re.IGNORECASE)


def _first_match(patterns: list[tuple[re.Pattern[str], str]], text: str, skip_muscle: bool
                 ) -> tuple[str, re.Match[str]] | None:
    best: tuple[str, re.Match[str]] | None = None
    for pattern, value in patterns:
        if skip_muscle and value == "muscle":
            continue
        m = pattern.search(text)
        if m and not _HYPOTHETICAL.search(text[max(0, m.start() - 30) : m.start()]) and (
                best is None or m.start() < best[1].start()):
            best = (value, m)
    return best


def _side(text: str, segs: list[Segment]) -> Literal["left", "right"] | None:
    for seg in segs:
        m = _SIDE.search(text, seg.start, seg.end)
        if m:
            return "left" if m.group(1).lower() == "left" else "right"
    return None


def fill_body(report: InjuryReport, text: str, segs: list[Segment]) -> None:
    """Body part (and its side) and diagnosis, from the nearest clause naming one."""
    for skip_muscle in (True, False):
        for seg in segs:
            found = _first_match(BODY_PATTERNS, text[seg.start : seg.end], skip_muscle)
            if found:
                value, m = found
                report.body_part = value
                start = seg.start + m.start()
                report.evidence.append(Evidence(field="body_part", start=start, end=seg.start + m.end()))
                break
        if report.body_part:
            break
    report.side = _side(text, segs)
    # Damage to a ligament or a torn Achilles is named so whatever word comes with it.
    for seg in segs:
        found = _first_match(DIAGNOSIS_PATTERNS[:2], text[seg.start : seg.end], False)
        if found:
            _set_diagnosis(report, seg, found)
            return
    for seg in segs:
        found = _first_match(DIAGNOSIS_PATTERNS, text[seg.start : seg.end], False)
        if found:
            _set_diagnosis(report, seg, found)
            break


def _set_diagnosis(report: InjuryReport, seg: Segment, found: tuple[str, re.Match[str]]) -> None:
    report.diagnosis, m = found
    report.evidence.append(Evidence(field="diagnosis", start=seg.start + m.start(), end=seg.start + m.end()))


def find_source(text: str, segs: list[Segment], mentions: list[Mention]) -> str | None:
    """Who the news about this player is attributed to, nearest clause first."""
    people = [m for m in mentions if m.kind in ("person", "club", "national_team")]
    for seg in segs:
        clause = text[seg.start : seg.end]
        m = _SOURCE_AFTER.search(clause)
        if m:
            return _clean_source(m.group("src"))
        if _SAID.search(clause):
            for p in people:
                if seg.start <= p.start < seg.end and p.kind == "person":
                    return p.name
    return None


def _clean_source(raw: str) -> str:
    raw = re.sub(r"^the\s(?=[A-Z])", "", raw.strip())
    raw = re.sub(r"\s(?:and|of)$", "", raw)
    return raw.rstrip(".,")
