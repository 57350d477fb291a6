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
from collections.abc import Iterable
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


def _char_class(chars: Iterable[str]) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


class _Folder:
    """How :func:`normalize` folds a text with one table, in two steps that give the same result as one
    ``str.translate``:

    1. ``common``: the one-for-one replacements of letters, digits and punctuation that Arabic news is full of (ة, أ,
       ى, ، …), each applied with ``str.replace`` when ``in`` finds it — C-speed scans, no object per character;
    2. ``rest``: one regex pass, split with a capturing group, over every other character the table changes (removed
       marks and controls, expansions, capitals, presentation forms) — the pieces between them come back whole.

    A common replacement is never a character of the table, so step 2 never sees step 1's output as its input.
    """

    __slots__ = ("common", "rest", "rest_map")

    def __init__(self, table: dict[int, str]) -> None:
        common: list[tuple[str, str]] = []
        rest_map: dict[str, str] = {}
        for cp, d in table.items():
            if len(d) == 1 and _COMMON_LO <= cp < _COMMON_HI and not any(ord(x) in table for x in d):
                common.append((chr(cp), d))
            else:
                rest_map[chr(cp)] = d
        self.common = common
        self.rest_map = rest_map
        self.rest = re.compile("(" + _char_class(rest_map).pattern + ")") if rest_map else re.compile("(?!)")


#: code points folded one-for-one by ``str.replace`` (:class:`_Folder`): the Arabic block, Latin-1's NBSP and « »,
#: and general punctuation (quotes, dashes, thin spaces); capitals and presentation forms go through the regex
_COMMON_LO, _COMMON_HI = 0x00A0, 0x2060


@lru_cache(maxsize=8)
def _folder(maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> _Folder:
    return _Folder(build_table(maps, lower))


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


class OffsetCursor:
    """Original offsets of folded spans met in order of their starts: one forward merge over the offset map of a
    non-identity :class:`Normalized`, with no tuple per span (:func:`map_spans` and the tokenizer use it)."""

    __slots__ = ("text", "size", "nb", "ob", "st", "last", "j")

    def __init__(self, n: Normalized) -> None:
        assert n._n is not None and n._o is not None and n._step is not None
        self.text = n.text
        self.size = len(n.norm)
        self.nb: list[int] = n._n
        self.ob: list[int] = n._o
        self.st: list[int] = n._step
        self.last = len(n._n) - 1
        self.j = 0

    def start(self, s: int) -> int:
        """The original start of a folded span starting at ``s`` (not before the previous span's start)."""
        nb, j, last = self.nb, self.j, self.last
        while j < last and nb[j + 1] <= s:
            j += 1
        self.j = j
        return self.ob[j] + self.st[j] * (s - nb[j]) if s < self.size else len(self.text)

    def end(self, e: int) -> int:
        """The original end of a folded span ending at ``e`` (after :meth:`start` of its start), widened over marks
        that trail its last letter."""
        nb, k, last = self.nb, self.j, self.last
        x = e - 1
        while k < last and nb[k + 1] <= x:
            k += 1
        oe = self.ob[k] + self.st[k] * (x - nb[k]) + 1
        # a mark is always removed, so one can follow only where the next piece of the map starts right after x
        if k < last and nb[k + 1] == e:
            text = self.text
            while oe < len(text) and text[oe] in MARK_CHARS:
                oe += 1
        return oe


def map_spans(n: Normalized, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Original spans of many folded spans at once (``spans`` sorted by start): one merge over the offset map."""
    if n._n is None:
        return spans
    cur = OffsetCursor(n)
    out = []
    for s, e in spans:
        os_ = cur.start(s)
        out.append((os_, cur.end(e)))
    return out


def normalize(text: str, maps: tuple[str, ...] = DEFAULT_MAPS, lower: bool = True) -> Normalized:
    """Fold ``text`` for matching without losing the way back to it."""
    folder = _folder(maps, lower)
    folded = text
    for c, d in folder.common:
        if c in folded:
            folded = folded.replace(c, d)
    parts = folder.rest.split(folded)
    if len(parts) == 1:
        return Normalized(text, folded, None, None, None)
    rest_map = folder.rest_map
    out: list[str] = []
    n: list[int] = [0]
    o: list[int] = [0]
    step: list[int] = [1]
    p = 0  # position in text of parts[k]
    npos = 0  # folded position of the first character after the last removal or expansion
    last = 0  # text position of that character
    for k in range(0, len(parts) - 1, 2):
        out.append(parts[k])
        p += len(parts[k])
        rep = rest_map[parts[k + 1]]
        out.append(rep)
        if len(rep) != 1:
            npos += p - last  # identity run before p
            if rep:  # expansion: len(rep) folded chars all map to p
                n.append(npos)
                o.append(p)
                step.append(0)
                npos += len(rep)
            n.append(npos)
            o.append(p + 1)
            step.append(1)
            last = p + 1
        p += 1
    out.append(parts[-1])
    norm = "".join(out)
    if len(n) == 1:  # only one-for-one replacements
        return Normalized(text, norm, None, None, None)
    return Normalized(text, norm, n, o, step)


def positions_of(text: str, chars: Iterable[str]) -> list[int]:
    """Positions in ``text`` of any of ``chars``, in order: one C-speed ``in``/``find`` scan per character instead of a
    regex pass, which tests every character of the text."""
    out: list[int] = []
    for c in chars:
        if c in text:
            i = text.find(c)
            while i >= 0:
                out.append(i)
                i = text.find(c, i + 1)
    out.sort()
    return out


def fold(s: str, maps: tuple[str, ...] = DEFAULT_MAPS) -> str:
    """The folded form of a short string (a lexicon form, a query) — the same folding as :func:`normalize`."""
    return s.translate(build_table(maps, True))
