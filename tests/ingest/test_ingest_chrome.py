"""Page-chrome spans: recorded on the real seed pages (text unchanged), typical chrome kinds, real sentences kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.ingest import Article, detect_chrome, iter_articles

SEEDS = next(
    (p for p in (Path(__file__).resolve().parents[3] / "shared" / "corpus" / "seeds", Path("/work/shared/corpus/seeds")) if p.is_dir()),
    None,
)
needs_seeds = pytest.mark.skipif(SEEDS is None, reason="shared/corpus/seeds not found")


def _seed(prefix: str) -> Article:
    assert SEEDS is not None
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    with open(path, encoding="utf-8", newline="") as handle:
        assert article.text == handle.read()  # chrome is recorded, never deleted
    return article


def _spans(article: Article) -> list[tuple[str, str]]:
    return [(article.text[a:b], reason) for a, b, reason in article.removed]


@needs_seeds
def test_ingest_chrome_seed_003_duplicated_dateline_and_headline() -> None:
    article = _seed("003")
    spans = _spans(article)
    headline = "استغاثت بها كازاخستان.. ماذا تعرف عن «منظمة معاهدة الأمن الجماعي» ؟"
    assert spans[:3] == [
        ("الخميس - 09 مايو 2024", "dateline"),
        ("الخميس - 09 مايو 2024", "repeated dateline"),
        (headline, "repeated headline"),
    ]
    # the repeat is chrome, the first headline is not
    first = article.text.index(headline)
    assert article.removed[2][0] > first
    assert ("(أ ب)", "photo credit") in spans
    assert not any("في مواجهة الاضطرابات المتفاقمة" in s for s, _ in spans)


@needs_seeds
def test_ingest_chrome_seed_004_comments_and_most_read() -> None:
    article = _seed("004")
    spans = _spans(article)
    assert spans[0] == ('ما هدف روسيا من دعم وتدريب ميليشيا "لواء القدس" الفلسطيني في حلب؟', "repeated headline")
    texts = [s for s, _ in spans]
    assert texts[1:] == ["التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات"]
    assert all(r != "related link" for _, r in spans)  # nothing of the article swallowed
    # the last body paragraph ends right before the comment counter and is not chrome
    assert article.removed[1][0] > article.text.index("وكرّمت القيادة الروسية في سوريا قادته")


@needs_seeds
def test_ingest_chrome_seed_002_slogan_and_byline() -> None:
    article = _seed("002")
    assert _spans(article) == [
        ("مجلة المذنب نت متابعات عالمية:", "site byline"),
        ("نشكركم على قراءة المنشور عبر مجلة المذنب نت, المتخصصة في التداول والعملات الرقمية والمشفرة", "site slogan"),
    ]


@needs_seeds
@pytest.mark.parametrize("prefix", ["000", "001"])
def test_ingest_chrome_seed_clean_pages_have_none(prefix: str) -> None:
    assert _seed(prefix).removed == []


@pytest.mark.parametrize(
    ("text", "chrome", "reason"),
    [
        ("دبي، الإمارات العربية المتحدة (CNN) -- أعلن الجيش الإسرائيلي، الأحد، عن مقتل جنديين في غزة.",
         "دبي، الإمارات العربية المتحدة (CNN) --", "hosting-site dateline byline"),
        ("موسكو (رويترز) - قالت وزارة الدفاع الروسية إن قواتها سيطرت على قرية جديدة.", "موسكو (رويترز) -",
         "hosting-site dateline byline"),
        ("جنود أوكرانيون قرب باخموت. (رويترز)\n\nقالت كييف إن قواتها صدت هجوما.", "(رويترز)", "photo credit"),
        ("عنوان الخبر هنا\n\nنص الخبر الأول.\n\nاقرأ أيضاً: الجيش يعلن حالة التأهب في الشمال\n\nوتابع المتحدث حديثه.",
         "اقرأ أيضاً: الجيش يعلن حالة التأهب في الشمال", "related link"),
        ("نص الخبر الأول.\n\nتابعونا على تلغرام لمتابعة آخر الأخبار", "تابعونا على تلغرام لمتابعة آخر الأخبار",
         "share/follow line"),
        ("نص الخبر الأول.\n\nشارك\n\nنص آخر طويل بما يكفي ليكون فقرة.", "شارك", "page control"),
        ("نص الخبر الأول.\n\n12 تعليقات", "12 تعليقات", "comment counter"),
        ("نص الخبر الأول.\nالوسوم: روسيا، أوكرانيا، الناتو", "الوسوم: روسيا، أوكرانيا، الناتو", "tags line"),
        ("نشر في: الأحد 3 كانون الثاني 2021 - 10:15 ص\nنص الخبر.", "نشر في: الأحد 3 كانون الثاني 2021 - 10:15 ص",
         "dateline"),
        ("نص الخبر.\n\n📌 روابط سريعة", "📌 روابط سريعة", "emoji nav line"),
        ("نص الخبر.\n\nجميع الحقوق محفوظة © 2024", "جميع الحقوق محفوظة © 2024", "site slogan"),
        ("قصفت المدفعية مواقع في ريف إدلب.\nقصفت المدفعية مواقع في ريف إدلب.\nوقال مصدر محلي إن القصف عنيف.",
         "قصفت المدفعية مواقع في ريف إدلب.", "repeated line"),
    ],
)
def test_ingest_chrome_kinds(text: str, chrome: str, reason: str) -> None:
    spans = detect_chrome(text)
    assert (chrome, reason) in [(text[a:b], r) for a, b, r in spans]


def test_ingest_chrome_related_block_at_end() -> None:
    text = (
        "قالت وزارة الدفاع إن قواتها اعترضت طائرة مسيرة فوق البحر الأحمر.\n\nالأكثر قراءة\n"
        "الحوثيون يعلنون استهداف سفينة تجارية\nواشنطن تفرض عقوبات جديدة على طهران\n"
    )
    got = [(text[a:b], r) for a, b, r in detect_chrome(text)]
    assert got == [
        ("الأكثر قراءة", "most-read/related block"),
        ("الحوثيون يعلنون استهداف سفينة تجارية", "related link"),
        ("واشنطن تفرض عقوبات جديدة على طهران", "related link"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "قالت وكالة رويترز إن القوات الروسية تقدمت نحو المدينة (رويترز) وفق مصادرها.",
        "ونقلت الوكالة العربية السورية للأنباء (سانا) عن مصدر عسكري قوله إن الدفاعات الجوية تصدت للهجوم",
        "شارك آلاف الجنود في المناورات العسكرية المشتركة التي انطلقت أمس.",
        "وأشار التقرير إلى أن الأكثر قراءة بين المنشورات كانت عن الحرب.",
        "تأسست المنظمة في 7 أكتوبر/تشرين الأول 2002 على أساس معاهدة الأمن الجماعي.",
        "وتابع: “حاولت روسيا أيضًا إقناع دول منفردة بتوحيد قواها”.",
        "تحرير حلب\n\nقال القائد إن معركة تحرير حلب ستبدأ قريبا.",
        "🔴 عاجل: مقتل خمسة جنود في هجوم على موقع عسكري",
        "كسر أجنحة\n\nوعن غاية روسيا من دعم وتدريب هذه الميليشيا، يقول الخبير العسكري.",
    ],
)
def test_ingest_chrome_real_sentences_kept(text: str) -> None:
    assert detect_chrome(text) == []


@pytest.mark.parametrize("pattern, anchored", [
    (r"^(?:تابعونا|تابعنا)\b", True),
    (r"^[(\[]?\s*[0-9٠-٩]+\s*[)\]]?\s*تعليق$", True),    # | and ) inside a class or escaped do not count
    (r"^(?:a|b)\|c", True),
    (r"(?:جميع|كل) الحقوق محفوظة|^©", False),             # not anchored at all
    (r"^©|All rights reserved", False),                  # a top-level | lets the second branch match anywhere
    (r"^[]|]x|y", False),                                # a leading ] is a literal inside the class
])
def test_chrome_anchored_at_start_reads_the_pattern(pattern, anchored):
    from marsad.ingest.chrome import anchored_at_start

    assert anchored_at_start(pattern) is anchored


def test_chrome_line_rules_give_the_first_rule_in_order():
    from marsad.ingest.chrome import LineRules

    rules = LineRules([(r"^اقرأ أيضا\s*:", "related link"), (r"جميع الحقوق محفوظة", "site slogan"),
                       (r"^(?:جميع|كل) \S+", "generic"), (r"^Read more", "related link (en)")])
    assert rules.first("اقرأ أيضا: جميع الحقوق محفوظة") == "related link"
    assert rules.first("جميع الحقوق محفوظة لموقع الخبر") == "site slogan"   # the searched rule comes first in order
    assert rules.first("كل الأخبار") == "generic"
    assert rules.first("READ MORE about it") == "related link (en)"           # case ignored
    assert rules.first("قال الوزير إن القوات انسحبت") is None
