"""Pytest fixtures for a real PostgreSQL: one throwaway server per test session, one database per test.

`postgres_server` starts the server once per session, stopped when the
session's process exits (skipping, and saying why, only when the server
binaries are absent); `pg_url` gives each test a fresh database on it;
`store_url` is parametrized over SQLite and PostgreSQL for tests that must
hold on both engines.
"""

from __future__ import annotations

import atexit
import functools
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from sidelined.scale.pg_temp import fresh_database, server_binaries, temporary_postgres

_RUNNING = ExitStack()  # one server for the whole session, however many test modules import the fixtures
atexit.register(_RUNNING.close)


@functools.cache
def _shared_server() -> str:
    return _RUNNING.enter_context(temporary_postgres())


@pytest.fixture(scope="session")
def postgres_server() -> str:
    if server_binaries() is None:
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    return _shared_server()


@pytest.fixture
def pg_url(postgres_server: str) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return str(request.getfixturevalue("pg_url"))
