"""render_text: escaped fragments, mention links and evidence runs that never change the text."""
from __future__ import annotations

import html as htmllib
import re

import pytest

from marsad.web.highlight import Evidence, Mention, render_text

CASES = [
    ("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية.", [("بيلاروسيا", "belarus", "COUNTRY"), ("سورية", "syria", "COUNTRY")]),
    ("قال وزير الدفاع الروسي سيرجي شويغو إن الناتو يهدد الأمن.", [("الروسي", "russia", "COUNTRY"),
                                                              ("سيرجي شويغو", "sergei-shoigu", "PERSON")]),
    ("هاجمت <script>alert(1)</script> قوات & ميليشيا \"لواء القدس\" في حلب.", [("لواء القدس", "liwa-al-quds", "ORG"),
                                                                        ("حلب", "aleppo", "PLACE")]),
]


def _plain(html: str) -> str:
    return htmllib.unescape(re.sub(r"<[^>]+>", "", html))


@pytest.mark.parametrize("text,names", CASES)
def test_highlight_render_roundtrip(text: str, names: list[tuple[str, str, str]]) -> None:
    mentions = [Mention(text.index(s), text.index(s) + len(s), eid, t) for s, eid, t in names]
    half = len(text) // 2
    evidence = [Evidence(0, len(text), "ev-0"), Evidence(half - 3, half + 3, "q-0")]  # overlapping, crossing mentions
    out = str(render_text(text, mentions, evidence))
    assert _plain(out) == text
    for s, eid, _ in names:
        assert f'href="/entity/{eid}"' in out
    assert out.count("<span") == out.count("</span>") and out.count("<a ") == out.count("</a>")
    assert "<script>" not in out


def test_highlight_render_overlapping_mentions_longest_wins() -> None:
    text = "منظمة معاهدة الأمن الجماعي"
    out = str(render_text(text, [Mention(0, len(text), "csto", "ORG"), Mention(6, 12, "treaty", "ORG")]))
    assert out.count("<a ") == 1 and 'href="/entity/csto"' in out


def test_highlight_render_ids_are_url_escaped() -> None:
    out = str(render_text("روسيا", [Mention(0, 5, 'x"><script>', "COUNTRY")]))
    assert "<script>" not in out and 'href="/entity/x%22%3E%3Cscript%3E"' in out


def test_highlight_render_out_of_range_spans_are_clipped() -> None:
    text = "سورية"
    out = str(render_text(text, [Mention(3, 99, "syria", "COUNTRY")], [Evidence(-5, 2, "ev-0")]))
    assert _plain(out) == text
