"""Concurrent writers: four ingest processes on overlapping batches end with the rows one process writes.

Runs on a real PostgreSQL server the tests start (tests/pg_server.py).  The
processes share players and teams, so they race on entities, reports and the
episodes rebuilt for each player.
"""

from __future__ import annotations

import multiprocessing
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from pg_server import pg_url, postgres_server  # noqa: F401  (fixtures)
from sidelined.models import Article, ExpectedReturn, Extraction, InjuryReport, Match
from sidelined.scale.pg_temp import fresh_database
from sidelined.store import Store
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
)
from test_timeline_stories import odegaard_story, pedri_story

PROCESSES = 4
PLAYERS = [("Bukayo Saka", "Arsenal"), ("Pedri", "Barcelona"), ("Rodri", "Manchester City"),
           ("Jude Bellingham", "Real Madrid"), ("Cole Palmer", "Chelsea")]
PARTS = ["hamstring", "knee", "ankle", "thigh"]


def _report(player: tuple[str, str], day: date, index: int) -> InjuryReport:
    back = day + timedelta(days=7 + index % 20)
    status = "available" if index % 7 == 6 else "out"
    return InjuryReport(player=player[0], team=player[1], body_part=PARTS[index % len(PARTS)], status=status,
                        expected_return=ExpectedReturn(earliest=back, latest=back) if status == "out" else None)


def generated_extractions(count: int) -> list[Extraction]:
    """Articles naming two or three shared players each, in varying order, over a few months."""
    rng = random.Random(7)
    start = date(2025, 9, 1)
    made = []
    for index in range(count):
        day = start + timedelta(days=index * 2)
        named = rng.sample(PLAYERS, k=2 + index % 2)
        article = Article(id=f"gen-{index}", text=f"Article {index}: " + ", ".join(p for p, _ in named) + ".",
                          published=day, outlet=rng.choice(["BBC", "Marca", "AS"]))
        match = Match(date=day - timedelta(days=1), teams=(named[0][1], named[1][1]), played=True)
        made.append(Extraction(article=article, injuries=[_report(p, day, index + i) for i, p in enumerate(named)],
                               matches=[match]))
    return made


def ingest_batch(url: str, batch: list[str]) -> list[str]:
    """One writer process: ingest the serialized extractions in order; the statuses it saw."""
    with Store(url) as store:
        return [store.ingest(Extraction.model_validate_json(item)).status for item in batch]


def fingerprint(url: str) -> dict[str, Any]:
    """Everything stored, without surrogate ids or ingest times."""
    player = aliased(EntityRow)
    with Store(url) as store, store.session() as session:
        reports = {row.id: (row.article_id, row.position) for row in session.scalars(select(InjuryReportRow))}
        members: dict[int, list[tuple[str, int]]] = {}
        for link in session.scalars(select(EpisodeReportRow)):
            members.setdefault(link.episode_id, []).append(reports[link.report_id])
        stored = session.execute(select(EpisodeRow, player.name).join(player, player.id == EpisodeRow.player_id))
        episodes = sorted(
            (name, str(e.body_part), str(e.started_on), str(e.ended_on), e.status, tuple(sorted(members.get(e.id, []))))
            for e, name in stored
        )
        return {
            "articles": sorted(map(tuple, session.execute(select(ArticleRow.id, ArticleRow.content_hash)))),
            "entities": sorted(map(tuple, session.execute(select(EntityRow.kind, EntityRow.name)))),
            "reports": sorted(
                (r.article_id, r.position, name, r.status, str(r.expected_latest))
                for r, name in session.execute(select(InjuryReportRow, player.name)
                                               .join(player, player.id == InjuryReportRow.player_id))
            ),
            "matches": sorted(map(tuple, session.execute(select(MatchRow.article_id, MatchRow.team1, MatchRow.team2)))),
            "provenance": sorted(map(tuple, session.execute(
                select(ProvenanceRow.fact_kind, ProvenanceRow.article_id, ProvenanceRow.outlet)))),
            "episodes": episodes,
        }


def overlapping_batches(items: list[str], writers: int) -> list[list[str]]:
    """Each writer gets about half the items, shuffled; together they cover all, most items twice."""
    size = len(items)
    batches = []
    for writer in range(writers):
        start = writer * size // writers
        chosen = [items[(start + offset) % size] for offset in range(size // 2 + size // writers)]
        random.Random(writer).shuffle(chosen)
        batches.append(chosen)
    return batches


def test_four_writers_on_overlapping_batches_write_what_one_would(
    postgres_server: str, pg_url: str  # noqa: F811
) -> None:
    extractions = generated_extractions(48) + odegaard_story() + pedri_story()
    items = [x.model_dump_json() for x in extractions]
    batches = overlapping_batches(items, PROCESSES)
    assert set().union(*batches) == set(items)

    Store(pg_url).close()  # the schema exists before the race, as with a deployed database
    with multiprocessing.get_context("spawn").Pool(PROCESSES) as pool:
        statuses = pool.starmap(ingest_batch, [(pg_url, batch) for batch in batches])
    seen = [status for batch in statuses for status in batch]
    assert seen.count("added") == len(items)
    assert seen.count("duplicate") == len(seen) - len(items)

    with fresh_database(postgres_server) as reference:
        ingest_batch(reference, items)
        expected = fingerprint(reference)
    got = fingerprint(pg_url)
    assert expected["episodes"], "the reference run built episodes"
    for table, rows in expected.items():
        assert got[table] == rows, table
