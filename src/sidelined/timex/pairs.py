"""Weekday + day-of-month pairs written without a year, the clue to an undated article's year.

"Friday (May 2)", "Friday, March 27", "Tuesday 31 March", "Sat 18 Nov": a
weekday only falls on a given day of a given month in some years, so these
pairs narrow down when an article was written.
"""

from __future__ import annotations

import re

from sidelined.timex import patterns
from sidelined.timex.lexicon import WEEKDAYS, day_number, month_number, weekday_number
from sidelined.timex.resolve import lower_same_length
from sidelined.timex.scan import tried_at

WeekdayDatePair = tuple[int, int, int, tuple[int, int]]

# Where a weekday name may begin (every spelling of the lexicon starts with one of these), and where
# a bracketed pair may ("this Friday (May 2)").
_WEEKDAY_PREFIXES = "|".join(sorted({spelling[:3] for spelling in WEEKDAYS}))
_WEEKDAY_START = re.compile(rf"\b(?:{_WEEKDAY_PREFIXES})")
_BRACKETED_PAIR_START = re.compile(rf"\b(?:this|next|last|{_WEEKDAY_PREFIXES})")


def _pair(text: str, match: re.Match[str], groups: tuple[str, str, str]) -> WeekdayDatePair | None:
    weekday, month, day = groups
    if not (text[match.start(weekday)].isupper() and text[match.start(month)].isupper()):
        return None
    number = day_number(match[day])
    if not 1 <= number <= 31:
        return None
    return weekday_number(match[weekday]), month_number(match[month]), number, match.span()


def weekday_date_pairs(text: str) -> list[WeekdayDatePair]:
    """(weekday 0=Monday, month, day, span) for each weekday written beside a year-less date."""
    low = lower_same_length(text)
    found: list[WeekdayDatePair] = []
    taken: list[tuple[int, int]] = []
    for match in tried_at(patterns.WEEKDAY_WITH_DATE, low, _BRACKETED_PAIR_START):
        pair = _pair(text, match, ("wd", "ma", "da") if match["ma"] else ("wd", "mb", "db"))
        if pair:
            found.append(pair)
            taken.append(match.span())
    for pattern in (patterns.MONTH_DAY, patterns.DAY_MONTH):
        for match in _weekday_led(pattern, low):
            if match["y"] is not None:
                continue
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            pair = _pair(text, match, ("wd", "m", "d"))
            if pair:
                found.append(pair)
                taken.append(match.span())
    found.sort(key=lambda pair: pair[3])
    return found


def _weekday_led(pattern: re.Pattern[str], low: str) -> list[re.Match[str]]:
    """The matches of `pattern.finditer(low)` that begin with their optional weekday.  A date without
    a weekday never spans the start of a weekday name (it is made of numbers, month names, "the",
    "of", "to" and "and"), so trying the pattern only where a weekday begins finds the same ones."""
    return [match for match in tried_at(pattern, low, _WEEKDAY_START) if match["wd"] is not None]
