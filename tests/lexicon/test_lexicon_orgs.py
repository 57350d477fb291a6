"""Checks on the hand-curated organisation and media lexicons (data/lexicon/orgs.jsonl, data/lexicon/media.jsonl)."""
from __future__ import annotations

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
FILES = ("orgs.jsonl", "media.jsonl")
KEYS = ["id", "name", "type", "wikidata", "aliases", "forms", "demonyms", "short", "offices", "source"]
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
QID = re.compile(r"^Q[1-9][0-9]*$")
BAD_CHARS = re.compile("[\u0640\uFB50-\uFDFF\uFE70-\uFEFF]")  # tatweel, Arabic presentation forms


ROWS = {name: lexicon_rows(name) for name in FILES}
ALL = [r for rows in ROWS.values() for r in rows]
BY_ID = {r["id"]: r for r in ALL}


def _arabic(row: dict) -> list[str]:
    return row["forms"] + row["short"] + row["demonyms"]


@pytest.mark.parametrize("name", FILES)
def test_lexicon_orgs_file_is_sorted_json_lines_in_the_shared_format(name):
    rows = ROWS[name]
    assert [r["id"] for r in rows] == sorted(r["id"] for r in rows)
    for row in rows:
        assert sorted(row) == sorted(KEYS), row.get("id")
        assert row["type"] == "ORG", row["id"]
        assert isinstance(row["name"], str) and row["name"].strip() == row["name"] != ""
        assert row["wikidata"] is None or QID.match(row["wikidata"]), row["id"]
        for field in ("aliases", "forms", "demonyms", "short"):
            assert isinstance(row[field], list) and all(isinstance(s, str) and s for s in row[field]), (row["id"], field)
        assert row["forms"], row["id"]
        assert row["offices"] == []
        assert row["source"] == "curated"


def test_lexicon_orgs_has_at_least_550_entries():
    assert len(ALL) >= 550
    assert len(ROWS["media.jsonl"]) >= 100


def test_lexicon_orgs_ids_are_unique_slugs_of_unique_names():
    ids = [r["id"] for r in ALL]
    assert len(ids) == len(set(ids))
    assert all(SLUG.match(i) for i in ids)
    names = [r["name"].casefold() for r in ALL]
    assert len(names) == len(set(names))


def test_lexicon_orgs_aliases_never_name_another_entry():
    names = {r["name"].casefold(): r["id"] for r in ALL}
    for row in ALL:
        for alias in row["aliases"]:
            assert names.get(alias.casefold(), row["id"]) == row["id"], (row["id"], alias)


def test_lexicon_orgs_arabic_strings_are_clean():
    for row in ALL:
        strings = _arabic(row)
        assert len(strings) == len(set(strings)), row["id"]
        for s in strings:
            assert unicodedata.normalize("NFC", s) == s, (row["id"], s)
            assert not BAD_CHARS.search(s), (row["id"], s)
            assert s == s.strip() and "  " not in s, (row["id"], s)


def test_lexicon_orgs_forms_carry_no_leading_clitic():
    keys = {key_of(s) for row in ALL for s in row["forms"] + row["short"]}
    for row in ALL:
        for s in row["forms"] + row["short"]:
            assert not (s[0] in "وفبكل" and key_of(s[1:]) in keys), (row["id"], s)


def test_lexicon_orgs_no_normalised_form_is_shared_between_entries():
    owner: dict[str, str] = {}
    for row in ALL:
        for s in row["forms"] + row["short"]:
            key = key_of(s)
            assert key, (row["id"], s)
            assert owner.setdefault(key, row["id"]) == row["id"], f"{s!r}: {owner[key]} and {row['id']}"


def test_lexicon_orgs_loads_without_conflicts_with_the_other_lexicon_files():
    lex = load_lexicon()
    mine = [c for c in lex.conflicts if c.startswith(FILES)]
    assert mine == []
    assert lex.entries["nato"].file.startswith("orgs.jsonl")


@pytest.mark.parametrize("form", ["حلف شمال الأطلسي", "حلف شمال الأطلنطي", "الناتو", "ناتو", "حلف الناتو", "الحلف الأطلسي",
                                  "NATO"])
def test_lexicon_orgs_nato_forms(form):
    nato = BY_ID["nato"]
    assert nato["name"] == "NATO" and nato["wikidata"] == "Q7184"
    assert key_of(form) in {key_of(f) for f in nato["forms"]}


def test_lexicon_orgs_kremlin_and_buildings_are_orgs():
    assert BY_ID["kremlin"]["name"] == "Kremlin" and "الكرملين" in BY_ID["kremlin"]["forms"]
    assert "البنتاغون" in BY_ID["united-states-department-of-defense"]["forms"]
    assert "البيت الأبيض" in BY_ID["white-house"]["forms"]
    assert "قصر الإليزيه" in BY_ID["elysee-palace"]["forms"]


@pytest.mark.parametrize("form", ["فاغنر", "فاجنر", "مجموعة فاغنر", "مجموعة فاجنر", "Wagner"])
def test_lexicon_orgs_wagner_variants(form):
    assert BY_ID["wagner-group"]["name"] == "Wagner Group"
    assert form in BY_ID["wagner-group"]["forms"]


@pytest.mark.parametrize("form", [
    "القاعدة",          # also "the base/rule"
    "العربية",          # Arabic / Arab (fem.)
    "الشرق الأوسط",     # the region
    "الجزيرة",          # the island / peninsula
    "الشباب",           # youth
    "المستقبل",         # the future
    "النهضة",           # renaissance
    "الميادين",         # squares; also a Syrian town
    "وزارة الدفاع",     # generic body head: handled with the country by rules/bodies.json
    "وزارة الدفاع الروسية",
    "الحكومة السورية",   # a state organ named by the country is the country
    "قوات النظام السوري",
    "الخارجية الأمريكية",
    "روسيا اليوم",       # "Russia ... today": only in `short`
])
def test_lexicon_orgs_ambiguous_words_are_not_forms(form):
    key = key_of(form)
    assert all(key not in {key_of(f) for f in r["forms"]} for r in ALL), form


def test_lexicon_orgs_short_forms_stay_short():
    assert "الجزيرة" in BY_ID["al-jazeera"]["short"]
    assert "المرصد" in BY_ID["syrian-observatory-for-human-rights"]["short"]
    assert "تنظيم القاعدة" in BY_ID["al-qaeda"]["forms"]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher.default()


@pytest.mark.parametrize("text, expected", [
    ("وقالت وكالة فرانس برس إن مقاتلي فاغنر انسحبوا من باخموت", {"agence-france-presse", "wagner-group"}),
    ("وأكد الكرملين أن قمة منظمة معاهدة الأمن الجماعي ستعقد في مينسك", {"kremlin", "collective-security-treaty-organization"}),
    ("أفاد المرصد السوري لحقوق الإنسان بأن قوات سوريا الديمقراطية (قسد) اعتقلت عناصر من تنظيم الدولة الإسلامية",
     {"syrian-observatory-for-human-rights", "syrian-democratic-forces", "islamic-state"}),
    ("ونقلت صحيفة نيويورك تايمز عن مسؤولين في البنتاغون أن الحرس الثوري زود الحوثيين بصواريخ",
     {"the-new-york-times", "united-states-department-of-defense", "islamic-revolutionary-guard-corps", "houthis"}),
    ("وقال معهد دراسات الحرب إن ميليشيا أسد والفرقة الرابعة تحشد قرب إدلب",
     {"institute-for-the-study-of-war", "syrian-government", "4th-armoured-division-syria"}),
    ("ودعت جامعة الدول العربية ومجلس التعاون الخليجي مجلس الأمن الدولي إلى التحرك",
     {"arab-league", "gulf-cooperation-council", "united-nations-security-council"}),
    ("وذكرت قناة الجزيرة أن هيئة تحرير الشام وحراس الدين اشتبكوا في ريف إدلب",
     {"al-jazeera", "hay-at-tahrir-al-sham", "hurras-al-din"}),
])
def test_lexicon_orgs_match_in_news_sentences(matcher, text, expected):
    doc = Document(doc="t", text=text)
    doc.tokens = tokenize(text)
    found = {m.entity for m in matcher.find(doc)}
    assert expected <= found, expected - found


@pytest.mark.parametrize("text", [
    "أعلنت روسيا اليوم الاثنين عن مناورات جديدة في بحر البلطيق",
    "وتقع القاعدة الجوية في الجزيرة العربية على بعد كيلومترات من الشرق الأوسط",
    "وشارك الشباب في مسيرة نحو ميادين المدينة من أجل المستقبل",
])
def test_lexicon_orgs_common_words_do_not_match_media_or_groups(matcher, text):
    doc = Document(doc="t", text=text)
    doc.tokens = tokenize(text)
    mine = {r["id"] for r in ALL}
    assert {m.entity for m in matcher.find(doc) if m.kind != "short"} & mine == set()
