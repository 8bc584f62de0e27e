"""Every match of a cue pattern in an article, found once and looked up by place.

Clauses of a roundup are read again for each player they name; scanning the
whole text once per pattern and answering "which matches fall in this clause"
by bisection keeps that cheap.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache


def cue_pattern(source: str) -> re.Pattern[str]:
    """A case-insensitive cue pattern compiled for lower-cased text: several times faster than
    re.IGNORECASE on the long alternations the cue tables are made of."""
    if re.search(r"\\[A-Z]", source):
        raise ValueError(f"cue pattern with an upper-case escape cannot be lower-cased: {source[:40]}")
    source = source.lower().replace("(?p<", "(?P<")
    if source.startswith("\\b"):
        # Tell the engine at once that a cue starts at a letter or digit; it then skips most places cheaply.
        source = "\\b(?=[a-z0-9])" + source[2:]
    return re.compile(source)


@lru_cache(maxsize=8)
def lowered(text: str) -> str:
    """The text lower-cased with every offset kept (a letter whose lower case is longer stays as it is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


class CueIndex:
    """Matches of cue patterns over the lower-cased text, computed on first use of each pattern."""

    def __init__(self, text: str) -> None:
        self.text = lowered(text)
        self._found: dict[int, tuple[list[int], list[re.Match[str]]]] = {}

    def _matches(self, pattern: re.Pattern[str]) -> tuple[list[int], list[re.Match[str]]]:
        # Keyed by identity: hashing a compiled pattern hashes its whole source on every lookup.
        found = self._found.get(id(pattern))
        if found is None:
            matches = list(pattern.finditer(self.text))
            found = ([m.start() for m in matches], matches)
            self._found[id(pattern)] = found
        return found

    def within(self, pattern: re.Pattern[str], start: int, end: int) -> Iterator[re.Match[str]]:
        """Matches that start in text[start:end] and end by `end`, in order."""
        starts, matches = self._matches(pattern)
        for i in range(bisect_left(starts, start), len(starts)):
            m = matches[i]
            if m.start() >= end:
                break
            if m.end() <= end:
                yield m

    def first(self, pattern: re.Pattern[str], start: int, end: int) -> re.Match[str] | None:
        return next(self.within(pattern, start, end), None)


@lru_cache(maxsize=8)
def index_of(text: str) -> CueIndex:
    """The cue index of a text; the last few texts' indexes are kept, so every stage of one article shares it."""
    return CueIndex(text)
