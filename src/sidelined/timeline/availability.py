"""Is a player available on a day: reasoning over the dated reports published up to it.

The newest reports up to the day decide.  Several sources on that same day
that disagree are all shown and flagged as a conflict.  An expected-return
window carries an `out` forward: before the window he is out, inside it
doubtful, after it unknown until a newer report says more.  A deciding
report older than `stale_after` days is marked stale, not presented as current.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from sidelined.timeline.conflicts import in_conflict
from sidelined.timeline.episodes import DEFAULT_STALE_DAYS, player_episodes
from sidelined.timeline.linking import silence_limit
from sidelined.timeline.views import Availability, AvailabilityAnswer, EpisodeView


def _latest_window(episode: EpisodeView) -> tuple[date | None, date | None]:
    if not episode.estimates:
        return None, None
    newest = episode.estimates[-1]
    return newest.earliest, newest.latest


def _project(
    status: str, on: date, last_day: date, earliest: date | None, latest: date | None
) -> tuple[Availability, str]:
    if status == "available":
        return "available", "reported available"
    if on > silence_limit(last_day, status, latest):
        return "unknown", f"last reported {status} on {last_day.isoformat()}; no news since"
    if latest is not None and on > latest:
        return "unknown", f"was expected back by {latest.isoformat()}; no newer report"
    if earliest is not None and on >= earliest:
        return "doubtful", f"inside the expected return window from {earliest.isoformat()}"
    return ("out" if status == "out" else "doubtful"), f"reported {status}"


def decide(
    player: str, on: date, episodes: list[EpisodeView], stale_after: int = DEFAULT_STALE_DAYS
) -> AvailabilityAnswer:
    """Availability on `on` from episodes built from reports published up to `on`."""
    reports = [r for e in episodes for r in e.reports if r.reported_on is not None]
    if not reports:
        return AvailabilityAnswer(player=player, on=on, status="unknown", reason="no dated injury news")
    last_day = max(r.reported_on for r in reports if r.reported_on is not None)
    deciding = [r for r in reports if r.reported_on == last_day]
    episode = next(e for e in reversed(episodes) if any(r.reported_on == last_day for r in e.reports))
    conflict = in_conflict(deciding)
    statuses = {r.status for r in deciding}
    base = statuses.pop() if len(statuses) == 1 else "doubtful"
    earliest, latest = _latest_window(episode) if base != "available" else (None, None)
    status, reason = _project(base, on, last_day, earliest, latest)
    if conflict:
        reason = "sources disagree on " + last_day.isoformat() + "; " + reason
    age = (on - last_day).days
    return AvailabilityAnswer(
        player=player,
        on=on,
        status=status,
        reason=reason,
        deciding=deciding,
        age_days=age,
        stale=age > stale_after,
        conflict=conflict,
        expected_earliest=earliest,
        expected_latest=latest,
        episode=episode,
    )


def availability_of(
    session: Session,
    player_id: int,
    player: str,
    on: date,
    stale_after: int = DEFAULT_STALE_DAYS,
    details: bool = True,
) -> AvailabilityAnswer:
    return decide(player, on, player_episodes(session, player_id, on, stale_after, details), stale_after)
