"""The quick scans of dating find exactly what the plain regular expressions they replace find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.dating.roster import _whole_word_ends

PIECES = ["Kane", "Kane's", "Kane-", "-Kane", "O'Kane", "Kane_", "Kané", "Ka", "ne", "A", "A-A"]
PIECES += [" ", "\n", "9", "’", "-", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12).map("".join), st.sampled_from(["Kane", "O'", "Kane-", "A-A"]))
def test_whole_word_ends_are_where_a_word_boundary_pattern_ends(text: str, word: str) -> None:
    expected = [match.end() for match in re.finditer(rf"\b{re.escape(word)}\b", text)]
    assert _whole_word_ends(text, word) == expected


def test_whole_word_ends_skip_words_inside_longer_ones() -> None:
    assert _whole_word_ends("Kane, Kanes and Harry Kane", "Kane") == [4, 26]
    assert _whole_word_ends("A-A-A", "A-A") == [3]
