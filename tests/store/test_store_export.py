"""Exports: JSON Lines round trip, events CSV, GraphML read back with networkx, JSON-LD."""
from __future__ import annotations

import csv
import io
import json

import pytest

from marsad.store.export import CSV_COLUMNS


def export(store, fmt) -> str:
    out = io.StringIO()
    store.export(fmt, out)
    return out.getvalue()


def test_store_export_jsonl_round_trip(seeded, seed_items, db_url, tmp_path):
    lines = export(seeded, "jsonl").splitlines()
    recs = [json.loads(line) for line in lines]
    assert [r["doc"] for r in recs] == [r["doc"] for r, _, _ in seed_items]
    assert recs[0]["entities"] == seed_items[0][0]["entities"] and recs[0]["text"] == seed_items[0][1]
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    from marsad.store import Store

    with Store(str(tmp_path / "copy.db")) as copy:
        report = copy.ingest_jsonl(str(path))
        assert report.added == 5
        assert copy.stats() == seeded.stats()
        assert {h["doc"] for h in copy.search("CSTO")} == {h["doc"] for h in seeded.search("CSTO")}


def test_store_export_csv_events(seeded):
    rows = list(csv.DictReader(io.StringIO(export(seeded, "csv"))))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == seeded.stats()["events"]
    kaz = [r for r in rows if r["actor"] == "Kazakhstan" and r["type"] == "REQUEST"]
    assert kaz and kaz[0]["recipient"] == "Collective Security Treaty Organization"
    assert kaz[0]["article"] == "003_1198a405a9fc6f05.txt" and kaz[0]["evidence_text"]
    assert any(r["quantity"] and r["quantity_unit"] for r in rows)
    assert all("\n" not in r["evidence_text"] for r in rows)


def test_store_export_graphml_parses_with_networkx(seeded):
    nx = pytest.importorskip("networkx")
    g = nx.read_graphml(io.BytesIO(export(seeded, "graphml").encode("utf-8")))
    assert g.nodes["belarus"]["name"] == "Belarus" and g.nodes["belarus"]["wikidata"] == "Q184"
    assert g.nodes["collective-security-treaty-organization"]["type"] == "ORG"
    assert g.nodes["belarus"]["articles"] >= 3
    kinds = {d["kind"] for _, _, d in g.edges(data=True)}
    assert kinds == {"event", "cooccurrence"}
    ev = [d for u, v, d in g.edges(data=True) if (u, v) == ("kazakhstan", "collective-security-treaty-organization")
          and d["kind"] == "event"]
    assert ev and "REQUEST" in ev[0]["event_types"] and ev[0]["weight"] >= 1
    co = [d["weight"] for u, v, d in g.edges(data=True) if {u, v} == {"belarus", "russia"}
          and d["kind"] == "cooccurrence"]
    assert co and co[0] >= 3


def test_store_export_jsonld(seeded):
    doc = json.loads(export(seeded, "jsonld"))
    assert doc["@context"]["@vocab"] == "https://schema.org/"
    by_id = {n["@id"]: n for n in doc["@graph"]}
    belarus = by_id["urn:marsad:entity:belarus"]
    assert belarus["@type"] == "Country" and belarus["sameAs"] == "wd:Q184"
    art = by_id["urn:marsad:article:003_1198a405a9fc6f05.txt"]
    assert art["@type"] == "NewsArticle" and "urn:marsad:entity:kazakhstan" in art["mentions"]
    events = [n for n in doc["@graph"] if n["@type"] == "Event"]
    assert len(events) == seeded.stats()["events"] and all(e["isBasedOn"] in by_id for e in events)
