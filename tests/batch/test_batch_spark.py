"""``marsad batch`` on Spark in local mode: the records it writes are the records ``marsad analyze`` gives, bad articles
land in the errors table, and the output loads into the store. One Spark session for the whole module (start-up ~10 s)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.batch.spark import BatchError, require_spark

try:
    require_spark()
except BatchError as exc:  # pragma: no cover - depends on the machine
    pytest.skip(f"Spark unavailable: {exc}", allow_module_level=True)

import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from marsad.batch.load import iter_batch_records, load_into_store  # noqa: E402
from marsad.batch.spark import run_batch, spark_session  # noqa: E402

from .corpus import GOOD, SEEDS, canonical, make_corpus, reference  # noqa: E402


@pytest.fixture(scope="module")
def spark():
    session = spark_session("local[2]", conf={"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": "4"})
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def run(spark, corpus: Path, tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_batch(spark, [str(corpus)], str(out), partitions=3)
    return out, summary


def _jsonl(folder: Path) -> list[dict]:
    return [json.loads(line) for f in sorted(folder.glob("part-*")) for line in f.open(encoding="utf-8") if line.strip()]


def test_batch_records_identical_to_analyze(run, corpus: Path) -> None:
    out, summary = run
    records, _ = reference([str(corpus)])
    assert len(records) == 7  # five seeds and two good wire records
    assert canonical(_jsonl(out / "records.jsonl")) == canonical(records)
    table = pq.read_table(out / "records.parquet")
    assert canonical([json.loads(j) for j in table.column("json").to_pylist()]) == canonical(records)
    assert (summary.records, summary.errors) == (7, 4)


def test_batch_errors_table_holds_bad_articles(run, corpus: Path) -> None:
    out, _ = run
    _, errors = reference([str(corpus)])
    rows = pq.read_table(out / "errors.parquet").to_pylist()
    assert {(Path(r["source"]).name, r["reason"]) for r in rows} == errors
    by_doc = {r["doc"]: r["reason"] for r in rows}
    assert by_doc["empty.txt"] == "empty file"
    assert by_doc["wire.jsonl:2"].startswith("not JSON")
    assert by_doc["wire.jsonl:3"] == "record without text (empty text)"
    assert "scan.txt" in by_doc
    assert len(_jsonl(out / "errors.jsonl")) == 4


def test_batch_parquet_nested_columns(run) -> None:
    out, _ = run
    rows = pq.read_table(out / "records.parquet").to_pylist()
    by_doc = {r["doc"]: r for r in rows}
    assert by_doc["wire-001"]["text"] == GOOD[0]["text"]
    for row in rows:
        record = json.loads(row["json"])
        assert row["meta"] == record["meta"]
        assert [(e["id"], [(m["start"], m["end"]) for m in e["mentions"]]) for e in row["entities"]] == \
               [(e["id"], [(m["start"], m["end"]) for m in e["mentions"]]) for e in record["entities"]]
        assert [(e["type"], e["actor"], e["evidence"]) for e in row["events"]] == \
               [(e["type"], e["actor"], e["evidence"]) for e in record["events"]]
        assert [q["speaker"] for q in row["quotes"]] == [q["speaker"] for q in record["quotes"]]
        for ent in row["entities"]:
            for m in ent["mentions"]:
                assert row["text"][m["start"]:m["end"]].strip()


def test_batch_parquet_input_matches_jsonl(spark, tmp_path: Path) -> None:
    articles = [{"id": p.name, "text": p.read_text(encoding="utf-8"), "title": None, "published": None}
                for p in sorted(SEEDS.glob("*.txt"))[:2]]
    articles += [{"id": GOOD[0]["id"], "text": GOOD[0]["text"], "title": GOOD[0]["title"],
                  "published": GOOD[0]["published"]},
                 {"id": None, "text": GOOD[1]["text"], "title": None, "published": None}]
    pq.write_table(pa.Table.from_pylist(articles), tmp_path / "articles.parquet")
    with (tmp_path / "articles.jsonl").open("w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({k: v for k, v in a.items() if v is not None}, ensure_ascii=False) + "\n")
    records, _ = reference([str(tmp_path / "articles.jsonl")])
    summary = run_batch(spark, [str(tmp_path / "articles.parquet")], str(tmp_path / "out"), formats=["jsonl"])
    got = _jsonl(tmp_path / "out" / "records.jsonl")
    assert summary.records == 4
    # a record without an id is named by file and line/row: articles.jsonl:4 there, articles.parquet:4 here
    assert canonical(got) == canonical([{**r, "doc": r["doc"].replace(".jsonl:", ".parquet:")} for r in records])


def test_batch_output_loads_into_store(run, tmp_path: Path) -> None:
    out, _ = run
    report = load_into_store(out, str(tmp_path / "marsad.db"))
    assert (report.added, len(report.failed)) == (7, 0)
    from marsad.store import Store

    with Store(str(tmp_path / "marsad.db")) as store:
        stored = list(store.records(with_text=True))
    assert canonical([{k: v for k, v in r.items() if k != "text"} for r in stored]) == \
           canonical([rec for rec, _ in iter_batch_records(out)])
    assert {r["doc"]: r.get("text") for r in stored}["wire-001"] == GOOD[0]["text"]


def test_batch_ingest_from_parquet_command(run, tmp_path: Path) -> None:
    """`marsad ingest --from-parquet OUTPUT` stores a batch run; searching it finds the seed articles."""
    from click.testing import CliRunner

    from marsad.cli import main

    out, _ = run
    db = str(tmp_path / "cli.db")
    r = CliRunner().invoke(main, ["ingest", "--from-parquet", str(out), "--db", db, "--no-progress"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(main, ["search", "CSTO", "--db", db])
    assert "001_39e8465b9a1b5ccf.txt" in r.output
