"""Fast whole-article scans for the linking passes.

Python's regex engine can jump straight to the places a match may start only
when a pattern opens with a literal or a character class; a leading `\\b` or
a case-insensitive alternation makes it try every single character.  These
helpers let a cheap pattern (a lower-case literal alternation over the
lower-cased text) find the candidate places and the exact pattern decide there.
"""

from __future__ import annotations

import re

from sidelined.events.cues import lowered

KELVIN_SIGN = "\u212a"  # the only non-ASCII character whose lower case is an ASCII letter


def ascii_lowered(text: str) -> str:
    """The text with ASCII capitals lower-cased and every offset kept: an ASCII letter in the result
    is exactly an ASCII letter in the text."""
    low = lowered(text)
    if KELVIN_SIGN in text:
        low = "".join(original if original == KELVIN_SIGN else char for original, char in zip(text, low, strict=True))
    return low


def find_where_hinted(exact: re.Pattern[str], text: str, hint: re.Pattern[str], hint_text: str) -> list[re.Match[str]]:
    """Exactly the matches of `exact.finditer(text)`, trying `exact` only where `hint` matches in
    `hint_text` (same offsets as `text`).  `hint` must match wherever `exact` does; `exact` must
    never match the empty string."""
    found = []
    position = 0
    while (candidate := hint.search(hint_text, position)) is not None:
        match = exact.match(text, candidate.start())
        if match:
            found.append(match)
            position = match.end()
        else:
            position = candidate.start() + 1
    return found
