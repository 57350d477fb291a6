"""The data behind each page, as JSON-ready dicts: the HTML page renders it, ``.json`` and ``/api/...`` return it."""
from __future__ import annotations

from typing import Any, Callable

from marsad.web.glosses import gloss_event, gloss_fact, ids_in, name_of
from marsad.web.network import neighbours
from marsad.web.storeview import ENTITY_TYPES, SEARCH_KINDS, EventFilter, StoreView, event_row

_ROLE_KEYS = ("actor", "recipient", "location", "source")
Names = Callable[[list[str]], dict[str, dict]]


def home_data(view: StoreView) -> dict[str, Any]:
    """Counts and the newest articles."""
    return {"stats": view.stats(), "articles": view.articles(limit=30)}


def _gloss_events(rows: list[dict], names: dict[str, dict]) -> list[dict]:
    for ev in rows:
        ev["gloss"] = gloss_event(ev, names)
    return rows


def search_data(view: StoreView, params: Any) -> dict[str, Any]:
    """Search results for ``q`` with ``kind`` (all/articles/entities/events), entity ``etype`` and event filters."""
    q = str(params.get("q") or "").strip()[:200]
    kind = params.get("kind") if params.get("kind") in SEARCH_KINDS else "all"
    etype = params.get("etype") if params.get("etype") in ENTITY_TYPES else ""
    flt = EventFilter.from_params(params)
    active = bool(q or flt.as_params() or etype)
    found = view.search(q, kind=kind, etype=etype, flt=flt) if active else {"articles": [], "entities": [],
                                                                           "events": []}
    _gloss_events(found["events"], view.names(ids_in(found["events"], _ROLE_KEYS)))
    return {"q": q, "kind": kind, "etype": etype, "filters": flt.as_params(), "searched": active, **found}


def record_data(rec: dict, names: Names) -> dict[str, Any]:
    """An analysis record (with ``text``) glossed for the article page; ``names`` looks up ids the record lacks."""
    known = {e["id"]: {"name": e["name"], "type": e["type"]} for e in rec.get("entities", [])}
    missing = [i for i in ids_in(rec.get("events", []), _ROLE_KEYS) + ids_in(rec.get("facts", []), ("subject", "object"))
               + ids_in(rec.get("quotes", []), ("speaker", "via")) if i not in known]
    known.update({k: v for k, v in names(missing).items() if k not in known})
    events = [{**ev, "key": f"ev-{i}", "gloss": gloss_event(ev, known)} for i, ev in enumerate(rec.get("events", []))]
    facts = [{**f, "key": f"f-{i}", "gloss": gloss_fact(f, known)} for i, f in enumerate(rec.get("facts", []))]
    quotes = [{**q, "key": f"q-{i}", "gloss": {"speaker": name_of(q.get("speaker"), known),
                                               "via": name_of(q.get("via"), known)}}
              for i, q in enumerate(rec.get("quotes", []))]
    return {"doc": rec["doc"], "meta": rec.get("meta", {}), "text": rec.get("text") or "",
            "entities": rec.get("entities", []), "events": events, "facts": facts, "quotes": quotes}


def article_data(view: StoreView, doc: str) -> dict[str, Any] | None:
    """The stored article's record and text, with English glosses of its events, facts and quotes."""
    rec = view.article(doc)
    return None if rec is None else record_data(rec, view.names)


def entity_data(view: StoreView, name: str) -> dict[str, Any] | None:
    """Names seen, type, Wikidata, facts with sources, events as actor and as recipient, quotes, neighbours."""
    prof = view.entity(name)
    if prof is None:
        return None
    eid = prof["id"]
    docs = {s["doc"] for f in prof["facts"] for s in f["sources"]} | {q["doc"] for q in prof["quotes"]}
    docs |= {e["doc"] for e in prof["events_as_actor"] + prof["events_as_recipient"]}
    titles = view.titles(docs)
    as_actor = [event_row(e, titles) for e in prof["events_as_actor"]]
    as_recipient = [event_row(e, titles) for e in prof["events_as_recipient"]]
    near = neighbours(eid, as_actor + as_recipient, prof["facts"])
    names = view.names(ids_in(as_actor + as_recipient, _ROLE_KEYS) + ids_in(prof["facts"], ("subject", "object"))
                       + ids_in(prof["quotes"], ("via",)) + [n["id"] for n in near])
    names[eid] = {"name": prof["name"], "type": prof.get("type")}
    _gloss_events(as_actor + as_recipient, names)
    facts = [{**f, "gloss": gloss_fact(f, names),
              "sources": [{**s, "title": titles.get(s["doc"])} for s in f["sources"]]} for f in prof["facts"]]
    quotes = [{**q, "title": titles.get(q["doc"]), "via_name": name_of(q.get("via"), names)} for q in prof["quotes"]]
    for n in near:
        n["name"] = name_of(n["id"], names)
    qid = prof.get("wikidata")
    return {"id": eid, "name": prof["name"], "type": prof.get("type"), "wikidata": qid,
            "wikidata_url": f"https://www.wikidata.org/wiki/{qid}" if qid else None,
            "names": prof.get("names", []), "articles": prof.get("articles", []), "facts": facts,
            "events_as_actor": as_actor, "events_as_recipient": as_recipient, "quotes": quotes,
            "neighbours": near, "cooccurring": prof.get("cooccurring", [])}


def conflicts_data(view: StoreView) -> dict[str, Any]:
    """Disputed facts with the articles behind each value (and their titles)."""
    items = view.conflicts()
    docs = {d for c in items for v in c.get("values", []) for d in v.get("docs", [])}
    for c in items:
        c["relation_en"] = gloss_fact({"relation": c.get("relation")}, {})["relation"]
    return {"conflicts": items, "titles": view.titles(docs)}


def events_data(view: StoreView, params: Any) -> dict[str, Any]:
    """The events table for the filters in ``params``."""
    flt = EventFilter.from_params(params)
    rows = view.events(flt)
    _gloss_events(rows, view.names(ids_in(rows, _ROLE_KEYS)))
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
