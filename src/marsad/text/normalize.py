"""Offset-preserving normalisation of Arabic text for matching.

The source text is never changed. :func:`normalize` returns a :class:`Normalized` that holds the original text, a folded copy
for matching (``norm``) and the map from every position of ``norm`` back to the original, so that anything found on the
folded copy comes back as a span of the original.

What is folded is data (``data/charmaps/*.json``); presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) are decomposed with the
Unicode database's compatibility mappings (NFKC), then folded like any other letter.
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import lru_cache

from marsad.resources import load_json

#: The charmaps the default matcher applies, in order.
DEFAULT_MAPS = ("remove", "fold_letters", "fold_digits", "fold_punct")


def load_charmap(name: str) -> dict[str, str]:
    """A charmap by name: ``{char: replacement}``; a removal map gives ``""`` for each of its characters."""
    raw = load_json("charmaps", f"{name}.json")
    if "ranges" in raw:
        out = {}
        for lo, hi in raw["ranges"]:
            for cp in range(int(lo, 16), int(hi, 16) + 1):
                out[chr(cp)] = ""
        return out
    return dict(raw["map"])


def _presentation_forms() -> dict[str, str]:
    out = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF)):
        for cp in range(lo, hi + 1):
            c = chr(cp)
            d = unicodedata.normalize("NFKC", c)
            if d != c and d.strip():
                out[c] = d
    return out


@lru_cache(maxsize=8)
def build_table(maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> dict[int, str]:
    """A ``str.translate`` table composing the named charmaps (later maps apply to earlier results)."""
    mapping: dict[str, str] = {}
    for c, d in _presentation_forms().items():
        mapping[c] = d
    if lower:
        for cp in range(ord("A"), ord("Z") + 1):
            mapping[chr(cp)] = chr(cp + 32)
    for name in maps:
        cm = load_charmap(name)
        # apply this map to replacements already recorded, then add its own characters
        for c, d in list(mapping.items()):
            mapping[c] = "".join(cm.get(x, x) for x in d)
        for c, d in cm.items():
            mapping.setdefault(c, d)
    return {ord(c): d for c, d in mapping.items() if d != c}


@lru_cache(maxsize=8)
def _special_re(maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> re.Pattern:
    """Characters whose replacement is not exactly one character (removed or expanded)."""
    table = build_table(maps, lower)
    return _char_class(chr(cp) for cp, d in table.items() if len(d) != 1)


def _char_class(chars: Iterable[str]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@lru_cache(maxsize=8)
def _changed_re(maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> tuple[re.Pattern, Callable[[re.Match], str]]:
    """Every character the table changes, and the replacement of a match: folding a whole article this way is about
    twice as fast as ``str.translate``, which looks up each code point in a dict (a new int object for every non-Latin
    character) while most characters stay as they are."""
    table = build_table(maps, lower)
    by_char = {chr(cp): d for cp, d in table.items()}
    get = by_char.__getitem__
    return _char_class(by_char), lambda m: get(m.group())


MARKS_RE = re.compile(r"[\u064B-\u0652\u0670\u0640\u0610-\u061A]")


class Normalized:
    """A folded copy of ``text`` with the map from folded positions back to original ones."""

    __slots__ = ("text", "norm", "_n", "_o", "_step")

    def __init__(self, text: str, norm: str, n: list[int] | None, o: list[int] | None, step: list[int] | None):
        self.text, self.norm = text, norm
        self._n, self._o, self._step = n, o, step

    @property
    def identity(self) -> bool:
        """True when every folded position is the same original position."""
        return self._n is None

    def to_orig(self, i: int) -> int:
        """The original position of folded position ``i`` (``len(norm)`` maps to ``len(text)``)."""
        if self._n is None:
            return i
        if i >= len(self.norm):
            return len(self.text)
        j = bisect_right(self._n, i) - 1
        assert self._o is not None and self._step is not None
        return self._o[j] + self._step[j] * (i - self._n[j])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of folded span ``[start, end)``, widened over marks that trail its last letter."""
        if self._n is None:
            s, e = start, end
        else:
            s = self.to_orig(start)
            e = self.to_orig(end - 1) + 1 if end > start else s
        text = self.text
        while e < len(text) and MARKS_RE.match(text, e):
            e += 1
        return s, e


MARK_CHARS = frozenset(chr(c) for c in list(range(0x064B, 0x0653)) + [0x0670, 0x0640] + list(range(0x0610, 0x061B)))


def map_spans(n: Normalized, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Original spans of many folded spans at once (``spans`` sorted by start): one merge over the offset map."""
    if n._n is None:
        return spans
    nb, ob, st = n._n, n._o, n._step
    assert ob is not None and st is not None
    text, last = n.text, len(nb) - 1
    size = len(n.norm)
    out = []
    j = 0
    for s, e in spans:
        while j < last and nb[j + 1] <= s:
            j += 1
        os_ = ob[j] + st[j] * (s - nb[j]) if s < size else len(text)
        k = j
        x = e - 1
        while k < last and nb[k + 1] <= x:
            k += 1
        oe = ob[k] + st[k] * (x - nb[k]) + 1
        while oe < len(text) and text[oe] in MARK_CHARS:
            oe += 1
        out.append((os_, oe))
    return out


def normalize(text: str, maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> Normalized:
    """Fold ``text`` for matching without losing the way back to it."""
    table = build_table(maps, lower)
    changed, replace = _changed_re(maps, lower)
    norm = changed.sub(replace, text)
    special = _special_re(maps, lower)
    if len(norm) == len(text) and not special.search(text):
        return Normalized(text, norm, None, None, None)
    n: list[int] = [0]
    o: list[int] = [0]
    step: list[int] = [1]
    npos = 0
    last = 0
    for m in special.finditer(text):
        p = m.start()
        npos += p - last  # identity run before p
        rep = table[ord(text[p])]
        if rep:  # expansion: len(rep) folded chars all map to p
            n.append(npos)
            o.append(p)
            step.append(0)
            npos += len(rep)
        n.append(npos)
        o.append(p + 1)
        step.append(1)
        last = p + 1
    return Normalized(text, norm, n, o, step)


def fold(s: str, maps: tuple[str, ...] = DEFAULT_MAPS) -> str:
    """The folded form of a short string (a lexicon form, a query) — the same folding as :func:`normalize`."""
    return s.translate(build_table(maps, True))
