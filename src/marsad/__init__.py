"""marsad: Arabic security and geopolitics news into a sourced, queryable knowledge graph."""

__version__ = "0.1.0"


def open(db: str = "marsad.db"):  # noqa: A001  (marsad.open, like sqlite3.connect)
    """Open the knowledge store at ``db`` (an SQLite file or a postgresql:// URL); see :mod:`marsad.store`.

    Example: ``with marsad.open("marsad.db") as store: store.search("CSTO")``
    """
    from marsad.store.api import Store

    return Store(db)
