"""Putting the entity stage together: one :class:`Entity` per real-world entity, every mention attached.

Order: lexicon matches (longest first) → state bodies (head + country) → discovery of names no lexicon has → in-article
coreference (later short forms of a discovered person) → entities named only in page chrome dropped.
"""
from __future__ import annotations

from marsad.entities.bodies import find_bodies
from marsad.entities.discovery import discover
from marsad.entities.matcher import Matcher
from marsad.entities.model import Entity, Mention
from marsad.entities.provinces import province_readings
from marsad.lexicon.load import Entry
from marsad.text.document import Document


def build_entities(doc: Document, matcher: Matcher | None = None) -> list[Entity]:
    matcher = matcher or Matcher.default()
    lex = matcher.lex
    matches = province_readings(doc, matcher.find(doc), lex)
    found: list[tuple[int, int, Entry, str]] = [(m.start, m.end, lex.entries[m.entity], f"lexicon:{m.kind}")
                                                for m in matches]
    for s, e, entry in find_bodies(doc, matches, lex):
        found.append((s, e, entry, "rule:bodies"))
    found += discover(doc, [(s, e) for s, e, _, _ in found], lex)

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
