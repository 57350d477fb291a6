"""A sentence as the event, fact and quote rules see it: tokens, the entity mentioned at each token, and cue look-ups.

Cue lists (``data/rules/event_cues.json``) are folded once; a cue may be several words and matches a token run whose first
token may carry a proclitic (وقال, ووفق, وبحسب).
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

from marsad.entities.model import Entity
from marsad.lexicon.load import key_of
from marsad.resources import load_json
from marsad.text.clitics import PROCLITICS_FOR_CUES, CliticIndex, CueBank, Memo
from marsad.text.document import Document, Span
from marsad.text.tokenize import Token

CLAUSE_BREAKS = frozenset({",", "،", ";", "؛", ":", ".", "?", "؟", "!", "(", ")", "-", "–", "—"})
COMMAS = frozenset({",", "،", ";", "؛"})


@lru_cache(maxsize=1)
def cue_bank() -> CueBank:
    """Every cue list of ``event_cues.json`` and ``facts.json`` (titles included), scanned once per document."""
    sets: dict[str, list[str]] = {}
    for name in ("event_cues.json", "facts.json"):
        for k, v in load_json("rules", name).items():
            if isinstance(v, list) and all(isinstance(x, str) for x in v):
                sets[k] = v
    sets["titles"] = list(load_json("rules", "facts.json")["titles"])
    return CueBank(sets)


def _heads_named(toks: list[Token], m, heads: frozenset[str]) -> frozenset[str]:
    """The generic heads an organisation's mention answers to: its name begins with one (منظمة …), or one stands
    right before it («ميليشيا "لواء القدس"»)."""
    j = m.t0 - 1
    while j >= 0 and toks[j].norm in ('"', "'"):
        j -= 1
    return _HEADS_NAMED[(toks[j].norm if j >= 0 else None, toks[m.t0].norm, heads)]


def _stems(norm: str) -> list[str]:
    return [a.stem for a in Token(0, 0, len(norm), norm, "word", norm).analyses()]


def _heads_of_forms(key: tuple[str | None, str, frozenset[str]]) -> frozenset[str]:
    before_form, first_form, heads = key
    before = set(_stems(before_form)) if before_form is not None else set()
    first = _stems(first_form)
    return frozenset(h for h in heads if h in before or any(f.startswith(h) for f in first))


#: the answer depends on the two word forms only, and organisation names recur: remembered
_HEADS_NAMED = Memo(_heads_of_forms)


@lru_cache(maxsize=1)
def anaphor_heads() -> frozenset[str]:
    return frozenset(v for vals in anaphor_index().surface.values() for _, _, v in vals)


@lru_cache(maxsize=1)
def anaphor_index() -> CliticIndex[str]:
    """Generic heads that refer back to a named organisation (المنظمة، الحلف …), by their stem without ال."""
    words = load_json("rules", "facts.json")["org_anaphors"]
    stems = {key_of(w).split()[-1][2:] for w in words if key_of(w).split()[-1].startswith("ال")}
    return CliticIndex(((s, s) for s in stems), suffixes=())


@dataclass
class MentionAt:
    entity: Entity
    start: int   # char offsets
    end: int
    t0: int      # token range
    t1: int
    rule: str


@dataclass
class DocView:
    """The document's tokens with the entity mention (if any) at each token."""

    doc: Document
    mentions: list[MentionAt] = field(default_factory=list)
    at_token: dict[int, MentionAt] = field(default_factory=dict)
    starts: list[int] = field(default_factory=list)
    cue_hits: dict[str, list[tuple[int, int, str]]] = field(default_factory=dict)
    cue_starts: dict[str, list[int]] = field(default_factory=dict)
    unit_sizes: dict[str, int] = field(default_factory=dict)  # «كل كتيبة … من 300 عنصر» → {"كتيبة": 300}

    @classmethod
    def of(cls, doc: Document) -> "DocView":
        v = cls(doc)
        for e in doc.entities:
            for m in e.mentions:
                rng = doc.char_span(m.start, m.end)
                if rng is None:
                    continue
                ma = MentionAt(e, m.start, m.end, rng[0], rng[1], m.rule)
                v.mentions.append(ma)
                for t in range(rng[0], rng[1]):
                    v.at_token[t] = ma
        bank = cue_bank()
        v.cue_hits = bank.scan(doc.tokens, doc.tokens_in(bank.readings))
        v.cue_starts = {k: [h[0] for h in hits] for k, hits in v.cue_hits.items()}
        v._add_anaphors()
        v.mentions.sort(key=lambda m: m.t0)
        v.starts = [m.t0 for m in v.mentions]
        return v

    def _add_anaphors(self) -> None:
        """A generic noun that points back to a named organisation (المنظمة after منظمة معاهدة الأمن الجماعي, الحلف
        after حلف شمال الأطلسي) stands for it in events and facts. It is not a mention of the entity in the record."""
        toks = self.doc.tokens
        orgs = sorted((m for m in self.mentions if m.entity.type == "ORG"), key=lambda m: m.t0)
        if not orgs:
            return
        heads = anaphor_index()
        all_heads = anaphor_heads()
        named = [(m, _heads_named(toks, m, all_heads)) for m in orgs]
        counts: dict[tuple[str, str], int] = {}
        latest: dict[tuple[str, str], MentionAt] = {}
        k = 0
        for i in self.doc.tokens_in(heads.surface):
            t = toks[i]
            while k < len(named) and named[k][0].t0 < i:  # organisations named before token i, counted per head
                m, hs = named[k]
                for h in hs:
                    counts[(h, m.entity.id)] = counts.get((h, m.entity.id), 0) + 1
                    latest[(h, m.entity.id)] = m
                k += 1
            if i in self.at_token:
                continue
            head = next((h.value for h in heads.lookup(t.norm) if "ال" in h.prefix), None)
            cands = [key for key in counts if key[0] == head]
            if head is None or not cands:
                continue
            ante = latest[max(cands, key=lambda key: (counts[key], latest[key].t0))]
            ma = MentionAt(ante.entity, t.start, t.end, i, i + 1, "coref:anaphor")
            self.mentions.append(ma)
            self.at_token[i] = ma

    def cues(self, name: str, lo: int, hi: int, prefixes=PROCLITICS_FOR_CUES) -> list[tuple[int, int]]:
        """Occurrences ``(i, n)`` of the cue set ``name`` starting in tokens ``[lo, hi)``."""
        starts = self.cue_starts[name]
        first = bisect_left(starts, lo)
        if first == len(starts) or starts[first] >= hi:
            return []  # the usual answer: most cue lists are absent from most sentences
        hits = self.cue_hits[name]
        out = []
        for k in range(first, len(starts)):
            i, n, p = hits[k]
            if i >= hi:
                break
            if p in prefixes:
                out.append((i, n))
        return out

    def cue_at(self, name: str, i: int, prefixes=PROCLITICS_FOR_CUES) -> int:
        """Length of the cue of set ``name`` starting at token ``i``, or 0."""
        hits = self.cues(name, i, i + 1, prefixes)
        return hits[0][1] if hits else 0

    def sentence_tokens(self, sent: Span) -> tuple[int, int]:
        rng = self.doc.char_span(sent.start, sent.end)
        return rng if rng else (0, 0)

    def mentions_in(self, lo: int, hi: int) -> list[MentionAt]:
        i = bisect_left(self.starts, lo)
        out = []
        while i < len(self.mentions) and self.mentions[i].t0 < hi:
            out.append(self.mentions[i])
            i += 1
        return out

    def clause_bounds(self, i: int, lo: int, hi: int) -> tuple[int, int]:
        """The clause around token ``i`` inside ``[lo, hi)``: up to the nearest comma-like breaks."""
        toks = self.doc.tokens
        a = i
        while a > lo and toks[a - 1].norm not in CLAUSE_BREAKS:
            a -= 1
        b = i + 1
        while b < hi and toks[b].norm not in CLAUSE_BREAKS:
            b += 1
        return a, b

    def clause_end(self, i: int, hi: int) -> int:
        """Where the clause of token ``i`` ends before ``hi``: at a comma followed by a connective that opens a new clause
        («…، كما وسعت …», «…، ومن الممكن أن …», data: clause_openers), else ``hi``."""
        toks = self.doc.tokens
        for j, _ in self.cues("clause_openers", i + 2, hi):
            if toks[j - 1].norm in COMMAS:
                return j - 1
        return hi
