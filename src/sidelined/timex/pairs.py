"""Weekday + day-of-month pairs written without a year, the clue to an undated article's year.

"Friday (May 2)", "Friday, March 27", "Tuesday 31 March", "Sat 18 Nov": a
weekday only falls on a given day of a given month in some years, so these
pairs narrow down when an article was written.
"""

from __future__ import annotations

import re

from sidelined.timex import patterns
from sidelined.timex.lexicon import day_number, month_number, weekday_number

WeekdayDatePair = tuple[int, int, int, tuple[int, int]]


def _pair(match: re.Match[str], weekday: str, month: str, day: str) -> WeekdayDatePair | None:
    if not (weekday[:1].isupper() and month[:1].isupper()):
        return None
    number = day_number(day)
    if not 1 <= number <= 31:
        return None
    return weekday_number(weekday), month_number(month), number, match.span()


def weekday_date_pairs(text: str) -> list[WeekdayDatePair]:
    """(weekday 0=Monday, month, day, span) for each weekday written beside a year-less date."""
    found: list[WeekdayDatePair] = []
    taken: list[tuple[int, int]] = []
    for match in patterns.WEEKDAY_WITH_DATE.finditer(text):
        pair = _pair(match, match["wd"], match["ma"] or match["mb"], match["da"] or match["db"])
        if pair:
            found.append(pair)
            taken.append(match.span())
    for pattern in (patterns.MONTH_DAY, patterns.DAY_MONTH):
        for match in pattern.finditer(text):
            if match["wd"] is None or match["y"] is not None:
                continue
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            pair = _pair(match, match["wd"], match["m"], match["d"])
            if pair:
                found.append(pair)
                taken.append(match.span())
    found.sort(key=lambda pair: pair[3])
    return found
