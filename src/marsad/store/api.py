"""The store's Python API, the same for SQLite and PostgreSQL.

Example::

    import marsad
    with marsad.open("marsad.db") as store:          # or marsad.open("postgresql://…")
        report = store.ingest_paths(["src/marsad/samples/seeds"])
        store.search("منظمة معاهدة الامن الجماعي")    # [{"doc": …, "title": …}, …]
        store.entity("CSTO")["names"]
        store.conflicts()
"""
from __future__ import annotations

import json
import sys
from collections import deque
from dataclasses import dataclass, field
from typing import IO, Callable, Iterable, Iterator

from marsad.store import queries, reconcile, search
from marsad.store.backend import connect
from marsad.store.schema import current_version, migrate
from marsad.store.writer import write_record

DEFAULT_DB = "marsad.db"


@dataclass
class IngestReport:
    """What an ingest did: counts per outcome and the failures as (source, reason)."""

    added: int = 0
    unchanged: int = 0
    replaced: int = 0
    duplicate: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: str) -> None:
        setattr(self, status, getattr(self, status) + 1)

    def summary(self) -> str:
        return (f"{self.added} added, {self.replaced} replaced, {self.unchanged} unchanged, "
                f"{self.duplicate} duplicate, {len(self.failed)} failed")


Item = tuple[dict, "str | None", dict]  # record, text, extra meta
ErrorHook = Callable[[str, str], None]


class Store:
    """A knowledge store over one database (SQLite file or PostgreSQL URL); migrates the schema on open."""

    def __init__(self, db: str = DEFAULT_DB):
        self.db = str(db)
        self.backend = connect(self.db)
        migrate(self.backend)

    # -- lifecycle -------------------------------------------------------------------------------------------------
    def close(self) -> None:
        self.backend.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return current_version(self.backend)

    # -- writing ---------------------------------------------------------------------------------------------------
    def add_record(self, record: dict, text: str | None = None, meta: dict | None = None) -> str:
        """Store one analysis record in its own transaction: added, unchanged, replaced or duplicate."""
        with self.backend.transaction():
            return write_record(self.backend, record, text, meta)

    def add_records(self, items: Iterable[Item | tuple[str, str]], commit_every: int = 1,
                    on_error: ErrorHook | None = None) -> IngestReport:
        """Store many records; ``items`` yields ``(record, text, meta)`` or ``(source, reason)`` failures.

        Each article is its own unit: a failing one is rolled back alone and reported, the others commit. With
        ``commit_every`` > 1 several articles share a commit (faster bulk loads; a kill loses at most that many).
        """
        report = IngestReport()
        batch: list = []
        for item in items:
            if len(item) == 2:
                self._fail(report, on_error, *item)
                continue
            batch.append(item)
            if len(batch) >= commit_every:
                self._commit(batch, report, on_error)
                batch = []
        if batch:
            self._commit(batch, report, on_error)
        return report

    def _commit(self, batch: list, report: IngestReport, on_error: ErrorHook | None) -> None:
        with self.backend.transaction():
            for record, text, meta in batch:
                try:
                    with self.backend.savepoint():
                        report.count(write_record(self.backend, record, text, meta))
                except Exception as exc:  # one bad article never stops a batch
                    self._fail(report, on_error, str(record.get("doc")), f"store failed: {type(exc).__name__}: {exc}")

    @staticmethod
    def _fail(report: IngestReport, on_error: ErrorHook | None, source: str, reason: str) -> None:
        report.failed.append((source, reason))
        if on_error:
            on_error(source, reason)

    def ingest_paths(self, paths: Iterable[str], progress: bool = False, on_error: ErrorHook | None = None,
                     commit_every: int = 1, workers: int = 1) -> IngestReport:
        """Analyse articles under ``paths`` (anything ``marsad analyze`` reads) and store them; ``workers`` > 1
        analyses in that many processes (0: one per CPU) while this one writes."""
        return self.add_records(analysed_items(paths, progress, workers), commit_every, on_error)

    def ingest_jsonl(self, path: str, progress: bool = False, on_error: ErrorHook | None = None) -> IngestReport:
        """Store records already produced by ``marsad analyze`` (a record's optional ``text`` feeds search)."""
        return self.add_records(jsonl_items(path, progress), 1, on_error)

    # -- reading ---------------------------------------------------------------------------------------------------
    def search(self, query: str, limit: int | None = 20) -> list[dict]:
        """Articles matching every word of ``query`` (Arabic folded, clitics off; or English entity names)."""
        return search.run_search(self.backend, query, limit)

    def entity(self, name: str) -> dict | None:
        """An entity's profile by any name (Arabic or English), or None."""
        return queries.entity_profile(self.backend, name)

    def find_entities(self, substring: str, type: str | None = None, limit: int | None = 50) -> list[dict]:
        """Entities whose id, English name or an Arabic form seen in the articles contains ``substring`` (Arabic
        folded as in search: ``الامن`` finds الأمن), optionally of one ``type``; each ``{id, name, type, wikidata}``.

        The entity the whole ``substring`` names (``CSTO``, ``بيلاروسيا``) comes first, then the others by name.
        """
        return queries.find_entities(self.backend, substring, type, limit)

    def resolve(self, name: str) -> str | None:
        """The entity id for a name, or None."""
        return queries.resolve_entity(self.backend, name)

    def events(self, actor: str | None = None, type: str | None = None, since: str | None = None,
               until: str | None = None, recipient: str | None = None, limit: int | None = None) -> list[dict]:
        """Events filtered by actor, recipient, PLOVER type and date range, oldest first."""
        return queries.list_events(self.backend, actor, type, since, until, recipient, limit)

    def facts(self, subject: str | None = None, relation: str | None = None) -> list[dict]:
        """Facts merged across articles, each with all its sources."""
        sid = queries.resolve_entity(self.backend, subject) if subject else None
        return queries.aggregated_facts(self.backend, sid or subject, relation)

    def timeline(self, name: str) -> list[dict]:
        """Dated events, facts and quotes of one entity, oldest first."""
        return queries.timeline(self.backend, name)

    def conflicts(self) -> list[dict]:
        """Where articles disagree: numbers, member lists, founding dates."""
        return reconcile.find_conflicts(self.backend)

    def articles(self, limit: int | None = 50, offset: int = 0, docs: Iterable[str] | None = None) -> list[dict]:
        """Stored articles, newest first (undated last): ``{doc, title, published, outlet, counts}`` where ``counts``
        holds the article's numbers of entities, mentions, events, facts and quotes.

        ``limit`` (None: all) and ``offset`` page through them; ``docs`` keeps only those doc names (e.g. to title
        a list of sources).
        """
        return queries.list_articles(self.backend, limit, offset, docs)

    def article(self, doc: str) -> dict | None:
        """One stored article by doc name: its analysis record plus ``text`` (None when it was stored without its
        text, e.g. from records lacking one), or None when the store has no such article."""
        return queries.article_record(self.backend, doc)

    def records(self, with_text: bool = False) -> Iterator[dict]:
        """Every stored analysis record (in ingest order), optionally with its text."""
        for rec, text in self.backend.execute("SELECT record, text FROM articles ORDER BY n"):
            out = json.loads(rec)
            if with_text and text is not None:
                out["text"] = text
            yield out

    def optimize(self) -> None:
        """Refresh planner statistics (and merge SQLite's full-text index segments) after a large ingest."""
        if self.backend.dialect == "sqlite":
            with self.backend.transaction():
                self.backend.execute("INSERT INTO article_terms (article_terms) VALUES ('optimize')")
            self.backend.execute("PRAGMA optimize")
        else:
            self.backend.execute("ANALYZE")

    def stats(self) -> dict[str, int]:
        """Row counts per table."""
        tables = ("articles", "entities", "mentions", "events", "facts", "quotes")
        return {t: self.backend.execute(f"SELECT COUNT(*) FROM {t}")[0][0] for t in tables}

    def export(self, fmt: str, out: IO[str]) -> None:
        """Write the store as ``jsonl``, ``csv`` (events), ``graphml`` or ``jsonld``."""
        from marsad.store.export import EXPORTERS

        EXPORTERS[fmt](self, out)


def analysed_items(paths: Iterable[str], progress: bool = False, workers: int = 1) -> Iterator[Item | tuple[str, str]]:
    """Run the pipeline over ``paths``: ``(record, text, meta)`` per article, ``(source, reason)`` per failure, in input
    order; ``workers`` > 1 analyses in that many processes (0: one per CPU), as ``marsad analyze --workers`` does."""
    from marsad.ingest import IngestError, iter_articles
    from marsad.parallel import analyze_records

    read: deque = deque()  # the articles handed to the analysis, oldest first: a record comes back for each, in order

    def articles() -> Iterator:
        for item in iter_articles(list(paths)):
            read.append(item)
            yield item

    results: Iterable = analyze_records(articles(), workers=workers)
    if progress:
        from tqdm import tqdm

        results = tqdm(results, unit="article", file=sys.stderr)
    for result in results:
        item = read.popleft()
        if isinstance(result, IngestError):
            yield (result.source, result.reason)
            continue
        extra = {k: item.meta.get(k) for k in ("outlet_ar", "url") if item.meta.get(k)}
        yield (result, item.text, extra)


def jsonl_items(path: str, progress: bool = False) -> Iterator[Item | tuple[str, str]]:
    """Records from a JSON Lines file (``-`` for stdin); a bad line is a failure, not a stop."""
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    lines: Iterable[str] = fh
    if progress:
        from tqdm import tqdm

        lines = tqdm(fh, unit="record", file=sys.stderr)
    try:
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or "doc" not in rec:
                    raise ValueError("not an analysis record (no 'doc')")
            except ValueError as exc:
                yield (f"{path}:{n}", f"bad record: {exc}")
                continue
            yield (rec, rec.pop("text", None), {})
    finally:
        if fh is not sys.stdin:
            fh.close()


def open_store(db: str = DEFAULT_DB) -> Store:
    """Open (and create or migrate) the store at ``db``."""
    return Store(db)
