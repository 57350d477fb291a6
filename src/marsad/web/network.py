"""The entity page's network view: the entities an entity interacts with, as an SVG drawn on the server."""
from __future__ import annotations

import math
from collections import Counter
from urllib.parse import quote

from markupsafe import Markup, escape

MAX_NEIGHBOURS = 16


def neighbours(entity_id: str, events: list[dict], facts: list[dict]) -> list[dict]:
    """Entities linked to ``entity_id`` by events (as the other party) or facts, most links first."""
    counts: Counter[str] = Counter()
    for ev in events:
        for a, b in (("actor", "recipient"), ("recipient", "actor")):
            if ev.get(a) == entity_id and ev.get(b) and ev.get(b) != entity_id:
                counts[str(ev[b])] += 1
    for f in facts:
        for a, b in (("subject", "object"), ("object", "subject")):
            if f.get(a) == entity_id and f.get(b) and f.get(b) != entity_id:
                counts[str(f[b])] += 1
    return [{"id": i, "links": n} for i, n in counts.most_common(MAX_NEIGHBOURS)]


def _label(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def network_svg(center: dict, nodes: list[dict], names: dict[str, dict], size: int = 440) -> Markup:
    """An SVG with ``center`` in the middle and ``nodes`` on a circle, edge width by number of links; nodes link
    to their entity pages. Every label is escaped."""
    mid = size / 2
    radius = size / 2 - 70
    top = max((n["links"] for n in nodes), default=1)
    parts = [f'<svg class="network" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
             f'width="{size}" height="{size}" role="img" aria-label="{escape("network of " + center["name"])}">']
    points = []
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * i / max(1, len(nodes)) - math.pi / 2
        x, y = mid + radius * math.cos(angle), mid + radius * math.sin(angle)
        points.append((x, y))
        width = 1 + 4 * node["links"] / top
        parts.append(f'<line x1="{mid:.1f}" y1="{mid:.1f}" x2="{x:.1f}" y2="{y:.1f}" stroke-width="{width:.1f}">'
                     f'<title>{escape(str(node["links"]))} links</title></line>')
    for node, (x, y) in zip(nodes, points):
        info = names.get(node["id"]) or {}
        name = info.get("name") or node["id"]
        etype = "".join(c for c in str(info.get("type") or "").lower() if c.isalnum())
        anchor = "start" if x > mid + 1 else "end" if x < mid - 1 else "middle"
        dx = 10 if anchor == "start" else -10 if anchor == "end" else 0
        dy = 18 if y > mid + 1 and anchor == "middle" else -10 if anchor == "middle" else 4
        href = escape("/entity/" + quote(node["id"], safe=""))
        parts.append(f'<a href="{href}"><circle class="node n-{etype}" cx="{x:.1f}" cy="{y:.1f}" r="7">'
                     f'<title>{escape(name)}</title></circle>'
                     f'<text x="{x + dx:.1f}" y="{y + dy:.1f}" text-anchor="{anchor}">{escape(_label(name))}</text></a>')
    ctype = "".join(c for c in str(center.get("type") or "").lower() if c.isalnum())
    parts.append(f'<circle class="node center n-{ctype}" cx="{mid}" cy="{mid}" r="11"/>'
                 f'<text class="center" x="{mid}" y="{mid + 28}" text-anchor="middle">'
                 f'{escape(_label(center["name"], 30))}</text></svg>')
    return Markup("".join(parts))
