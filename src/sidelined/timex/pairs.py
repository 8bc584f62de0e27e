"""Weekday + day-of-month pairs written without a year, the clue to an undated article's year.

"Friday (May 2)", "Friday, March 27", "Tuesday 31 March", "Sat 18 Nov": a
weekday only falls on a given day of a given month in some years, so these
pairs narrow down when an article was written.
"""

from __future__ import annotations

import re

from sidelined.timex import patterns
from sidelined.timex.lexicon import day_number, month_number, weekday_number
from sidelined.timex.resolve import lower_same_length

WeekdayDatePair = tuple[int, int, int, tuple[int, int]]


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
    for match in patterns.WEEKDAY_WITH_DATE.finditer(low):
        pair = _pair(text, match, ("wd", "ma", "da") if match["ma"] else ("wd", "mb", "db"))
        if pair:
            found.append(pair)
            taken.append(match.span())
    for pattern in (patterns.MONTH_DAY, patterns.DAY_MONTH):
        for match in pattern.finditer(low):
            if match["wd"] is None or match["y"] is not None:
                continue
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            pair = _pair(text, match, ("wd", "m", "d"))
            if pair:
                found.append(pair)
                taken.append(match.span())
    found.sort(key=lambda pair: pair[3])
    return found
