"""Many rows into one table: PostgreSQL's COPY, the driver's executemany INSERT on SQLite.

A reseed writes tens of thousands of rows per table; on PostgreSQL an INSERT per row (even
pipelined) cost a third of the reseed, one COPY stream costs a fraction of that.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, TableClause, insert
from sqlalchemy.engine import Connection

_NO_DEFAULT = object()


def insert_rows(
    connection: Connection, into: TableClause | type[Any], records: list[dict[str, Any]]
) -> None:
    """Insert records (dicts keyed by column, as for insert(model) with a list) into a table or
    a model's table."""
    table: TableClause = into if isinstance(into, TableClause) else into.__table__
    if not records:
        return
    # What the INSERT would have written: the given columns, and each missing column's default.
    given = records[0].keys()
    columns = [c for c in table.columns if c.key in given or _default(c) is not _NO_DEFAULT]
    defaults = [_default(c) for c in columns]
    keys = [c.key for c in columns]
    quote = connection.dialect.identifier_preparer.quote
    names = ", ".join(quote(c.name) for c in columns)
    if connection.dialect.name == "sqlite":
        _insert_many(connection, table, columns, names, keys, defaults, records)
        return
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), records)
        return
    sql = f"COPY {quote(table.name)} ({names}) FROM STDIN"
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the connection has no database connection under it")
    with driver.cursor() as cursor, cursor.copy(sql) as copy:
        for record in records:
            copy.write_row(
                [record.get(key, default) for key, default in zip(keys, defaults, strict=True)]
            )


def _insert_many(
    connection: Connection,
    table: TableClause,
    columns: Sequence[ColumnElement[Any]],
    names: str,
    keys: list[str],
    defaults: list[object],
    records: list[dict[str, Any]],
) -> None:
    """SQLite: one executemany of the driver's own INSERT: SQLAlchemy's per-row parameter handling cost
    more than SQLite's inserting; each value still goes through its column type's conversion."""
    dialect = connection.dialect
    converters = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    rows = [
        tuple(
            value if convert is None or value is None else convert(value)
            for value, convert in zip(
                (record.get(key, default) for key, default in zip(keys, defaults, strict=True)),
                converters,
                strict=True,
            )
        )
        for record in records
    ]
    placeholders = ", ".join("?" * len(columns))
    table_name = dialect.identifier_preparer.quote(table.name)
    connection.exec_driver_sql(f"INSERT INTO {table_name} ({names}) VALUES ({placeholders})", rows)


def _default(column: ColumnElement[Any]) -> object:
    default = getattr(column, "default", None)
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", _NO_DEFAULT)
    return _NO_DEFAULT
