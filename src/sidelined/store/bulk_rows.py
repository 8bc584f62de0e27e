"""Writing many plain rows fast, for the bulk load: COPY on PostgreSQL, multi-row INSERT elsewhere.

Also the dialect's INSERT (for ON CONFLICT), fresh ids taken ahead of the
rows, and per-connection scratch tables to join against.
"""

from __future__ import annotations

import json
import operator
from typing import Any

from sqlalchemy import JSON, Column, MetaData, Table, delete, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def table_of(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def dialect_insert(session: Session, model: Any) -> Any:
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return postgresql.insert(table_of(model))
    if dialect == "sqlite":
        return sqlite.insert(table_of(model))
    raise NotImplementedError(f"the store supports SQLite and PostgreSQL, not {dialect}")


def write_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert plain rows (no conflicts expected): COPY on PostgreSQL, a multi-row INSERT elsewhere."""
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(table.insert(), rows)
        return
    names = list(rows[0])
    in_order = operator.itemgetter(*names) if len(names) > 1 else lambda row: (row[names[0]],)
    as_json = [position for position, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    driver = session.connection().connection.driver_connection
    assert driver is not None
    listed = ", ".join(f'"{name}"' for name in names)
    with driver.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({listed}) FROM STDIN') as copy:
        for row in rows:
            values = in_order(row)
            if as_json:
                values = list(values)
                for position in as_json:
                    values[position] = _as_json_text(values[position])
            copy.write_row(values)


def _as_json_text(value: Any) -> str:
    """The JSON text SQLAlchemy would write (None too becomes the JSON value null)."""
    return "[]" if isinstance(value, list) and not value else json.dumps(value)


def allocate_ids(session: Session, table: str, count: int) -> list[int]:
    """`count` fresh ids for `table`, so rows can be inserted with plain multi-row inserts (no RETURNING).

    PostgreSQL hands them out from the column's own sequence; SQLite, which
    lets one writer in at a time, continues after the largest id.
    """
    if session.get_bind().dialect.name == "postgresql":
        query = text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
        return list(session.scalars(query, {"table": table, "count": count}))
    largest = session.scalar(text(f"SELECT coalesce(max(id), 0) FROM {table}")) or 0
    return list(range(largest + 1, largest + count + 1))


def scratch_table(session: Session, name: str, columns: list[Column[Any]]) -> Table:
    """An empty temporary table of this connection, for set-based statements instead of long IN lists.

    Plain multi-row inserts into it are fast on both drivers (no RETURNING to
    correlate), and joins against it replace parameter lists of thousands.
    On PostgreSQL every commit truncates it: temporary tables are never
    vacuumed, so rows deleted batch after batch would stay as dead tuples, the
    table growing by a batch each time and every scan of it slowing down.
    """
    table = Table(name, MetaData(), *columns, prefixes=["TEMPORARY"], postgresql_on_commit="DELETE ROWS")
    table.create(session.connection(), checkfirst=True)
    if session.get_bind().dialect.name != "postgresql":
        session.execute(delete(table))
    return table
