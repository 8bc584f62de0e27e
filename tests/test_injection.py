"""Search and filter parameters are bound, never formatted into SQL: injection strings change nothing."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from sidelined.api import create_app
from sidelined.cli.extract import ingest_into

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sidelined" / "examples"
INJECTIONS = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    "\" OR 1=1 --",
    "Saka'); DELETE FROM injury_reports; --",
    "x' UNION SELECT name, sql FROM sqlite_master --",
    "%",
    "_",
    "%' --",
    "\\",
    "Saka\x00",
    "1; UPDATE entities SET name='pwned'",
]
QUERY_ENDPOINTS = {
    "/api/players": ["q", "team"],
    "/api/teams": ["q"],
    "/api/episodes": ["player", "team"],
    "/api/articles": ["q", "outlet"],
    "/api/matches": ["team"],
    "/api/transfers": ["player", "team"],
    "/api/availability?on=2025-01-10": ["player", "team"],
    "/api/search": ["q"],
    "/api/export/csv": ["player", "team"],
    "/players": ["q"],
    "/articles": ["q"],
    "/search": ["q"],
}
PATH_ENDPOINTS = ["/api/players/", "/api/teams/", "/api/articles/", "/players/", "/teams/", "/articles/"]
TABLES = ["articles", "entities", "injury_reports", "matches", "transfers", "episodes", "episode_reports",
          "provenance"]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("injection") / "store.db"
    counts = ingest_into(f"sqlite:///{path}", [str(EXAMPLES)], None, 5_000_000, quiet=True)
    assert counts["added"] > 10
    return path


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{db_path}")) as test_client:
        yield test_client


def snapshot(db_path: Path) -> dict[str, object]:
    with sqlite3.connect(db_path) as connection:
        schema = connection.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
        counts = {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}
        names = connection.execute("SELECT name FROM entities ORDER BY id").fetchall()
    return {"schema": schema, "counts": counts, "names": names}


def _with_param(endpoint: str, name: str, value: str) -> str:
    joiner = "&" if "?" in endpoint else "?"
    return f"{endpoint}{joiner}{name}={quote(value, safe='')}"


def test_injection_strings_in_filters_change_nothing(client: TestClient, db_path: Path) -> None:
    before = snapshot(db_path)
    assert before["counts"]["injury_reports"] > 0  # type: ignore[index]
    for endpoint, names in QUERY_ENDPOINTS.items():
        for name in names:
            for value in INJECTIONS:
                response = client.get(_with_param(endpoint, name, value))
                assert response.status_code in (200, 400, 404, 422), (endpoint, name, value, response.text[:200])
    assert snapshot(db_path) == before


def test_injection_strings_in_paths_change_nothing(client: TestClient, db_path: Path) -> None:
    before = snapshot(db_path)
    for prefix in PATH_ENDPOINTS:
        for value in INJECTIONS:
            response = client.get(prefix + quote(value, safe=""))
            assert response.status_code in (200, 404, 422), (prefix, value, response.text[:200])
    assert snapshot(db_path) == before


def test_a_quote_matches_nothing_rather_than_everything(client: TestClient) -> None:
    everything = client.get("/api/articles", params={"limit": 200}).json()["total"]
    assert everything > 10
    assert client.get("/api/articles", params={"q": "' OR '1'='1"}).json()["total"] == 0
    assert client.get("/api/players", params={"q": "' OR '1'='1"}).json()["total"] == 0


@pytest.mark.parametrize("wildcard", ["%", "_", "%%"])
def test_like_wildcards_are_taken_literally(client: TestClient, wildcard: str) -> None:
    assert client.get("/api/articles", params={"q": wildcard}).json()["total"] == 0
    assert client.get("/api/players", params={"q": wildcard}).json()["total"] == 0


def test_a_plain_search_still_finds(client: TestClient) -> None:
    assert client.get("/api/players", params={"q": "saka"}).json()["total"] >= 1
