"""Loading a backfill's Parquet output into a store: batched upserts, then episodes.

Loading is idempotent: an article already stored (same content) is skipped
with its facts, so a load interrupted half-way is finished by running it again
(which also rebuilds the episodes the interrupted load did not get to).
"""

from __future__ import annotations

import gc
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sidelined.errors import MalformedInput
from sidelined.scale.parquet import Manifest, read_documents
from sidelined.store import Store
from sidelined.store.bulk import BulkResult, HashedDocument, bulk_ingest_documents
from sidelined.store.bulk_episodes import relink, unlinked_players

DEFAULT_BATCH = 4_000  # fewer, larger transactions: each batch stages its distinct players and teams once
LOAD_CONNECTIONS = 2  # batches stored at once on PostgreSQL
COLLECT_EVERY = 20  # batches


@dataclass
class LoadSummary:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    players_relinked: int = 0
    seconds: float = 0.0
    relink_seconds: float = 0.0  # wall clock of the episode rebuild at the end, part of `seconds`
    cpu_seconds: float = 0.0  # of this process only, not the database server's
    unreadable: list[MalformedInput] = field(default_factory=list)  # records files skipped, with the reason

    @property
    def records_per_second(self) -> float:
        return (self.added + self.duplicates) / self.seconds if self.seconds else 0.0

    @property
    def records_per_cpu_second(self) -> float:
        return (self.added + self.duplicates) / self.cpu_seconds if self.cpu_seconds else 0.0


def load_backfill(
    out: Path, url: str | None, *, batch: int = DEFAULT_BATCH, on_batch: Callable[[int], None] | None = None
) -> LoadSummary:
    """Store every finished partition of the backfill in `out`; episodes are rebuilt once at the end."""
    manifest = Manifest(out)
    if not manifest.path.exists():
        raise FileNotFoundError(f"{manifest.path} not found: is {out} the --out folder of a backfill?")
    summary = LoadSummary()
    started, cpu_started = time.perf_counter(), time.process_time()
    files = sorted(manifest.done_records())
    summary.files = len(files)
    with Store(url) as store, _collector_paused():
        players = _store_batches(store, _batches(files, batch, summary.unreadable), summary, on_batch)
        if summary.duplicates:  # perhaps a re-run: an interrupted load may have left players unlinked
            players |= unlinked_players(store)
        relink_started = time.perf_counter()
        relink(store, players)
        summary.relink_seconds = time.perf_counter() - relink_started
    summary.players_relinked = len(players)
    summary.seconds = time.perf_counter() - started
    summary.cpu_seconds = time.process_time() - cpu_started
    return summary


def _store_batches(
    store: Store, batches: Iterator[list[HashedDocument]], summary: LoadSummary,
    on_batch: Callable[[int], None] | None
) -> set[int]:
    """Store every batch, counting into `summary`; the players whose episodes need rebuilding."""
    players: set[int] = set()
    writers = LOAD_CONNECTIONS if store.engine.dialect.name == "postgresql" else 1
    for done, (size, result) in enumerate(_ingest(store, _read_ahead(batches), writers), 1):
        summary.added += result.added
        summary.duplicates += result.duplicates
        players |= result.players
        if on_batch is not None:
            on_batch(size)
        if done % COLLECT_EVERY == 0:
            gc.collect()
    return players


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's automatic garbage collection off while loading (a full collection every COLLECT_EVERY batches).

    The documents in flight are hundreds of thousands of dicts and lists, all
    freed by reference counting, yet the collector walked them over and over:
    a quarter to a third of the loader's CPU time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _ingest(
    store: Store, batches: Iterator[list[HashedDocument]], writers: int
) -> Iterator[tuple[int, BulkResult]]:
    """Each batch's size and result, in order, with up to `writers` batches stored at once on their own connections.

    Two at once let the server store one batch while this process prepares
    the rows of the other.  SQLite takes one writer at a time: one there.
    """
    with ThreadPoolExecutor(max_workers=writers) as pool:
        in_flight: deque[tuple[int, Future[BulkResult]]] = deque()
        for documents in batches:
            if len(in_flight) >= writers:
                size, result = in_flight.popleft()
                yield size, result.result()
            in_flight.append((len(documents), pool.submit(bulk_ingest_documents, store, documents)))
        while in_flight:
            size, result = in_flight.popleft()
            yield size, result.result()


def _read_ahead(batches: Iterator[list[HashedDocument]]) -> Iterator[list[HashedDocument]]:
    """The batches, the next one parsed in a thread while the database works on the current one."""
    with ThreadPoolExecutor(max_workers=1) as reader:
        pending = reader.submit(next, batches, None)
        while (current := pending.result()) is not None:
            pending = reader.submit(next, batches, None)
            yield current


def _batches(files: list[Path], size: int, unreadable: list[MalformedInput]) -> Iterator[list[HashedDocument]]:
    """The extractions of all files in batches of `size`, small partitions pooled into one transaction.

    A file that cannot be read is added to `unreadable`; what it yielded before is kept,
    since every article is stored whole with its facts.
    """
    pending: list[HashedDocument] = []
    for path in files:
        try:
            for extractions in read_documents(path, batch_rows=size):
                pending.extend(extractions)
                while len(pending) >= size:
                    yield pending[:size]
                    pending = pending[size:]
        except MalformedInput as error:  # one bad partition file must not stop the load
            unreadable.append(error)
    if pending:
        yield pending
