"""A team's fixtures between two days: the knowledge base's real lists, else matches seen in articles."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from sidelined.store.schema import MatchRow
from sidelined.timeline.names import name_key
from sidelined.timeline.reference import knowledge_base, team_spellings
from sidelined.timeline.views import FixtureRef

FixtureOrigin = Literal["knowledge base", "articles", "none"]


def _kb_fixtures(team: str, start: date, end: date) -> list[FixtureRef] | None:
    kb = knowledge_base()
    if kb is None:
        return None
    return [
        FixtureRef(date=f.date, home=f.home, away=f.away, competition=f.competition)
        for f in kb.fixtures(team, start, end)
    ]


def _article_fixtures(session: Session, team: str, start: date, end: date) -> list[FixtureRef]:
    rows = session.scalars(
        select(MatchRow).where(
            MatchRow.date >= start, MatchRow.date <= end, or_(MatchRow.team1 == team, MatchRow.team2 == team)
        )
    ).all()
    by_day: dict[date, FixtureRef] = {}
    for row in rows:  # several articles may place the same match; one a day is enough
        home = row.home or row.team1
        away = row.team1 if home == row.team2 else row.team2
        by_day.setdefault(row.date, FixtureRef(date=row.date, home=home, away=away, competition=row.competition))
    return [by_day[day] for day in sorted(by_day)]


def fixtures_between(
    session: Session, team: str | None, after: date, before: date
) -> tuple[list[FixtureRef], FixtureOrigin]:
    """The team's fixtures strictly after `after` and strictly before `before`."""
    if team is None or before <= after:
        return [], "none"
    first, last = date.fromordinal(after.toordinal() + 1), date.fromordinal(before.toordinal() - 1)
    if first > last:
        return [], "knowledge base" if knowledge_base() is not None else "articles"
    from_kb = _kb_fixtures(team, first, last)
    if from_kb:
        return sorted(from_kb, key=lambda f: f.date), "knowledge base"
    from_articles = _article_fixtures(session, team, first, last)
    if from_articles or from_kb is None:
        return from_articles, "articles"
    return [], "knowledge base"


def same_team(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and name_key(a) == name_key(b)


def next_fixture_against(
    session: Session, team: str, opponent: str, on_or_after: date, within_days: int
) -> FixtureRef | None:
    """The team's first fixture against `opponent` from a day on (knowledge base, else articles)."""
    last = on_or_after + timedelta(days=within_days)
    wanted = {name_key(opponent), *(name_key(n) for n in team_spellings(opponent))}
    from_kb = _kb_fixtures(team, on_or_after, last) or []
    candidates = from_kb or _article_fixtures(session, team, on_or_after, last)
    for fixture in sorted(candidates, key=lambda f: f.date):
        if {name_key(fixture.home or ""), name_key(fixture.away or "")} & wanted:
            return fixture
    return None
