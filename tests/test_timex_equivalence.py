"""The quick scans of the time stage find exactly what the plain pattern scans they replace find."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.timex import patterns
from sidelined.timex.pairs import _BRACKETED_PAIR_START, _weekday_led
from sidelined.timex.scan import tried_at

WORDS = [
    "friday", "fri.", "sat", "sunday's", "(", ")", "march", "mar.", "may", "7", "31st", "2", "2019", "the", "of",
    "to", "and", "-", "&", ",", "on", "monday,", "tues", "thursday", "x", "sun", "mon-", "december", "12th",
    "this", "next", "last", "’s", "'s",
]  # fmt: skip
SEPARATORS = [" ", "", ", ", "\n", "-"]


def _key(match: re.Match[str]) -> tuple[object, ...]:
    return (match.span(), match.groupdict())


@pytest.mark.parametrize("pattern", [patterns.MONTH_DAY, patterns.DAY_MONTH], ids=["month_day", "day_month"])
@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=14))
def test_weekday_led_matches_are_the_scans_matches_with_a_weekday(
    pattern: re.Pattern[str], words: list[tuple[str, str]]
) -> None:
    low = "".join(word + separator for word, separator in words)
    expected = [_key(match) for match in pattern.finditer(low) if match["wd"] is not None]
    assert [_key(match) for match in _weekday_led(pattern, low)] == expected


@settings(max_examples=400, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=14))
def test_bracketed_pairs_are_found_where_the_scan_finds_them(words: list[tuple[str, str]]) -> None:
    low = "".join(word + separator for word, separator in words)
    expected = [_key(match) for match in patterns.WEEKDAY_WITH_DATE.finditer(low)]
    assert [_key(match) for match in tried_at(patterns.WEEKDAY_WITH_DATE, low, _BRACKETED_PAIR_START)] == expected


def test_a_bracketed_pair_after_this_is_found_whole() -> None:
    low = "out until this saturday (may 4) and friday ( 3 june )"
    found = tried_at(patterns.WEEKDAY_WITH_DATE, low, _BRACKETED_PAIR_START)
    assert [(match["rel"], match["wd"]) for match in found] == [("this", "saturday"), (None, "friday")]
