"""CLI commands of the benchmarks: `sidelined bench timex`, `bench extract` and `bench all`."""

from __future__ import annotations

from pathlib import Path

import typer

bench_app = typer.Typer(help="Benchmarks: accuracy and speed of the stages.", no_args_is_help=True)


@bench_app.command("timex")
def timex(
    seconds: float = typer.Option(3.0, help="How long to time resolve over the articles."),
    cases: Path | None = typer.Option(None, help="Case suite (default tests/timex_cases/cases.jsonl)."),
    shared: Path | None = typer.Option(None, help="Folder with seeds/ and corpus/ (default ../shared)."),
) -> None:
    """Time expressions: accuracy against dateparser on the case suite, articles per second."""
    from sidelined.timex import bench

    typer.echo(bench.report(seconds=seconds, cases_path=cases, shared=shared or bench.SHARED))


@bench_app.command("extract")
def extract(seconds: float = typer.Option(5.0, help="CPU seconds to spend extracting.")) -> None:
    """The whole pipeline: knowledge-base load time, articles per second, peak memory."""
    from sidelined.benchmark import extract_speed

    typer.echo(extract_speed(seconds).report())


@bench_app.command("all")
def run_all(seconds: float = typer.Option(3.0, help="Time budget of each speed measurement.")) -> None:
    """Every benchmark in turn."""
    timex(seconds=seconds, cases=None, shared=None)
    extract(seconds=seconds)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(bench_app, name="bench")
