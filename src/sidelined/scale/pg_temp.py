"""A throwaway local PostgreSQL server (tests and benchmarks): initdb + pg_ctl in a temporary folder.

Uses the server binaries of Debian's `postgresql` package.  initdb refuses to
run as root, so as root the cluster belongs to `nobody` and every server
command runs through `runuser`.  The server listens on 127.0.0.1 only, on a
free port, with trust authentication for the `postgres` role.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

_SERVER_USER = "nobody"
_START_TIMEOUT_SECONDS = 60


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (the newest installed version), or None."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=_version_key)
    return Path(found[-1]).parent if found else None


def _version_key(path: str) -> int:
    version = Path(path).parents[1].name
    return int(version) if version.isdigit() else 0


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", _SERVER_USER, "--", *command]


def _run(command: list[str]) -> None:
    done = subprocess.run(_as_server_user(command), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{Path(command[0]).name} failed ({done.returncode}): {done.stderr.strip()[-500:]}")


@contextmanager
def temporary_postgres(durable: bool = False) -> Iterator[str]:
    """Start a fresh server and yield its admin URL (postgresql+psycopg://postgres@127.0.0.1:PORT/postgres).

    Without `durable`, fsync is off: a test server need not survive a power cut.
    """
    binaries = server_binaries()
    if binaries is None:
        raise FileNotFoundError("PostgreSQL server binaries (initdb, pg_ctl) not found; apt-get install postgresql")
    folder = Path(tempfile.mkdtemp(prefix="sidelined-pg-"))
    data = folder / "data"
    if os.geteuid() == 0:
        shutil.chown(folder, user=_SERVER_USER)
    port = free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {folder}"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    try:
        _run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
              "--no-instructions"])
        _run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "server.log"), "-o", options,
              "-w", "-t", str(_START_TIMEOUT_SECONDS), "start"])
        try:
            yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
        finally:
            _run([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new empty database on the server, dropped afterwards; yields its URL."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"sidelined_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
