"""marsad's knowledge store: articles merged across a corpus, with provenance, conflicts, search and exports.

Example::

    from marsad.store import Store
    with Store("marsad.db") as store:
        store.ingest_paths(["articles/"])
        print(store.conflicts())
"""
from marsad.store.api import DEFAULT_DB, IngestReport, Store, open_store

__all__ = ["DEFAULT_DB", "IngestReport", "Store", "open_store"]
