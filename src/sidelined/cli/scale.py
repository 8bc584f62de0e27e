"""CLI commands of the scale stage: backfill, load, watch and bench-scale."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

DbOpt = typer.Option(None, "--db", envvar="SIDELINED_DB", help="SQLAlchemy URL (default sqlite:///sidelined.db), "
                     "e.g. postgresql+psycopg://user:password@host:5432/sidelined.")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_interval(value: str) -> float:
    """Seconds in an interval such as 90, 30s, 10m, 2h or 1d."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not match:
        raise typer.BadParameter(f"{value!r} is not an interval such as 30s, 10m or 1h", param_hint="--every")
    return float(match.group(1)) * _UNITS[match.group(2) or "s"]


def backfill(
    inputs: list[str] = typer.Argument(..., help="Folders, JSON Lines shards, feed files or URLs."),
    out_dir: Path = typer.Option(..., "--out", help="Folder for the Parquet partitions and manifest."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler."),
    workers: int | None = typer.Option(None, "--workers", help="Local worker processes (default one per core)."),
    partition_size: int = typer.Option(500, "--partition-size", help="Articles (or files) per partition."),
) -> None:
    """Extract many articles on Dask workers into Parquet; a re-run skips finished partitions."""
    from sidelined.scale.backfill import run_backfill

    summary = run_backfill(inputs, out_dir, scheduler=scheduler, workers=workers, partition_size=partition_size,
                           console=err)
    err.print(f"partitions: {summary.done} done, {summary.skipped} already done, {summary.failed} failed; "
              f"articles: {summary.articles} extracted, {summary.errors} in the errors table"
              + (f"; {summary.articles_per_second:.1f} articles/s on {summary.workers} worker(s)"
                 if summary.seconds else ""))
    if summary.failed:
        err.print(f"[red]{summary.failed} partition(s) failed[/red]: see {out_dir / 'manifest.json'}; "
                  "run the same command again to retry them")
        raise typer.Exit(1)


def load(
    out_dir: Path = typer.Argument(..., help="The --out folder of a backfill."),
    db: str | None = DbOpt,
    batch: int | None = typer.Option(None, "--batch", min=1, help="Articles per transaction [default: 4000]."),
) -> None:
    """Load a backfill's Parquet output into the store (idempotent), then build episodes."""
    from sidelined.scale.load import DEFAULT_BATCH, load_backfill

    try:
        summary = load_backfill(out_dir, db, batch=batch or DEFAULT_BATCH)
    except FileNotFoundError as error:
        err.print(f"[red]error[/red]: {error}")
        raise typer.Exit(1) from None
    err.print(f"loaded {summary.added} new article(s), skipped {summary.duplicates} already stored, "
              f"rebuilt episodes of {summary.players_relinked} player(s) "
              f"({summary.records_per_second:,.0f} records/s)")
    for unreadable in summary.unreadable:
        err.print(f"[red]error[/red]: {escape(str(unreadable))}")
    if summary.unreadable:
        raise typer.Exit(1)


def watch(
    feeds: list[str] = typer.Argument(..., help="Feed URLs (or feed files) to poll."),
    db: str | None = DbOpt,
    every: str = typer.Option("10m", "--every", help="Poll interval, e.g. 30s, 10m, 1h."),
    notify: str | None = typer.Option(None, "--notify", help="Webhook URL to POST each change to as JSON."),
    host_delay: float = typer.Option(1.0, "--host-delay", help="Seconds between two requests to one host."),
    once: bool = typer.Option(False, "--once", help="Poll every feed once and stop."),
) -> None:
    """Poll feeds, store what is new, and print (and --notify) every timeline change it brings."""
    import httpx

    from sidelined.scale.polling import FeedPoller
    from sidelined.scale.watch import Watcher
    from sidelined.store import Store

    poller = FeedPoller(feeds, parse_interval(every), host_delay=host_delay)

    async def run(store: Store) -> None:
        async with httpx.AsyncClient() as client:
            await Watcher(store, poller, notify=notify, emit=out.print).run(client, once=once)

    with Store(db) as store:
        try:
            asyncio.run(run(store))
        except KeyboardInterrupt:
            err.print("stopped")


def bench_scale(
    articles: int = typer.Option(4000, "--articles", help="Size of the generated corpus."),
    extract_sample: int = typer.Option(400, "--extract-sample", help="Articles timed in one process."),
    workdir: Path | None = typer.Option(None, "--workdir", help="Keep the corpus and outputs here."),
    postgres: bool = typer.Option(True, "--postgres/--no-postgres", help="Also time loading into PostgreSQL."),
) -> None:
    """Scale benchmark: extract rate, backfill with 1 and 2 workers, load rates, peak memory."""
    from sidelined.scale.bench import run_scale_benchmark

    out.print(run_scale_benchmark(articles=articles, extract_sample=extract_sample, workdir=workdir,
                                  postgres=postgres).report())


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(backfill)
    app.command()(load)
    app.command()(watch)
    app.command("bench-scale")(bench_scale)
