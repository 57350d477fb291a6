"""Full-text search over folded Arabic and English entity names.

Neither SQLite FTS5 nor PostgreSQL fold Arabic, so the store indexes *terms* made in Python: every word of the
article folded with :func:`marsad.text.normalize.fold` (tashkeel, tatweel, alef and hamza forms, yaa, taa marbuta,
Arabic digits, Latin case), plus the stems left when proclitics and enclitics are taken off (وبالمنظمة → منظمه,
قواتها → قوات), plus the English names, aliases and ids of the entities found in the article (so that ``CSTO`` finds
an article that only writes منظمة معاهدة الأمن الجماعي). A query is folded the same way; every query word must match
one of its own readings (word or stem) in the article.

>>> query_groups("مُنَظَّمَة")
[['منظمه']]
>>> "csto" in article_terms("نص", ["CSTO"]).split()
True
"""
from __future__ import annotations

import re
from typing import Iterable

from marsad.text.normalize import fold
from marsad.text.tokenize import clitics

WORD_RE = re.compile(r"[^\W_]+")
ARABIC_RE = re.compile(r"[\u0621-\u064A]")
_forms_cache: dict[str, tuple[str, ...]] = {}
CACHE_LIMIT = 500_000


def word_forms(word: str) -> tuple[str, ...]:
    """A folded word and its clitic-stripped stems (a final ه is kept: after folding it is mostly a taa marbuta).

    >>> word_forms("وبالمنظمه")
    ('وبالمنظمه', 'منظمه', 'المنظمه', 'بالمنظمه')
    """
    hit = _forms_cache.get(word)
    if hit is not None:
        return hit
    forms = [word]
    if ARABIC_RE.match(word):
        pro, enc, min_stem = clitics()
        for p in ("",) + pro:
            if not word.startswith(p):
                continue
            for s in ("",) + enc:
                if (s and not word.endswith(s)) or s == "ه":
                    continue
                stem = word[len(p):len(word) - len(s)]
                if len(stem) >= min_stem and stem not in forms:
                    forms.append(stem)
    out = tuple(forms)
    if len(_forms_cache) < CACHE_LIMIT:
        _forms_cache[word] = out
    return out


def article_terms(text: str, names: Iterable[str] = ()) -> str:
    """The space-separated, de-duplicated index terms of an article and the names of its entities."""
    terms: dict[str, None] = {}
    for word in dict.fromkeys(WORD_RE.findall(fold(text or ""))):
        for form in word_forms(word):
            terms[form] = None
    for name in names:
        for word in WORD_RE.findall(fold(name or "")):
            terms[word] = None
    return " ".join(terms)


def query_groups(query: str) -> list[list[str]]:
    """For each query word, the readings any of which may match (word and stems); words are ANDed."""
    return [list(word_forms(w)) for w in WORD_RE.findall(fold(query))]


def fts5_query(groups: list[list[str]]) -> str:
    """An FTS5 MATCH expression: ``("a" OR "b") AND ("c")``.

    >>> fts5_query([["امن", "الامن"], ["csto"]])
    '("امن" OR "الامن") AND ("csto")'
    """
    return " AND ".join("(" + " OR ".join(f'"{t}"' for t in g) + ")" for g in groups)


def tsquery(groups: list[list[str]]) -> str:
    """A PostgreSQL tsquery in its input syntax, each lexeme quoted (no parser or dictionary involved).

    >>> tsquery([["امن", "الامن"], ["csto"]])
    "('امن' | 'الامن') & ('csto')"
    """
    return " & ".join("(" + " | ".join(f"'{t}'" for t in g) + ")" for g in groups)


def run_search(backend, query: str, limit: int | None = 20) -> list[dict]:
    """Articles matching every word of ``query`` (newest stored first): doc, title, published, outlet.

    Example: ``run_search(backend, "منظمة معاهدة الامن الجماعي")`` and ``run_search(backend, "CSTO")``.
    """
    groups = query_groups(query)
    if not groups:
        return []
    cap = -1 if limit is None else int(limit)
    if backend.dialect == "sqlite":
        sql = ("SELECT a.doc, a.title, a.published, a.outlet FROM articles a WHERE a.n IN "
               "(SELECT rowid FROM article_terms WHERE article_terms MATCH ? ORDER BY rowid DESC LIMIT ?) "
               "ORDER BY a.n DESC")
        rows = backend.execute(sql, (fts5_query(groups), cap))
    else:
        # "n + 0": keep the planner on the GIN index (ordering by the primary key walks every row for rare words)
        sql = ("SELECT doc, title, published, outlet FROM articles WHERE tsv @@ CAST(? AS tsquery) "
               "ORDER BY n + 0 DESC" + ("" if limit is None else " LIMIT ?"))
        rows = backend.execute(sql, (tsquery(groups),) + (() if limit is None else (cap,)))
    return [{"doc": d, "title": t, "published": p, "outlet": o} for d, t, p, o in rows]
