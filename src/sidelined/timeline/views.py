"""The answers the timeline gives, as pydantic models the CLI prints and the API serialises."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from sidelined.models import Episode, EstimateChange

Availability = Literal["available", "doubtful", "out", "unknown"]
UntilKind = Literal["return", "ongoing", "expected", "last report", "unknown"]
ChangeKind = Literal["new injury", "estimate", "status", "return"]


class SourcedReport(BaseModel):
    """One stored injury report with the article, outlet and source it came from."""

    report_id: int
    article_id: str
    outlet: str | None = None
    source: str | None = None
    reported_on: date | None = None
    player: str
    team: str | None = None
    status: str
    body_part: str | None = None
    side: str | None = None
    diagnosis: str | None = None
    occurred_on: date | None = None
    has_expected_return: bool = False
    expected_earliest: date | None = None
    expected_latest: date | None = None
    missed_fixtures: list[date] = Field(default_factory=list)
    copies: list[str] = Field(default_factory=list)  # ids of syndicated copies carrying the same fact

    @property
    def attribution(self) -> str:
        """`article id (outlet; source)`, the way every fact is credited in output."""
        credit = "; ".join(dict.fromkeys(x for x in (self.outlet, self.source) if x))
        return f"{self.article_id} ({credit})" if credit else self.article_id


class FixtureRef(BaseModel):
    date: date
    home: str | None = None
    away: str | None = None
    competition: str | None = None


class GamesClaim(BaseModel):
    """An article's own count of games a player has missed ("seventh consecutive game without him")."""

    games: int
    article_id: str
    reported_on: date | None = None
    phrase: str


class EpisodeView(BaseModel):
    """One injury episode, with everything derived from its reports."""

    id: int | None = None
    player: str
    team: str | None = None
    injury: str
    body_part: str | None = None
    side: str | None = None
    diagnosis: str | None = None
    season: str | None = None
    started_on: date | None = None
    ended_on: date | None = None
    until: date | None = None
    until_kind: UntilKind = "unknown"
    days_out: int | None = None
    status: str
    estimates: list[EstimateChange] = Field(default_factory=list)
    fixtures_missed: list[FixtureRef] = Field(default_factory=list)
    fixtures_from: Literal["knowledge base", "articles", "none"] = "none"
    games_claimed: list[GamesClaim] = Field(default_factory=list)
    conflict_days: list[date] = Field(default_factory=list)  # days on which its sources disagreed
    reports: list[SourcedReport] = Field(default_factory=list)

    @property
    def games_missed(self) -> int | None:
        return len(self.fixtures_missed) if self.fixtures_from != "none" else None

    def as_episode(self) -> Episode:
        """The pipeline's plain `Episode` object for this view."""
        return Episode(
            id=self.id,
            player=self.player,
            team=self.team,
            body_part=self.body_part,
            diagnosis=self.diagnosis,
            started_on=self.started_on,
            ended_on=self.ended_on,
            status=self.status,  # type: ignore[arg-type]
            estimates=self.estimates,
            missed_fixtures=[f.date for f in self.fixtures_missed],
            report_ids=[r.report_id for r in self.reports],
        )


class AvailabilityAnswer(BaseModel):
    player: str
    on: date
    status: Availability
    reason: str
    deciding: list[SourcedReport] = Field(default_factory=list)
    age_days: int | None = None
    stale: bool = False
    conflict: bool = False
    expected_earliest: date | None = None
    expected_latest: date | None = None
    episode: EpisodeView | None = None


class PlayerHistory(BaseModel):
    player: str
    team: str | None = None
    as_of: date
    episodes: list[EpisodeView]
    current: AvailabilityAnswer


class TeamEntry(BaseModel):
    player: str
    status: Availability
    injury: str
    since: date | None = None
    expected_earliest: date | None = None
    expected_latest: date | None = None
    age_days: int | None = None
    stale: bool = False
    conflict: bool = False
    sources: list[SourcedReport] = Field(default_factory=list)


class TeamStatus(BaseModel):
    team: str
    as_of: date
    players: list[TeamEntry]


class Change(BaseModel):
    kind: ChangeKind
    player: str
    day: date | None
    detail: str
    report: SourcedReport
    conflict: bool = False
