"""Loading and checking the entity lexicon (``data/lexicon/*.jsonl``).

Each line of a lexicon file is one entity: ``id``, ``name`` (canonical English), ``type``, ``wikidata``, ``aliases`` (English),
``forms`` (Arabic surface forms without leading clitics), ``demonyms`` (nisba forms without ال), ``short`` (forms matched only
in an article that also names the entity in full), ``offices`` (people), ``country`` (places: the id of the COUNTRY entry
the place lies in, null when it is not inside one country), ``source``. See ``data/SOURCES.md``.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.abc import Traversable
from pathlib import Path

from marsad.resources import data_file, load_json
from marsad.text.tokenize import key_of  # noqa: F401  (re-exported: the matching key of a form)

TYPES = {"PERSON", "ORG", "COUNTRY", "PLACE"}
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
PRESENTATION_RE = re.compile(r"[\uFB50-\uFDFF\uFE70-\uFEFF]")
TATWEEL = "\u0640"
KINDS = ("form", "demonym", "short")


@dataclass(slots=True)
class Entry:
    id: str
    name: str
    type: str
    wikidata: str | None
    aliases: list[str]
    forms: list[str]
    demonyms: list[str]
    short: list[str]
    offices: list[dict]
    source: str
    file: str = ""
    country: str | None = None


def demonym_keys(dem: str) -> list[str]:
    """A demonym as written with and without the article."""
    return [dem, "ال" + dem]


@dataclass
class Lexicon:
    entries: dict[str, Entry] = field(default_factory=dict)
    # matching key -> (entry id, kind)
    keys: dict[str, tuple[str, str]] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    # casefolded id / English name / alias -> entry id, the first entry that has it; built on first use of by_name
    _english: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def add(self, e: Entry) -> None:
        self._english = None
        if e.id in self.entries:
            self.conflicts.append(f"{e.file}: id {e.id!r} already defined in {self.entries[e.id].file}")
            return
        self.entries[e.id] = e
        for kind, forms in (("form", e.forms), ("short", e.short), ("demonym", e.demonyms)):
            for f in forms:
                for k in (demonym_keys(f) if kind == "demonym" else [f]):
                    key = key_of(k)
                    if not key:
                        continue
                    have = self.keys.get(key)
                    if have and have[0] != e.id:
                        self.conflicts.append(f"{e.file}: {k!r} of {e.id!r} is already a {have[1]} of {have[0]!r}")
                        continue
                    if have and KINDS.index(have[1]) <= KINDS.index(kind):
                        continue
                    self.keys[key] = (e.id, kind)

    def add_case_forms(self, endings: list[list[str]]) -> None:
        """Keys for the case-marked spellings of indefinite demonyms (``[ending, written as]`` pairs: ي → يا for the
        accusative «إيرانياً»), added after every entry so that a derived key never takes another entry's form."""
        for e in self.entries.values():
            for dem in e.demonyms:
                key = key_of(dem)
                for ending, written in endings:
                    if key.endswith(ending) and " " not in key:
                        self.keys.setdefault(key[: len(key) - len(ending)] + written, (e.id, "demonym"))

    def by_name(self, name: str) -> Entry | None:
        """The entry whose id, English name, alias or Arabic form is ``name``."""
        hit = self.keys.get(key_of(name))
        if hit:
            return self.entries[hit[0]]
        if self._english is None:
            english: dict[str, str] = {}
            for e in self.entries.values():
                for n in (e.id, e.name.casefold(), *(a.casefold() for a in e.aliases)):
                    english.setdefault(n, e.id)
            self._english = english
        found = self._english.get(name.strip().casefold())
        return self.entries[found] if found is not None else None


def parse_line(line: str, file: str) -> Entry:
    d = json.loads(line)
    return Entry(id=d["id"], name=d["name"], type=d["type"], wikidata=d.get("wikidata"),
                 aliases=list(d.get("aliases") or []), forms=list(d.get("forms") or []),
                 demonyms=list(d.get("demonyms") or []), short=list(d.get("short") or []),
                 offices=list(d.get("offices") or []), source=d.get("source", ""), file=file,
                 country=d.get("country"))


def lexicon_files(folder: Traversable | Path | None = None) -> list[Traversable | Path]:
    folder = folder or data_file("lexicon")
    return sorted((p for p in folder.iterdir() if p.name.endswith(".jsonl")), key=lambda p: p.name)


def load_lexicon(folder: Traversable | Path | None = None) -> Lexicon:
    """Every lexicon file of ``folder`` (default: the packaged one), merged."""
    lex = Lexicon()
    for p in lexicon_files(folder):
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                lex.add(parse_line(line, f"{p.name}:{n}"))
    lex.add_case_forms(load_json("rules", "entity_clitics.json").get("demonym_case_endings", []))
    return lex


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The packaged lexicon, loaded once per process."""
    return load_lexicon()


def is_media(entity_id: str) -> bool:
    """True for news outlets and agencies (lexicon file media.jsonl): they report events, they rarely act in them.
    Called for many mentions of every article: one set lookup once :func:`media_ids` has run."""
    return entity_id in (_MEDIA or media_ids())


#: :func:`media_ids`, once computed
_MEDIA: frozenset[str] = frozenset()


def media_ids() -> frozenset[str]:
    """The ids of the packaged lexicon's news outlets and agencies (what :func:`is_media` tests)."""
    global _MEDIA
    if not _MEDIA:
        _MEDIA = frozenset(e.id for e in default_lexicon().entries.values() if e.file.startswith("media"))
    return _MEDIA


def lint_text(s: str) -> list[str]:
    """Problems of one Arabic string of a data file."""
    out = []
    if unicodedata.normalize("NFC", s) != s:
        out.append("not NFC")
    if TATWEEL in s:
        out.append("tatweel")
    if PRESENTATION_RE.search(s):
        out.append("presentation form")
    if s != s.strip() or "  " in s:
        out.append("stray whitespace")
    return out


def lint_lexicon(folder: Traversable | Path | None = None) -> list[str]:
    """Every problem of the lexicon files: schema, text hygiene and forms that point at two entities."""
    problems: list[str] = []
    for p in lexicon_files(folder):
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{p.name}:{n}"
            if not line.strip():
                continue
            try:
                e = parse_line(line, where)
            except (json.JSONDecodeError, KeyError) as exc:
                problems.append(f"{where}: unreadable entry: {exc}")
                continue
            if not SLUG_RE.match(e.id):
                problems.append(f"{where}: id {e.id!r} is not a slug")
            if e.type not in TYPES:
                problems.append(f"{where}: type {e.type!r}")
            if e.wikidata is not None and not QID_RE.match(str(e.wikidata)):
                problems.append(f"{where}: wikidata {e.wikidata!r}")
            if not e.forms:
                problems.append(f"{where}: {e.id} has no Arabic form")
            seen: set[str] = set()
            for s in e.forms + e.demonyms + e.short:
                for why in lint_text(s):
                    problems.append(f"{where}: {s!r}: {why}")
                if s in seen:
                    problems.append(f"{where}: {s!r} listed twice")
                seen.add(s)
    lex = load_lexicon(folder)
    problems += lex.conflicts
    for e in lex.entries.values():
        if e.country is None:
            continue
        if e.type != "PLACE":
            problems.append(f"{e.file}: {e.id}: only a PLACE has a country")
        elif getattr(lex.entries.get(e.country), "type", None) != "COUNTRY":
            problems.append(f"{e.file}: {e.id}: country {e.country!r} is not a COUNTRY id")
    return problems
