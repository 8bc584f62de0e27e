"""The one place the interfaces read and write the store (the adapter of the API and web pages).

Every API route and web page asks these functions and gets view objects from
`sidelined.api.schemas`; none touches the store or the timeline directly, so
a change there is absorbed here.  Lists that can grow are filtered and paginated.
"""

from sidelined.api.queries.loading import paginate
from sidelined.api.queries.people import (
    changes,
    episode_page,
    episodes,
    list_players,
    list_teams,
    player_detail,
    statuses_on,
    team_detail,
    unavailable_by_team,
)
from sidelined.api.queries.records import (
    article_detail,
    counts,
    ingest_article,
    list_articles,
    list_matches,
    list_transfers,
    newest_article_day,
    search,
)

__all__ = [
    "article_detail",
    "changes",
    "counts",
    "episode_page",
    "episodes",
    "ingest_article",
    "list_articles",
    "list_matches",
    "list_players",
    "list_teams",
    "list_transfers",
    "newest_article_day",
    "paginate",
    "player_detail",
    "search",
    "statuses_on",
    "team_detail",
    "unavailable_by_team",
]
