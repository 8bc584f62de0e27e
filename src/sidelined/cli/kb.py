"""CLI commands of the kb stage: `sidelined kb build` and `sidelined kb info`."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

out = Console(highlight=False)
kb_app = typer.Typer(help="The knowledge base of teams, players, competitions and fixtures.", no_args_is_help=True)
FromOpt = typer.Option(Path("../shared/data"), "--from", help="Folder of the shared reference data.")
BuiltOnOpt = typer.Option(None, "--built-on", help="Build day to record (YYYY-MM-DD; default today).")


@kb_app.command("build")
def build_command(
    source: Path = FromOpt,
    built_on: str | None = BuiltOnOpt,
) -> None:
    """Rebuild the shipped knowledge-base file from the reference data."""
    from sidelined.kb.build import build

    if not (source / "README.md").exists():
        raise typer.BadParameter(
            f"{source} does not look like the shared data folder (no README.md)", param_hint="--from"
        )
    day = date.fromisoformat(built_on) if built_on else None
    provenance = build(source, built_on=day)
    out.print(json.dumps({k: provenance[k] for k in ("counts", "bytes", "sha256", "built_on")}, indent=2))


@kb_app.command("info")
def info_command() -> None:
    """Counts, provenance and size of the shipped knowledge base."""
    from sidelined.kb.build import KB_FILE
    from sidelined.kb.store import load_kb

    kb = load_kb()
    info = {
        "file": str(KB_FILE),
        "bytes": KB_FILE.stat().st_size,
        "counts": kb.counts(),
        "provenance": kb.provenance,
    }
    out.print(json.dumps(info, indent=2))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(kb_app, name="kb")
