"""Bulk ingest (the store's batch path for loads) names and skips articles as one-by-one ingest does."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from pg_server import pg_url, postgres_server, store_url  # noqa: F401  (fixtures)
from sidelined.store import Store
from sidelined.store.bulk import bulk_ingest
from sidelined.store.bulk_episodes import relink
from sidelined.store.schema import ArticleRow
from test_scale_concurrency import fingerprint, generated_extractions
from test_store import small_extraction


def stored_ids(store: Store) -> list[str]:
    with store.session() as session:
        return sorted(session.scalars(select(ArticleRow.id)))


def test_id_clashes_and_copies_in_a_batch_are_handled_as_ingest_does(
    store_url: str, tmp_path: Path  # noqa: F811
) -> None:
    first = small_extraction("Pedri limped off with a thigh problem.", "x")
    batch = [small_extraction("Pedri is back in training.", "x"),
             small_extraction("  PEDRI is back in   training. ", "y"),  # the same text again
             small_extraction("Pedri starts on Sunday.", "x"),
             first]
    with Store(f"sqlite:///{tmp_path / 'one.db'}") as reference, Store(store_url) as store:
        for extraction in [first, *batch]:
            reference.ingest(extraction)
        store.ingest(first)
        result = bulk_ingest(store, batch)
        assert (result.added, result.duplicates) == (2, 2)
        assert stored_ids(store) == stored_ids(reference)
        assert len(set(stored_ids(store))) == 3


def test_batches_and_relink_equal_one_by_one_ingest(store_url: str, tmp_path: Path) -> None:  # noqa: F811
    extractions = generated_extractions(30)
    reference = f"sqlite:///{tmp_path / 'one.db'}"
    with Store(reference) as store:
        for extraction in extractions:
            store.ingest(extraction)
    with Store(store_url) as store:
        players: set[int] = set()
        for start in range(0, len(extractions), 7):
            players |= bulk_ingest(store, extractions[start:start + 7]).players
        relink(store, players)
        assert bulk_ingest(store, extractions).added == 0
    assert fingerprint(store_url) == fingerprint(reference)


def test_an_article_whose_id_cannot_be_freed_is_skipped_and_the_rest_of_its_batch_stored(
    store_url: str  # noqa: F811
) -> None:
    """On PostgreSQL the straight COPY of new articles fails on the taken id, and the staged path takes over."""
    holder = small_extraction("Pedri limped off with a thigh problem.", "x")
    blocked = small_extraction("Pedri is back in training.", "x")
    squatter = small_extraction("Some other text entirely.", f"x-{blocked.article.content_hash[:10]}")
    batch = [small_extraction("Gavi starts on Sunday.", "y"), blocked, small_extraction("Araujo is fit.", "z")]
    with Store(store_url) as store:
        bulk_ingest(store, [holder, squatter])
        result = bulk_ingest(store, batch)
        assert (result.added, result.duplicates) == (2, 1)
        assert stored_ids(store) == sorted(["x", squatter.article.id, "y", "z"])
