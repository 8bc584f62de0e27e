"""Questions about players and teams, answered by the timeline: a player's file, availability, changes.

The timeline (`sidelined.timeline`) decides episodes, status and staleness;
this module only lists who to ask about, filters, and attaches article titles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from sidelined.api.queries.loading import article_refs, known_fixtures, page, paginate
from sidelined.api.rows import dedupe_matches
from sidelined.api.schemas import (
    ArticleRef,
    ChangeView,
    Page,
    PlayerDetail,
    PlayerSummary,
    ReportView,
    StatusView,
    TeamDetail,
    TeamSummary,
)
from sidelined.errors import UnknownEntity
from sidelined.models import Match
from sidelined.store import Store
from sidelined.store.schema import ArticleRow, EntityRow, EpisodeRow, InjuryReportRow
from sidelined.timeline import (
    AvailabilityAnswer,
    EpisodeView,
    SourcedReport,
    add_details,
    all_episodes,
    availabilities,
    availability,
    player_history,
    team_status,
)
from sidelined.timeline import changes as timeline_changes

FIXTURE_MARGIN_DAYS = 21
TEAM_FIXTURE_DAYS = 28  # the team page lists fixtures this many days either side of the day shown
LOOKBACK_DAYS = 365  # who may be injured on a day: players with news in the year before it


def _refs(store: Store, article_ids: Iterable[str]) -> dict[str, ArticleRef]:
    with store.session() as session:
        return article_refs(session, set(article_ids))


def _status(answer: AvailabilityAnswer, refs: dict[str, ArticleRef]) -> StatusView:
    episode = answer.episode
    return StatusView(
        player=answer.player,
        team=episode.team if episode else None,
        on=answer.on,
        status=answer.status,
        episode_id=episode.id if episode else None,
        injury=episode.injury if episode else None,
        body_part=episode.body_part if episode else None,
        diagnosis=episode.diagnosis if episode else None,
        since=episode.started_on if episode else None,
        expected_earliest=answer.expected_earliest,
        expected_latest=answer.expected_latest,
        reason=answer.reason,
        age_days=answer.age_days,
        stale=answer.stale,
        conflict=answer.conflict,
        sources=_cite(answer.deciding, refs),
    )


def _cite(reports: list[SourcedReport], refs: dict[str, ArticleRef]) -> list[ArticleRef]:
    """The articles of the reports, where stored."""
    return [refs[r.article_id] for r in reports if r.article_id in refs]


def list_players(store: Store, q: str | None, team: str | None, limit: int, offset: int) -> Page[PlayerSummary]:
    team_entity = aliased(EntityRow)
    last_reported = func.max(ArticleRow.published)
    statement = (
        select(EntityRow.id, EntityRow.name, func.count(func.distinct(InjuryReportRow.id)), last_reported)
        .join(InjuryReportRow, InjuryReportRow.player_id == EntityRow.id)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .where(EntityRow.kind == "player")
        .group_by(EntityRow.id, EntityRow.name)
        .order_by(last_reported.desc().nulls_last(), EntityRow.name)
    )
    if q:
        statement = statement.where(func.lower(EntityRow.name).contains(q.lower(), autoescape=True))
    if team:
        team_ids = select(team_entity.id).where(func.lower(team_entity.name) == team.lower())
        statement = statement.where(InjuryReportRow.team_id.in_(team_ids))
    with store.session() as session:
        found, total = page(session, statement, limit, offset)
        ids = [row[0] for row in found]
        episodes = dict(
            session.execute(
                select(EpisodeRow.player_id, func.count())
                .where(EpisodeRow.player_id.in_(ids))
                .group_by(EpisodeRow.player_id)
            ).all()
        )
        teams = _latest_teams(session, ids)
    items = [
        PlayerSummary(name=name, team=teams.get(pid), episodes=episodes.get(pid, 0), reports=count, last_reported=last)
        for pid, name, count, last in found
    ]
    return Page[PlayerSummary](items=items, total=total, limit=limit, offset=offset)


def _latest_teams(session: Session, player_ids: list[int]) -> dict[int, str]:
    team = aliased(EntityRow)
    rows = session.execute(
        select(InjuryReportRow.player_id, team.name)
        .join(team, team.id == InjuryReportRow.team_id)
        .join(ArticleRow, ArticleRow.id == InjuryReportRow.article_id)
        .where(InjuryReportRow.player_id.in_(player_ids))
        .order_by(ArticleRow.published.nulls_first(), InjuryReportRow.id)
    ).all()
    return {player_id: name for player_id, name in rows}  # the latest report wins


def player_detail(store: Store, name: str, on: date) -> PlayerDetail:
    """The player's file as known on `on`; UnknownEntity (saying why) when no stored player answers to the name."""
    history = player_history(store, name, as_of=on)
    reports = [r for ep in history.episodes for r in ep.reports]
    refs = _refs(store, [r.article_id for r in reports])
    views = [ReportView(article=refs[r.article_id], report=r) for r in reports if r.article_id in refs]
    with store.session() as session:
        fixtures = dedupe_matches(_fixtures_around(session, history.episodes, on))
    return PlayerDetail(
        name=history.player,
        team=history.team,
        current=_status(history.current, refs),
        episodes=history.episodes,
        reports=sorted(views, key=lambda v: (v.report.reported_on or date.min, v.report.report_id)),
        fixtures=fixtures,
    )


def _fixtures_around(session: Session, episodes: list[EpisodeView], on: date) -> list[Match]:
    """Each episode's team's fixtures from a little before it started to a little after it ended."""
    found: list[Match] = []
    margin = timedelta(days=FIXTURE_MARGIN_DAYS)
    for ep in episodes:
        days = [d for d in (ep.started_on, ep.ended_on, ep.until) if d]
        days += [r.reported_on for r in ep.reports if r.reported_on]
        if ep.team and days:
            found += known_fixtures(session, ep.team, min(days) - margin, min(max(days) + margin, on), on)
    return found


def statuses_on(
    store: Store, on: date, team: str | None = None, player: str | None = None, lookback_days: int | None = None
) -> list[StatusView]:
    """Availability on a day of each player with news by then (within `lookback_days` before it, when given)."""
    since = on - timedelta(days=lookback_days) if lookback_days is not None else None
    if player is None:
        answers = availabilities(store, on, since=since)
    else:
        try:
            answers = [availability(store, player, on)]
        except UnknownEntity:
            answers = []
    refs = _refs(store, [r.article_id for a in answers for r in a.deciding])
    views = [_status(a, refs) for a in answers]
    if team is not None:
        views = [v for v in views if v.team and v.team.lower() == team.lower()]
    return sorted(views, key=lambda v: (v.team or "~", v.status, v.player))


def unavailable_by_team(store: Store, on: date) -> list[tuple[str, list[StatusView]]]:
    """Players out or doubtful on a day, grouped by team, the most affected team first."""
    grouped: dict[str, list[StatusView]] = defaultdict(list)
    for view in statuses_on(store, on, lookback_days=LOOKBACK_DAYS):
        if view.status in ("out", "doubtful"):
            grouped[view.team or "Team unknown"].append(view)
    for views in grouped.values():
        views.sort(key=lambda v: (v.stale, v.status != "out", v.player))
    return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))


def team_detail(store: Store, name: str, on: date) -> TeamDetail:
    """Who at the team is out or doubtful on `on`; UnknownEntity when no stored team answers to the name."""
    status = team_status(store, name, as_of=on)
    refs = _refs(store, [r.article_id for entry in status.players for r in entry.sources])
    unavailable = [
        StatusView(**entry.model_dump(exclude={"sources"}), team=status.team, on=on, sources=_cite(entry.sources, refs))
        for entry in status.players
    ]
    window = timedelta(days=TEAM_FIXTURE_DAYS)
    with store.session() as session:
        fixtures = known_fixtures(session, status.team, on - window, on + window, on)
    return TeamDetail(name=status.team, on=on, unavailable=unavailable, fixtures=fixtures)


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
    affected = dict(unavailable_by_team(store, on))
    items = []
    for name, players in found:
        current = [s for s in affected.get(name, []) if not s.stale]
        out = sum(1 for s in current if s.status == "out")
        items.append(TeamSummary(name=name, players=players, out=out, doubtful=len(current) - out))
    return Page[TeamSummary](items=items, total=total, limit=limit, offset=offset)


def changes(store: Store, since: date, until: date) -> list[ChangeView]:
    """What changed from `since` to `until`, newest first, each with the article that changed it."""
    found = timeline_changes(store, since, until)
    refs = _refs(store, [c.report.article_id for c in found])
    views = [
        ChangeView(
            on=c.day,
            player=c.player,
            team=c.report.team,
            kind=c.kind,
            summary=c.detail,
            conflict=c.conflict,
            article=refs.get(c.report.article_id),
        )
        for c in found
    ]
    return sorted(views, key=lambda v: (v.on or date.min, v.player), reverse=True)


def episodes(
    store: Store,
    on: date,
    player: str | None = None,
    team: str | None = None,
    status: str | None = None,
    active_on: date | None = None,
    details: bool = True,
) -> list[EpisodeView]:
    """Episodes as known on `on`, newest first, filtered by player, team, status and a day they cover.

    `details=False` leaves out the fixture counts and the articles' claims (see `episode_page`).
    """
    if player is None:
        found = all_episodes(store, as_of=on, details=details)
    else:
        try:
            found = player_history(store, player, as_of=on).episodes
        except UnknownEntity:
            found = []
    if team is not None:
        found = [ep for ep in found if ep.team and ep.team.lower() == team.lower()]
    if status is not None:
        found = [ep for ep in found if ep.status == status]
    if active_on is not None:
        found = [ep for ep in found if _covers(ep, active_on)]
    return sorted(found, key=lambda ep: (ep.started_on or date.min, ep.player), reverse=True)


def episode_page(
    store: Store,
    on: date,
    limit: int,
    offset: int,
    player: str | None = None,
    team: str | None = None,
    status: str | None = None,
    active_on: date | None = None,
) -> Page[EpisodeView]:
    """One page of `episodes`; the details (fixture counts, articles' claims) are worked out for that page only."""
    found = paginate(episodes(store, on, player, team, status, active_on, details=False), limit, offset)
    return found.model_copy(update={"items": add_details(store, found.items, on)})


def _covers(episode: EpisodeView, day: date) -> bool:
    started = episode.started_on is None or episode.started_on <= day
    end = episode.ended_on or episode.until
    return started and (end is None or day <= end)
