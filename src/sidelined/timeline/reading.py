"""Read stored reports and episodes back as timeline objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import fields
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, select
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


def _copies(session: Session, report_ids: Select[int]) -> dict[int, list[str]]:
    """Syndicated copies that carry each of the reports the query selects (provenance rows from another article)."""
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


# The columns of a report the timeline reads (not its evidence spans).
REPORT_COLUMNS = (
    InjuryReportRow.id,
    InjuryReportRow.article_id,
    InjuryReportRow.player_id,
    InjuryReportRow.source,
    InjuryReportRow.status,
    InjuryReportRow.body_part,
    InjuryReportRow.side,
    InjuryReportRow.diagnosis,
    InjuryReportRow.occurred_on,
    InjuryReportRow.has_expected_return,
    InjuryReportRow.expected_earliest,
    InjuryReportRow.expected_latest,
    InjuryReportRow.missed_fixtures,
)
FACT_FIELDS = tuple(field.name for field in fields(ReportFacts))
PlayerFilter = Select[int] | Sequence[int] | None
"""Which players to read: ids, a query selecting ids, or None for every player."""


def reports_by_player(
    session: Session,
    players: PlayerFilter = None,
    as_of: date | None = None,
    since: date | None = None,
) -> dict[int, list[SourcedReport]]:
    """Each player's reports (published on or before `as_of`, on or after `since`), in publication order.

    Two queries whatever the number of players: the reports, and the syndicated copies carrying them.
    """
    conditions: list[ColumnElement[bool]] = []
    if players is not None:
        conditions.append(InjuryReportRow.player_id.in_(players))
    if as_of is not None:
        conditions.append(ArticleRow.published <= as_of)
    if since is not None:
        conditions.append(ArticleRow.published >= since)
    player = aliased(EntityRow)
    team = aliased(EntityRow)
    query = (
        select(
            *REPORT_COLUMNS,
            ArticleRow.outlet,
            ArticleRow.published,
            player.name.label("player"),
            team.name.label("team"),
        )
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .join(player, player.id == InjuryReportRow.player_id)
        .outerjoin(team, team.id == InjuryReportRow.team_id)
        .where(*conditions)
        .order_by(ArticleRow.published, ArticleRow.id, InjuryReportRow.position)
    )
    rows = session.execute(query).all()
    chosen = select(InjuryReportRow.id).join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id).where(*conditions)
    copies = _copies(session, chosen) if rows else {}
    grouped: dict[int, list[SourcedReport]] = defaultdict(list)
    for row in rows:
        grouped[row.player_id].append(sourced_report(row, copies.get(row.id, [])))
    return dict(grouped)


def sourced_report(row: Row[*tuple[Any, ...]], copies: list[str]) -> SourcedReport:
    """A report read with `REPORT_COLUMNS`, its article's `outlet` and `published` day, and `player` and `team`
    names, with the syndicated copies carrying it."""
    return SourcedReport(
        report_id=row.id,
        article_id=row.article_id,
        outlet=row.outlet,
        source=row.source,
        reported_on=row.published,
        player=row.player,
        team=row.team,
        status=row.status,
        body_part=row.body_part,
        side=row.side,
        diagnosis=row.diagnosis,
        occurred_on=row.occurred_on,
        has_expected_return=row.has_expected_return,
        expected_earliest=row.expected_earliest,
        expected_latest=row.expected_latest,
        missed_fixtures=[date.fromisoformat(day) for day in row.missed_fixtures],
        copies=sorted(copies),
    )


def players_reported(since: date | None = None, until: date | None = None) -> Select[int]:
    """A query of the ids of players with a report published from `since` to `until` (both optional)."""
    query = select(InjuryReportRow.player_id).join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
    if since is not None:
        query = query.where(ArticleRow.published >= since)
    if until is not None:
        query = query.where(ArticleRow.published <= until)
    return query


def stored_episode_groups(session: Session, players: PlayerFilter = None) -> dict[int, list[tuple[int, list[int]]]]:
    """Each player's stored episodes as (episode id, report ids), oldest first, in one query."""
    query = (
        select(EpisodeRow.player_id, EpisodeRow.id, EpisodeReportRow.report_id)
        .join(EpisodeReportRow, EpisodeReportRow.episode_id == EpisodeRow.id)
        .order_by(EpisodeRow.id)
    )
    if players is not None:
        query = query.where(EpisodeRow.player_id.in_(players))
    groups: dict[int, dict[int, list[int]]] = defaultdict(dict)
    for player_id, episode_id, report_id in session.execute(query):
        groups[player_id].setdefault(episode_id, []).append(report_id)
    return {player_id: list(episodes.items()) for player_id, episodes in groups.items()}


def as_facts(report: SourcedReport) -> ReportFacts:
    """The linker's view of a report: the fields of `ReportFacts`, which a `SourcedReport` has under the same names."""
    return ReportFacts(**{name: getattr(report, name) for name in FACT_FIELDS})
