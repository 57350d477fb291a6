"""The store's commands: ingest (exit status, bad files), articles, search, entity, events, timeline, conflicts,
export."""
from __future__ import annotations

import json
import pytest
from click.testing import CliRunner

from marsad.cli import main

SEEDS_CSTO = {"000_a4865d7ba3143872.txt", "001_39e8465b9a1b5ccf.txt", "003_1198a405a9fc6f05.txt"}


@pytest.fixture
def corpus(tmp_path, seeds):
    """The seed articles plus one empty (bad) file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in seeds.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_store_cli_ingest_reports_bad_article_and_exits_1(db_url, corpus):
    (corpus / "zz_empty.txt").write_text("", encoding="utf-8")
    res = run("ingest", str(corpus), "--db", db_url, "--no-progress")
    assert res.exit_code == 1
    assert "zz_empty.txt" in res.stderr and "5 added" in res.stderr
    again = run("ingest", str(corpus / "000_a4865d7ba3143872.txt"), "--db", db_url, "--no-progress")
    assert again.exit_code == 0 and "1 unchanged" in again.stderr


def test_store_cli_ingest_with_workers_stores_what_one_process_stores(db_url, corpus, tmp_path):
    """Two worker processes analyse, this one writes: the same articles, records and searchable text, and a bad file
    is still reported in its place."""
    (corpus / "002_empty.txt").write_text("", encoding="utf-8")  # between the seeds: results must stay aligned
    one = str(tmp_path / "one.db")
    assert run("ingest", str(corpus), "--db", one, "--no-progress").exit_code == 1
    res = run("ingest", str(corpus), "--db", db_url, "--no-progress", "--workers", "2")
    assert res.exit_code == 1 and "002_empty.txt" in res.stderr and "5 added" in res.stderr
    exported = [run("export", "--db", db, "--format", "jsonl").stdout for db in (one, db_url)]
    assert exported[0] == exported[1] and exported[0].count("\n") >= 5
    hits = [json.loads(run("search", "كتيبتين", "--db", db, "--format", "json").stdout) for db in (one, db_url)]
    assert hits[0] and hits[0] == hits[1]  # the text stored with each record is its own article's


def test_store_cli_queries(db_url, corpus):
    assert run("ingest", str(corpus), "--db", db_url, "--no-progress").exit_code == 0
    for q in ("منظمة معاهدة الامن الجماعي", "CSTO", "مُنَظَّمَة"):
        out = run("search", q, "--db", db_url).stdout
        assert {line.split("\t")[0] for line in out.splitlines()} == SEEDS_CSTO
    prof = json.loads(run("entity", "منظمة الأمن الجماعي", "--db", db_url, "--format", "json").stdout)
    assert prof["id"] == "collective-security-treaty-organization"
    assert "names:" in run("entity", "CSTO", "--db", db_url).stdout
    assert run("entity", "لا أحد", "--db", db_url).exit_code == 1
    evs = json.loads(run("events", "--actor", "Kazakhstan", "--type", "REQUEST", "--db", db_url,
                         "--format", "json").stdout)
    assert evs and all(e["actor"] == "kazakhstan" and e["type"] == "REQUEST" for e in evs)
    assert "2002-10-07" in run("timeline", "CSTO", "--db", db_url).stdout
    conflicts = json.loads(run("conflicts", "--db", db_url).stdout)
    assert {(c["subject"], c["relation"]) for c in conflicts} >= {
        ("Collective Security Treaty Organization", "member"), ("Collective Security Treaty Organization", "personnel")}
    assert "note:" in run("conflicts", "--db", db_url, "--format", "table").stdout


@pytest.mark.parametrize("fmt, marker", [("jsonl", '"doc"'), ("csv", "date,actor,recipient,type"),
                                         ("graphml", "<graphml"), ("jsonld", '"@context"')])
def test_store_cli_export(db_url, corpus, tmp_path, fmt, marker):
    assert run("ingest", str(corpus), "--db", db_url, "--no-progress").exit_code == 0
    out = tmp_path / f"export.{fmt}"
    assert run("export", "--format", fmt, "-o", str(out), "--db", db_url).exit_code == 0
    assert marker in out.read_text(encoding="utf-8")


def test_store_cli_ingest_from_jsonl(db_url, corpus, tmp_path):
    analysed = run("analyze", str(corpus), "--format", "jsonl", "--no-progress").stdout
    lines = analysed.splitlines()
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines + ["{not json"]) + "\n", encoding="utf-8")
    res = run("ingest", "--from-jsonl", str(path), "--db", db_url, "--no-progress")
    assert res.exit_code == 1 and "5 added" in res.stderr and "bad record" in res.stderr
    # no text stored, yet the entities' English names are indexed
    assert {line.split("\t")[0] for line in run("search", "CSTO", "--db", db_url).stdout.splitlines()} == SEEDS_CSTO
    from marsad.store import Store

    with Store(db_url) as s:
        assert s.backend.execute("SELECT COUNT(*) FROM articles WHERE text IS NULL")[0][0] == 5


def test_store_cli_articles(seeded, db_url):
    every = seeded.articles(limit=None)
    rows = json.loads(run("articles", "--db", db_url, "--format", "json").stdout)
    assert rows == every
    table = run("articles", "--db", db_url, "--limit", "2", "--offset", "1").stdout.splitlines()
    assert [line.split()[1] for line in table] == [a["doc"] for a in every[1:3]]
    first = every[0]
    assert table and f"events={first['counts']['events']}" in run("articles", "--db", db_url, "--limit", "1").stdout
    assert run("articles", "--db", db_url, "--limit", "-1").exit_code == 2
