"""Resource limits: the per-article extraction budget, and one clear line for every refused input."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import sidelined.pipeline as pipeline
from sidelined.api import create_app
from sidelined.api.app import MAX_BODY_BYTES
from sidelined.api.schemas import MAX_ARTICLE_CHARS
from sidelined.errors import InputError, TooLargeInput
from sidelined.ingest import read_inputs
from sidelined.kb import KnowledgeBase, load_kb
from sidelined.limits import (
    BUDGET_ENV,
    DEFAULT_EXTRACTION_SECONDS,
    ExtractionTooSlow,
    extraction_budget,
    extraction_seconds,
)
from sidelined.models import Article

TEXT = "Arsenal winger Bukayo Saka will miss the next three weeks with a hamstring injury."


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    """The knowledge base, with the stages' lazy indexes built, so only the stall counts against the budget."""
    knowledge = load_kb()
    pipeline.extract_article(Article(id="warm-up", text=TEXT), knowledge, date(2025, 1, 1))
    return knowledge


@pytest.fixture
def stalling_linker(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The entity stage of articles whose text says 'stall' spins for 3 s unless it is interrupted."""
    real_link = pipeline.link

    def link(article: Article, kb: KnowledgeBase) -> object:
        if "stall" in article.text:
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                pass
        return real_link(article, kb)

    monkeypatch.setattr(pipeline, "link", link)
    monkeypatch.setenv(BUDGET_ENV, "0.5")
    yield


def test_a_stalling_stage_is_interrupted_on_the_main_thread(kb: KnowledgeBase, stalling_linker: None) -> None:
    started = time.monotonic()
    with pytest.raises(ExtractionTooSlow) as raised:
        pipeline.extract_article(Article(id="slow", origin="slow.txt", text="stall " + TEXT), kb, date(2025, 1, 1))
    assert time.monotonic() - started < 2.5
    assert str(raised.value) == "slow.txt: extraction took longer than the 0.5s budget per article"
    assert raised.value.kind == "too-slow"


def test_a_batch_goes_on_after_an_article_overruns(kb: KnowledgeBase, stalling_linker: None) -> None:
    items = [Article(id="a", text="stall " + TEXT), Article(id="b", text=TEXT)]
    results = list(pipeline.extract_stream(items, kb, date(2025, 1, 1)))
    assert isinstance(results[0], ExtractionTooSlow)
    assert not isinstance(results[1], InputError) and results[1].injuries


def test_off_the_main_thread_an_overrun_is_refused_when_it_returns() -> None:
    outcome: list[BaseException | None] = []

    def work() -> None:
        try:
            with extraction_budget("t", 0.1):
                time.sleep(0.3)
            outcome.append(None)
        except ExtractionTooSlow as error:
            outcome.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert isinstance(outcome[0], ExtractionTooSlow)


def test_a_quick_body_leaves_no_timer_behind() -> None:
    with extraction_budget("quick", 5):
        pass
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_an_outer_timer_keeps_running() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, _frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 50)
        with extraction_budget("inner", 5):
            pass
        remaining, _interval = signal.getitimer(signal.ITIMER_REAL)
        assert 40 < remaining <= 50
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


@pytest.mark.parametrize(("raw", "expected"), [
    ("3", 3.0), ("0.25", 0.25), ("0", DEFAULT_EXTRACTION_SECONDS), ("-1", DEFAULT_EXTRACTION_SECONDS),
    ("soon", DEFAULT_EXTRACTION_SECONDS),
])
def test_budget_from_the_environment(monkeypatch: pytest.MonkeyPatch, raw: str, expected: float) -> None:
    monkeypatch.setenv(BUDGET_ENV, raw)
    assert extraction_seconds() == expected


def test_the_api_refuses_an_article_that_overruns(tmp_path: Path, kb: KnowledgeBase, stalling_linker: None) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'limits.db'}")) as client:
        slow = client.post("/api/articles", json={"text": "stall " + TEXT, "published": "2025-01-01"})
        assert slow.status_code == 422
        assert "longer than the 0.5s budget" in slow.json()["detail"]
        assert client.get("/api/articles").json()["total"] == 0
        assert client.post("/api/articles", json={"text": TEXT, "published": "2025-01-01"}).status_code == 201


def test_request_bodies_and_article_texts_are_capped(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'limits.db'}")) as client:
        huge = client.post("/api/articles", content=b'{"text": "' + b"a" * MAX_BODY_BYTES + b'"}',
                           headers={"content-type": "application/json"})
        assert huge.status_code == 413
        assert huge.json()["detail"] == f"request body larger than {MAX_BODY_BYTES} bytes"
        long_text = client.post("/api/articles", json={"text": "word " * (MAX_ARTICLE_CHARS // 5 + 1)})
        assert long_text.status_code == 422


def test_a_file_over_the_size_limit_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(TEXT * 100)
    [error] = read_inputs([str(path)], max_bytes=1000)
    assert isinstance(error, TooLargeInput)
    assert str(error) == f"{path}: {len(TEXT) * 100:,} bytes, larger than the 1,000-byte limit"
