"""Backfills on Dask: partitions of the inputs extracted on workers, written as Parquet with a manifest.

Without a scheduler address a local cluster of worker processes (one per core
unless told) is started and stopped; with one, the same tasks run on that
cluster.  Finished partitions (in the manifest, records file on disk) are
skipped on a re-run.  A partition whose worker dies is rescheduled by Dask and,
if Dask gives up on it, submitted again up to `max_attempts` times; a
partition that still fails is marked failed in the manifest and the run goes on.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future, KilledWorker, LocalCluster, as_completed
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from sidelined.scale.parquet import Manifest
from sidelined.scale.partitions import DEFAULT_PARTITION_SIZE, Partition, plan_partitions
from sidelined.scale.worker import KnowledgeBasePlugin, extract_partition, peak_memory_mb

PartitionTask = Callable[[Partition, str], dict[str, Any]]
DEFAULT_ATTEMPTS = 3


@dataclass
class BackfillSummary:
    partitions: int = 0
    skipped: int = 0
    done: int = 0
    failed: int = 0
    articles: int = 0
    errors: int = 0
    workers: int = 0
    seconds: float = 0.0  # from the first task submitted to the last result, workers already started
    cpu_seconds: float = 0.0  # the workers' CPU time on the partitions done
    worker_peak_memory_mb: dict[str, float] = field(default_factory=dict)

    @property
    def articles_per_second(self) -> float:
        return (self.articles + self.errors) / self.seconds if self.seconds else 0.0

    @property
    def articles_per_cpu_second(self) -> float:
        """Throughput per worker CPU second: what each worker would do with a core of its own."""
        return (self.articles + self.errors) / self.cpu_seconds if self.cpu_seconds else 0.0


@contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the given cluster, or of a local cluster of single-threaded worker processes."""
    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    count = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=count, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        yield client


def run_backfill(
    inputs: Sequence[str],
    out: Path,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    task: PartitionTask = extract_partition,
    max_attempts: int = DEFAULT_ATTEMPTS,
    console: Console | None = None,
) -> BackfillSummary:
    """Extract every input into `out`; the counts of what was done, skipped and failed."""
    out.mkdir(parents=True, exist_ok=True)
    manifest = Manifest(out)
    partitions = plan_partitions(inputs, partition_size)
    todo = [partition for partition in partitions if not manifest.is_done(partition.id)]
    summary = BackfillSummary(partitions=len(partitions), skipped=len(partitions) - len(todo))
    if not todo:
        return summary
    with dask_client(scheduler, workers) as client:
        client.register_plugin(KnowledgeBasePlugin())
        summary.workers = len(client.scheduler_info()["workers"])
        started = time.perf_counter()
        with _progress(console, todo) as advance:
            _run_partitions(client, todo, out, task, max_attempts, manifest, summary, advance)
        summary.seconds = time.perf_counter() - started
        summary.worker_peak_memory_mb = client.run(peak_memory_mb)
    return summary


def _run_partitions(
    client: Client,
    todo: list[Partition],
    out: Path,
    task: PartitionTask,
    max_attempts: int,
    manifest: Manifest,
    summary: BackfillSummary,
    advance: Callable[[int], None],
) -> None:
    by_key: dict[str, tuple[Partition, int]] = {}

    def submit(partition: Partition, attempt: int) -> Future:
        future = client.submit(task, partition, str(out), key=f"{partition.id}-attempt-{attempt}", pure=False)
        by_key[str(future.key)] = (partition, attempt)
        return future

    running = as_completed([submit(partition, 1) for partition in todo])
    for future in running:
        partition, attempt = by_key.pop(str(future.key))
        try:
            entry = future.result()
        except KilledWorker:
            if attempt < max_attempts:
                running.add(submit(partition, attempt + 1))
                continue
            entry = _failure(partition, f"its workers died {attempt} times")
        except Exception as error:  # a task's own failure must not stop the other partitions
            entry = _failure(partition, f"{type(error).__name__}: {error}")
        entry["sources"] = partition.describe()
        entry["attempts"] = attempt
        manifest.record(partition.id, entry)
        _count(summary, entry)
        advance(int(entry.get("articles", 0)) + int(entry.get("failed", 0)))


def _failure(partition: Partition, reason: str) -> dict[str, Any]:
    return {"status": "failed", "reason": reason, "records": None, "articles": 0, "failed": 0}


def _count(summary: BackfillSummary, entry: dict[str, Any]) -> None:
    if entry["status"] == "done":
        summary.done += 1
        summary.articles += int(entry["articles"])
        summary.errors += int(entry["failed"])
        summary.cpu_seconds += float(entry.get("cpu_seconds", 0.0))
    else:
        summary.failed += 1


@contextmanager
def _progress(console: Console | None, todo: list[Partition]) -> Iterator[Callable[[int], None]]:
    """A Rich display of partitions and articles done; yields the function that advances it."""
    columns = (TextColumn("{task.description:>10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    shown = console if console is not None else Console(stderr=True)
    with Progress(*columns, console=shown, disable=not shown.is_terminal) as progress:
        partitions = progress.add_task("partitions", total=len(todo))
        articles = progress.add_task("articles", total=sum(p.expected_articles for p in todo))

        def advance(done_articles: int) -> None:
            progress.advance(partitions)
            progress.advance(articles, done_articles)

        yield advance
