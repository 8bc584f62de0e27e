"""Calendar arithmetic the resolver needs: weekdays, weeks, months, seasons and year choice.

Everything here is a pure function of dates; no text is read.  Weeks run Monday to
Sunday, a football season runs 1 July to 30 June (`2025-26`).
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

SEASON_START_MONTH = 7


def add_days(day: date, count: int) -> date:
    return day + timedelta(days=count)


def add_months(day: date, count: int) -> date:
    """The same day-of-month `count` months later, clipped to the month's last day."""
    month_index = day.month - 1 + count
    year = day.year + month_index // 12
    month = month_index % 12 + 1
    return date(year, month, min(day.day, month_last_day(year, month)))


def month_last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_bounds(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, month_last_day(year, month))


def shift_month(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + count
    return index // 12, index % 12 + 1


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def on_or_before(anchor: date, weekday: int) -> date:
    """The most recent `weekday` on or before `anchor` (the anchor itself if it matches)."""
    return anchor - timedelta(days=(anchor.weekday() - weekday) % 7)


def strictly_before(anchor: date, weekday: int) -> date:
    return anchor - timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def on_or_after(anchor: date, weekday: int) -> date:
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def in_next_week(anchor: date, weekday: int) -> date:
    """`weekday` of the Monday-to-Sunday week after the anchor's week ("next Tuesday")."""
    return week_start(anchor) + timedelta(days=7 + weekday)


def weekend_of(monday: date) -> tuple[date, date]:
    return monday + timedelta(days=5), monday + timedelta(days=6)


def coming_weekend(anchor: date) -> tuple[date, date]:
    return weekend_of(week_start(anchor))


def previous_weekend(anchor: date) -> tuple[date, date]:
    """The last Saturday-Sunday that ended before the anchor's own weekend."""
    return weekend_of(week_start(anchor) - timedelta(days=7))


def next_weekend(anchor: date) -> tuple[date, date]:
    """"Next weekend": early in the week it is the coming one, from Thursday on the one after."""
    if anchor.weekday() <= 2:
        return coming_weekend(anchor)
    return weekend_of(week_start(anchor) + timedelta(days=7))


def safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def nearest_dated(anchor: date, month: int, day: int, weekday: int | None = None) -> date | None:
    """The year-less day `month`/`day` placed in the year that puts it nearest the anchor.

    When a weekday is written next to the day ("Friday, March 27"), a year whose
    calendar agrees with it wins over a nearer one that does not.
    """
    candidates = [
        found
        for year in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (found := safe_date(year, month, day)) is not None
    ]
    if not candidates:
        return None
    if weekday is not None:
        agreeing = [found for found in candidates if found.weekday() == weekday]
        if agreeing:
            candidates = agreeing
    return min(candidates, key=lambda found: (abs((found - anchor).days), found < anchor))


def month_year(anchor: date, month: int, tense: str | None) -> int:
    """The year of a year-less month: past tense looks back, future forward, else nearest."""
    if tense == "past":
        return anchor.year if month <= anchor.month else anchor.year - 1
    if tense == "future":
        return anchor.year if month >= anchor.month else anchor.year + 1
    best = min(
        (anchor.year - 1, anchor.year, anchor.year + 1),
        key=lambda year: (abs((year - anchor.year) * 12 + month - anchor.month), year > anchor.year),
    )
    return best


def season_start_year(day: date) -> int:
    return day.year if day.month >= SEASON_START_MONTH else day.year - 1


def season_label(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def season_of(day: date) -> str:
    """The football season a day falls in: 2025-08-30 -> "2025-26", 2026-03-07 -> "2025-26"."""
    return season_label(season_start_year(day))


def season_bounds_of_start(start_year: int) -> tuple[date, date]:
    return date(start_year, SEASON_START_MONTH, 1), date(start_year + 1, SEASON_START_MONTH, 1) - timedelta(1)


def season_bounds(label: str) -> tuple[date, date]:
    """First and last day of a season written "2024-25", "2024/25" or "2024-2025"."""
    head, _, tail = label.replace("/", "-").replace("–", "-").partition("-")
    start_year = int(head)
    if tail and int(tail) % 100 != (start_year + 1) % 100:
        raise ValueError(f"not a season: {label!r}")
    return season_bounds_of_start(start_year)
