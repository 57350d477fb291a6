"""Tokens with character offsets, and their clitic analyses.

A token is a word, a number or one punctuation mark, with its span in the original text and its folded form. Clitics are not
cut off the token: :meth:`Token.analyses` lists the ways to read it as proclitic + stem + enclitic (وبيلاروسيا → و + بيلاروسيا,
قواتها → قوات + ها), each stem with its own span in the original text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.resources import load_json
from marsad.text.normalize import MARKS_RE, Normalized, fold, map_spans, normalize

TOKEN_RE = re.compile(
    r"(?P<num>\d+(?:[.,\u066b\u066c]\d+)*)"
    r"|(?P<word>[^\W\d_](?:[^\W\d_]|[\u0640\u064B-\u0652\u0670\u0610-\u061A\u200c\u200d])*)"
    r"|(?P<punct>\S)"
)
#: the same tokens on folded text, where marks, tatweel and joiners are gone and digit separators are ASCII
FOLDED_TOKEN_RE = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)|(?P<word>[^\W\d_]+)|(?P<punct>\S)")
ARABIC_LETTER_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a token: ``prefix + stem + suffix`` (folded), with the stem's span in the original text."""

    prefix: str
    stem: str
    suffix: str
    start: int
    end: int


@lru_cache(maxsize=1)
def clitics() -> tuple[tuple[str, ...], tuple[str, ...], int]:
    data = load_json("rules", "clitics.json")
    pro = tuple(sorted(data["proclitics"], key=len, reverse=True))
    enc = tuple(sorted(data["enclitics"], key=len, reverse=True))
    return pro, enc, int(data["min_stem"])


class Token:
    """A word, number or punctuation mark of the document."""

    __slots__ = ("i", "start", "end", "text", "norm", "kind", "_analyses")

    def __init__(self, i: int, start: int, end: int, text: str, kind: str, norm: str | None = None):
        self.i, self.start, self.end, self.text, self.kind = i, start, end, text, kind
        self.norm = fold(text) if norm is None else norm
        self._analyses: list[Analysis] | None = None

    def __repr__(self) -> str:
        return f"Token({self.i}, {self.text!r}, {self.start}:{self.end})"

    @property
    def is_arabic(self) -> bool:
        return self.kind == "word" and ARABIC_LETTER_RE.match(self.text) is not None

    def offset_of(self, k: int) -> int:
        """The offset in the original text of the token's k-th folded character (where a stem starts after a
        proclitic of k letters)."""
        if k == 0:
            return self.start
        if len(self.norm) == len(self.text):
            return self.start + k
        return self._orig_offsets()[k]

    def _orig_offsets(self) -> list[int]:
        """For each folded character of the token, its offset in the original text."""
        offs = []
        for k, c in enumerate(self.text):
            if fold(c):
                offs.extend([self.start + k] * len(fold(c)))
        return offs

    def analyses(self) -> list[Analysis]:
        """Every proclitic + stem + enclitic reading, the whole word first."""
        if self._analyses is not None:
            return self._analyses
        out = [Analysis("", self.norm, "", self.start, self.end)]
        if self.is_arabic:
            pro, enc, min_stem = clitics()
            w = self.norm
            offs: list[int] | None = None
            seen = {("", w, "")}
            for p in ("",) + pro:
                if not w.startswith(p):
                    continue
                for s in ("",) + enc:
                    if s and not w.endswith(s):
                        continue
                    stem = w[len(p):len(w) - len(s)]
                    if len(stem) < min_stem or (p, stem, s) in seen:
                        continue
                    seen.add((p, stem, s))
                    if offs is None:
                        offs = self._orig_offsets() if len(w) != len(self.text) else None
                    a, b = len(p), len(w) - len(s)
                    if offs is None:
                        st, en = self.start + a, self.start + b
                    else:
                        st, en = offs[a], offs[b - 1] + 1
                        while en < self.end and MARKS_RE.match(self.text, en - self.start):
                            en += 1
                    out.append(Analysis(p, stem, s, st, en))
        self._analyses = out
        return out


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into tokens with offsets (the text is not changed)."""
    return tokenize_normalized(normalize(text))


def tokenize_normalized(n: Normalized) -> list[Token]:
    """Tokens found on the folded text and mapped back to the original (one folding per document, not per token).

    The text is cut at whitespace first (``str.split``, as ``\\s`` does): a piece of letters only is one word, and only
    the other pieces (punctuation attached, digits) go through :data:`FOLDED_TOKEN_RE` — the same tokens as running it
    over the whole text, at a fraction of the cost on Arabic, where the regex tests each letter's Unicode class."""
    text, norm = n.text, n.norm
    forms: list[str] = []
    kinds: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for piece in norm.split():
        start = norm.find(piece, pos)
        pos = start + len(piece)
        if piece.isalpha():
            forms.append(piece)
            kinds.append("word")
            spans.append((start, pos))
            continue
        for m in FOLDED_TOKEN_RE.finditer(piece):
            forms.append(m.group())
            kinds.append(m.lastgroup or "")
            spans.append((start + m.start(), start + m.end()))
    if not n.identity:
        spans = map_spans(n, spans)
    return [Token(i, s, e, text[s:e], kinds[i], forms[i]) for i, (s, e) in enumerate(spans)]


QUOTE_CHARS = frozenset("\"'«»“”„‹›`")


def is_quote(s: str) -> bool:
    """A single quotation mark (folded or not)."""
    return len(s) == 1 and s in QUOTE_CHARS


def key_of(form: str) -> str:
    """The matching key of a surface form: folded, its words and punctuation separated by single spaces.

    Quotation marks are dropped, so that منظمة «معاهدة الأمن الجماعي» and منظمة معاهدة الأمن الجماعي have one key.
    """
    return " ".join(t.norm for t in tokenize(form) if not is_quote(t.norm))
