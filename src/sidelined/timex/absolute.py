"""Rules for time written out on the calendar: dates, months, years, seasons and holidays.

A year-less day goes to the year that puts it nearest the publication day (or
the year its written weekday agrees with); a year-less month follows the tense
of its sentence.
"""

from __future__ import annotations

import re
from datetime import date

from dateutil.easter import easter

from sidelined.models import TimeExpression, TimexKind
from sidelined.timex import dates, patterns
from sidelined.timex.context import Context, Rule
from sidelined.timex.lexicon import HOLIDAYS, day_number, month_number, weekday_number
from sidelined.timex.tense import tense_at

_COUNT_NOUN_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:goals?|games?|matches|points?|minutes?|players?|times|"
                               r"years?|days?|weeks?|months?|appearances|assists|caps|seconds|%|per)\b", re.I)
_EVENT_AFTER = re.compile(
    r"\s*(?:FIFA\s+|UEFA\s+|Women['’]s\s+|Club\s+)?(?:World\s+Cup|Euros?\b|European|Olympic|Copa|"
    r"African|Africa|Asian|Gold\s+Cup|Nations|Champions|final|edition|tournament|draft|MVP|Ballon)",
    re.IGNORECASE,
)
_MONTH_CUE_WORDS = frozenset({"in", "since", "until", "till", "by", "from", "during", "before", "after",
                              "of", "early", "late", "mid", "end", "start", "beginning", "through", "last",
                              "next", "this", "coming", "throughout", "around", "following"})  # fmt: skip
_BACKWARD_WORDS = frozenset({"since", "last"})
_FORWARD_WORDS = frozenset({"until", "till", "by", "next", "coming", "through", "throughout"})


def _capitalised(ctx: Context, match: re.Match[str], group: str) -> bool:
    """Whether the group's word starts with a capital in the original text (matching runs on lower case)."""
    start = match.start(group)
    return start < 0 or ctx.text[start].isupper()


def _year_or_nearest(ctx: Context, year: str | None, month: int, day: int, weekday: int | None) -> date | None:
    if year:
        return dates.safe_date(int(year), month, day)
    return dates.nearest_dated(ctx.anchor, month, day, weekday)


def _written_weekday(match: re.Match[str]) -> int | None:
    token = match.group("wd")
    if token is None:
        return None
    return weekday_number(token)


def iso_date(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    day = dates.safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    return [ctx.make(*match.span(), "date", value=day)] if day else []


def numeric_date(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    first, second, year = int(match["a"]), int(match["b"]), int(match["y"])
    if year < 100:
        year += 2000
    day_first = first > 12 or second <= 12
    day, month = (first, second) if day_first else (second, first)
    found = dates.safe_date(year, month, day)
    return [ctx.make(*match.span(), "date", value=found)] if found else []


def _list_second_day(ctx: Context, match: re.Match[str], first: int) -> int | None:
    if match["d2"] is None:
        return None
    second = day_number(match["d2"])
    if second <= first or _COUNT_NOUN_AFTER.match(ctx.text, match.end("d2")):
        return None
    return second


def written_date(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"17 March", "March 17th", "Friday, March 27", "March 27 and 31", "3-5 May 2026"."""
    if not _capitalised(ctx, match, "m") or not _capitalised(ctx, match, "wd"):
        return []
    month, first = month_number(match["m"]), day_number(match["d"])
    weekday = _written_weekday(match)
    start_day = _year_or_nearest(ctx, match["y"], month, first, weekday)
    if start_day is None:
        return []
    second = _list_second_day(ctx, match, first)
    if second is None:
        last_group = "y" if match["y"] else "d" if match.start("m") < match.start("d") else "m"
        end = match.end(last_group)
        return [ctx.make(match.start(), end, "date", value=start_day)]
    end_day = dates.safe_date(start_day.year, month, second)
    if end_day is None:
        return []
    if match["join"].strip().lower() in ("and", "&") and ctx.word_before(match.start()) != "between":
        split = match.start("join")
        return [
            ctx.make(match.start(), split, "date", value=start_day),
            ctx.make(match.start("d2"), match.end(), "date", value=end_day),
        ]
    return [ctx.make(*match.span(), "range", earliest=start_day, latest=end_day)]


def cross_month_range(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"July 26-August 25, 2024", "between October 18 and October 25"; "May 30 and June 2" are two days."""
    first_month, first_day = match["m1"] or match["m1b"], match["d1"] or match["d1b"]
    last_month, last_day = match["m2"] or match["m2b"], match["d2"] or match["d2b"]
    if not all(_capitalised(ctx, match, group) for group in ("m1", "m1b", "m2", "m2b")):
        return []
    year_text = match["y1"] or match["y2"]
    earliest = _year_or_nearest(ctx, year_text, month_number(first_month), day_number(first_day), None)
    if earliest is None:
        return []
    latest_year = int(match["y2"]) if match["y2"] else earliest.year
    latest = dates.safe_date(latest_year, month_number(last_month), day_number(last_day))
    if latest is not None and latest < earliest:
        latest = dates.safe_date(latest_year + 1, latest.month, latest.day)
    if latest is None:
        return []
    if match["join"].strip() == "and" and match["lead"] != "between":  # two days, not a window
        second_start = match.start("m2") if match["m2"] else match.start("d2b")
        return [
            ctx.make(match.start(), match.start("join"), "date", value=earliest),
            ctx.make(second_start, match.end(), "date", value=latest),
        ]
    return [ctx.make(*match.span(), "range", earliest=earliest, latest=latest)]


def weekday_with_date(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"Friday (May 2)", "this Sunday's (May 4)"."""
    month_text, day_text = match["ma"] or match["mb"], match["da"] or match["db"]
    found = dates.nearest_dated(ctx.anchor, month_number(month_text), day_number(day_text), weekday_number(match["wd"]))
    return [ctx.make(*match.span(), "date", value=found)] if found else []


def ordinal_day(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"on the 17th": that day of this month, or of the month before or after as the tense or words say."""
    anchor, day = ctx.anchor, day_number(match["d"])
    relation = (match["rel"] or "").lower()
    if relation:
        shift = {"this": 0, "next": 1, "last": -1}[relation]
    else:
        preposition = match["prep"]
        if preposition in ("since", "after"):
            tense: str | None = "past"
        elif preposition in ("until", "till", "by", "before"):
            tense = "future"
        else:
            tense = tense_at(ctx.text, match.start(), match.end(), ctx.low)
        shift = 0
        if tense == "past" and day > anchor.day:
            shift = -1
        elif tense != "past" and day < anchor.day:
            shift = 1
    year, month = dates.shift_month(anchor.year, anchor.month, shift)
    found = dates.safe_date(year, month, day)
    return [ctx.make(match.start("the"), match.end(), "date", value=found)] if found else []


def _part_window(year: int, month: int, part: str | None) -> tuple[date, date, date | None]:
    """A month's window: the whole of it or its start/middle/late third; "the end of" it is its last day."""
    first, last = dates.month_bounds(year, month)
    part = (part or "").lower()
    if part in ("early", "start", "beginning"):
        return first, date(year, month, 10), None
    if part in ("mid", "middle"):
        return date(year, month, 11), date(year, month, 20), None
    if part == "end":
        return last, last, last  # "until the end of the month" is its last day (ANNOTATION.md)
    if part in ("late", "turn"):
        return date(year, month, 21), last, None
    return first, last, None


def _part_word(match: re.Match[str]) -> str | None:
    part = match["part"]
    return part.split()[-2] if part and " of" in part.lower() else part


def _month_expression(ctx: Context, start: int, end: int, year: int, month: int, part: str | None) -> TimeExpression:
    earliest, latest, value = _part_window(year, month, part)
    kind: TimexKind = "month" if part is None else "range"
    return ctx.make(start, end, kind, value=value, earliest=earliest, latest=latest)


def month_with_year(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    if not _capitalised(ctx, match, "m"):
        return []
    return [_month_expression(ctx, *match.span(), int(match["y"]), month_number(match["m"]), _part_word(match))]


def bare_month(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"in February", "since August", "last September", "mid-March", "the end of September"."""
    token = match["m"]
    if not _capitalised(ctx, match, "m"):
        return []
    relation = (match["rel"] or "").lower()
    preposition = ctx.word_before(match.start())
    marked = relation or match["part"] or preposition in _MONTH_CUE_WORDS
    if token.lower() in ("may", "march") and not marked:
        return []  # "he may", "Theresa May", "March on"
    month = month_number(token)
    year = _bare_month_year(ctx, match, month, relation, preposition)
    return [_month_expression(ctx, *match.span(), year, month, _part_word(match))]


def _bare_month_year(ctx: Context, match: re.Match[str], month: int, relation: str, cue: str) -> int:
    """"last/next May" skip the current month; "since/until May" include it; else the tense decides."""
    anchor = ctx.anchor
    if relation == "last":
        return anchor.year if month < anchor.month else anchor.year - 1
    if relation in ("next", "this coming"):
        return anchor.year if month > anchor.month else anchor.year + 1
    if cue in _BACKWARD_WORDS:
        return anchor.year if month <= anchor.month else anchor.year - 1
    if cue in _FORWARD_WORDS:
        return anchor.year if month >= anchor.month else anchor.year + 1
    return dates.month_year(anchor, month, tense_at(ctx.text, match.start(), match.end(), ctx.low))


def table_month(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """A return month in an injury table: "Bryson (achilles, Feb)"; counted forward."""
    if not _capitalised(ctx, match, "m"):
        return []
    month = month_number(match["m"])
    year = ctx.anchor.year if month >= ctx.anchor.month else ctx.anchor.year + 1
    return [_month_expression(ctx, *match.span(), year, month, None)]


def holiday(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"Boxing Day" (the nearest one), "Christmas last year", "Easter Monday", "until the new year"."""
    name = " ".join(match["name"].replace("’", "'").split())
    if name == "the new year":
        return [ctx.make(*match.span(), "date", value=date(ctx.anchor.year + 1, 1, 1))]
    years: tuple[int, ...] = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    if match["rel"]:
        years = (ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[match["rel"]],)
    if name.startswith("easter"):
        sunday = min((easter(year) for year in years), key=lambda day: abs((day - ctx.anchor).days))
        shift = 1 if name.endswith("monday") else 0
        if name.endswith("weekend"):
            return [ctx.make(*match.span(), "range", earliest=dates.add_days(sunday, -1), latest=sunday)]
        return [ctx.make(*match.span(), "date", value=dates.add_days(sunday, shift))]
    month, day = HOLIDAYS[name]
    found = date(years[0], month, day) if match["rel"] else dates.nearest_dated(ctx.anchor, month, day)
    return [ctx.make(*match.span(), "date", value=found)]


def season_span(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"2024-25", "2024/25", "2024-2025 season"."""
    first, second = int(match["y1"]), int(match["y2"])
    if second % 100 != (first + 1) % 100 or (second >= 100 and second != first + 1):
        return []
    earliest, latest = dates.season_bounds_of_start(first)
    return [ctx.make(*match.span(), "season", earliest=earliest, latest=latest)]


def short_season(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"the 25/26 season"."""
    first, second = int(match["y1"]), int(match["y2"])
    if second != (first + 1) % 100:
        return []
    century = 1900 if first > 90 else 2000
    earliest, latest = dates.season_bounds_of_start(century + first)
    return [ctx.make(*match.span(), "season", earliest=earliest, latest=latest)]


def year_season(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"the 2022 season": a calendar-year season (MLS, NWSL, ...)."""
    year = int(match["y"])
    return [ctx.make(*match.span(), "season", earliest=date(year, 1, 1), latest=date(year, 12, 31))]


def bare_year(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"in 2023", "since 2007": the calendar year, unless it names an event ("in 2026 World Cup")."""
    if _EVENT_AFTER.match(ctx.text, match.end()):
        return []
    year = int(match["y"])
    return [ctx.make(match.start("y"), match.end(), "season", earliest=date(year, 1, 1), latest=date(year, 12, 31))]


RULES = (
    Rule("iso_date", patterns.ISO_DATE, iso_date, ("yearnumber",), 0),
    Rule("numeric_date", patterns.NUMERIC_DATE, numeric_date, ("numdate",), 0),
    Rule("cross_month_range", patterns.CROSS_MONTH_RANGE, cross_month_range, ("monthname",), 2),
    Rule("weekday_with_date", patterns.WEEKDAY_WITH_DATE, weekday_with_date, ("weekday",), 1),
    Rule("month_day", patterns.MONTH_DAY, written_date, ("monthname",), 1),
    Rule("day_month", patterns.DAY_MONTH, written_date, ("monthname",), 5),
    Rule("month_year", patterns.MONTH_YEAR, month_with_year, ("monthname",), 4),
    Rule("bare_month", patterns.BARE_MONTH, bare_month, ("monthname",), 4),
    Rule("table_month", patterns.TABLE_MONTH, table_month, ("monthname",), 0),
    Rule("holiday", patterns.HOLIDAY, holiday, ("holiday",), 1),
    Rule("ordinal_day", patterns.ORDINAL_DAY, ordinal_day, ("ordinal",), 2),
    Rule("season_span", patterns.SEASON_SPAN, season_span, ("yearnumber",), 2),
    Rule("year_season", patterns.YEAR_SEASON, year_season, ("yearnumber",), 1),
    Rule("short_season", patterns.SHORT_SEASON, short_season, ("numdate",), 0),
    Rule("bare_year", patterns.BARE_YEAR, bare_year, ("yearnumber",), 1),
)
