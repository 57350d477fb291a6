"""Conflicts of each kind (numbers, sets, dates), the notes on different times, and the scorer on the seeds."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"
CSTO = "collective-security-treaty-organization"
CSTO_ENT = {"id": CSTO, "name": "Collective Security Treaty Organization", "type": "ORG", "wikidata": None,
            "mentions": [{"start": 0, "end": 4, "rule": "lexicon:form"}]}


def personnel(value, qualifier="قوة", when=None):
    f = {"subject": CSTO, "relation": "personnel", "value": value, "qualifier": qualifier, "rule": "fact:force-size"}
    return {**f, "when": when} if when else f


def members(*ids, relation="member"):
    return [{"subject": CSTO, "relation": relation, "object": i, "rule": "fact:member-list"} for i in ids]


def founded(value):
    return [{"subject": CSTO, "relation": "founded", "value": value, "rule": "fact:founded"}]


def load(store, record, docs):
    for i, facts in enumerate(docs):
        store.add_record(record(f"d{i}.txt", facts, published=f"2024-0{i + 1}-01", entities=[CSTO_ENT]))
    return {(c["subject"], c["relation"]): c for c in store.conflicts()}


@pytest.mark.parametrize("docs, expected", [
    ([[personnel(17000), personnel(4000, "حفظ سلام")], [personnel(20000), personnel(3600, "حفظ سلام")]], True),
    ([[personnel(17000)], [personnel(20000)]], True),
    ([[personnel(20000)], [personnel(20000), personnel(3600, "حفظ سلام")]], False),  # agrees and adds a force
    ([[personnel(20000)], [personnel(20000)]], False),
    ([[personnel(17000), personnel(20000)]], False),  # one article alone never conflicts with itself
])
def test_store_conflicts_numbers(store, record, docs, expected):
    found = load(store, record, docs)
    key = ("Collective Security Treaty Organization", "personnel")
    assert (key in found) is expected
    if expected:
        values = {v["value"]: v for v in found[key]["values"]}
        assert values[17000]["docs"] == ["d0.txt"] and values[20000]["docs"] == ["d1.txt"]
        assert values[20000]["published"] == {"d1.txt": "2024-02-01"}


def test_store_conflicts_numbers_note_different_times(store, record):
    found = load(store, record, [[personnel(17000, when="2022")], [personnel(20000, when="2009")]])
    note = found[("Collective Security Treaty Organization", "personnel")]["note"]
    assert "different times" in note and "2009" in note and "2022" in note


@pytest.mark.parametrize("docs, expected, disputed", [
    ([members("russia", "belarus", "armenia"), members("belarus", "armenia")], True, {"Russia"}),
    ([members("russia", "belarus"), members("belarus", "russia")], False, set()),
    ([members("russia", "belarus", "armenia"), members("armenia")], False, set()),  # a single mention is no list
    ([members("russia", "belarus"), members("russia", "belarus") + members("uzbekistan", relation="former_member")],
     False, set()),
    ([members("russia", "uzbekistan"), members("russia") + members("uzbekistan", relation="former_member")],
     True, {"Uzbekistan"}),
])
def test_store_conflicts_sets(store, record, docs, expected, disputed, ):
    ents = [{"id": i, "name": i.title(), "type": "COUNTRY", "wikidata": None, "mentions": []}
            for i in ("russia", "belarus", "armenia", "uzbekistan")]
    for i, facts in enumerate(docs):
        store.add_record(record(f"d{i}.txt", facts, entities=[CSTO_ENT] + ents))
    found = {(c["subject"], c["relation"]): c for c in store.conflicts()}
    key = ("Collective Security Treaty Organization", "member")
    assert (key in found) is expected
    if expected:
        c = found[key]
        assert {v["value"] for v in c["values"] if len(set(v["docs"])) < len(c["counts"])} >= disputed
        assert all(v["docs"] for v in c["values"])


@pytest.mark.parametrize("values, expected", [
    (["2002-10-07", "2002"], False),
    (["2002", "2002"], False),
    (["2001", "2002"], True),
    (["2002-10-07", "2002-05-15"], True),
])
def test_store_conflicts_dates(store, record, values, expected):
    found = load(store, record, [founded(v) for v in values])
    assert (("Collective Security Treaty Organization", "founded") in found) is expected


def test_store_conflicts_seed_corpus_view(seeded):
    found = seeded.conflicts()
    keys = {(c["subject"], c["relation"]) for c in found}
    assert ("Collective Security Treaty Organization", "member") in keys
    assert ("Collective Security Treaty Organization", "personnel") in keys
    for c in found:
        assert c["values"] and all(v["docs"] for v in c["values"])
    member = next(c for c in found if c["relation"] == "member")
    uz = next(v for v in member["values"] if v["value"] == "Uzbekistan")
    assert uz["docs"] == ["000_a4865d7ba3143872.txt"]
    assert {c["doc"]: c["members"] for c in member["counts"]}["003_1198a405a9fc6f05.txt"] == 6


@pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="shared/eval/score.py not found beside the repo")
def test_store_conflicts_scorer_f1(seeded, seed_items, tmp_path):
    sysfile, confl = tmp_path / "out.jsonl", tmp_path / "conflicts.json"
    sysfile.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r, _, _ in seed_items), encoding="utf-8")
    confl.write_text(json.dumps(seeded.conflicts(), ensure_ascii=False), encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "score.py"), "--gold", str(EVAL / "gold" / "dev"), "--system",
                          str(sysfile), "--texts", str(ROOT / "src" / "marsad" / "samples" / "seeds"), "--conflicts",
                          str(confl)], capture_output=True, text=True, check=True).stdout
    f1 = float(re.search(r"^conflicts .*F1=([\d.]+)", out, re.M).group(1))
    assert f1 >= 0.9, out
