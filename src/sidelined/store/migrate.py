"""Bring a database's schema to the newest revision with the Alembic scripts shipped in this package."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ALEMBIC_LOCK = threading.Lock()


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Run `alembic upgrade head` on the engine's database, unless it is already there."""
    head = head_revision()
    with _ALEMBIC_LOCK:  # Alembic keeps its running context in module globals
        if current_revision(engine) == head:
            return
        config = alembic_config()
        try:
            with engine.begin() as connection:
                config.attributes["connection"] = connection
                command.upgrade(config, "head")
        except DBAPIError:
            # Another process (an API server, a second ingest) may be migrating the same database.
            _wait_for(engine, head)


def _wait_for(engine: Engine, head: str | None, attempts: int = 50, pause: float = 0.1) -> None:
    for _ in range(attempts):
        if current_revision(engine) == head:
            return
        time.sleep(pause)
    raise RuntimeError(f"the database schema did not reach revision {head}; is another migration stuck?")
