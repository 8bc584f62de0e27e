"""The scale benchmark: extract rate, Dask backfill with 1 and 2 workers, load rates, memory, and what 100M needs.

Everything runs on a generated corpus (`sidelined.scale.corpus`).  Backfill
rates are timed from the first partition submitted to the last result, with
the workers already started and their knowledge base loaded; load rates
include rebuilding the episodes.  PostgreSQL is a throwaway local server with
fsync on, started from the Debian binaries.
"""

from __future__ import annotations

import math
import os
import shutil
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from sidelined.kb import load_kb
from sidelined.models import Extraction
from sidelined.pipeline import extract_article
from sidelined.scale.backfill import run_backfill
from sidelined.scale.corpus import Answer, write_corpus
from sidelined.scale.load import LoadSummary, load_backfill
from sidelined.scale.parquet import Manifest
from sidelined.scale.partitions import plan_partitions, read_partition
from sidelined.scale.pg_temp import fresh_database, server_binaries, temporary_postgres
from sidelined.store import Store

TARGET_ARTICLES = 100_000_000
TARGET_HOURS = 24
_WARM_UP = 50


@dataclass
class ScaleFigures:
    articles: int = 0
    extract_rate: float = 0.0
    extract_recall: float = 0.0
    backfill_rates: dict[int, float] = field(default_factory=dict)  # workers -> articles/s
    backfill_cpu_rates: dict[int, float] = field(default_factory=dict)  # workers -> articles per worker CPU s
    peak_memory_mb: float = 0.0
    parquet_bytes_per_article: float = 0.0
    load_rates: dict[str, float] = field(default_factory=dict)  # engine -> records/s
    db_bytes_per_article: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def scaling(self) -> float:
        one, two = self.backfill_rates.get(1), self.backfill_rates.get(2)
        return two / one if one and two else 0.0

    @property
    def cpu_scaling(self) -> float:
        one, two = self.backfill_cpu_rates.get(1), self.backfill_cpu_rates.get(2)
        return 2 * two / one if one and two else 0.0

    def report(self) -> str:
        lines = [
            f"scale benchmark on {self.articles:,} generated articles ({os.cpu_count()} cores)",
            f"  single-process extract : {self.extract_rate:8.1f} articles/s "
            f"(known answers found: {self.extract_recall:.1%})",
        ]
        for workers, rate in sorted(self.backfill_rates.items()):
            lines.append(f"  backfill, {workers} worker(s)  : {rate:8.1f} articles/s")
        lines.append(f"  scaling 2 vs 1 worker  : {self.scaling:8.2f}x (wall clock, on whatever CPU was free)")
        lines.append(f"  CPU-bound scaling      : {self.cpu_scaling:8.2f}x (2 x per-CPU-second rate of 2 workers "
                     "/ that of 1: each worker with a core of its own)")
        lines.append(f"  peak memory per worker : {self.peak_memory_mb:8.0f} MB")
        lines.append(f"  Parquet output         : {self.parquet_bytes_per_article:8.0f} bytes/article")
        for engine, rate in self.load_rates.items():
            size = self.db_bytes_per_article.get(engine, 0.0)
            lines.append(f"  load into {engine:<12} : {rate:8.0f} records/s ({size:,.0f} bytes/article stored)")
        lines.extend(f"  note: {note}" for note in self.notes)
        lines.extend(self.estimate())
        return "\n".join(lines)

    def estimate(self) -> list[str]:
        """What a 100-million-article backfill needs, from the measured rates."""
        per_worker = self.backfill_rates.get(1, 0.0)  # one worker, the other core left to the rest
        if not per_worker:
            return []
        worker_hours = TARGET_ARTICLES / per_worker / 3600
        workers = math.ceil(worker_hours / TARGET_HOURS)
        lines = [
            f"100M articles: {worker_hours:,.0f} worker-hours of extraction -> {workers} single-core workers "
            f"for {TARGET_HOURS} h (RAM {workers * self.peak_memory_mb / 1024:,.0f} GB in all), "
            f"Parquet {TARGET_ARTICLES * self.parquet_bytes_per_article / 1e9:,.0f} GB"
        ]
        for engine, rate in self.load_rates.items():
            size = TARGET_ARTICLES * self.db_bytes_per_article.get(engine, 0.0) / 1e12
            lines.append(
                f"  load into {engine}: {TARGET_ARTICLES / rate / 3600:,.1f} h at the measured rate, "
                f"about {size:,.2f} TB of database"
            )
        return lines


def run_scale_benchmark(
    articles: int = 4000,
    extract_sample: int = 400,
    workdir: Path | None = None,
    postgres: bool = True,
    partition_size: int = 250,
    repeat: int = 2,
) -> ScaleFigures:
    """Run every measurement; backfills `repeat` times each, keeping the best (the machine may be shared)."""
    figures = ScaleFigures(articles=articles)
    with tempfile.TemporaryDirectory(prefix="sidelined-bench-") as scratch:
        root = workdir or Path(scratch)
        kb = load_kb()
        corpus = root / "corpus"
        shutil.rmtree(corpus, ignore_errors=True)
        answers = write_corpus(kb, corpus, articles)
        figures.extract_rate, figures.extract_recall = _extract_rate(corpus, answers, extract_sample)
        output = root / "backfill"
        for workers in (1, 2):
            for _ in range(max(1, repeat)):
                shutil.rmtree(output, ignore_errors=True)  # a finished backfill would be skipped, not timed
                summary = run_backfill([str(corpus)], output, workers=workers, partition_size=partition_size)
                rate = summary.articles_per_second
                figures.backfill_rates[workers] = max(figures.backfill_rates.get(workers, 0.0), rate)
                per_cpu = summary.articles_per_cpu_second
                figures.backfill_cpu_rates[workers] = max(figures.backfill_cpu_rates.get(workers, 0.0), per_cpu)
                figures.peak_memory_mb = max(figures.peak_memory_mb, *summary.worker_peak_memory_mb.values())
                figures.notes.append(
                    f"backfill, {workers} worker(s): {rate:.1f} articles/s; load average {os.getloadavg()[0]:.1f}"
                )
        figures.parquet_bytes_per_article = _folder_bytes(output / "records") / articles
        _time_loads(figures, output, root, postgres, repeat)
    return figures


def _extract_rate(corpus: Path, answers: list[Answer], sample: int) -> tuple[float, float]:
    kb = load_kb()
    partitions = plan_partitions([str(corpus)], sample)
    loaded = [item for item in read_partition(partitions[0]) if not isinstance(item, Exception)]
    expected = {answer.article_id: answer for answer in answers}
    for article in loaded[:_WARM_UP]:  # first calls fill the stages' caches; a worker pays that once too
        extract_article(article, kb)
    started = time.perf_counter()
    extractions: list[Extraction] = [extract_article(article, kb) for article in loaded]
    seconds = time.perf_counter() - started
    found = sum(_has_answer(x, expected[x.article.id]) for x in extractions)
    return len(extractions) / seconds, found / len(extractions)


def _has_answer(extraction: Extraction, answer: Answer) -> bool:
    return any(r.player == answer.player and r.body_part == answer.body_part for r in extraction.injuries)


def _folder_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run_load_benchmark(output: Path, postgres: bool = True, repeat: int = 3) -> ScaleFigures:
    """Time only the loads of an existing backfill output (`output`), each `repeat` times into a fresh store."""
    articles = sum(entry.get("articles", 0) for entry in Manifest(output).partitions.values())
    figures = ScaleFigures(articles=articles)
    with tempfile.TemporaryDirectory(prefix="sidelined-bench-") as scratch:
        _time_loads(figures, output, Path(scratch), postgres, repeat)
    return figures


def _time_loads(figures: ScaleFigures, output: Path, root: Path, postgres: bool, repeat: int = 1) -> None:
    database = root / "load.db"
    sqlite_runs = []
    for _ in range(max(1, repeat)):
        database.unlink(missing_ok=True)
        sqlite_runs.append(load_backfill(output, f"sqlite:///{database}"))
    _note_load_runs(figures, "SQLite", sqlite_runs)
    figures.db_bytes_per_article["SQLite"] = database.stat().st_size / max(1, figures.articles)
    if not postgres:
        return
    if server_binaries() is None:
        figures.notes.append("PostgreSQL load not timed: server binaries not found (apt-get install postgresql)")
        return
    postgres_runs = []
    with temporary_postgres(durable=True) as server:
        for _ in range(max(1, repeat)):
            with fresh_database(server) as url:
                postgres_runs.append(load_backfill(output, url))
                with Store(url) as store, store.engine.connect() as connection:
                    size = connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
    _note_load_runs(figures, "PostgreSQL", postgres_runs)
    figures.db_bytes_per_article["PostgreSQL"] = size / max(1, figures.articles)


def _note_load_runs(figures: ScaleFigures, engine: str, runs: list[LoadSummary]) -> None:
    """The best wall-clock rate as the figure; every run's rates, the median and the episode time as notes."""
    walls = [run.records_per_second for run in runs]
    figures.load_rates[engine] = max(walls)
    cpus = [run.records_per_cpu_second for run in runs]
    figures.notes.append(
        f"{engine} load: {max(walls):.0f} records/s wall best, {statistics.median(walls):.0f} median "
        f"of {len(runs)}; {max(cpus):.0f} best, {statistics.median(cpus):.0f} median records per loader CPU "
        f"second (server not counted); episodes took {min(run.relink_seconds for run in runs):.1f} s "
        f"of {min(run.seconds for run in runs):.1f} s"
    )
