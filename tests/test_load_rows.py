"""Loading a backfill's Parquet output stores, column for column, the rows that one-by-one ingest stores.

The loader builds its rows from the Parquet JSON without pydantic models, so
every stored value (dates, evidence, scores, fees, knowledge-base ids, texts)
is compared here, not only keys: surrogate ids are replaced by what they
point at and ingest times are left out.
"""

from __future__ import annotations

import gc
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select, text

from pg_server import pg_url, postgres_server, store_url  # noqa: F401  (fixtures)
from sidelined.ingest import read_inputs
from sidelined.kb import load_kb
from sidelined.models import (
    Article,
    Evidence,
    ExpectedReturn,
    Extraction,
    InjuryReport,
    Match,
    Mention,
    Transfer,
)
from sidelined.pipeline import extract_article
from sidelined.scale.bench import run_load_benchmark
from sidelined.scale.load import load_backfill
from sidelined.scale.parquet import RECORDS_SCHEMA, Manifest, read_documents, record_row, records_path, write_table
from sidelined.store import Store, bulk, bulk_episodes
from sidelined.store.bulk import HashedDocument, as_document, bulk_ingest
from sidelined.store.schema import (
    ArticleRow,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
    TransferRow,
)
from test_scale_backfill import EXAMPLES, NoCopies
from test_scale_concurrency import generated_extractions

FACT_TABLES = {"injury": InjuryReportRow, "match": MatchRow, "transfer": TransferRow}


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def hand_made() -> list[Extraction]:
    """Values the generated and example articles do not all have: every optional field set, clashes, copies."""
    day = date(2025, 3, 1)
    evidence = [Evidence(field="player", start=0, end=5), Evidence(field="status", start=6, end=9)]
    rich = Extraction(
        article=Article(id="rich", text="Rich article: Pedri out.", title="Pedri out", url="https://x.test/r",
                        outlet="Marca", author="A. Writer", published=day, published_source="byline",
                        origin="feed.xml"),
        injuries=[
            InjuryReport(player="Pedri", player_id="kb-pedri", team="Barcelona", body_part="thigh", side="left",
                         diagnosis="strain", occurred_on=date(2025, 2, 27), status="out",
                         expected_return=ExpectedReturn(earliest=None, latest=date(2025, 3, 20)),
                         missed_fixtures=[date(2025, 3, 9), date(2025, 3, 2), date(2025, 3, 9)],
                         source="Hansi Flick", evidence=evidence),
            InjuryReport(player="Gavi", team="Barcelona", status="doubtful",
                         expected_return=ExpectedReturn(earliest=date(2025, 3, 5))),
        ],
        matches=[Match(date=date(2025, 2, 27), teams=("Barcelona", "Sevilla"), played=True,
                       score={"Barcelona": 2, "Sevilla": 1}, home="Barcelona", competition="La Liga",
                       evidence=evidence[:1]),
                 Match(date=date(2025, 3, 2), teams=("Girona", "Barcelona"), played=False)],
        transfers=[Transfer(player="Gavi", from_team="Barcelona", to_team="Chelsea", fee_eur=90_000_000,
                            status="agreed", source="Fabrizio", evidence=evidence[1:])],
        mentions=[Mention(start=0, end=4, text="Gavi", kind="player", entity_id="kb-gavi", name="Gavi"),
                  Mention(start=5, end=8, text="Barça", kind="club", entity_id="kb-fcb", name="Barcelona")],
    )
    clash = Extraction(article=Article(id="rich", text="Another text under the same id.", published=day),
                       injuries=[InjuryReport(player="Pedri", status="available")])
    copy = Extraction(article=Article(id="copy-of-rich", text="  RICH article:   Pedri out. ", published=day))
    return [rich, clash, copy]


def example_extractions() -> list[Extraction]:
    kb = load_kb()
    paths = sorted(EXAMPLES.rglob("*.txt"))
    return [extract_article(item, kb) for item in read_inputs([str(path) for path in paths])
            if isinstance(item, Article)]


def write_backfill_output(out: Path, extractions: list[Extraction], per_partition: int) -> None:
    """A backfill's output folder as `run_backfill` writes it, without a cluster."""
    manifest = Manifest(out)
    for start in range(0, len(extractions), per_partition):
        partition = f"part-{start:04d}"
        path = records_path(out, partition)
        write_table([record_row(x) for x in extractions[start:start + per_partition]], RECORDS_SCHEMA, path)
        manifest.record(partition, {"status": "done", "records": str(path.relative_to(out)), "articles": 0})


def stored_rows(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, ids replaced by what they stand for, ingest times left out."""
    with Store(url) as store, store.session() as session:
        entities = {row.id: (row.kind, row.name) for row in session.scalars(select(EntityRow))}
        fact_keys: dict[tuple[str, int], tuple[str, int]] = {}
        dumped: dict[str, list[tuple[Any, ...]]] = {}
        for kind, model in FACT_TABLES.items():
            table = _table(model)
            rows = session.execute(select(table).order_by(table.c.id)).all()
            dumped[kind] = sorted(_without_ids(row._asdict(), entities) for row in rows)
            fact_keys.update(_rank_within_article(kind, rows))
        dumped["articles"] = sorted(_without_ids(row._asdict(), entities)
                                    for row in session.execute(select(_table(ArticleRow))))
        dumped["entities"] = sorted((row.kind, row.name, row.kb_id) for row in session.scalars(select(EntityRow)))
        dumped["provenance"] = sorted(
            (row.fact_kind, fact_keys[(row.fact_kind, row.fact_id)], row.article_id, row.outlet, row.source)
            for row in session.scalars(select(ProvenanceRow)))
        dumped["episodes"] = _episodes(session, entities, fact_keys)
    return dumped


def _rank_within_article(kind: str, rows: list[Any]) -> dict[tuple[str, int], tuple[str, int]]:
    seen: dict[str, int] = {}
    ranks = {}
    for row in rows:  # ordered by id: the order the article listed its facts in
        ranks[(kind, row.id)] = (row.article_id, seen.get(row.article_id, 0))
        seen[row.article_id] = seen.get(row.article_id, 0) + 1
    return ranks


def _without_ids(values: dict[str, Any], entities: dict[int, tuple[str, str]]) -> tuple[Any, ...]:
    values.pop("id", None)
    values.pop("ingested_at", None)
    for column in ("player_id", "team_id"):
        if column in values:
            values[column] = entities.get(values[column])
    return tuple(sorted((name, repr(value)) for name, value in values.items()))


def _episodes(session: Any, entities: dict[int, tuple[str, str]],
              fact_keys: dict[tuple[str, int], tuple[str, int]]) -> list[tuple[Any, ...]]:
    members: dict[int, list[tuple[str, int]]] = {}
    for link in session.scalars(select(EpisodeReportRow)):
        members.setdefault(link.episode_id, []).append(fact_keys[("injury", link.report_id)])
    return sorted(_without_ids(row._asdict(), entities) + (tuple(sorted(members.get(row.id, []))),)
                  for row in session.execute(select(_table(EpisodeRow))))


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return [*hand_made(), *example_extractions(), *generated_extractions(25)]


def test_load_stores_every_column_as_one_by_one_ingest(
    tmp_path: Path, store_url: str, extractions: list[Extraction], monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    monkeypatch.setattr(bulk_episodes, "RELINK_CHUNK", 2)  # several chunks: PostgreSQL rebuilds them side by side
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=4)
    reference = f"sqlite:///{tmp_path / 'one-by-one.db'}"
    with Store(reference, near_duplicates=NoCopies()) as store:
        for extraction in extractions:
            store.ingest(extraction)
    expected = stored_rows(reference)
    assert all(expected[table] for table in ("articles", "injury", "match", "transfer", "episodes"))

    loaded = load_backfill(out, store_url, batch=6)
    assert (loaded.added, loaded.duplicates) == (len(extractions) - 1, 1)  # the copy of "rich" is an exact one
    assert stored_rows(store_url) == expected

    again = load_backfill(out, store_url, batch=10)
    assert (again.added, again.duplicates) == (0, len(extractions))
    assert stored_rows(store_url) == expected


def test_documents_read_back_are_the_extractions_json_form(tmp_path: Path, extractions: list[Extraction]) -> None:
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=len(extractions))
    [path] = Manifest(out).done_records()
    read = [document for batch in read_documents(path, batch_rows=7) for document in batch]
    assert read == [as_document(extraction) for extraction in extractions]


def test_scratch_tables_are_emptied_by_each_commit_on_postgresql(pg_url: str) -> None:  # noqa: F811
    """Not by a DELETE before the next batch: a never-vacuumed temporary table would grow by every batch."""
    extractions = generated_extractions(40)
    with Store(pg_url) as store:
        sizes: list[Any] = []
        for start in range(0, 40, 10):
            bulk_ingest(store, extractions[start:start + 10])
            with store.sessions() as session:  # the same pooled connection: its temporary tables
                sizes.append(session.execute(text(
                    "SELECT count(*), sum(pg_relation_size(oid)) FROM pg_class "
                    "WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r'")).one())
        assert sizes[0][0] >= 3 and {size for _, size in sizes} == {0}


def test_a_load_run_again_after_an_interruption_rebuilds_the_episodes_it_missed(
    tmp_path: Path, store_url: str, extractions: list[Extraction]  # noqa: F811
) -> None:
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=5)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    load_backfill(out, reference)
    with Store(store_url) as store:  # stopped after its first batch, before any episode was built
        bulk_ingest(store, extractions[:10])
    assert load_backfill(out, store_url).duplicates == 10
    assert stored_rows(store_url) == stored_rows(reference)


def test_two_loaders_at_once_store_what_one_stores(
    tmp_path: Path, pg_url: str, extractions: list[Extraction]  # noqa: F811
) -> None:
    """Each loader stores two batches at a time too, so four transactions race on articles, entities and episodes."""
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=3)
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    load_backfill(out, reference)
    with ThreadPoolExecutor(max_workers=2) as loaders:
        runs = list(loaders.map(lambda batch: load_backfill(out, pg_url, batch=batch), [4, 5]))
    assert sum(run.added for run in runs) == len(extractions) - 1
    assert stored_rows(pg_url) == stored_rows(reference)


def test_a_batch_aborted_by_a_deadlock_is_stored_on_the_next_attempt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[int] = []
    store_once = bulk._ingest_once

    def deadlocked_first(store: Store, documents: list[HashedDocument]) -> bulk.BulkResult:
        attempts.append(len(documents))
        if len(attempts) == 1:
            raise Deadlock("deadlock detected")
        return store_once(store, documents)

    monkeypatch.setattr(bulk, "_ingest_once", deadlocked_first)
    with Store(f"sqlite:///{tmp_path / 'store.db'}") as store:
        result = bulk.bulk_ingest(store, generated_extractions(3))
    assert attempts == [3, 3] and result.added == 3


class Deadlock(Exception):
    sqlstate = "40P01"


def test_garbage_collection_is_paused_while_loading_and_restored_after(
    tmp_path: Path, extractions: list[Extraction]
) -> None:
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=10)
    during: list[bool] = []
    load_backfill(out, f"sqlite:///{tmp_path / 'store.db'}", batch=10, on_batch=lambda _: during.append(gc.isenabled()))
    assert during and not any(during) and gc.isenabled()
    gc.disable()
    try:
        load_backfill(out, f"sqlite:///{tmp_path / 'again.db'}")
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_a_second_backfill_loaded_into_a_filled_store_rebuilds_the_episodes_it_touches(
    tmp_path: Path, store_url: str, extractions: list[Extraction]  # noqa: F811
) -> None:
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    write_backfill_output(tmp_path / "all", extractions, per_partition=10)
    load_backfill(tmp_path / "all", reference)
    half = len(extractions) // 2
    write_backfill_output(tmp_path / "first", extractions[:half], per_partition=10)
    write_backfill_output(tmp_path / "second", extractions[half:], per_partition=10)
    load_backfill(tmp_path / "first", store_url)
    second = load_backfill(tmp_path / "second", store_url)
    assert second.players_relinked and second.added == len(extractions) - half  # the exact copy is in the first
    assert stored_rows(store_url) == stored_rows(reference)


def test_the_load_only_benchmark_times_every_run_into_a_fresh_store(
    tmp_path: Path, extractions: list[Extraction]
) -> None:
    out = tmp_path / "out"
    write_backfill_output(out, extractions, per_partition=10)
    figures = run_load_benchmark(out, postgres=False, repeat=2)
    assert figures.load_rates["SQLite"] > 0 and "PostgreSQL" not in figures.load_rates
    [note] = [note for note in figures.notes if note.startswith("SQLite load")]
    assert "median of 2" in note
    assert "load into SQLite" in figures.report()
