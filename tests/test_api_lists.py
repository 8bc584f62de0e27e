"""The API's lists agree with its per-player answers, and read the store in a fixed number of queries.

The lists (`/api/episodes`, `/api/availability`, the exports) build every player's
episodes at once; the per-player file builds one player's.  Over a store with
several players and episodes (the written story plus the gold records of the
seeds and the development corpus), for days across them, each list item must
equal the per-player answer.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from conftest import shared_or_skip
from sidelined.api import create_app
from sidelined.models import Extraction
from test_api_story import SAKA, fill, story
from test_store_gold import gold_extraction, seed_extractions

DAYS = ["2018-09-01", "2025-02-25", "2025-05-12", "2026-03-07"]
TODAY = date(2026, 3, 8)
EVERYTHING = {"limit": 200}


def corpus_extractions() -> list[Extraction]:
    return [gold_extraction(path) for path in sorted(shared_or_skip("corpus").glob("dev-*/*.gold.json"))]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('lists') / 'store.db'}"
    fill(url, story() + seed_extractions() + corpus_extractions())
    with TestClient(create_app(url, today=lambda: TODAY)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def small_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path_factory.mktemp('lists-small') / 'store.db'}"
    fill(url, seed_extractions()[:1])  # one article about one player
    with TestClient(create_app(url, today=lambda: TODAY)) as test_client:
        yield test_client


def get(client: TestClient, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def players(client: TestClient) -> list[str]:
    return [p["name"] for p in get(client, "/api/players", **EVERYTHING)["items"]]


def test_the_store_has_several_players_with_several_episodes(client: TestClient) -> None:
    names = players(client)
    assert len(names) >= 5
    assert len(get(client, f"/api/players/{SAKA}")["episodes"]) >= 2
    assert get(client, "/api/episodes", **EVERYTHING)["total"] > len(names) // 2


@pytest.mark.parametrize("day", DAYS)
def test_episode_list_holds_each_players_own_episodes(client: TestClient, day: str) -> None:
    listed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for episode in get(client, "/api/episodes", on=day, **EVERYTHING)["items"]:
        listed[episode["player"]].append(episode)
    for name in players(client):
        own = get(client, f"/api/players/{name}", on=day)["episodes"]
        by_start = sorted(listed.get(name, []), key=lambda ep: ep["started_on"] or "")
        assert by_start == sorted(own, key=lambda ep: ep["started_on"] or ""), name
    assert listed


@pytest.mark.parametrize("day", DAYS)
def test_availability_list_gives_each_player_his_own_status(client: TestClient, day: str) -> None:
    listed = get(client, "/api/availability", on=day, **EVERYTHING)["items"]
    assert listed
    for view in listed:
        own = get(client, f"/api/players/{view['player']}", on=day)["current"]
        assert view == own
        assert get(client, "/api/availability", on=day, player=view["player"])["items"] == [view]


@pytest.mark.parametrize("day", DAYS[1:])
def test_team_page_agrees_with_the_availability_list(client: TestClient, day: str) -> None:
    statuses = {v["player"]: v for v in get(client, "/api/availability", on=day, **EVERYTHING)["items"]}
    fields = ("status", "since", "expected_earliest", "expected_latest", "stale", "conflict", "sources")
    compared = 0
    for team in {v["team"] for v in statuses.values() if v["team"]}:
        for entry in get(client, f"/api/teams/{team}", on=day)["unavailable"]:
            listed = statuses[entry["player"]]
            assert {f: entry[f] for f in fields} == {f: listed[f] for f in fields}
            compared += 1
    assert compared


def test_pages_of_the_episode_list_join_into_the_whole_list(client: TestClient) -> None:
    day = DAYS[-1]
    whole = get(client, "/api/episodes", on=day, **EVERYTHING)["items"]
    pages = [get(client, "/api/episodes", on=day, limit=7, offset=start)["items"] for start in range(0, len(whole), 7)]
    assert [episode for page in pages for episode in page] == whole
    assert any(episode["games_claimed"] for episode in whole)  # the details each page works out are compared too
    assert any(episode["fixtures_missed"] for episode in whole)


def test_json_export_is_the_episode_list(client: TestClient) -> None:
    for day in DAYS:
        exported = client.get("/api/export/json", params={"on": day}).json()
        assert exported == get(client, "/api/episodes", on=day, **EVERYTHING)["items"]


def count_queries(client: TestClient, path: str) -> int:
    engine = client.app.state.store.engine  # type: ignore[attr-defined]
    statements: list[str] = []

    def remember(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    client.get(path)  # warm: the knowledge base and lazy caches are not what is counted
    event.listen(engine, "before_cursor_execute", remember)
    try:
        assert client.get(path).status_code == 200
    finally:
        event.remove(engine, "before_cursor_execute", remember)
    return len(statements)


@pytest.mark.parametrize(
    "path",
    [
        "/api/episodes?on=2026-03-07",
        "/api/availability?on=2026-03-07",
        "/api/changes?since=2024-01-01",
        "/api/export/csv",
        "/api/teams",
        "/",
    ],
)
def test_lists_read_the_store_in_as_many_queries_for_many_players_as_for_one(
    client: TestClient, small_client: TestClient, path: str
) -> None:
    many, one = count_queries(client, path), count_queries(small_client, path)
    assert len(players(client)) > 5 * len(players(small_client))
    assert many <= one + 1, (many, one)  # at most the articles' matches, when the knowledge base lacks a team
    assert many < len(players(client))
