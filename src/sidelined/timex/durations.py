"""Rules for lengths of time: "two to three weeks", "up to six weeks", "10 days ago", "a week later".

A duration is counted from the publication day (ANNOTATION rule 6): "two to
three weeks" is +14..+21, "up to six weeks" has no earliest bound, "at least
ten days" no latest.  Months and years count on the calendar.  "N days later"
counts from the last day the text named.
"""

from __future__ import annotations

import re
from datetime import date

from sidelined.models import TimeExpression
from sidelined.timex import dates, patterns
from sidelined.timex.context import Context, Rule
from sidelined.timex.lexicon import number_value, unit_name
from sidelined.timex.tense import clause_bounds

_UPPER_ONLY = frozenset({"up to", "within", "within the next", "within the coming", "inside", "a maximum of",
                         "at most", "no more than", "under", "less than", "fewer than"})
_LOWER_ONLY = frozenset({"at least", "a minimum of", "more than", "over"})
_BACKWARD = frozenset({"the past", "the last", "past", "last"})


def _shift(anchor: date, count: float, unit: str, sign: int = 1) -> date:
    if unit in ("month", "year"):
        months = count * (12 if unit == "year" else 1)
        whole = int(months)
        shifted = dates.add_months(anchor, sign * whole)
        return dates.add_days(shifted, sign * round((months - whole) * 30))
    days = {"day": 1, "week": 7, "fortnight": 14}[unit]
    return dates.add_days(anchor, sign * round(count * days))


def _counts(match: re.Match[str]) -> tuple[float, float] | None:
    low = number_value(match["n1"])
    if low is None or low == 0:
        return None
    high = number_value(match["n2"]) if match["n2"] else low
    if high is None or high < low:
        return None
    if match["join"] and match["join"].strip().lower() == "and" and (match["q"] or "").lower() != "between":
        return None
    extra = 0.5 if match["half"] else 0.0
    return low + extra, high + extra


def _ago(ctx: Context, match: re.Match[str], count: float, unit: str) -> list[TimeExpression]:
    day = _shift(ctx.anchor, count, unit, -1)
    if unit == "day":
        return [ctx.make(*match.span(), "date", value=day)]
    if unit == "year":
        return [ctx.make(*match.span(), "range", earliest=date(day.year, 1, 1), latest=date(day.year, 12, 31))]
    slack = 3 if unit in ("week", "fortnight") else 10
    return [ctx.make(*match.span(), "range", earliest=dates.add_days(day, -slack), latest=dates.add_days(day, slack))]


def _from_last_day(ctx: Context, match: re.Match[str], count: float, unit: str, sign: int) -> list[TimeExpression]:
    if ctx.last_day is None or unit not in ("day", "week", "fortnight"):
        return [ctx.make(*match.span(), "duration")]
    return [ctx.make(*match.span(), "date", value=_shift(ctx.last_day, count, unit, sign))]


def _relative_to_same_sentence_day(
    ctx: Context, match: re.Match[str], count: float, unit: str, sign: int
) -> list[TimeExpression]:
    """"On March 2, three days before the final": the final is three days after the day just named."""
    sentence_start, _ = clause_bounds(ctx.text, match.start(), match.end())
    if ctx.last_day is None or ctx.last_day_end < sentence_start or unit not in ("day", "week", "fortnight"):
        return [ctx.make(*match.span(), "duration")]
    return [ctx.make(*match.span(), "date", value=_shift(ctx.last_day, count, unit, sign))]


def counts_from_last_day(match: re.Match[str]) -> bool:
    """Whether a duration match is read from the last day named ("three days later"), not the anchor."""
    return (match["post"] or "").lower().endswith(("later", "earlier", "before", "after"))


def duration(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    post = (match["post"] or "").lower()
    if post.endswith("-old"):
        return []
    counts = _counts(match)
    if counts is None:
        return []
    low, high = counts
    unit = unit_name(match["u"])
    if post.endswith("ago"):
        return _ago(ctx, match, low, unit)
    if post.endswith(("later", "earlier")):
        return _from_last_day(ctx, match, low, unit, 1 if post.endswith("later") else -1)
    if post.endswith(("before", "after")):
        return _relative_to_same_sentence_day(ctx, match, low, unit, 1 if post.endswith("before") else -1)
    anchor = ctx.anchor
    shortest, longest = _shift(anchor, low, unit), _shift(anchor, high, unit)
    days_min, days_max = (shortest - anchor).days, (longest - anchor).days
    qualifier = " ".join((match["q"] or "").lower().split())
    if qualifier in _BACKWARD:
        return [ctx.make(*match.span(), "duration", earliest=_shift(anchor, high, unit, -1), latest=anchor,
                         days_min=days_min, days_max=days_max)]
    earliest: date | None = shortest
    latest: date | None = longest
    shortest_days: int | None = days_min
    longest_days: int | None = days_max
    if qualifier in _UPPER_ONLY:
        earliest, shortest_days = None, None
    elif qualifier in _LOWER_ONLY:
        latest, longest_days = None, None
    return [ctx.make(*match.span(), "duration", earliest=earliest, latest=latest,
                     days_min=shortest_days, days_max=longest_days)]


def one_unit(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"for the next month" (+1 month), "over the past week" (the 7 days up to the anchor)."""
    unit, anchor = match["u"], ctx.anchor
    if match["q"] == "next":
        end = _shift(anchor, 1, unit)
        days = (end - anchor).days
        return [ctx.make(*match.span(), "duration", earliest=end, latest=end, days_min=days, days_max=days)]
    start = _shift(anchor, 1, unit, -1)
    days = (anchor - start).days
    return [ctx.make(*match.span(), "duration", earliest=start, latest=anchor, days_min=days, days_max=days)]


def one_or_two(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"a month or two" (+1..+2 months), "a week or so" (+7)."""
    unit, anchor = unit_name(match["u"]), ctx.anchor
    high = 1 if match["n2"] == "so" else number_value(match["n2"]) or 1
    shortest, longest = _shift(anchor, 1, unit), _shift(anchor, high, unit)
    return [ctx.make(*match.span(), "duration", earliest=shortest, latest=longest,
                     days_min=(shortest - anchor).days, days_max=(longest - anchor).days)]


RULES = (
    Rule("duration", patterns.DURATION, duration, ("day", "week", "month", "year"), 6),
    Rule("one_or_two", patterns.ONE_OR_TWO, one_or_two, ("day", "week", "month", "year"), 1),
    Rule("one_unit", patterns.ONE_UNIT, one_unit, ("day", "week", "month", "year"), 2),
)
