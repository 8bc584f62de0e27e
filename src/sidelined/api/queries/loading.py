"""Loading stored rows for the queries: a player's reports and episodes, pagination helpers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from sidelined.api import rows
from sidelined.api.schemas import Page, ReportView
from sidelined.models import Episode, Match
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    MatchRow,
)

T = TypeVar("T")


@dataclass
class PlayerFile:
    """Everything stored about one player's injuries."""

    name: str
    reports: list[ReportView] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)

    def team_on(self, on: date | None = None) -> str | None:
        dated = [r for r in self.reports if on is None or (r.article.published or date.min) <= on]
        for report in sorted(dated, key=lambda r: (r.article.published or date.min, r.id or 0), reverse=True):
            if report.report.team:
                return report.report.team
        return None


def paginate(items: Sequence[T], limit: int, offset: int) -> Page[T]:
    return Page[T](items=list(items[offset : offset + limit]), total=len(items), limit=limit, offset=offset)


def _count(session: Session, statement: Select[*tuple[Any, ...]]) -> int:
    return session.scalar(select(func.count()).select_from(statement.order_by(None).subquery())) or 0


def page(
    session: Session, statement: Select[*tuple[Any, ...]], limit: int, offset: int
) -> tuple[list[Any], int]:
    return list(session.execute(statement.limit(limit).offset(offset)).all()), _count(session, statement)


def load_files(session: Session, player_ids: Iterable[int] | None = None) -> dict[int, PlayerFile]:
    """Reports and episodes of the given players (all players when None), in two queries."""
    team = aliased(EntityRow)
    player = aliased(EntityRow)
    statement = (
        select(InjuryReportRow, ArticleRow, player.name, team.name)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .join(player, player.id == InjuryReportRow.player_id)
        .outerjoin(team, team.id == InjuryReportRow.team_id)
    )
    episode_statement = select(EpisodeRow, EpisodeReportRow.report_id).outerjoin(
        EpisodeReportRow, EpisodeReportRow.episode_id == EpisodeRow.id
    )
    if player_ids is not None:
        ids = list(player_ids)
        statement = statement.where(InjuryReportRow.player_id.in_(ids))
        episode_statement = episode_statement.where(EpisodeRow.player_id.in_(ids))
    files: dict[int, PlayerFile] = {}
    by_report: dict[int, ReportView] = {}
    for report_row, article_row, player_name, team_name in session.execute(statement):
        view = rows.report_view(report_row, article_row, player_name, team_name)
        files.setdefault(report_row.player_id, PlayerFile(player_name)).reports.append(view)
        by_report[report_row.id] = view
    episode_rows: dict[int, EpisodeRow] = {}
    linked: dict[int, list[ReportView]] = defaultdict(list)
    for episode_row, report_id in session.execute(episode_statement):
        episode_rows[episode_row.id] = episode_row
        if report_id in by_report:
            linked[episode_row.id].append(by_report[report_id])
    for episode_id, episode_row in sorted(episode_rows.items()):
        file = files.get(episode_row.player_id)
        if file is not None:
            file.episodes.append(rows.episode(episode_row, file.name, linked[episode_id]))
    return files


def find_player_id(session: Session, name: str) -> int | None:
    return session.scalar(
        select(EntityRow.id).where(EntityRow.kind == "player", func.lower(EntityRow.name) == name.lower())
    )


def team_fixtures(session: Session, teams: Iterable[str]) -> list[Match]:
    names = [t.lower() for t in teams if t]
    if not names:
        return []
    statement = select(MatchRow).where(
        or_(func.lower(MatchRow.team1).in_(names), func.lower(MatchRow.team2).in_(names))
    )
    return rows.dedupe_matches([rows.match(row) for row in session.scalars(statement)])
