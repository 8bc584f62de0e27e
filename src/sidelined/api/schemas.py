"""Response shapes of the API (and the data the web pages render).

These are the API's own view objects, built from the store and timeline in
`queries.py`; keeping them separate lets the store change inside without
changing the published OpenAPI schema.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema

from sidelined.models import InjuryReport, Match, Transfer
from sidelined.timeline import EpisodeView, SourcedReport

Availability = Literal["out", "doubtful", "available", "unknown"]
ChangeKind = Literal["new injury", "estimate", "status", "return"]
SearchKind = Literal["player", "team", "article"]

ItemT = TypeVar("ItemT")

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    """Accept only YYYY-MM-DD text: pydantic alone would also read a number as a Unix time."""
    if isinstance(value, str) and not ISO_DAY.fullmatch(value):
        raise ValueError("expected a day as YYYY-MM-DD")
    if not isinstance(value, str | date):
        raise ValueError("expected a day as YYYY-MM-DD")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]

# Football news is published in these centuries; a day outside them is a typo, not an article's date.
NEWS_DAY = r"^(18|19|20)\d\d-\d\d-\d\d$"


def _news_day(value: object) -> object:
    if not (isinstance(value, str) and re.fullmatch(NEWS_DAY, value)):
        raise ValueError("expected a publication day as YYYY-MM-DD between 1800 and 2099")
    return value


NewsDay = Annotated[
    date,
    BeforeValidator(_news_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": NEWS_DAY}),
]


class Page(BaseModel, Generic[ItemT]):
    """One page of a list that can grow: the items and where they sit in the whole."""

    items: list[ItemT]
    total: int = Field(ge=0)
    limit: int = Field(ge=1)
    offset: int = Field(ge=0)


class ArticleRef(BaseModel):
    """Enough about an article to cite it."""

    id: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


class ArticleSummary(ArticleRef):
    injuries: int = 0
    matches: int = 0
    transfers: int = 0


class ArticleDetail(BaseModel):
    """An article's text with every record extracted from it (records carry evidence spans)."""

    article: ArticleRef
    text: str
    injuries: list[InjuryReport]
    matches: list[Match]
    transfers: list[Transfer]
    copy_of: ArticleRef | None = Field(
        default=None, description="The original, when this article is a syndicated copy (its facts are kept there)."
    )


class ReportView(BaseModel):
    """One injury report as the timeline read it, with the article that gave it."""

    article: ArticleRef
    report: SourcedReport


class StatusView(BaseModel):
    """A player's availability on one day and the reports that decide it."""

    player: str
    team: str | None = None
    on: date
    status: Availability
    episode_id: int | None = None
    injury: str | None = None
    body_part: str | None = None
    diagnosis: str | None = None
    since: date | None = None
    expected_earliest: date | None = None
    expected_latest: date | None = None
    reason: str | None = None
    age_days: int | None = None
    stale: bool = False
    conflict: bool = False
    sources: list[ArticleRef] = Field(default_factory=list)


class PlayerSummary(BaseModel):
    name: str
    team: str | None = None
    episodes: int = 0
    reports: int = 0
    last_reported: date | None = None


class PlayerDetail(BaseModel):
    """One player as known on a day: status, episodes (oldest first), reports and his teams' fixtures."""

    name: str
    team: str | None = None
    current: StatusView
    episodes: list[EpisodeView]
    reports: list[ReportView]
    fixtures: list[Match]


class TeamSummary(BaseModel):
    name: str
    players: int = 0
    out: int = 0
    doubtful: int = 0


class TeamDetail(BaseModel):
    """Who in a team is out or doubtful on a day, and who is expected back when."""

    name: str
    on: date
    unavailable: list[StatusView]
    fixtures: list[Match]


class ChangeView(BaseModel):
    """One thing that changed in the knowledge, with the report that changed it."""

    on: date | None
    player: str
    team: str | None = None
    kind: ChangeKind
    summary: str
    conflict: bool = False
    article: ArticleRef | None = None


class SearchHit(BaseModel):
    kind: SearchKind
    label: str
    detail: str | None = None
    url: str


class IngestResponse(BaseModel):
    """What `POST /articles` did with the article."""

    article_id: str
    created: bool
    injuries: int
    matches: int
    transfers: int
    url: str


MAX_ARTICLE_CHARS = 200_000
READABLE_TEXT = r"^[^\x00]*[^\s\x00][^\x00]*$"


class ArticleIn(BaseModel):
    """An article to ingest: its text and what is known about its origin."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        max_length=MAX_ARTICLE_CHARS,
        pattern=READABLE_TEXT,
        description="Plain article text: not blank, no NUL characters (binary data is not an article).",
    )
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2000, pattern=r"^https?://\S+$", description="http(s) address")
    outlet: str | None = Field(default=None, max_length=200)
    published: NewsDay | None = None


class ErrorBody(BaseModel):
    detail: str
