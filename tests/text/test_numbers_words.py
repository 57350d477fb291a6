"""marsad.text.numbers on real seed snippets and realistic news sentences: values, units, cues, offsets."""
from __future__ import annotations


import pytest

from tests.conftest import read_seed, seed_paths
from marsad.text.numbers import NumberSpan, find_numbers, noun_info, parse_cardinal



def _seed_texts() -> list[tuple[str, str]]:
    """The seed articles shipped in the package (see tests/conftest.py)."""
    return [(p.name, read_seed(p.name)) for p in seed_paths()]


def _only(text: str) -> NumberSpan:
    spans = find_numbers(text)
    assert len(spans) == 1, spans
    return spans[0]


# (snippet, span text, value, unit, approx, bound, kind)
CASES = [
    # seed snippets
    ("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية", "كتيبتين", 2, "كتيبة", False, None, "dual"),
    ("المنظمة لديها “قوة قوامها 17 ألف فرد في حالة استعداد دائم للقتال", "17 ألف", 17000, "فرد", False, None, "mixed"),
    ("وفرقة حفظ سلام متخصصة قوامها نحو 4000 فرد”.", "4000", 4000, "فرد", True, None, "digits"),
    ("والمنظمة هي تحالف سياسي عسكري يضم روسيا وستاً من جمهوريات الاتحاد السوفياتي", "ستاً", 6, None, False, None,
     "words"),
    ("من المحاربين البيلاروسيين القدامى من 300 عنصر، ليكون", "300", 300, "عنصر", False, None, "digits"),
    ("أسس التكتل قوة رد سريع قوامها 20 ألف فرد", "20 ألف", 20000, "فرد", False, None, "mixed"),
    ("بوحدة حفظ السلام التابعة له المكونة من 3600 عنصر.", "3600", 3600, "عنصر", False, None, "digits"),
    ("الحلف الأطلسي الذي يضم 30 دولة تعمل جنباً إلى جنب", "30", 30, "دولة", False, None, "digits"),
    ("تعمل جنباً إلى جنب منذ أكثر من 70 عاماً، في حين", "70", 70, "عام", True, "min", "digits"),
    ("في المنطقة الممتدة على طول 30 كم تقريباً غرب وجنوب حلب", "30", 30, "كيلومتر", True, None, "digits"),
    ("بدلاً من القوات النظامية كـالفيلق الخامس والآن", "الخامس", 5, "فيلق", False, None, "ordinal"),
    ("خلال ما يقرب من عشرة أشهر من الحرب.", "عشرة", 10, "شهر", True, None, "words"),
    # realistic news sentences
    ("قال مسؤول إن عشرة آلاف جندي وصلوا إلى الحدود", "عشرة آلاف", 10000, "جندي", False, None, "words"),
    ("وأكد الجيش مقتل 600 من الجنود خلال المعارك", "600", 600, "جندي", False, None, "digits"),
    ("قُتِلَ خَمْسَةَ عَشَرَ مُقَاتِلًا في الهجوم", "خَمْسَةَ عَشَرَ", 15, "مقاتل", False, None, "words"),
    ("ونشرت موسكو ١٧٬٠٠٠ جندي على طول الجبهة", "١٧٬٠٠٠", 17000, "جندي", False, None, "digits"),
    ("وصل 17.000 جندي إلى المنطقة", "17.000", 17000, "جندي", False, None, "digits"),
    ("تستضيف تركيا 3.5 مليون لاجئ سوري", "3.5 مليون", 3500000, "لاجئ", False, None, "mixed"),
    ("خصصت الحكومة ٣٫٥ مليون دولار للإغاثة", "٣٫٥ مليون", 3500000, "دولار", False, None, "mixed"),
    ("يضم اللواء ثلاثمائة وخمسة وعشرين مقاتلا", "ثلاثمائة وخمسة وعشرين", 325, "مقاتل", False, None, "words"),
    ("تتألف القوة من ثلاث مئة جندي", "ثلاث مئة", 300, "جندي", False, None, "words"),
    ("شارك في المناورات خمسة وعشرون ألف عسكري", "خمسة وعشرون ألف", 25000, "عسكري", False, None, "words"),
    ("نزح مليون ونصف شخص منذ بداية المعارك", "مليون ونصف", 1500000, "شخص", False, None, "words"),
    ("أسقطت الدفاعات الجوية طائرتين مسيرتين فوق المدينة", "طائرتين مسيرتين", 2, "طائرة", False, None, "dual"),
    ("أعلن الجيش نشر لواءين مدرعين", "لواءين", 2, "لواء", False, None, "dual"),
    ("قتل جنديين اثنين في الكمين", "جنديين اثنين", 2, "جندي", False, None, "dual"),
    ("لم يصب سوى جندي واحد", "واحد", 1, "جندي", False, None, "words"),
    ("أطلقت الفصائل 12 صاروخاً باتجاه القاعدة", "12", 12, "صاروخ", False, None, "digits"),
    ("أفادت التقارير بمقتل ما لا يزيد عن 50 شخصا", "50", 50, "شخص", True, "max", "digits"),
    ("قدرت الاستخبارات عددهم بنحو ٢٥٠٠ مقاتل", "٢٥٠٠", 2500, "مقاتل", True, None, "digits"),
    ("انتشرت الكتيبة الثانية في ريف المدينة", "الثانية", 2, "كتيبة", False, None, "ordinal"),
    ("تحيي البلاد الذكرى الحادية والعشرين للهجمات", "الحادية والعشرين", 21, None, False, None, "ordinal"),
    ("في الحادي عشر من سبتمبر", "الحادي عشر", 11, None, False, None, "ordinal"),
    ("نشر الجيش الـ600 عنصر على الحدود", "600", 600, "عنصر", False, None, "digits"),
    ("تضم القوة قرابة 40 ألفا من المجندين", "40 ألفا", 40000, "مجند", True, None, "mixed"),
]


@pytest.mark.parametrize("text,span_text,value,unit,approx,bound,kind", CASES)
def test_numbers_words_value_unit_cues(text, span_text, value, unit, approx, bound, kind):
    spans = [s for s in find_numbers(text) if s.text == span_text]
    assert len(spans) == 1, find_numbers(text)
    s = spans[0]
    assert text[s.start:s.end] == s.text
    assert (s.value, s.unit, s.approx, s.bound, s.kind) == (value, unit, approx, bound, kind)
    assert s.ordinal == (kind == "ordinal")
    if s.unit_span:
        assert text[s.unit_span[0]:s.unit_span[1]]


@pytest.mark.parametrize("text", [
    "المدنيين والمقاتلين واللاجئين",  # -ين plurals are not duals
    "عاش في السنين الماضية",
    "عشرات الجنود وآلاف اللاجئين",  # vague plurals of scale words are not numbers
    "تأسست في 7 أكتوبر/تشرين الأول 2002",  # الأول of a month name is not an ordinal
    "طائرة F16 أمريكية",  # digits glued to letters
])
def test_numbers_words_rejects_non_numbers(text):
    assert all(not s.ordinal for s in find_numbers(text))
    assert all(s.kind != "dual" for s in find_numbers(text))
    assert "F16" not in text or find_numbers(text) == []
    assert "آلاف" not in text or find_numbers(text) == []
    assert "ين " not in text + " " or all(s.value != 2 for s in find_numbers(text))


@pytest.mark.parametrize("text,year_like", [
    ("تأسست منظمة معاهدة الأمن الجماعي عام 2002 ، ويضم", True),
    ("الموقعة في 17 مايو/أيار 1992، وأعضاؤها", True),
    ("قوامها نحو 4000 فرد", False),
    ("المكونة من 2000 عنصر", False),
])
def test_numbers_words_year_like_flag(text, year_like):
    big = [s for s in find_numbers(text) if s.value >= 1000]
    assert len(big) == 1 and big[0].is_year_like is year_like


def test_numbers_words_offsets_survive_marks_bidi_and_nbsp():
    text = "\u200fنشرت روسيـا نحو\u00a0١٥٠٠\u00a0جنـديٍ وثلاثةَ ألويةٍ"
    spans = find_numbers(text)
    assert [(s.text, s.value, s.unit, s.approx) for s in spans] == [
        ("١٥٠٠", 1500, "جندي", True), ("ثلاثةَ", 3, "لواء", False)]
    for s in spans:
        assert text[s.start:s.end] == s.text
        assert text[s.unit_span[0]:s.unit_span[1]] in ("جنـديٍ", "ألويةٍ")


def test_numbers_words_parse_cardinal_and_noun_info():
    assert parse_cardinal("سبعة") == 7
    assert parse_cardinal("خمسة وعشرون") == 25
    assert parse_cardinal("17 ألف") == 17000
    assert parse_cardinal("لا شيء") is None
    info = noun_info("كتيبة")
    assert info is not None and (info.gloss, info.category) == ("battalion", "unit")


@pytest.mark.skipif(not _seed_texts(), reason="seed articles not available")
def test_numbers_words_seed_offsets_are_exact():
    total = 0
    for name, text in _seed_texts():
        for s in find_numbers(text):
            assert text[s.start:s.end] == s.text, (name, s)
            total += 1
    assert total >= 40
