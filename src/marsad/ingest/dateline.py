"""Dateline dates in Arabic news pages: "الخميس - 09 مايو 2024", "9 أيار/مايو 2024", "2024-05-09", "09/05/2024".

Self-contained on purpose (month and weekday names come from ``data/rules/chrome.json``); full date resolution lives in
``marsad.text.dates``. Only complete Gregorian dates (day, month, year 1900-2099) are returned.
"""

from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from marsad.ingest.rules import chrome_rules

_EASTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")
_TASHKEEL = re.compile("[\u064b-\u0652\u0640\u0670]")
_SEP = r"[\s\-–—،,|/\\.:()\[\]«»\"'“”]"


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


class _Patterns:
    """Compiled dateline regexes, built once from the rule file."""

    def __init__(self) -> None:
        rules = chrome_rules()
        self.months: dict[str, int] = {re.sub(r"\s+", " ", k): v for k, v in rules["months"].items()}
        months = _alternation(list(self.months))
        weekdays = _alternation(rules["weekdays"])
        words = _alternation(rules["dateline_words"])
        year = r"(?P<y>(?:19|20)\d\d)"
        self.named = re.compile(
            rf"(?<!\d)(?P<d>[0-3]?\d)\s*[-/.]?\s*(?:من\s+)?(?P<m>{months})(?!\w)"
            rf"(?:\s*[/(\-–]\s*(?:{months})\s*\)?)?\s*[,،\-/]?\s*{year}(?!\d)"
        )
        self.named_month_first = re.compile(rf"(?<!\w)(?P<m>{months})\s+(?P<d>[0-3]?\d)\s*[,،]\s*{year}(?!\d)")
        self.iso = re.compile(rf"(?<!\d){year}[-/.](?P<mo>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)")
        self.dmy = re.compile(rf"(?<!\d)(?P<d>[0-3]?\d)[-/.](?P<mo>[01]?\d)[-/.]{year}(?!\d)")
        token = rf"(?:{weekdays}|{months}|{words}|\d+(?::\d+)*|(?:19|20)\d\d|{_SEP}+)"
        self.whole_line = re.compile(rf"^(?:{token}\s*)+$")


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _clean(text: str) -> str:
    text = _TASHKEEL.sub("", text)
    return _EASTERN_DIGITS.sub(lambda m: str(int(m.group(0))), text) if _EASTERN_DIGITS.search(text) else text


def _iso(year: str, month: int, day: str) -> str | None:
    try:
        return _dt.date(int(year), month, int(day)).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first complete Gregorian date in ``text`` as ``YYYY-MM-DD``, or None."""
    pats = _patterns()
    s = re.sub(r"\s+", " ", _clean(text))
    found: list[tuple[int, str]] = []
    for rx in (pats.named, pats.named_month_first):
        m = rx.search(s)
        if m:
            month = pats.months.get(re.sub(r"\s+", " ", m["m"]))
            iso = _iso(m["y"], month, m["d"]) if month else None
            if iso:
                found.append((m.start(), iso))
    for rx in (pats.iso, pats.dmy):
        m = rx.search(s)
        if m:
            iso = _iso(m["y"], int(m["mo"]), m["d"])
            if iso:
                found.append((m.start(), iso))
    return min(found)[1] if found else None


def is_dateline(line: str) -> bool:
    """True when ``line`` is nothing but a date (with weekday, time, "نشر في"-style words): page chrome."""
    s = _clean(line).strip()
    if not s or len(s) > 120:
        return False
    return bool(_patterns().whole_line.match(s)) and find_date(s) is not None


def parse_published(value: object) -> str | None:
    """Normalise a metadata date (ISO string, "2024-05-09T10:00", Arabic dateline) to ``YYYY-MM-DD`` or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    return find_date(value)
