"""Trying a rule from the few words before its trigger word, in one regex call.

A rule may begin up to `lookback` words before its trigger ("up to six weeks"
is found from "weeks").  The plain way tries its pattern at each of those word
starts, farthest first, and keeps the first match that reaches the trigger's
end.  The pattern made by `reaching` does those tries inside the regex engine:
from the farthest word it skips whole words lazily, so the rule is tried at the
farthest word first, then the next one, ... up to the trigger word itself.
A word is a run of [a-z0-9] in the lower-cased text.
"""

from __future__ import annotations

import re

_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_WORD_START = re.compile(r"[a-z0-9]+")
_FOUND = "_found"


def reaching(pattern: re.Pattern[str], lookback: int) -> re.Pattern[str]:
    """`pattern` tried after skipping 0, 1, ... `lookback` whole words, fewest first."""
    if not 0 < lookback <= MOST_WORDS_BACK:
        raise ValueError(f"a rule looks back 1 to {MOST_WORDS_BACK} words, not {lookback}")
    skip = rf"(?:[a-z0-9]++[^a-z0-9]++){{0,{lookback}}}?"
    return re.compile(rf"{skip}(?P<{_FOUND}>{pattern.pattern})", pattern.flags)


MOST_WORDS_BACK = 12
# On the reversed text: exactly / up to `count` words, each after any non-word characters.
_EXACTLY_BACK = tuple(re.compile(rf"(?:[^a-z0-9]*+[a-z0-9]++){{{count}}}") for count in range(MOST_WORDS_BACK + 1))
_UP_TO_BACK = tuple(re.compile(rf"(?:[^a-z0-9]*+[a-z0-9]++){{0,{count}}}") for count in range(MOST_WORDS_BACK + 1))


class WordsBefore:
    """The words before the trigger words of one lower-cased text, read backwards from each trigger."""

    def __init__(self, low: str) -> None:
        self.low = low
        self._reversed = low[::-1]
        self._length = len(low)

    def starts(self, position: int, count: int) -> list[int]:
        """Starts of up to `count` words before `position`, farthest first, then `position`."""
        back = _UP_TO_BACK[count].match(self._reversed, self._length - position)
        farthest = self._length - back.end() if back is not None else position
        return [word.start() for word in _WORD_START.finditer(self.low, farthest, position)] + [position]

    def first_reaching(self, pattern: re.Pattern[str], reach: re.Pattern[str], lookback: int,
                       trigger_start: int, trigger_end: int) -> re.Match[str] | None:
        """The match of `pattern` at the farthest of the `lookback` words before the trigger (or at the
        trigger) that reaches the trigger's end; `reach` is `reaching(pattern, lookback)`."""
        low, tried_to = self.low, -1
        back = None  # the `lookback`-th word before the trigger, when there are that many and a word starts there
        if trigger_start and low[trigger_start - 1] not in _WORD_CHARS and low[trigger_start] in _WORD_CHARS:
            back = _EXACTLY_BACK[lookback].match(self._reversed, self._length - trigger_start)
        if back is not None:
            found = reach.match(low, self._length - back.end())
            if found is None:
                return None
            if found.end() >= trigger_end:
                return pattern.match(low, found.start(_FOUND))
            tried_to = found.start(_FOUND)
        for start in self.starts(trigger_start, lookback):
            if start > tried_to:
                match = pattern.match(low, start)
                if match is not None and match.end() >= trigger_end:
                    return match
        return None
