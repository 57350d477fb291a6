"""marsad: Arabic security and geopolitics news into a sourced, queryable knowledge graph."""

__version__ = "0.1.0"


def _warn_if_stale() -> None:
    """In a source checkout, warn when a module compiled in place is older than its source (the edit is not in use).

    A checkout: the check costs a few stat calls, and an installed wheel's file times say nothing."""
    import os

    if not os.path.exists(os.path.join(os.path.dirname(__file__), "..", "..", "setup.py")):
        return
    from marsad._compiled import stale

    if modules := stale():
        import warnings

        warnings.warn(f"marsad: compiled module older than its source, which Python does not run: {', '.join(modules)}; "
                      "rebuild with `make setup` (or `pip install -e .`), or remove the .so files", RuntimeWarning,
                      stacklevel=2)


_warn_if_stale()


def open(db: str = "marsad.db"):  # noqa: A001  (marsad.open, like sqlite3.connect)
    """Open the knowledge store at ``db`` (an SQLite file or a postgresql:// URL); see :mod:`marsad.store`.

    Example: ``with marsad.open("marsad.db") as store: store.search("CSTO")``
    """
    from marsad.store.api import Store

    return Store(db)
