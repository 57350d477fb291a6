"""The entity page: names seen, type, Wikidata link, facts with sources, timelines, quotes, network SVG."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("eid,name,form", [("belarus", "Belarus", "بيلاروسيا"), ("russia", "Russia", "روسيا"),
                                           ("collective-security-treaty-organization",
                                            "Collective Security Treaty Organization", "منظمة معاهدة الأمن الجماعي")])
def test_entity_page_profile(client, eid: str, name: str, form: str) -> None:
    data = client.get(f"/api/entity/{eid}").json()
    assert data["name"] == name and form in [n["name"] for n in data["names"]]
    page = client.get(f"/entity/{eid}").text
    assert f'<li><span dir="rtl" lang="ar">{form}</span>' in page
    assert '<svg class="network"' in page
    for n in data["neighbours"]:
        assert f'href="/entity/{n["id"]}"' in page


def test_entity_page_wikidata_and_timeline(client) -> None:
    data = client.get("/api/entity/russia").json()
    assert data["wikidata_url"] == "https://www.wikidata.org/wiki/Q159"
    assert data["events_as_actor"] and all(e["actor"] == "russia" for e in data["events_as_actor"])
    assert data["events_as_recipient"] and all(e["recipient"] == "russia" for e in data["events_as_recipient"])
    assert "Timeline: as actor" in client.get("/entity/russia").text


def test_entity_page_facts_have_sources(client) -> None:
    data = client.get("/api/entity/collective-security-treaty-organization").json()
    members = [f for f in data["facts"] if f["relation"] == "member"]
    assert members and all(s["doc"] and s["evidence"] for f in members for s in f["sources"])
    page = client.get("/entity/collective-security-treaty-organization").text
    assert "has member" in page and "source:" in page


def test_entity_page_conflicts_link_articles(client) -> None:
    data = client.get("/api/conflicts").json()
    assert data["conflicts"]
    page = client.get("/conflicts").text
    for c in data["conflicts"]:
        for v in c["values"]:
            for d in v["docs"]:
                assert f'href="/article/{d}"' in page
