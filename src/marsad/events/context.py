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
from marsad.text.document import Document, Span
from marsad.text.tokenize import Token

CLAUSE_BREAKS = frozenset({",", "،", ";", "؛", ":", ".", "?", "؟", "!", "(", ")", "-", "–", "—"})
PROCLITICS_FOR_CUES = ("", "و", "ف", "ل", "ب", "وب", "ول", "فل", "فب")


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.words)


class CueSet:
    """A set of single- and multi-word cues, folded."""

    def __init__(self, cues: list[str]):
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for c in cues:
            words = tuple(key_of(c).split())
            if words:
                self.phrases.setdefault(words[0], []).append(words)
        for v in self.phrases.values():
            v.sort(key=len, reverse=True)

    def match_at(self, toks: list[Token], i: int, prefixes=PROCLITICS_FOR_CUES) -> int:
        """Length in tokens of the longest cue starting at token ``i`` (its first word may carry a proclitic), or 0."""
        t = toks[i]
        for a in t.analyses():
            if a.suffix or a.prefix not in prefixes:
                continue
            for words in self.phrases.get(a.stem, ()):
                n = len(words)
                if i + n <= len(toks) and all(toks[i + k].norm == words[k] for k in range(1, n)):
                    return n
        return 0

    def find(self, toks: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
        """Every cue occurrence in tokens ``[lo, hi)`` as ``(i, n)``."""
        out = []
        i = lo
        while i < hi:
            n = self.match_at(toks, i)
            if n:
                out.append((i, n))
                i += n
            else:
                i += 1
        return out


@lru_cache(maxsize=1)
def cues() -> dict[str, CueSet]:
    data = load_json("rules", "event_cues.json")
    return {k: CueSet(v) for k, v in data.items() if isinstance(v, list)}


@lru_cache(maxsize=1)
def anaphor_heads() -> frozenset[str]:
    """Generic heads (folded, without ال) that refer back to a named organisation: منظمه، حلف، تحالف …"""
    words = load_json("rules", "facts.json")["org_anaphors"]
    return frozenset(key_of(w).split()[-1][2:] for w in words if key_of(w).split()[-1].startswith("ال"))


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
        heads = anaphor_heads()
        for i, t in enumerate(toks):
            if i in self.at_token:
                continue
            head = next((a.stem[2:] for a in t.analyses() if not a.suffix and a.stem.startswith("ال")
                         and a.stem[2:] in heads), None)
            if head is None:
                continue
            ante = None
            for m in orgs:
                if m.t0 >= i:
                    break
                first = next((a.stem for a in toks[m.t0].analyses() if a.stem.startswith(head)), None)
                if first is not None:
                    ante = m
            if ante is not None:
                ma = MentionAt(ante.entity, t.start, t.end, i, i + 1, "coref:anaphor")
                self.mentions.append(ma)
                self.at_token[i] = ma

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
