"""Trying a rule from the words before its trigger in one regex call finds what trying each word finds."""

from __future__ import annotations

import re
from bisect import bisect_left

from hypothesis import given, settings
from hypothesis import strategies as st

from sidelined.benchmark import corpus
from sidelined.timex.reach import WordsBefore, reaching
from sidelined.timex.resolve import RULES, _candidates, lower_same_length
from sidelined.timex.triggers import find_triggers

Candidate = tuple[int, int, int, tuple[int, int], dict[str, str | None]]
WORDS = [
    "up", "to", "six", "weeks", "the", "end", "of", "next", "season", "u21", "2024", "-25", "last", "year", "a",
    "few", "days", "later", "on", "saturday", "Saturday's", "march", "March", "17", "rest", "campaign", "x",
    "within", "coming", "two", "or", "three", "months", "é", "_", "(", "’s",
]  # fmt: skip
SEPARATORS = [" ", "", ", ", ". ", "\n", "-", "/"]


def _word_starts(low: str) -> list[int]:
    return [word.start() for word in re.finditer(r"[a-z0-9]+", low)]


def _word_starts_before(starts: list[int], position: int, count: int) -> list[int]:
    index = bisect_left(starts, position)
    return starts[max(0, index - count) : index] + [position]


def _plain_candidates(text: str, low: str) -> list[Candidate]:
    """Each rule tried at every word start before its trigger, farthest first, as the scanner once did."""
    triggers, all_words, found = find_triggers(text, low), _word_starts(low), []
    for order, rule in enumerate(RULES):
        positions = sorted({spot for family in rule.triggers for spot in triggers.get(family, ())})
        covered_to = -1
        for trigger_start, trigger_end in positions:
            if trigger_start < covered_to:
                continue
            for start in _word_starts_before(all_words, trigger_start, 10)[-rule.lookback - 1 :]:
                match = rule.pattern.match(low, start)
                if match is not None and match.end() >= trigger_end:
                    found.append((start, match.end(), order, match.span(), match.groupdict()))
                    covered_to = match.end()
                    break
    return found


def _fast_candidates(text: str, low: str) -> list[Candidate]:
    return [(start, end, order, match.span(), match.groupdict()) for start, end, order, match in _candidates(text, low)]


def test_the_scanner_finds_the_plain_candidates_in_every_article() -> None:
    for article in corpus():
        low = lower_same_length(article.text)
        assert _fast_candidates(article.text, low) == _plain_candidates(article.text, low)


@settings(max_examples=500, deadline=None)
@given(words=st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), max_size=16))
def test_the_scanner_finds_the_plain_candidates(words: list[tuple[str, str]]) -> None:
    text = "".join(word + separator for word, separator in words)
    low = lower_same_length(text)
    assert _fast_candidates(text, low) == _plain_candidates(text, low)


def test_a_match_ending_before_the_trigger_lets_a_nearer_word_be_tried() -> None:
    pattern = re.compile(r"\b(?:two days|three weeks)\b")
    low = "out for two days and three weeks"
    trigger = (low.index("weeks"), len(low))
    match = WordsBefore(low).first_reaching(pattern, reaching(pattern, 4), 4, *trigger)
    assert match is not None and match.span() == (low.index("three"), len(low))


def test_words_before_a_digit_inside_a_word_are_counted_from_that_word() -> None:
    low = "the u21 side"
    assert WordsBefore(low).starts(5, 2) == [0, 4, 5]
    pattern = re.compile(r"\bthe u21\b|\bu21\b|21")
    assert WordsBefore(low).first_reaching(pattern, reaching(pattern, 2), 2, 5, 7).span() == (0, 7)
    assert WordsBefore(low).first_reaching(pattern, reaching(pattern, 1), 1, 5, 7).span() == (4, 7)
