"""The whole pipeline on the five seed articles: every span points at the text it claims, records follow the schema."""
import json

import pytest

from marsad.pipeline import Pipeline, analyze
from marsad.records import to_record
from tests.conftest import seed_paths

ENTITY_TYPES = {"PERSON", "ORG", "COUNTRY", "PLACE"}
PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT",
          "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
STATUS = {"actual", "planned", "possible", "negated"}


@pytest.fixture(scope="module")
def docs():
    pipe = Pipeline.default()
    return [d for d in pipe.analyze_paths([str(p) for p in seed_paths()])]


def test_pipeline_reads_all_seeds(docs):
    assert [d.doc for d in docs] == [p.name for p in seed_paths()]


def test_pipeline_text_is_the_file(docs):
    for d, p in zip(docs, seed_paths()):
        assert d.text == open(p, encoding="utf-8", newline="").read().lstrip("\ufeff")


def test_pipeline_every_span_points_at_its_text(docs):
    for d in docs:
        for t in d.tokens:
            assert d.text[t.start:t.end] == t.text
        for s in d.sentences:
            assert 0 <= s.start < s.end <= len(d.text) and d.text[s.start:s.end].strip() == d.text[s.start:s.end]
        for n in d.numbers:
            assert d.text[n.start:n.end] == n.text
        for x in d.dates:
            assert d.text[x.start:x.end] == x.text
        for e in d.entities:
            for m in e.mentions:
                assert 0 <= m.start < m.end <= len(d.text)
                assert d.text[m.start:m.end].strip() == d.text[m.start:m.end]


def test_pipeline_records_follow_schema(docs):
    for d in docs:
        rec = json.loads(json.dumps(to_record(d), ensure_ascii=False))
        assert set(rec) >= {"doc", "meta", "entities", "events", "facts", "quotes"}
        ids = {e["id"] for e in rec["entities"]}
        assert all(e["type"] in ENTITY_TYPES for e in rec["entities"])
        for ev in rec["events"]:
            assert ev["type"] in PLOVER and ev["status"] in STATUS
            assert ev["actor"] in ids
            assert ev["recipient"] is None or ev["recipient"] in ids
            assert ev["location"] is None or ev["location"] in ids
            assert 0 <= ev["evidence"]["start"] < ev["evidence"]["end"] <= len(d.text)
        for f in rec["facts"]:
            assert f["subject"] in ids and f["relation"] in {"member", "former_member", "founded", "personnel", "role", "leads"}
        for q in rec["quotes"]:
            assert q["speaker"] in ids and (q["via"] is None or q["via"] in ids)


def test_pipeline_same_ids_across_articles(docs):
    """The same entity has the same id in every article (stable identity)."""
    names = {}
    for d in docs:
        for e in d.entities:
            assert names.setdefault(e.id, e.name) == e.name
    assert {"belarus", "russia", "collective-security-treaty-organization"} <= set(names)


def test_pipeline_analyze_is_deterministic():
    text = open(seed_paths()[0], encoding="utf-8").read()
    assert to_record(analyze(text, doc="a")) == to_record(analyze(text, doc="a"))
