"""The data behind each page, as JSON-ready dicts: the HTML page renders it, ``.json`` and ``/api/...`` return it."""
from __future__ import annotations

from typing import Any

from marsad.web.glosses import gloss_event, gloss_fact, ids_in, name_of
from marsad.web.network import neighbours
from marsad.web.source import ENTITY_TYPES, SEARCH_KINDS, EventFilter, WebSource

_ROLE_KEYS = ("actor", "recipient", "location", "source")


def home_data(src: WebSource) -> dict[str, Any]:
    """Counts and the newest articles."""
    return {"stats": src.stats(), "articles": src.articles(limit=20)}


def search_data(src: WebSource, params: Any) -> dict[str, Any]:
    """Search results for ``q`` with ``kind`` (all/articles/entities/events), entity ``etype`` and event filters."""
    q = str(params.get("q") or "").strip()[:200]
    kind = params.get("kind") if params.get("kind") in SEARCH_KINDS else "all"
    etype = params.get("etype") if params.get("etype") in ENTITY_TYPES else ""
    flt = EventFilter.from_params(params)
    found = src.search(q, kind=kind, etype=etype, flt=flt) if (q or flt.as_params() or etype) else \
        {"articles": [], "entities": [], "events": []}
    names = src.names(ids_in(found["events"], _ROLE_KEYS))
    for ev in found["events"]:
        ev["gloss"] = gloss_event(ev, names)
    return {"q": q, "kind": kind, "etype": etype, "filters": flt.as_params(), **found}


def article_data(src: WebSource, doc: str) -> dict[str, Any] | None:
    """The article's record and text, with English glosses of its events, facts and quotes."""
    rec = src.article(doc)
    if rec is None:
        return None
    names = {e["id"]: {"name": e["name"], "type": e["type"]} for e in rec.get("entities", [])}
    missing = [i for i in ids_in(rec.get("events", []), _ROLE_KEYS) + ids_in(rec.get("facts", []), ("subject", "object"))
               + ids_in(rec.get("quotes", []), ("speaker", "via")) if i not in names]
    names.update(src.names(missing))
    text = rec.get("text") or ""
    events = [{**ev, "key": f"ev-{i}", "gloss": gloss_event(ev, names)} for i, ev in enumerate(rec.get("events", []))]
    facts = [{**f, "key": f"f-{i}", "gloss": gloss_fact(f, names)} for i, f in enumerate(rec.get("facts", []))]
    quotes = [{**q, "key": f"q-{i}", "gloss": {"speaker": name_of(q.get("speaker"), names),
                                               "via": name_of(q.get("via"), names)}}
              for i, q in enumerate(rec.get("quotes", []))]
    return {"doc": rec["doc"], "meta": rec.get("meta", {}), "text": text, "entities": rec.get("entities", []),
            "events": events, "facts": facts, "quotes": quotes}


def entity_data(src: WebSource, entity_id: str) -> dict[str, Any] | None:
    """Names seen, type, Wikidata, facts with sources, events as actor and as recipient, quotes, neighbours."""
    ent = src.entity(entity_id)
    if ent is None:
        return None
    as_actor = src.events(EventFilter(actor=entity_id, limit=2000))
    as_recipient = src.events(EventFilter(recipient=entity_id, limit=2000))
    as_actor = [e for e in as_actor if e.get("actor") == entity_id]
    as_recipient = [e for e in as_recipient if e.get("recipient") == entity_id]
    facts = src.facts(entity_id)
    quotes = src.quotes(entity_id)
    near = neighbours(entity_id, as_actor + as_recipient, facts)
    ids = ids_in(as_actor + as_recipient, _ROLE_KEYS) + ids_in(facts, ("subject", "object")) + \
        ids_in(quotes, ("via",)) + [n["id"] for n in near]
    names = src.names(ids)
    names[ent["id"]] = {"name": ent["name"], "type": ent.get("type")}
    for ev in as_actor + as_recipient:
        ev["gloss"] = gloss_event(ev, names)
    for f in facts:
        f["gloss"] = gloss_fact(f, names)
    for q in quotes:
        q["gloss"] = {"speaker": ent["name"], "via": name_of(q.get("via"), names)}
    for n in near:
        n.update(names.get(n["id"]) or {"name": n["id"], "type": None})
    wikidata = ent.get("wikidata")
    return {**ent, "wikidata_url": f"https://www.wikidata.org/wiki/{wikidata}" if wikidata else None,
            "facts": facts, "events_as_actor": as_actor, "events_as_recipient": as_recipient, "quotes": quotes,
            "neighbours": near}


def conflicts_data(src: WebSource) -> dict[str, Any]:
    """Disputed facts with the articles behind each value, subjects named."""
    items = src.conflicts()
    subjects = [str(c.get("subject")) for c in items]
    names = src.names(subjects)
    docs = {d for c in items for v in c.get("values", []) for d in v.get("docs", [])}
    titles = {a["doc"]: a.get("title") for a in src.articles(limit=100000) if a["doc"] in docs}
    for c in items:
        c["subject_name"] = name_of(c.get("subject"), names)
        c["relation_en"] = gloss_fact({"relation": c.get("relation")}, {})["relation"]
    return {"conflicts": items, "titles": titles}


def events_data(src: WebSource, params: Any) -> dict[str, Any]:
    """The events table for the filters in ``params``."""
    flt = EventFilter.from_params(params)
    rows = src.events(flt)
    names = src.names(ids_in(rows, _ROLE_KEYS))
    for ev in rows:
        ev["gloss"] = gloss_event(ev, names)
    return {"filters": flt.as_params(), "count": len(rows), "events": rows}


CSV_COLUMNS = ("day", "type", "actor", "actor_name", "recipient", "recipient_name", "location", "location_name",
               "quantity", "unit", "status", "source", "doc", "evidence_text")


def csv_rows(rows: list[dict]) -> list[list[str]]:
    """The events table as CSV rows (header first); cells starting with = + - @ are prefixed with ' so spreadsheets
    do not run them as formulas."""
    def cell(v: Any) -> str:
        s = "" if v is None else str(v)
        return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s

    out = [list(CSV_COLUMNS)]
    for ev in rows:
        g = ev.get("gloss") or {}
        qty = ev.get("quantity") or {}
        out.append([cell(x) for x in (ev.get("day"), ev.get("type"), ev.get("actor"), g.get("actor"),
                                      ev.get("recipient"), g.get("recipient"), ev.get("location"), g.get("location"),
                                      qty.get("value"), qty.get("unit"), ev.get("status"), ev.get("source"),
                                      ev.get("doc"), ev.get("evidence_text"))])
    return out
