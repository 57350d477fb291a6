"""Read-side queries over the store: find an entity by any name, its profile, events, timelines, aggregated facts.

Example::

    resolve_entity(backend, "منظمة الأمن الجماعي")   # -> "collective-security-treaty-organization"
    entity_profile(backend, "CSTO")["names"]          # every surface form seen, with counts
    list_events(backend, actor="Russia", since="2024-01-01")
"""
from __future__ import annotations

import json
from typing import Any, Iterable

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


ARTICLE_KEYS = ("doc", "title", "published", "outlet")
COUNT_KEYS = ("entities", "mentions", "events", "facts", "quotes")
_COUNTS = ("(SELECT COUNT(*) FROM doc_entities x WHERE x.article = a.n)",
           "(SELECT COALESCE(SUM(x.n_mentions), 0) FROM doc_entities x WHERE x.article = a.n)",
           "(SELECT COUNT(*) FROM events x WHERE x.article = a.n)",
           "(SELECT COUNT(*) FROM facts x WHERE x.article = a.n)",
           "(SELECT COUNT(*) FROM quotes x WHERE x.article = a.n)")


def list_articles(backend: Backend, limit: int | None = 50, offset: int = 0,
                  docs: Iterable[str] | None = None) -> list[dict]:
    """Stored articles, newest first (by date, undated last, then last stored first): doc, title, published, outlet
    and ``counts`` (entities, mentions, events, facts, quotes). ``docs`` keeps only those doc names."""
    where = ""
    params: tuple[str, ...] = ()
    if docs is not None:
        wanted = tuple(sorted({d for d in docs if d}))
        if not wanted:
            return []
        where, params = f" WHERE a.doc IN ({', '.join('?' * len(wanted))})", wanted
    sql = (f"SELECT a.doc, a.title, a.published, a.outlet, {', '.join(_COUNTS)} FROM articles a{where} "
           "ORDER BY a.published IS NULL, a.published DESC, a.n DESC")
    if limit is not None:
        sql += f" LIMIT {max(0, int(limit))}"
    if offset:
        sql += ("" if limit is not None else " LIMIT -1" if backend.dialect == "sqlite" else " LIMIT ALL") \
            + f" OFFSET {max(0, int(offset))}"
    out = []
    for row in backend.execute(sql, params):
        item = dict(zip(ARTICLE_KEYS, row[:4]))
        item["counts"] = {k: int(v) for k, v in zip(COUNT_KEYS, row[4:])}
        out.append(item)
    return out


def article_record(backend: Backend, doc: str) -> dict | None:
    """The stored analysis record of the article ``doc`` with its ``text`` (None when only the record was stored),
    or None when no article has that doc name."""
    rows = backend.execute("SELECT record, text FROM articles WHERE doc = ?", (doc,))
    if not rows:
        return None
    rec = json.loads(rows[0][0])
    rec["text"] = rows[0][1]
    return rec


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere (its ``%``, ``_`` and ``\\`` taken literally, with ``ESCAPE '\\'``).

    >>> _like("50%_a")
    '%50\\\\%\\\\_a%'
    """
    return "%" + value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def find_entities(backend: Backend, substring: str, type: str | None = None, limit: int | None = 50) -> list[dict]:
    """Entities whose id, English name or any surface form seen in an article contains ``substring``: id, name,
    type, wikidata.

    English compares case-insensitively; Arabic is folded like the store's names and search (:func:`fold`:
    diacritics, hamza and alef forms, taa marbuta… do not matter). The entity the whole ``substring`` names (an
    alias such as ``CSTO``, see :func:`resolve_entity`) comes first, the others by English name. ``type``
    (PERSON, ORG, COUNTRY, PLACE) keeps one type; an empty ``substring`` lists every entity (of that type).
    """
    text = (substring or "").strip()
    key, low = fold(text), text.lower()
    cond, params = [], []
    if text:
        match = ["lower(name) LIKE ? ESCAPE '\\'", "id LIKE ? ESCAPE '\\'"]
        params += [_like(low), _like(low.replace(" ", "-"))]
        if key:  # a query of diacritics only folds to nothing: it names no surface form
            match.append("id IN (SELECT entity FROM entity_names WHERE surface_key LIKE ? ESCAPE '\\')")
            params.append(_like(key))
        cond.append("(" + " OR ".join(match) + ")")
    if type:
        cond.append("type = ?")
        params.append(type)
    cap = None if limit is None else max(0, int(limit))
    sql = ("SELECT id, name, type, wikidata FROM entities" + (" WHERE " + " AND ".join(cond) if cond else "")
           + " ORDER BY name, id" + ("" if cap is None else f" LIMIT {cap}"))
    rows = backend.execute(sql, tuple(params))
    hit = resolve_entity(backend, text) if text else None
    if hit:
        first = [r for r in backend.execute("SELECT id, name, type, wikidata FROM entities WHERE id = ?", (hit,))
                 if not type or r[2] == type]
        rows = first + [r for r in rows if r[0] != hit]
    found = [dict(zip(("id", "name", "type", "wikidata"), r)) for r in rows]
    return found if cap is None else found[:cap]


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
