"""Turning stored rows into the API's view objects (part of the store adapter, with `queries.py`)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sidelined.api.schemas import ArticleRef, ReportView
from sidelined.models import (
    Episode,
    EstimateChange,
    Evidence,
    ExpectedReturn,
    InjuryReport,
    Match,
    Status,
    Transfer,
    TransferStatus,
)
from sidelined.store.schema import ArticleRow, EpisodeRow, InjuryReportRow, MatchRow, TransferRow


def article_ref(row: ArticleRow) -> ArticleRef:
    return ArticleRef(id=row.id, title=row.title, outlet=row.outlet, published=row.published, url=row.url)


def evidence(items: list[dict[str, Any]] | None) -> list[Evidence]:
    return [Evidence(**item) for item in items or []]


def injury(row: InjuryReportRow, player: str, team: str | None) -> InjuryReport:
    expected = (
        ExpectedReturn(earliest=row.expected_earliest, latest=row.expected_latest)
        if row.has_expected_return
        else None
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


def report_view(row: InjuryReportRow, article: ArticleRow, player: str, team: str | None) -> ReportView:
    return ReportView(id=row.id, article=article_ref(article), report=injury(row, player, team))


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


def episode(row: EpisodeRow, player: str, reports: Sequence[ReportView]) -> Episode:
    """An Episode with the estimates its reports gave, oldest first."""
    ordered = sorted(reports, key=lambda r: (r.article.published or date.min, r.id or 0))
    estimates = [
        EstimateChange(
            reported_on=r.article.published,
            earliest=r.report.expected_return.earliest,
            latest=r.report.expected_return.latest,
            source=r.report.source or r.article.outlet,
            article_id=r.article.id,
        )
        for r in ordered
        if r.report.expected_return is not None and r.article.published is not None
    ]
    missed = sorted({d for r in ordered for d in r.report.missed_fixtures})
    return Episode(
        id=row.id,
        player=player,
        team=row.team,
        body_part=row.body_part,
        diagnosis=row.diagnosis,
        started_on=row.started_on,
        ended_on=row.ended_on,
        status=cast(Status, row.status),
        estimates=estimates,
        missed_fixtures=missed,
        report_ids=[r.id for r in ordered if r.id is not None],
    )


def dedupe_matches(matches: Sequence[Match]) -> list[Match]:
    """One match per day and pair of teams, preferring the one that knows the score."""
    best: dict[tuple[date, frozenset[str]], Match] = {}
    for m in matches:
        key = (m.date, frozenset(m.teams))
        if key not in best or (best[key].score is None and m.score is not None):
            best[key] = m
    return sorted(best.values(), key=lambda m: (m.date, m.teams))
