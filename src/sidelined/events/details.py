"""The fields of an injury report read from the clauses about one player:
body part, side, diagnosis, the day it happened, the expected return, the
fixtures missed and the source the news is attributed to."""

from __future__ import annotations

import re
from typing import Literal

from sidelined.events.cues import CueGroup, cue_pattern, index_of
from sidelined.events.text import Segment
from sidelined.events.vocab import (
    BODY_PARTS,
    BODY_VOCABULARY,
    DECISIVE_DIAGNOSIS_VOCABULARY,
    DIAGNOSIS_VOCABULARY,
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
# The words _SOURCE_AFTER opens with, for the cue index: in a clause of plain ASCII, which the index's lower case
# reads as the case-insensitive search does, _SOURCE_AFTER can only match where one of these does.
_SOURCE_WORDS = cue_pattern(r"\b(?:according to|reports? (?:from|by|in)|via|told|reported by|per)\s")
_SAID = re.compile(r"\b(?=[sctraei])(said|says|told|confirmed|revealed|admitted|explained|insisted|announced|added)\b")
_STATEMENT = cue_pattern(r"\b(?:club|team|federation)(?:'s)? (?:statement|said|confirmed|announced)\b|"
                        r"\b(?:said|confirmed|announced) (?:in )?a statement\b")


# The vocabularies fill_body reads, looked up together in each clause.
_BODY_WORDS = (BODY_VOCABULARY, DECISIVE_DIAGNOSIS_VOCABULARY, DIAGNOSIS_VOCABULARY)
_BODY_GROUP = CueGroup(*(vocabulary.regex for vocabulary in _BODY_WORDS))
_BODY, _DECISIVE, _DIAGNOSIS = range(3)


def _said_plainly(low: str, seg: Segment, m: re.Match[str]) -> bool:
    """Whether a phrase of the clause is not said hypothetically or as a general statement."""
    return not _HYPOTHETICAL.search(low, max(seg.start, m.start() - 30), m.start()) and \
        not _GENERAL.match(low, m.end(), min(seg.end, m.end() + 25))


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
    index = index_of(text)
    hits = [(seg, index.hits(_BODY_GROUP, seg.start, seg.end)) for seg in segs]
    found = _first_in(hits, _BODY, index.text, skip_muscle=True) or _first_in(hits, _BODY, index.text)
    if found:
        report.body_part, m = found
        report.evidence.append(Evidence(field="body_part", start=m.start(), end=m.end()))
    report.side = _side(text, segs)
    found = _first_in(hits, _DECISIVE, index.text) or _first_in(hits, _DIAGNOSIS, index.text)
    if found:
        report.diagnosis, m = found
        report.evidence.append(Evidence(field="diagnosis", start=m.start(), end=m.end()))


def _first_in(hits: list[tuple[Segment, list[tuple[int, re.Match[str]]]]], which: int, low: str,
              skip_muscle: bool = False) -> tuple[str, re.Match[str]] | None:
    """The leftmost phrase of one vocabulary of _BODY_WORDS in the nearest clause that has one not said
    hypothetically, from the clauses' hits of _BODY_GROUP."""
    vocabulary = _BODY_WORDS[which]
    for seg, found in hits:
        for k, m in found:
            if k != which:
                continue
            value = vocabulary.value_of(m)
            if not (skip_muscle and value == "muscle") and _said_plainly(low, seg, m):
                return value, m
    return None


def find_source(text: str, segs: list[Segment], mentions: list[Mention]) -> str | None:
    """Who the news about this player is attributed to, nearest clause first."""
    persons = [m for m in mentions if m.kind == "person"]
    read: set[tuple[int, int]] = set()  # a sentence of one clause comes twice: once as the clause
    index = index_of(text)
    for seg in segs:
        if (seg.start, seg.end) in read:
            continue
        read.add((seg.start, seg.end))
        clause = text[seg.start : seg.end]
        m = _SOURCE_AFTER.search(clause) if not clause.isascii() or \
            index.first(_SOURCE_WORDS, seg.start, seg.end) is not None else None
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
