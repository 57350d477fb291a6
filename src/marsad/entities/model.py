"""Entities found in one article and their mentions."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """One place in the text that names an entity, and what produced it (a lexicon form or a rule)."""

    start: int
    end: int
    rule: str  # "lexicon:form", "lexicon:demonym", "discovery:title", "coref:short", "tagger:crf", ...

    def __init__(self, start: int, end: int, rule: str) -> None:
        # written out: compiled, a dataclass's generated __init__ stays interpreted; this one is native
        self.start = start
        self.end = end
        self.rule = rule


@dataclass(slots=True)
class Entity:
    """A real-world entity named in the article, all its variants merged."""

    id: str
    name: str
    type: str
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    source: str = "lexicon"  # lexicon | discovered

    def __init__(self, id: str, name: str, type: str, wikidata: str | None = None,
                 mentions: list[Mention] | None = None, source: str = "lexicon") -> None:
        # written out (native when compiled, see Mention); ``mentions`` None is a new empty list
        self.id = id
        self.name = name
        self.type = type
        self.wikidata = wikidata
        self.mentions = [] if mentions is None else mentions
        self.source = source

    def first(self) -> int:
        return min((m.start for m in self.mentions), default=0)
