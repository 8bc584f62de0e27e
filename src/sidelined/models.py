"""The typed objects that pass between pipeline stages.

Each stage reads the objects of the stages before it and adds its own:
ingest makes an `Article`, dating fills its publication day, entities adds
`Mention`s, timex adds `TimeExpression`s, events makes `InjuryReport`,
`Match` and `Transfer`, the store keeps them and the timeline groups reports
into `Episode`s.  The v1 extraction record is built from these in `record.py`.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PublishedSource = Literal["line", "byline", "metadata", "feed", "inferred", "manual"]
MentionKind = Literal["player", "club", "national_team", "competition", "person"]
LinkVia = Literal["name", "surname", "alias", "fuzzy", "descriptor", "pronoun", "shape"]
TimexKind = Literal["date", "range", "duration", "weekday", "season", "month", "vague"]
Status = Literal["out", "doubtful", "available"]
TransferStatus = Literal["rumour", "agreed", "completed"]

Span = tuple[int, int]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Article(BaseModel):
    """One news article as it came in, with what is known about its origin."""

    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    published_source: PublishedSource | None = None
    published_confidence: float = 1.0
    published_window_days: int = 0
    origin: str | None = None  # file path, URL or "-" it was read from

    @property
    def content_hash(self) -> str:
        normalised = " ".join(self.text.split()).lower()
        return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Mention(Frozen):
    """A stretch of text that names (or stands for) a player, team or competition."""

    start: int
    end: int
    text: str
    kind: MentionKind
    entity_id: str | None  # knowledge-base id; None for a provisional entity
    name: str  # canonical common full English name
    team: str | None = None  # for players: club (or national team) on the publication day
    via: LinkVia = "name"
    score: float = 1.0


class TimeExpression(Frozen):
    """A time expression found in text and resolved against an anchor day.

    `value` is the single day meant, when there is one; `earliest`/`latest`
    bound a window (a range, a duration counted from the anchor, a month or a
    season).  A vague expression ("a few weeks") has neither.
    """

    start: int
    end: int
    text: str
    kind: TimexKind
    value: date | None = None
    earliest: date | None = None
    latest: date | None = None
    days_min: int | None = None  # for durations: length in days
    days_max: int | None = None


class Evidence(Frozen):
    field: str
    start: int
    end: int


class ExpectedReturn(Frozen):
    earliest: date | None = None
    latest: date | None = None


class InjuryReport(BaseModel):
    model_config = ConfigDict(extra="forbid")

    player: str
    player_id: str | None = None
    team: str | None = None
    body_part: str | None = None
    side: Literal["left", "right"] | None = None
    diagnosis: str | None = None
    occurred_on: date | None = None
    status: Status = "out"
    expected_return: ExpectedReturn | None = None
    missed_fixtures: list[date] = Field(default_factory=list)
    source: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Match(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date: date
    teams: tuple[str, str]
    played: bool
    score: dict[str, int] | None = None
    home: str | None = None
    competition: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Transfer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    player: str
    from_team: str | None = None
    to_team: str | None = None
    fee_eur: int | None = None
    status: TransferStatus = "rumour"
    source: str | None = None
    evidence: list[Evidence] = Field(default_factory=list)


class Extraction(BaseModel):
    """Everything extracted from one article."""

    model_config = ConfigDict(extra="forbid")

    article: Article
    injuries: list[InjuryReport] = Field(default_factory=list)
    matches: list[Match] = Field(default_factory=list)
    transfers: list[Transfer] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    timexes: list[TimeExpression] = Field(default_factory=list)


class EstimateChange(Frozen):
    reported_on: date
    earliest: date | None
    latest: date | None
    source: str | None
    article_id: str


class Episode(BaseModel):
    """One injury of one player, as the reports about it have told it so far."""

    model_config = ConfigDict(extra="forbid")

    id: int | None = None
    player: str
    team: str | None = None
    body_part: str | None = None
    diagnosis: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    status: Status = "out"
    estimates: list[EstimateChange] = Field(default_factory=list)
    missed_fixtures: list[date] = Field(default_factory=list)
    report_ids: list[int] = Field(default_factory=list)
