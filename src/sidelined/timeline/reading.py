"""Read stored reports and episodes back as timeline objects."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    ProvenanceRow,
)
from sidelined.timeline.linking import ReportFacts
from sidelined.timeline.views import SourcedReport


def _copies(session: Session, report_ids: list[int]) -> dict[int, list[str]]:
    """Syndicated copies that carry each report (provenance rows from another article)."""
    if not report_ids:
        return {}
    rows = session.execute(
        select(ProvenanceRow.fact_id, ProvenanceRow.article_id, InjuryReportRow.article_id)
        .join(InjuryReportRow, InjuryReportRow.id == ProvenanceRow.fact_id)
        .where(ProvenanceRow.fact_kind == "injury", ProvenanceRow.fact_id.in_(report_ids))
    ).all()
    copies: dict[int, list[str]] = defaultdict(list)
    for fact_id, credited, original in rows:
        if credited != original:
            copies[fact_id].append(credited)
    return copies


def load_reports(
    session: Session,
    player_ids: list[int] | None = None,
    as_of: date | None = None,
    since: date | None = None,
) -> list[SourcedReport]:
    """Reports (optionally of some players, published on or before `as_of`, on or after `since`)."""
    player = aliased(EntityRow)
    team = aliased(EntityRow)
    query = (
        select(InjuryReportRow, ArticleRow, player.name, team.name)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .join(player, player.id == InjuryReportRow.player_id)
        .outerjoin(team, team.id == InjuryReportRow.team_id)
    )
    if player_ids is not None:
        query = query.where(InjuryReportRow.player_id.in_(player_ids))
    if as_of is not None:
        query = query.where(ArticleRow.published <= as_of)
    if since is not None:
        query = query.where(ArticleRow.published >= since)
    query = query.order_by(ArticleRow.published, ArticleRow.id, InjuryReportRow.position)
    rows = session.execute(query).all()
    copies = _copies(session, [row[0].id for row in rows])
    return [
        SourcedReport(
            report_id=row.id,
            article_id=row.article_id,
            outlet=article.outlet,
            source=row.source,
            reported_on=article.published,
            player=player_name,
            team=team_name,
            status=row.status,
            body_part=row.body_part,
            side=row.side,
            diagnosis=row.diagnosis,
            occurred_on=row.occurred_on,
            has_expected_return=row.has_expected_return,
            expected_earliest=row.expected_earliest,
            expected_latest=row.expected_latest,
            missed_fixtures=[date.fromisoformat(day) for day in row.missed_fixtures],
            copies=sorted(copies.get(row.id, [])),
        )
        for row, article, player_name, team_name in rows
    ]


def players_reported(session: Session, since: date | None = None, until: date | None = None) -> list[int]:
    query = select(InjuryReportRow.player_id).join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
    if since is not None:
        query = query.where(ArticleRow.published >= since)
    if until is not None:
        query = query.where(ArticleRow.published <= until)
    return sorted(set(session.scalars(query)))


def stored_episode_groups(session: Session, player_id: int) -> list[tuple[int, list[int]]]:
    """The stored episodes of a player as (episode id, report ids), oldest first."""
    rows = session.execute(
        select(EpisodeRow.id, EpisodeReportRow.report_id)
        .join(EpisodeReportRow, EpisodeReportRow.episode_id == EpisodeRow.id)
        .where(EpisodeRow.player_id == player_id)
        .order_by(EpisodeRow.id)
    ).all()
    groups: dict[int, list[int]] = defaultdict(list)
    for episode_id, report_id in rows:
        groups[episode_id].append(report_id)
    return list(groups.items())


def as_facts(report: SourcedReport) -> ReportFacts:
    return ReportFacts(
        report_id=report.report_id,
        reported_on=report.reported_on,
        article_id=report.article_id,
        status=report.status,
        body_part=report.body_part,
        side=report.side,
        diagnosis=report.diagnosis,
        occurred_on=report.occurred_on,
        team=report.team,
        expected_latest=report.expected_latest,
    )
