"""Checks on the generated country lexicon (src/marsad/data/lexicon/countries.jsonl)."""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest

from marsad.text.normalize import fold

LEXICON = resources.files("marsad").joinpath("data/lexicon")

#: The 193 UN member states by lexicon id (slug of the English Wikipedia title).
UN_MEMBERS = """afghanistan albania algeria andorra angola antigua-and-barbuda argentina armenia australia austria azerbaijan
the-bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia-and-herzegovina botswana brazil
brunei bulgaria burkina-faso burundi cape-verde cambodia cameroon canada central-african-republic chad chile china colombia
comoros republic-of-the-congo democratic-republic-of-the-congo costa-rica ivory-coast croatia cuba cyprus czech-republic
north-korea denmark djibouti dominica dominican-republic ecuador egypt el-salvador equatorial-guinea eritrea estonia eswatini
ethiopia fiji finland france gabon the-gambia georgia germany ghana greece grenada guatemala guinea guinea-bissau guyana haiti
honduras hungary iceland india indonesia iran iraq republic-of-ireland israel italy jamaica japan jordan kazakhstan kenya
kiribati kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi
malaysia maldives mali malta marshall-islands mauritania mauritius mexico federated-states-of-micronesia monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands new-zealand nicaragua niger nigeria north-macedonia
norway oman pakistan palau panama papua-new-guinea paraguay peru philippines poland portugal qatar south-korea moldova romania
russia rwanda saint-kitts-and-nevis saint-lucia saint-vincent-and-the-grenadines samoa san-marino sao-tome-and-principe
saudi-arabia senegal serbia seychelles sierra-leone singapore slovakia slovenia solomon-islands somalia south-africa
south-sudan spain sri-lanka sudan suriname sweden switzerland syria tajikistan thailand east-timor togo tonga
trinidad-and-tobago tunisia turkey turkmenistan tuvalu uganda ukraine united-arab-emirates united-kingdom tanzania
united-states uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe""".split()
EXTRAS = ["palestine", "vatican-city", "kosovo", "taiwan", "western-sahara", "soviet-union"]

PRESENTATION_OR_TATWEEL = re.compile("[\u0640\uFB50-\uFDFF\uFE70-\uFEFF]")
TASHKEEL = re.compile("[\u064B-\u0652\u0670]")


def _rows() -> list[dict]:
    text = LEXICON.joinpath("countries.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


ROWS = _rows()
BY_ID = {r["id"]: r for r in ROWS}


def _strings(row: dict) -> list[str]:
    return row["forms"] + row["demonyms"]


def test_lexicon_countries_parses_in_the_shared_format():
    keys = ["id", "name", "type", "wikidata", "aliases", "forms", "demonyms", "short", "offices", "source"]
    assert [r["id"] for r in ROWS] == sorted(r["id"] for r in ROWS)
    for row in ROWS:
        assert sorted(row) == sorted(keys), row["id"]
        assert row["type"] == "COUNTRY"
        assert row["forms"], row["id"]
        assert row["short"] == [] and row["offices"] == []


def test_lexicon_countries_covers_un_members_and_extras_with_qids():
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193
    missing = [i for i in UN_MEMBERS + EXTRAS if i not in BY_ID]
    assert not missing
    assert len(ROWS) == 193 + len(EXTRAS)
    for row in ROWS:
        assert re.fullmatch(r"Q[1-9][0-9]*", row["wikidata"] or ""), row["id"]
    qids = [r["wikidata"] for r in ROWS]
    assert len(set(qids)) == len(qids)


@pytest.mark.parametrize("eid,name,qid", [
    ("belarus", "Belarus", "Q184"), ("russia", "Russia", "Q159"), ("syria", "Syria", "Q858"),
    ("kazakhstan", "Kazakhstan", "Q232"), ("kyrgyzstan", "Kyrgyzstan", "Q813"), ("armenia", "Armenia", "Q399"),
    ("united-states", "United States", "Q30"), ("soviet-union", "Soviet Union", "Q15180"),
    ("united-kingdom", "United Kingdom", "Q145"), ("ukraine", "Ukraine", "Q212"), ("iran", "Iran", "Q794"),
    ("turkey", "Turkey", "Q43"), ("china", "China", "Q148"), ("france", "France", "Q142"),
    ("germany", "Germany", "Q183"), ("denmark", "Denmark", "Q35"), ("netherlands", "Netherlands", "Q55"),
])
def test_lexicon_countries_known_qids_and_names(eid, name, qid):
    assert BY_ID[eid]["name"] == name
    assert BY_ID[eid]["wikidata"] == qid


def test_lexicon_countries_text_is_clean():
    for row in ROWS:
        for s in _strings(row) + row["aliases"] + [row["name"]]:
            assert s == unicodedata.normalize("NFC", s), (row["id"], s)
            assert s == s.strip() and "  " not in s, (row["id"], s)
            assert not PRESENTATION_OR_TATWEEL.search(s), (row["id"], s)
            assert not TASHKEEL.search(s), (row["id"], s)
        for d in row["demonyms"]:
            assert not d.startswith("ال"), (row["id"], d)
        for s in _strings(row):
            assert not re.search("[پچژگکیۀۓ]", s), (row["id"], s)


def test_lexicon_countries_no_folded_string_shared():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        folded = [fold(s) for s in _strings(row)]
        assert len(folded) == len(set(folded)), row["id"]  # each string once per entity
        for f in folded:
            owners[f].add(row["id"])
    shared = {f: ids for f, ids in owners.items() if len(ids) > 1}
    assert not shared


def test_lexicon_countries_aliases_unique():
    owners: dict[str, set[str]] = defaultdict(set)
    for row in ROWS:
        for a in row["aliases"] + [row["name"]]:
            owners[a.lower()].add(row["id"])
    assert not {a: ids for a, ids in owners.items() if len(ids) > 1}


def test_lexicon_countries_ids_are_slugs():
    for row in ROWS:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", row["id"]), row["id"]
    assert len(BY_ID) == len(ROWS)


@pytest.mark.parametrize("eid,forms", [
    ("syria", ["سوريا"]),
    ("kazakhstan", ["كازاخستان", "كزاخستان"]),
    ("kyrgyzstan", ["قيرغيزستان", "قرغيزستان", "قرغيزيا"]),
    ("belarus", ["بيلاروسيا", "بيلاروس", "روسيا البيضاء"]),
    ("ukraine", ["أوكرانيا"]),
    ("united-states", ["الولايات المتحدة", "الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية", "أمريكا", "أميركا"]),
    ("united-kingdom", ["المملكة المتحدة", "بريطانيا"]),
    ("tajikistan", ["طاجيكستان", "طاجكستان"]),
    ("uzbekistan", ["أوزبكستان", "أوزبيكستان"]),
    ("turkey", ["تركيا"]),
    ("iran", ["إيران"]),
    ("israel", ["إسرائيل"]),
    ("united-arab-emirates", ["الإمارات", "الإمارات العربية المتحدة"]),
    ("saudi-arabia", ["السعودية", "المملكة العربية السعودية"]),
    ("georgia", ["جورجيا"]),
    ("azerbaijan", ["أذربيجان"]),
    ("armenia", ["أرمينيا"]),
    ("moldova", ["مولدوفا", "مولدافيا"]),
    ("soviet-union", ["الاتحاد السوفيتي", "الاتحاد السوفياتي"]),
    ("oman", ["عمان"]),
    ("mali", ["مالي"]),
    ("kuwait", ["الكويت"]),
    ("tunisia", ["تونس"]),
    ("algeria", ["الجزائر"]),
    ("niger", ["النيجر"]),
    ("nigeria", ["نيجيريا"]),
    ("sudan", ["السودان"]),
    ("south-sudan", ["جنوب السودان"]),
    ("democratic-republic-of-the-congo", ["جمهورية الكونغو الديمقراطية"]),
    ("republic-of-the-congo", ["جمهورية الكونغو"]),
])
def test_lexicon_countries_news_forms_present(eid, forms):
    for f in forms:
        assert f in BY_ID[eid]["forms"], (eid, f)


@pytest.mark.parametrize("eid,demonyms", [
    ("russia", ["روسي", "روسية", "روسيون", "روسيين", "روسيات", "روس"]),
    ("belarus", ["بيلاروسي", "بيلاروسية", "بيلاروسيون", "بيلاروسيين", "بيلاروسيات"]),
    ("united-states", ["أمريكي", "أميركي", "أمريكية", "أميركية", "أمريكيون", "أميركيين"]),
    ("united-kingdom", ["بريطاني", "بريطانية", "بريطانيون", "بريطانيين"]),
    ("soviet-union", ["سوفيتي", "سوفياتي", "سوفيتية", "سوفياتية"]),
    ("syria", ["سوري", "سورية", "سوريون", "سوريين"]),  # سورية: feminine nisba and old spelling of Syria
    ("turkey", ["تركي", "تركية", "أتراك"]),
    ("armenia", ["أرميني", "أرمينية", "أرمني", "أرمن"]),
    ("afghanistan", ["أفغاني", "أفغان"]),
    ("kazakhstan", ["كازاخستاني", "كازاخي"]),
    ("kyrgyzstan", ["قيرغيزي", "قرغيزي"]),
    ("uzbekistan", ["أوزبكي", "أوزبكستاني"]),
    ("iran", ["إيراني", "إيرانية"]),
])
def test_lexicon_countries_demonyms_present(eid, demonyms):
    for d in demonyms:
        assert d in BY_ID[eid]["demonyms"], (eid, d)


@pytest.mark.parametrize("text", ["الكونغو", "كوريا", "كوري", "كورية", "مالية", "ماليون", "عربي", "قمري", "صحراوية",
                                  "ألبان", "مجريات", "بيروت", "شام"])
def test_lexicon_countries_stopforms_absent(text):
    """Ambiguous or common-word strings listed in country_stopforms.txt belong to no country."""
    assert all(fold(text) not in {fold(s) for s in _strings(r)} for r in ROWS)


def test_lexicon_countries_stoplist_lines_have_reasons():
    lines = LEXICON.joinpath("sources/country_stopforms.txt").read_text(encoding="utf-8").splitlines()
    rules = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    assert rules
    for cols in rules:
        assert len(cols) == 4 and cols[1] in {"form", "demonym", "nisba", "any"} and cols[3].strip(), cols


def test_lexicon_countries_belarus_form_wins_over_demonym():
    belarus = BY_ID["belarus"]
    assert "بيلاروس" in belarus["forms"] and "بيلاروس" not in belarus["demonyms"]
