"""Putting the entity stage together: one :class:`Entity` per real-world entity, every mention attached.

Order: lexicon matches (longest first) → state bodies (head + country) → discovery of names no lexicon has → in-article
coreference (later short forms of a discovered person) → entities named only in page chrome dropped.
"""
from __future__ import annotations

from functools import lru_cache

from marsad.entities.bodies import find_bodies
from marsad.entities.discovery import cues, discover, name_words
from marsad.entities.matcher import Matcher
from marsad.entities.model import Entity, Mention
from marsad.entities.provinces import province_readings
from marsad.entities.tagger import CrfTagger
from marsad.entities.western import given_names, surnames
from marsad.lexicon.load import Entry
from marsad.text.document import Document

#: the rule of a lexicon mention, by the kind of form that matched
_RULES = {kind: f"lexicon:{kind}" for kind in ("form", "demonym", "short")}


@lru_cache(maxsize=1)
def default_matcher() -> Matcher:
    """The packaged lexicon's matcher, with every other resource of the stage loaded at the same time (discovery's cues,
    the census name lists, the CRF model): on the first article (the pipeline's warm-up), not whenever a later article
    first needs one of them."""
    cues()
    name_words()
    given_names()
    surnames()
    CrfTagger.default()
    return Matcher.default()


def build_entities(doc: Document, matcher: Matcher | None = None) -> list[Entity]:
    matcher = matcher or default_matcher()
    lex = matcher.lex
    matches = province_readings(doc, matcher.find(doc), lex)
    found: list[tuple[int, int, Entry, str]] = [(m.start, m.end, lex.entries[m.entity], _RULES.get(m.kind) or
                                                 "lexicon:" + m.kind) for m in matches]
    taken = [(m.t0, m.t1) for m in matches]  # the tokens named so far
    for s, e, entry in find_bodies(doc, matches, lex):
        found.append((s, e, entry, "rule:bodies"))
        rng = doc.char_span(s, e)
        if rng:
            taken.append(rng)
    found += discover(doc, taken, lex)

    entities: dict[str, Entity] = {}
    for s, e, entry, rule in sorted(found, key=lambda x: x[0]):
        ent = entities.get(entry.id)
        if ent is None:
            ent = entities[entry.id] = Entity(entry.id, entry.name, entry.type, entry.wikidata,
                                              source="lexicon" if rule.startswith("lexicon") else "discovered")
        ent.mentions.append(Mention(s, e, rule))
    if doc.removed:
        entities = {k: v for k, v in entities.items()
                    if not all(doc.in_chrome(m.start, m.end) for m in v.mentions)}
    return list(entities.values())
