import pytest

from marsad.text.normalize import fold, normalize


@pytest.mark.parametrize("raw, folded", [
    ("أوكرانيا", "اوكرانيا"),
    ("إيران", "ايران"),
    ("سورية", "سوريه"),
    ("روسيّة", "روسيه"),
    ("مُنَظَّمَة", "منظمه"),
    ("الـــروسية", "الروسيه"),
    ("على", "علي"),
    ("١٧٬٠٠٠", "17,000"),
    ("۳۶۰۰", "3600"),
    ("«الناتو»", '"الناتو"'),
    ("CSTO", "csto"),
    ("\ufefbمنظمة", "لامنظمه"),  # presentation-form lam-alef
])
def test_normalize_folds_variants(raw, folded):
    assert fold(raw) == folded
    assert normalize(raw).norm == folded


@pytest.mark.parametrize("raw, word", [
    ("قال المتحدثُ باسم وزارةِ الدفاعِ إنَّ بيلاروسيا", "بيلاروسيا"),
    ("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية", "سوريه"),
    ("ركّزت الدورة التدريبية على إجراءات الأمن", "الامن"),
    ("وفق المركز: “من المحتمل أن يكون الكرملين قد حرض”", "الكرملين"),
    ("\u200fالجيش\u200f الروسي\u00a0ينسحب ﻻ محالة", "ينسحب"),
])
def test_normalize_maps_spans_back(raw, word):
    n = normalize(raw)
    i = n.norm.index(word)
    s, e = n.span(i, i + len(word))
    assert fold(raw[s:e]) == word
    assert n.text == raw  # the source is never altered


def test_normalize_span_keeps_trailing_marks():
    raw = "قالَ الرئيسُ"
    n = normalize(raw)
    i = n.norm.index("الرييس") if "الرييس" in n.norm else n.norm.index("الرئيس".translate({0x626: "ي"}))
    s, e = n.span(i, i + 6)
    assert raw[s:e] == "الرئيسُ"


def test_normalize_seed_offsets_roundtrip(seeds):
    for name, text in seeds.items():
        n = normalize(text)
        assert len(n.norm) <= len(text) + 10
        for i in range(0, len(n.norm), 37):
            o = n.to_orig(i)
            assert fold(text[o]) == n.norm[i] or len(fold(text[o])) > 1, (name, i)
