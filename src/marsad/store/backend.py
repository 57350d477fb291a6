"""The two database back ends behind one small interface: SQL with ``?`` placeholders, explicit transactions.

Example::

    backend = connect("marsad.db")                       # SQLite file (WAL mode)
    backend = connect("postgresql://u:p@127.0.0.1/db")   # PostgreSQL (psycopg 3)
    with backend.transaction():
        backend.execute("INSERT INTO entities (id, name) VALUES (?, ?)", ("russia", "Russia"))
"""
from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any, Iterable, Protocol, Sequence

PG_PREFIXES = ("postgresql://", "postgres://")


class Backend(Protocol):
    """What the store needs from a database connection."""

    dialect: str  # "sqlite" or "postgres"
    url: str

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """Run one statement; the rows it returns (empty for writes)."""

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of parameters."""

    def executescript(self, sql: str) -> None:
        """Run several statements separated by semicolons (a schema migration)."""

    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction: committed on success, rolled back on an exception."""

    def savepoint(self) -> AbstractContextManager[None]:
        """A nested unit inside a transaction: rolled back alone on an exception."""

    def close(self) -> None:
        """Close the connection."""


def is_postgres_url(db: str) -> bool:
    """True for ``postgresql://…`` and ``postgres://…`` URLs.

    >>> is_postgres_url("postgresql://marsad@127.0.0.1/marsad"), is_postgres_url("marsad.db")
    (True, False)
    """
    return str(db).startswith(PG_PREFIXES)


def connect(db: str) -> Backend:
    """Open the back end for ``db``: a PostgreSQL URL or an SQLite file path."""
    if is_postgres_url(db):
        from marsad.store.postgres import PostgresBackend

        return PostgresBackend(str(db))
    from marsad.store.sqlite import SQLiteBackend

    return SQLiteBackend(str(db))
