"""The PLOVER trigger lexicon (``data/rules/triggers.json``) and the search for triggers in a sentence.

Verbs are given by their perfect and imperfect stems; the loader adds the person/number endings (نشر → نشرت، نشروا،
ينشر، تنشر، ينشرون …). Verbal nouns and explicit forms are listed as they are. A trigger may require one of a list of
words to follow in its clause (نشر troops, not نشر a report).
"""
from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass
from functools import lru_cache

from marsad.lexicon.load import key_of
from marsad.text.clitics import CliticIndex, Lookup
from marsad.resources import load_json
from marsad.text.document import Document, first_at_least
from marsad.text.tokenize import Token

PAST_ENDINGS = ("", "ت", "وا", "ا", "تا", "ن", "تم")
PRESENT_FORMS = ("ي{}", "ت{}", "ي{}ون", "ت{}ون", "ي{}وا", "ي{}ان", "ت{}ان", "ي{}ن")
VERB_PREFIXES = frozenset({"", "و", "ف", "س", "وس", "فس", "ل", "ول", "فل"})
NOUN_PREFIXES = frozenset({"", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وب", "ول", "فب", "فل", "وبال"})


#: the type of a phrase that holds a trigger word but states no act («تشكل تهديدا»): matched, then dropped
NOT_EVENT = "NONE"

#: the type of a light verb (شارك، قام، شن …): the event takes the type of the verbal noun it governs
LIGHT = "LIGHT"


#: third-person pronouns only: news reports acts of others («قصفها», «دعمه»); «الحربي» is not «my war»
TRIGGER_SUFFIXES = ("ه", "ها", "هم", "هما", "هن", "ا")  # and the accusative alef of تنوين الفتح (اجتماعاً)


@dataclass(frozen=True)
class Trigger:
    type: str
    mode: str | None
    pos: str                       # verb | noun | participle
    words: tuple[str, ...]         # folded
    requires: frozenset[str]       # folded words one of which must follow in the clause (empty: none)
    object_place: bool = False     # the object is where the act happens («استخدمت روسيا بيلاروسيا كمنصة»)


class Hit:
    """A trigger found at tokens ``[i, i + n)`` (a plain class: its ``__init__`` is compiled, a frozen dataclass's
    would not be)."""

    __slots__ = ("trigger", "i", "n", "prefix", "suffix")

    def __init__(self, trigger: Trigger, i: int, n: int, prefix: str, suffix: str = "") -> None:
        self.trigger = trigger
        self.i = i            # first token
        self.n = n            # tokens
        self.prefix = prefix  # proclitic on the first token (س marks the future)
        self.suffix = suffix  # pronoun on the first token («قصفها»: its agent is the pronoun's antecedent)

    def _key(self) -> tuple[Trigger, int, int, str, str]:
        return self.trigger, self.i, self.n, self.prefix, self.suffix

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Hit) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Hit({self.trigger.type}, {self.i}+{self.n}, {self.prefix!r}, {self.suffix!r})"


def _weak_end(stem: str, ending: str) -> str:
    """A stem ending in a weak letter (استولى، اعتدى، سعى، folded to ي) drops it before ت، تا، وا، ون: استولت، استولوا،
    يستولون; it stays before the other endings (استوليا، استوليتم، يستوليان)."""
    if stem.endswith("ي") and len(stem) > 2 and ending in ("ت", "تا", "وا", "ون"):
        return stem[:-1] + ending
    return stem + ending


def _conjugate(past: str, present: str) -> set[str]:
    p_words, r_words = key_of(past).split(), key_of(present).split()
    out = {" ".join([_weak_end(p_words[0], e)] + p_words[1:]) for e in PAST_ENDINGS}
    for f in PRESENT_FORMS:
        pre, post = f.split("{}")
        if not (pre == "ت" and post == "ون" and r_words[0].endswith("ي")):  # تسعون is ninety
            out.add(" ".join([pre + _weak_end(r_words[0], post)] + r_words[1:]))
    return out


_LOOKUP: list[CliticIndex[list[Trigger]]] = []  # built once (a module list: no lru_cache wrapper to call per use)


def trigger_lookup() -> CliticIndex[list[Trigger]]:
    """The trigger index keyed through clitics."""
    if not _LOOKUP:
        _LOOKUP.append(CliticIndex(trigger_index().items(), prefixes=VERB_PREFIXES | NOUN_PREFIXES,
                                   suffixes=TRIGGER_SUFFIXES))
    return _LOOKUP[0]


@lru_cache(maxsize=1)
def trigger_index() -> dict[str, list[Trigger]]:
    """First folded word → triggers starting with it (longest first)."""
    data = load_json("rules", "triggers.json")
    index: dict[str, list[Trigger]] = {}

    def add(form: str, group: dict, pos: str, requires: list[str]) -> None:
        words = tuple(form.split())
        req = frozenset(key_of(w) for w in requires)
        index.setdefault(words[0], []).append(Trigger(group["type"], group.get("mode"), pos, words, req,
                                                      bool(group.get("object_place"))))

    for g in data["triggers"] + [dict(data.get("not_events", {}), type=NOT_EVENT)]:
        group_req = g.get("requires", [])
        for v in g.get("verbs", []):
            for form in _conjugate(v["past"], v["present"]):
                add(form, g, "verb", v.get("requires", group_req))
        for form in g.get("explicit", []):
            add(key_of(form), g, "verb", group_req)
        for form in g.get("nouns", []):
            add(key_of(form), g, "noun", group_req)
        for form in g.get("participles", []):  # «المدعومة من إيران»: counted only with the agent after it
            add(key_of(form), g, "participle", [])
    light = data.get("light_verbs", {}).get("verbs", [])
    for v in light:
        for form in _conjugate(v["past"], v["present"]) - {key_of(w) for w in v.get("except", [])}:
            words = tuple(form.split())
            index.setdefault(words[0], []).append(Trigger(LIGHT, v.get("alone"), "verb", words, frozenset()))
    for v in index.values():
        v.sort(key=lambda t: len(t.words), reverse=True)
    return index


def _nominal_rank(trig: Trigger, prefix: str) -> int:
    """After a preposition or the article a verbal noun ranks first, else a verb (1 for the preferred reading)."""
    nominal = "ال" in prefix or "ب" in prefix or prefix.endswith("ل")
    return 1 if (trig.pos == "noun") == nominal else 0


def trigger_positions(doc: Document) -> list[int]:
    """Indices, in order, of the document's tokens that may start a trigger (each distinct form tested once)."""
    index = trigger_lookup()
    out: list[int] = []
    for form, at in doc.positions().items():
        if index.maybe(form):
            out.extend(at)
    out.sort()
    return out


def best_at(toks: list[Token], i: int, hi: int, index: CliticIndex[list[Trigger]]) -> Hit | None:
    """The trigger starting at token ``i`` and ending by ``hi``: the longest, then the reading its proclitic prefers
    (after a preposition or the article a verbal noun, else a verb); None when there is none."""
    norm = toks[i].norm
    if not index.maybe(norm):
        return None
    best: Trigger | None = None
    best_a: Lookup | None = None
    best_n = 0
    best_r = 0
    for a in index.lookup(norm):
        trigs: list[Trigger] = a.value
        for trig in trigs:
            allowed = VERB_PREFIXES if trig.pos == "verb" else NOUN_PREFIXES
            if a.prefix not in allowed:
                continue
            n = len(trig.words)
            if i + n > hi or any(toks[i + k].norm != trig.words[k] for k in range(1, n)):
                continue
            r = _nominal_rank(trig, a.prefix)
            if best is None or n > best_n or (n == best_n and r > best_r):
                best, best_a, best_n, best_r = trig, a, n, r
    if best is None or best_a is None:
        return None
    return Hit(best, i, best_n, best_a.prefix, best_a.suffix)


def find_triggers(toks: list[Token], lo: int, hi: int, blocked: Container[int] = frozenset(),
                  at: list[int] | None = None) -> list[Hit]:
    """Triggers in tokens ``[lo, hi)``, longest first at each position, not overlapping; ``blocked`` tokens (names)
    are never triggers. ``at``, when given, is :func:`trigger_positions` of the document (the only places to look)."""
    index = trigger_lookup()
    out: list[Hit] = []
    k, end = (lo, hi) if at is None else (first_at_least(at, lo), first_at_least(at, hi))
    i = lo
    while k < end:
        p = k if at is None else at[k]
        k += 1
        if p < i:
            continue
        i = p
        if i in blocked:
            continue
        best = best_at(toks, i, hi, index)
        if best is not None:
            out.append(best)
            i += best.n
    return out
