"""The `Store`: opens a database, migrates it, and ingests extractions one transaction each."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from pydantic import BaseModel
from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from sidelined.models import Extraction
from sidelined.store import migrate, writing
from sidelined.store.episodes import relink_players
from sidelined.store.near_duplicates import NearDuplicateFinder, default_finder
from sidelined.store.schema import ArticleRow, EntityRow

DEFAULT_URL = "sqlite:///sidelined.db"
IngestStatus = Literal["added", "duplicate", "near-duplicate"]
_WRITE_ATTEMPTS = 5
_RETRYABLE_STATES = {"40P01", "40001"}  # PostgreSQL: deadlock detected, serialization failure


class IngestResult(BaseModel):
    article_id: str
    status: IngestStatus
    injuries: int = 0
    matches: int = 0
    transfers: int = 0
    near_duplicate_of: str | None = None
    credited: int = 0  # for a near-duplicate: facts of the original credited to this copy


def resolve_url(url: str | None) -> str:
    """The database URL: the one given, else $SIDELINED_DB, else sidelined.db in the working folder."""
    return url or os.environ.get("SIDELINED_DB") or DEFAULT_URL


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    """SQLite only: enforce foreign keys; write-ahead log so readers (the API) do not block ingest."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite") and (url in ("sqlite://", "sqlite:///:memory:") or "mode=memory" in url):
        engine = create_engine(url, poolclass=StaticPool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


class Store:
    """A sidelined database: articles, their facts, and the episodes built from them."""

    def __init__(self, url: str | None = None, near_duplicates: NearDuplicateFinder | None = None) -> None:
        self.url = resolve_url(url)
        self.engine = make_engine(self.url)
        migrate.upgrade(self.engine)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.near_duplicates = near_duplicates
        self._finder_loaded = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session for queries (the timeline uses this)."""
        with self.sessions() as session:
            yield session

    def has_article(self, content_hash: str) -> bool:
        with self.sessions() as session:
            found = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == content_hash))
            return found is not None

    def ingest(self, extraction: Extraction) -> IngestResult:
        """Store one article and its facts in one transaction, then relink the episodes of its players.

        A transaction PostgreSQL aborted to break a deadlock with another writer is run again.
        """
        for attempt in range(1, _WRITE_ATTEMPTS + 1):
            try:
                return self._ingest_once(extraction)
            except OperationalError as error:
                if attempt == _WRITE_ATTEMPTS or getattr(error.orig, "sqlstate", None) not in _RETRYABLE_STATES:
                    raise
        raise AssertionError("unreachable")

    def _ingest_once(self, extraction: Extraction) -> IngestResult:
        article = extraction.article
        self._load_finder()
        with self.sessions() as session, session.begin():
            article_id = writing.free_article_id(session, article)
            original = self._near_duplicate_of(article_id, article.text)
            if not writing.insert_article(session, article, article_id, original):
                existing = session.scalar(select(ArticleRow.id).where(ArticleRow.content_hash == article.content_hash))
                return IngestResult(article_id=existing or article_id, status="duplicate")
            if original is not None:
                return self._ingest_copy(session, extraction, article_id, original)
            injuries = writing.write_facts(session, extraction, article_id)
            relink_players(session, (row.player_id for row in injuries))
        if self.near_duplicates is not None:
            self.near_duplicates.add(article_id, article.text)
        return IngestResult(
            article_id=article_id,
            status="added",
            injuries=len(extraction.injuries),
            matches=len(extraction.matches),
            transfers=len(extraction.transfers),
        )

    def _ingest_copy(self, session: Session, extraction: Extraction, article_id: str, original: str) -> IngestResult:
        """A syndicated copy: credit the original's facts to it, and store only what the copy adds."""
        credited = writing.credit_copy(session, original, extraction.article, article_id)
        untold = writing.untold_injuries(session, extraction, original)
        rows = writing.write_facts(session, Extraction(article=extraction.article, injuries=untold), article_id)
        relink_players(session, (row.player_id for row in rows))
        return IngestResult(
            article_id=article_id,
            status="near-duplicate",
            near_duplicate_of=original,
            injuries=len(rows),
            credited=credited,
        )

    def relink_all(self) -> None:
        """Rebuild every player's stored episodes (after the linking rules change)."""
        with self.sessions() as session, session.begin():
            relink_players(session, session.scalars(select(EntityRow.id).where(EntityRow.kind == "player")))

    def _near_duplicate_of(self, article_id: str, text: str) -> str | None:
        if self.near_duplicates is None:
            return None
        return self.near_duplicates.find(article_id, text)

    def _load_finder(self) -> None:
        """Feed the finder the originals already stored, once, so copies of them are recognised."""
        if self._finder_loaded:
            return
        if self.near_duplicates is None:
            self.near_duplicates = default_finder()
        with self.sessions() as session:
            rows = session.execute(
                select(ArticleRow.id, ArticleRow.text).where(ArticleRow.near_duplicate_of.is_(None))
            ).all()
        for article_id, text in rows:
            self.near_duplicates.add(article_id, text)
        self._finder_loaded = True

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
