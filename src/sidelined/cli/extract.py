"""CLI commands of the extraction path: extract, ingest, demo."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from sidelined.errors import InputError
from sidelined.models import Extraction

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

PathsArg = typer.Argument(..., help="Files, folders, feed/page URLs, or - for standard input.")
PublishedOpt = typer.Option(None, "--published", help="Publication day (YYYY-MM-DD) for every input.")
DbOpt = typer.Option(None, "--db", envvar="SIDELINED_DB", help="SQLAlchemy URL (default sqlite:///sidelined.db).")
MaxBytesOpt = typer.Option(5_000_000, "--max-bytes", help="Refuse inputs larger than this many bytes.")
TimeoutOpt = typer.Option(10.0, "--timeout", help="Seconds allowed for fetching one URL.")


def _parse_day(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a day in the form YYYY-MM-DD", param_hint="--published") \
            from None


def report_error(e: InputError) -> None:
    err.print(f"[red]error[/red]: {e}", soft_wrap=True)


def _summary(x: Extraction) -> None:
    a = x.article
    out.print(f"[bold]{a.id}[/bold]  published {a.published or '?'}"
              f" ({a.published_source or 'unknown'})" + (f"  {a.outlet}" if a.outlet else ""))
    for r in x.injuries:
        ret = ""
        if r.expected_return:
            ret = f", back {r.expected_return.earliest or '?'}..{r.expected_return.latest or '?'}"
        what = " ".join(v for v in (r.side, r.body_part, r.diagnosis) if v) or "unspecified"
        src = f" [dim](source: {r.source})[/dim]" if r.source else ""
        out.print(f"  injury  {r.player} ({r.team or '?'}): {what}, {r.status}{ret}{src}")
    for m in x.matches:
        home, away = m.teams if m.home != m.teams[1] else (m.teams[1], m.teams[0])
        middle = f"{m.score.get(home)}-{m.score.get(away)}" if m.score else "v"
        out.print(f"  match   {m.date} {home} {middle} {away}" + (f" ({m.competition})" if m.competition else ""))
    for t in x.transfers:
        out.print(f"  transfer {t.player}: {t.from_team or '?'} -> {t.to_team or '?'} ({t.status})")


def extract(
    paths: list[str] = PathsArg,
    as_json: bool = typer.Option(False, "--json", help="One v1 record per line (JSON Lines)."),
    published: str | None = PublishedOpt,
    evidence: bool = typer.Option(True, "--evidence/--no-evidence", help="Keep evidence spans in JSON."),
    max_bytes: int = MaxBytesOpt,
    timeout: float = TimeoutOpt,
) -> None:
    """Extract one v1 record per article and print it."""
    from sidelined.library import extract_files

    failed = 0
    records = extract_files(paths, published=_parse_day(published), errors="yield", max_bytes=max_bytes,
                            timeout=timeout)
    for item in records:
        if isinstance(item, InputError):
            report_error(item)
            failed += 1
        elif as_json:
            sys.stdout.write(item.to_json(with_evidence=evidence) + "\n")
        else:
            _summary(item.extraction)
    if failed:
        raise typer.Exit(1)


def ingest_into(db: str | None, paths: list[str], published: date | None, max_bytes: int,
                quiet: bool = False, timeout: float = 10.0) -> dict[str, int]:
    """Extract and store every input; returns counts by outcome."""
    from sidelined.library import extract_files
    from sidelined.store import Store

    counts = {"added": 0, "duplicate": 0, "near-duplicate": 0, "failed": 0}
    store = Store(db)
    columns = (TextColumn("[bold]ingesting"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[counts]}"))
    try:
        with Progress(*columns, console=err, disable=quiet or not err.is_terminal) as progress:
            task = progress.add_task("ingest", total=None, counts="")
            records = extract_files(paths, published=published, errors="yield", max_bytes=max_bytes,
                                    timeout=timeout)
            for item in records:
                if isinstance(item, InputError):
                    report_error(item)
                    counts["failed"] += 1
                else:
                    result = store.ingest(item.extraction)
                    counts[result.status] = counts.get(result.status, 0) + 1
                progress.update(task, advance=1, counts=", ".join(f"{k} {v}" for k, v in counts.items()))
    finally:
        store.close()
    return counts


def ingest(
    paths: list[str] = PathsArg,
    db: str | None = DbOpt,
    published: str | None = PublishedOpt,
    max_bytes: int = MaxBytesOpt,
    timeout: float = TimeoutOpt,
) -> None:
    """Extract articles and keep them in the store; an article already stored is skipped."""
    counts = ingest_into(db, paths, _parse_day(published), max_bytes, timeout=timeout)
    err.print(f"ingested {counts['added']}, skipped {counts['duplicate']} duplicate(s) and "
              f"{counts['near-duplicate']} near-duplicate(s), failed {counts['failed']}")
    if counts["failed"]:
        raise typer.Exit(1)


def demo(
    player: str = typer.Option("Bukayo Saka", "--player", help="Whose timeline to show."),
    db: str | None = DbOpt,
) -> None:
    """Ingest the bundled example articles into the store and show a player's timeline.

    The store is the usual one (sidelined.db in this folder unless --db or SIDELINED_DB says
    otherwise), so `sidelined serve` afterwards shows the same data; ingesting is idempotent.
    """
    from sidelined.cli.timeline import player_command
    from sidelined.store.store import resolve_url

    examples = Path(__file__).resolve().parents[1] / "examples"
    url = resolve_url(db)
    counts = ingest_into(url, [str(examples)], None, 5_000_000, quiet=True)
    out.print(f"Ingested {counts['added']} example articles from {examples} into {url} "
              f"({counts['duplicate']} already there).\n")
    player_command(name=player, as_of=None, db=url, stale_days=14)
    out.print(f"\nNext: [bold]sidelined serve --db {url}[/bold] and open http://127.0.0.1:8000/")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(extract)
    app.command()(ingest)
    app.command()(demo)
