"""Fuzzing POST /api/articles and the read parameters: junk gets a 4xx, never a 5xx, and the store stays whole."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sidelined.pipeline as pipeline
from sidelined.api import create_app
from sidelined.kb import KnowledgeBase
from sidelined.models import Article
from test_fuzz_readers import ABSURD_DATES, json_values, texts

FUZZ_EXAMPLES = int(os.environ.get("SIDELINED_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=FUZZ_EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
ACCEPTED = {200, 201, 400, 404, 405, 413, 422}

article_bodies = st.fixed_dictionaries(
    {"text": texts | json_values},
    optional={"published": st.sampled_from(ABSURD_DATES + ["2025-01-10", "1899-12-31"]) | json_values,
              "title": json_values, "url": st.sampled_from(["http://x", "javascript:alert(1)", "https://"]) | texts,
              "outlet": json_values, "extra": json_values},
)
query_values = st.sampled_from(ABSURD_DATES + ["-1", "0", "201", "1e9", "", " ", "%00", "..", "../../etc/passwd"]) | \
    st.text(max_size=30)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz-api") / "api.db"


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(f"sqlite:///{db}"), raise_server_exceptions=False) as test_client:
        yield test_client


@FUZZ
@given(body=article_bodies | json_values)
def test_posted_junk_is_refused_or_stored(client: TestClient, body: object) -> None:
    # json.dumps writes Infinity and NaN, which Python's parser (and FastAPI's) accepts: junk worth sending too.
    response = client.post("/api/articles", content=json.dumps(body), headers={"content-type": "application/json"})
    assert response.status_code in ACCEPTED, (response.status_code, response.text[:300])


@FUZZ
@given(raw=st.binary(max_size=2000), content_type=st.sampled_from(["application/json", "text/plain", "", "x/y"]))
def test_posted_bytes_are_refused(client: TestClient, raw: bytes, content_type: str) -> None:
    response = client.post("/api/articles", content=raw, headers={"content-type": content_type})
    assert response.status_code in ACCEPTED, (response.status_code, response.text[:300])


@FUZZ
@given(path=st.sampled_from(["/api/players", "/api/episodes", "/api/articles", "/api/availability", "/api/changes",
                             "/api/matches", "/api/transfers", "/api/search", "/players", "/articles", "/search"]),
       params=st.dictionaries(st.sampled_from(["q", "team", "player", "on", "since", "until", "limit", "offset",
                                               "status", "active_on", "played", "outlet"]), query_values, max_size=4))
def test_junk_query_parameters_get_a_4xx_at_worst(client: TestClient, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code in ACCEPTED, (path, params, response.status_code, response.text[:300])


def test_the_store_is_whole_after_the_junk(db: Path, client: TestClient) -> None:
    client.post("/api/articles", json={"text": json.dumps({"junk": True}) + " Saka is out injured."})
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_stage_that_crashes_fails_only_its_article(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    real_link = pipeline.link

    def link(article: Article, kb: KnowledgeBase) -> object:
        if "boom" in article.text:
            raise RuntimeError("a bug in a stage")
        return real_link(article, kb)

    monkeypatch.setattr(pipeline, "link", link)
    text = "Arsenal winger Bukayo Saka will miss the next three weeks with a hamstring injury."
    failed = client.post("/api/articles", json={"text": "boom " + text, "published": "2025-01-10"})
    assert failed.status_code == 422
    assert failed.json()["detail"] == "extraction failed: RuntimeError: a bug in a stage"
    assert client.post("/api/articles", json={"text": text, "published": "2025-01-10"}).status_code == 201
