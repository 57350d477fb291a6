"""Western names written in Arabic letters, spelled the way English writes them (زوكرمان → Zuckerman, ميلر → Miller).

Arabic writes a Western name by its sounds: consonants, long vowels, no short vowels. Spelling it back letter by letter
gives "Zokerman"; the census lists of given names and surnames (``data/names/``) hold the spelling an English reader
expects. A name of the lists matches an Arabic word when both reduce to the same consonant classes in the same order
(``rules/western_names.json``: تش and ch, ك/ق and k/c/ck, س/ز/ص and s/z …) and, between them, every long vowel the Arabic
writes has an English vowel it may stand for; among the names that match, the most frequent wins. A word whose classes
no listed name has, or that is too short to be told apart (one consonant), keeps its letter-by-letter spelling.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import product

from marsad.resources import data_file, load_json

MAX_READINGS = 16  # spellings of one English name as consonant classes (ch → تش/ش/ك …), most names have one or two
# Measured on the people of the lexicon as a held-out check (scripts/romanise_check.py --western): words of fewer
# consonants, or candidates further than half their length from the letter-by-letter spelling, match too many names
# (بن → Penn, زكي → Socha) and cost Arab and other non-Western names more than they give Western ones.
MIN_CONSONANTS = 3


@lru_cache(maxsize=1)
def _rules() -> dict:
    return load_json("rules", "western_names.json")


def arabic_shape(word: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(consonant classes, vowel letters in each gap) of a folded Arabic word, or None if a letter has no class."""
    r = _rules()
    classes, gaps, gap = [], [], ""
    for i, ch in enumerate(word):
        cls = r["initial_consonants"].get(ch) if i == 0 else None
        cls = cls or r["arabic_classes"].get(ch)
        if cls:
            gaps.append(gap)
            classes.append(cls)
            gap = ""
        elif ch in r["vowel_letters"]:
            gap += ch
        elif ch not in r["arabic_silent"]:
            return None
    gaps.append(gap)
    return tuple(classes), tuple(gaps)


def english_shapes(name: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """Every (consonant classes, English vowels in each gap) reading of an English name."""
    r = _rules()
    graphemes, vowels = r["english_graphemes"], r["english_vowels"]
    w = name.lower()
    if w.endswith(r["silent_final"]) and len(w) > 2 and w[-2] not in vowels:
        w = w[:-1]
    units: list[list[str] | str] = []  # a list of readings for a consonant group, a str for a vowel letter
    i = 0
    while i < len(w):
        if i == 0 and w[0] in r["english_consonant_initial"]:
            units.append([r["english_consonant_initial"][w[0]]])
            i += 1
            continue
        for size in (3, 2, 1):
            g = w[i:i + size]
            if g in graphemes:
                if g[-1] == w[i + size:i + size + 1] and size == 1:  # a doubled consonant is one sound
                    size += 1
                units.append(graphemes[g])
                i += size
                break
        else:
            if w[i] not in vowels:
                return []  # a letter outside the English alphabet: no reading
            units.append(w[i])
            i += 1
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    for choice in product(*(u for u in units if isinstance(u, list))):
        if len(out) >= MAX_READINGS:
            break
        classes, gaps, gap, k = [], [], "", 0
        for u in units:
            if isinstance(u, str):
                gap += u
                continue
            for cls in choice[k]:
                gaps.append(gap)
                classes.append(cls)
                gap = ""
            k += 1
        gaps.append(gap)
        out.append((tuple(classes), tuple(gaps)))
    return out


def _gaps_agree(arabic: tuple[str, ...], english: tuple[str, ...]) -> bool:
    r = _rules()
    letters, digraphs = r["vowel_letters"], r["gap_digraphs"]
    last = len(arabic) - 1
    for k, (a, e) in enumerate(zip(arabic, english)):
        e = e.replace("h", "")
        if not a:
            if len(e) > (0 if k in (0, last) else 1):
                return False  # Arabic writes first and last vowels, and leaves at most one short vowel unwritten
        elif not e:
            return False  # a long vowel written where English has none
        elif a in digraphs:
            if not set(digraphs[a]) & set(e):
                return False
        elif any(not set(letters[x]) & set(e) for x in a):
            return False
    return True


class NameList:
    """One census list indexed by consonant classes."""

    def __init__(self, names: list[str]):
        self.index: dict[tuple[str, ...], list[tuple[int, str, tuple[str, ...]]]] = {}
        for rank, name in enumerate(names):
            for classes, gaps in english_shapes(name):
                if len(classes) >= 2:
                    self.index.setdefault(classes, []).append((rank, name, gaps))

    def english(self, folded_word: str, spelled: str) -> str | None:
        """The most frequent listed name that the Arabic word may spell and that stays near ``spelled`` (the word's
        letter-by-letter spelling), or None."""
        shape = arabic_shape(folded_word)
        if shape is None or len(shape[0]) < MIN_CONSONANTS or folded_word.endswith(tuple(_rules()["slavic_endings"])):
            return None
        classes, gaps = shape
        near = spelled.lower()
        best = min(((rank, name) for rank, name, eg in self.index.get(classes, ())
                    if _gaps_agree(gaps, eg) and distance(name.lower(), near) <= max(2, len(name) // 2)), default=None)
        return best[1] if best else None


def english_name(folded_word: str, spelled: str, given: bool) -> str | None:
    """The English spelling of one word of a Western name: from the given names for a first word (``given``), from the
    surnames otherwise, then from the other list."""
    first, second = (given_names(), surnames()) if given else (surnames(), given_names())
    return first.english(folded_word, spelled) or second.english(folded_word, spelled)


def distance(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    prev = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        cur = [i]
        for j, y in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x != y)))
        prev = cur
    return prev[-1]


def _read_list(name: str) -> list[str]:
    text = data_file("names", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@lru_cache(maxsize=1)
def given_names() -> NameList:
    return NameList(_read_list("given_names.txt"))


@lru_cache(maxsize=1)
def surnames() -> NameList:
    return NameList(_read_list("surnames.txt"))
