"""Keep the stored episodes in step with the stored reports, one player at a time.

After an article is written, each player it reports on has his episodes
rebuilt from all his reports (read as the timeline reads them) by the
timeline's linker, inside the same transaction.  Episode ids therefore
change when a player's episodes are rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sidelined.store.schema import EntityRow, EpisodeReportRow, EpisodeRow
from sidelined.timeline.linking import ReportFacts, link_reports
from sidelined.timeline.reading import as_facts, reports_by_player

READ_CHUNK = 500  # players whose reports are read in one query (well under SQLite's limit of bound values)


def player_report_facts(session: Session, player_id: int) -> list[ReportFacts]:
    """What the linker knows of each of the player's stored reports."""
    return [as_facts(report) for report in reports_by_player(session, [player_id]).get(player_id, [])]


def _replace_episodes(session: Session, player_id: int, facts: list[ReportFacts]) -> None:
    old = select(EpisodeRow.id).where(EpisodeRow.player_id == player_id)
    session.execute(delete(EpisodeReportRow).where(EpisodeReportRow.episode_id.in_(old)))
    session.execute(delete(EpisodeRow).where(EpisodeRow.player_id == player_id))
    for draft in link_reports(facts):
        episode = EpisodeRow(
            player_id=player_id,
            team=draft.team,
            body_part=draft.body_part,
            side=draft.side,
            diagnosis=draft.diagnosis,
            started_on=draft.started_on,
            ended_on=draft.ended_on,
            status=draft.status,
        )
        session.add(episode)
        session.flush()
        session.add_all(EpisodeReportRow(episode_id=episode.id, report_id=rid) for rid in draft.report_ids)
    session.flush()


def relink_players(session: Session, player_ids: Iterable[int]) -> None:
    """Rebuild the players' episodes, reading the reports of `READ_CHUNK` players at a time."""
    players = sorted(set(player_ids))
    lock_players(session, players)
    for first in range(0, len(players), READ_CHUNK):
        chunk = players[first : first + READ_CHUNK]
        reports = reports_by_player(session, chunk)
        for player_id in chunk:
            _replace_episodes(session, player_id, [as_facts(report) for report in reports.get(player_id, [])])


def lock_players(session: Session, player_ids: list[int]) -> None:
    """Hold the players' rows until commit, so two writers never rebuild one player's episodes at once.

    FOR NO KEY UPDATE (not FOR UPDATE) leaves the key-share locks of reports being inserted unblocked;
    SQLite serializes writers anyway and ignores the clause.
    """
    if player_ids:
        query = select(EntityRow.id).where(EntityRow.id.in_(player_ids)).order_by(EntityRow.id)
        session.execute(query.with_for_update(key_share=True)).all()
