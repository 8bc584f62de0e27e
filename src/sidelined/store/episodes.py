"""Keep the stored episodes in step with the stored reports, one player at a time.

After an article is written, each player it reports on has his episodes
rebuilt from all his reports by the timeline's linker, inside the same
transaction.  Episode ids therefore change when a player's episodes are rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from sidelined.store.schema import ArticleRow, EntityRow, EpisodeReportRow, EpisodeRow, InjuryReportRow
from sidelined.timeline.linking import ReportFacts, link_reports


def player_report_facts(session: Session, player_id: int) -> list[ReportFacts]:
    team = aliased(EntityRow)
    rows = session.execute(
        select(InjuryReportRow, ArticleRow.published, team.name)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .outerjoin(team, team.id == InjuryReportRow.team_id)
        .where(InjuryReportRow.player_id == player_id)
    ).all()
    return [
        ReportFacts(
            report_id=row.id,
            reported_on=published,
            article_id=row.article_id,
            status=row.status,
            body_part=row.body_part,
            side=row.side,
            diagnosis=row.diagnosis,
            occurred_on=row.occurred_on,
            team=team_name,
            expected_latest=row.expected_latest,
        )
        for row, published, team_name in rows
    ]


def relink_player(session: Session, player_id: int) -> None:
    old = select(EpisodeRow.id).where(EpisodeRow.player_id == player_id)
    session.execute(delete(EpisodeReportRow).where(EpisodeReportRow.episode_id.in_(old)))
    session.execute(delete(EpisodeRow).where(EpisodeRow.player_id == player_id))
    for draft in link_reports(player_report_facts(session, player_id)):
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
    players = sorted(set(player_ids))
    lock_players(session, players)
    for player_id in players:
        relink_player(session, player_id)


def lock_players(session: Session, player_ids: list[int]) -> None:
    """Hold the players' rows until commit, so two writers never rebuild one player's episodes at once.

    FOR NO KEY UPDATE (not FOR UPDATE) leaves the key-share locks of reports being inserted unblocked;
    SQLite serializes writers anyway and ignores the clause.
    """
    if player_ids:
        query = select(EntityRow.id).where(EntityRow.id.in_(player_ids)).order_by(EntityRow.id)
        session.execute(query.with_for_update(key_share=True)).all()
