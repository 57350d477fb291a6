"""Lexicon matching on folded text with clitics, longest match first (Aho-Corasick).

The document's tokens (quotation marks left out) are joined by single spaces into a folded *match string*; every lexicon key
is written the same way, so a multi-word form matches across any run of spaces and quotes. A match must end at a token's
end and start at a token's start or right after a proclitic (و ف ب ك ل and their combinations: وبيلاروسيا, لروسيا,
بالناتو); forms that begin with ال also match after لل (للكرملين). Overlapping matches are resolved longest first, so
روسيا البيضاء is Belarus and nothing is found inside بيلاروسيا.
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from marsad.lexicon.load import Lexicon, default_lexicon
from marsad.resources import load_json
from marsad.text.clitics import attach
from marsad.text.document import Document
from marsad.text.tokenize import QUOTE_CHARS


@dataclass(frozen=True, slots=True)
class Match:
    start: int      # offsets in the original text
    end: int
    entity: str     # lexicon id
    kind: str       # form | demonym | short
    key: str        # the lexicon key that matched
    j0: int         # span in the match string (for overlap resolution)
    j1: int


@lru_cache(maxsize=1)
def proclitics() -> tuple[frozenset[str], frozenset[str]]:
    """Prefixes allowed before a lexicon key, and before a key whose ال was absorbed by a preceding ل (لل)."""
    data = load_json("rules", "entity_clitics.json")
    return frozenset(data["before_name"]), frozenset(data["before_absorbed_article"])


class Matcher:
    """Finds lexicon entities in a document."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        a = ahocorasick.Automaton()
        for key, (eid, kind) in lex.keys.items():
            a.add_word(key, (key, eid, kind, 0))
        for key, (eid, kind) in lex.keys.items():
            if key.startswith("ال") and len(key) > 3:
                alt = attach("ل", key)  # للكرملين, and للاذقية for اللاذقية
                if alt not in lex.keys and not a.exists(alt):
                    a.add_word(alt, (alt, eid, kind, len(alt) - (len(key) - 2)))  # the span starts after ل(ل)
        a.make_automaton()
        self.automaton = a

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Matcher":
        return cls(default_lexicon())

    def candidates(self, doc: Document) -> list[Match]:
        """Every lexicon match whose edges fall on word and clitic boundaries."""
        toks = [t for t in doc.tokens if t.norm not in QUOTE_CHARS]
        if not toks:
            return []
        norms = [t.norm for t in toks]
        jstart = list(accumulate([len(x) + 1 for x in norms[:-1]], initial=0))  # where each token starts in ``joined``
        joined = " ".join(norms)
        before, before_absorbed = proclitics()
        out = []
        n = len(joined)
        for end_idx, (key, eid, kind, absorbed) in self.automaton.iter(joined):
            e = end_idx + 1
            if e < n and joined[e] != " ":
                continue
            s = e - len(key)
            k = bisect_right(jstart, s) - 1
            d = s - jstart[k]
            tok = toks[k]
            if d:
                if norms[k][:d] not in (before_absorbed if absorbed else before):
                    continue
            d += absorbed
            k_end = bisect_right(jstart, end_idx) - 1
            out.append(Match(tok.offset_of(d), toks[k_end].end, eid, kind, key, s, e))
        return out

    def find(self, doc: Document) -> list[Match]:
        """Non-overlapping matches, longest first; short forms only for entities the article also names in full."""
        cands = self.candidates(doc)
        full = _resolve([c for c in cands if c.kind != "short"])
        named = {m.entity for m in full}
        shorts = [c for c in cands if c.kind == "short" and c.entity in named]
        return sorted(_resolve(shorts, taken=full), key=lambda m: m.start)


def _resolve(cands: list[Match], taken: list[Match] | None = None) -> list[Match]:
    """Longest first, then leftmost; a candidate overlapping one already chosen is dropped."""
    chosen = list(taken or [])
    size = max((m.j1 for m in chosen + cands), default=0)
    used = bytearray(size)  # 1 where the match string is already taken
    for m in chosen:
        used[m.j0:m.j1] = b"\x01" * (m.j1 - m.j0)
    for c in sorted(cands, key=lambda m: (m.j0 - m.j1, m.j0)):
        if 1 in used[c.j0:c.j1]:
            continue
        chosen.append(c)
        used[c.j0:c.j1] = b"\x01" * (c.j1 - c.j0)
    return chosen
