"""CLI commands of the interfaces: `sidelined serve` (the web app and API) and `sidelined export`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import NoReturn, cast

import typer
from sqlalchemy.exc import SQLAlchemyError

from sidelined.export import FORMATS, ExportFormat

DbOpt = typer.Option(None, "--db", envvar="SIDELINED_DB", help="SQLAlchemy URL (default sqlite:///sidelined.db).")
HostOpt = typer.Option("127.0.0.1", "--host", help="Address to bind; 0.0.0.0 would expose it to the network.")
PortOpt = typer.Option(8000, "--port", min=1, max=65535, help="TCP port.")
FormatOpt = typer.Option(..., "--format", help=f"One of: {', '.join(FORMATS)}.")
OutOpt = typer.Option(None, "--out", help="File to write (default: standard output).")
PlayerOpt = typer.Option(None, "--player", help="Only this player's episodes.")
TeamOpt = typer.Option(None, "--team", help="Only this team's episodes.")
AsOfOpt = typer.Option(None, "--as-of", help="Episodes as known on this day, YYYY-MM-DD (default today).")


def _fail(problem: str) -> NoReturn:
    typer.echo(f"error: {problem}", err=True)
    raise typer.Exit(1)


def _reason(error: SQLAlchemyError) -> str:
    """The database's own words, without SQLAlchemy's statement dump and help link."""
    cause = getattr(error, "orig", None) or error
    return f"{error.__class__.__name__}: {str(cause).splitlines()[0]}"


TokenOpt = typer.Option(None, "--token", envvar="SIDELINED_TOKEN", show_default=False,
                        help="Write token POST /articles must send as 'Authorization: Bearer ...'; required "
                             "on a non-loopback address. Prefer the environment variable (ps shows arguments).")
RateOpt = typer.Option("300/min", "--rate-limit", envvar="SIDELINED_RATE_LIMIT",
                       help="Reads per client, e.g. 300/min or 20/s; 0 turns the limit off.")


def serve(host: str = HostOpt, port: int = PortOpt, db: str | None = DbOpt, token: str | None = TokenOpt,
          rate_limit: str = RateOpt) -> None:
    """Serve the web pages and the JSON API (OpenAPI schema at /openapi.json)."""
    import uvicorn

    from sidelined.api import create_app
    from sidelined.api.security import InsecureBinding, RateLimit, check_binding

    try:
        check_binding(host, token)
        read_limit = RateLimit.parse(rate_limit)
    except (InsecureBinding, ValueError) as error:
        _fail(str(error))
    try:
        app = create_app(db, write_token=token, read_limit=read_limit)
    except SQLAlchemyError as error:
        _fail(f"cannot open the store {db or '(default)'}: {_reason(error)}")
    from sidelined.timeline.reference import knowledge_base

    knowledge_base()  # load the fixture lists now rather than on the first visitor's request
    typer.echo(f"sidelined at http://{host}:{port}/ (API under /api); Ctrl+C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def export(
    fmt: str = FormatOpt,
    out: Path | None = OutOpt,
    player: str | None = PlayerOpt,
    team: str | None = TeamOpt,
    as_of: str | None = AsOfOpt,
    db: str | None = DbOpt,
) -> None:
    """Export injury episodes as CSV, JSON, or an ICS calendar of expected-return windows."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    try:
        day = date.fromisoformat(as_of) if as_of else date.today()
    except ValueError:
        raise typer.BadParameter(f"{as_of!r} is not a day in the form YYYY-MM-DD", param_hint="--as-of") from None
    from sidelined.api import queries
    from sidelined.export import export_episodes
    from sidelined.store import Store

    try:
        with Store(db) as store:
            text = export_episodes(queries.episodes(store, day, player, team), cast(ExportFormat, fmt))
    except SQLAlchemyError as error:
        _fail(f"cannot read the store {db or '(default)'}: {_reason(error)}")
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8", newline="")
        typer.echo(f"wrote {out}", err=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("serve")(serve)
    app.command("export")(export)
