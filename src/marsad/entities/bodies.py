"""State bodies named by a generic head and their country (وزارة الدفاع الروسية → Ministry of Defence (Russia)).

Per the annotation conventions the body's mention is the head alone (وزارة الدفاع) and the demonym or country name after
it stays a mention of the country. A head with no country right after it names no entity.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.entities.matcher import Match
from marsad.lexicon.load import Entry, Lexicon, key_of
from marsad.resources import load_json
from marsad.text.clitics import CueSet
from marsad.text.document import Document


@dataclass(frozen=True)
class Head:
    key: str
    length: int  # in tokens
    id: str
    name: str
    overrides: dict


@lru_cache(maxsize=1)
def heads() -> tuple[dict[str, Head], frozenset[str]]:
    data = load_json("rules", "bodies.json")
    out = {}
    for h in data["heads"]:
        for f in h["forms"]:
            k = key_of(f)
            out[k] = Head(k, len(k.split()), h["id"], h["name"], h.get("overrides", {}))
    return out, frozenset(key_of(x) for x in data["links"])


@lru_cache(maxsize=1)
def head_cues() -> CueSet:
    return CueSet(list(heads()[0]))


def find_bodies(doc: Document, matches: list[Match], lex: Lexicon) -> list[tuple[int, int, Entry]]:
    """Spans of state bodies with the entries they name (made on the fly from the country's lexicon entry)."""
    table, links = heads()
    if not table:
        return []
    by_start = {}
    for m in matches:
        if lex.entries[m.entity].type == "COUNTRY" and m.kind in ("form", "demonym"):
            by_start[doc.token_index(m.start)] = m
    cues = head_cues()
    toks = doc.tokens
    out = []
    i = 0
    while i < len(toks):
        n = cues.match_at(toks, i) if toks[i].norm in cues.index.surface else 0
        if not n:
            i += 1
            continue
        first = next(h for h in cues.index.lookup(toks[i].norm))
        head = table[" ".join([first.stem] + [t.norm for t in toks[i + 1:i + n]])]
        start = toks[i].start + len(first.prefix) if len(toks[i].norm) == len(toks[i].text) \
            else toks[i]._orig_offsets()[len(first.prefix)]
        j = i + n
        if j < len(toks) and toks[j].norm in links:
            j += 1
        m = by_start.get(j)
        if m is not None:
            c = lex.entries[m.entity]
            spec = head.overrides.get(c.id) or {"id": head.id, "name": head.name}
            eid = spec["id"].format(country=c.id)
            name = spec["name"].format(Country=c.name)
            out.append((start, toks[i + n - 1].end,
                        Entry(eid, name, "ORG", None, [], [], [], [], [], "rule:bodies", "bodies.json")))
        i += n
    return out
