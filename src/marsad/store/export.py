"""Exports: records as JSON Lines, events as CSV (POLECAT/ACLED-like columns), the entity graph as GraphML and JSON-LD.

Example::

    with marsad.open("marsad.db") as store, open("graph.graphml", "w", encoding="utf-8") as out:
        store.export("graphml", out)
"""
from __future__ import annotations

import csv
import json
from typing import IO, TYPE_CHECKING
from xml.etree import ElementTree as ET

from marsad.store.queries import entity_names_map, list_events

if TYPE_CHECKING:
    from marsad.store.api import Store

CSV_COLUMNS = ("date", "actor", "recipient", "type", "mode", "location", "quantity", "quantity_unit", "status",
               "source", "article", "published", "evidence_text", "actor_id", "recipient_id", "location_id",
               "source_id", "rule")
SCHEMA_TYPES = {"PERSON": "Person", "ORG": "Organization", "COUNTRY": "Country", "PLACE": "Place"}
VOCAB = "urn:marsad:vocab#"


def export_jsonl(store: "Store", out: IO[str]) -> None:
    """One analysis record per line, with the article text under ``text`` when stored."""
    for rec in store.records(with_text=True):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


def export_csv(store: "Store", out: IO[str]) -> None:
    """The events table: one row per event, entity names (and ids) for actor, recipient, location and source."""
    events = list_events(store.backend)
    names = entity_names_map(store.backend, {ev[k] for ev in events for k in ("actor", "recipient", "location",
                                                                              "source") if ev[k]})
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for ev in events:
        name = lambda k: names.get(ev[k], "") if ev[k] else ""
        writer.writerow([ev["day"] or "", name("actor"), name("recipient"), ev["type"], ev["mode"] or "",
                         name("location"), "" if ev["quantity"] is None else ev["quantity"], ev["unit"] or "",
                         ev["status"] or "", name("source"), ev["doc"], ev["published"] or "",
                         " ".join((ev["evidence"] or "").split()), ev["actor"] or "", ev["recipient"] or "",
                         ev["location"] or "", ev["source"] or "", ev["rule"] or ""])


def graph_edges(store: "Store") -> tuple[list[tuple], list[tuple]]:
    """Event edges ``(actor, recipient, types, weight)`` and co-occurrence edges ``(a, b, articles)``."""
    events = store.backend.execute(
        "SELECT actor, recipient, type, COUNT(*) FROM events WHERE actor IS NOT NULL AND recipient IS NOT NULL "
        "AND actor <> recipient GROUP BY actor, recipient, type ORDER BY actor, recipient, type")
    merged: dict[tuple[str, str], list] = {}
    for a, r, t, k in events:
        item = merged.setdefault((a, r), [[], 0])
        item[0].append(t)
        item[1] += k
    co = store.backend.execute(
        "SELECT x.entity, y.entity, COUNT(*) FROM doc_entities x JOIN doc_entities y ON y.article = x.article "
        "AND x.entity < y.entity GROUP BY x.entity, y.entity ORDER BY x.entity, y.entity")
    return [(a, r, " ".join(t), k) for (a, r), (t, k) in merged.items()], co


def export_graphml(store: "Store", out: IO[str]) -> None:
    """Entities as nodes (name, type, wikidata, articles); events and co-occurrences as weighted edges."""
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    keys = [("name", "node", "string"), ("type", "node", "string"), ("wikidata", "node", "string"),
            ("articles", "node", "int"), ("kind", "edge", "string"), ("event_types", "edge", "string"),
            ("weight", "edge", "double")]
    for k, dom, typ in keys:
        ET.SubElement(root, "key", {"id": k, "for": dom, "attr.name": k, "attr.type": typ})
    graph = ET.SubElement(root, "graph", id="marsad", edgedefault="directed")
    nodes = store.backend.execute(
        "SELECT e.id, e.name, e.type, e.wikidata, COUNT(d.article) FROM entities e JOIN doc_entities d "
        "ON d.entity = e.id GROUP BY e.id, e.name, e.type, e.wikidata ORDER BY e.id")
    known = set()
    for eid, name, typ, qid, n in nodes:
        known.add(eid)
        node = ET.SubElement(graph, "node", id=eid)
        for k, v in (("name", name), ("type", typ), ("wikidata", qid), ("articles", n)):
            if v is not None:
                ET.SubElement(node, "data", key=k).text = str(v)
    events, co = graph_edges(store)
    rows = [(a, b, "event", types, k) for a, b, types, k in events] + [(a, b, "cooccurrence", None, k)
                                                                        for a, b, k in co]
    for i, (a, b, kind, types, k) in enumerate(rows):
        if a not in known or b not in known:
            continue
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=a, target=b)
        ET.SubElement(edge, "data", key="kind").text = kind
        if types:
            ET.SubElement(edge, "data", key="event_types").text = types
        ET.SubElement(edge, "data", key="weight").text = str(float(k))
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")


def export_jsonld(store: "Store", out: IO[str]) -> None:
    """Entities (schema.org types, ``sameAs`` Wikidata), articles (``NewsArticle`` with ``mentions``) and events."""
    context = {"@vocab": "https://schema.org/", "marsad": VOCAB, "wd": "http://www.wikidata.org/entity/",
               "mentions": {"@type": "@id"}, "agent": {"@type": "@id"}, "recipient": {"@type": "@id"},
               "location": {"@type": "@id"}, "isBasedOn": {"@type": "@id"}, "sameAs": {"@type": "@id"}}
    graph: list[dict] = []
    for eid, name, typ, qid in store.backend.execute("SELECT id, name, type, wikidata FROM entities ORDER BY id"):
        node = {"@id": f"urn:marsad:entity:{eid}", "@type": SCHEMA_TYPES.get(typ or "", "Thing"), "name": name,
                "identifier": eid}
        if qid:
            node["sameAs"] = f"wd:{qid}"
        graph.append(node)
    art_ents: dict[str, list[str]] = {}
    for doc, eid in store.backend.execute("SELECT a.doc, d.entity FROM doc_entities d JOIN articles a "
                                          "ON a.n = d.article ORDER BY a.doc, d.entity"):
        art_ents.setdefault(doc, []).append(f"urn:marsad:entity:{eid}")
    for doc, title, pub, outlet, aid in store.backend.execute(
            "SELECT doc, title, published, outlet, id FROM articles ORDER BY n"):
        graph.append({"@id": f"urn:marsad:article:{doc}", "@type": "NewsArticle", "name": title,
                      "datePublished": pub, "publisher": {"@type": "Organization", "name": outlet} if outlet else None,
                      "marsad:sha256": aid, "mentions": art_ents.get(doc, [])})
    ref = lambda x: f"urn:marsad:entity:{x}" if x else None
    for i, ev in enumerate(list_events(store.backend)):
        graph.append({"@id": f"urn:marsad:event:{ev['doc']}:{i}", "@type": "Event", "additionalType": ev["type"],
                      "agent": ref(ev["actor"]), "recipient": ref(ev["recipient"]), "location": ref(ev["location"]),
                      "startDate": ev["day"], "marsad:status": ev["status"], "marsad:mode": ev["mode"],
                      "marsad:quantity": ev["quantity"], "isBasedOn": f"urn:marsad:article:{ev['doc']}",
                      "description": ev["evidence"]})
    graph = [{k: v for k, v in node.items() if v is not None} for node in graph]
    json.dump({"@context": context, "@graph": graph}, out, ensure_ascii=False, indent=1)
    out.write("\n")


EXPORTERS = {"jsonl": export_jsonl, "csv": export_csv, "graphml": export_graphml, "jsonld": export_jsonld}
