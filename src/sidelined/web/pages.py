"""Server-rendered pages: dashboard, player, team, article, lists and search (Jinja2, autoescaped)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sidelined.api import queries
from sidelined.api.links import article_url, player_url, team_url
from sidelined.api.routes import Day, Name, Offset, StoreDep, Text, TodayDep
from sidelined.errors import UnknownEntity
from sidelined.export import latest_estimate
from sidelined.store import Store
from sidelined.timeline.episodes import DEFAULT_STALE_DAYS
from sidelined.web.chart import build_chart
from sidelined.web.highlight import facts_of, segment_text

HERE = Path(__file__).parent
PAGE_SIZE = 50
CHANGES_WINDOW_DAYS = 30

environment = Environment(
    loader=FileSystemLoader(HERE / "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
environment.globals.update(player_url=player_url, team_url=team_url, article_url=article_url)
templates = Jinja2Templates(env=environment)
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def _render(request: Request, name: str, context: dict[str, Any], status_code: int = 200) -> Response:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def render_error(request: Request, status_code: int, message: str) -> Response:
    return _render(request, "error.html", {"status_code": status_code, "message": message}, status_code)


def _dashboard_day(store: Store, today: date) -> tuple[date, bool]:
    """Today, unless the newest news is stale by then: the day of the newest article instead."""
    newest = queries.newest_article_day(store)
    if newest is not None and newest < today - timedelta(days=DEFAULT_STALE_DAYS):
        return newest, True
    return today, False


@router.get("/", name="dashboard")
def dashboard(request: Request, store: StoreDep, today: TodayDep, on: Day = None) -> Response:
    on_latest = False
    if on is None:
        on, on_latest = _dashboard_day(store, today)
    since = on - timedelta(days=CHANGES_WINDOW_DAYS)
    context = {
        "on": on,
        "on_latest": on_latest,
        "since": since,
        "by_team": queries.unavailable_by_team(store, on),
        "changes": queries.changes(store, since, on)[:20],
        "articles": queries.list_articles(store, None, None, None, on, 8, 0).items,
        "counts": queries.counts(store),
    }
    return _render(request, "dashboard.html", context)


@router.get("/players", name="player_list")
def player_list(request: Request, store: StoreDep, q: Text = None, offset: Offset = 0) -> Response:
    page = queries.list_players(store, q, None, PAGE_SIZE, offset)
    return _render(request, "listing.html", {"heading": "Players", "kind": "players", "page": page, "filter": q})


@router.get("/players/{name:path}", name="player_page")
def player_page(request: Request, store: StoreDep, today: TodayDep, name: Name, on: Day = None) -> Response:
    day = on or _dashboard_day(store, today)[0]
    try:
        player = queries.player_detail(store, name, day)
    except UnknownEntity as error:
        raise HTTPException(404, str(error)) from None
    context = {
        "player": player,
        "chart": build_chart(player.episodes, player.fixtures, day),
        "episodes_desc": sorted(player.episodes, key=lambda ep: ep.started_on or date.min, reverse=True),
        "reports_desc": list(reversed(player.reports)),
        "latest_estimate": latest_estimate,
        "articles": {r.article.id: r.article for r in player.reports},
    }
    return _render(request, "player.html", context)


@router.get("/teams", name="team_list")
def team_list(
    request: Request, store: StoreDep, today: TodayDep, q: Text = None, offset: Offset = 0
) -> Response:
    page = queries.list_teams(store, q, _dashboard_day(store, today)[0], PAGE_SIZE, offset)
    return _render(request, "listing.html", {"heading": "Teams", "kind": "teams", "page": page, "filter": q})


@router.get("/teams/{name:path}", name="team_page")
def team_page(request: Request, store: StoreDep, today: TodayDep, name: Name, on: Day = None) -> Response:
    try:
        team = queries.team_detail(store, name, on or _dashboard_day(store, today)[0])
    except UnknownEntity as error:
        raise HTTPException(404, str(error)) from None
    return _render(request, "team.html", {"team": team})


@router.get("/articles", name="article_list")
def article_list(request: Request, store: StoreDep, q: Text = None, offset: Offset = 0) -> Response:
    page = queries.list_articles(store, q, None, None, None, PAGE_SIZE, offset)
    return _render(request, "listing.html", {"heading": "Articles", "kind": "articles", "page": page, "filter": q})


@router.get("/articles/{article_id:path}", name="article_page")
def article_page(request: Request, store: StoreDep, article_id: Name) -> Response:
    detail = queries.article_detail(store, article_id)
    if detail is None:
        raise HTTPException(404, f"No article with id “{article_id}”.")
    facts = (
        facts_of("injury", [r.evidence for r in detail.injuries])
        + facts_of("match", [m.evidence for m in detail.matches])
        + facts_of("transfer", [t.evidence for t in detail.transfers])
    )
    return _render(request, "article.html", {"detail": detail, "segments": segment_text(detail.text, facts)})


@router.get("/search", name="search_page")
def search_page(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    hits = queries.search(store, q.strip(), 20) if q.strip() else []
    context = {"heading": "Search", "kind": "search", "hits": hits, "query": q, "page": None}
    return _render(request, "listing.html", context)


def _first_line(operation: dict[str, Any]) -> str:
    text = operation.get("description") or operation.get("summary") or ""
    return str(text).strip().splitlines()[0] if text.strip() else ""


@router.get("/api", name="api_index")
def api_index(request: Request) -> Response:
    schema = request.app.openapi()
    endpoints = [
        {"method": method.upper(), "path": path, "summary": _first_line(operation)}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return _render(request, "api.html", {"endpoints": endpoints})


def mount_web(app: FastAPI) -> None:
    """Add the pages and the static files to the app."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(router)
