"""Looking words up through their clitics without analysing every token.

:class:`CliticIndex` holds folded stems with a value each. It stores every stem under each proclitic it may carry (و، ف، ب،
ل، ال، لل … from ``data/rules/clitics.json``, with ل + ال written لل), so that a token is looked up with a few dictionary
probes — the whole word, then the word less each enclitic — instead of by building its analyses. This is the hot path of
cue, trigger and title matching.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from marsad.text.tokenize import Token, clitics, key_of

V = TypeVar("V")
#: how many distinct word forms an index remembers its answers (:meth:`CliticIndex.maybe`, :meth:`CliticIndex.lookup`) for
MEMO_SIZE = 100_000
PROCLITICS_FOR_CUES = ("", "و", "ف", "ل", "ب", "وب", "ول", "فل", "فب")


@dataclass(frozen=True, slots=True)
class Lookup:  # not Generic[V]: mypyc 1.13 cannot build a generic dataclass
    prefix: str
    stem: str
    suffix: str
    value: Any


def attach(prefix: str, stem: str) -> str:
    """How a proclitic is written on a stem: ل + الكرملين → للكرملين, ل + اللجنة → للجنة (the alef goes, and the
    article's lam merges with a stem-initial lam)."""
    if prefix.endswith("ل") and stem.startswith("ال"):
        rest = stem[2:]
        return prefix[:-1] + ("ل" if rest.startswith("ل") else "لل") + rest
    return prefix + stem


class Memo(Generic[V]):
    """Answers of a function of a word form (or of a few), computed on first use; forgets everything past
    :data:`MEMO_SIZE` keys. Read with ``memo[key]``.

    It holds its dict rather than being one: compiled by mypyc 1.13, a ``dict`` subclass with attributes never frees
    its instance ``__dict__``, so every memo built per article (discovery's surnames index) leaked its function and
    everything that function's object held."""

    def __init__(self, compute: Callable[[Any], V]):
        self.compute = compute
        self.values: dict[Any, V] = {}

    def __getitem__(self, key: Any) -> V:
        values = self.values
        try:
            return values[key]
        except KeyError:
            pass
        if len(values) >= MEMO_SIZE:
            values.clear()
        value = values[key] = self.compute(key)
        return value

    def __len__(self) -> int:
        return len(self.values)

    def clear(self) -> None:
        self.values.clear()


class _Stems:
    """Surface forms (a stem under each proclitic) → ``(prefix, stem, value)``, read under any enclitic of
    ``suffix_set``: what :class:`CliticIndex` looks tokens up in."""

    def __init__(self, suffix_set: frozenset[str]):
        self.surface: dict[str, list[tuple[str, str, Any]]] = {}
        self.suffix_set = suffix_set
        self.suffix_lengths = tuple(sorted({len(x) for x in suffix_set}))

    def readings(self, norm: str) -> list[Lookup]:
        surface = self.surface
        out: list[Lookup] = [Lookup(p, stem, "", value) for p, stem, value in surface.get(norm, ())]
        n = len(norm)
        for k in self.suffix_lengths:
            if n - k < 2 or norm[n - k:] not in self.suffix_set:
                continue
            base, s = norm[: n - k], norm[n - k:]
            for cand in ((base, base[:-1] + "ه") if base.endswith("ت") else (base,)):
                for p, stem, value in surface.get(cand, ()):
                    out.append(Lookup(p, stem, s, value))
        return out

    def may_have_reading(self, norm: str) -> bool:
        surface = self.surface
        if norm in surface:
            return True
        n = len(norm)
        for k in self.suffix_lengths:
            if n - k >= 2 and norm[n - k:] in self.suffix_set:
                base = norm[: n - k]
                if base in surface or (base[-1] == "ت" and base[:-1] + "ه" in surface):
                    return True
        return False


class CliticIndex(Generic[V]):
    """Folded stems → values, found under any proclitic and enclitic."""

    def __init__(self, items: Iterable[tuple[str, V]] = (), prefixes: Iterable[str] | None = None,
                 suffixes: Iterable[str] | None = None):
        pro, enc, _ = clitics()
        self.prefixes = tuple(sorted(set(prefixes if prefixes is not None else pro) | {""}, key=len))
        self.suffixes = tuple(sorted(set(suffixes if suffixes is not None else enc) | {""}, key=len))
        stems = _Stems(frozenset(x for x in self.suffixes if x))
        self.surface: dict[str, list[tuple[str, str, Any]]] = stems.surface
        # the memos call the stems, not this index: a memo holding a method of the index would make a reference cycle,
        # and an index built per article (discovery's surnames) would then wait for the garbage collector
        self._maybe: Memo[bool] = Memo(stems.may_have_reading)
        self._readings: Memo[list[Lookup]] = Memo(stems.readings)
        for stem, value in items:
            self.add(stem, value)

    def add(self, stem: str, value: V) -> None:
        definite = stem.startswith("ال")
        for p in self.prefixes:
            if definite and ("ال" in p or p.endswith("لل")):
                continue  # the article is already on the stem
            self.surface.setdefault(attach(p, stem), []).append((p, stem, value))
        self._maybe.clear()
        self._readings.clear()

    def lookup(self, norm: str) -> list[Lookup]:
        """Every reading of a folded token whose stem is in the index (remembered per form: do not change the list)."""
        return self._readings[norm]

    def __contains__(self, norm: str) -> bool:
        return bool(self.lookup(norm))

    def maybe(self, norm: str) -> bool:
        """A cheap test that rules out most tokens before :meth:`lookup`: False only when no reading can exist.
        Answers are remembered per form (word forms recur from article to article)."""
        return self._maybe[norm]


class CueSet:
    """A set of single- and multi-word cues, folded; the first word may carry clitics."""

    def __init__(self, cues: list[str]):
        phrases: dict[str, list[tuple[str, ...]]] = {}
        for c in cues:
            words = tuple(key_of(c).split())
            if words:
                phrases.setdefault(words[0], []).append(words)
        for v in phrases.values():
            v.sort(key=len, reverse=True)
        self.index: CliticIndex[list[tuple[str, ...]]] = CliticIndex(phrases.items(), suffixes=())

    def match_at(self, toks: list[Token], i: int, prefixes=PROCLITICS_FOR_CUES) -> int:
        """Length in tokens of the longest cue starting at token ``i`` (its first word may carry a proclitic), or 0."""
        for hit in self.index.lookup(toks[i].norm):
            if hit.prefix not in prefixes:
                continue
            for words in hit.value:
                n = len(words)
                if i + n <= len(toks) and all(toks[i + k].norm == words[k] for k in range(1, n)):
                    return n
        return 0

    def find(self, toks: list[Token], lo: int, hi: int) -> list[tuple[int, int]]:
        """Every cue occurrence in tokens ``[lo, hi)`` as ``(i, n)``."""
        out = []
        i = lo
        surface = self.index.surface
        while i < hi:
            n = self.match_at(toks, i) if toks[i].norm in surface else 0
            if n:
                out.append((i, n))
                i += n
            else:
                i += 1
        return out


class CueBank:
    """Many named cue sets scanned in one pass over a document's tokens.

    ``scan`` returns, for every set, the non-overlapping occurrences ``(i, n, prefix)`` (first token, length in tokens,
    proclitic on the first word), longest first at each position.
    """

    def __init__(self, sets: dict[str, list[str]]):
        phrases: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for name, cues in sets.items():
            for c in cues:
                words = tuple(key_of(c).split())
                if words:
                    phrases.setdefault(words[0], []).append((name, words))
        for v in phrases.values():
            v.sort(key=lambda x: len(x[1]), reverse=True)
        self.names = tuple(sets)
        self.index: CliticIndex[list[tuple[str, tuple[str, ...]]]] = CliticIndex(phrases.items(), suffixes=())
        # surface form → [(prefix, name, words)], the reading with the shortest proclitic first
        self.readings: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {
            surf: [(p, name, words) for p, _, value in sorted(vals, key=lambda v: len(v[0])) for name, words in value]
            for surf, vals in self.index.surface.items()}

    def scan(self, toks: list[Token], at: Iterable[int] | None = None) -> dict[str, list[tuple[int, int, str]]]:
        """Cue occurrences in ``toks``; ``at``, when given, lists (ascending) the only token indices where a cue can
        start — those whose form is a key of :attr:`readings`, e.g. ``doc.tokens_in(bank.readings)``."""
        out: dict[str, list[tuple[int, int, str]]] = {name: [] for name in self.names}
        ends: dict[str, int] = {}
        readings = self.readings
        total = len(toks)
        for i in range(total) if at is None else at:
            found = readings.get(toks[i].norm)
            if not found:
                continue
            seen: set[str] = set()
            for prefix, name, words in found:
                if name in seen or ends.get(name, 0) > i:
                    continue
                n = len(words)
                if n > 1 and (i + n > total or toks[i + 1].norm != words[1]
                              or not all(toks[i + k].norm == words[k] for k in range(2, n))):
                    continue
                out[name].append((i, n, prefix))
                ends[name] = i + n
                seen.add(name)
        return out
