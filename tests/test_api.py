"""API tests with FastAPI's test client over a temporary SQLite store filled with a written story."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient

from pg_server import pg_url, postgres_server  # noqa: F401  (fixtures)
from sidelined.api import create_app
from sidelined.api.app import MAX_BODY_BYTES
from test_api_story import JESUS, SAKA, SAKA_EPISODES, fill, story

AFTER_STORY = date(2025, 5, 12)


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api') / 'store.db'}"
    fill(url)
    return url


@pytest.fixture(scope="module")
def client(store_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(store_url, today=lambda: AFTER_STORY)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params or None)
    assert response.status_code == 200, response.text
    return response.json()


def test_players_are_listed_most_recently_reported_first(client: TestClient) -> None:
    page = get(client, "/api/players")
    assert [p["name"] for p in page["items"]] == [SAKA, JESUS]
    assert page["total"] == 2
    saka = page["items"][0]
    assert (saka["team"], saka["episodes"], saka["reports"], saka["last_reported"]) == (
        "Arsenal",
        SAKA_EPISODES,
        4,
        "2025-05-10",
    )


def test_player_list_filters_and_pages(client: TestClient) -> None:
    assert [p["name"] for p in get(client, "/api/players", q="jes")["items"]] == [JESUS]
    assert get(client, "/api/players", team="arsenal")["total"] == 2
    assert get(client, "/api/players", team="Chelsea")["total"] == 0
    second = get(client, "/api/players", limit=1, offset=1)
    assert (second["total"], second["limit"], second["offset"]) == (2, 1, 1)
    assert [p["name"] for p in second["items"]] == [JESUS]


def test_player_file_follows_the_day_asked(client: TestClient) -> None:
    now = get(client, f"/api/players/{SAKA}")
    assert len(now["episodes"]) == SAKA_EPISODES
    assert now["current"]["status"] == "doubtful"
    back_then = get(client, f"/api/players/{SAKA}", on="2025-02-25")
    assert len(back_then["episodes"]) == 1
    current = back_then["current"]
    assert current["status"] == "out"
    assert (current["expected_earliest"], current["expected_latest"]) == ("2025-04-01", "2025-04-10")
    assert [s["id"] for s in current["sources"]] == ["story-2-setback"]
    estimates = back_then["episodes"][0]["estimates"]
    assert [e["latest"] for e in estimates] == ["2025-03-06", "2025-04-10"]
    assert {r["article"]["id"] for r in back_then["reports"]} == {"story-1-surgery", "story-2-setback"}


def test_unknown_names_are_404_with_a_reason(client: TestClient) -> None:
    for path in ("/api/players/Nobody At All", "/api/teams/Nowhere Rovers", "/api/articles/no-such-article"):
        response = client.get(path)
        assert response.status_code == 404
        assert "no " in response.json()["detail"]


def test_team_shows_who_is_out_on_a_day(client: TestClient) -> None:
    team = get(client, "/api/teams/arsenal", on="2025-01-20")
    assert team["name"] == "Arsenal"
    assert sorted(s["player"] for s in team["unavailable"]) == sorted([JESUS, SAKA])
    days = [m["date"] for m in team["fixtures"]]
    assert days and days == sorted(days)
    assert all("2024-12-23" <= day <= "2025-02-17" for day in days)  # four weeks either side
    assert all("Arsenal" in m["teams"] for m in team["fixtures"])
    teams = get(client, "/api/teams")
    assert [t["name"] for t in teams["items"]] == ["Arsenal"]


def test_episodes_filter(client: TestClient) -> None:
    assert get(client, "/api/episodes")["total"] == SAKA_EPISODES + 1
    assert get(client, "/api/episodes", player=SAKA)["total"] == SAKA_EPISODES
    over = get(client, "/api/episodes", status="available")["items"]
    assert [(e["player"], e["ended_on"]) for e in over] == [(SAKA, "2025-04-02")]
    assert get(client, "/api/episodes", on="2025-01-05")["total"] == 1  # only Saka's news by then
    active = get(client, "/api/episodes", active_on="2025-03-01")["items"]
    assert sorted(e["player"] for e in active) == sorted([JESUS, SAKA])


def test_articles_list_and_detail_with_evidence(client: TestClient) -> None:
    page = get(client, "/api/articles")
    assert page["total"] == len(story())
    assert page["items"][0]["id"] == "story-4-knock"
    assert get(client, "/api/articles", outlet="daily ball")["total"] == 2
    assert get(client, "/api/articles", since="2025-02-01", until="2025-04-30")["total"] == 2
    detail = get(client, "/api/articles/story-1-surgery")
    text = detail["text"]
    spans = {e["field"]: text[e["start"] : e["end"]] for e in detail["injuries"][0]["evidence"]}
    assert spans["expected_return"] == "seven to nine weeks"
    assert detail["matches"][0]["teams"] == ["Arsenal", "Tottenham"]


def test_matches_and_transfers(client: TestClient) -> None:
    brentford = get(client, "/api/matches", team="Brentford")["items"]
    assert [(m["date"], m["score"]) for m in brentford] == [("2025-02-15", {"Arsenal": 2, "Brentford": 1})]
    assert [m["date"] for m in get(client, "/api/matches", played=False)["items"]] == ["2025-01-15"]
    assert get(client, "/api/matches", since="2025-03-01")["total"] == 1
    moves = get(client, "/api/transfers", team="Arsenal")["items"]
    assert [(t["player"], t["from_team"], t["status"]) for t in moves] == [
        ("Martin Zubimendi", "Real Sociedad", "rumour")
    ]
    assert get(client, "/api/transfers", status="completed")["total"] == 0


def test_availability_on_a_day(client: TestClient) -> None:
    statuses = {s["player"]: s for s in get(client, "/api/availability", on="2025-01-10")["items"]}
    assert statuses[SAKA]["status"] == "out"
    assert JESUS not in statuses  # his news comes on 14 January
    asked = get(client, "/api/availability", on="2025-01-10", player=JESUS)["items"]
    assert [s["status"] for s in asked] == ["unknown"]
    only_out = get(client, "/api/availability", on="2025-01-20", status="out")["items"]
    assert sorted(s["player"] for s in only_out) == sorted([JESUS, SAKA])
    assert get(client, "/api/availability", on="2025-04-05", player=SAKA)["items"][0]["status"] == "available"


def test_changes_since_a_day(client: TestClient) -> None:
    changes = get(client, "/api/changes", since="2025-02-01")["items"]
    kinds = {(c["player"], c["kind"], c["on"]) for c in changes}
    assert (SAKA, "estimate", "2025-02-20") in kinds
    assert (SAKA, "return", "2025-04-02") in kinds
    assert all(c["on"] >= "2025-02-01" for c in changes)
    assert [c["on"] for c in changes] == sorted((c["on"] for c in changes), reverse=True)
    assert get(client, "/api/changes", since="2025-06-01")["total"] == 0
    assert get(client, "/api/changes", since="2025-05-01", until="2025-01-01")["total"] == 0


def test_search_finds_players_teams_and_articles(client: TestClient) -> None:
    hits = get(client, "/api/search", q="saka")
    assert hits[0] == {"kind": "player", "label": SAKA, "detail": "Arsenal", "url": "/players/Bukayo%20Saka"}
    assert {h["kind"] for h in hits} == {"player", "article"}
    assert [h["label"] for h in get(client, "/api/search", q="arsen") if h["kind"] == "team"] == ["Arsenal"]
    assert [h["label"] for h in get(client, "/api/search", q="gabriel jesuss")] == [JESUS]  # a close spelling
    assert [h["label"] for h in get(client, "/api/search", q="bukayo sakka")] == [SAKA]
    assert get(client, "/api/search", q="zzzzqqq") == []


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/players", {"limit": 0}),
        ("/api/players", {"limit": 100_000}),
        ("/api/players", {"offset": -1}),
        ("/api/players", {"q": "x" * 201}),
        ("/api/availability", {}),
        ("/api/availability", {"on": "2025-13-01"}),
        ("/api/availability", {"on": "yesterday"}),
        ("/api/episodes", {"status": "injured"}),
        ("/api/search", {"q": ""}),
        ("/api/export/pdf", {}),
    ],
)
def test_bad_query_values_are_clear_4xx(client: TestClient, path: str, params: dict[str, Any]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 422, response.text
    assert response.json()["detail"]


def test_posted_article_is_extracted_and_kept_once(tmp_path: Path) -> None:
    text = (
        "date 2025-03-01\nDefender ruled out\n\nArsenal defender William Saliba has been ruled out for "
        "three weeks with a hamstring injury, the club said on Saturday."
    )
    with TestClient(create_app(f"sqlite:///{tmp_path / 'post.db'}", today=lambda: AFTER_STORY)) as client:
        first = client.post("/api/articles", json={"text": text, "outlet": "Club site"})
        assert first.status_code == 201, first.text
        created = first.json()
        assert created["created"] is True
        assert created["url"] == f"/articles/{created['article_id']}"
        again = client.post("/api/articles", json={"text": text})
        assert again.json()["created"] is False
        assert again.json()["article_id"] == created["article_id"]
        stored = get(client, f"/api/articles/{created['article_id']}")
        assert stored["article"]["outlet"] == "Club site"
        assert stored["article"]["published"] == "2025-03-01"
        assert get(client, "/api/articles")["total"] == 1


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": ""},
        {"text": "   \n\t "},
        {"text": "binary\x00data"},
        {"text": "x" * 200_001},
        {"text": "ok", "published": "not a day"},
        {"text": "ok", "surprise": 1},
        [1, 2],
    ],
)
def test_bad_articles_are_refused_with_422(client: TestClient, body: Any) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_oversized_bodies_are_refused_before_parsing(client: TestClient) -> None:
    body = b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}'
    response = client.post("/api/articles", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert "larger than" in response.json()["detail"]


def test_streamed_bodies_are_counted_not_trusted(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 10_000 + 1):
            yield b"a" * 10_000
        yield b'"}'

    response = client.post("/api/articles", content=chunks(), headers={"content-type": "application/json"})
    assert response.status_code == 413


def test_exports_through_the_api(client: TestClient) -> None:
    csv_response = client.get("/api/export/csv")
    assert csv_response.headers["content-type"].startswith("text/csv")
    lines = csv_response.text.strip().splitlines()
    assert len(lines) == 1 + SAKA_EPISODES + 1
    assert "attachment" in csv_response.headers["content-disposition"]
    one = client.get("/api/export/json", params={"player": JESUS}).json()
    assert [e["player"] for e in one] == [JESUS]
    ics = client.get("/api/export/ics")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.text.count("BEGIN:VEVENT") == 2  # Saka's hamstring and Jesus's knee have windows
    assert "DTSTART;VALUE=DATE:20250801" in ics.text


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    paths = get(client, "/openapi.json")["paths"]
    for path in (
        "/api/players",
        "/api/players/{name}",
        "/api/teams",
        "/api/teams/{name}",
        "/api/episodes",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/matches",
        "/api/transfers",
        "/api/availability",
        "/api/changes",
        "/api/search",
        "/api/export/{fmt}",
    ):
        assert path in paths, path
    assert "post" in paths["/api/articles"]


def test_no_page_loads_anything_from_a_cdn(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    for path in ("/", f"/players/{SAKA}", "/api"):
        html = client.get(path).text
        assert "cdn." not in html and "https://" not in html


def test_duplicate_matches_merge_into_one() -> None:
    from sidelined.api.rows import dedupe_matches
    from sidelined.models import Match

    listed = Match(date=date(2026, 3, 6), teams=("Celta Vigo", "Real Madrid"), played=False, competition="La Liga")
    reported = Match(
        date=date(2026, 3, 6),
        teams=("Real Madrid", "Celta Vigo"),
        played=True,
        score={"Real Madrid": 2, "Celta Vigo": 1},
    )
    other = Match(date=date(2026, 3, 1), teams=("Real Madrid", "Getafe"), played=True)
    merged = dedupe_matches([listed, reported, other])
    assert [m.date for m in merged] == [date(2026, 3, 1), date(2026, 3, 6)]
    assert merged[1].teams == ("Celta Vigo", "Real Madrid") and merged[1].competition == "La Liga"
    assert merged[1].score == {"Real Madrid": 2, "Celta Vigo": 1} and merged[1].played


def _without_ids(value: Any) -> Any:
    """The answer with database-assigned ids removed: each engine numbers rows its own way."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k not in ("id", "episode_id", "report_id")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def test_postgresql_gives_the_same_answers(store_url: str, pg_url: str) -> None:  # noqa: F811
    """Every list and question answers the same over PostgreSQL as over SQLite (no SQLite-only SQL)."""
    fill(pg_url)
    paths = [
        "/api/players",
        "/api/players?q=sak&team=ARSENAL",
        f"/api/players/{SAKA}?on=2025-02-25",
        "/api/teams",
        "/api/teams/Arsenal?on=2025-01-20",
        "/api/episodes?on=2025-05-12",
        "/api/articles?since=2025-01-01&outlet=club%20news",
        "/api/articles/story-1-surgery",
        "/api/matches?team=arsenal",
        "/api/transfers?team=arsenal",
        "/api/availability?on=2025-01-20",
        "/api/changes?since=2025-01-01&until=2025-05-12",
        "/api/search?q=ar",
    ]
    with (
        TestClient(create_app(store_url, today=lambda: AFTER_STORY)) as sqlite_client,
        TestClient(create_app(pg_url, today=lambda: AFTER_STORY)) as pg_client,
    ):
        for path in paths:
            assert _without_ids(get(pg_client, path)) == _without_ids(get(sqlite_client, path)), path


def test_routes_share_a_few_worker_threads(store_url: str) -> None:
    from sidelined.api.app import REQUEST_THREADS

    def threads() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    with TestClient(create_app(store_url, today=lambda: AFTER_STORY)) as running:
        assert running.portal is not None
        assert running.portal.call(threads) == REQUEST_THREADS
    assert REQUEST_THREADS < 40  # anyio's default, which starves the event loop under load


def test_dependencies_take_no_worker_thread(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    hops: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counted(func: Any, *args: Any, **kwargs: Any) -> Any:
        hops.append(repr(func))
        return await run_sync(func, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counted)
    get(client, "/api/episodes", player=SAKA)
    assert any("episodes" in hop for hop in hops)  # the route itself runs in a thread
    assert not [hop for hop in hops if "get_store" in hop or "get_today" in hop]
