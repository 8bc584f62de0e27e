"""Whether a dated event lies before or after publication, from the words around it.

"missed training on Friday (May 2)" is past; "this Sunday's (May 4) game",
"returns to action Saturday, March 7" and "will take place on Friday 15th
March" are still to come; "today, Thursday, January 18" is the day itself.
The cue nearest the date within its sentence decides; a date with no cue
is past in a sentence of prose and "unknown" in a short line (a fixture list).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Literal

from sidelined.timex.resolve import lower_same_length

Relation = Literal["past", "future", "today", "unknown"]

# Cue patterns run on the lower-cased sentence (case-sensitive matching is much quicker than
# re.IGNORECASE); "may" is a cue only in lower case ("in May" is a month), so it is looked for apart.
_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|next|upcoming|ahead of|coming|this(?=\s+\w+day)|"
    r"to (?:face|play|meet|host|visit|travel|take on)|faces?|facing|hosts?|hosting|visits?|"
    r"travel(?:s|ling)? to|trip to|returns? to action|in line for|set to|scheduled|"
    r"takes? place|kicks? off|could|might|hopes?|hoping|expected|tipped|"
    r"fit (?:for|to)|available for|ruled out of|miss(?:es)? (?:the|his|her|their)|doubt for|"
    r"set for|due (?:to|for|on)|is due|are due|aims? to|bid to)\b"
)
_MAY = re.compile(r"\bmay\b")
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|has been|have been|last|previous|ago|since|"
    r"\w+ed|went|came|won|lost|drew|beat|left|took|made|got|felt|saw|told|said|"
    r"underwent|began|broke|tore|hurt|fell|ran|gave|shook|sat|struck|scored|"
    r"injured|sustained|suffered|missed|picked up|forced off|limped off|stretchered)\b"
)
_DAY_WORDS = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)\b")
_THIS_BEFORE = re.compile(r"\bthis\s*$")
_DAY_WORD_RELATION: dict[str, Relation] = {"yesterday": "past", "tomorrow": "future"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])|\n")
_PROSE_LOWERCASE_WORDS = 4
_TODAY_REACH = 12  # characters between "today" and the date it names


def relation(text: str, start: int, end: int) -> Relation:
    """Past, future or today for the date written at [start, end) of `text`."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    sentence = text[sentence_start:sentence_end]
    low = lower_same_length(sentence)
    at, to = start - sentence_start, end - sentence_start
    day_word = _DAY_WORDS.search(low[max(0, at - _TODAY_REACH) : to + _TODAY_REACH])
    if day_word:
        return _DAY_WORD_RELATION.get(day_word.group(), "today")
    if _THIS_BEFORE.search(low, 0, at):
        return "future"
    cue = _nearest_cue(sentence, low, at, to)
    if cue:
        return cue
    # Prose reports what happened; a short line with no verb (a fixture list, a caption) says nothing.
    prose = sum(1 for word in sentence.split() if word[:1].islower()) >= _PROSE_LOWERCASE_WORDS
    return "past" if prose else "unknown"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`."""
    spans = []
    start = 0
    for boundary_start, boundary_end in zip(*_breaks(text), strict=True):
        if boundary_start > start:
            spans.append((start, boundary_start))
        start = boundary_end
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end]: after the last break found in the text
    cut at `start`, up to the first break found from `end` on."""
    return _sentence_start(text, start), _sentence_end(text, end)


@lru_cache(maxsize=4)
def _breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentence breaks one scan of the whole text finds (kept for the few
    texts last asked about: every date of an article asks for its sentence)."""
    starts, ends = [], []
    for boundary in _SENTENCE_END.finditer(text):
        starts.append(boundary.start())
        ends.append(boundary.end())
    return starts, ends


def _sentence_start(text: str, start: int) -> int:
    # Cutting the text at `start` changes only breaks in the whitespace right before it (a break
    # needs to see the capital after it); breaks before that whitespace are the whole text's.
    run_start = start
    while run_start > 0 and text[run_start - 1].isspace():
        run_start -= 1
    cut_breaks = [boundary.end() for boundary in _SENTENCE_END.finditer(text, run_start, start)]
    if cut_breaks:
        return cut_breaks[-1]
    _, ends = _breaks(text)
    earlier = bisect_right(ends, run_start)
    return ends[earlier - 1] if earlier else 0


def _sentence_end(text: str, end: int) -> int:
    starts, ends = _breaks(text)
    following = bisect_left(starts, end)
    if following and ends[following - 1] > end:  # a break spans `end`: searching from it may differ
        found = _SENTENCE_END.search(text, end)
        return found.start() if found else len(text)
    return starts[following] if following < len(starts) else len(text)


def _nearest_cue(sentence: str, low: str, at: int, to: int) -> Relation | None:
    """The relation of the cue closest to the date at [at, to) of the sentence; a cue before it weighs
    double the distance, and a future cue wins a tie (`low` is the sentence lower-cased)."""
    before, after = low[:at], low[to:]
    future = _distance(_FUTURE_CUES, before, after)
    may = _distance(_MAY, sentence[:at], sentence[to:])
    if may is not None and (future is None or may < future):
        future = may
    past = _distance(_PAST_CUES, before, after)
    if future is not None and (past is None or future <= past):
        return "future"
    return "past" if past is not None else None


def _distance(pattern: re.Pattern[str], before: str, after: str) -> float | None:
    """Characters from the date to the nearest cue: the last one before it, counted once,
    or the first one after it, counted twice."""
    matches_before = list(pattern.finditer(before))
    first = pattern.search(after)
    distances = [float(len(before) - matches_before[-1].end())] if matches_before else []
    if first:
        distances.append(2.0 * first.start())
    return min(distances) if distances else None
