"""Shared reading helpers of the queries: pagination, article references, a team's fixtures."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from sidelined.api import rows
from sidelined.api.schemas import ArticleRef, Page
from sidelined.models import Match
from sidelined.store.schema import ArticleRow, MatchRow
from sidelined.timeline.fixtures import ArticleMatches, fixtures_between

T = TypeVar("T")


def paginate(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    """One page of a list already in memory."""
    # Not Page[T](...): pydantic keeps such classes only weakly, so each call would build the class anew.
    return Page(items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset)


def page(session: Session, statement: Select[*tuple[Any, ...]], limit: int, offset: int) -> tuple[list[Any], int]:
    """One page of a query's rows and the number of rows in all pages."""
    total = session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0
    return list(session.execute(statement.limit(limit).offset(offset)).all()), total


def article_refs(session: Session, article_ids: set[str]) -> dict[str, ArticleRef]:
    if not article_ids:
        return {}
    found = session.execute(select(*rows.ARTICLE_REF_COLUMNS).where(ArticleRow.id.in_(sorted(article_ids))))
    return {row.id: rows.article_ref(row) for row in found}


def known_fixtures(session: Session, team: str, first: date, last: date, on: date) -> list[Match]:
    """The team's fixtures from `first` to `last` (the knowledge base's lists, else articles), with scores
    from articles where they report the match."""
    matches = ArticleMatches(session, [team], first, last)
    found, _origin = fixtures_between(matches, team, first - timedelta(days=1), last + timedelta(days=1))
    listed = [
        Match(
            date=f.date,
            teams=(f.home or team, f.away or "unknown opponent"),
            played=f.date < on,
            home=f.home,
            competition=f.competition,
        )
        for f in found
    ]
    reported = session.scalars(
        select(MatchRow).where(
            MatchRow.date >= first,
            MatchRow.date <= last,
            or_(func.lower(MatchRow.team1) == team.lower(), func.lower(MatchRow.team2) == team.lower()),
        )
    )
    return rows.dedupe_matches(listed + [rows.match(row) for row in reported])
