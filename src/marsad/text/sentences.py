"""Sentence spans that respect lines, quotation marks and abbreviations.

Rules, in order: a line break always ends a sentence (headlines, datelines and list lines stand alone); inside a line a
terminator (. ! ? ؟) followed by a space ends one, unless it closes a known abbreviation, or stands inside a quotation
(« », “ ”, "…") that opened on the same line and closes within a reasonable distance.

The text is scanned whole (a C-level search for each terminator and quotation mark) rather than line by line: every line
break is whitespace, so a terminator's lookahead, the word before it and a quotation all stay inside their line anyway, and
sentence ends are just cut points merged with the line starts.
"""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from marsad.resources import load_json
from marsad.text.normalize import positions_of

MAX_QUOTE = 600  # a quotation open longer than this is taken as unbalanced and ignored


@lru_cache(maxsize=1)
def _rules():
    data = load_json("rules", "sentences.json")
    abbrev = frozenset(a.casefold() for a in data["abbreviations"])
    opens = data["quotes"]
    symmetric = set(data["symmetric_quotes"])
    closers = set(opens.values())
    # Case folding never shortens a word, so a word longer than the longest abbreviation can't be one: looking back
    # this many characters (one more than the longest) is enough to decide.
    lookback = max(map(len, abbrev), default=0) + 1
    terminators = "".join(sorted(set(data["terminators"])))
    quote_chars = "".join(sorted(set(opens) | closers | symmetric))
    return abbrev, lookback, terminators, opens, symmetric, closers, quote_chars


def _quoted_regions(text: str, line_starts: list[int]) -> list[tuple[int, int]]:
    """Spans of balanced quotations, each inside one line (``line_starts`` ends with ``len(text)``)."""
    *_, opens, symmetric, closers, quote_chars = _rules()
    regions = []
    stack: list[tuple[str, int]] = []
    line_end = -1
    for p in positions_of(text, quote_chars):
        c = text[p]
        if p >= line_end:  # a new line: a quotation never runs over a line break
            stack = []
            line_end = line_starts[bisect_right(line_starts, p)]
        if stack and (c == opens.get(stack[-1][0]) or (c in symmetric and c == stack[-1][0])
                      or (c in closers and stack[-1][0] in symmetric)):
            o, op = stack.pop()
            if p - op <= MAX_QUOTE:
                regions.append((op, p + 1))
        elif c in opens or c in symmetric:
            stack.append((c, p))
    return regions


def _quoted_positions(regions: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The positions strictly inside the quotation marks of ``regions``, as sorted disjoint ranges ``[lo, hi]``
    (given as two lists for :func:`bisect`): one lookup per terminator instead of a test of every region."""
    los: list[int] = []
    his: list[int] = []
    for a, b in sorted(regions):
        lo, hi = a + 1, b - 2  # a < x < b - 1
        if lo > hi:
            continue
        if his and lo <= his[-1] + 1:
            his[-1] = max(his[-1], hi)
        else:
            los.append(lo)
            his.append(hi)
    return los, his


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``, whitespace trimmed, empty lines skipped."""
    abbrev, lookback, terminators, *_ = _rules()
    # every line start is a cut, and len(text) closes the last line
    cuts = list(accumulate(map(len, text.splitlines(keepends=True)), initial=0))
    q_lo, q_hi = _quoted_positions(_quoted_regions(text, cuts))
    n = len(text)
    ends = []
    # runs of terminators followed by whitespace or the end of the text
    found = positions_of(text, terminators)
    k = 0
    while k < len(found):
        start = found[k]
        end = start + 1
        k += 1
        while k < len(found) and found[k] == end:
            end += 1
            k += 1
        if end < n and not text[end].isspace():
            continue
        if q_lo:
            q = bisect_right(q_lo, end - 1) - 1
            if q >= 0 and end - 1 <= q_hi[q]:
                continue  # inside a quotation
        run = text[start:end]
        if run == ".":
            # the word the period closes: the non-space run just before it (cut short past the lookback)
            before = text[max(0, end - 1 - lookback):end - 1]
            if before and not before[-1].isspace() and before.split()[-1].casefold() in abbrev:
                continue
        elif run.startswith("..") and end < n and text[end] not in "\r\n":
            continue  # an ellipsis inside a line goes on (only \r and \n are trimmed off a line's end)
        ends.append(end)
    if ends:
        cuts = sorted(cuts + ends)
    trimmed = []
    for s, e in zip(cuts, cuts[1:]):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed
