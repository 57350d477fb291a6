"""The events table: filters, CSV download with the same filters, spreadsheet-formula cells neutralised."""
from __future__ import annotations

import csv
import io

import pytest

from marsad.web.views import CSV_COLUMNS, csv_rows


@pytest.mark.parametrize("etype", ["MOBILIZE", "ASSAULT", "REQUEST"])
def test_events_csv_type_filter(client, etype: str) -> None:
    rows = client.get("/api/events", params={"type": etype}).json()["events"]
    assert rows and {r["type"] for r in rows} == {etype}
    got = list(csv.reader(io.StringIO(client.get("/events.csv", params={"type": etype}).content.decode("utf-8-sig"))))
    assert tuple(got[0]) == CSV_COLUMNS and len(got) == len(rows) + 1
    assert {r[1] for r in got[1:]} == {etype}


def test_events_csv_actor_by_arabic_name(client) -> None:
    by_id = client.get("/api/events", params={"actor": "russia"}).json()["events"]
    by_name = client.get("/api/events", params={"actor": "روسيا"}).json()["events"]
    assert by_id and by_id == by_name and all(e["actor"] == "russia" for e in by_id)


def test_events_csv_dates_and_status(client) -> None:
    rows = client.get("/api/events", params={"date_from": "2024-01", "date_to": "2024-02"}).json()["events"]
    assert rows and all("2024-01" <= r["day"][:7] <= "2024-02" for r in rows)
    planned = client.get("/api/events", params={"status": "planned"}).json()["events"]
    assert planned and all(r["status"] == "planned" for r in planned)


def test_events_csv_page_links_download(client) -> None:
    page = client.get("/events", params={"type": "ASSAULT"}).text
    assert 'href="/events.csv?type=ASSAULT"' in page and "<td>" in page


@pytest.mark.parametrize("value", ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"])
def test_events_csv_formula_cells_prefixed(value: str) -> None:
    rows = csv_rows([{"type": "ASSAULT", "evidence_text": value, "doc": "d.txt"}])
    assert rows[1][-1] == "'" + value
