"""Store: migrations, idempotent ingest, one transaction per article, provenance."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from sidelined.models import Article, ExpectedReturn, Extraction, InjuryReport, Match
from sidelined.store import Store, resolve_url
from sidelined.store import writing as store_writing
from sidelined.store.migrate import current_revision, head_revision
from sidelined.store.schema import (
    ArticleRow,
    Base,
    EntityRow,
    EpisodeReportRow,
    EpisodeRow,
    InjuryReportRow,
    MatchRow,
    ProvenanceRow,
    TransferRow,
)
from test_store_gold import seed_extractions

TABLES = (
    ArticleRow,
    EntityRow,
    InjuryReportRow,
    MatchRow,
    TransferRow,
    EpisodeRow,
    EpisodeReportRow,
    ProvenanceRow,
)


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {t.__tablename__: session.scalar(select(func.count()).select_from(t)) or 0 for t in TABLES}


def small_extraction(text: str = "Pedri limped off with a thigh problem.", article_id: str = "a1") -> Extraction:
    return Extraction(
        article=Article(id=article_id, text=text, published=date(2026, 1, 10), outlet="Marca"),
        injuries=[InjuryReport(player="Pedri", team="Barcelona", body_part="thigh", source="Barcelona")],
        matches=[Match(date=date(2026, 1, 9), teams=("Barcelona", "Sevilla"), played=True)],
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = Store(f"sqlite:///{tmp_path / 'test.db'}")
    yield opened  # type: ignore[misc]
    opened.close()


def test_migrations_create_every_table_and_reach_head(store: Store) -> None:
    names = set(inspect(store.engine).get_table_names())
    assert {t.__tablename__ for t in TABLES} <= names
    assert current_revision(store.engine) == head_revision() is not None


def test_migrated_schema_matches_models(store: Store) -> None:
    inspector = inspect(store.engine)
    for table in Base.metadata.sorted_tables:
        columns = {c["name"] for c in inspector.get_columns(table.name)}
        assert columns == set(table.columns.keys()), table.name


def test_migrations_and_models_have_no_differences(store: Store) -> None:
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_stores_opened_at_once_on_a_fresh_database_all_work(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'race.db'}"
    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(lambda _: Store(url), range(4)))
    try:
        assert stores[0].ingest(small_extraction()).status == "added"
        assert all(s.has_article(small_extraction().article.content_hash) for s in stores)
    finally:
        for opened in stores:
            opened.close()


def test_reopening_a_store_keeps_its_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'again.db'}"
    with Store(url) as first:
        first.ingest(small_extraction())
    with Store(url) as second:
        assert counts(second)["articles"] == 1


def test_url_defaults_to_env_then_working_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIDELINED_DB", raising=False)
    assert resolve_url(None) == "sqlite:///sidelined.db"
    monkeypatch.setenv("SIDELINED_DB", "sqlite:///elsewhere.db")
    assert resolve_url(None) == "sqlite:///elsewhere.db"
    assert resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_ingest_stores_article_facts_and_provenance(store: Store) -> None:
    result = store.ingest(small_extraction())
    assert (result.status, result.article_id, result.injuries, result.matches) == ("added", "a1", 1, 1)
    assert store.has_article(small_extraction().article.content_hash)
    seen = counts(store)
    assert seen["articles"] == 1 and seen["injury_reports"] == 1 and seen["matches"] == 1
    assert seen["provenance"] == 2
    assert seen["episodes"] == 1 and seen["episode_reports"] == 1
    with store.session() as session:
        outlets = set(session.scalars(select(ProvenanceRow.outlet)))
    assert outlets == {"Marca"}


def test_same_article_twice_changes_nothing(store: Store) -> None:
    store.ingest(small_extraction())
    before = counts(store)
    again = store.ingest(small_extraction(text="  Pedri limped off  with a THIGH problem. ", article_id="other"))
    assert again.status == "duplicate" and again.article_id == "a1"
    assert counts(store) == before


def test_same_id_different_text_gets_its_own_id(store: Store) -> None:
    store.ingest(small_extraction())
    second = store.ingest(small_extraction(text="Pedri is back in training.", article_id="a1"))
    assert second.status == "added" and second.article_id != "a1"
    assert counts(store)["articles"] == 2


def test_failure_mid_ingest_leaves_nothing_half_written(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    # Fails after the article, entities and injury rows were written, before provenance.
    monkeypatch.setattr(store_writing, "_provenance", explode)
    with pytest.raises(RuntimeError):
        store.ingest(small_extraction())
    assert all(n == 0 for n in counts(store).values())
    monkeypatch.undo()
    assert store.ingest(small_extraction()).status == "added"


def test_seed_gold_ingests_and_is_idempotent(store: Store) -> None:
    extractions = seed_extractions()
    results = [store.ingest(x) for x in extractions]
    assert [r.status for r in results] == ["added"] * len(extractions)
    before = counts(store)
    assert before["injury_reports"] == sum(len(x.injuries) for x in extractions)
    assert before["transfers"] == sum(len(x.transfers) for x in extractions)
    assert [store.ingest(x).status for x in extractions] == ["duplicate"] * len(extractions)
    assert counts(store) == before


class CopyFinder:
    """A stand-in near-duplicate finder: same first sentence means syndicated copy."""

    def __init__(self) -> None:
        self.seen: dict[str, str] = {}

    def find(self, article_id: str, text: str) -> str | None:
        lead = text.split(".")[0]
        return next((key for key, seen in self.seen.items() if seen == lead and key != article_id), None)

    def add(self, article_id: str, text: str) -> None:
        self.seen[article_id] = text.split(".")[0]


def test_near_duplicate_credits_the_original_facts(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'nd.db'}", near_duplicates=CopyFinder()) as store:
        store.ingest(small_extraction())
        copy = small_extraction(text="Pedri limped off with a thigh problem. Reporting by agency.", article_id="a2")
        copy.article.outlet = "AS"
        result = store.ingest(copy)
        assert result.status == "near-duplicate" and result.near_duplicate_of == "a1"
        seen = counts(store)
        assert seen["articles"] == 2 and seen["injury_reports"] == 1
        with store.session() as session:
            outlets = sorted(session.scalars(select(ProvenanceRow.outlet).where(ProvenanceRow.fact_kind == "injury")))
        assert outlets == ["AS", "Marca"]
        assert (result.injuries, result.credited) == (0, 2)


def test_relink_all_rebuilds_the_same_episodes(store: Store) -> None:
    for extraction in seed_extractions():
        store.ingest(extraction)
    before = counts(store)
    store.relink_all()
    assert counts(store) == before


def test_near_duplicate_keeps_what_the_copy_adds(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'update.db'}", near_duplicates=CopyFinder()) as store:
        store.ingest(small_extraction())
        update = small_extraction(text="Pedri limped off with a thigh problem. Update: out two weeks.", article_id="a2")
        update.injuries[0].expected_return = ExpectedReturn(earliest=date(2026, 1, 24), latest=date(2026, 1, 24))
        result = store.ingest(update)
        assert (result.status, result.injuries) == ("near-duplicate", 1)
        with store.session() as session:
            windows = sorted(session.scalars(select(InjuryReportRow.expected_latest)), key=str)
        assert windows == [date(2026, 1, 24), None]
