"""A team's fixtures between two days: the knowledge base's real lists, else matches seen in articles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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


class ArticleMatches:
    """Matches seen in articles of some teams over some days, read in one query when first needed.

    Lists of many players' episodes ask for many teams' fixtures; they share one of these.
    A question outside the teams or days it was made for is answered by a query of its own.
    """

    def __init__(self, session: Session, teams: Iterable[str | None], first: date, last: date) -> None:
        self._session = session
        self._teams = frozenset(team for team in teams if team)
        self._first, self._last = first, last
        self._by_team: dict[str, list[MatchRow]] | None = None

    def fixtures(self, team: str, start: date, end: date) -> list[FixtureRef]:
        """The team's fixtures from `start` to `end` (both included), one a day, in date order."""
        if team in self._teams and self._first <= start and end <= self._last:
            rows = [row for row in self._loaded().get(team, []) if start <= row.date <= end]
        else:
            rows = self._query([team], start, end)
        by_day: dict[date, FixtureRef] = {}
        for row in rows:  # several articles may place the same match; the first stored is kept
            home = row.home or row.team1
            away = row.team1 if home == row.team2 else row.team2
            by_day.setdefault(row.date, FixtureRef(date=row.date, home=home, away=away, competition=row.competition))
        return [by_day[day] for day in sorted(by_day)]

    def _loaded(self) -> dict[str, list[MatchRow]]:
        if self._by_team is None:
            self._by_team = defaultdict(list)
            for row in self._query(sorted(self._teams), self._first, self._last):
                for team in {row.team1, row.team2} & self._teams:
                    self._by_team[team].append(row)
        return self._by_team

    def _query(self, teams: list[str], start: date, end: date) -> list[MatchRow]:
        in_teams = or_(MatchRow.team1.in_(teams), MatchRow.team2.in_(teams))
        query = select(MatchRow).where(MatchRow.date >= start, MatchRow.date <= end, in_teams)
        return list(self._session.scalars(query.order_by(MatchRow.date, MatchRow.id)))


def fixtures_between(
    matches: ArticleMatches, team: str | None, after: date, before: date
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
    from_articles = matches.fixtures(team, first, last)
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
    candidates = from_kb or ArticleMatches(session, [team], on_or_after, last).fixtures(team, on_or_after, last)
    for fixture in sorted(candidates, key=lambda f: f.date):
        if {name_key(fixture.home or ""), name_key(fixture.away or "")} & wanted:
            return fixture
    return None
