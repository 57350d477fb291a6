"""Checks on the hand-curated people and places lexicons (data/lexicon/people.jsonl, data/lexicon/places.jsonl)."""
from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources

import pytest

from tests.conftest import lexicon_rows

from marsad.entities.matcher import Matcher
from marsad.lexicon.load import key_of, load_lexicon
from marsad.text.document import Document
from marsad.text.tokenize import tokenize

LEXICON = resources.files("marsad").joinpath("data/lexicon")
FILES = {"people.jsonl": "PERSON", "places.jsonl": "PLACE"}
KEYS = ["id", "name", "type", "wikidata", "aliases", "forms", "demonyms", "short", "offices", "source"]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
YEAR = re.compile(r"^(19|20)[0-9]{2}$")
BAD_CHARS = re.compile("[\u0640\uFB50-\uFDFF\uFE70-\uFEFF]")  # tatweel, Arabic presentation forms
ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0660-\u0669 0-9\-]+$")
# "of" ids of armed groups that the organisations lexicon does not carry yet.
PENDING_OF = {"asaib-ahl-al-haq", "jama-at-nusrat-al-islam-wal-muslimin"}


ROWS = {name: lexicon_rows(name) for name in FILES}
ALL = [r for rows in ROWS.values() for r in rows]
BY_ID = {r["id"]: r for r in ALL}


def _arabic(row: dict) -> list[str]:
    return row["forms"] + row["short"] + row["demonyms"]


def _keys(row: dict) -> set[str]:
    keys = {key_of(s) for s in row["forms"] + row["short"]}
    for d in row["demonyms"]:
        keys |= {key_of(d), key_of("ال" + d)}
    return keys


@pytest.mark.parametrize("name", FILES)
def test_lexicon_people_places_file_is_sorted_json_lines_in_the_shared_format(name):
    rows = ROWS[name]
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    for row in rows:
        assert sorted(row) == sorted(KEYS + (["country"] if FILES[name] == "PLACE" else [])), row.get("id")
        assert row["type"] == FILES[name], row["id"]
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] != ""
        assert row["wikidata"] is None or QID.match(row["wikidata"]), row["id"]
        for field in ("aliases", "forms", "demonyms", "short"):
            assert isinstance(row[field], list) and all(isinstance(s, str) and s for s in row[field]), (row["id"], field)
        assert row["forms"], row["id"]
        assert row["name"] not in row["aliases"], row["id"]
        assert row["source"] in {"curated", "curated+rigour"}, row["id"]
        if FILES[name] == "PLACE":
            assert row["offices"] == [], row["id"]


def test_lexicon_people_places_has_at_least_300_people_and_400_places():
    assert len(ROWS["people.jsonl"]) >= 300
    assert len(ROWS["places.jsonl"]) >= 400


def test_lexicon_people_places_ids_are_unique_slugs_of_unique_names():
    ids = [r["id"] for r in ALL]
    assert len(ids) == len(set(ids))
    assert all(SLUG.match(i) for i in ids), [i for i in ids if not SLUG.match(i)]
    names = [r["name"] for r in ALL]
    assert len(names) == len(set(names))
    qids = [r["wikidata"] for r in ALL if r["wikidata"]]
    assert len(qids) == len(set(qids))


def test_lexicon_people_places_ids_and_names_are_not_used_by_other_lexicon_files():
    others = [p for p in LEXICON.iterdir() if p.name.endswith(".jsonl") and p.name not in FILES]
    other_rows = [json.loads(line) for p in others for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert {r["id"] for r in other_rows} & set(BY_ID) == set()
    other_names = {n.casefold() for r in other_rows for n in [r["name"], *r["aliases"]]}
    assert {r["name"].casefold() for r in ALL} & other_names == set()


def test_lexicon_people_places_offices_are_well_formed():
    for row in ROWS["people.jsonl"]:
        for office in row["offices"]:
            assert sorted(office) == ["from", "of", "title", "to"], row["id"]
            assert office["title"] and office["title"][0].isupper(), row["id"]
            assert SLUG.match(office["of"]), (row["id"], office["of"])
            for end in ("from", "to"):
                assert office[end] is None or YEAR.match(office[end]), (row["id"], office)
            if office["from"] and office["to"]:
                assert office["from"] <= office["to"], (row["id"], office)


def test_lexicon_people_places_offices_point_at_lexicon_entities():
    known = set(load_lexicon().entries)
    missing = {o["of"] for r in ROWS["people.jsonl"] for o in r["offices"]} - known - PENDING_OF
    assert missing == set()


def test_lexicon_people_places_arabic_text_is_clean():
    for row in ALL:
        seen = set()
        for s in _arabic(row):
            assert unicodedata.normalize("NFC", s) == s, (row["id"], s)
            assert not BAD_CHARS.search(s), (row["id"], s)
            assert ARABIC_ONLY.match(s), (row["id"], s)
            assert s == s.strip() and "  " not in s, (row["id"], s)
            assert s not in seen, (row["id"], s)
            seen.add(s)


def test_lexicon_people_places_no_normalised_form_belongs_to_two_entities():
    owner: dict[str, str] = {}
    for row in ALL:
        for k in _keys(row):
            assert owner.setdefault(k, row["id"]) == row["id"], (k, owner[k], row["id"])


def test_lexicon_people_places_load_without_conflicts_with_the_other_files():
    lex = load_lexicon()
    mine = ("people.jsonl", "places.jsonl")
    assert [c for c in lex.conflicts if any(m in c for m in mine)] == []


@pytest.mark.parametrize("eid, forms", [
    ("vladimir-putin", ["فلاديمير بوتين", "بوتين"]),
    ("alexander-lukashenko", ["ألكسندر لوكاشينكو", "لوكاشينكو", "لوكاشنكو", "لوكاشينكا"]),
    ("sergei-shoigu", ["سيرغي شويغو", "شويغو", "شويجو"]),
    ("valery-gerasimov", ["غيراسيموف", "جيراسيموف"]),
    ("yevgeny-prigozhin", ["بريغوجين", "بريجوجين"]),
    ("volodymyr-zelenskyy", ["زيلينسكي", "فولوديمير زيلينسكي"]),
    ("recep-tayyip-erdogan", ["أردوغان", "أردوجان"]),
    ("bashar-al-assad", ["بشار الأسد"]),
    ("ahmed-al-sharaa", ["أحمد الشرع", "أبو محمد الجولاني"]),
    ("mohamed-hamdan-dagalo", ["حميدتي", "محمد حمدان دقلو"]),
    ("stanislav-zas", ["ستانيسلاف زاس"]),
    ("aleppo", ["حلب", "مدينة حلب"]),
    ("aleppo-governorate", ["محافظة حلب"]),
    ("donetsk-oblast", ["مقاطعة دونيتسك", "إقليم دونيتسك"]),
    ("zaporizhzhia", ["زابوريجيا", "زاباروجيا"]),
    ("kobani", ["عين العرب", "كوباني"]),
    ("crimea", ["شبه جزيرة القرم", "القرم"]),
    ("nagorno-karabakh", ["ناغورنو قره باغ", "قره باغ"]),
    ("amman", ["العاصمة الأردنية عمان"]),
    ("tripoli-libya", ["طرابلس"]),
    ("tripoli-lebanon", ["طرابلس اللبنانية"]),
])
def test_lexicon_people_places_spot_check_forms(eid, forms):
    assert set(forms) <= set(BY_ID[eid]["forms"]), set(forms) - set(BY_ID[eid]["forms"])


def test_lexicon_people_places_ambiguous_words_are_kept_out_of_forms():
    all_forms = {key_of(f) for r in ALL for f in r["forms"]}
    for word in ["الأسد", "الباب", "الساحل", "الخليج", "الميادين", "المتوسط", "الأبيض", "الزاوية", "عمان", "الشمال",
                 "الجزيرة", "الشام", "كيف", "الشرع", "سرت", "بينت", "تراس"]:
        assert key_of(word) not in all_forms, word
    assert "الأسد" in BY_ID["bashar-al-assad"]["short"]
    assert "الميادين" in BY_ID["al-mayadin"]["short"]


@pytest.mark.parametrize("eid, demonym", [
    ("aleppo", "حلبي"), ("damascus", "دمشقي"), ("caucasus", "قوقازي"), ("europe", "أوروبي"), ("europe", "أوروبية"),
])
def test_lexicon_people_places_demonyms(eid, demonym):
    assert demonym in BY_ID[eid]["demonyms"]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.default()


def _found(matcher: Matcher, text: str) -> set[str]:
    doc = Document(doc="t", text=text)
    doc.tokens = tokenize(text)
    return {m.entity for m in matcher.find(doc)}


@pytest.mark.parametrize("text, expected", [
    ("وبحث الرئيس الروسي فلاديمير بوتين مع نظيره البيلاروسي ألكسندر لوكاشنكو في مينسك الوضع في دونباس",
     {"vladimir-putin", "alexander-lukashenko", "minsk", "donbas"}),
    ("وقال وزير الدفاع سيرجي شويجو إن القوات سيطرت على باخموت وأفدييفكا في مقاطعة دونيتسك",
     {"sergei-shoigu", "bakhmut", "avdiivka", "donetsk-oblast"}),
    ("وشنت الطائرات الروسية غارات على ريف حلب الغربي انطلاقا من قاعدة حميميم، فيما استهدفت مسيرات محافظة إدلب",
     {"aleppo", "khmeimim-air-base", "idlib-governorate"}),
    ("ونقلت قوات سوريا الديمقراطية محتجزين من مخيم الهول إلى الحسكة والقامشلي، بحسب القائد العام مظلوم عبدي",
     {"al-hawl-refugee-camp", "al-hasakah", "qamishli", "mazloum-abdi"}),
    ("وأعلن الأمين العام للحلف ينس ستولتنبرغ أن حلفاء الناتو سيعززون وجودهم في دول البلطيق والبحر الأسود",
     {"jens-stoltenberg", "baltic-states", "black-sea"}),
    ("واستقبل قائد الجيش السوداني عبد الفتاح البرهان في بورتسودان المبعوث الأممي، بينما تحاصر قوات حميدتي الفاشر",
     {"abdel-fattah-al-burhan", "port-sudan", "mohamed-hamdan-dagalo", "el-fasher"}),
    ("وأطلق الحوثيون صواريخ باتجاه إيلات من صنعاء، وقال يحيى سريع إن السفن في البحر الأحمر وباب المندب مستهدفة",
     {"eilat", "sanaa", "yahya-saree", "red-sea", "bab-el-mandeb"}),
    ("وزار وزير الخارجية التركي هاكان فيدان العاصمة الأردنية عمان قبل أن يتوجه إلى طرابلس للقاء عبد الحميد الدبيبة",
     {"hakan-fidan", "amman", "tripoli-libya", "abdul-hamid-dbeibeh"}),
    ("وتراجعت قوات أرمينيا من ناغورنو قره باغ بعد أن أعلن نيكول باشينيان ذلك في يريفان، وسط توتر في جنوب القوقاز",
     {"nagorno-karabakh", "nikol-pashinyan", "yerevan", "south-caucasus"}),
])
def test_lexicon_people_places_match_in_news_sentences(matcher, text, expected):
    found = _found(matcher, text)
    assert expected <= found, expected - found


def test_lexicon_people_places_short_forms_need_the_full_name(matcher):
    assert "bashar-al-assad" not in _found(matcher, "وزأر الأسد في حديقة الحيوان")
    assert "bashar-al-assad" in _found(matcher, "التقى بشار الأسد بوفد روسي، وقال الأسد إن المحادثات مثمرة")
    assert "al-mayadin" not in _found(matcher, "وقالت قناة الميادين إن المفاوضات متعثرة")


@pytest.mark.parametrize("text", [
    "وأغلق الحارس الباب بعد أن غادر الزوار",
    "يمتد الساحل لمسافة طويلة وتنتشر على الخليج قوارب الصيد",
    "وقال إن الصواريخ المتوسطة المدى والقماش الأبيض لا علاقة لهما بالأمر، وبينت الدراسة كيف تتغير الأسعار",
    "وسرت شائعات عن استقالة المدير في الزاوية الأخرى من المكتب",
])
def test_lexicon_people_places_common_words_do_not_match(matcher, text):
    assert _found(matcher, text) & set(BY_ID) == set()


COUNTRY_IDS = {r["id"] for r in lexicon_rows("countries.jsonl")}


def test_lexicon_places_country_names_a_country_entry():
    for row in ROWS["places.jsonl"]:
        assert row["country"] is None or row["country"] in COUNTRY_IDS, row["id"]
    with_country = [r for r in ROWS["places.jsonl"] if r["country"]]
    assert len(with_country) >= 500


@pytest.mark.parametrize("eid, country", [
    ("aleppo", "syria"), ("aleppo-governorate", "syria"), ("minsk", "belarus"), ("kharkiv-oblast", "ukraine"),
    ("el-fasher", "sudan"), ("hodeidah-governorate", "yemen"), ("tripoli-lebanon", "lebanon"),
    ("tripoli-libya", "libya"), ("pokrovsk", "ukraine"), ("quneitra", "syria"), ("crimea", "ukraine"),
    ("black-sea", None), ("kurdistan", None), ("euphrates", None), ("jerusalem", None), ("sahel", None),
])
def test_lexicon_places_country_spot_check(eid, country):
    assert BY_ID[eid]["country"] == country


def test_lexicon_places_country_is_loaded_into_the_entry():
    lex = load_lexicon()
    assert lex.entries["homs"].country == "syria"
    assert lex.entries["red-sea"].country is None
    assert lex.entries["syria"].country is None
