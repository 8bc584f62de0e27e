"""JSON routes under /api: lists with filters and pagination, single records, questions, ingest, exports."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from sidelined.api import queries
from sidelined.api.schemas import (
    ArticleDetail,
    ArticleIn,
    ArticleSummary,
    Availability,
    ChangeView,
    ErrorBody,
    IngestResponse,
    IsoDay,
    Page,
    PlayerDetail,
    PlayerSummary,
    SearchHit,
    StatusView,
    TeamDetail,
    TeamSummary,
)
from sidelined.errors import InputError, UnknownEntity
from sidelined.export import FORMATS, MEDIA_TYPES, ExportFormat, export_episodes
from sidelined.models import Article, Match, Status, Transfer, TransferStatus
from sidelined.store import Store
from sidelined.timeline import EpisodeView

router = APIRouter(prefix="/api")

MAX_LIMIT = 200
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": ErrorBody, "description": "Not found"}}

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip")]
Text = Annotated[str | None, Query(min_length=1, max_length=200)]
Name = Annotated[str, Path(min_length=1, max_length=200)]
Day = Annotated[IsoDay | None, Query(description="ISO day, YYYY-MM-DD")]
RequiredDay = Annotated[IsoDay, Query(description="ISO day, YYYY-MM-DD")]


# Coroutines, though they never wait: FastAPI would run plain functions in a worker thread of their own.
async def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


async def get_today(request: Request) -> date:
    today: date = request.app.state.today()
    return today


StoreDep = Annotated[Store, Depends(get_store)]
TodayDep = Annotated[date, Depends(get_today)]


@router.get("/players", response_model=Page[PlayerSummary], tags=["players"])
def players(store: StoreDep, q: Text = None, team: Text = None, limit: Limit = 50, offset: Offset = 0) -> object:
    """Players with injury reports, most recently reported first."""
    return queries.list_players(store, q, team, limit, offset)


@router.get("/players/{name:path}", response_model=PlayerDetail, responses=NOT_FOUND, tags=["players"])
def player(store: StoreDep, today: TodayDep, name: Name, on: Day = None) -> object:
    """One player's status on a day (default today), episodes, reports and his team's fixtures."""
    try:
        return queries.player_detail(store, name, on or today)
    except UnknownEntity as error:
        raise HTTPException(404, str(error)) from None


@router.get("/teams", response_model=Page[TeamSummary], tags=["teams"])
def teams(store: StoreDep, today: TodayDep, q: Text = None, limit: Limit = 50, offset: Offset = 0) -> object:
    """Teams whose players have injury reports."""
    return queries.list_teams(store, q, today, limit, offset)


@router.get("/teams/{name:path}", response_model=TeamDetail, responses=NOT_FOUND, tags=["teams"])
def team(store: StoreDep, today: TodayDep, name: Name, on: Day = None) -> object:
    """Who in the team is out or doubtful on a day (default today), and its fixtures."""
    try:
        return queries.team_detail(store, name, on or today)
    except UnknownEntity as error:
        raise HTTPException(404, str(error)) from None


@router.get("/episodes", response_model=Page[EpisodeView], tags=["episodes"])
def episodes(
    store: StoreDep,
    today: TodayDep,
    player: Text = None,
    team: Text = None,
    status: Status | None = None,
    active_on: Day = None,
    on: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Injury episodes as known on `on` (default today), newest first, with every expected-return estimate."""
    return queries.episode_page(store, on or today, limit, offset, player, team, status, active_on)


@router.get("/articles", response_model=Page[ArticleSummary], tags=["articles"])
def articles(
    store: StoreDep,
    q: Text = None,
    outlet: Text = None,
    since: Day = None,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Stored articles, newest first."""
    return queries.list_articles(store, q, outlet, since, until, limit, offset)


@router.get("/articles/{article_id:path}", response_model=ArticleDetail, responses=NOT_FOUND, tags=["articles"])
def article(store: StoreDep, article_id: Name) -> object:
    """An article's text and every record extracted from it, with evidence spans."""
    found = queries.article_detail(store, article_id)
    if found is None:
        raise HTTPException(404, f"no article with id {article_id!r}")
    return found


@router.post(
    "/articles",
    response_model=IngestResponse,
    status_code=201,
    responses={
        400: {"model": ErrorBody, "description": "Body is not JSON"},
        413: {"model": ErrorBody, "description": "Body too large"},
        422: {"description": "Invalid article"},
    },
    tags=["articles"],
)
def post_article(store: StoreDep, payload: ArticleIn) -> object:
    """Extract one article and keep it (an identical text is recognised and not stored twice)."""
    article_id = "api-" + Article(id="-", text=payload.text).content_hash[:16]
    try:
        return queries.ingest_article(store, payload, article_id)
    except InputError as error:
        raise HTTPException(422, error.reason) from error


@router.get("/matches", response_model=Page[Match], tags=["matches"])
def matches(
    store: StoreDep,
    team: Text = None,
    since: Day = None,
    until: Day = None,
    played: bool | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Matches found in articles (one per day and pair of teams), in date order."""
    return queries.paginate(queries.list_matches(store, team, since, until, played), limit, offset)


@router.get("/transfers", response_model=Page[Transfer], tags=["transfers"])
def transfers(
    store: StoreDep,
    player: Text = None,
    team: Text = None,
    status: TransferStatus | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Reported transfers, newest first; `team` matches either end of the move."""
    return queries.list_transfers(store, player, team, status, limit, offset)


@router.get("/availability", response_model=Page[StatusView], tags=["questions"])
def availability(
    store: StoreDep,
    on: RequiredDay,
    team: Text = None,
    player: Text = None,
    status: Availability | None = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """Each reported player's availability on a day, with the reports that decide it."""
    found = queries.statuses_on(store, on, team=team, player=player)
    if status is not None:
        found = [s for s in found if s.status == status]
    return queries.paginate(found, limit, offset)


@router.get("/changes", response_model=Page[ChangeView], tags=["questions"])
def changes(
    store: StoreDep,
    today: TodayDep,
    since: RequiredDay,
    until: Day = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> object:
    """New injuries, changed estimates and returns reported from `since` to `until` (default today), newest first."""
    return queries.paginate(queries.changes(store, since, until or today), limit, offset)


@router.get("/search", response_model=list[SearchHit], tags=["questions"])
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> object:
    """Players, teams and articles whose name or title contains the text."""
    return queries.search(store, q.strip() or q, limit)


@router.get(
    "/export/{fmt}",
    tags=["exports"],
    response_class=Response,
    responses={200: {"content": {MEDIA_TYPES[f].split(";")[0]: {} for f in FORMATS}}},
)
def export(
    store: StoreDep, today: TodayDep, fmt: ExportFormat, player: Text = None, team: Text = None, on: Day = None
) -> Response:
    """All episodes (or one player's or team's) as CSV, JSON, or an ICS calendar of expected returns."""
    body = export_episodes(queries.episodes(store, on or today, player, team), fmt)
    headers = {"Content-Disposition": f'attachment; filename="sidelined-episodes.{fmt}"'}
    return Response(body, media_type=MEDIA_TYPES[fmt], headers=headers)
