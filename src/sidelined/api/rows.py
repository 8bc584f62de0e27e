"""Turning stored rows into the API's view objects (part of the store adapter, with `queries.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import Row

from sidelined.api.schemas import ArticleRef
from sidelined.models import (
    Evidence,
    ExpectedReturn,
    InjuryReport,
    Match,
    Status,
    Transfer,
    TransferStatus,
)
from sidelined.store.schema import ArticleRow, InjuryReportRow, MatchRow, TransferRow

# Enough of an article row to cite it: selecting these, not the row, leaves its text unread.
ARTICLE_REF_COLUMNS = (ArticleRow.id, ArticleRow.title, ArticleRow.outlet, ArticleRow.published, ArticleRow.url)


def article_ref(row: ArticleRow | Row[*tuple[Any, ...]]) -> ArticleRef:
    """The reference of an article row, or of a row read with `ARTICLE_REF_COLUMNS`."""
    return ArticleRef(id=row.id, title=row.title, outlet=row.outlet, published=row.published, url=row.url)


def evidence(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [Evidence(**item) for item in items or []]


def injury(row: InjuryReportRow, player: str, team: str | None) -> InjuryReport:
    expected = (
        ExpectedReturn(earliest=row.expected_earliest, latest=row.expected_latest) if row.has_expected_return else None
    )
    return InjuryReport(
        player=player,
        team=team,
        body_part=row.body_part,
        side=cast(Any, row.side),
        diagnosis=row.diagnosis,
        occurred_on=row.occurred_on,
        status=cast(Status, row.status),
        expected_return=expected,
        missed_fixtures=[date.fromisoformat(d) for d in row.missed_fixtures or []],
        source=row.source,
        evidence=evidence(row.evidence),
    )


def match(row: MatchRow) -> Match:
    return Match(
        date=row.date,
        teams=(row.team1, row.team2),
        played=row.played,
        score=row.score,
        home=row.home,
        competition=row.competition,
        evidence=evidence(row.evidence),
    )


def transfer(row: TransferRow, player: str) -> Transfer:
    return Transfer(
        player=player,
        from_team=row.from_team,
        to_team=row.to_team,
        fee_eur=row.fee_eur,
        status=cast(TransferStatus, row.status),
        source=row.source,
        evidence=evidence(row.evidence),
    )


def dedupe_matches(matches: Sequence[Match]) -> list[Match]:
    """One match per day and pair of teams: the first one given, its gaps (score, home, competition)
    filled from the others."""
    merged: dict[tuple[date, frozenset[str]], Match] = {}
    for m in matches:
        key = (m.date, frozenset(m.teams))
        kept = merged.get(key)
        if kept is None:
            merged[key] = m
            continue
        gaps = {
            name: getattr(m, name)
            for name in ("score", "home", "competition")
            if getattr(kept, name) is None and getattr(m, name) is not None
        }
        merged[key] = kept.model_copy(update={**gaps, "played": kept.played or m.played})
    return sorted(merged.values(), key=lambda m: (m.date, m.teams))
