"""Offset-preserving recognition of numbers in raw Arabic news text.

Finds digit numbers (ASCII, Arabic-Indic, Persian; thousands separators and decimals), cardinal number
words (1-999 in all genders and case forms, with scale words ألف/مليون/مليار), digits mixed with scale
words ("17 ألف"), the dual of a countable noun ("كتيبتين" = 2 كتيبة), ordinals ("الفيلق الخامس"),
approximation and bound cues ("نحو", "أكثر من") and the counted noun after a number ("300 عنصر",
"600 من الجنود").

All matching runs on a scanning copy of the text (see :class:`Scan`): letter variants and digits are folded
one character for one character, and tashkeel/tatweel runs are removed with an offset map, so spans found
there are mapped back to exact offsets in the raw text. Language data lives in ``data/rules/numbers.json``.

Usage::

    from marsad.text.numbers import find_numbers
    for span in find_numbers("قوة قوامها نحو 4000 فرد"):
        print(span.value, span.unit, span.approx)   # 4000 فرد True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Iterable

from marsad.resources import load_json
from marsad.text.normalize import positions_of

__all__ = [
    "NumberSpan",
    "NounInfo",
    "find_numbers",
    "parse_cardinal",
    "fold",
    "fold_key",
    "alternation",
    "prepare",
    "Scan",
    "digit_runs",
    "prev_word",
    "register_word_keys",
    "words",
    "MARKS",
    "noun_info",
]

#: Tashkeel (U+064B-U+065F), superscript alef (U+0670) and tatweel (U+0640), as a regex class body.
MARKS = "\u064b-\u065f\u0670\u0640"
_MARK_CHARS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}
_STRIP_MARKS = {ord(c): None for c in _MARK_CHARS}

_LETTER_FOLDS = (("\u0623", "\u0627"), ("\u0625", "\u0627"), ("\u0622", "\u0627"), ("\u0671", "\u0627"),
                 ("\u0649", "\u064a"), ("\u0629", "\u0647"))  # أ إ آ ٱ -> ا, ى -> ي, ة -> ه
_RARE_FOLDS = tuple((chr(0x0660 + i), str(i)) for i in range(10)) + tuple(
    (chr(0x06F0 + i), str(i)) for i in range(10)) + (("\u066c", ","), ("\u066b", "."), ("\u06cc", "\u064a"),
                                                    ("\u06a9", "\u0643"))


def _fold_uncached(text: str) -> str:
    for a, b in _LETTER_FOLDS:
        text = text.replace(a, b)
    for a, b in _RARE_FOLDS:
        if a in text:
            text = text.replace(a, b)
    return text


@lru_cache(maxsize=8)
def fold(text: str) -> str:
    """Return a copy of ``text`` of exactly the same length with letter variants and digits folded.

    Alef forms -> ا, ى/ی -> ي, ة -> ه, ک -> ك, Arabic-Indic and Persian digits -> ASCII, ٬ -> "," and ٫ -> ".".
    """
    return _fold_uncached(text)


def fold_key(word: str) -> str:
    """Dictionary key of a word: NFC, folded, tashkeel and tatweel removed, inner whitespace collapsed."""
    return " ".join(_fold_uncached(unicodedata.normalize("NFC", word)).translate(_STRIP_MARKS).split())


# Characters that separate words in ``Scan.spaced`` (whitespace variants, bidi controls and punctuation).
_SEPARATORS = tuple(
    "\n\t\r\f\v\xa0\u2009\u200a\u202f\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff"
    "«»“”„\"'‘’()[]{}،؛:;!؟?.,/\\-–—…*|<>=#&@~+%٪^`")


class Scan:
    """Scanning copies of a raw text, all of one length, with a leading space.

    ``scan``: folded (see :func:`fold`) with tashkeel/tatweel runs removed; ``spaced``: ``scan`` with every
    separator and punctuation character turned into a space, so words are found by plain substring search.
    ``raw(i)`` and ``raw_end(i)`` map scan offsets back to offsets in the raw text (an end offset is
    extended over marks that follow the last letter, so "ستاً" keeps its tanwin).
    """

    __slots__ = ("text", "scan", "spaced", "_breaks", "_removed", "cache")

    def __init__(self, text: str) -> None:
        self.text = text
        folded = fold(text)
        self._breaks: list[int] = []  # scan index where the k-th piece after a removed run starts
        self._removed: list[int] = []  # marks removed before that piece
        self.cache: dict[str, Any] = {}  # per-text results shared by the recognisers
        present = [c for c in _MARK_CHARS if c in text]
        if present:
            self.scan = self._strip_marks(folded, present)
        else:
            self.scan = " " + folded
        spaced = self.scan
        for c in _SEPARATORS:
            if c in spaced:
                spaced = spaced.replace(c, " ")
        self.spaced = spaced

    def _strip_marks(self, folded: str, present: list[str]) -> str:
        pos = positions_of(folded, present)
        pieces, prev = [" "], 0
        for k, i in enumerate(pos, 1):
            pieces.append(folded[prev:i])
            prev = i + 1
            # the next kept character lands at scan index i + 2 - k, with k marks removed before it;
            # consecutive marks share that index and bisect_right picks the last (largest) count
            self._breaks.append(i + 2 - k)
            self._removed.append(k)
        pieces.append(folded[prev:])
        return "".join(pieces)

    def find_words(self, keys: frozenset[str]) -> list[tuple[int, int, str]]:
        """Every whole-word occurrence ``(start, end, key)`` in ``spaced`` of a word of ``keys``, in order.

        Splits on single spaces and keeps the words of ``keys`` with C-level iterators (no per-word Python loop);
        each kept word is then placed by a substring search for `` word `` from the end of the previous one.
        That search can't land early: every whole word between the two is not a key (else it would have been
        kept), and a space-delimited match is always a whole word. Keys are non-empty and have no spaces.
        """
        hay = self.spaced + " "  # every word, the last one too, ends with a space
        out = []
        i = 0
        for word in filter(keys.__contains__, self.spaced.split(" ")):
            i = hay.find(" " + word + " ", i) + 1
            out.append((i, i + len(word), word))
            i += len(word)  # the space after this word may start the next one
        return out

    def raw(self, i: int) -> int:
        """Raw offset of the character at scan index ``i`` (``i >= 1``)."""
        if not self._breaks:
            return i - 1
        k = bisect_right(self._breaks, i)
        return i - 1 + (self._removed[k - 1] if k else 0)

    def raw_end(self, i: int) -> int:
        """Raw exclusive end offset for a scan exclusive end ``i``, including trailing marks."""
        if i <= 1:
            return 0
        end = self.raw(i - 1) + 1
        text = self.text
        while end < len(text) and text[end] in _MARK_CHARS:
            end += 1
        return end


@lru_cache(maxsize=8)
def prepare(text: str) -> Scan:
    """The (cached) :class:`Scan` of ``text``; shared by the number and date recognisers."""
    return Scan(text)


def _piece(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _emit(node: dict[str, Any]) -> str:
    alts = [_piece(ch) + _emit(node[ch]) for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def alternation(words: Iterable[str]) -> str:
    """Regex source matching any of ``words`` (folded keys), as a prefix-sharing trie; a space matches ``\\s+``."""
    root: dict[str, Any] = {}
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(root) or "(?!)"


def _load(name: str) -> dict[str, Any]:
    return load_json("rules", name)  # not through __file__, which a module compiled by mypyc has not


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """A number found in the raw text; ``text == raw[start:end]``."""

    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    unit_span: tuple[int, int] | None
    approx: bool
    bound: str | None
    ordinal: bool
    kind: str
    is_year_like: bool = False


@dataclass(frozen=True, slots=True)
class NounInfo:
    """A countable noun of the data file."""

    lemma: str
    gloss: str
    category: str


# ---------------------------------------------------------------------------------------------- data
_D = _load("numbers.json")
_CARD: dict[str, tuple[str, float]] = {}


def _add_card(forms: Iterable[str], kind: str, value: float) -> None:
    for f in forms:
        k = fold_key(f)
        if k in _CARD and _CARD[k] != (kind, value):
            raise ValueError(f"numbers.json: {f!r} has two meanings")
        _CARD[k] = (kind, value)


def _with_accusative(forms: list[str]) -> list[str]:
    """Add the tanwin-alef accusative ("ستاً", "ثلاثاً", "واحداً") of forms that take it."""
    return forms + [f + "ا" for f in forms if not f.endswith(("ة", "ان", "ين", "ا", "ى"))]


for _e in _D["units"]:
    _add_card(_with_accusative(_e["forms"]), "unit", _e["value"])
_add_card(_with_accusative(_D["ten"]), "ten", 10)
for _e in _D["teen_prefixes"]:
    _add_card(_e["forms"], "teenpre", _e["value"])
for _e in _D["tens"]:
    _add_card(_e["forms"], "tens", _e["value"])
for _e in _D["hundreds"]:
    _add_card(_e["forms"], "hund", _e["value"])
for _e in _D["scales"]:
    _add_card(_e["forms"], "scale", _e["value"])
    _add_card(_e["plural"], "scalepl", _e["value"])
    _add_card(_e["dual"], "scaledual", _e["value"])
_add_card(_D["half"], "half", 0.5)

_ORD: dict[str, tuple[str, int]] = {}
for _e in _D["ordinals"]:
    _ORD.update({fold_key(f): ("ord", _e["value"]) for f in _e["forms"]})
for _e in _D["ordinal_teen_prefixes"]:
    _ORD.update({fold_key(f): ("ordteenpre", _e["value"]) for f in _e["forms"]})
for _e in _D["ordinal_tens"]:
    _ORD.update({fold_key(f): ("ordtens", _e["value"]) for f in _e["forms"]})

_NOUNS: dict[str, NounInfo] = {}
_UNIT_FORMS: dict[str, str] = {}  # folded form -> lemma (singular, accusative, plural, abbreviation)
_DUALS: dict[str, str] = {}
_plural_keys: set[str] = set()
for _e in _D["nouns"]:
    _lemma = _e["lemma"]
    _NOUNS[_lemma] = NounInfo(_lemma, _e["gloss"], _e["category"])
    _lk = fold_key(_lemma)
    _forms = [_lk] + [fold_key(p) for p in _e["plural"]] + [fold_key(a) for a in _e.get("abbrev", [])]
    if not _lemma.endswith(("ة", "ء", "ى", "ا", "ئ")):
        _forms.append(_lk + "ا")  # accusative with tanwin: عنصراً، عاماً
    for _f in _forms:
        _UNIT_FORMS.setdefault(_f, _lemma)
    _plural_keys.update(_forms)
    if "dual" in _e:
        _duals = [fold_key(d) for d in _e["dual"]]
    elif _lemma.endswith("ة"):
        _duals = [fold_key(_lemma[:-1] + "ت" + s) for s in ("ان", "ين")]
    else:
        _duals = [_lk + "ان", _lk + "ين"]
    for _d in _duals:
        _DUALS.setdefault(_d, _lemma)
# A dual spelled like a plural or singular (مدنيين, مقاتلين) is not a dual; number words are not nouns.
for _k in list(_DUALS):
    if _k in _plural_keys or _k in _CARD:
        del _DUALS[_k]
for _k, _lem in _DUALS.items():
    _UNIT_FORMS.setdefault(_k, _lem)

_BLOCKERS = {fold_key(w) for w in _D["ordinal_blockers"]}
_YEAR_CUE_WORDS = [fold_key(w) for w in _D["year_cues"]]
_MONTH_WORDS = [fold_key(f) for m in _load("dates.json")["months"] for f in m["forms"]]


def noun_info(lemma: str) -> NounInfo | None:
    """Gloss and category ("personnel", "unit", "equipment", "other") of a unit lemma."""
    return _NOUNS.get(lemma)


# ---------------------------------------------------------------------------------------------- patterns
_B = r"(?<!\w)"
_E = r"(?!\w)"
_DIGITS = r"[0-9][0-9]*(?:[.,][0-9]+)*(?![0-9])"  # a single leading class keeps sre's fast prefix scan

_SURF: dict[str, tuple[str, float, str | None, int]] = {}  # surface -> (kind, value, lemma, clitic length)
_CLITICS = {
    "card": ("", "و", "ف", "ب", "ل", "ك"),
    "ord": ("", "و", "ف", "ب", "ك"),
    "dual": ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل"),
}
_v: Any  # a value of _CARD, _ORD or _DUALS
for _cl_i in range(max(len(v) for v in _CLITICS.values())):  # bare readings win over clitic readings
    for _kind, _table in (("card", _CARD), ("ord", _ORD), ("dual", _DUALS)):
        if _cl_i < len(_CLITICS[_kind]):
            _cl = _CLITICS[_kind][_cl_i]
            for _k, _v in _table.items():
                _entry = ("dual", 2, _v, len(_cl)) if _kind == "dual" else (_v[0], _v[1], None, len(_cl))
                _SURF.setdefault(_cl + _k, _entry)


def _alt_of(key: str) -> str:
    return alternation(fold_key(w) for w in _D[key])


# The scan copy starts with a space, so a leading non-word class finds every word start and lets the
# regex engine skip letters quickly.
_SURF_KEYS = frozenset(_SURF)
_WORD_KEYS: frozenset[str] = _SURF_KEYS  # plus keys registered by other recognisers (dates)


def register_word_keys(keys: Iterable[str]) -> None:
    """Add folded words that :func:`words` should also locate (called once at import by the date module)."""
    global _WORD_KEYS
    _WORD_KEYS = _WORD_KEYS | frozenset(keys)


def words(sc: Scan) -> list[tuple[int, int, str]]:
    """Occurrences ``(start, end, key)`` of all registered words in ``sc``, found once and cached."""
    keys, found = sc.cache.get("words", (None, None))
    if keys is not _WORD_KEYS:  # (re)compute if keys were registered after this scan was cached
        found = sc.find_words(_WORD_KEYS)
        sc.cache["words"] = (_WORD_KEYS, found)
    return found
_DIGIT_RUN = re.compile(_DIGITS)
_DIGIT_CLITICS = ("وال", "بال", "فال", "ال", "لل", "و", "ف", "ب", "ل", "ك")
_CUE = re.compile(
    rf"{_B}(?:[وب])??(?:(?P<max>{_alt_of('max_before')})|(?P<min>{_alt_of('min_before')})"
    rf"|(?P<approx>{_alt_of('approx_before')})){_E}\s*$")
_AFTER = re.compile(rf"\s*(?:(?P<plus>{_alt_of('approx_after_min')})|(?P<about>{_alt_of('approx_after')})){_E}")
_YEAR_CUE = re.compile(
    rf"(?:{_B}(?:[وب])??(?:{alternation(_YEAR_CUE_WORDS + _MONTH_WORDS)})\s*(?:[/,،]\s*)?|[0-9][/.\-])$")
_NEXT_WORD = re.compile(r"\s*(?:(?P<min>من)\s+)?(?P<w>[^\W\d_]+)")
_CUE_LAST = frozenset(
    fold_key(w).split()[-1] for k in ("approx_before", "min_before", "max_before") for w in _D[k])
_CONJ_GAP = re.compile(r"\s+و\s*")


# ---------------------------------------------------------------------------------------------- atoms
@dataclass(slots=True)
class _Atom:
    kind: str
    value: float
    start: int  # scan offsets of the number word or digits (clitic excluded)
    end: int
    pstart: int  # start including a clitic
    clitic: str
    lemma: str | None = None
    dual_if_alone: bool = False  # ألفا without tanwin: 2000 alone ("ألفا جندي"), x1000 after a number


_DIGIT_SEP = re.compile(r"[.,]")


def _parse_digits(s: str, before_scale: bool) -> float | None:
    """Value of a folded digit string with optional thousands separators or a decimal mark."""
    if "." not in s and "," not in s:  # the common case, without a regex call
        return int(s)
    seps = _DIGIT_SEP.findall(s)
    parts = _DIGIT_SEP.split(s)
    grouped = 1 <= len(parts[0]) <= 3 and all(len(p) == 3 for p in parts[1:])
    if len(set(seps)) == 1:
        if grouped and (len(parts) > 2 or seps[0] == "," or not before_scale):
            return int("".join(parts))
        if len(parts) == 2:
            return float(parts[0] + "." + parts[1])
        return None
    head, dec = s[: s.rfind(seps[-1])], s[s.rfind(seps[-1]) + 1:]
    if seps[-1] in head:  # "1,234.5": the last mark is the decimal one
        return None
    return float(_DIGIT_SEP.sub("", head) + "." + dec)


def digit_runs(sc: Scan) -> list[tuple[int, int, str]]:
    """Digit runs ``(start, pstart, digits)`` in ``sc.scan`` standing as words, optionally after a clitic
    ("و2021", "الـ600"); ``pstart`` includes the clitic. Cached on the scan."""
    runs = sc.cache.get("digits")
    if runs is not None:
        return runs
    runs = []
    scan = sc.scan
    # A run matches at every digit that an earlier run did not take: the digits are found with C-level searches and
    # the pattern is tried only there, instead of a regex scan of every character of the text.
    after = 0
    for at in positions_of(scan, "0123456789"):
        if at < after:
            continue
        m = _DIGIT_RUN.match(scan, at)
        if m is not None:
            after = m.end()
            s = ps = at
            if scan[s - 1].isalnum():
                for c in _DIGIT_CLITICS:
                    if scan.startswith(c, s - len(c)) and not scan[s - len(c) - 1].isalnum():
                        ps = s - len(c)
                        break
                else:
                    continue  # F16, T-72 stays out; digits glued to a word are not quantities
            runs.append((s, ps, m.group()))
    sc.cache["digits"] = runs
    return runs


def _atoms(sc: Scan) -> list[_Atom]:
    """Number atoms (digits, number words, ordinals, duals) in scan order."""
    out: list[_Atom] = []
    scan = sc.scan
    for s, ps, digits in digit_runs(sc):
        e = s + len(digits)
        nxt = _NEXT_WORD.match(scan, e)
        nk = nxt.group("w") if nxt and not nxt.group("min") else ""
        before_scale = nk in _CARD and _CARD[nk][0] in ("scale", "scalepl")
        v = _parse_digits(digits, before_scale)
        if v is not None:
            out.append(_Atom("dig", v, s, e, ps, scan[ps:s]))
    for ps, e, key in words(sc):
        if key not in _SURF:
            continue
        kind, v, lemma, clen = _SURF[key]
        s = ps + clen
        # ألفا without tanwin is the construct dual ("ألفا جندي" = 2000) when no number precedes it
        alone2 = kind == "scale" and scan[s:e] == "الفا" and sc.text[sc.raw_end(e) - 1] == "ا"
        out.append(_Atom(kind, v, s, e, ps, scan[ps:s], lemma, alone2))
    out.sort(key=lambda a: a.start)
    return out


# ---------------------------------------------------------------------------------------------- grouping
_SMALL = {"dig", "unit", "ten", "teen", "tens", "hund", "half"}


def _link(scan: str, a: _Atom, b: _Atom) -> str | None:
    """How atom ``b`` attaches to ``a``: "plain" (whitespace), "conj" (و), or None."""
    gap = scan[a.end:b.pstart]
    if not gap or not gap.isspace():
        return "conj" if b.clitic == "" and _CONJ_GAP.fullmatch(gap) else None
    if b.clitic == "":
        return "plain"
    return "conj" if b.clitic == "و" else None


def _cardinal(scan: str, atoms: list[_Atom], i: int) -> tuple[float, int] | None:
    """Evaluate the cardinal group starting at ``atoms[i]``: (value, index of its last atom)."""
    a = atoms[i]
    total, cur, last_scale = 0.0, 0.0, float("inf")
    kind = a.kind
    if kind in ("scale", "scaledual"):
        total, last_scale = a.value * (2 if kind == "scaledual" or a.dual_if_alone else 1), a.value
        kind = "scale"
    elif kind == "scalepl":
        return None  # آلاف / ملايين alone are vague ("thousands of")
    else:
        cur = a.value
    j = i
    while j + 1 < len(atoms):
        b = atoms[j + 1]
        link = _link(scan, atoms[j], b)
        if link is None:
            break
        last_val = atoms[j].value
        if link == "plain" and b.kind == "ten" and (kind == "teenpre" or (kind == "unit" and last_val <= 9)):
            cur += 10  # خمسة عشر
            kind = "teen"
        elif link == "plain" and b.kind == "hund" and b.value == 100 and kind == "unit" and last_val >= 3:
            cur += last_val * 99  # ثلاث مئة
            kind = "hund"
        elif link == "plain" and b.kind in ("scale", "scalepl") and kind in _SMALL and cur > 0 \
                and b.value < last_scale:
            if a.kind == "scale" and j == i and a.dual_if_alone:
                break
            total += cur * b.value  # 17 ألف، عشرة آلاف
            cur, last_scale, kind = 0.0, b.value, "scale"
        elif link == "conj" and b.kind == "tens" and kind == "unit" and last_val <= 9:
            cur += b.value  # خمسة وعشرون
            kind = "tens"
        elif link == "conj" and kind == "hund" and b.kind in ("unit", "ten", "teenpre", "tens"):
            cur += b.value  # ثلاثمئة وخمسة
            kind = b.kind
        elif link == "conj" and kind == "scale" and b.value < last_scale \
                and b.kind in ("unit", "ten", "teenpre", "tens", "hund", "dig"):
            cur = b.value  # ألف وخمسمئة
            kind = b.kind
        elif link == "conj" and kind == "scale" and b.kind == "half" and last_scale < float("inf"):
            total += 0.5 * last_scale  # مليون ونصف
            kind = "halfdone"
        else:
            break
        j += 1
    if kind in ("teenpre", "half"):
        return None
    return total + cur, j


def _ordinal(scan: str, atoms: list[_Atom], i: int) -> tuple[int, int] | None:
    """Evaluate the ordinal starting at ``atoms[i]`` ("الحادي عشر", "الخامس والعشرون")."""
    a = atoms[i]
    value, j = int(a.value), i
    if j + 1 < len(atoms):
        b = atoms[j + 1]
        link = _link(scan, a, b)
        if link == "plain" and b.kind == "ten" and (a.kind == "ordteenpre" or (a.kind == "ord" and a.value <= 9)):
            value, j = value + 10, j + 1
        elif link == "conj" and b.kind == "ordtens" and a.kind in ("ord", "ordteenpre") and a.value <= 9:
            value, j = value + int(b.value), j + 1
    if a.kind == "ordteenpre" and j == i:
        return None
    return value, j


def prev_word(spaced: str, pos: int) -> tuple[str, int, int] | None:
    """The word ending before scan offset ``pos`` as ``(word, start, end)``, or None at the text start."""
    i = pos - 1
    while i > 0 and spaced[i] == " ":
        i -= 1
    if i <= 0:
        return None
    j = spaced.rfind(" ", 0, i)
    return spaced[j + 1:i + 1], j + 1, i + 1


@lru_cache(maxsize=4096)  # a pure lookup in fixed tables; saves trying eight prefixes on every repeat
def _lemma_of(key: str | None) -> str | None:
    """Unit lemma of a folded word, allowing a leading article or clitic+article."""
    if not key:
        return None
    if key in _UNIT_FORMS:
        return _UNIT_FORMS[key]
    for pre in ("ال", "وال", "بال", "لل", "فال", "كال", "وبال", "ولل"):
        if key.startswith(pre) and key[len(pre):] in _UNIT_FORMS:
            return _UNIT_FORMS[key[len(pre):]]
    return None


def _as_number(v: float) -> float | int:
    return int(v) if float(v).is_integer() else v


def _group(scan: str, pm: tuple[str, int, int] | None, atoms: list[_Atom], i: int) -> tuple[float, int, str] | None:
    """(value, last atom index, kind) of the number starting at ``atoms[i]``, or None to skip it;
    ``pm`` is the word before it (:func:`prev_word` at its start, clitic included)."""
    a = atoms[i]
    if a.kind == "dual":
        nxt = atoms[i + 1] if i + 1 < len(atoms) else None
        if nxt and _link(scan, a, nxt) == "plain" and (
                (nxt.kind == "unit" and nxt.value == 2) or nxt.kind == "dual"):
            return 2, i + 1, "dual"  # كتيبتين اثنتين; طائرتين مسيرتين (a dual adjective agrees)
        return 2, i, "dual"
    if a.kind in ("ord", "ordteenpre", "ordtens"):
        if pm and pm[0] in _BLOCKERS:  # تشرين الأول, كانون الثاني: month names
            return None
        res = _ordinal(scan, atoms, i)
        return (res[0], res[1], "ordinal") if res else None
    card = _cardinal(scan, atoms, i)
    if card is None:
        return None
    digits = {atoms[k].kind == "dig" for k in range(i, card[1] + 1)}
    return card[0], card[1], "mixed" if len(digits) == 2 else ("digits" if True in digits else "words")


def find_numbers(text: str) -> list[NumberSpan]:
    """Find numbers in raw ``text``; every span satisfies ``text[span.start:span.end] == span.text``."""
    sc = prepare(text)
    scan, spaced = sc.scan, sc.spaced
    atoms = _atoms(sc)
    out: list[NumberSpan] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        pw = prev_word(spaced, a.pstart)  # the word before the number, used by several rules below
        res = _group(scan, pw, atoms, i)
        if res is None:
            i += 1
            continue
        value, j, kind = res
        start, end = a.start, atoms[j].end
        unit: str | None = None
        unit_span: tuple[int, int] | None = None
        if kind == "dual":
            unit, unit_span = a.lemma, (a.start, a.end)
        elif kind == "ordinal":
            unit = _lemma_of(pw[0]) if pw else None  # الفيلق الخامس
            unit_span = pw[1:] if unit and pw else None
        else:
            nxt = _NEXT_WORD.match(scan, end)
            if nxt:
                w = nxt.group("w")
                lemma = _lemma_of(w)
                if lemma and (not nxt.group("min") or w.startswith("ال") or w in _UNIT_FORMS):
                    unit, unit_span = lemma, nxt.span("w")
            if unit is None and kind == "words" and value in (1, 2):
                unit = _lemma_of(pw[0]) if pw else None  # كتيبة واحدة
                unit_span = pw[1:] if unit and pw else None
        approx, bound = False, None
        cue = None
        if pw and (pw[0] in _CUE_LAST or pw[0][1:] in _CUE_LAST):
            cue = _CUE.search(scan, max(0, a.pstart - 40), a.pstart)
        if cue:
            approx = True
            bound = "max" if cue.group("max") else ("min" if cue.group("min") else None)
        after = _AFTER.match(scan, max(end, unit_span[1]) if unit_span else end)
        if after:
            approx = True
            bound = bound or ("min" if after.group("plus") else None)
        year_like = (kind == "digits" and float(value).is_integer() and 1900 <= value <= 2100 and unit is None
                     and bool(_YEAR_CUE.search(scan, max(0, a.pstart - 25), a.pstart)))
        rs, re_ = sc.raw(start), sc.raw_end(end)
        out.append(NumberSpan(rs, re_, text[rs:re_], _as_number(value), unit,
                              (sc.raw(unit_span[0]), sc.raw_end(unit_span[1])) if unit_span else None,
                              approx, bound, kind == "ordinal", kind, year_like))
        i = j + 1
    return out


def parse_cardinal(phrase: str) -> float | int | None:
    """Value of the first cardinal number in ``phrase`` ("سبعة", "خمسة وعشرون", "17 ألف"), or None."""
    if phrase.isdigit():
        return int(fold(phrase))
    key = fold_key(phrase)
    if key in _CARD and _CARD[key][0] in ("unit", "ten", "tens", "hund", "scale"):
        return int(_CARD[key][1])
    for span in find_numbers(phrase):
        if not span.ordinal:
            return span.value
    return None
