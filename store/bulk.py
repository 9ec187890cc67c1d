"""Many rows into one table: PostgreSQL's COPY, an executemany INSERT elsewhere.

A reseed writes tens of thousands of rows per table; on PostgreSQL an INSERT per row (even
pipelined) cost a third of the reseed, one COPY stream costs a fraction of that.
"""

from __future__ import annotations

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
    if connection.dialect.name != "postgresql":
        connection.execute(insert(table), records)
        return
    # What the INSERT would have written: the given columns, and each missing column's default.
    given = records[0].keys()
    columns = [c for c in table.columns if c.key in given or _default(c) is not _NO_DEFAULT]
    defaults = [_default(c) for c in columns]
    quote = connection.dialect.identifier_preparer.quote
    sql = f"COPY {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) FROM STDIN"
    keys = [c.key for c in columns]
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the connection has no database connection under it")
    with driver.cursor() as cursor, cursor.copy(sql) as copy:
        for record in records:
            copy.write_row(
                [record.get(key, default) for key, default in zip(keys, defaults, strict=True)]
            )


def _default(column: ColumnElement[Any]) -> object:
    default = getattr(column, "default", None)
    if default is not None and getattr(default, "is_scalar", False):
        return getattr(default, "arg", _NO_DEFAULT)
    return _NO_DEFAULT
