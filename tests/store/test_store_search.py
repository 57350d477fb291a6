"""Search over folded Arabic (diacritics, alef/hamza forms, clitics) and English entity names."""
from __future__ import annotations

import pytest

CSTO_DOCS = {"000_a4865d7ba3143872.txt", "001_39e8465b9a1b5ccf.txt", "003_1198a405a9fc6f05.txt"}


def docs(store, query):
    return {h["doc"] for h in store.search(query, limit=None)}


@pytest.mark.parametrize("query", [
    "منظمة معاهدة الامن الجماعي",          # no hamza
    "منظمة معاهدة الأمن الجماعي",          # as written
    "CSTO",
    "csto",
    "مُنَظَّمَة",                           # full tashkeel
    "مُنَظَّمَةُ مُعَاهَدَةِ الأَمْنِ الجَمَاعِيِّ",
    "Collective Security Treaty Organization",
    "ODKB",                                 # a lexicon alias
])
def test_store_search_finds_the_csto_articles(seeded, query):
    assert docs(seeded, query) == CSTO_DOCS


@pytest.mark.parametrize("query, doc", [
    ("لواء القدس", "004_b399e01acc0dae81.txt"),
    ("Liwa al-Quds", "004_b399e01acc0dae81.txt"),
    ("حلب", "004_b399e01acc0dae81.txt"),
    ("وبحلب", "004_b399e01acc0dae81.txt"),        # clitics on the query word
    ("ﻟﻮﺍﺀ", "004_b399e01acc0dae81.txt"),          # presentation forms fold too
    ("لوكاشينكو", "002_0ca93437824307c6.txt"),
])
def test_store_search_words_and_clitics(seeded, query, doc):
    assert doc in docs(seeded, query)


@pytest.mark.parametrize("text, query", [
    ("أعلنت الحكومة أن قواتها انتشرت في المدينة", "قوات"),       # enclitic on the article word
    ("وصلت التعزيزات إلى المنظمة الدولية أمس", "منظمة"),         # article on the article word
    ("ودعت وللمنظمة الإقليمية إلى التهدئة", "المنظمة"),           # proclitics both sides
    ("وقّعت الحكومةُ اتفاقيةً للتعاون العسكري", "اتفاقية"),        # shadda and case endings
    ("بلغ عدد الجنود ١٢٠٠ جندي", "1200"),                         # Arabic-Indic digits
])
def test_store_search_folds_article_text(store, record, text, query):
    store.add_record(record("a.txt", []), text)
    store.add_record(record("b.txt", []), "نص آخر عن الطقس والزراعة في الريف")
    assert docs(store, query) == {"a.txt"}


@pytest.mark.parametrize("query", ["غواصة نووية", "zzzz", "طقس"])
def test_store_search_no_false_hits(seeded, query):
    assert docs(seeded, query) == set()


def test_store_search_every_word_must_match(seeded):
    both = docs(seeded, "حلب CSTO")
    assert both == docs(seeded, "حلب") & docs(seeded, "CSTO")
    assert both and both != docs(seeded, "حلب")
    assert docs(seeded, "") == set()


def test_store_search_limit_and_fields(seeded):
    hits = seeded.search("روسيا", limit=2)
    assert len(hits) == 2 and set(hits[0]) == {"doc", "title", "published", "outlet"}
