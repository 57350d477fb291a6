"""Schema versioning: migrations recorded once in schema_migrations, applied in order, never twice."""
from __future__ import annotations

from marsad.store import Store
from marsad.store.schema import MIGRATIONS, Migration, applied_versions, current_version, migrate


def test_store_migrations_recorded_in_order(store):
    assert applied_versions(store.backend) == [m.version for m in MIGRATIONS]
    names = [n for (n,) in store.backend.execute("SELECT name FROM schema_migrations ORDER BY version")]
    assert names == [m.name for m in MIGRATIONS]


def test_store_migrations_reopen_applies_nothing(db_url):
    with Store(db_url) as first:
        stamp = first.backend.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version")
    with Store(db_url) as again:
        assert migrate(again.backend) == []
        assert again.backend.execute("SELECT version, applied_at FROM schema_migrations ORDER BY version") == stamp


def test_store_migrations_new_migration_applied_once(store):
    extra = MIGRATIONS + (Migration(99, "test: a note column", "ALTER TABLE articles ADD COLUMN note TEXT",
                                    "ALTER TABLE articles ADD COLUMN note TEXT"),)
    assert migrate(store.backend, extra) == [99]
    assert migrate(store.backend, extra) == []
    assert current_version(store.backend) == 99
    store.backend.execute("SELECT note FROM articles")  # the column exists


def test_store_migrations_failed_migration_leaves_no_trace(store):
    import pytest

    broken = MIGRATIONS + (Migration(50, "test: broken", "CREATE TABLE t50 (x INT);\nSELECT * FROM no_such_table",
                                     "CREATE TABLE t50 (x INT);\nSELECT * FROM no_such_table"),)
    with pytest.raises(Exception):
        migrate(store.backend, broken)
    assert current_version(store.backend) == MIGRATIONS[-1].version
    with pytest.raises(Exception):
        store.backend.execute("SELECT * FROM t50")


def test_store_migration_3_fills_entity_names_from_stored_mentions(db_url, seed_items):
    """A store written before the names table existed (made here by undoing migration 3): migrating fills the table
    from the mentions already stored, and a part of an Arabic name finds its entity through it."""
    with Store(db_url) as store:
        store.add_records(seed_items[:2])
        with store.backend.transaction():
            store.backend.execute("DROP TABLE entity_names")
            store.backend.execute("DELETE FROM schema_migrations WHERE version = 3")
    with Store(db_url) as store:
        assert store.schema_version == 3
        keys = {k for (k,) in store.backend.execute("SELECT surface_key FROM entity_names WHERE entity = 'belarus'")}
        assert len(keys) >= 2  # بيلاروسيا and a demonym, folded
        assert "belarus" in [e["id"] for e in store.find_entities(sorted(keys)[0][1:-1])]
