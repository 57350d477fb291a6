"""The Jinja environment of the pages: autoescape on, and small helpers for direction-tagged blocks and entity links."""
from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, Undefined
from markupsafe import Markup, escape

from marsad.web.glosses import PLOVER
from marsad.web.storeview import ENTITY_TYPES, SEARCH_KINDS, STATUSES

TEMPLATES = Path(__file__).parent / "templates"
_TAGS = frozenset({"span", "div", "p", "h1", "h2", "h3", "li", "blockquote", "bdi"})


def seg(value: Any) -> str:
    """A value as one URL path segment (``/`` included in the escaping)."""
    return quote(str(value), safe="")


def _tag(tag: str) -> str:
    return tag if tag in _TAGS else "span"


def ar(text: Any, tag: str = "span", cls: str = "") -> Markup:
    """An Arabic block: ``<span dir="rtl" lang="ar">`` with the text escaped."""
    t = _tag(tag)
    klass = f' class="{escape(cls)}"' if cls else ""
    return Markup(f'<{t} dir="rtl" lang="ar"{klass}>{escape(text)}</{t}>')


def en(text: Any, tag: str = "span", cls: str = "") -> Markup:
    """An English block: ``<span dir="ltr" lang="en">`` with the text escaped."""
    t = _tag(tag)
    klass = f' class="{escape(cls)}"' if cls else ""
    return Markup(f'<{t} dir="ltr" lang="en"{klass}>{escape(text)}</{t}>')


def ent(entity_id: Any, name: Any = None, etype: Any = "") -> Markup:
    """A link to an entity page labelled with its English name (a dash when there is no entity)."""
    if entity_id is None or isinstance(entity_id, Undefined) or entity_id == "":
        return Markup('<span class="none">—</span>')
    kind = "".join(c for c in str(etype or "").lower() if c.isalnum())
    label = name if name and not isinstance(name, Undefined) else entity_id
    return Markup(f'<a class="ent t-{kind}" href="/entity/{escape(seg(entity_id))}" dir="ltr" lang="en">'
                  f'{escape(label)}</a>')


def headline(title: Any, doc: Any) -> Markup:
    """An article's title as an Arabic block, or its doc id left-to-right when it has no title."""
    if title and not isinstance(title, Undefined):
        return ar(title)
    return en(doc)


def environment() -> Environment:
    """The page environment (autoescape for every template)."""
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters["seg"] = seg
    env.globals.update(ar=ar, en=en, ent=ent, headline=headline, plover=tuple(PLOVER), statuses=STATUSES, entity_types=ENTITY_TYPES,
                       kinds=SEARCH_KINDS)
    return env



