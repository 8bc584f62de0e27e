"""Crash safety: `sidelined ingest` and `sidelined serve` killed with SIGKILL leave a whole, consistent store.

A batch is ingested once cleanly, in process, as the reference.  Then the
same batch is ingested in a subprocess that is SIGKILLed at random moments
(after a random number of new articles, plus a random delay).  After each
kill the SQLite store must pass `PRAGMA integrity_check`, every stored
article must carry exactly the facts the clean ingest stored for it, and the
stored episodes must be what the linker builds from the stored reports.  A
last uninterrupted run must complete the batch with no duplicates.  Set
SIDELINED_CRASH_SEED to replay a run.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from conftest import SHARED
from sidelined.api import create_app
from sidelined.cli.extract import ingest_into
from sidelined.store import Store
from sidelined.store.episodes import player_report_facts
from sidelined.store.schema import EntityRow, EpisodeReportRow, EpisodeRow
from sidelined.timeline.linking import link_reports

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "src" / "sidelined" / "examples"
KILLS = 3
SEED = int(os.environ.get("SIDELINED_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))
Fingerprint = dict[str, Any]


def batch_folder(into: Path) -> Path:
    """The bundled examples, plus the dev corpora beside the repository when they are there."""
    folder = into / "batch"
    shutil.copytree(EXAMPLES, folder / "examples")
    for corpus in sorted((SHARED / "corpus").glob("dev-*")) if (SHARED / "corpus").exists() else []:
        (folder / corpus.name).mkdir()
        for article in sorted(corpus.glob("*.txt")):
            shutil.copy(article, folder / corpus.name / article.name)
    return folder


def article_count(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def facts_by_article(db: Path) -> dict[str, Fingerprint]:
    """Every stored article (by content hash) with its injuries, matches, transfers and provenance."""
    queries = {
        "injuries": "SELECT r.article_id, r.position, p.name, t.name, r.status, r.body_part, r.side, r.diagnosis, "
                    "r.occurred_on, r.expected_earliest, r.expected_latest, r.missed_fixtures, r.source "
                    "FROM injury_reports r JOIN entities p ON p.id = r.player_id "
                    "LEFT JOIN entities t ON t.id = r.team_id",
        "matches": "SELECT article_id, date, team1, team2, played, score, home, competition FROM matches",
        "transfers": "SELECT x.article_id, p.name, x.from_team, x.to_team, x.fee_eur, x.status, x.source "
                     "FROM transfers x JOIN entities p ON p.id = x.player_id",
        "provenance": "SELECT article_id, fact_kind, outlet, source FROM provenance",
    }
    with sqlite3.connect(db) as connection:
        hashes = dict(connection.execute("SELECT id, content_hash FROM articles").fetchall())
        found: dict[str, Fingerprint] = {h: {kind: [] for kind in queries} for h in hashes.values()}
        for kind, query in queries.items():
            for article_id, *values in connection.execute(query).fetchall():
                found[hashes[article_id]][kind].append(tuple(values))
    for facts in found.values():
        for rows in facts.values():
            rows.sort(key=repr)
    return found


def episodes_by_player(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT p.name, e.started_on, e.ended_on, e.status, e.body_part, e.side, e.diagnosis, e.team, "
            "group_concat(a.content_hash || '#' || r.position) FROM episodes e "
            "JOIN entities p ON p.id = e.player_id JOIN episode_reports er ON er.episode_id = e.id "
            "JOIN injury_reports r ON r.id = er.report_id JOIN articles a ON a.id = r.article_id GROUP BY e.id"
        ).fetchall()
    found: dict[str, list[tuple[Any, ...]]] = {}
    for name, *fields, reports in rows:
        found.setdefault(name, []).append((*fields, tuple(sorted(reports.split(",")))))
    return {name: sorted(episodes, key=repr) for name, episodes in found.items()}


def assert_episodes_follow_reports(db: Path) -> None:
    """The stored episodes of every player are exactly what the linker makes of his stored reports."""
    with Store(f"sqlite:///{db}") as store, store.session() as session:
        for player_id in session.scalars(select(EntityRow.id).where(EntityRow.kind == "player")):
            stored = {
                (row.started_on, row.ended_on, row.status, frozenset(
                    session.scalars(select(EpisodeReportRow.report_id).where(EpisodeReportRow.episode_id == row.id))
                ))
                for row in session.scalars(select(EpisodeRow).where(EpisodeRow.player_id == player_id))
            }
            drafts = link_reports(player_report_facts(session, player_id))
            assert stored == {(d.started_on, d.ended_on, d.status, frozenset(d.report_ids)) for d in drafts}, player_id


def assert_consistent(db: Path, clean: dict[str, Fingerprint]) -> int:
    """The checks after a kill; returns how many articles the store holds."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    stored = facts_by_article(db)
    assert set(stored) <= set(clean), "an article the clean ingest did not store"
    for content_hash, facts in stored.items():
        assert facts == clean[content_hash], f"article {content_hash[:12]} is stored with other facts"
    assert_episodes_follow_reports(db)
    return len(stored)


def kill_while_growing(start: Callable[[], subprocess.Popen[bytes]], db: Path, rng: random.Random,
                       after_at_least: int, drive: Callable[[], None] | None = None) -> bool:
    """Start the process, SIGKILL it once the store grew by a random number of articles (and a random delay).

    Returns False when the process finished the work before it could be killed.
    """
    process = start()
    target = after_at_least + rng.randint(1, 4)
    deadline = time.monotonic() + 120
    try:
        while article_count(db) < target and process.poll() is None and time.monotonic() < deadline:
            if drive is not None:
                drive()
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.25))
        finished = process.poll() is not None
        process.send_signal(signal.SIGKILL)
        return not finished
    finally:
        process.kill()
        process.wait(timeout=30)


def sidelined(*args: str, **popen: Any) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "sidelined", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, **popen)


def test_ingest_killed_at_random_moments(tmp_path: Path) -> None:
    print(f"SIDELINED_CRASH_SEED={SEED}")
    rng = random.Random(SEED)
    folder = batch_folder(tmp_path)
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "crash.db"
    counts = ingest_into(f"sqlite:///{clean_db}", [str(folder)], None, 5_000_000, quiet=True)
    assert counts["failed"] == 0 and counts["added"] > 15
    clean = facts_by_article(clean_db)

    kills, stored = 0, 0
    for _ in range(KILLS):
        killed = kill_while_growing(lambda: sidelined("ingest", str(folder), "--db", f"sqlite:///{crash_db}"),
                                    crash_db, rng, after_at_least=stored)
        kills += killed
        stored = assert_consistent(crash_db, clean)
        print(f"ingest killed with {stored} of {len(clean)} articles stored")
    assert kills >= 1, "the batch always finished before a kill"

    rerun = subprocess.run([sys.executable, "-m", "sidelined", "ingest", str(folder), "--db", f"sqlite:///{crash_db}"],
                           capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert facts_by_article(crash_db) == clean
    assert episodes_by_player(crash_db) == episodes_by_player(clean_db)


@pytest.fixture
def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def article_texts(folder: Path) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.txt"))]


def wait_until_serving(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            if httpx.get(f"{base}/api/articles", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("sidelined serve did not start")


def post_all(base: str, texts: list[str]) -> list[int]:
    """POST every text in order until the server goes away; the status codes received."""
    statuses = []
    with httpx.Client(timeout=60) as client:
        for text in texts:
            try:
                statuses.append(client.post(f"{base}/api/articles", json={"text": text}).status_code)
            except httpx.HTTPError:
                break
    return statuses


def test_serve_killed_during_posts(tmp_path: Path, free_port: int) -> None:
    print(f"SIDELINED_CRASH_SEED={SEED}")
    rng = random.Random(SEED + 1)
    texts = article_texts(batch_folder(tmp_path))
    clean_db, crash_db = tmp_path / "clean.db", tmp_path / "served.db"
    with TestClient(create_app(f"sqlite:///{clean_db}")) as client:
        assert {client.post("/api/articles", json={"text": text}).status_code for text in texts} == {201}
    clean = facts_by_article(clean_db)
    base = f"http://127.0.0.1:{free_port}"
    environment = {**os.environ, "SIDELINED_RATE_LIMIT": "0"}

    def start() -> subprocess.Popen[bytes]:
        process = sidelined("serve", "--port", str(free_port), "--db", f"sqlite:///{crash_db}", env=environment)
        wait_until_serving(base, process)
        return process

    stored, kills = 0, 0
    for _ in range(2):
        poster = threading.Thread(target=post_all, args=(base, texts), daemon=True)

        def drive(poster: threading.Thread = poster) -> None:
            if not poster.is_alive():
                poster.start()

        kills += kill_while_growing(start, crash_db, rng, after_at_least=stored, drive=drive)
        poster.join(timeout=60)
        stored = assert_consistent(crash_db, clean)
        print(f"serve killed with {stored} of {len(clean)} articles stored")
    assert kills >= 1, "the posts always finished before a kill"

    process = start()
    try:
        assert set(post_all(base, texts)) == {201}
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=30)
    assert facts_by_article(crash_db) == clean
    assert episodes_by_player(crash_db) == episodes_by_player(clean_db)
