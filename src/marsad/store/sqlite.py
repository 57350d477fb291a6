"""SQLite back end: one file, WAL mode (readers are not blocked by the writer), explicit transactions."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from itertools import count
from typing import Any, Iterable, Iterator, Sequence

BUSY_TIMEOUT_MS = 30_000
_savepoints = count()


class SQLiteBackend:
    """A connection to an SQLite database file in WAL mode.

    The connection is in autocommit mode; :meth:`transaction` opens ``BEGIN IMMEDIATE`` so that a second writer waits
    for the first (one writer at a time) instead of failing half-way.
    """

    dialect = "sqlite"

    def __init__(self, path: str):
        self.url = path
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = NORMAL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        self._depth = 0

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, tuple(params)).fetchall()

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def executescript(self, sql: str) -> None:
        """Run several statements (inside the current transaction)."""
        for stmt in split_statements(sql):
            self.conn.execute(stmt)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            with self.savepoint():
                yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth += 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth -= 1

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        name = f"sp{next(_savepoints)}"
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            raise
        else:
            self.conn.execute(f"RELEASE {name}")

    def close(self) -> None:
        self.conn.close()


def split_statements(sql: str) -> list[str]:
    """Split a migration script on ``;`` at line ends (the scripts contain no ``;`` inside literals).

    >>> split_statements("CREATE TABLE a (x INT);\\nCREATE INDEX i ON a (x);\\n")
    ['CREATE TABLE a (x INT)', 'CREATE INDEX i ON a (x)']
    """
    parts = (part.strip().rstrip(";").strip() for part in sql.split(";\n"))
    return [part for part in parts if part]
