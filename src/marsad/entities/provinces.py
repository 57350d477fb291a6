"""City or province: a bare place name in a list after a plural province head is the province.

«كل مناطق لوهانسك ودونيتسك» names the Luhansk and Donetsk oblasts, «محافظات حلب وادلب وحماة» three governorates; a bare
name elsewhere stays what the lexicon says (usually the city). Heads are data (``data/rules/provinces.json``).
"""
from __future__ import annotations

from functools import lru_cache

from marsad.entities.matcher import Match
from marsad.lexicon.load import Lexicon, key_of
from marsad.resources import load_json
from marsad.text.clitics import CliticIndex
from marsad.text.document import Document


@lru_cache(maxsize=1)
def _heads() -> tuple[CliticIndex[bool], tuple[str, ...]]:
    d = load_json("rules", "provinces.json")
    return (CliticIndex(((key_of(h), True) for h in d["list_heads"]), suffixes=()),
            tuple(key_of(h) for h in d["singular_heads"]))


def province_of(lex: Lexicon, key: str) -> str | None:
    """The lexicon id of the province named '<head> <key>', if any."""
    for head in _heads()[1]:
        hit = lex.keys.get(f"{head} {key}")
        if hit and lex.entries[hit[0]].type == "PLACE":
            return hit[0]
    return None


def province_readings(doc: Document, matches: list[Match], lex: Lexicon) -> list[Match]:
    """``matches`` with bare names after a plural province head switched to their province."""
    list_heads, _ = _heads()
    by_token = {m.t0: k for k, m in enumerate(matches)}
    out = list(matches)
    toks = doc.tokens
    for i in doc.tokens_in(list_heads.surface):
        j = i + 1
        while j in by_token:
            k = by_token[j]
            m = out[k]
            if lex.entries[m.entity].type != "PLACE":
                break
            prov = province_of(lex, m.key)
            if prov is not None:
                out[k] = Match(m.start, m.end, prov, m.kind, m.key, m.j0, m.j1, m.t0, m.t1)
            j = m.t1
            if j < len(toks) and toks[j].norm in (",", "،"):
                j += 1
    return out
