"""Store fixtures: every store test runs on SQLite and, when MARSAD_TEST_PG_URL is set, on PostgreSQL.

Start a local server and get the URL with ``export MARSAD_TEST_PG_URL="$(bash scripts/ci_postgres.sh | tail -n 1)"``.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from marsad.store import Store
from marsad.store.api import analysed_items

SEEDS = Path(__file__).resolve().parents[2] / "src" / "marsad" / "samples" / "seeds"
PG_URL = os.environ.get("MARSAD_TEST_PG_URL")
PG_SKIP = "MARSAD_TEST_PG_URL is not set: PostgreSQL variant skipped (run scripts/ci_postgres.sh and export its URL)"
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.skipif(not PG_URL, reason=PG_SKIP))]

if not PG_URL:
    print(f"tests/store: {PG_SKIP}", file=sys.stderr)


def reset_postgres(url: str) -> None:
    """Drop every table of the test database (the tests own it)."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: an SQLite file or the (reset) PostgreSQL test database."""
    if request.param == "postgres":
        reset_postgres(PG_URL)
        return PG_URL
    return str(tmp_path / "marsad.db")


@pytest.fixture
def store(db_url):
    with Store(db_url) as s:
        yield s


@pytest.fixture(scope="session")
def seed_items() -> list[tuple]:
    """The seed articles analysed once: ``(record, text, meta)``."""
    return list(analysed_items([str(SEEDS)]))


@pytest.fixture
def seeded(store, seed_items):
    """A store holding the five seed articles."""
    report = store.add_records(seed_items)
    assert report.added == len(seed_items) == 5
    return store


def make_record(doc: str, facts: list[dict], published: str | None = None, entities: list[dict] | None = None,
                events: list[dict] | None = None) -> dict:
    """A small hand-made analysis record (no text)."""
    return {"doc": doc, "meta": {"title": None, "published": published, "outlet": None},
            "entities": entities or [], "events": events or [], "facts": facts, "quotes": []}


@pytest.fixture
def record():
    """The hand-made record builder: ``record(doc, facts, published=..., entities=..., events=...)``."""
    return make_record
