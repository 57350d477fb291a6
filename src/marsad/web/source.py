"""What the web layer reads: the :class:`WebSource` protocol and the filters of the events table.

Every method returns plain JSON-ready dicts, so a page and its ``.json`` twin show exactly the same data.
Two implementations exist: :class:`marsad.web.storeview.StoreView` over ``marsad.open(db)`` (what ``marsad serve``
uses) and :class:`marsad.web.memory.MemorySource` over analysed records held in memory (tests, previews).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any, Protocol

from marsad.text.document import Document

ENTITY_TYPES = ("PERSON", "ORG", "COUNTRY", "PLACE")
STATUSES = ("actual", "planned", "possible", "negated")
SEARCH_KINDS = ("all", "articles", "entities", "events")


@dataclass(frozen=True)
class EventFilter:
    """Filters of the events table and of event search; empty strings mean "any"."""

    type: str = ""
    actor: str = ""
    recipient: str = ""
    entity: str = ""      # actor or recipient
    status: str = ""
    date_from: str = ""   # ISO prefix compared with the event's date (its ``when``, else the article's date)
    date_to: str = ""
    doc: str = ""
    q: str = ""           # words in the evidence sentence
    limit: int = 500

    @classmethod
    def from_params(cls, params: Any) -> "EventFilter":
        """Build from query parameters (unknown keys ignored, values stripped, limit clamped to 1..5000)."""
        kw: dict[str, Any] = {}
        for f in fields(cls):
            raw = params.get(f.name)
            if raw is None or str(raw).strip() == "":
                continue
            if f.name == "limit":
                try:
                    kw["limit"] = max(1, min(5000, int(raw)))
                except ValueError:
                    continue
            else:
                kw[f.name] = str(raw).strip()[:200]
        return cls(**kw)

    def as_params(self) -> dict[str, Any]:
        """The non-default filters, for links and for the JSON answer."""
        default = EventFilter()
        return {k: v for k, v in asdict(self).items() if v != getattr(default, k)}


def event_day(event: dict, published: str | None) -> str:
    """The date an event is filed under: its own ``when``, else the article's publication date, else ''."""
    return str(event.get("when") or published or "")


def in_dates(day: str, date_from: str, date_to: str) -> bool:
    """Whether an ISO (partial) date falls in [date_from, date_to] compared as prefixes; no date passes no bound."""
    if not (date_from or date_to):
        return True
    if not day:
        return False
    if date_from and day[: len(date_from)] < date_from[: len(day)]:
        return False
    if date_to and day[: len(date_to)] > date_to[: len(day)]:
        return False
    return True


class WebSource(Protocol):
    """The read (and optional write) operations behind the pages."""

    def stats(self) -> dict[str, int]:
        """Counts of articles, entities, events, facts, quotes."""

    def articles(self, limit: int = 50) -> list[dict]:
        """Newest articles first: ``doc``, ``title``, ``published``, ``outlet``."""

    def article(self, doc: str) -> dict | None:
        """One article's record (per SCHEMA.md) plus its ``text``; None if unknown."""

    def entity(self, entity_id: str) -> dict | None:
        """``id``, ``name``, ``type``, ``wikidata``, ``variants`` (surface forms seen), ``docs`` (articles naming it)."""

    def names(self, ids: list[str]) -> dict[str, dict]:
        """``{id: {"name", "type"}}`` for the ids the store knows."""

    def facts(self, entity_id: str) -> list[dict]:
        """Facts with the entity as subject or object, each with ``doc`` and ``evidence_text``."""

    def quotes(self, speaker: str) -> list[dict]:
        """Quotes by the speaker, each with ``doc``, ``title``, ``published`` and ``evidence_text``."""

    def events(self, flt: EventFilter) -> list[dict]:
        """Events passing the filter, by date, each with ``doc``, ``title``, ``published``, ``day``, ``evidence_text``."""

    def search(self, q: str, kind: str = "all", etype: str = "", flt: EventFilter | None = None,
               limit: int = 50) -> dict[str, list[dict]]:
        """``{"articles": [...], "entities": [...], "events": [...]}`` matching ``q`` (Arabic or English)."""

    def conflicts(self) -> list[dict]:
        """Disputed facts: ``subject``, ``relation``, ``values`` [{``value``, ``docs``}]."""

    def add(self, doc: Document) -> str:
        """Store one analysed document; returns its doc id."""
