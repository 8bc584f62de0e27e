"""Calendar clues in an article's text: day-month dates (with their weekday or
year when printed next to them), bare weekdays, years and season names.

These are the small patterns dating needs; the full time-expression resolver
is `sidelined.timex`.  The word patterns run case-sensitively on the lower-cased
text (much quicker than re.IGNORECASE); capitals are checked in the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sidelined.ingest.stamps import (
    DAY_MONTH_RE,
    MONTH_DAY_RE,
    MONTH_RE,
    MONTHS,
    WEEKDAY_RE,
    YEAR_RE,
    month_number,
    weekday_number,
)
from sidelined.timex.resolve import lower_same_length
from sidelined.timex.scan import tried_at

_NOT_A_RANGE = rf"(?!\s*[-–:/]\s*\d|\s*[-–]\s*{MONTH_RE})"
_MONTH_DAY = re.compile(rf"\b{MONTH_DAY_RE}\b{_NOT_A_RANGE}(?:,?\s+(?P<year>{YEAR_RE})\b)?")
_DAY_MONTH = re.compile(rf"\b{DAY_MONTH_RE}\b\.?(?:,?\s+(?P<year>{YEAR_RE})\b)?")
# The weekday printed just before a date: "Friday (May 2)", "this Sunday's (May 4)", "Tuesday 31 March"
_WEEKDAY_BEFORE = re.compile(rf"\b(?P<weekday>{WEEKDAY_RE})(?:'s|’s)?\.?[\s,(]*$")
_FULL_WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")
# Where each pattern above can begin (see `tried_at`): a month name, a run of digits, a weekday name.
_MONTH_START = re.compile(rf"\b(?:{'|'.join(sorted({name[:3] for name in MONTHS}))})")
_DIGITS = re.compile(r"\d+")
_FULL_WEEKDAY_START = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day")
_DAY_WORD = r"(?P<word>today|yesterday|tomorrow)"
_NAMED_DAY = re.compile(
    rf"\b{_DAY_WORD}\W{{1,3}}(?P<after>{WEEKDAY_RE})\b|\b(?P<before>{WEEKDAY_RE})\W{{1,3}}(?P<word2>today|yesterday|tomorrow)\b"
)
_DAY_WORD_OFFSET = {"today": 0, "yesterday": 1, "tomorrow": -1}
_SEASON = re.compile(rf"\b(?P<start>{YEAR_RE})\s*[-–/]\s*(?P<end>\d\d(?:\d\d)?)\b(?!\s*[-–]\s*\d)")
# Season names and lone years both begin with a year's four digits; a year's digits overlapping
# another's follow a digit, where neither can begin.
_YEAR_DIGITS = re.compile(YEAR_RE)
_LONE_YEAR = re.compile(rf"(?<![\d£$€.,/-])(?P<year>{YEAR_RE})(?![\d%]|\s*[-–/]\s*\d)")


# A wire dateline opening a line near the top: "Paris, July 28 (IANS)", "Sept 2 (Reuters) -",
# "DUESSELDORF, June 18", "SOUTHAMPTON, England Aug 13 Hobbling ..."
_DATELINE = re.compile(
    rf"^[ \t]*(?:(?:[A-Z][\w .'’-]{{1,40}},\s*)?(?P<date>{MONTH_RE}\.?\s+\d{{1,2}})\b(?:,?\s+{YEAR_RE})?"
    r"[ \t]*(?:\([A-Za-z .]+\)|[-–—:]|$)"
    rf"|(?-i:[A-Z][A-Z .'’-]{{2,40}}),(?:\s*[A-Z][a-z]+)?\s+(?P<wire>{MONTH_RE}\.?\s+\d{{1,2}})\b)",
    re.IGNORECASE | re.MULTILINE,
)
_DATELINE_HEAD_CHARS = 300


@dataclass(frozen=True)
class DayMention:
    """A day of a month in the text, with the weekday or year printed beside it."""

    start: int
    end: int
    month: int
    day: int
    weekday: int | None = None
    year: int | None = None


@dataclass(frozen=True)
class WeekdayMention:
    """A weekday on its own ("on Saturday", "Tuesday's friendly")."""

    start: int
    end: int
    weekday: int


def day_mentions(text: str) -> list[DayMention]:
    """Every day-and-month date in `text`, in order, with its weekday and year when printed."""
    found: dict[int, DayMention] = {}
    low = lower_same_length(text)
    for pattern, starts in ((_MONTH_DAY, _MONTH_START), (_DAY_MONTH, _DIGITS)):
        for match in tried_at(pattern, low, starts):
            mention = _day_mention(text, low, match)
            if mention is not None and not any(_overlaps(mention, other) for other in found.values()):
                found[mention.start] = mention
    return _with_timex_weekdays(text, [found[start] for start in sorted(found)])


def _with_timex_weekdays(text: str, days: list[DayMention]) -> list[DayMention]:
    """Give a date the weekday the time stage reads beside it ("Friday, March 27", "Tuesday 31 March"),
    where the patterns above saw none: the weekday is what fixes the year."""
    from sidelined.timex import weekday_date_pairs

    pairs = weekday_date_pairs(text) if any(m.weekday is None for m in days) else []
    out = []
    for mention in days:
        if mention.weekday is None:
            for pair in pairs:
                weekday, month, day, (start, end) = pair
                if (month, day) == (mention.month, mention.day) and start < mention.end and mention.start < end:
                    mention = DayMention(min(start, mention.start), max(end, mention.end), month, day, weekday,
                                         mention.year)
                    break
        out.append(mention)
    return out


def _day_mention(text: str, low: str, match: re.Match[str]) -> DayMention | None:
    if not text[match.start("month")].isupper():
        return None  # "may", "march" as ordinary words
    month = month_number(match.group("month"))
    day = int(match.group("day"))
    if month is None or not 1 <= day <= 31:
        return None
    year = int(match.group("year")) if match.group("year") else None
    start = match.start()
    weekday = None
    reach = max(0, start - 18)
    before = _WEEKDAY_BEFORE.search(low[reach:start])
    if before and text[reach + before.start("weekday")].isupper():
        weekday = weekday_number(before.group("weekday"))
        start = reach + before.start()
    return DayMention(start, match.end(), month, day, weekday, year)


def _overlaps(a: DayMention, b: DayMention) -> bool:
    return a.start < b.end and b.start < a.end


def dateline_start(text: str) -> int | None:
    """Where the date of a wire dateline at the top of the text starts (that date is the day of writing)."""
    match = _DATELINE.search(text[:_DATELINE_HEAD_CHARS])
    if not match:
        return None
    group = "date" if match.group("date") else "wire"
    return match.start(group) if match.group(group)[0].isupper() else None


def weekday_mentions(text: str, days: list[DayMention]) -> list[WeekdayMention]:
    """Full weekday names not already part of a dated mention."""
    mentions = []
    for match in tried_at(_FULL_WEEKDAY, text, _FULL_WEEKDAY_START):
        if any(day.start <= match.start() < day.end for day in days):
            continue
        weekday = weekday_number(match.group())
        if weekday is not None:
            mentions.append(WeekdayMention(match.start(), match.end(), weekday))
    return mentions


def today_weekday(text: str) -> tuple[int, int] | None:
    """The weekday of the day of writing, from "today, Thursday", "today [Wednesday]" or
    "yesterday (Tuesday)", and where the text says it."""
    low = lower_same_length(text)
    if not any(word in low for word in _DAY_WORD_OFFSET):  # the quick answer for most texts
        return None
    match = _NAMED_DAY.search(low)
    if not match:
        return None
    weekday = weekday_number(match.group("after") or match.group("before"))
    word = (match.group("word") or match.group("word2")).lower()
    return ((weekday + _DAY_WORD_OFFSET[word]) % 7, match.start()) if weekday is not None else None


def season_start_years(text: str) -> list[int]:
    """Start years of seasons named in the text: "2024-25" and "2017/18" give 2024 and 2017."""
    starts = []
    for match in tried_at(_SEASON, text, _YEAR_DIGITS):
        start, end = int(match.group("start")), match.group("end")
        if int(end[-2:]) == (start + 1) % 100:
            starts.append(start)
    return starts


def lone_years(text: str) -> list[tuple[int, int]]:
    """Years written on their own (not in a season name or a score), with their positions."""
    seasons = {m.start() for m in tried_at(_SEASON, text, _YEAR_DIGITS)}
    return [
        (int(match.group("year")), match.start())
        for match in tried_at(_LONE_YEAR, text, _YEAR_DIGITS)
        if match.start() not in seasons
    ]
