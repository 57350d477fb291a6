"""Entities: lexicon matching, state bodies, discovery of unknown names, in-article coreference, linking."""
from __future__ import annotations

from marsad.entities.link import build_entities
from marsad.text.document import Document


def add_entities(doc: Document) -> Document:
    """Reads ``tokens``, ``sentences`` and ``removed``; writes ``entities`` (each with all its mentions)."""
    doc.entities = build_entities(doc)
    return doc


__all__ = ["add_entities", "build_entities"]
