"""A :class:`~marsad.web.source.WebSource` over analysed records held in memory.

Used by tests that need no database and for previews; the server itself reads the store
(:class:`marsad.web.storeview.StoreView`). Search folds Arabic (hamza, ta marbuta, diacritics) and case.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from marsad.records import to_record
from marsad.text.document import Document
from marsad.text.normalize import fold
from marsad.web.source import EventFilter, event_day, in_dates

_VALUE_RELATIONS = ("founded", "personnel")


def _ev_text(text: str, item: dict) -> str:
    span = item.get("evidence") or {}
    return text[span.get("start", 0):span.get("end", 0)]


def event_passes(ev: dict, flt: EventFilter, names: dict[str, dict]) -> bool:
    """Whether an event row (with ``day`` and ``evidence_text``) passes the filter; actor filters accept ids or names."""
    def matches(entity_id: str | None, wanted: str) -> bool:
        if not wanted:
            return True
        if not entity_id:
            return False
        name = names.get(entity_id, {}).get("name") or ""
        return wanted == entity_id or fold(wanted) in fold(name) or fold(wanted) == fold(entity_id)

    if flt.type and (ev.get("type") or "").upper() != flt.type.upper():
        return False
    if flt.status and ev.get("status") != flt.status:
        return False
    if flt.doc and ev.get("doc") != flt.doc:
        return False
    if not matches(ev.get("actor"), flt.actor) or not matches(ev.get("recipient"), flt.recipient):
        return False
    if flt.entity and not (matches(ev.get("actor"), flt.entity) or matches(ev.get("recipient"), flt.entity)):
        return False
    if flt.q and fold(flt.q) not in fold(ev.get("evidence_text") or ""):
        return False
    return in_dates(ev.get("day") or "", flt.date_from, flt.date_to)


class MemorySource:
    """Records and texts in dicts, indexed by doc and entity id."""

    def __init__(self, docs: Iterable[Document] = ()) -> None:
        self._records: dict[str, dict] = {}
        for d in docs:
            self.add(d)

    # -- writing ----------------------------------------------------------------------------------------
    def add(self, doc: Document) -> str:
        rec = to_record(doc)
        rec["text"] = doc.text
        self._records[doc.doc] = rec
        return doc.doc

    # -- reading ----------------------------------------------------------------------------------------
    def stats(self) -> dict[str, int]:
        recs = self._records.values()
        return {"articles": len(self._records), "entities": len(self._entities()),
                "events": sum(len(r["events"]) for r in recs), "facts": sum(len(r["facts"]) for r in recs),
                "quotes": sum(len(r["quotes"]) for r in recs)}

    def articles(self, limit: int = 50) -> list[dict]:
        rows = [{"doc": r["doc"], **r["meta"]} for r in self._records.values()]
        rows.sort(key=lambda r: (r.get("published") or "", r["doc"]), reverse=True)
        return rows[:limit]

    def article(self, doc: str) -> dict | None:
        return self._records.get(doc)

    def _entities(self) -> dict[str, dict]:
        out: dict[str, dict] = {}
        for rec in self._records.values():
            for e in rec["entities"]:
                ent = out.setdefault(e["id"], {"id": e["id"], "name": e["name"], "type": e["type"],
                                               "wikidata": e.get("wikidata"), "variants": [], "docs": []})
                ent["wikidata"] = ent["wikidata"] or e.get("wikidata")
                ent["docs"].append(rec["doc"])
                for m in e["mentions"]:
                    form = rec["text"][m["start"]:m["end"]]
                    if form not in ent["variants"]:
                        ent["variants"].append(form)
        return out

    def entity(self, entity_id: str) -> dict | None:
        return self._entities().get(entity_id)

    def names(self, ids: list[str]) -> dict[str, dict]:
        ents = self._entities()
        return {i: {"name": ents[i]["name"], "type": ents[i]["type"]} for i in ids if i in ents}

    def _items(self, key: str) -> Iterable[tuple[dict, dict]]:
        for rec in self._records.values():
            for item in rec[key]:
                yield rec, item

    def _row(self, rec: dict, item: dict) -> dict:
        return {**item, "doc": rec["doc"], "title": rec["meta"].get("title"),
                "published": rec["meta"].get("published"), "evidence_text": _ev_text(rec["text"], item)}

    def facts(self, entity_id: str) -> list[dict]:
        return [self._row(r, f) for r, f in self._items("facts") if entity_id in (f.get("subject"), f.get("object"))]

    def quotes(self, speaker: str) -> list[dict]:
        return [self._row(r, q) for r, q in self._items("quotes") if q.get("speaker") == speaker]

    def events(self, flt: EventFilter) -> list[dict]:
        names = self.names(list(self._entities()))
        rows = []
        for rec, ev in self._items("events"):
            row = self._row(rec, ev)
            row["day"] = event_day(ev, rec["meta"].get("published"))
            if event_passes(row, flt, names):
                rows.append(row)
        rows.sort(key=lambda r: (r["day"], r["doc"]))
        return rows[: flt.limit]

    def search(self, q: str, kind: str = "all", etype: str = "", flt: EventFilter | None = None,
               limit: int = 50) -> dict[str, list[dict]]:
        key = fold(q.strip())
        out: dict[str, list[dict]] = {"articles": [], "entities": [], "events": []}
        if kind in ("all", "articles"):
            for rec in self._records.values():
                if not key or key in fold(rec["text"]) or key in fold(rec["meta"].get("title") or ""):
                    out["articles"].append({"doc": rec["doc"], **rec["meta"]})
        if kind in ("all", "entities"):
            for ent in self._entities().values():
                hay = [ent["name"], ent["id"], *ent["variants"]]
                if (not etype or ent["type"] == etype) and (not key or any(key in fold(h) for h in hay)):
                    out["entities"].append(ent)
        if kind in ("all", "events"):
            base = flt or EventFilter()
            rows = self.events(EventFilter(**{**base.__dict__, "limit": 5000}))
            names = self.names(list(self._entities()))
            for row in rows:
                hay = [row.get("type") or "", row.get("evidence_text") or ""]
                hay += [names.get(row.get(k) or "", {}).get("name", "") for k in ("actor", "recipient", "location")]
                if not key or any(key in fold(h) for h in hay):
                    out["events"].append(row)
        return {k: v[:limit] for k, v in out.items()}

    def conflicts(self) -> list[dict]:
        seen: dict[tuple[str, str, str], dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for rec, f in self._items("facts"):
            if f.get("relation") in _VALUE_RELATIONS and f.get("value") is not None:
                slot = (f["subject"], f["relation"], str(f.get("qualifier") or ""))
                docs = seen[slot][str(f["value"])]
                if rec["doc"] not in docs:
                    docs.append(rec["doc"])
        return [{"subject": s, "relation": r, "qualifier": q or None,
                 "values": [{"value": v, "docs": d} for v, d in vals.items()]}
                for (s, r, q), vals in seen.items() if len(vals) > 1]
