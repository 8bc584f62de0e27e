"""Rules for time said relative to the publication day: weekdays, days, weeks, months, seasons.

A bare weekday takes its direction from the tense of its sentence
(`tense.py`): looking back it is the most recent such day on or before the
anchor, looking forward the next one on or after it (the anchor's own weekday
is the anchor itself, ANNOTATION rule 18).
"""

from __future__ import annotations

import re
from datetime import date

from sidelined.models import TimeExpression, TimexKind
from sidelined.timex import dates, patterns
from sidelined.timex.context import Context, Rule
from sidelined.timex.lexicon import weekday_number
from sidelined.timex.tense import past_verb_follows, previous_sentence_says, result_follows, tense_at

_NEXT_WEEK = re.compile(r"next(?<!\wnext)\s+week\b(?!end)")  # "\bnext..." led by its literal: found quicker
_FOLLOWED_BY_NOUN = re.compile(r"\s+(?:the|his|her|their|its|a|an|of|[A-Z][\w’']+)\b")
_FORWARD_PREPOSITIONS = frozenset({"until", "till", "by", "before", "for", "ahead"})
_PAST_ONLY_WEEKDAY = frozenset({"since"})
_CLUB_NAMED_AFTER_DAY = frozenset({"sheffield"})
_NOT_A_DAY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:sit|sits|are|were|have|boss|manager|striker|forward|midfielder|defender|goalkeeper|"
    r"fans|supporters|players?|side|owners?|chairman|academy)\b"
)


def _possessive(match: re.Match[str]) -> bool:
    """"Saturday's", "Saturday night's"."""
    return bool(match["poss"] or match["podposs"])


def _weekday_direction(ctx: Context, match: re.Match[str], before: str) -> str:
    if match["pod"] and match["pod"][:1].isdigit():
        return "future"  # a kick-off time: "Sunday 4pm"
    if _possessive(match) and result_follows(ctx.low, match.end()):
        return "past"
    if before in _PAST_ONLY_WEEKDAY:
        return "past"
    if before in _FORWARD_PREPOSITIONS and _possessive(match):
        return "future"
    if before in ("until", "till", "by"):
        return "future"
    if past_verb_follows(ctx.text, match.end(), ctx.low):
        return "past"
    return tense_at(ctx.text, match.start(), match.end(), ctx.low) or "past"


def weekday_reference(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"on Sunday", "Saturday's trip", "this Sunday", "next Tuesday", "last Friday", "Friday night"."""
    token = match["wd"]
    before = ctx.word_before(match.start())
    if not ctx.text[match.start("wd")].isupper() or before in _CLUB_NAMED_AFTER_DAY:
        return []
    if _NOT_A_DAY_AFTER.match(ctx.text, match.end("wd")):
        return []
    weekday = weekday_number(token)
    relation = (match["rel"] or "").lower()
    anchor = ctx.anchor
    if relation == "next":
        value = dates.in_next_week(anchor, weekday)
    elif relation == "last":
        value = dates.strictly_before(anchor, weekday)
    elif relation in ("this", "this coming"):
        past = _possessive(match) and result_follows(ctx.low, match.end())
        value = dates.on_or_before(anchor, weekday) if past else dates.on_or_after(anchor, weekday)
    elif _weekday_direction(ctx, match, before) == "past":
        value = dates.on_or_before(anchor, weekday)
    elif previous_sentence_says(ctx.text, match.start(), _NEXT_WEEK, ctx.low):
        value = dates.in_next_week(anchor, weekday)
    else:
        value = dates.on_or_after(anchor, weekday)
    end = match.end("poss") if match["poss"] else match.end()
    return [ctx.make(match.start(), end, "weekday", value=value)]


_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "tomorrow": 1, "yesterday": -1, "last night": -1, "overnight": 0,
    "the day after tomorrow": 2, "the day before yesterday": -2,
}  # fmt: skip
_BEFORE_LAST_DAY = ("the previous", "the day before", "the night before", "a day earlier", "the eve")
_AFTER_LAST_DAY = ("the following", "the next", "the day after", "a day later")


def _day_words(match: re.Match[str]) -> tuple[str, str]:
    """The relative day's words, and the one that sets its offset ("tomorrow" of "tomorrow night")."""
    word = " ".join(match["word"].lower().split())
    return word, word.split()[0] if word.startswith(("tomorrow", "yesterday")) else word


def counts_from_last_day(match: re.Match[str]) -> bool:
    """Whether a relative day is read from the last day named ("the previous day"), not the anchor."""
    return _day_words(match)[1] not in _DAY_OFFSETS


def relative_day(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"yesterday", "tonight", "tomorrow's clash"; "the previous day" counts from the last day named."""
    word, head = _day_words(match)
    if head in _DAY_OFFSETS:
        return [ctx.make(*match.span(), "date", value=dates.add_days(ctx.anchor, _DAY_OFFSETS[head]))]
    if word in ("the day before", "the day after", "the eve") and _FOLLOWED_BY_NOUN.match(ctx.text, match.end()):
        return []
    base = ctx.last_day or ctx.anchor
    if word.startswith(_BEFORE_LAST_DAY):
        return [ctx.make(*match.span(), "date", value=dates.add_days(base, -1))]
    if word.startswith(_AFTER_LAST_DAY):
        return [ctx.make(*match.span(), "date", value=dates.add_days(base, 1))]
    return []


def _relation(match: re.Match[str]) -> str:
    return " ".join((match["rel"] or "").lower().split())


def relative_week(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this week", "next week", "last week", "earlier this week", "the end of next week"."""
    relation, side, part = _relation(match), (match["side"] or "").lower(), (match["part"] or "").lower()
    monday = dates.week_start(ctx.anchor)
    if relation in ("next", "the following", "the coming"):
        monday = dates.add_days(monday, 7)
    elif relation in ("last", "the previous"):
        monday = dates.add_days(monday, -7)
    elif relation == "the" and not part:
        return []
    earliest, latest = monday, dates.add_days(monday, 6)
    if side == "earlier":
        latest = dates.add_days(ctx.anchor, -1) if ctx.anchor > monday else ctx.anchor
    elif side == "later":
        earliest = ctx.anchor if ctx.anchor == latest else dates.add_days(ctx.anchor, 1)
    elif part in ("end",):
        earliest = dates.add_days(monday, 4)
    elif part in ("start", "beginning"):
        latest = dates.add_days(monday, 2)
    return [ctx.make(*match.span(), "range", earliest=earliest, latest=latest)]


def weekend(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this weekend", "next weekend", "last weekend", "at the weekend" (by tense)."""
    relation = _relation(match)
    anchor = ctx.anchor
    if relation == "next":
        saturday, sunday = dates.next_weekend(anchor)
    elif relation == "last":
        saturday, sunday = dates.previous_weekend(anchor)
    elif relation in ("this", "this coming"):
        saturday, sunday = dates.coming_weekend(anchor)
    elif relation == "this past":
        saturday, sunday = dates.previous_weekend(anchor) if anchor.weekday() < 5 else dates.coming_weekend(anchor)
    elif tense_at(ctx.text, match.start(), match.end(), ctx.low) == "past" and anchor.weekday() < 5:
        saturday, sunday = dates.previous_weekend(anchor)
    else:
        saturday, sunday = dates.coming_weekend(anchor)
    return [ctx.make(*match.span(), "range", earliest=saturday, latest=sunday)]


def _calendar_window(relation: str, year: int, month: int) -> tuple[int, int]:
    if relation in ("next", "the following", "the coming"):
        return dates.shift_month(year, month, 1)
    if relation in ("last", "the previous"):
        return dates.shift_month(year, month, -1)
    return year, month


def relative_month(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this month", "later this month", "the end of next month", "early next month"."""
    relation, side = _relation(match), (match["side"] or "").lower()
    part = (match["part"] or match["edge"] or "").lower()
    if relation == "the" and not part:
        return []
    year, month = _calendar_window(relation, ctx.anchor.year, ctx.anchor.month)
    first, last = dates.month_bounds(year, month)
    value: date | None = None
    if side == "later":
        first = min(dates.add_days(ctx.anchor, 1), last)
    elif side == "earlier":
        last = max(dates.add_days(ctx.anchor, -1), first)
    elif part in ("early", "start", "beginning"):
        last = date(year, month, 10)
    elif part in ("mid", "middle"):
        first, last = date(year, month, 11), date(year, month, 20)
    elif part == "end":
        first = value = last
    elif part in ("late", "turn"):
        first = date(year, month, 21)
    kind: TimexKind = "month" if not (side or part) else "range"
    return [ctx.make(*match.span(), kind, value=value, earliest=first, latest=last)]


def relative_year(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this year", "next year", "the end of the year", "earlier this year"."""
    relation, side = _relation(match), (match["side"] or "").lower()
    part = (match["part"] or match["edge"] or "").lower()
    if relation == "the" and not part:
        return []
    year = ctx.anchor.year + (1 if relation in ("next", "the following", "the coming") else 0)
    year -= 1 if relation in ("last", "the previous") else 0
    first, last = date(year, 1, 1), date(year, 12, 31)
    value: date | None = None
    if side == "later":
        first = dates.add_days(ctx.anchor, 1)
    elif side == "earlier":
        last = dates.add_days(ctx.anchor, -1)
    elif part in ("early", "start", "beginning"):
        last = date(year, 3, 31)
    elif part in ("mid", "middle"):
        first, last = date(year, 5, 1), date(year, 8, 31)
    elif part == "end":
        first = value = last
    elif part == "turn":
        first = last = value = date(year + 1, 1, 1)
    elif part == "late":
        first = date(year, 10, 1)
    return [ctx.make(*match.span(), "range", value=value, earliest=first, latest=last)]


def relative_season(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this season", "next season", "last season", "the current campaign", "later this season"."""
    relation = _relation(match)
    if match["word"] == "term" and relation not in ("this", "next", "last"):
        return []  # "the term" is seldom a season; "this term" is
    start_year = dates.season_start_year(ctx.anchor)
    just_begun = relation == "the new" and 7 <= ctx.anchor.month <= 10
    if relation in ("next", "the new", "the coming", "the following") and not just_begun:
        start_year += 1
    elif relation in ("last", "the previous"):
        start_year -= 1
    earliest, latest = dates.season_bounds_of_start(start_year)
    side = (match["side"] or "").lower()
    if side == "later" and earliest <= ctx.anchor <= latest:
        earliest = ctx.anchor
    elif side == "earlier" and earliest <= ctx.anchor <= latest:
        latest = ctx.anchor
    return [ctx.make(*match.span(), "season", earliest=earliest, latest=latest)]


_SEASON_NAMED = re.compile(
    r"\b(?:(?P<year>(?:19|20)\d\d)\s*[-/–]\s*\d\d|(?P<rel>last|previous|next|new|coming))\b", re.IGNORECASE
)


def _named_season_start(ctx: Context, words: str) -> int:
    """The start year of the season that "the start of last season", "the end of the 2023-24 campaign" name."""
    current = dates.season_start_year(ctx.anchor)
    named = _SEASON_NAMED.search(words)
    if named is None:
        return current
    if named["year"]:
        return int(named["year"])
    return current - 1 if named["rel"].lower() in ("last", "previous") else current + 1


def part_of_season(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"the rest of the season" (anchor to its end), "the end of the season" (its last day)."""
    part = match["part"].lower()
    season_first, season_last = dates.season_bounds_of_start(_named_season_start(ctx, match.group()))
    if part in ("rest", "remainder", "second half", "back end"):
        return [ctx.make(*match.span(), "season", earliest=ctx.anchor, latest=season_last)]
    if part == "end":
        return [ctx.make(*match.span(), "season", value=season_last)]
    return [ctx.make(*match.span(), "season", earliest=season_first, latest=dates.add_days(season_first, 75))]


_SEASON_MONTHS = {"summer": (6, 8), "autumn": (9, 11), "winter": (12, 2), "spring": (3, 5)}


def season_of_year(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    """"this summer", "next summer", "last summer", "over the winter"."""
    relation, name = _relation(match), match["s"].lower()
    windows = [_season_window(year, name) for year in range(ctx.anchor.year - 2, ctx.anchor.year + 2)]
    current = next((w for w in windows if w[0] <= ctx.anchor <= w[1]), None)
    upcoming = next(w for w in windows if w[0] > ctx.anchor)
    finished = [w for w in windows if w[1] < ctx.anchor][-1]
    if relation == "next":
        chosen = upcoming
    elif relation == "last":
        chosen = finished
    elif relation == "this":
        chosen = current or (upcoming if (upcoming[0] - ctx.anchor).days < 120 else finished)
    else:
        tense = tense_at(ctx.text, match.start(), match.end(), ctx.low)
        if tense is None:
            tense = "past" if (ctx.anchor - finished[1]) <= (upcoming[0] - ctx.anchor) else "future"
        chosen = current or (finished if tense == "past" else upcoming)
    return [ctx.make(*match.span(), "range", earliest=chosen[0], latest=chosen[1])]


def _season_window(year: int, name: str) -> tuple[date, date]:
    first_month, last_month = _SEASON_MONTHS[name]
    if name == "winter":
        return date(year, 12, 1), dates.add_days(date(year + 1, 3, 1), -1)
    return dates.month_bounds(year, first_month)[0], dates.month_bounds(year, last_month)[1]


def vague(ctx: Context, match: re.Match[str]) -> list[TimeExpression]:
    return [ctx.make(*match.span(), "vague")]


RULES = (
    Rule("weekday", patterns.WEEKDAY_REF, weekday_reference, ("weekday",), 2),
    Rule("relative_day", patterns.RELATIVE_DAY, relative_day, ("relday",), 3),
    Rule("relative_week", patterns.RELATIVE_WEEK, relative_week, ("week",), 5),
    Rule("weekend", patterns.WEEKEND, weekend, ("weekend",), 3),
    Rule("relative_month", patterns.RELATIVE_MONTH, relative_month, ("month",), 5),
    Rule("relative_year", patterns.RELATIVE_YEAR, relative_year, ("year",), 5),
    Rule("relative_season", patterns.RELATIVE_SEASON, relative_season, ("season",), 3),
    Rule("part_of_season", patterns.PART_OF_SEASON, part_of_season, ("season",), 10),
    Rule("season_of_year", patterns.SEASON_OF_YEAR, season_of_year, ("yearseason",), 2),
    Rule("break", patterns.BREAK, vague, ("break",), 5),
    Rule("vague", patterns.VAGUE, vague, ("day", "week", "month", "year", "vague"), 4),
)
