"""Trying a rule from the few words before its trigger word, in one regex call.

A rule may begin up to `lookback` words before its trigger ("up to six weeks"
is found from "weeks").  The plain way tries its pattern at each of those word
starts, farthest first, and keeps the first match that reaches the trigger's
end.  The pattern made by `reaching` does those tries inside the regex engine:
from the farthest word it skips whole words lazily, so the rule is tried at the
farthest word first, then the next one, ... up to the trigger word itself.
A word is a run of [a-z0-9] in the lower-cased text, as `triggers.word_starts` has it.
"""

from __future__ import annotations

import re
from functools import cache

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_START = re.compile(r"[a-z0-9]+")
_FOUND = "_found"


def reaching(pattern: re.Pattern[str], lookback: int) -> re.Pattern[str]:
    """`pattern` tried after skipping 0, 1, ... `lookback` whole words, fewest first."""
    skip = rf"(?:[a-z0-9]++[^a-z0-9]++){{0,{lookback}}}?"
    return re.compile(rf"{skip}(?P<{_FOUND}>{pattern.pattern})", pattern.flags)


@cache
def _words_back(count: int, exactly: bool) -> re.Pattern[str]:
    """On the reversed text: `count` words (or up to `count`), each after any non-word characters."""
    return re.compile(rf"(?:[^a-z0-9]*+[a-z0-9]++){{{count if exactly else f'0,{count}'}}}")


class WordsBefore:
    """Where the words before a position of one lower-cased text begin, read backwards from there."""

    def __init__(self, low: str) -> None:
        self.low = low
        self._reversed = low[::-1]
        self._farthest: dict[tuple[int, int], int | None] = {}

    def farthest(self, position: int, count: int) -> int | None:
        """Start of the `count`-th word before `position`, when there are that many and a word starts
        at `position` (so that skipping `count` words from there lands on it)."""
        key = (position, count)
        if key in self._farthest:
            return self._farthest[key]
        low, found = self.low, None
        if low[position : position + 1] in _WORD_CHARS and position and low[position - 1] not in _WORD_CHARS:
            back = _words_back(count, True).match(self._reversed, len(low) - position)
            if back is not None:
                found = len(low) - back.end()
        self._farthest[key] = found
        return found

    def starts(self, position: int, count: int) -> list[int]:
        """Starts of up to `count` words before `position`, farthest first, then `position`."""
        back = _words_back(count, False).match(self._reversed, len(self.low) - position)
        farthest = len(self.low) - back.end() if back is not None else position
        return [word.start() for word in _WORD_START.finditer(self.low, farthest, position)] + [position]


def first_reaching(pattern: re.Pattern[str], reach: re.Pattern[str], lookback: int, words: WordsBefore,
                   trigger: tuple[int, int]) -> re.Match[str] | None:
    """The match of `pattern` at the farthest of the `lookback` words before the trigger (or at the
    trigger) that reaches the trigger's end; `reach` is `reaching(pattern, lookback)`."""
    low, (trigger_start, trigger_end) = words.low, trigger
    tried_to = -1
    farthest = words.farthest(trigger_start, lookback)
    if farthest is not None:
        found = reach.match(low, farthest)
        if found is None:
            return None
        if found.end() >= trigger_end:
            return pattern.match(low, found.start(_FOUND))
        tried_to = found.start(_FOUND)
    for start in words.starts(trigger_start, lookback):
        if start > tried_to:
            match = pattern.match(low, start)
            if match is not None and match.end() >= trigger_end:
                return match
    return None
