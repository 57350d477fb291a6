"""Metadata from the text: headline, dateline date, the outlet's self-references."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import Article, build_meta, detect_chrome, iter_articles
from marsad.ingest.dateline import find_date, is_dateline

SEEDS = next(
    (p for p in (Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds", Path("/work/shared/corpus/seeds")) if p.is_dir()),
    None,
)
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="shared/corpus/seeds not found")


def _seed_meta(prefix: str) -> dict:
    assert SEEDS is not None
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    return article.meta


@needs_seeds
@pytest.mark.parametrize(
    ("prefix", "title"),
    [
        ("000", None),
        ("001", "هل تطلب روسيا تفعيل مهام “قوات الأمن الجماعي” بحرب أوكرانيا؟"),
        ("002", "تنتهي زيارة بوتين إلى بيلاروسيا بالحديث عن زيادة التعاون الدفاعي والهجوم النووي"),
        ("003", "استغاثت بها كازاخستان.. ماذا تعرف عن «منظمة معاهدة الأمن الجماعي» ؟"),
        ("004", 'ما هدف روسيا من دعم وتدريب ميليشيا "لواء القدس" الفلسطيني في حلب؟'),
    ],
)
def test_ingest_meta_seed_titles(prefix: str, title: str | None) -> None:
    assert _seed_meta(prefix)["title"] == title


@needs_seeds
@pytest.mark.parametrize(
    ("prefix", "published", "outlet_ar"),
    [
        ("000", None, "السورية.نت"),
        ("001", None, "سكاي نيوز عربية"),
        ("002", None, "مجلة المذنب نت"),
        ("003", "2024-05-09", None),
        ("004", None, "أورينت نت"),
    ],
)
def test_ingest_meta_seed_date_and_outlet(prefix: str, published: str | None, outlet_ar: str | None) -> None:
    meta = _seed_meta(prefix)
    assert meta["published"] == published
    assert meta["outlet_ar"] == outlet_ar
    assert meta["outlet"] is None  # English outlet names come from metadata or the lexicon, not from here


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("الخميس - 09 مايو 2024", "2024-05-09"),
        ("9 أيار/مايو 2024", "2024-05-09"),
        ("السبت، ١٢ تشرين الأول ٢٠٢٤", "2024-10-12"),
        ("نشر في: 2023-11-02 14:05", "2023-11-02"),
        ("آخر تحديث: 05/01/2022", "2022-01-05"),
        ("الاثنين 3 جوان 2019", "2019-06-03"),
        ("الخميس 31 فبراير 2024", None),
        ("أيلول 2021", None),
    ],
)
def test_ingest_meta_dateline_parser(text: str, iso: str | None) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("الخميس - 09 مايو 2024", True),
        ("الأحد 3 كانون الثاني 2021 | 10:15 ص", True),
        ("تأسست المنظمة في 7 أكتوبر/تشرين الأول 2002 على أساس معاهدة", False),
        ("في 19 فبراير 2022 قال الأمين العام", False),
    ],
)
def test_ingest_meta_is_dateline(line: str, expected: bool) -> None:
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    ("text", "outlet_ar"),
    [
        ("وقال المحلل في تصريحات لشبكة سكاي نيوز عربية إن الهدنة هشة.", "سكاي نيوز عربية"),
        ("وقال مصدر عسكري للجزيرة نت إن القوات تقدمت.", "الجزيرة نت"),
        ("نص الخبر.\n\nنشكركم على قراءة المنشور عبر موقع الحدث اليومي، تابعونا.", "الحدث اليومي"),
        ("خاص - عنب بلدي: قالت مصادر محلية إن الاشتباكات تجددت في درعا.", "عنب بلدي"),
        ("وقالت مصادر لوكالة رويترز إن الاجتماع تأجل.", None),
        ("قال وزير الخارجية إن بلاده مستعدة للحوار مع جيرانها.", None),
    ],
)
def test_ingest_meta_outlet_self_reference(text: str, outlet_ar: str | None) -> None:
    assert build_meta(text, detect_chrome(text))["outlet_ar"] == outlet_ar


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("روسيا تنشر قوات إضافية في سوريا\n\nقالت وزارة الدفاع الروسية إن قواتها وصلت.", "روسيا تنشر قوات إضافية في سوريا"),
        ("قالت وزارة الدفاع الروسية إن قواتها وصلت.\n\nوأضافت الوزارة أن الانتشار مؤقت.", None),
        ("قالت وزارة الدفاع الروسية إن قواتها وصلت\nوأضافت الوزارة أن الانتشار مؤقت.", None),
    ],
)
def test_ingest_meta_headline_shape(text: str, title: str | None) -> None:
    assert build_meta(text, detect_chrome(text))["title"] == title


def test_ingest_meta_given_values_win() -> None:
    text = "الخميس - 09 مايو 2024\n\nعنوان من النص\n\nنص الخبر."
    meta = build_meta(text, detect_chrome(text), {"title": "عنوان من البيانات", "published": "2024-05-10T08:00:00Z",
                                                   "outlet": "الشرق الأوسط", "url": "https://example.org/x"})
    assert meta == {"title": "عنوان من البيانات", "published": "2024-05-10", "outlet": None,
                    "outlet_ar": "الشرق الأوسط", "url": "https://example.org/x"}
