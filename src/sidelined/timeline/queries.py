"""The questions users ask of the timeline; the CLI and the REST API call these functions.

Each takes a `Store` and returns a pydantic answer.  `as_of` defaults to
today; reports published after it are not seen, so history can be replayed.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from sidelined.errors import UnknownEntity
from sidelined.store.schema import EntityRow, InjuryReportRow
from sidelined.timeline import names
from sidelined.timeline.availability import availability_of, decide
from sidelined.timeline.changes import episode_changes
from sidelined.timeline.episodes import DEFAULT_STALE_DAYS, episodes_by_player, player_episodes, with_details
from sidelined.timeline.fixtures import next_fixture_against, same_team
from sidelined.timeline.reading import players_reported
from sidelined.timeline.views import (
    AvailabilityAnswer,
    Change,
    EpisodeView,
    FixtureRef,
    PlayerHistory,
    TeamEntry,
    TeamStatus,
)

if TYPE_CHECKING:
    from sidelined.store import Store


def player_history(
    store: Store, name: str, as_of: date | None = None, stale_after: int = DEFAULT_STALE_DAYS
) -> PlayerHistory:
    """The player's injury episodes (Transfermarkt-style) and his status on `as_of`, with sources."""
    day = as_of or date.today()
    with store.session() as session:
        player = names.resolve(session, "player", name)
        episodes = player_episodes(session, player.id, day, stale_after)
    team = next((e.team for e in reversed(episodes) if e.team), None)
    current = decide(player.name, day, episodes, stale_after)
    return PlayerHistory(player=player.name, team=team, as_of=day, episodes=episodes, current=current)


def availability(store: Store, player: str, on: date, stale_after: int = DEFAULT_STALE_DAYS) -> AvailabilityAnswer:
    """available / doubtful / out / unknown on `on`, with the deciding reports and their age."""
    with store.session() as session:
        entity = names.resolve(session, "player", player)
        return availability_of(session, entity.id, entity.name, on, stale_after)


def availability_for_fixture(
    store: Store,
    player: str,
    opponent: str,
    on_or_after: date | None = None,
    within_days: int = 60,
    stale_after: int = DEFAULT_STALE_DAYS,
) -> tuple[FixtureRef, AvailabilityAnswer]:
    """Availability for the player's team's next fixture against `opponent` (from `on_or_after`, default today)."""
    start = on_or_after or date.today()
    with store.session() as session:
        entity = names.resolve(session, "player", player)
        team = next(
            (e.team for e in reversed(player_episodes(session, entity.id, start, details=False)) if e.team), None
        )
        if team is None:
            raise UnknownEntity(f"the team of {entity.name} is not known, so his fixtures are not either")
        fixture = next_fixture_against(session, team, opponent, start, within_days)
        if fixture is None:
            raise UnknownEntity(f"no fixture of {team} against {opponent!r} within {within_days} days of {start}")
        return fixture, availability_of(session, entity.id, entity.name, fixture.date, stale_after)


def _team_name(store: Store, team: str) -> str:
    with store.session() as session:
        try:
            return names.resolve(session, "team", team).name
        except UnknownEntity as error:
            raise UnknownEntity(str(error)) from None


def team_status(
    store: Store, team: str, as_of: date | None = None, stale_after: int = DEFAULT_STALE_DAYS
) -> TeamStatus:
    """Who at `team` is out or doubtful on `as_of`: since when, expected back when, from which reports."""
    day = as_of or date.today()
    canonical = _team_name(store, team)
    team_ids = select(EntityRow.id).where(EntityRow.kind == "team", EntityRow.name == canonical)
    players = select(InjuryReportRow.player_id).where(InjuryReportRow.team_id.in_(team_ids))
    with store.session() as session:
        by_player = episodes_by_player(session, day, players, stale_after, details=False)
    entries: list[TeamEntry] = []
    for episodes in by_player.values():
        answer = decide(episodes[0].player, day, episodes, stale_after)
        episode = answer.episode
        if answer.status not in ("out", "doubtful") or episode is None:
            continue
        if not same_team(episode.team, canonical):
            continue  # he has moved on from this team
        entries.append(
            TeamEntry(
                player=answer.player,
                status=answer.status,
                injury=episode.injury,
                since=episode.started_on,
                expected_earliest=answer.expected_earliest,
                expected_latest=answer.expected_latest,
                age_days=answer.age_days,
                stale=answer.stale,
                conflict=answer.conflict,
                sources=answer.deciding,
            )
        )
    entries.sort(key=lambda e: (e.status != "out", e.since or date.min, e.player))
    return TeamStatus(team=canonical, as_of=day, players=entries)


def changes(store: Store, since: date, until: date | None = None) -> list[Change]:
    """New injuries, changed estimates, status changes and returns reported from `since` on."""
    day = until or date.today()
    with store.session() as session:
        by_player = episodes_by_player(session, day, players_reported(since, day), details=False)
    found = [change for episodes in by_player.values() for ep in episodes for change in episode_changes(ep, since)]
    found.sort(key=lambda c: (c.day or date.max, c.player, c.report.report_id))
    return found


def all_episodes(
    store: Store, as_of: date | None = None, stale_after: int = DEFAULT_STALE_DAYS, details: bool = True
) -> list[EpisodeView]:
    """Every player's episodes as known on `as_of` (default today), player by player in name order.

    `details=False` leaves out the fixture counts and the articles' claims; `add_details` adds them later.
    """
    day = as_of or date.today()
    with store.session() as session:
        by_player = episodes_by_player(session, day, stale_after=stale_after, details=details)
    return [ep for episodes in sorted(by_player.values(), key=lambda eps: eps[0].player) for ep in episodes]


def add_details(store: Store, episodes: list[EpisodeView], as_of: date) -> list[EpisodeView]:
    """The episodes (built without details, as known on `as_of`) with their fixture counts and articles' claims."""
    with store.session() as session:
        return with_details(session, episodes, as_of)


def availabilities(
    store: Store, on: date, since: date | None = None, stale_after: int = DEFAULT_STALE_DAYS
) -> list[AvailabilityAnswer]:
    """Availability on `on` of each player with news from `since` (optional) to `on`, in name order.

    For lists: the answers' episodes carry no fixture counts or articles' claims.
    """
    with store.session() as session:
        by_player = episodes_by_player(session, on, players_reported(since, on), stale_after, details=False)
    answers = [decide(episodes[0].player, on, episodes, stale_after) for episodes in by_player.values()]
    return sorted(answers, key=lambda answer: answer.player)
