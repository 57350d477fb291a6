"""``marsad.open``: the Python API over the same functions as the commands."""
from __future__ import annotations

import marsad
from marsad.store import Store
from marsad.store.schema import MIGRATIONS


def test_store_open_returns_a_migrated_store(db_url, seed_items):
    with marsad.open(db_url) as store:
        assert isinstance(store, Store) and store.schema_version == MIGRATIONS[-1].version
        store.add_records(seed_items[:2])
    with marsad.open(db_url) as again:
        assert again.stats()["articles"] == 2
        assert again.resolve("بيلاروسيا") == "belarus"
