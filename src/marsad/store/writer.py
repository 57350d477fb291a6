"""Writing one analysed article into the store: content-hash id, replace-on-change, provenance rows, search terms.

Example::

    with backend.transaction():
        status = write_record(backend, record, text)   # "added", "unchanged", "replaced" or "duplicate"
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from functools import lru_cache
from typing import Any

from marsad.store.backend import Backend
from marsad.store.search import article_terms
from marsad.text.normalize import fold

PARTIAL_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
RECORD_KEYS = ("doc", "meta", "entities", "events", "facts", "quotes")
EVENT_COLS = ("article", "idx", "type", "mode", "actor", "recipient", "location", "qty_value", "qty_unit", "when_", "day",
              "status", "source", "ev_start", "ev_end", "evidence", "trig_start", "trig_end", "rule")
_keys: dict[str, str] = {}


def surface_key(surface: str | None) -> str | None:
    """The folded form of a mention's surface text (cached: the same names recur across a corpus)."""
    if not surface:
        return None
    key = _keys.get(surface)
    if key is None:
        key = fold(surface)
        if len(_keys) < 200_000:
            _keys[surface] = key
    return key


def article_id(record: dict, text: str | None) -> str:
    """The content hash of an article: sha256 of its text (of the record itself when the text is unknown).

    >>> article_id({"doc": "a.txt"}, "نص")[:12]
    'e01176c2a059'
    """
    if text is None:
        text = json.dumps({k: record.get(k) for k in RECORD_KEYS}, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _lexicon():
    from marsad.lexicon.load import default_lexicon

    return default_lexicon()


def entity_names(ent: dict) -> list[str]:
    """English names that should find the entity in a search: name, lexicon aliases, id words.

    >>> "CSTO" in entity_names({"id": "collective-security-treaty-organization", "name": "Collective Security Treaty Organization"})
    True
    """
    names = [ent.get("name") or "", (ent.get("id") or "").replace("-", " ")]
    entry = _lexicon().entries.get(ent.get("id") or "")
    if entry is not None:
        names.extend(entry.aliases)
    return names


def day_of(when: str | None, published: str | None) -> str | None:
    """The date an event is filed under: its own ``when`` (ISO, possibly partial), else the article's date."""
    if when and PARTIAL_DATE_RE.match(str(when)):
        return str(when)
    return published[:10] if published else None


def _span(obj: dict | None) -> tuple[int | None, int | None]:
    obj = obj or {}
    return obj.get("start"), obj.get("end")


def _cut(text: str | None, start: int | None, end: int | None) -> str | None:
    return text[start:end] if text is not None and start is not None and end is not None else None


def find_existing(backend: Backend, doc: str, aid: str) -> tuple[str, int | None]:
    """``("unchanged"|"duplicate"|"replace"|"new", article row)`` for a doc name and content hash."""
    rows = backend.execute("SELECT n, id, doc FROM articles WHERE doc = ? OR id = ?", (doc, aid))
    same_doc = [(n, i) for n, i, d in rows if d == doc]
    if same_doc and same_doc[0][1] == aid:
        return "unchanged", same_doc[0][0]
    if any(i == aid for _, i, _ in rows):
        return "duplicate", None
    return ("replace", same_doc[0][0]) if same_doc else ("new", None)


def insert_rows(backend: Backend, table: str, cols: tuple[str, ...], rows: list[tuple], suffix: str = "") -> None:
    """Insert many rows with one prepared statement (psycopg pipelines ``executemany``; measured faster than
    multi-row ``VALUES`` on both back ends)."""
    if rows:
        marks = ", ".join("?" * len(cols))
        backend.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({marks}){suffix}", rows)


def delete_article(backend: Backend, n: int) -> None:
    """Remove an article and, through ``ON DELETE CASCADE``, every row that cites it."""
    if backend.dialect == "sqlite":
        backend.execute("DELETE FROM article_terms WHERE rowid = ?", (n,))
    backend.execute("DELETE FROM articles WHERE n = ?", (n,))


def write_record(backend: Backend, record: dict, text: str | None = None, extra_meta: dict | None = None) -> str:
    """Store one record (call inside a transaction); the outcome: added, unchanged, replaced or duplicate."""
    doc = str(record["doc"])
    aid = article_id(record, text)
    status = "added"
    n = insert_article(backend, record, text, aid, extra_meta or {})  # None when the doc or the hash is stored
    if n is None:
        state, old = find_existing(backend, doc, aid)
        if state in ("unchanged", "duplicate"):
            return state
        if old is not None:  # None: the row went away since the insert was refused (another writer)
            delete_article(backend, old)
        n = insert_article(backend, record, text, aid, extra_meta or {})
        if n is None:  # another writer stored the same doc between the delete and this insert
            raise RuntimeError(f"{doc}: stored by another writer while it was being replaced")
        status = "replaced" if old is not None else "added"
    insert_entities(backend, n, record, text)
    insert_events(backend, n, record, text)
    insert_facts(backend, n, record, text)
    insert_quotes(backend, n, record, text)
    return status


def insert_article(backend: Backend, record: dict, text: str | None, aid: str, extra: dict) -> int | None:
    """Insert the article row (and its search terms); None if its doc name or content hash is already stored."""
    meta = {**extra, **{k: v for k, v in (record.get("meta") or {}).items() if v is not None}}
    stored = {k: record.get(k) for k in RECORD_KEYS if k in record}
    names = [name for ent in record.get("entities", []) for name in entity_names(ent)]
    terms = article_terms((meta.get("title") or "") + "\n" + (text or ""), names)
    now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    cols = ["id", "doc", "title", "published", "outlet", "outlet_ar", "url", "text", "record", "ingested_at"]
    vals: list[Any] = [aid, str(record["doc"]), meta.get("title"), meta.get("published"), meta.get("outlet"),
                       meta.get("outlet_ar"), meta.get("url"), text, json.dumps(stored, ensure_ascii=False), now]
    if backend.dialect == "postgres":
        cols.append("terms")
        vals.append(terms)
    sql = (f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
           "ON CONFLICT DO NOTHING RETURNING n")
    rows = backend.execute(sql, vals)
    if not rows:
        return None
    n = rows[0][0]
    if backend.dialect == "sqlite":
        backend.execute("INSERT INTO article_terms (rowid, terms) VALUES (?, ?)", (n, terms))
    return n


def insert_entities(backend: Backend, n: int, record: dict, text: str | None) -> None:
    ents = record.get("entities", [])
    unique = {e["id"]: e for e in ents}
    insert_rows(backend, "entities", ("id", "name", "type", "wikidata"),
                [(i, e.get("name") or i, e.get("type"), e.get("wikidata")) for i, e in sorted(unique.items())],
                " ON CONFLICT (id) DO UPDATE SET wikidata = excluded.wikidata "
                "WHERE entities.wikidata IS NULL AND excluded.wikidata IS NOT NULL")
    rows = []
    for e in ents:
        for m in e.get("mentions", []):
            surface = _cut(text, m.get("start"), m.get("end"))
            rows.append((n, e["id"], m["start"], m["end"], surface, surface_key(surface), m.get("rule")))
    insert_rows(backend, "mentions", ("article", "entity", "start_off", "end_off", "surface", "surface_key", "rule"),
                rows)
    insert_rows(backend, "entity_names", ("entity", "surface_key"), sorted({(r[1], r[5]) for r in rows if r[5]}),
                " ON CONFLICT (entity, surface_key) DO NOTHING")
    insert_rows(backend, "doc_entities", ("article", "entity", "n_mentions"),
                [(n, e["id"], len(e.get("mentions", []))) for e in ents], " ON CONFLICT (article, entity) DO NOTHING")


def insert_events(backend: Backend, n: int, record: dict, text: str | None) -> None:
    published = (record.get("meta") or {}).get("published")
    rows = []
    for i, ev in enumerate(record.get("events", [])):
        qty = ev.get("quantity") or {}
        s, e = _span(ev.get("evidence"))
        ts, te = _span(ev.get("trigger"))
        rows.append((n, i, ev.get("type"), ev.get("mode"), ev.get("actor"), ev.get("recipient"), ev.get("location"),
                     qty.get("value"), qty.get("unit"), ev.get("when"), day_of(ev.get("when"), published),
                     ev.get("status"), ev.get("source"), s, e, _cut(text, s, e), ts, te,
                     (ev.get("trigger") or {}).get("rule") or ev.get("rule")))
    insert_rows(backend, "events", EVENT_COLS, rows)


def insert_facts(backend: Backend, n: int, record: dict, text: str | None) -> None:
    rows = []
    for i, f in enumerate(record.get("facts", [])):
        s, e = _span(f.get("evidence"))
        value = f.get("value")
        rows.append((n, i, f["subject"], f["relation"], f.get("object"),
                     None if value is None else json.dumps(value, ensure_ascii=False), f.get("qualifier"),
                     f.get("when"), s, e, _cut(text, s, e), f.get("rule")))
    insert_rows(backend, "facts", ("article", "idx", "subject", "relation", "object", "value", "qualifier", "when_",
                                   "ev_start", "ev_end", "evidence", "rule"), rows)


def insert_quotes(backend: Backend, n: int, record: dict, text: str | None) -> None:
    rows = []
    for i, q in enumerate(record.get("quotes", [])):
        s, e = _span(q.get("evidence"))
        rows.append((n, i, q.get("speaker"), q.get("via"), s, e, _cut(text, s, e), q.get("rule")))
    insert_rows(backend, "quotes", ("article", "idx", "speaker", "via", "ev_start", "ev_end", "evidence", "rule"),
                rows)
