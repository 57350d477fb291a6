"""A sentence as the event, fact and quote rules see it: tokens, the entity mentioned at each token, and cue look-ups.

Cue lists (``data/rules/event_cues.json``) are folded once; a cue may be several words and matches a token run whose first
token may carry a proclitic (وقال, ووفق, وبحسب).
"""
from __future__ import annotations

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


class MentionAt:
    """An entity named at char offsets ``[start, end)``, tokens ``[t0, t1)``, by ``rule`` (a plain class: its
    ``__init__`` is compiled, a dataclass's would not be)."""

    __slots__ = ("entity", "start", "end", "t0", "t1", "rule")

    def __init__(self, entity: Entity, start: int, end: int, t0: int, t1: int, rule: str) -> None:
        self.entity = entity
        self.start = start  # char offsets
        self.end = end
        self.t0 = t0  # token range
        self.t1 = t1
        self.rule = rule

    def __eq__(self, other: object) -> bool:
        return isinstance(other, MentionAt) and (self.entity, self.start, self.end, self.t0, self.t1, self.rule) \
            == (other.entity, other.start, other.end, other.t0, other.t1, other.rule)

    def __repr__(self) -> str:
        return f"MentionAt({self.entity.id!r}, {self.start}:{self.end}, tokens {self.t0}:{self.t1}, {self.rule!r})"


def _mention_t0(m: MentionAt) -> int:
    return m.t0


class DocView:
    """The document's tokens with the entity mention (if any) at each token, its cue hits, and per-document answers
    (which entities are media) remembered. Token ranges are found by binary search over the tokens themselves."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.mentions: list[MentionAt] = []          # in token order
        self.at_token: dict[int, MentionAt] = {}
        self.cue_hits: dict[str, list[tuple[int, int, str]]] = {}
        self.unit_sizes: dict[str, int] = {}  # «كل كتيبة … من 300 عنصر» → {"كتيبة": 300}

    @classmethod
    def of(cls, doc: Document) -> "DocView":
        v = cls(doc)
        entities: list[Entity] = doc.entities
        for e in entities:
            for m in e.mentions:
                rng = doc.char_span(m.start, m.end)
                if rng is None:
                    continue
                t0, t1 = rng
                ma = MentionAt(e, m.start, m.end, t0, t1, m.rule)
                v.mentions.append(ma)
                for t in range(t0, t1):
                    v.at_token[t] = ma
        bank = cue_bank()
        v.cue_hits = bank.scan(doc.tokens, doc.tokens_in(bank.readings))
        v._add_anaphors()
        v.mentions.sort(key=_mention_t0)
        return v

    def _add_anaphors(self) -> None:
        """A generic noun that points back to a named organisation (المنظمة after منظمة معاهدة الأمن الجماعي, الحلف
        after حلف شمال الأطلسي) stands for it in events and facts. It is not a mention of the entity in the record."""
        toks = self.doc.tokens
        orgs = sorted((m for m in self.mentions if m.entity.type == "ORG"), key=_mention_t0)
        if not orgs:
            return
        heads = anaphor_index()
        at = self.doc.tokens_in(heads.surface)
        if not at:
            return
        all_heads = anaphor_heads()
        counts: dict[tuple[str, str], int] = {}
        latest: dict[tuple[str, str], MentionAt] = {}
        k = 0
        for i in at:
            t = toks[i]
            while k < len(orgs) and orgs[k].t0 < i:  # organisations named before token i, counted per head
                m = orgs[k]
                for h in _heads_named(toks, m, all_heads):
                    key = (h, m.entity.id)
                    counts[key] = counts.get(key, 0) + 1
                    latest[key] = m
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

    def cues(self, name: str, lo: int, hi: int, prefixes: tuple[str, ...] = PROCLITICS_FOR_CUES) -> list[tuple[int, int]]:
        """Occurrences ``(i, n)`` of the cue set ``name`` starting in tokens ``[lo, hi)``."""
        hits = self.cue_hits[name]
        if not hits:
            return []  # the usual answer: most cue lists are absent from most documents
        a, b = 0, len(hits)
        while a < b:
            mid = (a + b) >> 1
            if hits[mid][0] < lo:
                a = mid + 1
            else:
                b = mid
        out: list[tuple[int, int]] = []
        for k in range(a, len(hits)):
            i, n, p = hits[k]
            if i >= hi:
                break
            if p in prefixes:
                out.append((i, n))
        return out

    def cue_at(self, name: str, i: int, prefixes: tuple[str, ...] = PROCLITICS_FOR_CUES) -> int:
        """Length of the cue of set ``name`` starting at token ``i``, or 0."""
        hits = self.cues(name, i, i + 1, prefixes)
        return hits[0][1] if hits else 0

    def sentence_tokens(self, sent: Span) -> tuple[int, int]:
        rng = self.doc.char_span(sent.start, sent.end)
        return rng if rng is not None else (0, 0)

    def mentions_in(self, lo: int, hi: int) -> list[MentionAt]:
        ments = self.mentions
        a, b = 0, len(ments)
        while a < b:
            mid = (a + b) >> 1
            if ments[mid].t0 < lo:
                a = mid + 1
            else:
                b = mid
        out: list[MentionAt] = []
        while a < len(ments) and ments[a].t0 < hi:
            out.append(ments[a])
            a += 1
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
