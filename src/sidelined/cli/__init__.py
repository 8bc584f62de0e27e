"""The `sidelined` command line: one Typer app, its commands grouped by stage.

Each submodule adds its commands with `register(app)`, so a stage's commands
live next to the rest of that stage's interface code.
"""

from __future__ import annotations

import typer

from sidelined import __version__
from sidelined.cli import bench, evaluate, extract, kb, scale, timeline, web

app = typer.Typer(
    name="sidelined",
    help="Football news in, dated and sourced player injury and availability knowledge out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sidelined {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """sidelined reads football news and keeps a timeline of player injuries."""


for module in (extract, evaluate, timeline, kb, bench, scale, web):
    module.register(app)
