"""Trying a pattern only where a match can begin.

A pattern led by an optional group, a lookbehind or a word boundary gives the
regex engine no first character to look for, so `finditer` tries it at every
position of the text.  When a quick pattern finds every place a match can
start, trying the slow one only there finds the very same matches.
"""

from __future__ import annotations

import re


def tried_at(pattern: re.Pattern[str], text: str, starts: re.Pattern[str]) -> list[re.Match[str]]:
    """The matches `pattern.finditer(text)` finds, on the condition that each of them begins where
    `starts` matches (or inside a match of `starts` where `pattern` cannot begin); `pattern` is tried
    only at those places, skipping those inside a match already found, as `finditer` does."""
    found: list[re.Match[str]] = []
    covered_to = 0
    for start in starts.finditer(text):
        if start.start() < covered_to:
            continue
        match = pattern.match(text, start.start())
        if match is not None:
            found.append(match)
            covered_to = match.end()
    return found
