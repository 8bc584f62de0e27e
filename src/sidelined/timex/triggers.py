"""Where in a text a time expression can be: trigger words found in one Aho-Corasick pass.

Running two dozen regexes over a whole article is slow; every time expression
contains one of a few words (a month, a weekday, a digit, "week", "season",
...), so the scanner finds those first and tries each rule only there.
"""

from __future__ import annotations

import re
from collections import defaultdict

import ahocorasick

from sidelined.timex.lexicon import FULL_WEEKDAYS, MONTHS

FAMILIES: dict[str, tuple[str, ...]] = {
    "monthname": tuple(MONTHS),
    "weekday": FULL_WEEKDAYS,
    "day": ("day", "days", "fortnight", "fortnights"),
    "week": ("week", "weeks"),
    "weekend": ("weekend",),
    "month": ("month", "months"),
    "year": ("year", "years"),
    "relday": ("today", "tonight", "tomorrow", "yesterday", "night", "overnight", "morning", "afternoon",
               "evening", "eve", "day"),
    "season": ("season", "campaign", "term"),
    "yearseason": ("summer", "winter", "spring", "autumn"),
    "break": ("break", "window", "period", "fixtures", "schedule"),
    "holiday": ("christmas", "xmas", "boxing", "stephen", "new", "easter"),
    "vague": ("spell", "future", "time", "term", "midweek", "mid"),
}  # fmt: skip

_DIGITS = re.compile(r"\d\d*")  # \d+, opening on a character class the regex engine scans for quickly


def _build() -> ahocorasick.Automaton:
    """Each word -> (its length, its families, those of them that count only when it is capitalised)."""
    families_of: dict[str, list[str]] = defaultdict(list)
    for family, words in FAMILIES.items():
        for word in words:
            families_of[word].append(family)
    automaton = ahocorasick.Automaton()
    for word, families in families_of.items():
        anyhow = tuple(family for family in families if family not in _CAPITALISED)
        capitalised = tuple(family for family in families if family in _CAPITALISED)
        automaton.add_word(word, (len(word), anyhow, capitalised))
    automaton.make_automaton()
    return automaton


_CAPITALISED = frozenset({"monthname", "weekday"})
_AUTOMATON = _build()
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d")


def find_triggers(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    """Family -> (start, end) of each trigger word in the lower-cased text.

    A word trigger must be a whole word ("day" in "Sunday" does not count; a
    month or weekday must be capitalised in `text`).  A digit starting a run
    of digits counts as "yearnumber" when the run is a year (1950-2099) and as
    "numdate" when it opens a numeric date ("17/03/2026"), "ordinal" before st/nd/rd/th.
    """
    found: dict[str, list[tuple[int, int]]] = defaultdict(list)
    size = len(low)
    for last, (length, anyhow, capitalised) in _AUTOMATON.iter(low):
        start, end = last - length + 1, last + 1
        if (start and low[start - 1].isalnum()) or (end < size and low[end].isalpha()):
            continue
        span = (start, end)
        for family in anyhow:
            found[family].append(span)
        if capitalised and text[start].isupper():
            for family in capitalised:
                found[family].append(span)
    for run in _DIGITS.finditer(low):
        start = run.start()
        if len(run.group()) == 4 and _YEAR.match(low, start):
            found["yearnumber"].append((start, start + 4))
        elif _NUMERIC_DATE.match(low, start):
            found["numdate"].append((start, start + 1))
        elif low[run.end() : run.end() + 2] in ("st", "nd", "rd", "th"):
            found["ordinal"].append((start, run.end() + 2))
    return found
