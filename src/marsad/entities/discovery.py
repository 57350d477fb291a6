"""Names that no lexicon has: people introduced by a title or a verb of saying, organisations by a head noun and quotes.

Rules (cue words are data, ``data/rules/discovery.json``):

* **title + name**: a title or role (الرئيس، الخبير العسكري العميد، المتحدث باسم …) followed, after any modifiers (ال-adjectives,
  names already found, باسم + body), by two to four name words: Arabic words that are not common words (``common_words.txt``),
  not function words, and carry no article unless a known first name precedes them (أحمد العطار).
* **verb of saying + name + comma**: قال ميتشل بيلفر، المحلل …
* **organisation head + quotation**: ميليشيا «لواء القدس», حركة "…".

A discovered person is also found wherever the article later uses the surname alone (coreference). Ids are romanised slugs,
so the same name gets the same id in every article.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.entities.tagger import CrfTagger
from marsad.entities.western import english_name
from marsad.lexicon.load import Entry, Lexicon, key_of
from marsad.resources import data_file, load_json
from marsad.text.clitics import CliticIndex, CueBank, Memo
from marsad.text.document import Document
from marsad.text.normalize import fold
from marsad.text.tokenize import Token

MAX_MODIFIERS = 5
VOWEL_LETTERS = frozenset("اأإآوي")
MAX_NAME = 4
QUOTES = {'"': '"', "«": "»", "“": "”", "”": "”"}


@dataclass(frozen=True)
class Cues:
    titles: dict[str, int]          # folded title phrase -> number of words
    title_cues: CueBank
    speech: frozenset[str]
    speech_index: CliticIndex[bool]
    org_head_index: CliticIndex[bool]
    stop: frozenset[str]
    particles: frozenset[str]
    modifiers: frozenset[str]
    first_names: dict[str, str]
    common: frozenset[str]
    not_names: frozenset[str]
    letters: dict[str, str]
    loanwords: dict


@lru_cache(maxsize=1)
def cues() -> Cues:
    d = load_json("rules", "discovery.json")
    titles = {key_of(t): len(key_of(t).split()) for t in d["person_titles"]}
    common = frozenset(line.strip() for line in data_file("rules", "common_words.txt").read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#"))
    return Cues(titles, CueBank({"titles": list(d["person_titles"])}),
                frozenset(fold(w) for w in d["speech_verbs"]),
                CliticIndex(((fold(w), True) for w in d["speech_verbs"]), prefixes=("", "و", "ف"), suffixes=()),
                CliticIndex(((fold(w), True) for w in d["org_heads"]), prefixes=("", "و", "ف", "ب", "ل", "وب", "ول"),
                            suffixes=()),
                frozenset(fold(w) for w in d["name_stop"]),
                frozenset(fold(w) for w in d["name_particles"]), frozenset(fold(w) for w in d["modifier_words"]),
                {key_of(k): v for k, v in d["first_names"].items()},
                common, frozenset(fold(w) for w in d["not_name_words"] + d["org_heads"]), d["romanise"], _loanword_rules(d))


def _loanword_rules(d: dict) -> dict:
    lw = dict(d["loanwords"])
    lw["foreign_letters"] = frozenset(lw["foreign_letters"])
    lw["arabic_letters"] = frozenset(lw["arabic_letters"])
    return lw


@lru_cache(maxsize=1)
def name_words() -> dict[str, str]:
    """Arabic name words with their English spelling, learned from the people of the lexicon: where an entry's full
    Arabic form and its English name have the same number of words, each word pairs with its counterpart (فلاديمير →
    Vladimir, لافروف → Lavrov). The curated first names of ``discovery.json`` take precedence."""
    from collections import Counter, defaultdict

    from marsad.lexicon.load import default_lexicon

    seen: dict[str, Counter] = defaultdict(Counter)
    for e in default_lexicon().entries.values():
        if e.type != "PERSON":
            continue
        english = e.name.split()
        for form in e.forms:
            arabic = key_of(form).split()
            if len(arabic) == len(english) and len(arabic) > 1:
                for a, b in zip(arabic, english):
                    seen[a][b] += 1
    table = {a: c.most_common(1)[0][0] for a, c in seen.items()}
    table.update(cues().first_names)
    return table


def romanise(arabic: str) -> str:
    """A rough Latin spelling of an Arabic name: known name words by their usual spelling (curated first names, then
    words learned from the lexicon's people), other words letter by letter. Names recur across articles: each surface is
    spelled once."""
    return _ROMANISED[arabic]


def _romanise(arabic: str) -> str:
    c = cues()
    known = name_words()
    words = []
    parts = arabic.split()
    skip = False
    for k, w in enumerate(parts):
        if skip:
            skip = False
            continue
        f = fold(w)
        pair = f"{f} {fold(parts[k + 1])}" if k + 1 < len(parts) else ""
        if pair in c.first_names:  # عبد الله، عبد الرحمن
            words.append(c.first_names[pair])
            skip = True
            continue
        if f in known:
            words.append(known[f])
            continue
        spelled = spell(w)
        western = english_name(f, spelled, given=not words and len(parts) > 1) if looks_foreign(f) else None
        words.append(western or spelled)
    return " ".join(x for x in words if x)


_ROMANISED: Memo[str] = Memo(_romanise)


def looks_foreign(w: str) -> bool:
    """A loanword spelling (بيلفر، ستارمر، زوكرمان) rather than an Arabic name: no letter only Arabic words use, no
    article, and not one of the short templates of Arabic names (فعال، فعيل، فاعل، مفعول)."""
    lw = cues().loanwords
    if set(w) & lw["foreign_letters"]:
        return True
    if set(w) & lw["arabic_letters"] or w.startswith("ال"):
        return False
    return not any(re.fullmatch(t, w) for t in lw["arabic_templates"])


def spell(w: str) -> str:
    """One Arabic word spelled letter by letter in Latin, capitalised (the article as «al-»)."""
    if looks_foreign(w):
        return _spell_loanword(w)
    c = cues()
    stem = w[2:] if w.startswith("ال") else ""
    if len(stem) == 4 and stem[2] == "ا" and not set(stem[:2] + stem[3]) & VOWEL_LETTERS:
        # «ال» + فعّال, the trade names of families (العطار، النجار، الحداد): al-Attar, al-Najjar, al-Haddad
        c1, c2, c3 = (("a" if x == "ع" else c.letters.get(x, "")) for x in (stem[0], stem[1], stem[3]))
        first = c1 if stem[0] == "ع" else c1 + "a"
        return "al-" + (first + c2 + c2 + "a" + c3).capitalize()
    out = []
    s0 = 2 if w.startswith("ال") and len(w) > 4 else 0  # the stem after the article
    for i, ch in enumerate(w):
        r = c.letters.get(ch, "" if not ch.isascii() else ch)
        if ch in "وي" and 0 < i < len(w) - 1:
            r = "u" if ch == "و" else "i"
        if ch in "أإآا" and i == 0:
            r = "a" if ch != "إ" else "i"
        if ch == "ع" and i == s0:
            r = "a"  # عطار → Attar, عمر → Omar: an opening ain is heard as a vowel
        if i == s0 + 1 and w[s0] not in VOWEL_LETTERS and w[s0] != "ع" and ch not in VOWEL_LETTERS:
            r = "a" + r  # two consonants open the stem: the short vowel between them is written (رحال → Rahal)
        out.append(r)
    word = "".join(out)
    if re.match(r"al[a-z]{3}", word):
        return "al-" + word[2:3].upper() + word[3:]
    return word[:1].upper() + word[1:]


def _spell_loanword(w: str) -> str:
    """A Western name written in Arabic letters, spelled by the usual English rendering of each letter group
    (``discovery.json`` → ``loanwords``): the longest group that matches at the start, the end or anywhere wins
    (تش → ch, ‑وف → ov, و → o, غ → g); an unwritten «e» goes before a final sonorant after a consonant (بايدن → Biden)."""
    lw = cues().loanwords
    out = []
    i = 0
    n = len(w)
    while i < n:
        for size in (4, 3, 2, 1):
            g = w[i:i + size]
            if len(g) < size:
                continue
            r = None
            if i == 0:
                r = lw["initial"].get(g)
            if r is None and i + size == n:
                r = lw["final"].get(g)
            if r is None:
                r = lw["groups"].get(g)
            if r is not None:
                break
        else:
            g, r = w[i], cues().letters.get(w[i], "" if not w[i].isascii() else w[i])
        if g == "ي" and 0 < i and i + 2 < n and not set(w[i + 1:i + 3]) & VOWEL_LETTERS:
            r = lw["closed_i"]  # before two consonants, a closed syllable: بيلفر → Belfer, بنس → Pence
        if i == 1 and w[0] not in VOWEL_LETTERS and w[1] not in VOWEL_LETTERS and w[:2] not in lw["onsets"]:
            r = "e" + r  # no Western word opens with these two consonants: the vowel between them is unwritten
        out.append(r)
        i += len(g)
    word = "".join(out)
    word = re.sub(lw["unwritten_e_inside"], r"\1e\2", word)
    word = re.sub(lw["unwritten_e"], r"\1e\2", word)
    return word[:1].upper() + word[1:]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


TITLE_PREFIXES = frozenset({"", "و", "ف", "ل", "ب"})


def title_starts(doc: Document, c: Cues) -> dict[int, int]:
    """Token index → length of the title starting there."""
    hits = c.title_cues.scan(doc.tokens, doc.tokens_in(c.title_cues.readings))["titles"]
    return {i: n for i, n, p in hits if p in TITLE_PREFIXES}


def _name_word(tok: Token, c: Cues, after_first_name: bool) -> bool:
    n = tok.norm
    if tok.kind != "word" or len(n) < 2:
        return False
    if n in c.stop or n in c.speech or n in c.titles:
        return False
    if n.startswith("ال") and not after_first_name:
        return False
    if n in c.common and n not in c.first_names:
        return False
    if n in c.not_names or n.startswith(("بال", "وال", "فال", "كال", "لل", "وبال")):
        return False  # a head noun (مجلس، قصر، شركة) or a word with preposition + article is no part of a name
    if n[:1] in ("ب", "ل", "ك") and (n[1:] in c.common or n[1:] in c.not_names):
        return False  # «بإدارة», «لجلالة»: a preposition on an ordinary word
    if n.startswith("و") and n[1:] in c.stop:
        return False
    return tok.is_arabic  # last: the only test that runs a regular expression


def _name_after(toks: list[Token], j: int, cov: list[bool], c: Cues) -> tuple[int, int] | None:
    """The name words starting at token j: (j, k) with 2 ≤ k - j ≤ MAX_NAME, or None (``cov``: the covered tokens)."""
    k = j
    words = 0
    while k < len(toks) and words < MAX_NAME and not cov[k]:
        first = k > j and (toks[j].norm in c.first_names or toks[k - 1].norm in c.particles)
        if toks[k].norm in c.particles and k > j and k + 1 < len(toks) and _name_word(toks[k + 1], c, True):
            k += 1  # بن، أبو، آل … count only with the word they join
            continue
        if not _name_word(toks[k], c, first):
            break
        k += 1
        words += 1
    while k > j and toks[k - 1].norm in c.particles:
        k -= 1
    return (j, k) if words >= 2 else None


TAGGER_WINDOW = 10


@lru_cache(maxsize=1)
def _unit_words() -> tuple[CliticIndex[str], dict[str, str]]:
    d = load_json("rules", "discovery.json")["ordinal_units"]
    heads = CliticIndex(((fold(h), e) for h, e in d["heads"].items()), prefixes=("", "و", "ف", "ب", "ك", "وب", "وك"),
                        suffixes=())
    return heads, {fold(o): e for o, e in d["ordinals"].items()}


def _ordinal_units(doc: Document, finds: "_Finds", lex: Lexicon) -> list[tuple[int, int, Entry, str]]:
    """Units named by head + ordinal (الفيلق السادس → Sixth Corps), and the ordinals coordinated after one
    («الفيلق الخامس والسادس»: the Sixth Corps too, its mention the ordinal alone). A unit the lexicon knows by that
    English name keeps its entry."""
    heads, ordinals = _unit_words()
    toks = doc.tokens
    cov = finds.cov
    out: list[tuple[int, int, Entry, str]] = []
    for i in doc.tokens_in(heads.surface):
        t = toks[i]
        if i + 1 >= len(toks) or toks[i + 1].norm not in ordinals:
            continue
        head = heads.lookup(t.norm)[0].value
        if not cov[i] and not cov[i + 1]:
            _unit(out, doc, lex, finds, head, ordinals[toks[i + 1].norm],
                  toks[i].offset_of(len(heads.lookup(t.norm)[0].prefix)), toks[i + 1].end)
        k = i + 2
        while k < len(toks):  # «… الخامس والسادس» / «… الخامس و السادس»
            tk = toks[k]
            if tk.norm == "و" and k + 1 < len(toks) and toks[k + 1].norm in ordinals:
                k += 1
                tk, skip = toks[k], 0
            elif tk.norm.startswith("و") and tk.norm[1:] in ordinals:
                skip = 1
            else:
                break
            if not cov[k]:
                _unit(out, doc, lex, finds, head, ordinals[tk.norm[skip:]], tk.offset_of(skip), tk.end)
            k += 1
    return out


def _unit(out: list[tuple[int, int, Entry, str]], doc: Document, lex: Lexicon, finds: "_Finds", head: str, ordinal: str,
          s: int, e: int) -> None:
    """The unit «head ordinal» at ``[s, e)`` (outside page chrome) into ``out``, and its tokens covered."""
    name = f"{ordinal} {head}"
    entry = lex.entries.get(slug(name)) or Entry(slug(name), name, "ORG", None, [], [doc.text[s:e]], [], [], [], "discovered", "")
    if not doc.in_chrome(s, e):
        out.append((s, e, entry, "discovery:ordinal-unit"))
        finds.cover(s, e)


def _cue_windows(doc: Document, cue_at: list[int], c: Cues, covered: Callable[[Token], bool],
                people_found: list[tuple[int, int, Entry, str]]) -> Iterator[tuple[int, int]]:
    """Token windows after a title or a verb of saying (``cue_at``, in order) where an unknown word stands and no person
    was found: the only places the statistical tagger is run (the cheap signal that an unknown name is there).
    ``covered`` is asked as each window comes (a caller may cover tokens between two windows)."""
    persons = _person_starts(doc, people_found)
    last = -1
    for p in cue_at:
        if p < last:
            continue
        hi = _window(doc.tokens, p, persons, [covered(t) for t in doc.tokens], c)
        if hi >= 0:
            last = hi
            yield p, hi


def _person_starts(doc: Document, found: list[tuple[int, int, Entry, str]]) -> set[int]:
    """The first tokens of the people in ``found``."""
    return {doc.token_index(s) for s, _, e, _ in found if e.type == "PERSON"}


def _window(toks: list[Token], p: int, persons: set[int], cov: list[bool], c: Cues) -> int:
    """The end of the tagger's window after the cue at token ``p`` (see :func:`_cue_windows`), or -1 for none."""
    hi = min(len(toks), p + TAGGER_WINDOW)
    for x in persons:
        if p <= x < hi:
            return -1
    for x in range(p + 1, min(hi, p + 7)):
        t = toks[x]
        n = t.norm
        if not cov[x] and n not in c.common and n not in c.stop and not n.startswith("ال") and t.is_arabic:
            return hi if _may_hold_name(toks, p, hi, cov, c) else -1
    return -1


def _may_hold_name(toks: list[Token], lo: int, hi: int, cov: list[bool], c: Cues) -> bool:
    """Whether tokens ``[lo, hi)`` hold two neighbours that could open a name (:func:`tagged_people` keeps only spans of
    two or more such words), so that the tagger is not run where nothing it finds could be kept."""
    for x in range(lo, hi - 1):
        if not cov[x] and not cov[x + 1] and _name_word(toks[x], c, False) and _name_word(toks[x + 1], c, True):
            return True
    return False


def tagged_people(toks: list[Token], lo: int, hi: int, cov: list[bool], c: Cues) -> list[tuple[int, int]]:
    """PER spans of the CRF tagger in a window of tokens that pass the name checks (two to four words, none known, none a
    common word unless a first name, none covered by ``cov``)."""
    out = []
    words = [t.text for t in toks[lo:hi]]
    for a, b, label in CrfTagger.default().spans(words):
        i, k = lo + a, lo + b
        if label != "PER" or not 2 <= k - i <= MAX_NAME or _any_covered(cov, i, k):
            continue
        if all(_name_word(toks[x], c, x > i and toks[i].norm in c.first_names) for x in range(i, k)):
            out.append((i, k))
    return out


def _any_covered(cov: list[bool], i: int, k: int) -> bool:
    for x in range(i, k):
        if cov[x]:
            return True
    return False


class _Finds:
    """What discovery has found in one document so far: entities with their mentions ``(start, end, entry, rule)``, the
    people by key, and the tokens that those mentions and the lexicon's cover (``cov[i]``: token i is covered).

    A class rather than closures inside :func:`discover`: compiled (mypyc), closures and their shared scope form a
    reference cycle holding the document, which then outlives the article until the garbage collector runs.
    """

    def __init__(self, doc: Document, lex: Lexicon):
        self.doc, self.toks, self.lex = doc, doc.tokens, lex
        self.cov: list[bool] = [False] * len(doc.tokens)
        self.found: list[tuple[int, int, Entry, str]] = []
        self.people: dict[str, Entry] = {}

    def cover(self, s: int, e: int) -> None:
        """Cover the tokens that the text ``[s, e)`` touches."""
        rng = self.doc.char_span(s, e)
        if rng:
            self.cover_tokens(rng[0], rng[1])

    def cover_tokens(self, i: int, k: int) -> None:
        cov = self.cov
        for x in range(i, k):
            cov[x] = True

    def covered(self, t: Token) -> bool:
        return self.cov[t.i]

    def add_person(self, i: int, k: int, rule: str) -> None:
        toks = self.toks
        s, e = toks[i].start, toks[k - 1].end
        if self.doc.in_chrome(s, e) or _any_covered(self.cov, i, k):
            return
        surface = " ".join([t.text for t in toks[i:k]])
        key = key_of(surface)
        if key in self.lex.keys:
            return
        entry = self.people.get(key)
        if entry is None:
            name = romanise(surface)
            entry = self.people[key] = Entry(slug(name), name, "PERSON", None, [], [surface], [], [], [], "discovered", "")
        self.found.append((s, e, entry, rule))
        self.cover_tokens(i, k)


def discover(doc: Document, taken: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int, Entry, str]]:
    """New entities with their mentions: (start, end, entry, rule). ``taken``: the token ranges ``[i, k)`` already named
    (by the lexicon and the state bodies)."""
    c = cues()
    toks = doc.tokens
    if not toks:
        return []
    finds = _Finds(doc, lex)
    cov, found, people = finds.cov, finds.found, finds.people
    for a, b in taken:
        finds.cover_tokens(a, b)

    titles = title_starts(doc, c)
    speech_at = doc.tokens_in(c.speech_index.surface)
    starts = sorted({*titles, *speech_at, *doc.tokens_in(c.org_head_index.surface)})  # where a rule below can fire
    i = 0
    for p in starts:
        if p < i:
            continue
        i = p
        t = toks[i]
        n = titles.get(i, 0)
        if n:
            j = i + n
            mods = 0
            while j < len(toks) and mods < MAX_MODIFIERS:
                tj = toks[j]
                if cov[j] or tj.norm in c.modifiers or (tj.norm.startswith("ال") and tj.norm not in c.first_names) \
                        or j in titles:
                    j += 1
                    mods += 1
                    continue
                if tj.norm == "(" and j + 2 < len(toks) and toks[j + 2].norm == ")":
                    j += 3
                    continue
                if tj.norm in ("في", "-", "و") and j + 1 < len(toks) and toks[j + 1].norm.startswith("ال"):
                    j += 1  # «المتخصص في الشؤون الأوروبية - الآسيوية ديفيد تيورتري»
                    continue
                if tj.norm in ("عن", "من", "في", "لدى") and j + 1 < len(toks) and cov[j + 1]:
                    j += 1  # «المقدم المنشق عن ميليشيات أسد أحمد العطار»: a named body inside the title phrase
                    while j < len(toks) and cov[j]:
                        j += 1
                    continue
                break
            span = _name_after(toks, j, cov, c)
            if span:
                finds.add_person(span[0], span[1], "discovery:title")
                i = span[1]
                continue
        elif t.norm in c.speech_index.surface:
            span = _name_after(toks, i + 1, cov, c)
            if span and span[1] < len(toks) and toks[span[1]].norm in (",", ":", "،"):
                finds.add_person(span[0], span[1], "discovery:speech")
                i = span[1]
                continue
        elif t.norm in c.org_head_index.surface and i + 1 < len(toks) and toks[i + 1].text in QUOTES:
            close = QUOTES[toks[i + 1].text]
            k = i + 2
            while k < len(toks) and k - i < 8 and toks[k].text != close:
                k += 1
            if k < len(toks) and toks[k].text == close and k > i + 2 and toks[i + 2].norm not in c.stop \
                    and toks[i + 2].norm not in c.common:
                s, e = toks[i + 2].start, toks[k - 1].end
                surface = doc.text[s:e]
                if key_of(surface) not in lex.keys and not _any_covered(cov, i + 2, k) \
                        and not doc.in_chrome(s, e):
                    name = romanise(surface)
                    found.append((s, e, Entry(slug(name), name, "ORG", None, [], [surface], [], [], [], "discovered", ""),
                                  "discovery:quoted-org"))
                    finds.cover_tokens(i + 2, k)
                i = k
                continue

    found += _ordinal_units(doc, finds, lex)

    # the statistical tagger, only in sentences where a title or a verb of saying announces a name that the rules
    # above did not find (the cheap signal; see tagged_people)
    persons = _person_starts(doc, found)
    last = -1
    for p in sorted({*titles, *speech_at}):
        if p < last:
            continue
        hi = _window(toks, p, persons, cov, c)
        if hi >= 0:
            last = hi
            for i, k in tagged_people(toks, p, hi, cov, c):
                finds.add_person(i, k, "tagger:crf")

    # coreference: a discovered person's surname alone, anywhere else in the article
    if not people:
        return found
    surnames = CliticIndex(((key.split()[-1], entry) for key, entry in people.items()
                            if len(key.split()[-1]) >= 3 and key.split()[-1] not in c.common),
                           prefixes=("", "و", "ف", "ل", "ب"), suffixes=())
    if surnames.surface:
        for x in doc.tokens_in(surnames.surface):
            t = toks[x]
            if cov[x]:
                continue
            hit = surnames.lookup(t.norm)[0]
            start = t.offset_of(len(hit.prefix))
            found.append((start, t.end, hit.value, "coref:surname"))
            cov[x] = True
    return found
