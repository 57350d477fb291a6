"""The web layer's view of the knowledge store (:class:`marsad.store.Store`), as JSON-ready dicts.

Built only on the store's public API (``articles``, ``article``, ``find_entities``, ``entity``, ``resolve``,
``events``, ``search``, ``conflicts``, ``stats``, ``add_record``, ``queries.entity_names_map``): no SQL of its own.
Calls are serialised with a lock (one connection shared by the server's threads).
"""
from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, fields
from typing import Any

from marsad.records import to_record
from marsad.store import Store
from marsad.store.queries import entity_names_map
from marsad.text.document import Document
from marsad.text.normalize import fold
from marsad.web.glosses import PLOVER

ENTITY_TYPES = ("PERSON", "ORG", "COUNTRY", "PLACE")
STATUSES = ("actual", "planned", "possible", "negated")
SEARCH_KINDS = ("all", "articles", "entities", "events")


@dataclass(frozen=True)
class EventFilter:
    """Filters of the events table and of event search; empty strings mean "any"."""

    type: str = ""
    actor: str = ""       # an id or any name the store resolves (Arabic or English)
    recipient: str = ""
    status: str = ""
    date_from: str = ""   # ISO (partial) dates, compared with the event's date (its ``when``, else the article's)
    date_to: str = ""
    q: str = ""           # words in the evidence sentence
    limit: int = 500

    @classmethod
    def from_params(cls, params: Any) -> "EventFilter":
        """Build from query parameters (unknown keys ignored, values stripped, limit clamped to 1..5000)."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if raw is None or str(raw).strip() == "":
                continue
            if f.name == "limit":
                try:
                    kw["limit"] = max(1, min(5000, int(raw)))
                except ValueError:
                    continue
            else:
                kw[f.name] = str(raw).strip()[:200]
        return cls(**kw)

    def as_params(self) -> dict[str, Any]:
        """The non-default filters, for links and for the JSON answer."""
        default = EventFilter()
        return {k: v for k, v in asdict(self).items() if v != getattr(default, k)}


def event_row(ev: dict, titles: dict[str, str | None]) -> dict:
    """A store event in the record's shape (``quantity`` {value, unit}, ``evidence`` span) plus ``evidence_text``,
    ``title`` and ``day``."""
    qty = ev.get("quantity")
    return {"doc": ev["doc"], "title": titles.get(ev["doc"]), "published": ev.get("published"),
            "day": ev.get("day") or ev.get("published"), "type": ev.get("type"), "mode": ev.get("mode"),
            "actor": ev.get("actor"), "recipient": ev.get("recipient"), "location": ev.get("location"),
            "quantity": None if qty is None else {"value": qty, "unit": ev.get("unit")},
            "when": ev.get("when"), "status": ev.get("status"), "source": ev.get("source"),
            "evidence": {"start": ev.get("start"), "end": ev.get("end")}, "evidence_text": ev.get("evidence") or ""}


class StoreView:
    """Read (and, when allowed, write) access to one store for the pages and the API."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.RLock()

    @classmethod
    def open(cls, db: str) -> "StoreView":
        """Open (creating if needed) the store at ``db``: an SQLite path or a postgresql:// URL."""
        return cls(Store(db))

    def close(self) -> None:
        with self._lock:
            self.store.close()

    # -- articles --------------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        with self._lock:
            return self.store.stats()

    def articles(self, limit: int = 50) -> list[dict]:
        """Newest first (by date, then by order stored): doc, title, published, outlet, counts."""
        with self._lock:
            return self.store.articles(limit=int(limit))

    def titles(self, docs: set[str]) -> dict[str, str | None]:
        """``{doc: title}`` for the given docs."""
        with self._lock:
            return {a["doc"]: a["title"] for a in self.store.articles(limit=None, docs=docs)}

    def article(self, doc: str) -> dict | None:
        """The stored record of ``doc`` with its ``text`` ("" when stored without it; None when unknown)."""
        with self._lock:
            rec = self.store.article(doc)
        if rec is not None:
            rec["text"] = rec["text"] or ""
        return rec

    # -- entities --------------------------------------------------------------------------------------------
    def entity(self, name: str) -> dict | None:
        """The store's profile of the entity called ``name`` (id, English name or any Arabic form)."""
        with self._lock:
            return self.store.entity(name)

    def names(self, ids: list[str] | set[str]) -> dict[str, dict]:
        """``{id: {"name": English name}}`` (ids the store does not know map to themselves)."""
        with self._lock:
            found = entity_names_map(self.store.backend, set(ids))
        return {i: {"name": n} for i, n in found.items()}

    def find_entities(self, q: str, etype: str = "", limit: int = 50) -> list[dict]:
        """Entities whose id, English name or an Arabic form seen contains ``q`` (the one ``q`` names first)."""
        with self._lock:
            return self.store.find_entities(q, etype or None, limit)

    # -- events, search, conflicts ---------------------------------------------------------------------------
    def events(self, flt: EventFilter) -> list[dict]:
        """Events passing ``flt``, oldest first, in the record's shape."""
        with self._lock:
            rows = self.store.events(actor=flt.actor or None, type=flt.type or None, since=flt.date_from or None,
                                     until=flt.date_to or None, recipient=flt.recipient or None)
        if flt.status:
            rows = [r for r in rows if r.get("status") == flt.status]
        if flt.q:
            key = fold(flt.q)
            rows = [r for r in rows if key in fold(r.get("evidence") or "")]
        rows = rows[: flt.limit]
        titles = self.titles({r["doc"] for r in rows})
        return [event_row(r, titles) for r in rows]

    def search(self, q: str, kind: str = "all", etype: str = "", flt: EventFilter | None = None,
               limit: int = 50) -> dict[str, list[dict]]:
        """Articles (the store's full-text search), entities (by name) and events (where ``q`` names the actor or
        recipient, is a PLOVER type, or occurs in the evidence) matching ``q``, with the event filters applied."""
        flt = flt or EventFilter()
        out: dict[str, list[dict]] = {"articles": [], "entities": [], "events": []}
        q = q.strip()
        if kind in ("all", "articles"):
            if q:
                with self._lock:
                    found = self.store.search(q, limit=limit)
            else:
                found = self.articles(limit)
            out["articles"] = [a for a in found if _in_dates(a.get("published"), flt)]
        if kind in ("all", "entities") and (q or etype):
            out["entities"] = self.find_entities(q, etype, limit)
        if kind in ("all", "events"):
            out["events"] = self._search_events(q, flt, limit)
        return out

    def _search_events(self, q: str, flt: EventFilter, limit: int) -> list[dict]:
        if not q:
            return self.events(EventFilter(**{**asdict(flt), "limit": limit}))
        if q.upper() in PLOVER and not flt.type:
            return self.events(EventFilter(**{**asdict(flt), "type": q.upper(), "limit": limit}))
        with self._lock:
            who = self.store.resolve(q)
        if who and not (flt.actor or flt.recipient):
            rows = self.events(EventFilter(**{**asdict(flt), "actor": who, "limit": 5000}))
            rows += self.events(EventFilter(**{**asdict(flt), "recipient": who, "limit": 5000}))
            rows.sort(key=lambda r: (r["day"] is None, r["day"] or "", r["doc"]))
            return rows[:limit]
        return self.events(EventFilter(**{**asdict(flt), "q": q, "limit": limit}))

    def conflicts(self) -> list[dict]:
        """The store's conflicts (corpus view of SCHEMA.md with ``subject_id``, ``kind``, ``note``)."""
        with self._lock:
            return self.store.conflicts()

    # -- writing ---------------------------------------------------------------------------------------------
    def add(self, doc: Document) -> str:
        """Store an analysed document; returns what the store did (added, unchanged, replaced, duplicate)."""
        extra = {k: doc.meta.get(k) for k in ("outlet_ar", "url") if doc.meta.get(k)}
        with self._lock:
            return self.store.add_record(to_record(doc), doc.text, extra)


def _in_dates(day: str | None, flt: EventFilter) -> bool:
    """Whether an article date passes the filter's date range (articles without a date pass only no range)."""
    if not (flt.date_from or flt.date_to):
        return True
    if not day:
        return False
    return (not flt.date_from or day >= flt.date_from) and (not flt.date_to or day <= flt.date_to + "\uffff")
