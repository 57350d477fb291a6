"""Read-side queries over the store: find an entity by any name, its profile, events, timelines, aggregated facts.

Example::

    resolve_entity(backend, "منظمة الأمن الجماعي")   # -> "collective-security-treaty-organization"
    entity_profile(backend, "CSTO")["names"]          # every surface form seen, with counts
    list_events(backend, actor="Russia", since="2024-01-01")
"""
from __future__ import annotations

import json
from typing import Any

from marsad.store.backend import Backend
from marsad.text.normalize import fold

EVENT_COLS = ("a.doc", "a.published", "e.type", "e.mode", "e.actor", "e.recipient", "e.location", "e.qty_value",
              "e.qty_unit", "e.when_", "e.day", "e.status", "e.source", "e.ev_start", "e.ev_end", "e.evidence",
              "e.rule")
EVENT_KEYS = ("doc", "published", "type", "mode", "actor", "recipient", "location", "quantity", "unit", "when",
              "day", "status", "source", "start", "end", "evidence", "rule")


def _one(backend: Backend, sql: str, params: tuple) -> Any:
    rows = backend.execute(sql, params)
    return rows[0][0] if rows else None


def resolve_entity(backend: Backend, name: str) -> str | None:
    """The id of the entity called ``name``: an id, an English name or alias, a lexicon form, or a surface form seen."""
    name = (name or "").strip()
    if not name:
        return None
    if _one(backend, "SELECT id FROM entities WHERE id = ?", (name,)):
        return name
    from marsad.store.writer import _lexicon

    entry = _lexicon().by_name(name)
    if entry is not None and _one(backend, "SELECT id FROM entities WHERE id = ?", (entry.id,)):
        return entry.id
    hit = _one(backend, "SELECT id FROM entities WHERE lower(name) = lower(?)", (name,))
    if hit:
        return hit
    return _one(backend, "SELECT entity FROM mentions WHERE surface_key = ? GROUP BY entity "
                         "ORDER BY COUNT(*) DESC, entity LIMIT 1", (fold(name),))


def entity_names_map(backend: Backend, ids: set[str]) -> dict[str, str]:
    """Canonical English names for entity ids (ids without a row map to themselves)."""
    ids = {i for i in ids if i}
    if not ids:
        return {}
    marks = ", ".join("?" * len(ids))
    found = dict(backend.execute(f"SELECT id, name FROM entities WHERE id IN ({marks})", tuple(sorted(ids))))
    return {i: found.get(i, i) for i in ids}


def _event_dict(row: tuple) -> dict:
    d = dict(zip(EVENT_KEYS, row))
    if d["quantity"] is not None and float(d["quantity"]).is_integer():
        d["quantity"] = int(d["quantity"])
    return d


def list_events(backend: Backend, actor: str | None = None, type: str | None = None, since: str | None = None,
                until: str | None = None, recipient: str | None = None, limit: int | None = None) -> list[dict]:
    """Stored events, oldest first, filtered by actor, recipient (any name), PLOVER type and date range.

    Dates compare as ISO strings on the event's ``when`` or, failing that, its article's date; ``until`` is
    inclusive of partial dates (``--until 2024`` keeps ``2024-05``).
    """
    where, params = [], []
    for col, name in (("actor", actor), ("recipient", recipient)):
        if name:
            where.append(f"e.{col} = ?")
            params.append(resolve_entity(backend, name) or name)
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if since:
        where.append("e.day >= ?")
        params.append(since)
    if until:
        where.append("e.day <= ?")
        params.append(until + "\uffff")
    sql = (f"SELECT {', '.join(EVENT_COLS)} FROM events e JOIN articles a ON a.n = e.article"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY e.day IS NULL, e.day, a.doc, e.idx" + ("" if limit is None else f" LIMIT {int(limit)}"))
    return [_event_dict(r) for r in backend.execute(sql, tuple(params))]


def aggregated_facts(backend: Backend, subject: str | None = None, relation: str | None = None,
                     about: str | None = None) -> list[dict]:
    """Facts merged across articles: one item per (subject, relation, object, value, qualifier) with all sources."""
    where, params = [], []
    if subject:
        where.append("f.subject = ?")
        params.append(subject)
    if relation:
        where.append("f.relation = ?")
        params.append(relation)
    if about:
        where.append("(f.subject = ? OR f.object = ?)")
        params += [about, about]
    rows = backend.execute(
        "SELECT f.subject, f.relation, f.object, f.value, f.qualifier, f.when_, a.doc, a.published, f.ev_start, "
        "f.ev_end, f.evidence, f.rule FROM facts f JOIN articles a ON a.n = f.article"
        + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY f.subject, f.relation, a.doc, f.idx",
        tuple(params))
    merged: dict[tuple, dict] = {}
    for subj, rel, obj, value, qual, when, doc, pub, s, e, ev, rule in rows:
        val = None if value is None else json.loads(value)
        key = (subj, rel, obj, json.dumps(val), qual)
        item = merged.setdefault(key, {"subject": subj, "relation": rel, "object": obj, "value": val,
                                       "qualifier": qual, "sources": []})
        item["sources"].append({"doc": doc, "published": pub, "when": when, "start": s, "end": e,
                                "evidence": ev, "rule": rule})
    return list(merged.values())


def _quotes(backend: Backend, eid: str) -> list[dict]:
    rows = backend.execute("SELECT a.doc, a.published, q.via, q.ev_start, q.ev_end, q.evidence, q.rule FROM quotes q "
                           "JOIN articles a ON a.n = q.article WHERE q.speaker = ? ORDER BY a.doc, q.idx", (eid,))
    return [dict(zip(("doc", "published", "via", "start", "end", "evidence", "rule"), r)) for r in rows]


def _cooccurring(backend: Backend, eid: str, limit: int) -> list[dict]:
    rows = backend.execute(
        "SELECT o.entity, COUNT(*) AS k FROM doc_entities d JOIN doc_entities o ON o.article = d.article "
        "AND o.entity <> d.entity WHERE d.entity = ? GROUP BY o.entity ORDER BY k DESC, o.entity LIMIT ?",
        (eid, limit))
    names = entity_names_map(backend, {r[0] for r in rows})
    return [{"id": i, "name": names[i], "articles": k} for i, k in rows]


def _interacting(backend: Backend, eid: str, limit: int) -> list[dict]:
    rows = backend.execute(
        "SELECT other, role, COUNT(*) AS k FROM ("
        " SELECT recipient AS other, 'recipient' AS role FROM events WHERE actor = ? AND recipient IS NOT NULL"
        " UNION ALL SELECT actor AS other, 'actor' AS role FROM events WHERE recipient = ? AND actor IS NOT NULL"
        ") x WHERE other <> ? GROUP BY other, role ORDER BY k DESC, other LIMIT ?", (eid, eid, eid, limit))
    names = entity_names_map(backend, {r[0] for r in rows})
    return [{"id": i, "name": names[i], "as": role, "events": k} for i, role, k in rows]


def entity_profile(backend: Backend, name: str, limit: int = 20) -> dict | None:
    """Everything the store knows about one entity, each item with its sources; None when no entity has that name."""
    eid = resolve_entity(backend, name)
    if eid is None:
        return None
    row = backend.execute("SELECT id, name, type, wikidata FROM entities WHERE id = ?", (eid,))
    if not row:
        return None
    _, canon, etype, qid = row[0]
    names = backend.execute("SELECT surface, COUNT(*) AS k FROM mentions WHERE entity = ? AND surface IS NOT NULL "
                            "GROUP BY surface ORDER BY k DESC, surface", (eid,))
    docs = backend.execute("SELECT a.doc FROM doc_entities d JOIN articles a ON a.n = d.article WHERE d.entity = ? "
                           "ORDER BY a.doc", (eid,))
    return {
        "id": eid, "name": canon, "type": etype, "wikidata": qid,
        "names": [{"name": s, "count": k} for s, k in names],
        "articles": [d for (d,) in docs],
        "facts": aggregated_facts(backend, about=eid),
        "events_as_actor": list_events(backend, actor=eid),
        "events_as_recipient": list_events(backend, recipient=eid),
        "quotes": _quotes(backend, eid),
        "cooccurring": _cooccurring(backend, eid, limit),
        "interacting": _interacting(backend, eid, limit),
    }


def timeline(backend: Backend, name: str) -> list[dict]:
    """Dated items about one entity, oldest first: its events (as actor or recipient), dated facts, and quotes."""
    eid = resolve_entity(backend, name)
    if eid is None:
        return []
    items = []
    for ev in list_events(backend, actor=eid) + list_events(backend, recipient=eid):
        role = "actor" if ev["actor"] == eid else "recipient"
        items.append({"date": ev["day"], "kind": "event", "what": f"{ev['type']} ({role})", "doc": ev["doc"],
                      "evidence": ev["evidence"], "detail": ev})
    for f in aggregated_facts(backend, about=eid):
        for src in f["sources"]:
            date = src["when"] or (str(f["value"]) if f["relation"] == "founded" else None)
            if date:
                items.append({"date": date, "kind": "fact", "what": f"{f['relation']} {f['object'] or f['value']}",
                              "doc": src["doc"], "evidence": src["evidence"], "detail": f})
    for q in _quotes(backend, eid):
        items.append({"date": q["published"], "kind": "quote", "what": "quoted", "doc": q["doc"],
                      "evidence": q["evidence"], "detail": q})
    items.sort(key=lambda it: (it["date"] is None, it["date"] or "", it["doc"]))
    return items
