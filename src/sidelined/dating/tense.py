"""Whether a dated event lies before or after publication, from the words around it.

"missed training on Friday (May 2)" is past; "this Sunday's (May 4) game",
"returns to action Saturday, March 7" and "will take place on Friday 15th
March" are still to come; "today, Thursday, January 18" is the day itself.
The cue nearest the date within its sentence decides; a date with no cue
is past in a sentence of prose and "unknown" in a short line (a fixture list).
"""

from __future__ import annotations

import re
from typing import Literal

Relation = Literal["past", "future", "today", "unknown"]

_FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|going to|next|upcoming|ahead of|coming|this(?=\s+\w+day)|"
    r"to (?:face|play|meet|host|visit|travel|take on)|faces?|facing|hosts?|hosting|visits?|"
    r"travel(?:s|ling)? to|trip to|returns? to action|in line for|set to|scheduled|"
    r"takes? place|kicks? off|could|(?-i:may)|might|hopes?|hoping|expected|tipped|"
    r"fit (?:for|to)|available for|ruled out of|miss(?:es)? (?:the|his|her|their)|doubt for|"
    r"set for|due (?:to|for|on)|is due|are due|aims? to|bid to)\b",
    re.IGNORECASE,
)
_PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|has been|have been|last|previous|ago|since|"
    r"\w+ed|went|came|won|lost|drew|beat|left|took|made|got|felt|saw|told|said|"
    r"underwent|began|broke|tore|hurt|fell|ran|gave|shook|sat|struck|scored|"
    r"injured|sustained|suffered|missed|picked up|forced off|limped off|stretchered)\b",
    re.IGNORECASE,
)
_DAY_WORDS = re.compile(r"\b(?:today|tonight|this (?:morning|afternoon|evening)|yesterday|tomorrow)\b", re.IGNORECASE)
_DAY_WORD_RELATION: dict[str, Relation] = {"yesterday": "past", "tomorrow": "future"}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'])|\n")
_PROSE_LOWERCASE_WORDS = 4
_TODAY_REACH = 12  # characters between "today" and the date it names


def relation(text: str, start: int, end: int) -> Relation:
    """Past, future or today for the date written at [start, end) of `text`."""
    sentence_start, sentence_end = sentence_bounds(text, start, end)
    before = text[sentence_start:start]
    after = text[end:sentence_end]
    near = text[max(sentence_start, start - _TODAY_REACH) : min(sentence_end, end + _TODAY_REACH)]
    day_word = _DAY_WORDS.search(near)
    if day_word:
        return _DAY_WORD_RELATION.get(day_word.group().lower(), "today")
    if re.search(r"\bthis\s*$", before, re.IGNORECASE):
        return "future"
    cue = _nearest_cue(before, after)
    if cue:
        return cue
    # Prose reports what happened; a short line with no verb (a fixture list, a caption) says nothing.
    words = text[sentence_start:sentence_end].split()
    prose = sum(1 for word in words if word[:1].islower()) >= _PROSE_LOWERCASE_WORDS
    return "past" if prose else "unknown"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line of `text`."""
    spans = []
    start = 0
    for boundary in _SENTENCE_END.finditer(text):
        if boundary.start() > start:
            spans.append((start, boundary.start()))
        start = boundary.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end]."""
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    following = _SENTENCE_END.search(text, end)
    return sentence_start, following.start() if following else len(text)


def _nearest_cue(before: str, after: str) -> Relation | None:
    """The relation of the cue closest to the date; a cue before it weighs double."""
    best: tuple[float, Relation] | None = None
    cues: tuple[tuple[re.Pattern[str], Relation], ...] = ((_FUTURE_CUES, "future"), (_PAST_CUES, "past"))
    for pattern, cue_relation in cues:
        for match in pattern.finditer(before):
            distance = float(len(before) - match.end())
            if best is None or distance < best[0]:
                best = (distance, cue_relation)
        for match in pattern.finditer(after):
            distance = 2.0 * match.start()
            if best is None or distance < best[0]:
                best = (distance, cue_relation)
    return best[1] if best else None
