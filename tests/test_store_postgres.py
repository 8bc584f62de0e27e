"""The same store and timeline on PostgreSQL: nothing in them may be SQLite-only.

Runs when SIDELINED_TEST_POSTGRES names a server URL this test may create a
database on (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from sidelined.store import Store
from sidelined.store import writing as store_writing
from sidelined.store.schema import ArticleRow, Base, InjuryReportRow
from sidelined.timeline import availability, player_history
from test_store_gold import seed_extractions
from test_timeline_stories import all_stories, odegaard_story

SERVER = os.environ.get("SIDELINED_TEST_POSTGRES")
pytestmark = pytest.mark.skipif(SERVER is None, reason="set SIDELINED_TEST_POSTGRES to a PostgreSQL server URL")


@pytest.fixture
def pg_url() -> Iterator[str]:
    assert SERVER is not None
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    name = f"sidelined_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def test_migrated_schema_matches_the_models_on_postgresql(pg_url: str) -> None:
    with Store(pg_url) as store, store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def _count(store: Store, model: type) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_ingest_is_idempotent_and_atomic_on_postgresql(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
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


def test_timeline_answers_match_sqlite(pg_url: str) -> None:
    stories = seed_extractions() + all_stories()
    with Store(pg_url) as postgres, Store("sqlite://") as sqlite:
        for extraction in stories:
            assert postgres.ingest(extraction).status == sqlite.ingest(extraction).status
        for player in ("Jude Bellingham", "Martin Odegaard", "Pedri", "Kylian Mbappe", "Rodri"):
            assert _picture(postgres, player) == _picture(sqlite, player)
        assert availability(postgres, "Pedri", date(2026, 2, 6)).conflict
