"""Rebuilding many players' episodes after a bulk load, a chunk of players per transaction.

The episodes come out as `relink_players` (store/episodes.py) builds them,
from all of each player's stored reports, but set-based: one query reads a
chunk's reports and a few multi-row statements replace its episodes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from sidelined.store.bulk_rows import allocate_ids, table_of, write_rows
from sidelined.store.episodes import lock_players
from sidelined.store.schema import ArticleRow, EntityRow, EpisodeReportRow, EpisodeRow, InjuryReportRow
from sidelined.store.store import Store
from sidelined.timeline.linking import ReportFacts, link_reports

RELINK_CHUNK = 500
RELINK_CONNECTIONS = 2


def relink(store: Store, players: Iterable[int]) -> None:
    """Rebuild the episodes of these players (as `relink_players` does), a chunk of players per transaction.

    Set-based: one query reads the chunk's reports and a few multi-row statements replace its episodes.
    On PostgreSQL two chunks are rebuilt at once on two connections, so the
    server works on one while this process links the other's reports; the
    chunks share no player, so they never wait for each other's locks.
    """
    ordered = sorted(set(players))
    chunks = [ordered[start:start + RELINK_CHUNK] for start in range(0, len(ordered), RELINK_CHUNK)]
    if store.engine.dialect.name != "postgresql" or len(chunks) < 2:
        for chunk in chunks:
            _relink_chunk(store, chunk)
        return
    with ThreadPoolExecutor(max_workers=RELINK_CONNECTIONS) as pool:
        for _ in pool.map(functools.partial(_relink_chunk, store), chunks):
            pass


def _relink_chunk(store: Store, players: list[int]) -> None:
    with store.sessions() as session, session.begin():
        lock_players(session, players)
        _replace_episodes(session, players)


def unlinked_players(store: Store) -> set[int]:
    """Players with a report in no episode: a load stopped between storing their reports and relinking them."""
    with store.sessions() as session:
        linked = select(EpisodeReportRow.report_id).where(EpisodeReportRow.report_id == InjuryReportRow.id)
        return set(session.scalars(select(InjuryReportRow.player_id).where(~linked.exists()).distinct()))


def _reports_by_player(session: Session, players: list[int]) -> dict[int, list[ReportFacts]]:
    team = aliased(EntityRow)
    report = table_of(InjuryReportRow)
    rows = session.execute(
        select(report.c.id, report.c.player_id, report.c.article_id, report.c.status, report.c.body_part,
               report.c.side, report.c.diagnosis, report.c.occurred_on, report.c.expected_latest,
               ArticleRow.published, team.name)
        .join(ArticleRow, ArticleRow.id == report.c.article_id)
        .outerjoin(team, team.id == report.c.team_id)
        .where(report.c.player_id.in_(players))
        .order_by(report.c.id)
    ).all()
    grouped: dict[int, list[ReportFacts]] = {player: [] for player in players}
    for report_id, player, article_id, status, part, side, diagnosis, occurred_on, latest, published, team_name in rows:
        grouped[player].append(ReportFacts(
            report_id=report_id, reported_on=published, article_id=article_id, status=status, body_part=part,
            side=side, diagnosis=diagnosis, occurred_on=occurred_on, team=team_name, expected_latest=latest))
    return grouped


def _replace_episodes(session: Session, players: list[int]) -> None:
    # Core tables, not the ORM classes: an ORM delete would fetch every deleted row back to update the session.
    episode_table, member_table = table_of(EpisodeRow), table_of(EpisodeReportRow)
    old = select(episode_table.c.id).where(episode_table.c.player_id.in_(players))
    session.execute(delete(member_table).where(member_table.c.episode_id.in_(old)))
    session.execute(delete(episode_table).where(episode_table.c.player_id.in_(players)))
    episodes: list[dict[str, Any]] = []
    members: list[list[int]] = []
    for player, reports in _reports_by_player(session, players).items():
        for draft in link_reports(reports):
            episodes.append({"player_id": player, "team": draft.team, "body_part": draft.body_part,
                             "side": draft.side, "diagnosis": draft.diagnosis, "started_on": draft.started_on,
                             "ended_on": draft.ended_on, "status": draft.status})
            members.append(draft.report_ids)
    if not episodes:
        return
    ids = allocate_ids(session, "episodes", len(episodes))
    for episode, episode_id in zip(episodes, ids, strict=True):
        episode["id"] = episode_id
    write_rows(session, episode_table, episodes)
    links = [{"episode_id": episode, "report_id": report}
             for episode, reports in zip(ids, members, strict=True) for report in reports]
    write_rows(session, member_table, links)
