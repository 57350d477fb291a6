"""Article metadata from the text itself: headline, dateline date and the outlet's self-references.

``meta["outlet_ar"]`` is the outlet's name as the page writes it (mapping it to an English outlet name is the lexicon's
job); ``meta["outlet"]`` stays None unless metadata (JSON Lines, HTML) gives a non-Arabic name.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from marsad.ingest.chrome import DATELINE, REPEATED_DATELINE, REPEATED_HEADLINE, detect_chrome, split_lines
from marsad.ingest.dateline import find_date, parse_published
from marsad.ingest.rules import outlet_rules

_ARABIC = re.compile("[\u0600-\u06ff]")
_HEADLINE_END_BAD = (".", ":", "،", ",", "؛", ";", "-", "–", "—")
_QUOTES = "«»“”\"'„‟ "
TITLE_MAX_CHARS = 250
TITLE_MAX_WORDS = 30


class _OutletCues:
    """Compiled self-reference cues."""

    def __init__(self) -> None:
        data = outlet_rules()
        names = sorted(set(data["outlets"]), key=len, reverse=True)
        alternation = "|".join(re.escape(n) for n in names)
        self.agencies = {self._clean(a) for a in data["agencies"]}
        self.line_cues: list[tuple[int, re.Pattern[str]]] = []
        self.text_cues: list[tuple[int, re.Pattern[str]]] = []
        for cue in data["cues"]:
            rx = re.compile(cue["pattern"].replace("{OUTLETS}", alternation), re.MULTILINE)
            (self.line_cues if cue["scope"] == "line" else self.text_cues).append((cue["weight"], rx))
        told = data["told_to"]
        types = "|".join(re.escape(t) for t in told["type_words"])
        al_names = sorted({n[2:] for n in names if n.startswith("ال")}, key=len, reverse=True)
        self.told_weight: int = told["weight"]
        self.told_to = re.compile(
            rf"(?<!\w)(?:(?:لـ?|مع\s+)\s*[«\"“]?(?:(?:{types})\s+)?[«\"“]?(?P<name>{alternation})"
            rf"|لل(?P<al>{'|'.join(re.escape(n) for n in al_names)}))(?![\w.])"
        )

    @staticmethod
    def _clean(name: str) -> str:
        return " ".join(name.strip(_QUOTES).split())

    def find(self, text: str, removed: list[tuple[int, int, str]]) -> str | None:
        """The outlet name a page uses for itself: strongest cue first, then the earliest.

        Line cues (slogans, bylines) are tried on the page-chrome spans only: that is where a site names itself."""
        found: list[tuple[int, int, str]] = []
        for start, end, _ in removed:
            for weight, rx in self.line_cues:
                m = rx.search(text[start:end])
                if m:
                    found.append((-weight, start + m.start(), self._clean(m["name"])))
        for weight, rx in self.text_cues:
            for m in rx.finditer(text):
                found.append((-weight, m.start(), self._clean(m["name"])))
        if not found:
            for m in self.told_to.finditer(text):
                name = m["name"] or "ال" + m["al"]
                found.append((-self.told_weight, m.start(), self._clean(name)))
        found = [f for f in found if f[2] and f[2] not in self.agencies]
        return min(found)[2] if found else None


@lru_cache(maxsize=1)
def _cues() -> _OutletCues:
    return _OutletCues()


def find_outlet_ar(text: str, removed: list[tuple[int, int, str]] | None = None) -> str | None:
    """The outlet's Arabic name from self-references in ``text`` ("نشكركم على قراءة المنشور عبر X", "X متابعات",
    "الذي ترجمته «X»", "خاص - X", "قال لـX"), or None. ``removed``: the chrome spans (detected when not given)."""
    return _cues().find(text, detect_chrome(text) if removed is None else removed)


def find_title(text: str, removed: list[tuple[int, int, str]]) -> str | None:
    """The headline: the first non-chrome line when it is short, has no final period and is followed by a blank line,
    a chrome line or its own repeat; None when the article starts straight with body text."""
    chrome_lines = {(a, b) for a, b, _ in removed}
    repeats = {(a, b) for a, b, r in removed if r == REPEATED_HEADLINE}
    lines = split_lines(text)
    for i, line in enumerate(lines):
        if (line.start, line.end) in chrome_lines:
            continue
        if any(line.start <= a < line.end for a, _, _ in removed):
            return None  # a line carrying a byline or credit is body, not a headline
        candidate = line.text
        if len(candidate) > TITLE_MAX_CHARS or len(candidate.split()) > TITLE_MAX_WORDS:
            return None
        if candidate.endswith(_HEADLINE_END_BAD):
            return None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if line.blank_after or nxt is None or (nxt.start, nxt.end) in chrome_lines or (nxt.start, nxt.end) in repeats:
            return candidate
        return None
    return None


def find_published(text: str, removed: list[tuple[int, int, str]]) -> str | None:
    """The date of the first dateline line near the top (``YYYY-MM-DD``), or None."""
    for a, b, reason in removed:
        if reason in (DATELINE, REPEATED_DATELINE):
            iso = find_date(text[a:b])
            if iso:
                return iso
    return None


def build_meta(text: str, removed: list[tuple[int, int, str]], given: dict[str, Any] | None = None) -> dict[str, Any]:
    """Merge metadata given by the container (JSON Lines fields, HTML metadata) with what the text says.

    Given values win; an Arabic outlet name from metadata goes to ``outlet_ar`` (``outlet`` is for English names).
    """
    given = given or {}
    title = given.get("title")
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else find_title(text, removed)
    published = parse_published(given.get("published")) or find_published(text, removed)
    outlet = given.get("outlet")
    outlet = " ".join(outlet.split()) if isinstance(outlet, str) and outlet.strip() else None
    outlet_ar = None
    if outlet and _ARABIC.search(outlet):
        outlet_ar, outlet = outlet, None
    if outlet_ar is None:
        outlet_ar = find_outlet_ar(text, removed)
    url = given.get("url")
    return {
        "title": title,
        "published": published,
        "outlet": outlet,
        "outlet_ar": outlet_ar,
        "url": url if isinstance(url, str) and url.strip() else None,
    }
