"""The fields of an injury report read from the clauses about one player:
body part, side, diagnosis, the day it happened, the expected return, the
fixtures missed and the source the news is attributed to."""

from __future__ import annotations

import re
from typing import Literal

from sidelined.events.cues import cue_pattern, index_of, lowered
from sidelined.events.text import Segment
from sidelined.events.vocab import (
    BODY_PARTS,
    BODY_VOCABULARY,
    DECISIVE_DIAGNOSIS_VOCABULARY,
    DIAGNOSIS_VOCABULARY,
    Vocabulary,
)
from sidelined.models import Evidence, InjuryReport, Mention

_HYPOTHETICAL = cue_pattern(r"\b(if it'?s|whether|could be|might be|may be|or worse|rule out|possible|potential|"
                            r"possibly|earlier|previous|prior|history of)\b")
# A word used in a general statement ("more serious tears could require months").
_GENERAL = cue_pattern(r"\s+(?:\w+\s+)?(?:could|might|may|can|would|usually|normally|often|tend)\b")
_SIDE = cue_pattern(r"\b(left|right)(?:[\s-]+[a-z]+){0,2}?[\s-]+(?:" + "|".join(p for p, _ in BODY_PARTS) + r")\b")

# The look-ahead names the first letters of the words in either case (none of them has another case form),
# so that most places are passed over without trying each word.
_SOURCE_AFTER = re.compile(
    r"\b(?=[aArRvVtTpP])(?i:according to|reports? (?:from|by|in)|via|told|reported by|per)\s+"
    r"(?P<src>(?:the\s)?[A-Z][\w.'’&-]*(?:\s(?:[A-Z][\w.'’&-]*|de|of))*)"
)
_SAID = re.compile(r"\b(?=[sctraei])(said|says|told|confirmed|revealed|admitted|explained|insisted|announced|added)\b")
_STATEMENT = cue_pattern(r"\b(?:club|team|federation)(?:'s)? (?:statement|said|confirmed|announced)\b|"
                        r"\b(?:said|confirmed|announced) (?:in )?a statement\b")


def _first_match(vocabulary: Vocabulary, text: str, seg: Segment, skip_muscle: bool
                 ) -> tuple[str, re.Match[str]] | None:
    """The leftmost phrase of the vocabulary in the clause that is not said hypothetically."""
    for value, m in vocabulary.finditer(text, seg.start, seg.end):
        if skip_muscle and value == "muscle":
            continue
        low = lowered(text)
        if not _HYPOTHETICAL.search(low, max(seg.start, m.start() - 30), m.start()) and \
                not _GENERAL.match(low, m.end(), min(seg.end, m.end() + 25)):
            return value, m
    return None


def _side(text: str, segs: list[Segment]) -> Literal["left", "right"] | None:
    index = index_of(text)
    for seg in segs:
        m = _SIDE.search(index.text, seg.start, seg.end) if index.may_match(_SIDE, seg.start, seg.end) else None
        if m:
            return "left" if m.group(1).lower() == "left" else "right"
    return None


def fill_body(report: InjuryReport, text: str, segs: list[Segment]) -> None:
    """Body part (and its side) and diagnosis, from the nearest clause naming one; a bare "muscle" only
    when no clause names a place."""
    for skip_muscle in (True, False):
        found = _first_in(BODY_VOCABULARY, text, segs, skip_muscle)
        if found:
            report.body_part, m = found
            report.evidence.append(Evidence(field="body_part", start=m.start(), end=m.end()))
            break
    report.side = _side(text, segs)
    found = _first_in(DECISIVE_DIAGNOSIS_VOCABULARY, text, segs) or _first_in(DIAGNOSIS_VOCABULARY, text, segs)
    if found:
        report.diagnosis, m = found
        report.evidence.append(Evidence(field="diagnosis", start=m.start(), end=m.end()))


def _first_in(vocabulary: Vocabulary, text: str, segs: list[Segment], skip_muscle: bool = False
              ) -> tuple[str, re.Match[str]] | None:
    for seg in segs:
        found = _first_match(vocabulary, text, seg, skip_muscle)
        if found:
            return found
    return None


def find_source(text: str, segs: list[Segment], mentions: list[Mention]) -> str | None:
    """Who the news about this player is attributed to, nearest clause first."""
    persons = [m for m in mentions if m.kind == "person"]
    read: set[tuple[int, int]] = set()  # a sentence of one clause comes twice: once as the clause
    for seg in segs:
        if (seg.start, seg.end) in read:
            continue
        read.add((seg.start, seg.end))
        clause = text[seg.start : seg.end]
        m = _SOURCE_AFTER.search(clause)
        if m:
            return _clean_source(m.group("src"))
        speaker = next((p for p in persons if seg.start <= p.start < seg.end), None)
        if speaker is not None and _SAID.search(clause):
            return speaker.name
    return None


def _clean_source(raw: str) -> str:
    raw = re.sub(r"^the\s(?=[A-Z])", "", raw.strip())
    raw = re.sub(r"\s(?:and|of)$", "", raw)
    return raw.rstrip(".,")
