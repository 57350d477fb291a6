"""Article text as safe HTML: entity mentions linked, evidence spans tagged for highlighting.

The text is cut at every span boundary into segments; each segment is escaped on its own and wrapped in markup
built only from escaped pieces, so no character of the article can open a tag. Evidence spans (events, quotes,
facts) may overlap each other and contain mentions; a run of segments sharing the same evidence set becomes one
``<span data-ev="...">`` and a mention inside it one ``<a class="m">``. Inline elements carry no padding or margin
so Arabic letters keep joining across them.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable
from urllib.parse import quote

from markupsafe import Markup, escape


@dataclass(frozen=True, slots=True)
class Mention:
    """A mention of an entity: ``text[start:end]`` names ``entity`` (of ``etype``)."""

    start: int
    end: int
    entity: str
    etype: str = ""
    name: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """An evidence span with a key (``ev-0``, ``q-1``, ``f-2``) that list items refer to."""

    start: int
    end: int
    key: str


def mentions_of(record: dict) -> list[Mention]:
    """Every mention of every entity of an analysis record."""
    out: list[Mention] = []
    for ent in record.get("entities", []):
        for m in ent.get("mentions", []):
            out.append(Mention(int(m["start"]), int(m["end"]), str(ent["id"]), str(ent.get("type") or ""),
                               str(ent.get("name") or "")))
    return out


def evidence_of(record: dict) -> list[Evidence]:
    """Evidence spans of events (``ev-i``), quotes (``q-i``) and facts (``f-i``) of an analysis record."""
    out: list[Evidence] = []
    for prefix, key in (("ev", "events"), ("q", "quotes"), ("f", "facts")):
        for i, item in enumerate(record.get(key, [])):
            span = item.get("evidence") or {}
            if "start" in span and "end" in span:
                out.append(Evidence(int(span["start"]), int(span["end"]), f"{prefix}-{i}"))
    return out


def _clip(start: int, end: int, size: int) -> tuple[int, int] | None:
    start, end = max(0, start), min(size, end)
    return (start, end) if start < end else None


def _pick_mentions(mentions: Iterable[Mention], size: int) -> list[Mention]:
    """Non-overlapping mentions, longest first where two overlap, in text order."""
    chosen: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        span = _clip(m.start, m.end, size)
        if span is None or any(span[0] < e and s < span[1] for s, e in taken):
            continue
        taken.append(span)
        chosen.append(Mention(span[0], span[1], m.entity, m.etype, m.name))
    return sorted(chosen, key=lambda m: m.start)


def _mention_open(m: Mention) -> str:
    href = "/entity/" + quote(m.entity, safe="")
    cls = "m m-" + "".join(c for c in m.etype.lower() if c.isalnum())
    title = f' title="{escape(m.name)}"' if m.name else ""
    return f'<a class="{cls}" href="{escape(href)}" data-entity="{escape(m.entity)}"{title}>'


def render_text(text: str, mentions: Iterable[Mention] = (), evidence: Iterable[Evidence] = ()) -> Markup:
    """The article text as HTML: mentions linked to their entity page, evidence runs tagged with ``data-ev``."""
    size = len(text)
    picked = _pick_mentions(mentions, size)
    spans = [(s, e, ev.key) for ev in evidence if (c := _clip(ev.start, ev.end, size)) for s, e in [c]]
    cuts = {0, size}
    for m in picked:
        cuts.update((m.start, m.end))
    for s, e, _ in spans:
        cuts.update((s, e))
    points = sorted(cuts)
    by_start = {m.start: m for m in picked}
    parts: list[str] = []
    open_keys: tuple[str, ...] = ()
    current: Mention | None = None
    for a, b in zip(points, points[1:]):
        keys = tuple(k for s, e, k in spans if s <= a and b <= e)
        if current is not None and a >= current.end:
            parts.append("</a>")
            current = None
        if keys != open_keys:
            if current is not None:
                parts.append("</a>")
            if open_keys:
                parts.append("</span>")
            if keys:
                parts.append(f'<span class="ev" data-ev="{escape(" ".join(keys))}">')
            open_keys = keys
            if current is not None:
                parts.append(_mention_open(current))
        if current is None and a in by_start:
            current = by_start[a]
            parts.append(_mention_open(current))
        parts.append(str(escape(text[a:b])))
    if current is not None:
        parts.append("</a>")
    if open_keys:
        parts.append("</span>")
    return Markup("".join(parts))


def snippet(text: str, start: int, end: int, limit: int = 400) -> str:
    """``text[start:end]`` shortened to ``limit`` characters (plain text: the template escapes it)."""
    piece = text[max(0, start):max(0, end)].strip()
    return piece if len(piece) <= limit else piece[: limit - 1].rstrip() + "…"
