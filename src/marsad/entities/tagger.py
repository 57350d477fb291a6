"""Statistical Arabic named-entity tagger (linear-chain CRF, python-crfsuite).

One module holds the feature extraction used both by ``scripts/train_tagger.py`` and at run
time, so the two can never drift apart. The packaged model
(``marsad/data/models/ner_crf.crfsuite``) is trained on ANERcorp + AQMAR and is distributed
under CC BY-SA 4.0 (see ``data/models/README.md`` and the repository NOTICE).

Input: the tokens of one sentence as they appear in news text (clitics attached, punctuation
as separate tokens). Output: one BIO label per token over PER, ORG, LOC, MISC.

Speed: everything that depends on a word alone (normalised form, stem, affixes, shape and the
feature strings it contributes at every window offset) is computed once per distinct word and
cached, so tagging a sentence is mostly list concatenation plus the CRF's C Viterbi.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from importlib import resources
from threading import Lock
from typing import ClassVar

import pycrfsuite

__all__ = [
    "CrfTagger",
    "normalize_word",
    "split_clitics",
    "sentence_features",
    "spans_from_bio",
    "load_cues",
]

# ---------------------------------------------------------------------------
# Normalisation and light clitic stripping
# ---------------------------------------------------------------------------

_FOLD: dict[int, str | None] = {ord(c): "ا" for c in "أإآٱ"}
_FOLD.update({ord("ى"): "ي", ord("ة"): "ه", ord("ی"): "ي", ord("ک"): "ك", ord("ە"): "ه"})
# tashkeel (fathatan .. sukun, and the extended marks up to U+065F), superscript alef,
# tatweel, bidi / zero-width marks.
for _cp in list(range(0x064B, 0x0660)) + [0x0670, 0x0640, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C]:
    _FOLD[_cp] = None
_FOLD.update({ord(d): str(i) for i, d in enumerate("٠١٢٣٤٥٦٧٨٩")})
_FOLD.update({ord(d): str(i) for i, d in enumerate("۰۱۲۳۴۵۶۷۸۹")})

_ARABIC_LETTERS = frozenset(chr(c) for c in range(0x0621, 0x064B)) | frozenset("پچژگکی")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")

# Article-bearing prefix clusters, checked longest first over the *normalised* word; at least two
# letters must remain. Bare و ف ب ك ل are ambiguous with root letters (see ``split_clitics``).
_ARTICLE_CLUSTERS = ("وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال")
_CONJ = ("و", "ف")
_PREP = ("ب", "ك", "ل")
_CLITIC_LETTERS = frozenset("وفبكل")


def normalize_word(word: str) -> str:
    """Light normal form: fold أإآٱ→ا, ى→ي, ة→ه, strip tashkeel/tatweel/bidi marks, ASCII digits,
    lower-case Latin."""
    return word.translate(_FOLD).lower()


def split_clitics(norm: str) -> tuple[str, str, tuple[str, ...]]:
    """Split a normalised word into (article cluster, stem, alternative stems).

    ``stem`` drops the article with any conjunction/preposition before it (ال بال كال لل وال وبال ...),
    which is safe. Without an article, a leading و ف ب ك ل may be a clitic ("وبيلاروسيا", "لموسكو")
    or a root letter ("فرنسا", "بوتين", "وليد"), so the stripped forms are only offered as
    alternatives (one letter off, and و/ف + ب/ك/ل off); the CRF learns which of them to trust.
    """
    for cl in _ARTICLE_CLUSTERS:
        if norm.startswith(cl) and len(norm) - len(cl) >= 2:
            return cl, norm[len(cl):], ()
    if len(norm) < 4 or norm[0] not in _CLITIC_LETTERS:
        return "", norm, ()
    if len(norm) >= 5 and norm[0] in _CONJ and norm[1] in _PREP:
        return "", norm, (norm[1:], norm[2:])
    return "", norm, (norm[1:],)


def _shape(word: str) -> str:
    chars = set(word)
    if chars & _ARABIC_LETTERS:
        return "ar"
    if chars & _LATIN:
        return "lat"
    if chars and chars <= _DIGITS | frozenset(".,/%-:"):
        return "dig" if chars & _DIGITS else "pun"
    if chars & _DIGITS:
        return "mix"
    return "pun"


def _len_bucket(n: int) -> str:
    if n <= 2:
        return str(n)
    if n <= 3:
        return "3"
    if n <= 5:
        return "4-5"
    if n <= 8:
        return "6-8"
    return "9+"


# ---------------------------------------------------------------------------
# Context cues (titles, organisation heads, place words)
# ---------------------------------------------------------------------------

_CUE_KINDS = ("title", "org_head", "place_cue")
_CUE_SHORT = {"title": "T", "org_head": "O", "place_cue": "P"}


def _stem_of(word: str) -> str:
    return split_clitics(normalize_word(word))[1]


def load_cues() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Read ``data/rules/ner_cues.json`` into (single-word stem → kinds, (stem, stem) → kinds).

    Kinds are concatenated one-letter codes (T title, O organisation head, P place cue)."""
    raw = json.loads(resources.files("marsad").joinpath("data/rules/ner_cues.json").read_text("utf-8"))
    single: dict[str, str] = {}
    double: dict[tuple[str, str], str] = {}
    for kind in _CUE_KINDS:
        code = _CUE_SHORT[kind]
        for entry in raw[kind]:
            parts = entry.split()
            if len(parts) == 1:
                key = _stem_of(parts[0])
                if code not in single.get(key, ""):
                    single[key] = single.get(key, "") + code
            elif len(parts) == 2:
                key2 = (_stem_of(parts[0]), _stem_of(parts[1]))
                if code not in double.get(key2, ""):
                    double[key2] = double.get(key2, "") + code
            else:
                raise ValueError(f"cue of more than two words: {entry!r}")
    return single, double


# ---------------------------------------------------------------------------
# Feature extraction
# ---------------------------------------------------------------------------

_OFFSETS = (-2, -1, 1, 2)


class _WordFeats:
    """Per-distinct-word features: own features and the strings it contributes as a neighbour."""

    __slots__ = ("own", "ctx", "stem", "alts")

    def __init__(self, word: str) -> None:
        norm = normalize_word(word)
        prefix, stem, alts = split_clitics(norm)
        shape = _shape(norm)
        own = ["b", "w=" + norm, "s=" + stem, "sh=" + shape, "len=" + _len_bucket(len(stem))]
        own += ["s2=" + alt for alt in alts]
        if prefix:
            own.append("pre=" + prefix)
        if shape == "ar" and prefix.endswith(("ال", "لل")):
            own.append("al")
        if len(stem) >= 3:
            own += ["p2=" + stem[:2], "p3=" + stem[:3], "x2=" + stem[-2:], "x3=" + stem[-3:]]
        elif stem:
            own += ["p1=" + stem[:1], "x1=" + stem[-1:]]
        if word[:1] in _LATIN and word[:1].isupper():
            own.append("cap")
        self.own = own
        near = ["sh=" + shape, "x2=" + stem[-2:]] + ["s2=" + alt for alt in alts] + (["pre=" + prefix] if prefix else [])
        self.ctx = {
            off: [f"{off}w={norm}", f"{off}s={stem}"] + ([f"{off}{f}" for f in near] if off in (-1, 1) else [])
            for off in _OFFSETS
        }
        self.stem = stem
        self.alts = alts


class FeatureExtractor:
    """Turns a tokenised sentence into CRF feature lists. Thread-safe for reading; the word cache
    is bounded and simply cleared when it grows past ``max_cache`` entries."""

    def __init__(self, max_cache: int = 300_000) -> None:
        self._single, self._double = load_cues()
        self._cache: dict[str, _WordFeats] = {}
        self._max_cache = max_cache

    def _word(self, word: str) -> _WordFeats:
        wf = self._cache.get(word)
        if wf is None:
            if len(self._cache) >= self._max_cache:
                self._cache.clear()
            wf = self._cache[word] = _WordFeats(word)
        return wf

    def _cues(self, infos: list[_WordFeats]) -> list[str]:
        single, double = self._single, self._double
        cues = []
        for wf in infos:
            cue = single.get(wf.stem, "")
            if not cue:
                for alt in wf.alts:
                    cue = single.get(alt, "")
                    if cue:
                        break
            cues.append(cue)
        if double:
            for i in range(1, len(infos)):
                extra = double.get((infos[i - 1].stem, infos[i].stem))
                if extra:
                    cues[i] = "".join(sorted(set(cues[i] + extra)))
        return cues

    def sentence(self, words: list[str]) -> list[list[str]]:
        """Feature lists (one per token) for one sentence."""
        infos = [self._word(w) for w in words]
        cues = self._cues(infos)
        n = len(infos)
        out: list[list[str]] = []
        for i, wf in enumerate(infos):
            feats = list(wf.own)
            if cues[i]:
                feats.append("cue=" + cues[i])
            for off in _OFFSETS:
                j = i + off
                if 0 <= j < n:
                    feats += infos[j].ctx[off]
                    if cues[j]:
                        feats.append(f"{off}cue={cues[j]}")
                elif off in (-1, 1):
                    feats.append("BOS" if off < 0 else "EOS")
            window = "".join(cues[max(0, i - 4):i])
            for code in "TOP":
                if code in window:
                    feats.append("cue<4=" + code)
            if i > 0:
                feats.append("-1s|s=" + infos[i - 1].stem + "|" + wf.stem)
            if i + 1 < n:
                feats.append("s|+1s=" + wf.stem + "|" + infos[i + 1].stem)
            out.append(feats)
        return out


_EXTRACTOR: FeatureExtractor | None = None
_EXTRACTOR_LOCK = Lock()


def _extractor() -> FeatureExtractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        with _EXTRACTOR_LOCK:
            if _EXTRACTOR is None:
                _EXTRACTOR = FeatureExtractor()
    return _EXTRACTOR


def sentence_features(words: list[str]) -> list[list[str]]:
    """Feature lists for one tokenised sentence (shared by training and tagging)."""
    return _extractor().sentence(words)


# ---------------------------------------------------------------------------
# BIO helpers
# ---------------------------------------------------------------------------


def spans_from_bio(labels: list[str]) -> list[tuple[int, int, str]]:
    """Entity spans ``(first index, end index exclusive, type)`` from BIO labels.

    An ``I-X`` that does not continue an open ``X`` entity starts a new one (CoNLL convention);
    ``O`` or any unknown label closes the open entity.
    """
    spans: list[tuple[int, int, str]] = []
    start, typ = -1, ""
    for i, lab in enumerate(labels):
        if lab.startswith("B-") or (lab.startswith("I-") and lab[2:] != typ):
            if typ:
                spans.append((start, i, typ))
            start, typ = i, lab[2:]
        elif not lab.startswith("I-"):
            if typ:
                spans.append((start, i, typ))
            start, typ = -1, ""
    if typ:
        spans.append((start, len(labels), typ))
    return spans


# ---------------------------------------------------------------------------
# Runtime tagger
# ---------------------------------------------------------------------------

MODEL_RESOURCE = "data/models/ner_crf.crfsuite"


class CrfTagger:
    """A CRF NER tagger over tokenised Arabic sentences."""

    _default: ClassVar["CrfTagger | None"] = None
    _default_lock: ClassVar[Lock] = Lock()
    _resource_stack: ExitStack  # the default tagger's: keeps a temporary extraction of the model alive

    def __init__(self, model_path: str) -> None:
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(model_path)
        self._features = _extractor()
        self._lock = Lock()  # a crfsuite Tagger holds per-call state: serialise tag()

    @classmethod
    def default(cls) -> "CrfTagger":
        """The packaged model, loaded once per process."""
        if cls._default is None:
            with cls._default_lock:
                if cls._default is None:
                    stack = ExitStack()
                    path = stack.enter_context(resources.as_file(resources.files("marsad").joinpath(MODEL_RESOURCE)))
                    tagger = cls(str(path))
                    tagger._resource_stack = stack  # keep any temporary extraction alive
                    cls._default = tagger
        return cls._default

    def tag(self, words: list[str]) -> list[str]:
        """One BIO label per word (``B-PER``, ``I-ORG``, ``O`` ...)."""
        if not words:
            return []
        xseq = self._features.sentence(words)
        with self._lock:
            return self._tagger.tag(xseq)

    def spans(self, words: list[str]) -> list[tuple[int, int, str]]:
        """Entity spans over ``words``: ``(first index, end exclusive, type)``."""
        return spans_from_bio(self.tag(words))
