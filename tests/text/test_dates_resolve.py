"""marsad.text.dates on real seed snippets and realistic news sentences: spans, ISO values, relative resolution."""
from __future__ import annotations

import datetime as dt

import pytest

from tests.conftest import read_seed, seed_paths
from marsad.text.dates import find_dateline, find_dates



def _seed_texts() -> list[tuple[str, str]]:
    """The seed articles shipped in the package (see tests/conftest.py)."""
    return [(p.name, read_seed(p.name)) for p in seed_paths()]


D = dt.date
# (snippet, reference date, span text, value, granularity, relative, approx)
CASES = [
    # seed snippets
    ("تأسست المنظمة في 7 أكتوبر/تشرين الأول 2002 على أساس معاهدة", None,
     "7 أكتوبر/تشرين الأول 2002", "2002-10-07", "day", False, False),
    ("معاهدة الأمن الجماعي الموقعة في 17 مايو/أيار 1992، وأعضاؤها", None,
     "17 مايو/أيار 1992", "1992-05-17", "day", False, False),
    ("الخميس - 09 مايو 2024", None, "الخميس - 09 مايو 2024", "2024-05-09", "day", False, False),
    ("حسب ما ذكر “معهد دراسات الحرب” في تقرير له أمس الخميس.", D(2024, 5, 10),
     "أمس الخميس", "2024-05-09", "day", True, False),
    ("لنشر كتيبتين من قواتها في سورية، في شهر أيلول / سبتمبر المقبل، حسب", D(2021, 2, 19),
     "شهر أيلول / سبتمبر المقبل", "2021-09", "month", True, False),
    ("الانتشار الذي من المفترض أن يبدأ بعد سبعة أشهر.", D(2021, 2, 19),
     "بعد سبعة أشهر", "2021-09", "month", True, False),
    ("أن ميليشيا لواء القدس تشكلت منتصف عام 2013 بقيادة", None, "منتصف عام 2013", "2013", "year", False, True),
    ("تأسست منظمة معاهدة الأمن الجماعي عام 2002 ، ويضم", None, "عام 2002", "2002", "year", False, False),
    ("للغزو الأذربيجاني. في مايو 2021.", None, "مايو 2021", "2021-05", "month", False, False),
    ("في 19 فبراير ، قبل خمسة أيام من الحرب", D(2022, 3, 1), "19 فبراير", "2022-02-19", "day", True, False),
    ("في 19 فبراير ، قبل خمسة أيام من الحرب", None, "19 فبراير", "", "day", True, False),
    ("في 19 فبراير ، قبل خمسة أيام من الحرب", D(2022, 3, 1), "قبل خمسة أيام", "", "day", False, False),
    ("في أعقاب هجمات 11 سبتمبر 2001.", None, "11 سبتمبر 2001", "2001-09-11", "day", False, False),
    ("اتفاق أمني يعود إلى التسعينات بين جمهوريات", None, "التسعينات", "1990", "decade", False, False),
    ("تعمل جنباً إلى جنب منذ أكثر من 70 عاماً، في حين", D(2022, 1, 7), "منذ أكثر من 70 عاماً", "1952", "year",
     True, True),
    ("قال المركز اليوم الجمعة إن هذه الخطوة", D(2021, 2, 19), "اليوم الجمعة", "2021-02-19", "day", True, False),
    ("قدمت في وقت سابق هذا العام مساعدة لكازاخستان", D(2022, 3, 1), "هذا العام", "2022", "year", True, False),
    # realistic news sentences
    ("اندلعت الاحتجاجات في 15 آذار/مارس 2011 في درعا", None, "15 آذار/مارس 2011", "2011-03-15", "day", False,
     False),
    ("وصل الوفد في ٩ أيار ٢٠٢٤ إلى دمشق", None, "٩ أيار ٢٠٢٤", "2024-05-09", "day", False, False),
    ("يدخل القرار حيز التنفيذ اعتبارا من 1 يناير/كانون الثاني 2023", None, "1 يناير/كانون الثاني 2023",
     "2023-01-01", "day", False, False),
    ("وقعت الهجمات في السابع من أكتوبر", D(2023, 10, 20), "السابع من أكتوبر", "2023-10-07", "day", True, False),
    ("أعلنت الوزارة بتاريخ 09/05/2024 عن", None, "09/05/2024", "2024-05-09", "day", False, False),
    ("اجتمع الطرفان في جانفي 2019 بالجزائر", None, "جانفي 2019", "2019-01", "month", False, False),
    ("تراجعت الأسعار في أواخر تموز الماضي", D(2022, 3, 1), "أواخر تموز الماضي", "2021-07", "month", True, True),
    ("ستعقد القمة مطلع العام المقبل", D(2022, 3, 1), "مطلع العام المقبل", "2023", "year", True, True),
    ("ارتفعت الأسعار نهاية الشهر الماضي", D(2022, 3, 1), "نهاية الشهر الماضي", "2022-02", "month", True, True),
    ("انسحبت القوات من المنطقة قبل عامين", D(2022, 3, 1), "قبل عامين", "2020", "year", True, False),
    ("تبدأ المفاوضات بعد ثلاثة أيام في جنيف", D(2022, 3, 1), "بعد ثلاثة أيام", "2022-03-04", "day", True, False),
    ("سيصل الوزير الاثنين المقبل إلى أنقرة", D(2022, 3, 1), "الاثنين المقبل", "2022-03-07", "day", True, False),
    ("قصفت الطائرات المدينة يوم الأحد الماضي", D(2022, 3, 1), "يوم الأحد الماضي", "2022-02-27", "day", True,
     False),
    ("يلتقي الرئيسان غداً السبت في موسكو", D(2024, 5, 9), "غداً السبت", "2024-05-11", "day", True, False),
    ("جرت الانتخابات في 2021، وفاز فيها", None, "2021", "2021", "year", False, False),
    ("في عامي 2014 و2017 شهدت المنطقة", None, "عامي 2014", "2014", "year", False, False),
    ("في عامي 2014 و2017 شهدت المنطقة", None, "2017", "2017", "year", False, False),
    ("قال مسؤول أمس إن", None, "أمس", "", "day", True, False),
]


@pytest.mark.parametrize("text,ref,span_text,value,granularity,relative,approx", CASES)
def test_dates_resolve_value_and_span(text, ref, span_text, value, granularity, relative, approx):
    spans = [s for s in find_dates(text, ref) if s.text == span_text]
    assert len(spans) == 1, find_dates(text, ref)
    s = spans[0]
    assert text[s.start:s.end] == s.text
    assert (s.value, s.granularity, s.relative, s.approx) == (value, granularity, relative, approx)


@pytest.mark.parametrize("text", [
    "قوة قوامها نحو 4000 فرد",  # bare numbers are never years
    "بوحدة حفظ السلام المكونة من 3600 عنصر",
    "قوة قوامها 17 ألف فرد",
    "نشر الجيش قواته في 2000 موقع",
    "مارس الجيش ضغوطا كبيرة على المعارضة",  # مارس as a verb
    "عاد تموز إلى الواجهة",  # an ambiguous month name without a date cue
    "لا فرق بين الاثنين",  # الاثنين = "the two"
    "غدا الوضع أكثر تعقيدا",  # غدا as a verb
])
def test_dates_resolve_rejects_non_dates(text):
    assert find_dates(text, D(2022, 3, 1)) == []


def test_dates_resolve_keeps_one_span_per_bilingual_pair():
    text = "تأسست المنظمة في 7 أكتوبر/تشرين الأول 2002 على أساس معاهدة 17 مايو/أيار 1992"
    assert [s.value for s in find_dates(text)] == ["2002-10-07", "1992-05-17"]


@pytest.mark.parametrize("text,expected", [
    ("الخميس - 09 مايو 2024\nالخميس - 09 مايو 2024\n\nاستغاثت بها كازاخستان", D(2024, 5, 9)),
    ("السبت ١١ أيار ٢٠٢٤\nنص الخبر", D(2024, 5, 11)),
    ("عنوان الخبر\n09/05/2024\nنص الخبر", D(2024, 5, 9)),
    ("تأسست المنظمة في 7 أكتوبر/تشرين الأول 2002 على أساس معاهدة", None),
    ("نص بلا تاريخ", None),
])
def test_dates_resolve_dateline(text, expected):
    assert find_dateline(text) == expected


@pytest.mark.skipif(not _seed_texts(), reason="seed articles not available")
def test_dates_resolve_seed_offsets_are_exact_and_values_iso():
    total = 0
    for name, text in _seed_texts():
        for s in find_dates(text, D(2022, 3, 1)):
            assert text[s.start:s.end] == s.text, (name, s)
            if s.value and s.granularity == "day":
                dt.date.fromisoformat(s.value)
            total += 1
        for s in find_dates(text):
            assert s.value == "" or not s.relative
    assert total >= 20
