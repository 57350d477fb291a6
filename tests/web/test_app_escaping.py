"""Article text, titles, outlet and entity names are untrusted: every page and the CSV escape them."""
from __future__ import annotations

import html as htmllib

import pytest

SCRIPT = "<script>alert(1)</script>"
HOSTILE_DOC = "hostile_0001.txt"
PAGES = [f"/article/{HOSTILE_DOC}", "/entity/evil-corp", "/entity/russia", "/search?q=الشر",
         "/search?q=Evil", "/events", "/events?actor=evil-corp", "/conflicts", "/", f"/search?q={SCRIPT}"]


@pytest.mark.parametrize("path", PAGES)
def test_app_escaping_no_live_markup(client, payloads, path: str) -> None:
    body = client.get(path).text
    assert payloads["script"] not in body and payloads["img"] not in body and "<b>عريض</b>" not in body
    assert "<script>" not in body.replace('<script src="/static/marsad.js" defer></script>', "")


def test_app_escaping_article_shows_payload_as_text(client) -> None:
    body = client.get(f"/article/{HOSTILE_DOC}").text
    assert htmllib.escape(SCRIPT, quote=False) in body
    assert "&lt;b&gt;عريض&lt;/b&gt;" in body
    assert "Evil &lt;script&gt;alert(1)&lt;/script&gt; Corp" in body
    # the mention of the hostile entity is still a link, its text intact
    assert '<a class="m m-org" href="/entity/evil-corp"' in body and "شركة الشر</a>" in body


def test_app_escaping_json_keeps_raw_strings(client) -> None:
    data = client.get(f"/api/article/{HOSTILE_DOC}").json()
    assert SCRIPT in data["text"] and data["meta"]["title"].count("<script>") == 1


def test_app_escaping_search_echo(client) -> None:
    body = client.get("/search", params={"q": '"><svg onload=alert(3)>'}).text
    assert "<svg onload" not in body and "&#34;&gt;&lt;svg onload=alert(3)&gt;" in body
