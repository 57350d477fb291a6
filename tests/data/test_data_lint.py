"""Every data file is clean: NFC, no tatweel, no presentation forms, no forms pointing at two entities, sources noted."""
import json

import pytest

from marsad.lexicon.load import lint_lexicon, lint_text
from marsad.resources import data_file

RULES = sorted(p.name for p in data_file("rules").iterdir() if p.name.endswith(".json"))
CHARMAPS = sorted(p.name for p in data_file("charmaps").iterdir() if p.name.endswith(".json"))


def strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for k, v in obj.items():
            yield from strings(k)
            yield from strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from strings(v)


def test_data_lexicon_lints_clean():
    assert lint_lexicon() == []


@pytest.mark.parametrize("name", RULES)
def test_data_rules_strings_are_clean(name):
    data = json.loads(data_file("rules", name).read_text(encoding="utf-8"))
    bad = [(s, why) for s in strings(data) for why in lint_text(s) if why != "stray whitespace"]
    assert bad == []


@pytest.mark.parametrize("name", RULES + CHARMAPS)
def test_data_files_name_source_and_licence(name):
    folder = "rules" if name in RULES else "charmaps"
    data = json.loads(data_file(folder, name).read_text(encoding="utf-8"))
    sources = data_file("SOURCES.md").read_text(encoding="utf-8")
    declared = any(k in data for k in ("source", "_source")) and any(
        k in data or "Apache" in str(data.get("_source", "")) for k in ("licence", "license"))
    assert declared or name in sources, f"{name}: no source/licence in the file and not named in data/SOURCES.md"


@pytest.mark.parametrize("name", RULES)
def test_data_rule_lists_have_no_duplicates(name):
    data = json.loads(data_file("rules", name).read_text(encoding="utf-8"))
    for key, value in data.items() if isinstance(data, dict) else []:
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            assert len(value) == len(set(value)), (name, key, [v for v in value if value.count(v) > 1])


def test_data_lint_catches_problems():
    assert "tatweel" in lint_text("روســيا")
    assert "presentation form" in lint_text("\ufefbمنظمة")
    assert "not NFC" in lint_text("ا\u0653")


def test_data_lint_checks_the_country_of_a_place(tmp_path):
    rows = [
        {"id": "syria", "name": "Syria", "type": "COUNTRY", "forms": ["سوريا"], "source": "curated"},
        {"id": "aleppo", "name": "Aleppo", "type": "PLACE", "forms": ["حلب"], "country": "syria", "source": "curated"},
        {"id": "homs", "name": "Homs", "type": "PLACE", "forms": ["حمص"], "country": "aleppo", "source": "curated"},
        {"id": "idlib", "name": "Idlib", "type": "PLACE", "forms": ["إدلب"], "country": "sirya", "source": "curated"},
    ]
    (tmp_path / "x.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    problems = lint_lexicon(tmp_path)
    assert [p.split(": ", 1)[1] for p in problems] == ["homs: country 'aleppo' is not a COUNTRY id",
                                                      "idlib: country 'sirya' is not a COUNTRY id"]
