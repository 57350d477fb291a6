"""PostgreSQL back end (psycopg 3): the same SQL as SQLite, ``?`` placeholders rewritten to ``%s``."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterable, Iterator, Sequence

from marsad.store.sqlite import split_statements

WRITER_LOCK_KEY = 0x6D61727361  # "marsa": one writer at a time across processes


def to_pyformat(sql: str) -> str:
    """Rewrite ``?`` placeholders for psycopg (store SQL never contains a literal ``?`` or ``%``).

    >>> to_pyformat("SELECT * FROM a WHERE x = ? AND y = ?")
    'SELECT * FROM a WHERE x = %s AND y = %s'
    """
    return sql.replace("?", "%s")


def returns_rows(sql: str) -> bool:
    """Whether a statement yields rows (a query, or a write with RETURNING).

    >>> returns_rows("SELECT 1"), returns_rows("INSERT INTO a VALUES (1) RETURNING n"), returns_rows("DELETE FROM a")
    (True, True, False)
    """
    head = sql.lstrip()[:6].upper()
    return head in ("SELECT", "WITH X") or head.startswith("WITH") or " RETURNING " in sql.upper()


class PostgresBackend:
    """A psycopg 3 connection in autocommit mode; :meth:`transaction` takes a transaction-level advisory lock so that
    concurrent ingests write one after the other, as on SQLite."""

    dialect = "postgres"

    def __init__(self, url: str):
        import psycopg

        self.url = url
        self.conn = psycopg.connect(url, autocommit=True)
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        with self.conn.cursor() as cur:
            cur.execute(to_pyformat(sql), tuple(params) or None)
            # in pipeline mode the description is known only after a sync: ask by the statement's shape
            return cur.fetchall() if returns_rows(sql) else []

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(to_pyformat(sql), rows)

    def executescript(self, sql: str) -> None:
        """Run several statements (inside the current transaction)."""
        for stmt in split_statements(sql):
            self.conn.execute(stmt)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.conn.pipeline(), self.conn.transaction():  # pipeline: writes stream without waiting per statement
            if not self._depth:
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK_KEY,))
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        with self.conn.transaction():  # nested: a SAVEPOINT
            yield

    def close(self) -> None:
        self.conn.close()
