"""Inferring the publication day of an undated article from the dates in its text.

Dated events are placed in a year (see `years`, and `fixtures` for matches
the knowledge base knows), told apart as past or future (see `tense`), and
bound the publication day: it comes after the latest past event and before
the earliest coming one.  The article's lead event (the first placed one)
gives the guess inside those bounds: a report comes out the day after what it
reports, a preview the day before the match.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sidelined.dating.fixtures import FixtureClues
from sidelined.dating.mentions import (
    DayMention,
    WeekdayMention,
    dateline_start,
    day_mentions,
    lone_years,
    season_start_years,
    today_weekday,
    weekday_mentions,
)
from sidelined.dating.roster import RosterClues
from sidelined.dating.tense import Relation, relation, sentence_bounds, sentence_spans
from sidelined.dating.years import YearClues, best_day, nearest_day, safe_date, year_support

_BODY_SHARE = 0.7  # years past this share of the text are often page furniture
_TAIL_YEAR_WEIGHT = 0.5
_SHARED_NAME_CHARS = 60
_MATCH_REACH_DAYS = 60
_BARE_FUTURE_LEAD = timedelta(days=7)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Anchor:
    """An event of the text placed on a day, with how it stands to publication."""

    day: date
    relation: Relation
    position: int
    sure: bool  # its year is fixed by a printed year, weekday or known match
    bare: bool = False  # a date printed without its weekday


@dataclass(frozen=True)
class Inference:
    published: date
    window_days: int
    confidence: float


def infer_published(text: str, *, fallback_year: int, kb: Any = None) -> Inference | None:
    """The most likely publication day of `text`, or None when the text gives no usable date."""
    fixtures = FixtureClues(text, kb) if kb is not None else None
    clues = _year_clues(text, fallback_year)
    if fixtures is not None and fixtures.mentions:
        roster = RosterClues(text, kb, {name for _, _, name in fixtures.mentions})
        clues = replace(clues, roster=None if roster.empty else roster.support)
    days = day_mentions(text)
    dateline = dateline_start(text)
    sure_days = _sure_day_anchors(text, days, clues, fixtures)
    anchors = sure_days + (_match_anchors(text, fixtures, clues, sure_days) if fixtures else [])
    anchors += _unsure_day_anchors(text, days, clues, anchors)
    anchors = [_as_today(anchor) if anchor.position == dateline else anchor for anchor in anchors]
    if not anchors:
        return None
    provisional = _estimate(anchors)
    anchors += _weekday_anchors(text, weekday_mentions(text, days), anchors, provisional, fixtures)
    published = _align_to_today_weekday(text, _estimate(anchors))
    sure = any(anchor.sure for anchor in anchors)
    return Inference(published, window_days=1 if sure else 3, confidence=0.8 if sure else 0.5)


def _year_clues(text: str, fallback_year: int) -> YearClues:
    body_end = int(len(text) * _BODY_SHARE)
    years = [(year, 1.0 if position < body_end else _TAIL_YEAR_WEIGHT) for year, position in lone_years(text)]
    return YearClues(seasons=season_start_years(text), years=years, fallback_year=fallback_year)


def _match_anchors(text: str, fixtures: FixtureClues, clues: YearClues, dated: list[Anchor]) -> list[Anchor]:
    """Results the text reports ("3-1 win over X"), placed on the day the match was played.

    When dates of the text are already placed, only a match near them counts:
    the same score between the same teams recurs over the years."""
    anchors = []
    for position, candidates in fixtures.scored_matches(sentence_spans(text)):
        if dated:
            reference = min(dated, key=lambda anchor: anchor.position).day
            day = min(candidates, key=lambda candidate: abs((candidate - reference).days))
            if abs((day - reference).days) <= _MATCH_REACH_DAYS:
                anchors.append(Anchor(day, "past", position, sure=True))
            continue
        supports = {candidate: year_support(candidate, clues) for candidate in candidates}
        if len(candidates) > 1 and len(set(supports.values())) == 1:
            continue  # the same result in several seasons and nothing to choose between them
        day = max(candidates, key=lambda candidate: (supports[candidate], candidate))
        anchors.append(Anchor(day, "past", position, sure=len(candidates) == 1))
    return anchors


def _sure_day_anchors(
    text: str, mentions: list[DayMention], clues: YearClues, fixtures: FixtureClues | None
) -> list[Anchor]:
    anchors = []
    for mention in mentions:
        day = _sure_day(text, mention, clues, fixtures)
        if day is not None:
            kind = relation(text, mention.start, mention.end)
            if kind == "unknown" and mention.year is not None:
                kind = "past"  # a full date on a line of its own: a stamp, a tweet, a caption
            anchors.append(Anchor(day, kind, mention.start, sure=True, bare=mention.weekday is None))
    return anchors


def _unsure_day_anchors(
    text: str, mentions: list[DayMention], clues: YearClues, placed: list[Anchor]
) -> list[Anchor]:
    """Dates with no year clue of their own, placed in the year nearest the other events."""
    taken = {anchor.position for anchor in placed}
    reference = _reference_day(placed, mentions, clues)
    anchors = []
    for mention in mentions:
        if mention.start in taken or reference is None:
            continue
        day = nearest_day(mention, reference)
        if day is not None:
            kind = relation(text, mention.start, mention.end)
            anchors.append(Anchor(day, kind, mention.start, sure=False, bare=mention.weekday is None))
    return anchors


def _sure_day(text: str, mention: DayMention, clues: YearClues, fixtures: FixtureClues | None) -> date | None:
    """The day of a mention whose year is printed, fixed by its weekday, or known from a match."""
    if mention.year is not None:
        return safe_date(mention.year, mention.month, mention.day)
    if mention.weekday is not None:
        return best_day(mention, clues)
    if fixtures is None:
        return None
    years = fixtures.years_of_day(mention.month, mention.day, *sentence_bounds(text, mention.start, mention.end))
    days = [day for year in years if (day := safe_date(year, mention.month, mention.day)) is not None]
    return max(days, key=lambda day: (year_support(day, clues), day)) if days else None


def _reference_day(placed: list[Anchor], mentions: list[DayMention], clues: YearClues) -> date | None:
    """The day undated mentions are placed near: the first placed event, else the clues' best year."""
    if placed:
        return min(placed, key=lambda anchor: anchor.position).day
    if clues.empty or not mentions:
        return None
    first = mentions[0]
    candidates = [
        day
        for year in range(clues.fallback_year - 30, clues.fallback_year + 1)
        if (day := safe_date(year, first.month, first.day)) is not None
    ]
    supported = [day for day in candidates if year_support(day, clues) > 0]
    return max(supported, key=lambda day: (year_support(day, clues), day)) if supported else None


def _weekday_anchors(
    text: str,
    mentions: list[WeekdayMention],
    dated: list[Anchor],
    around: date,
    fixtures: FixtureClues | None,
) -> list[Anchor]:
    """Bare weekdays: the dated event they share a name with, the known match they name,
    else the week before (past) or after (future) the provisional day."""
    anchors = []
    for mention in mentions:
        kind = relation(text, mention.start, mention.end)
        bounds = sentence_bounds(text, mention.start, mention.end)
        day = _same_event(text, mention, kind, bounds, dated)
        if day is None and fixtures is not None:
            day = fixtures.weekday_match(mention.weekday, *bounds, around, past=kind == "past")
        if day is None:
            day = _relative_weekday(mention.weekday, kind, around)
        anchors.append(Anchor(day, kind, mention.start, sure=False))
    return anchors


def _same_event(
    text: str, mention: WeekdayMention, kind: Relation, bounds: tuple[int, int], dated: list[Anchor]
) -> date | None:
    """A dated event on the same weekday whose surroundings share a proper name with the mention's sentence."""
    names = {word for word in _proper_words(text[bounds[0] : bounds[1]]) if len(word) > 3}
    for anchor in dated:
        if anchor.day.weekday() != mention.weekday or anchor.relation not in (kind, "unknown"):
            continue
        context = text[max(0, anchor.position - _SHARED_NAME_CHARS) : anchor.position]
        line = context.rsplit("\n", 1)[-1]
        if names & set(_proper_words(line)):
            return anchor.day
    return None


def _proper_words(text: str) -> list[str]:
    return [word.strip("’'.,:;()") for word in text.split() if word[:1].isupper()]


def _relative_weekday(weekday: int, kind: Relation, around: date) -> date:
    if kind == "today":
        return around - timedelta(days=(around.weekday() - weekday) % 7)
    if kind == "future":
        return around + timedelta(days=(weekday - around.weekday()) % 7 or 7)
    return around - timedelta(days=(around.weekday() - weekday) % 7 or 7)


def _estimate(anchors: list[Anchor]) -> date:
    todays = [anchor.day for anchor in anchors if anchor.relation == "today"]
    if todays:
        return todays[0]
    placed = [anchor for anchor in anchors if anchor.relation in ("past", "future")]
    if not placed:
        # Dates with no verb about them (a fixture list): the first is still to come.
        return min(anchor.day for anchor in anchors) - ONE_DAY
    guess = _lead_guess(min(placed, key=lambda anchor: anchor.position))
    past = [anchor.day for anchor in placed if anchor.relation == "past"]
    coming = [anchor.day - ONE_DAY for anchor in placed if anchor.relation == "future"]
    lowest = max(past, default=None)
    highest = min((day for day in coming if lowest is None or day >= lowest), default=None)
    if lowest is not None:
        guess = max(guess, lowest)
    if highest is not None:
        guess = min(guess, highest)
    return guess


def _as_today(anchor: Anchor) -> Anchor:
    return replace(anchor, relation="today")


def _lead_guess(lead: Anchor) -> date:
    """A report comes out the day after its event, a preview the day before its match."""
    if lead.relation == "past":
        return lead.day + ONE_DAY
    # Writers name the weekday of a match within the week and print the date of one further off.
    return lead.day - (_BARE_FUTURE_LEAD if lead.bare else ONE_DAY)


def _align_to_today_weekday(text: str, published: date) -> date:
    """When the text names today's weekday ("today [Wednesday]"), move to the nearest such day."""
    today = today_weekday(text)
    if today is None:
        return published
    weekday, _ = today
    back = (published.weekday() - weekday) % 7
    forward = (weekday - published.weekday()) % 7
    return published - timedelta(days=back) if back <= forward else published + timedelta(days=forward)
