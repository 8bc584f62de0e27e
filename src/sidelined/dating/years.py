"""Which year a day-and-month date falls in.

A weekday printed beside the date ("Friday (May 2)") leaves only the years in
which that day is that weekday; among those, season names ("2024-25") and
years written in the text choose.  Dates without a weekday take the year that
puts them nearest the dates already placed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sidelined.dating.mentions import DayMention

EARLIEST_YEAR = 1990
LATEST_YEAR = 2035
SEASON_FIRST_MONTH = 7  # a season "2024-25" runs from July 2024 to June 2025
_SEASON_WEIGHT = 10.0
_YEAR_WEIGHT = 4.0
_MAX_YEAR_DISTANCE = 6
_ROSTER_WEIGHT = 2.0


@dataclass(frozen=True)
class YearClues:
    seasons: list[int]  # start years of the seasons named
    years: list[tuple[int, float]]  # years written in the text, with a weight by position
    fallback_year: int  # used only to break ties between equally supported years
    roster: Callable[[date], float] | None = None  # players named at clubs named, on a day

    @property
    def empty(self) -> bool:
        return not self.seasons and not self.years and self.roster is None


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def candidate_years(mention: DayMention, latest: int = LATEST_YEAR) -> list[int]:
    """Years up to `latest` in which the mention's day exists and (if printed) falls on its weekday."""
    years = []
    for year in range(EARLIEST_YEAR, latest + 1):
        day = safe_date(year, mention.month, mention.day)
        if day is not None and (mention.weekday is None or day.weekday() == mention.weekday):
            years.append(year)
    return years


def year_support(day: date, clues: YearClues) -> float:
    """How well the text's seasons and years agree with `day`."""
    score = 0.0
    season = day.year if day.month >= SEASON_FIRST_MONTH else day.year - 1
    if season in clues.seasons:
        score += _SEASON_WEIGHT
    if clues.years:
        score += max(
            weight * (_YEAR_WEIGHT - min(abs(day.year - year), _MAX_YEAR_DISTANCE)) for year, weight in clues.years
        )
    if clues.roster is not None:
        score += _ROSTER_WEIGHT * clues.roster(day)
    return score


def best_day(mention: DayMention, clues: YearClues) -> date | None:
    """The most supported date for a mention with a weekday (the one nearest the current year
    on a tie); None when the day never falls on that weekday."""
    # News is not written about a year after the current one has begun.
    latest = clues.fallback_year + 1
    days = [d for year in candidate_years(mention, latest) if (d := safe_date(year, mention.month, mention.day))]
    if not days:
        return None
    scored = [(year_support(day, clues), -abs(day.year - clues.fallback_year), day) for day in days]
    return max(scored)[2]


def nearest_day(mention: DayMention, reference: date) -> date | None:
    """The mention's day in the year (around `reference`'s) that puts it nearest `reference`."""
    options = [
        day
        for year in (reference.year - 1, reference.year, reference.year + 1)
        if (day := safe_date(year, mention.month, mention.day)) is not None
    ]
    return min(options, key=lambda day: abs((day - reference).days)) if options else None
