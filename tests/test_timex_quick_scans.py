"""Shortcuts of the time stage give what the plain ways give: patterns rewritten to be scanned quicker,
and rules not resolved a second time when their match does not read the last day named."""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.benchmark import corpus
from sidelined.timex import durations, relative, tense
from sidelined.timex.context import Context
from sidelined.timex.resolve import RULES, _candidates, lower_same_length
from sidelined.timex.triggers import _DIGITS

_PLAIN_CLAUSE_END = re.compile(r"[.!?;]\s|\n|[.!?]$")
_PLAIN_NEXT_WEEK = re.compile(r"\bnext\s+week\b(?!end)")
_PLAIN_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s,]*$")
PIECES = ["next", "week", "weekend", "x", "On", "Friday", ".", "!", "?", ";", ",", " ", "\n", "\u00a0", "é", "’", "7"]


def _plain_word_before(text: str, start: int) -> str:
    found = _PLAIN_WORD_BEFORE.search(text, max(0, start - 24), start)
    return found.group(1).lower() if found else ""


def _spans(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [found.span() for found in pattern.finditer(text, start, end)]


def test_the_rewritten_patterns_agree_with_the_plain_ones_on_every_article() -> None:
    for article in corpus():
        text, low = article.text, article.text.lower()
        ctx = Context(text=text, anchor=date(2026, 3, 7))
        assert _spans(relative._NEXT_WEEK, low, 0, len(low)) == _spans(_PLAIN_NEXT_WEEK, low, 0, len(low))
        for start in range(0, len(text), 7):
            end = min(len(text), start + 160)
            assert _spans(tense._CLAUSE_END, text, start, end) == _spans(_PLAIN_CLAUSE_END, text, start, end)
            assert ctx.word_before(start) == _plain_word_before(text, start)


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(PIECES), max_size=30), cut=st.integers(0, 40))
def test_the_rewritten_patterns_agree_with_the_plain_ones(pieces: list[str], cut: int) -> None:
    text = "".join(pieces)
    start, end = min(cut, len(text)), len(text) - min(cut // 3, len(text))
    end = max(start, end)
    assert _spans(tense._CLAUSE_END, text, start, end) == _spans(_PLAIN_CLAUSE_END, text, start, end)
    assert _spans(relative._NEXT_WEEK, text, start, end) == _spans(_PLAIN_NEXT_WEEK, text, start, end)
    ctx = Context(text=text, anchor=date(2026, 3, 7))
    assert [ctx.word_before(at) for at in range(len(text) + 1)] == [
        _plain_word_before(text, at) for at in range(len(text) + 1)]


def test_digit_runs_are_the_plain_scans_runs() -> None:
    texts = [article.text for article in corpus()] + ["1-0, 2024/25, \u0661\u06623 and x7y 19th"]
    for text in texts:
        assert _spans(_DIGITS, text, 0, len(text)) == _spans(re.compile(r"\d+"), text, 0, len(text))


def test_the_word_before_skips_spaces_and_commas_only() -> None:
    ctx = Context(text="Injured on, \n Saturday; since  Monday", anchor=date(2026, 3, 7))
    assert ctx.word_before(ctx.text.index("Saturday")) == "on"
    assert ctx.word_before(ctx.text.index("since")) == ""
    assert ctx.word_before(0) == ""


def test_a_match_that_does_not_count_from_the_last_day_resolves_alike_with_one() -> None:
    readers = {"duration": durations.counts_from_last_day, "relative_day": relative.counts_from_last_day}
    checked = counted = 0
    texts = [article.text for article in corpus()] + [
        "Three days later he was back. The previous day he trained; a day earlier, two weeks after the final."]
    for text in texts:
        for _, _, order, match in _candidates(text, lower_same_length(text)):
            rule = RULES[order]
            if rule.name not in readers:
                continue
            plain = Context(text=text, anchor=date(2026, 3, 7), low=lower_same_length(text))
            with_day = Context(text=text, anchor=date(2026, 3, 7), low=plain.low, last_day=date(2026, 2, 1),
                               last_day_end=0)
            if readers[rule.name](match):
                counted += 1
            else:
                checked += 1
                assert rule.handler(with_day, match) == rule.handler(plain, match)
    assert checked > 50 and counted >= 3
