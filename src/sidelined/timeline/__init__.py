"""The timeline stage: injury episodes built from stored reports, and the questions asked of them.

`player_history`, `team_status`, `availability`, `changes` and the lists
`all_episodes` and `availabilities` take a `Store` and return pydantic
answers; the CLI and the REST API both call them.
"""

from sidelined.timeline.queries import (
    add_details,
    all_episodes,
    availabilities,
    availability,
    availability_for_fixture,
    changes,
    player_history,
    team_status,
)
from sidelined.timeline.views import (
    AvailabilityAnswer,
    Change,
    EpisodeView,
    PlayerHistory,
    SourcedReport,
    TeamEntry,
    TeamStatus,
)

__all__ = [
    "AvailabilityAnswer",
    "Change",
    "EpisodeView",
    "PlayerHistory",
    "SourcedReport",
    "TeamEntry",
    "TeamStatus",
    "add_details",
    "all_episodes",
    "availabilities",
    "availability",
    "availability_for_fixture",
    "changes",
    "player_history",
    "team_status",
]
