"""Entity profiles by Arabic or English name, events with filters, facts with all sources, timelines."""
from __future__ import annotations

import pytest

CSTO = "collective-security-treaty-organization"


@pytest.mark.parametrize("name, eid", [
    ("CSTO", CSTO),
    ("منظمة معاهدة الأمن الجماعي", CSTO),
    ("منظمة معاهدة الامن الجماعي", CSTO),
    ("Collective Security Treaty Organization", CSTO),
    ("بيلاروسيا", "belarus"),
    ("Belarus", "belarus"),
    ("روسيا", "russia"),
    ("لوكاشينكو", "alexander-lukashenko"),
])
def test_store_queries_resolve_names(seeded, name, eid):
    assert seeded.resolve(name) == eid


def test_store_queries_entity_profile(seeded):
    p = seeded.entity("CSTO")
    assert (p["id"], p["type"]) == (CSTO, "ORG")
    assert {"منظمة معاهدة الأمن الجماعي", "CSTO"} <= {n["name"] for n in p["names"]}
    assert len(p["articles"]) == 3
    armenia = next(f for f in p["facts"] if f["relation"] == "member" and f["object"] == "armenia")
    assert len({s["doc"] for s in armenia["sources"]}) == 3
    assert all(s["evidence"] and s["rule"] for s in armenia["sources"])
    assert any(ev["actor"] == "kazakhstan" for ev in p["events_as_recipient"])
    assert all(ev["actor"] == CSTO for ev in p["events_as_actor"])
    assert {"russia", "belarus", "armenia"} <= {c["id"] for c in p["cooccurring"]}
    assert any(c["id"] == "kazakhstan" and c["as"] == "actor" for c in p["interacting"])


def test_store_queries_unknown_entity(seeded):
    assert seeded.entity("غواصة") is None and seeded.timeline("nobody") == []


def test_store_queries_quotes_of_a_speaker(seeded):
    p = seeded.entity("نيكول باشينيان")
    assert p["id"] == "nikol-pashinyan"
    assert p["quotes"] and all(q["evidence"] and q["rule"].startswith("quote:") for q in p["quotes"])
    assert any(f["relation"] == "role" and f["value"] == "Prime Minister" for f in p["facts"])


def test_store_queries_events_filters(seeded):
    everything = seeded.events()
    assert len(everything) == seeded.stats()["events"]
    russia = seeded.events(actor="روسيا")
    assert russia and all(ev["actor"] == "russia" for ev in russia)
    assert seeded.events(actor="Russia") == russia
    mob = seeded.events(type="mobilize")
    assert mob and all(ev["type"] == "MOBILIZE" for ev in mob)
    dated = [ev for ev in everything if ev["day"]]
    assert dated
    cut = sorted(ev["day"] for ev in dated)[len(dated) // 2]
    assert all(ev["day"] >= cut for ev in seeded.events(since=cut))
    assert all(ev["day"][:len(cut)] <= cut for ev in seeded.events(until=cut))
    assert len(seeded.events(since=cut)) + len(seeded.events(until=cut)) >= len(dated)


def test_store_queries_events_day_falls_back_to_published(store, record):
    ev = {"type": "ASSAULT", "actor": "russia", "recipient": None, "location": None, "when": None,
          "status": "actual", "evidence": {"start": 0, "end": 3}}
    store.add_record(record("a.txt", [], published="2024-05-09", events=[ev]))
    store.add_record(record("b.txt", [], published="2023-01-02", events=[{**ev, "when": "2022-02"}]))
    assert [e["day"] for e in store.events()] == ["2022-02", "2024-05-09"]
    assert [e["doc"] for e in store.events(since="2023")] == ["a.txt"]
    assert [e["doc"] for e in store.events(until="2022")] == ["b.txt"]


def test_store_queries_timeline_is_ordered(seeded):
    items = seeded.timeline("CSTO")
    dates = [it["date"] for it in items if it["date"]]
    assert dates == sorted(dates) and "2002-10-07" in dates
    assert {it["kind"] for it in items} >= {"event", "fact"}


def test_store_queries_facts_aggregated(seeded):
    facts = seeded.facts("CSTO", "founded")
    by_value = {f["value"]: {s["doc"] for s in f["sources"]} for f in facts}
    assert by_value["2002"] == {"001_39e8465b9a1b5ccf.txt", "003_1198a405a9fc6f05.txt"}
