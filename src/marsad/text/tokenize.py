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
from marsad.text.normalize import MARKS_RE, Normalized, OffsetCursor, fold, normalize

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


#: ASCII punctuation: after folding, the marks that stick to Arabic words (، → , ؟ → ? “ ” « » → ")
_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~")


def tokenize_normalized(n: Normalized) -> list[Token]:
    """Tokens found on the folded text and mapped back to the original (one folding per document, not per token).

    The folded text is cut at spaces (``str.split(" ")``, whose pieces give their own offsets): a piece of letters
    only is one word; a piece of letters between ASCII punctuation marks is those marks and one word; only the other
    pieces (digits, other whitespace, anything else) go through :data:`FOLDED_TOKEN_RE` — the same tokens as running
    it over the whole text, at a fraction of the cost on Arabic, where the regex tests each letter's Unicode class."""
    out = _Tokens(n)
    pos = 0
    for piece in n.norm.split(" "):
        start = pos
        size = len(piece)
        pos += size + 1
        if not size:
            continue
        if piece.isalpha():
            out.add(start, start + size, "word", piece)
            continue
        i, j = 0, size
        while i < j and piece[i] in _PUNCT:
            i += 1
        while j > i and piece[j - 1] in _PUNCT:
            j -= 1
        if i < j and piece[i:j].isalpha():
            for k in range(i):
                out.add(start + k, start + k + 1, "punct", piece[k])
            out.add(start + i, start + j, "word", piece[i:j])
            for k in range(j, size):
                out.add(start + k, start + k + 1, "punct", piece[k])
            continue
        for m in FOLDED_TOKEN_RE.finditer(piece):
            out.add(start + m.start(), start + m.end(), m.lastgroup or "", m.group())
    return out.tokens


class _Tokens:
    """The tokens of one text as they are found, in order: folded spans mapped back to the original text."""

    __slots__ = ("text", "cursor", "tokens")

    def __init__(self, n: Normalized) -> None:
        self.text = n.text
        self.cursor = None if n.identity else OffsetCursor(n)
        self.tokens: list[Token] = []

    def add(self, s: int, e: int, kind: str, form: str) -> None:
        """Add the token of folded span ``[s, e)``."""
        cur = self.cursor
        if cur is not None:
            s = cur.start(s)
            e = cur.end(e)
        toks = self.tokens
        toks.append(Token(len(toks), s, e, self.text[s:e], kind, form))


QUOTE_CHARS = frozenset("\"'«»“”„‹›`")


def is_quote(s: str) -> bool:
    """A single quotation mark (folded or not)."""
    return len(s) == 1 and s in QUOTE_CHARS


def key_of(form: str) -> str:
    """The matching key of a surface form: folded, its words and punctuation separated by single spaces.

    Quotation marks are dropped, so that منظمة «معاهدة الأمن الجماعي» and منظمة معاهدة الأمن الجماعي have one key.
    """
    return " ".join(t.norm for t in tokenize(form) if not is_quote(t.norm))
