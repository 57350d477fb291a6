"""Near-duplicate detection across a batch of articles (stdlib only, deterministic).

Each text becomes a bottom-k MinHash sketch: the ``k`` smallest hashes of its normalised word 5-shingles (tashkeel,
tatweel and punctuation dropped, alef/yeh/teh-marbuta forms unified, Latin lower-cased). The Jaccard similarity of two
texts is estimated from their sketches (exact for texts of fewer than ``k`` shingles); candidates come from an inverted
index over the smallest ``index_k`` hashes of each kept sketch. Word ids are CRC-32s and shingle hashes are tuple hashes
of ints, so sketches are the same in every run.
"""

from __future__ import annotations

import re
from collections import Counter
from zlib import crc32

_TASHKEEL = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Letters and digits of the scripts news copies come in (an explicit class is several times faster than \w).
_WORD = re.compile("[\u0621-\u064a\u0660-\u0669\u0671-\u06d3\u06f0-\u06ffA-Za-z0-9\u00c0-\u024f\u0400-\u04ff]+")
SHINGLE = 5
_HASH_MIN = -(2**63)
_HASH_SPAN = 2**64


def normalise_words(text: str) -> list[bytes]:
    """Words of ``text`` after folding the spelling variants that copies of one article differ by."""
    text = _TASHKEEL.sub("", text).lower()
    text = text.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ٱ", "ا")
    text = text.replace("ى", "ي").replace("ة", "ه")
    return " ".join(_WORD.findall(text)).encode("utf-8").split()


def sketch(text: str, k: int = 128) -> tuple[int, ...]:
    """The bottom-``k`` sketch (sorted) of the word 5-shingles of ``text``; empty for a text without words."""
    ids = list(map(crc32, normalise_words(text)))
    if len(ids) < SHINGLE:
        return (hash(tuple(ids)),) if ids else ()
    shingles = set(map(hash, zip(*(ids[i:] for i in range(SHINGLE)))))
    if len(shingles) > 4 * k:  # sort only the low end: hashes are spread evenly over the 64-bit range
        cut = _HASH_MIN + int(3 * k / len(shingles) * _HASH_SPAN)
        low = [h for h in shingles if h < cut]
        if len(low) >= k:
            return tuple(sorted(low)[:k])
    return tuple(sorted(shingles)[:k])


def estimate_jaccard(a: tuple[int, ...], b: tuple[int, ...], k: int = 128) -> float:
    """Jaccard similarity estimated from two bottom-k sketches (exact when both sets are smaller than ``k``)."""
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    union = sorted(sa | sb)[:k]
    both = sa & sb
    return sum(1 for h in union if h in both) / len(union)


class NearDuplicates:
    """Remembers the texts seen so far and tells whether a new text nearly repeats one of them.

    >>> nd = NearDuplicates()
    >>> nd.seen(article_text, doc="a.txt")          # None: first of its kind, remembered as "a.txt"
    >>> nd.seen(lightly_edited_copy, doc="b.txt")   # "a.txt"
    """

    def __init__(self, threshold: float = 0.9, k: int = 128, index_k: int = 32) -> None:
        self.threshold = threshold
        self.k = k
        self.index_k = index_k
        self._docs: list[str] = []
        self._sketches: list[tuple[int, ...]] = []
        self._postings: dict[int, list[int]] = {}

    def __len__(self) -> int:
        return len(self._docs)

    def seen(self, text: str, doc: str | None = None) -> str | None:
        """The id of an earlier near-duplicate of ``text`` (Jaccard ≥ threshold; the most similar, then the earliest),
        or None — in which case ``text`` is remembered under ``doc`` (default "#<n>"). Duplicates are not remembered.
        """
        sk = sketch(text, self.k)
        if not sk:
            return None
        best: tuple[float, int] | None = None
        for idx in self._candidates(sk):
            score = estimate_jaccard(sk, self._sketches[idx], self.k)
            if score >= self.threshold and (best is None or (score, -idx) > (best[0], -best[1])):
                best = (score, idx)
        if best is not None:
            return self._docs[best[1]]
        idx = len(self._docs)
        self._docs.append(doc if doc is not None else f"#{idx}")
        self._sketches.append(sk)
        for h in sk[: self.index_k]:
            self._postings.setdefault(h, []).append(idx)
        return None

    def _candidates(self, sk: tuple[int, ...]) -> list[int]:
        """Earlier texts sharing enough of the smallest hashes to possibly reach the threshold."""
        head = sk[: self.index_k]
        counts: Counter[int] = Counter()
        for h in head:
            posting = self._postings.get(h)
            if posting:
                counts.update(posting)
        need = max(1, len(head) // 4)
        return [idx for idx, n in counts.items() if n >= need]
