"""Search over articles, entities and events, in Arabic or English, with type, actor and date filters."""
from __future__ import annotations

import pytest

ARABIC = [("منظمة معاهدة الأمن الجماعي", "collective-security-treaty-organization"),
          ("بيلاروسيا", "belarus"), ("روسيا", "russia")]


@pytest.mark.parametrize("q,entity", ARABIC)
def test_search_filters_arabic_query(client, q: str, entity: str) -> None:
    data = client.get("/api/search", params={"q": q}).json()
    assert data["articles"], q
    assert entity in [e["id"] for e in data["entities"]]
    assert data["events"] and all(entity in (e["actor"], e["recipient"]) for e in data["events"])


@pytest.mark.parametrize("q,entity", [("Belarus", "belarus"), ("CSTO", "collective-security-treaty-organization"),
                                      ("russia", "russia")])
def test_search_filters_english_query(client, q: str, entity: str) -> None:
    data = client.get("/api/search", params={"q": q}).json()
    assert data["articles"] and entity in [e["id"] for e in data["entities"]]


def test_search_filters_entity_type(client) -> None:
    data = client.get("/api/search", params={"q": "a", "kind": "entities", "etype": "PERSON"}).json()
    assert data["entities"] and {e["type"] for e in data["entities"]} == {"PERSON"}
    assert data["articles"] == [] and data["events"] == []


def test_search_filters_event_type_and_dates(client) -> None:
    data = client.get("/api/search", params={"q": "روسيا", "kind": "events", "type": "MOBILIZE"}).json()
    assert data["events"] and {e["type"] for e in data["events"]} == {"MOBILIZE"}
    dated = client.get("/api/search", params={"q": "روسيا", "date_from": "2024-01-01", "date_to": "2024-12-31"}).json()
    assert all((a["published"] or "")[:4] == "2024" for a in dated["articles"])


def test_search_filters_page_lists_sections(client) -> None:
    page = client.get("/search", params={"q": "بيلاروسيا"}).text
    for section in ('id="r-entities"', 'id="r-articles"', 'id="r-events"', 'href="/entity/belarus"'):
        assert section in page
    assert 'value="بيلاروسيا"' in page
