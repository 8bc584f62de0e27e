"""The store and timeline on a real PostgreSQL server: nothing in them may be SQLite-only.

The server is started by the tests themselves (tests/pg_server.py).  Every
test of tests/test_store.py that works through its `store` fixture runs here
again with that fixture pointing at a fresh PostgreSQL database.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from pg_server import pg_url, postgres_server  # noqa: F401  (fixtures)
from sidelined.store import Store
from sidelined.store import writing as store_writing
from sidelined.store.schema import ArticleRow, Base, InjuryReportRow
from sidelined.timeline import availability, player_history
from test_store import (  # noqa: F401  (collected again, here on PostgreSQL)
    small_extraction,
    test_failure_mid_ingest_leaves_nothing_half_written,
    test_ingest_stores_article_facts_and_provenance,
    test_migrated_schema_matches_models,
    test_migrations_and_models_have_no_differences,
    test_migrations_create_every_table_and_reach_head,
    test_relink_all_rebuilds_the_same_episodes,
    test_same_article_twice_changes_nothing,
    test_same_id_different_text_gets_its_own_id,
    test_seed_gold_ingests_and_is_idempotent,
)
from test_store_gold import seed_extractions
from test_timeline_stories import mbappe_story, odegaard_story, pedri_story


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:  # noqa: F811  (the fixture imported above)
    with Store(pg_url) as opened:
        assert opened.engine.dialect.name == "postgresql"
        yield opened


def test_migrated_schema_matches_the_models_on_postgresql(pg_url: str) -> None:  # noqa: F811
    with Store(pg_url) as store, store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_stores_opened_at_once_on_a_fresh_postgresql_database_all_work(pg_url: str) -> None:  # noqa: F811
    with ThreadPoolExecutor(max_workers=4) as pool:
        stores = list(pool.map(lambda _: Store(pg_url), range(4)))
    try:
        assert stores[0].ingest(small_extraction()).status == "added"
        assert all(s.has_article(small_extraction().article.content_hash) for s in stores)
    finally:
        for opened in stores:
            opened.close()


def _count(store: Store, model: type) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_ingest_is_idempotent_and_atomic_on_postgresql(
    pg_url: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    with Store(pg_url) as store:
        extractions = seed_extractions()
        assert {store.ingest(x).status for x in extractions} == {"added"}
        assert {store.ingest(x).status for x in extractions} == {"duplicate"}
        articles, reports = _count(store, ArticleRow), _count(store, InjuryReportRow)

        def explode(*_args: object, **_kwargs: object) -> None:
            raise RuntimeError("forced failure")

        monkeypatch.setattr(store_writing, "_provenance", explode)
        with pytest.raises(RuntimeError):
            store.ingest(odegaard_story()[0])
        assert (_count(store, ArticleRow), _count(store, InjuryReportRow)) == (articles, reports)


def _picture(store: Store, player: str) -> list[object]:
    history = player_history(store, player, as_of=date(2026, 6, 1))
    episodes = [
        (
            e.injury,
            e.started_on,
            e.until,
            e.until_kind,
            e.days_out,
            e.status,
            e.games_missed,
            e.estimates,
            [(r.article_id, r.status, r.outlet, r.source, r.copies) for r in e.reports],
        )
        for e in history.episodes
    ]
    return [*episodes, history.current.status, history.current.reason]


def test_timeline_answers_match_sqlite(pg_url: str) -> None:  # noqa: F811
    stories = seed_extractions() + odegaard_story() + pedri_story() + mbappe_story()
    with Store(pg_url) as postgres, Store("sqlite://") as sqlite:
        for extraction in stories:
            assert postgres.ingest(extraction).status == sqlite.ingest(extraction).status
        for player in ("Jude Bellingham", "Martin Odegaard", "Pedri", "Kylian Mbappe"):
            assert _picture(postgres, player) == _picture(sqlite, player)
        assert availability(postgres, "Pedri", date(2026, 2, 6)).conflict
