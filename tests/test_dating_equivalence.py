"""The quick scans of dating find exactly what the plain regular expressions they replace find."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.dating.mentions import (
    _DAY_MONTH,
    _DIGITS,
    _FULL_WEEKDAY,
    _FULL_WEEKDAY_START,
    _LONE_YEAR,
    _MONTH_DAY,
    _MONTH_START,
    _SEASON,
    _YEAR_DIGITS,
    today_weekday,
)
from sidelined.dating.roster import _whole_word_ends
from sidelined.dating.tense import _SENTENCE_END, sentence_bounds, sentence_spans
from sidelined.timex.scan import tried_at

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


def _bounds_by_scanning(text: str, start: int, end: int) -> tuple[int, int]:
    """The plain definition: the last break in the text cut at `start`, the first break from `end` on."""
    sentence_start = 0
    for boundary in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = boundary.end()
    following = _SENTENCE_END.search(text, end)
    return sentence_start, following.start() if following else len(text)


SENTENCE_PIECES = ["He", "was", "out", ".", "!", "?", " ", "  ", "\n", "\u00a0", "“", "'", "A", "b", "3", "May"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=16).map("".join), st.data())
def test_sentence_bounds_are_those_of_the_plain_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert sentence_bounds(text, start, end) == _bounds_by_scanning(text, start, end)


def test_sentences_end_at_a_stop_before_a_capital_or_at_a_line_break() -> None:
    text = "He was hurt. March 3 was bad.\nOn Friday he trained. then rested"
    assert sentence_spans(text) == [(0, 12), (13, 29), (30, len(text))]
    assert sentence_bounds(text, 13, 20) == (0, 29)  # cut at the date, the break before it has no capital after it
    assert sentence_bounds(text, 33, 39) == (30, len(text))
    assert sentence_bounds("Out. \n Back soon", 0, 5) == (0, 5)  # from inside a break, its line break ends it


YEAR_PIECES = ["2019", "2020", "19", "20", "1", "0", "-", "–", "/", " ", "£", ".", "%", "a", "-21", "2019/20"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(YEAR_PIECES), max_size=12).map("".join))
def test_year_led_patterns_tried_at_years_find_what_a_scan_finds(text: str) -> None:
    for pattern in (_SEASON, _LONE_YEAR):
        expected = [match.span() for match in pattern.finditer(text)]
        assert [match.span() for match in tried_at(pattern, text, _YEAR_DIGITS)] == expected


def test_the_day_of_writing_needs_a_day_word() -> None:
    assert today_weekday("Out on Thursday, back on Friday") is None
    assert today_weekday("Speaking on Thursday yesterday") == (4, 12)


DATE_PIECES = ["march", "mar.", "may", "sept", "june", "7", "31st", "12", "2019", "of", "-", "–", ":", "/", ",",
               " ", "\n", "x", "a7", "Sunday", "Sundays", "xSunday", "Tuesday", "Mon", "day"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(DATE_PIECES), st.sampled_from([" ", "", ", "])), max_size=10))
def test_date_patterns_tried_where_they_can_begin_find_what_a_scan_finds(pieces: list[tuple[str, str]]) -> None:
    text = "".join(piece + separator for piece, separator in pieces)
    for pattern, starts in ((_MONTH_DAY, _MONTH_START), (_DAY_MONTH, _DIGITS), (_FULL_WEEKDAY, _FULL_WEEKDAY_START)):
        expected = [(match.span(), match.groupdict()) for match in pattern.finditer(text)]
        assert [(match.span(), match.groupdict()) for match in tried_at(pattern, text, starts)] == expected
