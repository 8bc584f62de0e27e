"""Questions about players and teams: lists, a player's file, availability on a day, changes, episodes."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sidelined.api.queries.loading import PlayerFile, find_player_id, load_files, page, team_fixtures
from sidelined.api.schemas import (
    ChangeView,
    Page,
    PlayerDetail,
    PlayerSummary,
    StatusView,
    TeamDetail,
    TeamSummary,
)
from sidelined.api.status import changes_since, status_on
from sidelined.models import Episode
from sidelined.store import Store
from sidelined.store.schema import ArticleRow, EntityRow, InjuryReportRow, MatchRow


def list_players(
    store: Store, q: str | None, team: str | None, limit: int, offset: int
) -> Page[PlayerSummary]:
    team_entity = aliased(EntityRow)
    statement = (
        select(
            EntityRow.name,
            func.count(func.distinct(InjuryReportRow.id)),
            func.max(ArticleRow.published),
        )
        .join(InjuryReportRow, InjuryReportRow.player_id == EntityRow.id)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .where(EntityRow.kind == "player")
        .group_by(EntityRow.id, EntityRow.name)
        .order_by(func.max(ArticleRow.published).desc(), EntityRow.name)
    )
    if q:
        statement = statement.where(func.lower(EntityRow.name).contains(q.lower(), autoescape=True))
    if team:
        team_ids = select(team_entity.id).where(func.lower(team_entity.name) == team.lower())
        statement = statement.where(InjuryReportRow.team_id.in_(team_ids))
    with store.session() as session:
        found, total = page(session, statement, limit, offset)
        names = [name for name, _count_, _last in found]
        ids = session.scalars(
            select(EntityRow.id).where(EntityRow.kind == "player", EntityRow.name.in_(names))
        )
        files = {f.name: f for f in load_files(session, ids).values()}
    items = [
        PlayerSummary(
            name=name,
            team=files[name].team_on() if name in files else None,
            episodes=len(files[name].episodes) if name in files else 0,
            reports=count,
            last_reported=last,
        )
        for name, count, last in found
    ]
    return Page[PlayerSummary](items=items, total=total, limit=limit, offset=offset)


def player_detail(store: Store, name: str, on: date) -> PlayerDetail | None:
    with store.session() as session:
        player_id = find_player_id(session, name)
        if player_id is None:
            return None
        file = load_files(session, [player_id]).get(player_id)
        canonical = session.scalar(select(EntityRow.name).where(EntityRow.id == player_id)) or name
        file = file or PlayerFile(canonical)
        fixtures = team_fixtures(session, {r.report.team for r in file.reports if r.report.team})
    return PlayerDetail(
        name=file.name,
        team=file.team_on(),
        current=status_on(file.name, file.team_on(on), file.reports, file.episodes, on),
        episodes=file.episodes,
        reports=sorted(file.reports, key=lambda r: (r.article.published or date.min, r.id or 0)),
        fixtures=fixtures,
    )


def statuses_on(
    store: Store, on: date, team: str | None = None, player: str | None = None
) -> list[StatusView]:
    """Every reported player's availability on a day, optionally for one team or player."""
    with store.session() as session:
        ids = None
        if player is not None:
            player_id = find_player_id(session, player)
            ids = [] if player_id is None else [player_id]
        files = load_files(session, ids)
    views = [status_on(f.name, f.team_on(on), f.reports, f.episodes, on) for f in files.values()]
    if team is not None:
        views = [v for v in views if v.team and v.team.lower() == team.lower()]
    return sorted(views, key=lambda v: (v.team or "~", v.status, v.player))


def unavailable_by_team(store: Store, on: date) -> list[tuple[str, list[StatusView]]]:
    grouped: dict[str, list[StatusView]] = defaultdict(list)
    for view in statuses_on(store, on):
        if view.status in ("out", "doubtful") and not view.stale:
            grouped[view.team or "Team unknown"].append(view)
    return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))


def _team_name(session: Session, name: str) -> str | None:
    found = session.scalar(
        select(EntityRow.name).where(EntityRow.kind == "team", func.lower(EntityRow.name) == name.lower())
    )
    if found is not None:
        return found
    return session.scalar(
        select(MatchRow.team1).where(func.lower(MatchRow.team1) == name.lower()).limit(1)
    ) or session.scalar(select(MatchRow.team2).where(func.lower(MatchRow.team2) == name.lower()).limit(1))


def team_detail(store: Store, name: str, on: date) -> TeamDetail | None:
    with store.session() as session:
        canonical = _team_name(session, name)
        if canonical is None:
            return None
        fixtures = team_fixtures(session, [canonical])
    unavailable = [v for v in statuses_on(store, on, team=canonical) if v.status in ("out", "doubtful")]
    return TeamDetail(name=canonical, on=on, unavailable=unavailable, fixtures=fixtures)


def list_teams(store: Store, q: str | None, on: date, limit: int, offset: int) -> Page[TeamSummary]:
    statement = (
        select(EntityRow.name, func.count(func.distinct(InjuryReportRow.player_id)))
        .join(InjuryReportRow, InjuryReportRow.team_id == EntityRow.id)
        .where(EntityRow.kind == "team")
        .group_by(EntityRow.id, EntityRow.name)
        .order_by(EntityRow.name)
    )
    if q:
        statement = statement.where(func.lower(EntityRow.name).contains(q.lower(), autoescape=True))
    with store.session() as session:
        found, total = page(session, statement, limit, offset)
    statuses = statuses_on(store, on)
    items = []
    for name, players in found:
        mine = [s for s in statuses if s.team == name and not s.stale]
        out = sum(1 for s in mine if s.status == "out")
        doubtful = sum(1 for s in mine if s.status == "doubtful")
        items.append(TeamSummary(name=name, players=players, out=out, doubtful=doubtful))
    return Page[TeamSummary](items=items, total=total, limit=limit, offset=offset)


def changes(store: Store, since: date, until: date | None = None) -> list[ChangeView]:
    with store.session() as session:
        files = load_files(session)
    return changes_since([(f.reports, f.episodes) for f in files.values()], since, until)


def episodes(
    store: Store,
    player: str | None = None,
    team: str | None = None,
    status: str | None = None,
    active_on: date | None = None,
) -> list[Episode]:
    with store.session() as session:
        ids = None
        if player is not None:
            player_id = find_player_id(session, player)
            ids = [] if player_id is None else [player_id]
        files = load_files(session, ids)
    found = [ep for f in files.values() for ep in f.episodes]
    if team is not None:
        found = [ep for ep in found if ep.team and ep.team.lower() == team.lower()]
    if status is not None:
        found = [ep for ep in found if ep.status == status]
    if active_on is not None:
        found = [
            ep
            for ep in found
            if (ep.started_on is None or ep.started_on <= active_on)
            and (ep.ended_on is None or ep.ended_on >= active_on)
        ]
    return sorted(found, key=lambda ep: (ep.started_on or date.min, ep.player), reverse=True)
