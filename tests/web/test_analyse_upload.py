"""The Analyse page: paste or upload, size limit with a clear 413, stores only when the server allows writing."""
from __future__ import annotations

import shutil

import pytest
from starlette.testclient import TestClient

from marsad.web.app import create_app

SNIPPETS = [
    "تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية، في شهر أيلول / سبتمبر المقبل.",
    "أعلنت وزارة الدفاع التركية أن قواتها قصفت مواقع لحزب العمال الكردستاني في شمال العراق.",
]


@pytest.fixture()
def writable(store_path: str, tmp_path) -> TestClient:
    copy = tmp_path / "rw.db"
    shutil.copy(store_path, copy)
    with TestClient(create_app(str(copy), allow_write=True, max_upload=64 * 1024)) as c:
        yield c


@pytest.mark.parametrize("text", SNIPPETS)
def test_analyse_upload_paste_read_only(client, text: str) -> None:
    before = client.get("/api/home").json()["stats"]["articles"]
    r = client.post("/analyse", data={"text": text, "title": "عنوان", "published": "2024-05-09"})
    assert r.status_code == 200
    assert "Not stored: this server is read-only" in r.text
    assert '<div class="text" dir="rtl" lang="ar">' in r.text and 'class="m m-country"' in r.text
    assert client.get("/api/home").json()["stats"]["articles"] == before


@pytest.mark.parametrize("text", SNIPPETS)
def test_analyse_upload_stores_with_allow_write(writable: TestClient, text: str) -> None:
    r = writable.post("/api/analyse", files={"file": ("news.txt", text.encode("cp1256"), "text/plain")},
                      data={"published": "2024-05-09"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["stored"] == "added" and body["record"]["text"] == text
    doc = body["record"]["doc"]
    assert doc == "news.txt"
    page = writable.get(f"/article/{doc}")
    assert page.status_code == 200 and body["record"]["entities"][0]["name"] in page.text


def test_analyse_upload_too_large_is_413(writable: TestClient) -> None:
    big = ("قالت وزارة الدفاع الروسية إن قواتها انتشرت. " * 4000).encode("utf-8")  # ~ 180 KB > 64 KB limit
    r = writable.post("/analyse", files={"file": ("big.txt", big, "text/plain")})
    assert r.status_code == 413 and "too large" in r.text and "0.0625 MB" in r.text
    r = writable.post("/api/analyse", data={"text": big.decode("utf-8")})
    assert r.status_code == 413 and "too large" in r.json()["detail"]


def test_analyse_upload_just_under_limit_passes_size_check(writable: TestClient) -> None:
    text = "قالت وزارة الدفاع الروسية إن قواتها انتشرت. " * 780
    assert 60_000 < len(text.encode("utf-8")) < 64 * 1024  # URL-encoded, the body is about three times that
    r = writable.post("/api/analyse", data={"text": text})
    assert r.status_code == 200 and r.json()["stored"] == "added"


@pytest.mark.parametrize("data", [{"text": "   \n "}, {}])
def test_analyse_upload_empty_is_400(client, data: dict) -> None:
    r = client.post("/analyse", data=data)
    assert r.status_code == 400 and "Paste an article" in r.text


def test_analyse_upload_cross_origin_refused(writable: TestClient) -> None:
    r = writable.post("/api/analyse", data={"text": SNIPPETS[0]}, headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


def test_analyse_upload_form_escapes_payload(client) -> None:
    r = client.post("/analyse", data={"text": "قصفت <script>alert(1)</script> روسيا مواقع في سورية.",
                                      "title": "<img src=x onerror=alert(2)>"})
    assert r.status_code == 200
    assert "<script>alert(1)" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
