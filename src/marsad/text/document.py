"""The document model: the article text as published, and everything found in it as spans of that text.

``Document.text`` is exactly the input and is never changed. Sentences, tokens, numbers, dates, entity mentions, events,
facts and quotes all point into it with ``start``/``end`` code-point offsets; folded forms live beside the text.
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.text.normalize import Normalized, normalize
from marsad.text.tokenize import Token


@dataclass(slots=True, init=False)
class Span:
    """A stretch of the document's text with a label and free attributes."""

    start: int
    end: int
    label: str
    attrs: dict[str, Any]

    def __init__(self, start: int, end: int, label: str = "", attrs: dict[str, Any] | None = None) -> None:
        # written out: a dataclass's generated __init__ stays interpreted under mypyc
        self.start, self.end, self.label = start, end, label
        self.attrs = {} if attrs is None else attrs

    def text_of(self, doc: "Document") -> str:
        return doc.text[self.start:self.end]


@dataclass(init=False)
class Document:
    """One article: its text, metadata and the analysis layers built on it."""

    doc: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    removed: list[tuple[int, int, str]] = field(default_factory=list)  # page chrome: (start, end, reason)
    sentences: list[Span] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    numbers: list = field(default_factory=list)   # marsad.text.numbers.NumberSpan
    dates: list = field(default_factory=list)     # marsad.text.dates.DateSpan
    entities: list = field(default_factory=list)  # marsad.entities.model.Entity
    events: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)
    quotes: list[dict] = field(default_factory=list)
    _norm: Normalized | None = field(default=None, repr=False)
    _tok_starts: list[int] | None = field(default=None, repr=False)
    _sent_starts: list[int] | None = field(default=None, repr=False)
    _positions: tuple[list[Token], dict[str, list[int]]] | None = field(default=None, repr=False)

    def __init__(self, doc: str, text: str, meta: dict[str, Any] | None = None,
                 removed: list[tuple[int, int, str]] | None = None, sentences: list[Span] | None = None,
                 tokens: list[Token] | None = None, numbers: list | None = None, dates: list | None = None,
                 entities: list | None = None, events: list[dict] | None = None, facts: list[dict] | None = None,
                 quotes: list[dict] | None = None, _norm: Normalized | None = None,
                 _tok_starts: list[int] | None = None, _sent_starts: list[int] | None = None,
                 _positions: tuple[list[Token], dict[str, list[int]]] | None = None) -> None:
        # the dataclass's fields, written out: its generated __init__ stays interpreted under mypyc
        self.doc, self.text = doc, text
        self.meta = {} if meta is None else meta
        self.removed = [] if removed is None else removed
        self.sentences = [] if sentences is None else sentences
        self.tokens = [] if tokens is None else tokens
        self.numbers = [] if numbers is None else numbers
        self.dates = [] if dates is None else dates
        self.entities = [] if entities is None else entities
        self.events = [] if events is None else events
        self.facts = [] if facts is None else facts
        self.quotes = [] if quotes is None else quotes
        self._norm, self._tok_starts, self._sent_starts, self._positions = _norm, _tok_starts, _sent_starts, _positions

    @property
    def norm(self) -> Normalized:
        """The folded copy of the text with its offset map (computed once)."""
        if self._norm is None:
            self._norm = normalize(self.text)
        return self._norm

    # --- tokens by folded form -----------------------------------------------------------------------------
    def positions(self) -> dict[str, list[int]]:
        """Folded token form → the indices of the tokens that have it (built once per token list)."""
        if self._positions is None or self._positions[0] is not self.tokens:
            pos: dict[str, list[int]] = {}
            for i, t in enumerate(self.tokens):
                pos.setdefault(t.norm, []).append(i)
            self._positions = (self.tokens, pos)
        return self._positions[1]

    def tokens_in(self, forms: Collection[str]) -> list[int]:
        """Indices, in order, of the tokens whose folded form is one of ``forms`` (a set or dict of forms): one set
        intersection instead of a pass over every token, for the many cue lists that each look at a few tokens."""
        pos = self.positions()
        if isinstance(forms, dict):
            hits: Iterable[str] = pos.keys() & forms.keys()  # C-level, over the smaller of the two
        elif isinstance(forms, (set, frozenset)):
            hits = forms.intersection(pos)  # iterates the document's forms
        else:
            hits = [f for f in pos if f in forms]
        out = [i for f in hits for i in pos[f]]
        out.sort()
        return out

    # --- offsets back to tokens and sentences -------------------------------------------------------------
    def _starts(self) -> list[int]:
        """The tokens' start offsets (built once per token list)."""
        starts = self._tok_starts
        if starts is None or len(starts) != len(self.tokens):
            starts = self._tok_starts = [t.start for t in self.tokens]
        return starts

    def token_index(self, offset: int) -> int:
        """Index of the token that contains ``offset``, or of the first token after it."""
        i = first_above(self._starts(), offset) - 1
        if i >= 0 and self.tokens[i].end > offset:
            return i
        return i + 1

    def char_span(self, start: int, end: int, alignment_mode: str = "expand") -> tuple[int, int] | None:
        """Token range ``[i, j)`` covering ``[start, end)``.

        ``expand`` takes every token the span touches; ``strict`` returns None unless the span falls on token edges;
        ``contract`` keeps only tokens wholly inside it.
        """
        starts = self._starts()
        i = first_above(starts, start) - 1
        if not (i >= 0 and self.tokens[i].end > start):
            i += 1
        j = first_at_least(starts, end)
        if i >= j:
            return None
        if alignment_mode == "expand":
            return i, j
        toks = self.tokens
        if alignment_mode == "strict":
            return (i, j) if toks[i].start == start and toks[j - 1].end == end else None
        if alignment_mode == "contract":
            while i < j and toks[i].start < start:
                i += 1
            while j > i and toks[j - 1].end > end:
                j -= 1
            return (i, j) if i < j else None
        raise ValueError(f"unknown alignment_mode {alignment_mode!r}")

    def _sentence_starts(self) -> list[int]:
        """The sentences' start offsets (built once per sentence list)."""
        starts = self._sent_starts
        if starts is None or len(starts) != len(self.sentences):
            starts = self._sent_starts = [s.start for s in self.sentences]
        return starts

    def sentence_of(self, offset: int) -> Span | None:
        """The sentence containing ``offset``."""
        i = first_above(self._sentence_starts(), offset) - 1
        if i >= 0 and self.sentences[i].end > offset:
            return self.sentences[i]
        return None

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``."""
        return first_above(self._sentence_starts(), offset) - 1

    def in_chrome(self, start: int, end: int) -> bool:
        """True when ``[start, end)`` lies inside a page-chrome span."""
        return any(s <= start and end <= e for s, e, _ in self.removed)


def first_above(a: list[int], x: int) -> int:
    """Index of the first item of the sorted ``a`` above ``x``: ``bisect_right(a, x)``, natively (compiled: no boxed
    ``x``, no rich comparisons)."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo


def first_at_least(a: list[int], x: int) -> int:
    """Index of the first item of the sorted ``a`` at least ``x``: ``bisect_left(a, x)``, natively."""
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
