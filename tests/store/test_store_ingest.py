"""Ingest: idempotent re-ingest, replace on change, duplicates, one bad article skipped while the rest commit."""
from __future__ import annotations

import hashlib
import json

import pytest


def test_store_ingest_reingest_unchanged_changes_nothing(store, seed_items):
    first = store.add_records(seed_items)
    counts = store.stats()
    ids = store.backend.execute("SELECT n, id, ingested_at FROM articles ORDER BY n")
    again = store.add_records(seed_items)
    assert (first.added, again.added, again.unchanged) == (5, 0, 5)
    assert store.stats() == counts
    assert store.backend.execute("SELECT n, id, ingested_at FROM articles ORDER BY n") == ids


def test_store_ingest_article_id_is_the_text_hash(seeded, seed_items):
    rec, text, _ = seed_items[0]
    stored = seeded.backend.execute("SELECT id FROM articles WHERE doc = ?", (rec["doc"],))[0][0]
    assert stored == hashlib.sha256(text.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("added_sentence", [
    "وأعلنت وزارة الدفاع البيلاروسية أن كتيبة ثالثة ستنضم إلى القوات في سوريا خلال الشهر المقبل.",
    "وقال مسؤول روسي إن موسكو لن تسحب قواتها من قاعدة حميميم.",
])
def test_store_ingest_changed_article_replaces_its_records(store, seed_items, added_sentence):
    from marsad.pipeline import analyze
    from marsad.records import to_record

    store.add_records(seed_items)
    rec, text, meta = seed_items[2]
    changed = to_record(analyze(added_sentence + "\n" + text, doc=rec["doc"], meta=rec["meta"]))
    n_before = store.stats()["articles"]
    status = store.add_record(changed, added_sentence + "\n" + text)
    assert status == "replaced"
    assert store.stats()["articles"] == n_before
    new_text = added_sentence + "\n" + text
    stored = store.backend.execute("SELECT n, id, record FROM articles WHERE doc = ?", (rec["doc"],))
    assert len(stored) == 1
    n, aid, rec_json = stored[0]
    assert json.loads(rec_json)["events"] == changed["events"] != rec["events"]
    assert aid == hashlib.sha256(new_text.encode("utf-8")).hexdigest()
    n_events = store.backend.execute("SELECT COUNT(*) FROM events WHERE article = ?", (n,))[0][0]
    assert n_events == len(changed["events"])
    assert store.backend.execute("SELECT COUNT(*) FROM events e LEFT JOIN articles a ON a.n = e.article "
                                 "WHERE a.n IS NULL")[0][0] == 0  # nothing of the old version is left
    assert store.search(added_sentence.split()[1])[0]["doc"] == rec["doc"]


def test_store_ingest_same_text_under_another_name_is_a_duplicate(store, seed_items):
    rec, text, meta = seed_items[0]
    store.add_record(rec, text)
    assert store.add_record({**rec, "doc": "copy.txt"}, text) == "duplicate"
    assert store.stats()["articles"] == 1


def test_store_ingest_bad_record_is_skipped_and_the_rest_commit(store, seed_items, record):
    bad = record("broken.txt", [{"relation": "member", "object": "armenia"}])  # a fact without a subject
    items = [seed_items[0], (bad, "نص معطوب", {}), ("lost.txt", "empty file"), seed_items[1]]
    errors = []
    report = store.add_records(items, on_error=lambda s, r: errors.append(s))
    assert report.added == 2
    assert sorted(errors) == ["broken.txt", "lost.txt"]
    assert [d for (d,) in store.backend.execute("SELECT doc FROM articles ORDER BY doc")] == \
        sorted([seed_items[0][0]["doc"], seed_items[1][0]["doc"]])
    assert store.backend.execute("SELECT COUNT(*) FROM facts f JOIN articles a ON a.n = f.article "
                                 "WHERE a.doc = 'broken.txt'")[0][0] == 0


def test_store_ingest_batched_commits_roll_back_only_the_bad_article(store, seed_items, record):
    bad = record("broken.txt", [{"subject": "csto"}])  # no relation
    report = store.add_records([seed_items[0], (bad, None, {}), seed_items[1]], commit_every=10)
    assert (report.added, len(report.failed)) == (2, 1)
    assert store.stats()["articles"] == 2


def test_store_ingest_provenance_keeps_offsets_and_rules(seeded, seed_items):
    rec, text, _ = seed_items[1]
    rows = seeded.backend.execute(
        "SELECT m.start_off, m.end_off, m.surface, m.rule FROM mentions m JOIN articles a ON a.n = m.article "
        "WHERE a.doc = ?", (rec["doc"],))
    assert rows and all(text[s:e] == surface and rule for s, e, surface, rule in rows)
    facts = seeded.backend.execute(
        "SELECT f.ev_start, f.ev_end, f.evidence, f.rule FROM facts f JOIN articles a ON a.n = f.article "
        "WHERE a.doc = ?", (rec["doc"],))
    assert facts and all(text[s:e] == ev and rule.startswith("fact:") for s, e, ev, rule in facts)
    quotes = seeded.backend.execute("SELECT q.rule FROM quotes q JOIN articles a ON a.n = q.article WHERE a.doc = ?",
                                    (rec["doc"],))
    assert quotes and all(r.startswith("quote:") for (r,) in quotes)
    trig = seeded.backend.execute("SELECT e.rule, e.trig_start FROM events e JOIN articles a ON a.n = e.article "
                                  "WHERE a.doc = ?", (rec["doc"],))
    assert trig and all(r.startswith("trigger:") and s is not None for r, s in trig)


def test_store_ingest_one_entity_row_across_articles(seeded):
    rows = seeded.backend.execute("SELECT id, name, type FROM entities WHERE id = 'belarus'")
    assert rows == [("belarus", "Belarus", "COUNTRY")]
    docs = seeded.backend.execute("SELECT COUNT(*) FROM doc_entities WHERE entity = 'belarus'")[0][0]
    assert docs >= 3
