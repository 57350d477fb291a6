"""Events (PLOVER), facts and quotes, each tied to its evidence sentence and the rule that produced it."""
from __future__ import annotations

from marsad.events.context import DocView
from marsad.events.extract import extract_events
from marsad.events.facts import extract_facts
from marsad.events.quotes import quotes_and_sources
from marsad.text.document import Document


def add_events(doc: Document) -> Document:
    """Reads tokens, sentences, entities, numbers and dates; writes ``events``, ``facts`` and ``quotes``."""
    view = DocView.of(doc)
    doc.quotes, sources = quotes_and_sources(view)
    doc.events = extract_events(view, sources)
    doc.facts = extract_facts(view)
    return doc


__all__ = ["add_events"]
