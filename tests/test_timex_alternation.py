"""Cue lists regrouped by first letter match exactly what the flat alternations match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.benchmark import corpus
from sidelined.timex import tense
from sidelined.timex.alternation import branches, grouped_by_first_char
from sidelined.timex.resolve import lower_same_length

# The future cues as first written, with branches that open on a group or a class.
_WRITTEN_FUTURE_CUES = (
    tense._FUTURE_CUES.replace("'ll|’ll", "['’]ll")
    .replace("possible (?:return|comeback|debut)|potential (?:return|comeback|debut)|likely (?:return|comeback|debut)",
             "(?:possible|potential|likely) (?:return|comeback|debut)")
    .replace("unavailable (?:for|to|against)|available (?:for|to|against)", "(?:un)?available (?:for|to|against)")
)
_FLAT_CUE = re.compile(
    rf"\b(?:(?P<future>{_WRITTEN_FUTURE_CUES})|(?P<past>{tense._PAST_CUES})|"
    rf"(?<!be )(?!(?:{tense._NOT_PAST_ED})\b)(?P<ed>[a-z]\w+ed))\b"
)
WORDS = [
    "will", "won't", "he'll", "’ll", "going", "to", "into", "set", "due", "be", "play", "plays", "playing", "last",
    "16", "eight", "missed", "miss", "unavailable", "available", "for", "against", "needed", "sidelined", "rested",
    "was", "were", "united", "ended", "reed", "seed", "return", "returns", "action", "possible", "debut", "prepares",
    "doubtful", "kicks", "off", "x", "the", "fit", "potential", "likely", "comeback", "un", "’", "'",
]  # fmt: skip
SEPARATORS = [" ", "", ", ", ". ", "\n", "-", "'"]


def _key(match: re.Match[str]) -> tuple[object, ...]:
    return (match.span(), match.lastgroup)


def test_the_written_cues_are_the_ones_regrouped() -> None:
    assert "(?:un)?available" in _WRITTEN_FUTURE_CUES and "['’]ll" in _WRITTEN_FUTURE_CUES


def test_branches_split_only_the_top_level_bars() -> None:
    assert branches(r"a(?:b|c)|[|x]d|e\|f") == ["a(?:b|c)", "[|x]d", r"e\|f"]


def test_grouping_keeps_the_order_of_branches_within_a_letter() -> None:
    assert grouped_by_first_char("will|shall|won't|would|set to") == "w(?:ill|on't|ould)|s(?:hall|et to)"


@pytest.mark.parametrize("branch", ["(?:un)?available", "s?et", "[ab]c", r"\bx"])
def test_a_branch_without_one_plain_first_character_is_refused(branch: str) -> None:
    with pytest.raises(ValueError):
        grouped_by_first_char(f"will|{branch}")


def test_the_grouped_cue_scan_finds_the_flat_scans_cues_in_every_article() -> None:
    for article in corpus():
        low = lower_same_length(article.text)
        assert [_key(found) for found in tense._CUE.finditer(low)] == [_key(found) for found in _FLAT_CUE.finditer(low)]


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=16))
def test_the_grouped_cue_scan_finds_the_flat_scans_cues(words: list[tuple[str, str]]) -> None:
    low = "".join(word + separator for word, separator in words)
    for start in (0, len(low) // 3):
        grouped = [_key(found) for found in tense._CUE.finditer(low, start, len(low) - start // 2)]
        assert grouped == [_key(found) for found in _FLAT_CUE.finditer(low, start, len(low) - start // 2)]
