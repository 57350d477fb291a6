"""Bodies named by a generic head and their owner.

State bodies: وزارة الدفاع الروسية → Ministry of Defence (Russia). Per the annotation conventions the body's mention is the
head alone (وزارة الدفاع) and the demonym or country name after it stays a mention of the country. Bodies of an
organisation: اللجنة العسكرية لمنظمة معاهدة الأمن الجماعي → CSTO Military Committee. A head with no owner names no
entity, unless the article named that body with its owner before.
"""
from __future__ import annotations

import re
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
    of: str = "country"


@lru_cache(maxsize=1)
def heads() -> tuple[dict[str, Head], frozenset[str]]:
    data = load_json("rules", "bodies.json")
    out = {}
    for h in data["heads"]:
        for f in h["forms"]:
            k = key_of(f)
            out[k] = Head(k, len(k.split()), h["id"], h["name"], h.get("overrides", {}), h.get("of", "country"))
    return out, frozenset(key_of(x) for x in data["links"])


@lru_cache(maxsize=1)
def head_cues() -> CueSet:
    return CueSet(list(heads()[0]))


def find_bodies(doc: Document, matches: list[Match], lex: Lexicon) -> list[tuple[int, int, Entry]]:
    """Spans of state bodies with the entries they name (made on the fly from the country's lexicon entry)."""
    table, links = heads()
    if not table:
        return []
    by_start, orgs = {}, {}
    m: Match | None
    for m in matches:
        typ = lex.entries[m.entity].type
        if typ == "COUNTRY" and m.kind in ("form", "demonym"):
            by_start[m.t0] = m
        elif typ == "ORG":
            orgs[m.t0] = m
    named: dict[str, Entry] = {}
    cues = head_cues()
    toks = doc.tokens
    out = []
    i = 0
    for p in doc.tokens_in(cues.index.surface):
        if p < i:
            continue
        i = p
        n = cues.match_at(toks, i)
        if not n:
            continue
        first = next(h for h in cues.index.lookup(toks[i].norm))
        head = table[" ".join([first.stem] + [t.norm for t in toks[i + 1:i + n]])]
        start = toks[i].offset_of(len(first.prefix))
        j = i + n
        entry = None
        if head.of == "country":
            if j < len(toks) and toks[j].norm in links:
                j += 1
            m = by_start.get(j)
            if m is not None:
                c = lex.entries[m.entity]
                spec = head.overrides.get(c.id) or {"id": head.id, "name": head.name}
                entry = _entry(spec["id"].format(country=c.id), spec["name"].format(Country=c.name))
        else:
            m = orgs.get(j)
            if m is not None and m.start > toks[j].start and toks[j].norm[: m.start - toks[j].start].endswith("ل"):
                o = lex.entries[m.entity]
                short = next((a for a in o.aliases if re.fullmatch(r"[A-Z]{2,6}", a)), o.name)
                entry = _entry(head.id.format(org=o.id), head.name.format(Org=short))
        if entry is None:
            entry = named.get(head.key)  # «اللجنة العسكرية» again, its owner named before
        else:
            named[head.key] = entry
        if entry is not None:
            out.append((start, toks[i + n - 1].end, entry))
        i += n
    return out


def _entry(eid: str, name: str) -> Entry:
    return Entry(eid, name, "ORG", None, [], [], [], [], [], "rule:bodies", "bodies.json")
