"""CLI commands of the timeline stage (filled in as that stage grows)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
