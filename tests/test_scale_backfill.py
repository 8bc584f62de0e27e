"""Backfill on a local Dask cluster: partitions, Parquet output, manifest, re-runs, dead workers, loading."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from distributed import LocalCluster

from pg_server import pg_url, postgres_server, store_url  # noqa: F401  (fixtures)
from scale_faults import always_raise, die_once_per_partition
from sidelined.ingest import read_inputs
from sidelined.kb import load_kb
from sidelined.models import Article, Extraction
from sidelined.pipeline import extract_stream
from sidelined.record import to_record
from sidelined.scale.backfill import run_backfill
from sidelined.scale.load import load_backfill
from sidelined.scale.parquet import Manifest, read_errors, read_extractions
from sidelined.scale.partitions import plan_partitions, read_partition
from sidelined.store import Store
from test_scale_concurrency import fingerprint

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "sidelined" / "examples"


def write_shard(folder: Path, count: int, bad_lines: tuple[int, ...] = ()) -> Path:
    """A JSON Lines shard of `count` articles built from the example articles' text; some lines broken."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.rglob("*.txt"))]
    lines = []
    for number in range(1, count + 1):
        if number in bad_lines:
            lines.append('{"text": "cut off')
            continue
        body = texts[number % len(texts)].split("\n", 1)[1]
        lines.append(json.dumps({"text": f"Update {number}. {body}", "published": "2025-01-0" + str(1 + number % 9),
                                 "outlet": "Wire"}))
    shard = folder / "shard.jsonl"
    shard.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return shard


@pytest.mark.parametrize("size", [1, 3, 4, 50])
def test_shard_partitions_read_the_same_articles_as_the_whole_shard(tmp_path: Path, size: int) -> None:
    shard = write_shard(tmp_path, 10, bad_lines=(4,))
    partitions = plan_partitions([str(shard)], size)
    assert len(partitions) == -(-10 // size)
    assert len({p.id for p in partitions}) == len(partitions)

    def described(item: Article | Exception) -> tuple[str, str]:
        return (item.id, item.text) if isinstance(item, Article) else ("error", str(item))

    pieces = [described(item) for p in partitions for item in read_partition(p)]
    assert pieces == [described(item) for item in read_inputs([str(shard)])]
    assert plan_partitions([str(shard)], size) == partitions  # the same split on every run


def test_files_are_grouped_and_missing_inputs_still_get_a_partition(tmp_path: Path) -> None:
    partitions = plan_partitions([str(EXAMPLES), str(tmp_path / "absent.txt")], 4)
    files = sorted(EXAMPLES.rglob("*.txt"))
    assert [s.location for p in partitions for s in p.sources] == [*map(str, files), str(tmp_path / "absent.txt")]
    assert all(len(p.sources) <= 4 for p in partitions)


def single_process_records(inputs: list[str]) -> dict[tuple[str, str], dict[str, object]]:
    kb = load_kb()
    extracted = [x for x in extract_stream(read_inputs(inputs), kb) if isinstance(x, Extraction)]
    return {(x.article.id, x.article.content_hash): to_record(x) for x in extracted}


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as running:
        yield running


def test_backfill_on_two_local_workers_matches_one_process_and_reruns_skip(tmp_path: Path) -> None:
    shard = write_shard(tmp_path, 8, bad_lines=(5,))
    inputs = [str(EXAMPLES), str(shard)]
    out = tmp_path / "out"
    summary = run_backfill(inputs, out, workers=2, partition_size=5)
    assert summary.workers == 2 and summary.failed == 0 and summary.done == summary.partitions >= 4

    expected = single_process_records(inputs)
    stored = {}
    for path in sorted((out / "records").glob("*.parquet")):
        for row in pq.read_table(path, columns=["article_id", "content_hash", "record"]).to_pylist():
            stored[(row["article_id"], row["content_hash"])] = json.loads(row["record"])
    assert stored == expected
    assert summary.articles == len(expected) == 7 + len(list(EXAMPLES.rglob("*.txt")))

    errors = read_errors(out)
    assert [(e["where"], e["kind"]) for e in errors] == [(f"{shard}:5", "malformed")]
    assert "JSON" in errors[0]["reason"]
    assert set(summary.worker_peak_memory_mb) and all(mb > 50 for mb in summary.worker_peak_memory_mb.values())

    written = {path: path.stat().st_mtime_ns for path in (out / "records").glob("*.parquet")}
    again = run_backfill(inputs, out, workers=2, partition_size=5)
    assert (again.skipped, again.done) == (summary.partitions, 0)
    assert {path: path.stat().st_mtime_ns for path in (out / "records").glob("*.parquet")} == written


def test_a_partition_whose_worker_died_is_retried(tmp_path: Path, cluster: LocalCluster) -> None:
    shard = write_shard(tmp_path, 6)
    out = tmp_path / "out"
    summary = run_backfill([str(shard)], out, scheduler=cluster.scheduler_address, partition_size=3,
                           task=die_once_per_partition)
    assert (summary.done, summary.failed, summary.articles) == (2, 0, 6)
    manifest = Manifest(out)
    assert all(entry["status"] == "done" for entry in manifest.partitions.values())
    assert sum(len(batch) for path in manifest.done_records() for batch in read_extractions(path)) == 6


def test_a_failing_partition_is_marked_and_a_rerun_tries_it_again(tmp_path: Path, cluster: LocalCluster) -> None:
    shard = write_shard(tmp_path, 4)
    out = tmp_path / "out"
    failed = run_backfill([str(shard)], out, scheduler=cluster.scheduler_address, partition_size=2,
                          task=always_raise)
    assert (failed.done, failed.failed) == (0, 2)
    reasons = [entry["reason"] for entry in Manifest(out).partitions.values()]
    assert all("ValueError: cannot handle part-" in reason for reason in reasons)
    fixed = run_backfill([str(shard)], out, scheduler=cluster.scheduler_address, partition_size=2)
    assert (fixed.skipped, fixed.done, fixed.articles) == (0, 2, 4)


def test_load_stores_what_ingesting_one_by_one_stores(
    tmp_path: Path, cluster: LocalCluster, store_url: str  # noqa: F811
) -> None:
    shard = write_shard(tmp_path, 12, bad_lines=(2,))
    out = tmp_path / "out"
    run_backfill([str(EXAMPLES), str(shard)], out, scheduler=cluster.scheduler_address, partition_size=4)

    loaded = load_backfill(out, store_url, batch=5)
    extractions = [x for path in Manifest(out).done_records() for batch in read_extractions(path) for x in batch]
    assert loaded.added == len({x.article.content_hash for x in extractions}) and loaded.players_relinked > 0
    reference = f"sqlite:///{tmp_path / 'one-by-one.db'}"
    with Store(reference, near_duplicates=NoCopies()) as store:
        for extraction in extractions:
            store.ingest(extraction)
    expected = fingerprint(reference)
    assert expected["episodes"] and expected["reports"]
    assert fingerprint(store_url) == expected

    again = load_backfill(out, store_url)
    assert (again.added, again.duplicates) == (0, len(extractions))
    assert fingerprint(store_url) == expected


class NoCopies:
    """Bulk loading recognises exact copies only, so the one-by-one reference must not look for near ones."""

    def find(self, article_id: str, text: str) -> str | None:
        return None

    def add(self, article_id: str, text: str) -> None:
        return None


def test_backfill_and_load_commands(tmp_path: Path, cluster: LocalCluster) -> None:
    from typer.testing import CliRunner

    from sidelined.cli import app
    from sidelined.cli import scale as scale_cli

    if not any(command.name == "backfill" for command in app.registered_commands):
        scale_cli.register(app)
    shard = write_shard(tmp_path, 5, bad_lines=(3,))
    out = tmp_path / "out"
    runner = CliRunner()
    done = runner.invoke(app, ["backfill", str(shard), "--out", str(out), "--scheduler", cluster.scheduler_address,
                               "--partition-size", "2"])
    assert done.exit_code == 0, done.output
    assert "3 done" in done.output and "4 extracted, 1 in the errors table" in done.output
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    loaded = runner.invoke(app, ["load", str(out), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    assert "loaded 4 new article(s)" in loaded.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nothing"), "--db", db])
    assert missing.exit_code == 1 and "manifest.json not found" in missing.output
