"""Is a weekday or month in a sentence looking back (a played match) or forward (a fixture)?

The clue nearest the expression wins: first in the words of its own clause
before it, then after it.  A match result right after a possessive weekday
("Saturday's 4-3 win") settles it at once.
"""

from __future__ import annotations

import re
from typing import Literal

from sidelined.timex.alternation import grouped_by_first_char

Tense = Literal["past", "future"]

_FUTURE_CUES = (
    r"will|shall|won['’]t|'ll|’ll|going to|set to|due to (?:face|play|meet|host|visit|travel)|"
    r"expected to|hoping to|hopes? to|aims? to|bid to|plans? to|scheduled (?:to|for)|due to be|"
    r"ahead of|heading into|going into|build-up to|in line (?:to|for)|"
    r"faces?|facing|hosts?|hosting|visits?|travels?|travelling|takes? on|taking on|"
    r"plays?|playing|meets?|returns|is back|are back|possible (?:return|comeback|debut)|"
    r"potential (?:return|comeback|debut)|likely (?:return|comeback|debut)|to go|"
    r"unavailable (?:for|to|against)|available (?:for|to|against)|fit (?:for|to)|"
    r"contention (?:for|against)|squad (?:for|to face)|fitness (?:for|test)|doubt(?:ful)? for|"
    r"miss|misses|missing|ruled out (?:of|for)|prepar(?:e|es|ing) for|kicks? off|upcoming|"
    r"coming|awaits?|can|could|may|might|should|would|next|return(?:s)? (?:to action|against|for)|"
    r"preview|tomorrow|tonight"
)
_PAST_CUES = (
    r"was|were|had|did|didn['’]t|wasn['’]t|weren['’]t|said|told|saw|won|lost|drew|beat|"
    r"scored|suffered|suffering|sustained|sustaining|picked up|picking up|hurt|hurting|"
    r"went|came|left|took|got|made|missed|underwent|forced off|taken off|kept|fell|felt|broke|tore|gave|"
    r"began|spent|sat|led|brought|held|ran|wore|threw|struck|caught|stood|became|found|sent|sold|bought|"
    r"last(?![-\s]*(?:16|32|eight|four)\b)|earlier|ago|previous|yesterday|since"
)
_NOT_PAST_ED = (
    r"sidelined|injured|suspended|scheduled|expected|linked|tipped|rested|tied|involved|interested|"
    r"concerned|rated|based|needed|required|allowed|unbeaten|undefeated|"
    r"need|speed|indeed|proceed|exceed|succeed|feed|seed|breed|deed|bleed|greed|steed"
)
# Runs on the lower-cased text; an "-ed" word that is capitalised in the original (United) is no verb.
# Every branch opens with a letter or an apostrophe: the lookahead spares the branches at word ends, and the
# cue lists grouped by first letter are tried once per letter, not once per word (same matches, `alternation.py`).
_FUTURE, _PAST, _NOT_ED = (grouped_by_first_char(cues) for cues in (_FUTURE_CUES, _PAST_CUES, _NOT_PAST_ED))
_CUE = re.compile(
    rf"\b(?=[a-z'’])(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?<!be )(?!(?:{_NOT_ED})\b)(?P<ed>[a-z]\w+ed))\b"
)
_RESULT_AFTER = re.compile(
    r"\s*(?:[\w’'-]+\s+){0,3}?(?:\d{1,2}\s*[-–]\s*\d{1,2}\b|(?:win|victory|defeat|loss|draw|"
    r"triumph|thrashing|success|stalemate|humiliation)\b)",
)
_PRESENT = re.compile(r"\b(?:is|are|has|have)\b|['’](?:s|re)\s+(?:set|due|back|ready|fit|available)\b")
# "[.!?;]\s|\n|[.!?]$" written to open on one character class, which the regex engine scans for quickly.
_CLAUSE_END = re.compile(r"[.!?;\n](?:(?<=[.!?;])\s|(?<=\n)|(?<=[.!?])$)")
_LOOKAROUND = 160


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence holding text[start:end] (bounded to a few lines)."""
    left_floor = max(0, start - _LOOKAROUND)
    left = left_floor
    for found in _CLAUSE_END.finditer(text, left_floor, start):
        left = found.end()
    right_match = _CLAUSE_END.search(text, end, min(len(text), end + _LOOKAROUND))
    right = right_match.start() if right_match else min(len(text), end + _LOOKAROUND)
    return left, right


def result_follows(low: str, end: int) -> bool:
    """True when a match result comes straight after: "Saturday's 2-1 win" (`low`: the lower-cased text)."""
    return _RESULT_AFTER.match(low, end, min(len(low), end + 50)) is not None


def _cue_tense(text: str, found: re.Match[str]) -> Tense | None:
    if found.group("future"):
        return "future"
    if found.group("ed") and text[found.start()].isupper():
        return None
    return "past"


_ADJACENT_WINDOW = 24


def past_verb_follows(text: str, end: int, low: str | None = None) -> bool:
    """A past verb right after the expression governs it: "tests on Monday revealed", "Saturday's game ended"."""
    low = text.lower() if low is None or len(low) != len(text) else low
    stop = min(len(text), end + _ADJACENT_WINDOW)
    for mark in (",", ";", ".", " and ", " but ", "\n"):
        found = low.find(mark, end, stop)
        if found >= 0:
            stop = found
    first = _CUE.search(low, end, stop)
    return first is not None and _cue_tense(text, first) == "past"


def tense_at(text: str, start: int, end: int, low: str | None = None) -> Tense | None:
    """The tense the words around text[start:end] give it, or None when nothing tells.

    `low` is the text lower-cased (same length); pass it when you have it.
    """
    low = text.lower() if low is None or len(low) != len(text) else low
    left, right = clause_bounds(text, start, end)
    nearest: Tense | None = None
    for found in _CUE.finditer(low, left, start):
        nearest = _cue_tense(text, found) or nearest
    if nearest is not None:
        return nearest
    for found in _CUE.finditer(low, end, right):
        following = _cue_tense(text, found)
        if following is not None:
            return following
    if _PRESENT.search(low, left, right):
        return "future"
    return None


def previous_sentence_says(text: str, start: int, phrase: re.Pattern[str], low: str | None = None) -> bool:
    """Whether `phrase` (lower case) occurs in the sentence holding `start` or in the one before it."""
    low = text.lower() if low is None or len(low) != len(text) else low
    left, _ = clause_bounds(text, start, start)
    if left < 2 or text[left - 1] == "\n":
        return phrase.search(low, left, start) is not None
    earlier_left, _ = clause_bounds(text, left - 2, left - 2)
    return phrase.search(low, earlier_left, start) is not None
