"""Sentence spans that respect lines, quotation marks and abbreviations.

Rules, in order: a line break always ends a sentence (headlines, datelines and list lines stand alone); inside a line a
terminator (. ! ? ؟) followed by a space ends one, unless it closes a known abbreviation, or stands inside a quotation
(« », “ ”, "…") that opened on the same line and closes within a reasonable distance.
"""
from __future__ import annotations

import re
from functools import lru_cache

from marsad.resources import load_json

MAX_QUOTE = 600  # a quotation open longer than this is taken as unbalanced and ignored


@lru_cache(maxsize=1)
def _rules():
    data = load_json("rules", "sentences.json")
    abbrev = {a.casefold() for a in data["abbreviations"]}
    term = "".join(re.escape(t) for t in data["terminators"])
    opens = data["quotes"]
    symmetric = set(data["symmetric_quotes"])
    closers = set(opens.values())
    quote_chars = "".join(re.escape(c) for c in set(opens) | closers | symmetric)
    return abbrev, re.compile(rf"[{term}]+(?=\s|$)"), opens, symmetric, closers, re.compile(f"[{quote_chars}]")


def _quoted_regions(line: str, base: int) -> list[tuple[int, int]]:
    """Spans (in text offsets) of balanced quotations inside one line."""
    _, _, opens, symmetric, closers, qre = _rules()
    regions = []
    stack: list[tuple[str, int]] = []
    for m in qre.finditer(line):
        c, p = m.group(), m.start()
        if stack and (c == opens.get(stack[-1][0]) or (c in symmetric and c == stack[-1][0])
                      or (c in closers and stack[-1][0] in symmetric)):
            o, op = stack.pop()
            if p - op <= MAX_QUOTE:
                regions.append((base + op, base + p + 1))
        elif c in opens or c in symmetric:
            stack.append((c, p))
    return regions


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace trimmed, empty lines skipped."""
    abbrev, term_re, *_ = _rules()
    out: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        base = pos
        pos += len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        quoted = _quoted_regions(body, base)
        start = base
        for m in term_re.finditer(body):
            end = base + m.end()
            if any(a < end - 1 < b - 1 for a, b in quoted):
                continue
            word = re.search(r"(\S+?)[.]$", body[: m.start() + 1])
            if m.group() == "." and word and word.group(1).casefold() in abbrev:
                continue
            if m.group().startswith("..") and m.end() < len(body):
                continue  # an ellipsis inside a line goes on
            out.append((start, end))
            start = end
        out.append((start, base + len(body)))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
