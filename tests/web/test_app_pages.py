"""Every page answers, is also JSON at .json and under /api/, and marks Arabic blocks RTL and glosses LTR."""
from __future__ import annotations

import re

import pytest

ARTICLE = "001_39e8465b9a1b5ccf.txt"
PAGES = [
    ("/", "/api/home"),
    ("/search?q=روسيا", "/api/search?q=روسيا"),
    ("/search?q=Belarus", "/api/search?q=Belarus"),
    (f"/article/{ARTICLE}", f"/api/article/{ARTICLE}"),
    ("/entity/russia", "/api/entity/russia"),
    ("/entity/belarus", "/api/entity/belarus"),
    ("/conflicts", "/api/conflicts"),
    ("/events?type=MOBILIZE", "/api/events?type=MOBILIZE"),
]


@pytest.mark.parametrize("page,api", PAGES)
def test_app_pages_html_and_json(client, page: str, api: str) -> None:
    html = client.get(page)
    assert html.status_code == 200, page
    assert html.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in html.headers["content-security-policy"]
    data = client.get(api)
    assert data.status_code == 200 and data.headers["content-type"].startswith("application/json")
    if page != "/":
        path, _, query = page.partition("?")
        twin = client.get(path + ".json" + ("?" + query if query else ""))
        assert twin.status_code == 200 and twin.json() == data.json()


def test_app_pages_article_rtl_and_glosses(client) -> None:
    html = client.get(f"/article/{ARTICLE}").text
    assert re.search(r'<div class="text" dir="rtl" lang="ar">', html)
    assert re.search(r'<h1 dir="rtl" lang="ar" class="title">هل تطلب روسيا', html)
    # mentions link to entity pages; the events list glosses in English, left to right
    assert '<a class="m m-country" href="/entity/russia"' in html
    assert '<aside class="side" dir="ltr" lang="en">' in html
    assert 'data-target="ev-0"' in html and 'data-ev="ev-0' in html
    assert 'dir="ltr" lang="en">Russia</a>' in html


def test_app_pages_article_json_record(client, seeds) -> None:
    data = client.get(f"/api/article/{ARTICLE}").json()
    text = data["text"]
    assert text == seeds[ARTICLE]
    russia = next(e for e in data["entities"] if e["id"] == "russia")
    assert russia["mentions"] and all("روس" in text[m["start"]:m["end"]] for m in russia["mentions"])
    assert all(ev["gloss"]["type"] for ev in data["events"])
    assert data["events"][0]["key"] == "ev-0"


@pytest.mark.parametrize("path", ["/article/no-such.txt", "/entity/no-such-entity"])
def test_app_pages_unknown_is_404(client, path: str) -> None:
    assert client.get(path).status_code == 404
    assert client.get(path + ".json").json()["detail"].startswith("No ")
    api = path.replace("/article/", "/api/article/").replace("/entity/", "/api/entity/")
    assert client.get(api).status_code == 404


def test_app_pages_entity_by_arabic_name_redirects(client) -> None:
    r = client.get("/entity/بيلاروسيا", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/entity/belarus"


def test_app_pages_openapi_and_offline_docs(client) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/search", "/api/article/{doc}", "/api/entity/{entity_id}", "/api/events", "/api/conflicts",
            "/api/analyse"} <= set(spec["paths"])
    page = client.get("/api").text
    assert "/api/events" in page and "cdn" not in page.lower()
    assert client.get("/docs", follow_redirects=False).headers["location"] == "/api"


def test_app_pages_static_assets_local(client) -> None:
    for path in ("/", f"/article/{ARTICLE}", "/entity/russia"):
        html = client.get(path).text
        for url in re.findall(r'(?:src|href)="([^"]+)"', html):
            assert not url.startswith(("http://", "https://", "//")) or "wikidata.org" in url, url
    assert client.get("/static/marsad.js").status_code == 200
    assert "Noto Naskh Arabic" in client.get("/static/style.css").text
