"""The analysis record of ``../shared/eval/SCHEMA.md``: one JSON object per article."""
from __future__ import annotations

from typing import Any

from marsad.text.document import Document

META_KEYS = ("title", "published", "outlet")


def to_record(doc: Document, *, text_layer: bool = False) -> dict[str, Any]:
    """The record for one analysed document; ``text_layer`` adds sentences, numbers, dates and chrome spans."""
    rec: dict[str, Any] = {
        "doc": doc.doc,
        "meta": {k: doc.meta.get(k) for k in META_KEYS},
        "entities": [
            {"id": e.id, "name": e.name, "type": e.type, "wikidata": e.wikidata,
             "mentions": [{"start": m.start, "end": m.end, "rule": m.rule}
                          for m in sorted(e.mentions, key=lambda m: m.start)]}
            for e in sorted(doc.entities, key=lambda e: e.first())
        ],
        "events": doc.events,
        "facts": doc.facts,
        "quotes": doc.quotes,
    }
    if text_layer:
        rec["sentences"] = [{"start": s.start, "end": s.end} for s in doc.sentences]
        rec["numbers"] = [{"start": n.start, "end": n.end, "value": n.value, "unit": n.unit, "approx": n.approx,
                           "ordinal": n.ordinal} for n in doc.numbers]
        rec["dates"] = [{"start": d.start, "end": d.end, "value": d.value, "granularity": d.granularity,
                         "relative": d.relative} for d in doc.dates]
        rec["removed"] = [{"start": s, "end": e, "reason": r} for s, e, r in doc.removed]
    return rec
