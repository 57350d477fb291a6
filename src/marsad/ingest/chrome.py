"""Page-chrome detection: the parts of a scraped page that are not the article (repeated headlines and datelines,
comment counters, "most read" blocks, share/follow lines, site slogans, photo credits, hosting-site bylines).

Chrome is *recorded*, never deleted: :func:`detect_chrome` returns ``(start, end, reason)`` spans into the unchanged text.
Patterns are data (``data/rules/chrome.json``); this module only applies them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.ingest.dateline import is_dateline
from marsad.ingest.rules import chrome_rules

_NEWLINE = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
# Whitespace and invisible direction/joiner marks at a line's edges (a str.strip set, so no ranges).
_EDGE = " \t\f\v\u00a0\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
_EMOJI_CLASS = "\U0001F000-\U0001FAFF\u2190-\u21FF\u2300-\u23FF\u25A0-\u25FF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200d\u20e3"
_EMOJI = re.compile(f"[{_EMOJI_CLASS}]")
_LEADING_EMOJI = re.compile(f"^[{_EMOJI_CLASS}]")
_EDGE_PUNCT = " \t.,:;،؛!?؟-–—_|/\\*•·«»\"'“”()[]{}<>›‹…#+=~"
_TASHKEEL = re.compile("[\u064b-\u0652\u0640\u0670]")
_SHORT_LINE = 250  # longer lines are paragraphs: only the inline rules (credit, byline) apply
_LONE_NUMBER = re.compile(r"^[(\[]?[0-9٠-٩]+[)\]]?$")
_SENTENCE_END = re.compile(r"[.!؟?…]$")
_FULL_STOP = re.compile(r"(?<!\.)\.$")  # a sentence's full stop, not an ellipsis
_CREDIT_BEFORE = re.compile(r"[.!؟?…:\"»”)]\s*$")

REPEATED_HEADLINE = "repeated headline"
REPEATED_DATELINE = "repeated dateline"
REPEATED_LINE = "repeated line"
DATELINE = "dateline"


def soften(line: str) -> str:
    """Line text without tashkeel, tatweel or emoji, spaces collapsed (hamza kept): what line regexes see."""
    line = _TASHKEEL.sub("", line)
    if _EMOJI.search(line):
        line = _EMOJI.sub("", line)
    return " ".join(line.split())


def key_of_soft(soft: str) -> str:
    """Comparison key of a softened line: alef/yeh forms unified, punctuation trimmed at both ends."""
    soft = soft.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا").replace("ى", "ي")
    return soft.strip(_EDGE_PUNCT)


def line_key(line: str) -> str:
    """Comparison key of a raw line (see :func:`soften` and :func:`key_of_soft`)."""
    return key_of_soft(soften(line))


@dataclass(frozen=True)
class _Line:
    start: int  # content start (edge whitespace excluded)
    end: int
    text: str
    blank_after: bool


@lru_cache(maxsize=8)
def split_lines(text: str) -> tuple[_Line, ...]:
    """Non-blank lines of ``text`` with their stripped content offsets and whether a blank line follows.

    Cached for the last few texts: chrome detection and metadata both walk the same lines."""
    raw: list[tuple[int, int]] = []
    pos = 0
    for m in _NEWLINE.finditer(text):
        raw.append((pos, m.start()))
        pos = m.end()
    raw.append((pos, len(text)))
    lines: list[_Line] = []
    for i, (a, b) in enumerate(raw):
        seg = text[a:b]
        stripped = seg.lstrip(_EDGE)
        start = a + len(seg) - len(stripped)
        stripped = stripped.rstrip(_EDGE)
        if not stripped.strip():
            continue
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        blank_after = nxt is not None and not text[nxt[0] : nxt[1]].strip()
        lines.append(_Line(start, start + len(stripped), stripped, blank_after))
    return tuple(lines)


def anchored_at_start(pattern: str) -> bool:
    """True when every match of ``pattern`` starts at the beginning of the string: it opens with ``^`` and has no
    ``|`` outside parentheses and character classes (``^a|b`` may match ``b`` anywhere)."""
    if not pattern.startswith("^"):
        return False
    depth, i, in_class = 0, 1, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("]", i + 1) or pattern.startswith("^]", i + 1):
                i += 2 if pattern[i + 1] == "]" else 3  # a leading ] is a literal inside the class
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


class LineRules:
    """Whole-line rules ``(pattern, reason)`` applied in order (case ignored): :meth:`first` gives the reason of the
    first rule whose pattern occurs in a line. The rules anchored at the line's start are tried as one alternation at
    position 0 only (one call instead of one search per rule); the others are searched for one by one."""

    def __init__(self, rules: list[tuple[str, str]]):
        self.reasons = [reason for _, reason in rules]
        anchored = [(i, p) for i, (p, _) in enumerate(rules) if anchored_at_start(p)]
        self.anchored = re.compile("|".join(f"(?P<r{i}>{p})" for i, p in anchored), re.IGNORECASE) if anchored else None
        self.searched = [(i, re.compile(p, re.IGNORECASE)) for i, (p, _) in enumerate(rules) if not anchored_at_start(p)]

    def first(self, line: str) -> str | None:
        m = self.anchored.match(line) if self.anchored is not None else None
        hit = int(m.lastgroup[1:]) if m is not None and m.lastgroup else len(self.reasons)
        for i, rx in self.searched:
            if i > hit:
                break
            if rx.search(line):
                return self.reasons[i]
        return self.reasons[hit] if hit < len(self.reasons) else None


class _Rules:
    """Compiled chrome rules."""

    def __init__(self) -> None:
        data = chrome_rules()
        self.limits: dict[str, int] = data["limits"]
        self.block_headers = {line_key(x) for x in data["block_headers"]}
        self.standalone = {line_key(x) for x in data["standalone_lines"]}
        self.line_rules = LineRules([(r["pattern"], r["reason"]) for r in data["line_rules"]])
        self.inline_rules = [(re.compile(r["pattern"]), r["reason"]) for r in data["inline_rules"]]
        credits = "|".join(re.escape(c).replace(r"\ ", r"\s*") for c in sorted(data["photo_credits"], key=len, reverse=True))
        prefixes = "|".join(re.escape(p) for p in data["credit_prefixes"])
        self.credit = re.compile(
            rf"\(\s*(?:(?P<prefix>{prefixes})\s*[:：]?\s*)?(?:{credits})(?:\s*[/،,\-–+]\s*(?P<more>{credits}))*\s*\)$"
        )


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    return _Rules()


def _classify(line: _Line, soft: str, key: str, rules: _Rules) -> str | None:
    """Reason when the whole line is chrome by a stateless rule, else None."""
    if key in rules.standalone:
        return "page control"
    reason = rules.line_rules.first(soft)
    if reason is not None:
        return reason
    if _LEADING_EMOJI.match(line.text) and not _SENTENCE_END.search(soft):
        if len(soft.split()) <= rules.limits["nav_max_words"]:
            return "emoji nav line"
    return None


def _inline(line: _Line, rules: _Rules) -> list[tuple[int, int, str]]:
    """Chrome parts of a body line: photo credit at its end, hosting-site dateline byline at its start."""
    spans: list[tuple[int, int, str]] = []
    text = line.text
    m = rules.credit.search(text)
    if m:
        before = text[: m.start()]
        if not before.strip() or _CREDIT_BEFORE.search(before) or m["prefix"] or m["more"]:
            spans.append((line.start + m.start(), line.start + m.end(), "photo credit"))
    for rx, reason in rules.inline_rules:
        m = rx.match(text)
        if m and m.end() < len(text):
            end = m.start() + len(m.group(0).rstrip())
            spans.append((line.start, line.start + end, reason))
            break
    return spans


def detect_chrome(text: str) -> list[tuple[int, int, str]]:
    """Page-chrome spans ``(start, end, reason)`` in ``text``, sorted and non-overlapping; ``text`` is not changed."""
    rules = _rules()
    lines = split_lines(text)
    reasons: list[str | None] = [None] * len(lines)
    extra: list[tuple[int, int, str]] = []
    top = rules.limits["top_lines"]
    seen_top: dict[str, bool] = {}
    block_from: int | None = None
    for i, line in enumerate(lines):
        if len(line.text) > _SHORT_LINE:  # a paragraph: only the inline rules apply
            if block_from is not None:
                _close_block(lines, reasons, block_from, i)
                block_from = None
            extra.extend(_inline(line, rules))
            continue
        soft = soften(line.text)
        key = key_of_soft(soft)
        dated = i < top and is_dateline(line.text)
        if i < top and key in seen_top:
            if seen_top[key]:
                reasons[i] = REPEATED_DATELINE
            else:
                reasons[i] = REPEATED_LINE if _FULL_STOP.search(soft) else REPEATED_HEADLINE
        elif dated:
            reasons[i] = DATELINE
        elif key in rules.block_headers:
            reasons[i] = "most-read/related block"
            block_from = i
            continue
        else:
            reasons[i] = _classify(line, soft, key, rules)
        if i < top and len(key) >= 4:
            seen_top.setdefault(key, dated)
        if reasons[i] is None and block_from is not None:
            if i - block_from <= rules.limits["block_max_lines"] and _block_member(line, soft, rules):
                reasons[i] = "related link"
                continue
            _close_block(lines, reasons, block_from, i)
            block_from = None
        if reasons[i] is None:
            extra.extend(_inline(line, rules))
    _mark_lone_numbers(lines, reasons, rules.limits["lone_number_max_digits"])
    spans = [(ln.start, ln.end, r) for ln, r in zip(lines, reasons) if r is not None]
    spans.extend(extra)
    spans.sort()
    return spans


def _block_member(line: _Line, soft: str, rules: _Rules) -> bool:
    """A short, non-sentence line that may be a link title inside a most-read/related block."""
    words = len(soft.split())
    return 0 < words <= rules.limits["block_max_words"] and not soft.endswith(".")


def _close_block(lines: tuple[_Line, ...], reasons: list[str | None], header: int, stop: int) -> None:
    """The article goes on after a block: keep only the first link line after the header as chrome ("اقرأ أيضا")."""
    members = [j for j in range(header + 1, stop) if reasons[j] == "related link"]
    for j in members[1:]:
        reasons[j] = None


def _mark_lone_numbers(lines: tuple[_Line, ...], reasons: list[str | None], max_digits: int) -> None:
    """A line that is only a small number is chrome (a counter) when a neighbouring line is chrome."""
    for i, line in enumerate(lines):
        if reasons[i] is not None or not _LONE_NUMBER.match(line.text) or len(line.text.strip("()[]")) > max_digits:
            continue
        prev_chrome = i > 0 and reasons[i - 1] is not None
        next_chrome = i + 1 < len(lines) and reasons[i + 1] is not None
        if prev_chrome or next_chrome:
            reasons[i] = "counter"
