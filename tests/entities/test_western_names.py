"""Western names written in Arabic letters get the spelling English uses, from the census name lists."""
from __future__ import annotations

import pytest

from marsad.entities.discovery import romanise, spell
from marsad.entities.western import arabic_shape, english_name, english_shapes
from marsad.text.normalize import fold


@pytest.mark.parametrize("arabic, english", [
    ("زوكرمان", "Zuckerman"), ("ميلر", "Miller"), ("جونسون", "Johnson"), ("ويلسون", "Wilson"), ("فيشر", "Fisher"),
    ("نيلسون", "Nelson"), ("ستولتنبرغ", "Stoltenberg"), ("هاريس", "Harris"), ("كيربي", "Kirby"), ("ترامب", "Trump"),
])
def test_surnames_spelled_the_english_way(arabic: str, english: str) -> None:
    assert english_name(fold(arabic), spell(arabic), given=False) == english


@pytest.mark.parametrize("arabic, english", [("ديفيد", "David"), ("أنتوني", "Anthony"), ("ويليام", "William")])
def test_given_names_spelled_the_english_way(arabic: str, english: str) -> None:
    assert english_name(fold(arabic), spell(arabic), given=True) == english


@pytest.mark.parametrize("arabic", [
    "لافروف",    # Russian: no census surname has its letters, the letter-by-letter spelling stays
    "بن",        # too short to tell apart (Ben/Bin/Penn …)
    "زكي",       # an Arab name: the census names of its consonants (Socha …) are far from its letters
])
def test_no_census_name_where_none_fits(arabic: str) -> None:
    assert english_name(fold(arabic), spell(arabic), given=False) is None


def test_vowels_must_agree() -> None:
    """Classes alone are not enough: a long vowel Arabic writes needs an English vowel, and the last one is written."""
    assert arabic_shape(fold("بيلفر")) == (("B", "L", "F", "R"), ("", "ي", "", "", ""))
    assert any(c == ("B", "L", "F", "R") for c, _ in english_shapes("Pelfrey"))
    assert english_name(fold("بيلفر"), spell("بيلفر"), given=False) != "Pelfrey"  # final «ey» would be written


def test_romanise_uses_census_names_for_foreign_words_only() -> None:
    assert romanise("إيرينا زوكرمان").endswith("Zuckerman")
    assert romanise("أحمد رحال") == "Ahmed Rahal"  # Arab name words keep their own spelling


def test_news_sentence_names_the_expert_in_english() -> None:
    from marsad.pipeline import Pipeline
    from marsad.text.document import Document

    doc = Pipeline.default()(Document("t", "وقال الخبير العسكري الأمريكي جيمس ميلر إن القوات الروسية انسحبت من المنطقة."))
    assert "James Miller" in {e.name for e in doc.entities if e.type == "PERSON"}
