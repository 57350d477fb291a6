"""Lexicon matching on folded text with clitics, longest match first (Aho-Corasick).

The document's tokens (quotation marks left out) are joined by single spaces into a folded *match string*; every lexicon key
is written the same way, so a multi-word form matches across any run of spaces and quotes. A match must end at a token's
end and start at a token's start or right after a proclitic (و ف ب ك ل and their combinations: وبيلاروسيا, لروسيا,
بالناتو); forms that begin with ال also match after لل (للكرملين). Overlapping matches are resolved longest first, so
روسيا البيضاء is Belarus and nothing is found inside بيلاروسيا.
"""
from __future__ import annotations

from functools import lru_cache

import ahocorasick

from marsad.lexicon.load import Lexicon, default_lexicon
from marsad.resources import load_json
from marsad.text.clitics import attach
from marsad.text.document import Document
from marsad.text.tokenize import QUOTE_CHARS, Token


class Match:
    """One lexicon match: offsets in the original text, the entity, how it matched, and its place among the tokens.

    A plain class (not a dataclass): compiled, its ``__init__`` is native. Matches are not changed once made."""

    __slots__ = ("start", "end", "entity", "kind", "key", "j0", "j1", "t0", "t1")

    def __init__(self, start: int, end: int, entity: str, kind: str, key: str, j0: int, j1: int, t0: int = -1,
                 t1: int = -1) -> None:
        self.start = start    # offsets in the original text
        self.end = end
        self.entity = entity  # lexicon id
        self.kind = kind      # form | demonym | short
        self.key = key        # the lexicon key that matched
        self.j0 = j0          # span in the match string (for overlap resolution)
        self.j1 = j1
        self.t0 = t0          # the document's tokens [t0, t1) that the match touches (-1: unknown)
        self.t1 = t1

    def __repr__(self) -> str:
        return f"Match({self.start}, {self.end}, {self.entity!r}, {self.kind!r}, {self.key!r})"


@lru_cache(maxsize=1)
def proclitics() -> tuple[frozenset[str], frozenset[str]]:
    """Prefixes allowed before a lexicon key, and before a key whose ال was absorbed by a preceding ل (لل)."""
    data = load_json("rules", "entity_clitics.json")
    return frozenset(data["before_name"]), frozenset(data["before_absorbed_article"])


class _Key:
    """What the automaton holds for one key: the entity and kind it names, and its shape, so that a hit is placed on the
    document's tokens without searching for them."""

    __slots__ = ("key", "entity", "kind", "absorbed", "words", "first")

    def __init__(self, key: str, entity: str, kind: str, absorbed: int) -> None:
        self.key = key
        self.entity = entity
        self.kind = kind
        self.absorbed = absorbed           # letters of لل before the stem (a span that starts after ل)
        self.words = key.count(" ") + 1    # the key covers this many tokens
        self.first = len(key.split(" ")[0])  # letters of its first word (the rest of its first token is a proclitic)


class Matcher:
    """Finds lexicon entities in a document.

    Every key goes into the automaton followed by one space, and the match string ends with one: a hit then always ends
    at a token's end (no hit inside a word is ever reported), and the key's words are the last of its tokens."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        a = ahocorasick.Automaton()
        for key, (eid, kind) in lex.keys.items():
            a.add_word(key + " ", _Key(key, eid, kind, 0))
        for key, (eid, kind) in lex.keys.items():
            if key.startswith("ال") and len(key) > 3:
                alt = attach("ل", key)  # للكرملين, and للاذقية for اللاذقية
                if alt not in lex.keys and not a.exists(alt + " "):
                    a.add_word(alt + " ", _Key(alt, eid, kind, len(alt) - (len(key) - 2)))  # the span starts after ل(ل)
        a.make_automaton()
        self.automaton = a
        self.before, self.before_absorbed = proclitics()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Matcher":
        return cls(default_lexicon())

    def candidates(self, doc: Document) -> list[Match]:
        """Every lexicon match whose edges fall on word and clitic boundaries."""
        toks: list[Token] = []
        norms: list[str] = []
        for t in doc.tokens:
            if t.norm not in QUOTE_CHARS:
                toks.append(t)
                norms.append(t.norm)
        if not toks:
            return []
        norms.append("")  # the match string ends with a space, as every key does
        joined = " ".join(norms)
        before, before_absorbed = self.before, self.before_absorbed
        out: list[Match] = []
        k_end = 0
        tok_end = len(norms[0])  # where token k_end ends in ``joined``
        end_idx: int
        hit: _Key
        for end_idx, hit in self.automaton.iter(joined):
            while tok_end < end_idx:  # hits come in the order of their ends
                k_end += 1
                tok_end += len(norms[k_end]) + 1
            k = k_end - hit.words + 1
            d = len(norms[k]) - hit.first  # letters of token k before the key
            if d and norms[k][:d] not in (before_absorbed if hit.absorbed else before):
                continue
            tok = toks[k]
            out.append(Match(tok.offset_of(d + hit.absorbed), toks[k_end].end, hit.entity, hit.kind, hit.key,
                             end_idx - len(hit.key), end_idx, tok.i, toks[k_end].i + 1))
        return out

    def find(self, doc: Document) -> list[Match]:
        """Non-overlapping matches, longest first; short forms only for entities the article also names in full."""
        cands = self.candidates(doc)
        full = _resolve([c for c in cands if c.kind != "short"], [])
        named = {m.entity for m in full}
        shorts = [c for c in cands if c.kind == "short" and c.entity in named]
        chosen = _resolve(shorts, full) if shorts else full
        return [chosen[n] for _, n in sorted([(m.start, n) for n, m in enumerate(chosen)])]  # no two start together


def _resolve(cands: list[Match], taken: list[Match]) -> list[Match]:
    """Longest first, then leftmost; a candidate overlapping one already chosen is dropped (``taken`` stays chosen).
    Two matches overlap in the match string exactly when they share a token, so tokens are what is marked."""
    chosen = list(taken)
    size = max([m.t1 for m in chosen] + [m.t1 for m in cands], default=0)
    used = [False] * size  # True where a token is already taken
    for m in chosen:
        for x in range(m.t0, m.t1):
            used[x] = True
    # longest first, then leftmost (sorting pairs of ints: no key function to call)
    for _, _, n in sorted([(m.j0 - m.j1, m.j0, n) for n, m in enumerate(cands)]):
        c = cands[n]
        free = True
        for x in range(c.t0, c.t1):
            if used[x]:
                free = False
                break
        if not free:
            continue
        chosen.append(c)
        for x in range(c.t0, c.t1):
            used[x] = True
    return chosen
