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

from marsad.batch import partition  # noqa: E402
from marsad.batch.load import iter_batch_records, load_into_store  # noqa: E402
from marsad.batch.schema import RECORD_DDL, RECORD_FIELDS, arrow_schema  # noqa: E402
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


@pytest.fixture(scope="module", params=["arrow", "spark"])
def run(request, spark, corpus: Path, tmp_path_factory) -> tuple[Path, object]:
    """A batch run over the test corpus with each writer: tasks writing their part files with pyarrow, Spark's writers."""
    out = tmp_path_factory.mktemp("batch") / "out"
    summary = run_batch(spark, [str(corpus)], str(out), partitions=3, writer=request.param)
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


def _from_json_rows(spark, frame) -> tuple[list[dict], list[dict]]:
    """(the nested columns, ``from_json(json, RECORD_DDL)``) of every row of ``frame``, as plain Python values."""
    from pyspark.sql import functions as F

    nested = [f for f in RECORD_FIELDS if f != "doc"]
    rows = frame.select(*nested, F.from_json("json", RECORD_DDL).alias("parsed")).collect()
    return ([{f: row[f] for f in nested} for row in rows],
            [{f: row["parsed"][f] for f in nested} for row in rows])


def test_batch_nested_columns_equal_from_json(spark, run) -> None:
    """The nested columns built in the Python workers are what Spark's from_json makes of the record JSON."""
    out, _ = run
    ours, theirs = _from_json_rows(spark, spark.read.parquet(str(out / "records.parquet")))
    assert len(ours) == 7 and sum(len(r["entities"]) for r in ours) > 20
    assert ours == theirs


def test_nested_columns_convert_odd_values_like_from_json(spark) -> None:
    """Values that do not fit the DDL types become what from_json makes of them: JSON text in a string field (a float
    as Java writes it), null elsewhere; unknown keys are dropped."""
    records = [
        {"doc": "a", "meta": {"title": "t", "published": 2024, "outlet": None}, "entities": [],
         "events": [{"type": "x", "quantity": {"value": 5, "unit": "u", "approx": False}, "also": ["a", 3],
                     "evidence": {"start": 1, "end": 2}, "when": {"y": 1}},
                    {"type": "y", "quantity": {"value": 2.5, "approx": "no"}, "evidence": {"start": 1.0, "end": "2"},
                     "also": "not a list"}],
         "facts": [{"subject": "s", "value": v} for v in (20000, 2.5, 1e-05, 1.5e7, -1e21, 123456.5, True, [1, "a"])],
         "quotes": "not a list", "later": 1},
        {"doc": "b", "meta": None, "entities": [{"id": "Q1", "mentions": [{"start": 1, "end": 2, "rule": "r"}]}],
         "events": None, "facts": [], "quotes": [{"speaker": "s", "evidence": 5}]},
    ]
    names = [f.name for f in partition.NESTED_FIELDS]
    table = pa.Table.from_arrays(partition.nested_columns(records), names=names)
    ours = table.to_pylist()
    theirs = [row.asDict(recursive=True)["r"] for row in spark.createDataFrame(
        [(json.dumps(r),) for r in records], "json string").selectExpr(f"from_json(json, '{RECORD_DDL}') AS r").collect()]
    assert ours == [{k: v for k, v in t.items() if k in names} for t in theirs]


def test_arrow_schema_is_sparks(spark) -> None:
    from pyspark.sql.pandas.types import to_arrow_schema

    for ddl in (RECORD_DDL, partition.RESULT_DDL):
        assert arrow_schema(ddl) == to_arrow_schema(spark.createDataFrame([], ddl).schema)


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


def test_arrow_writer_layout_and_overwrite(spark, corpus: Path, tmp_path: Path) -> None:
    """Tasks writing their own files leave one part file per task and format, a _SUCCESS marker and no staging folder;
    an existing OUTPUT is refused unless --overwrite, which replaces it and clears a dead run's staging folders."""
    out = tmp_path / "out"
    summary = run_batch(spark, [str(corpus)], str(out), partitions=2, writer="arrow")
    assert (summary.records, summary.errors) == (7, 4)
    assert sorted(p.name for p in out.iterdir()) == ["errors.jsonl", "errors.parquet", "records.jsonl",
                                                      "records.parquet"]
    parts = sorted(p.name for p in (out / "records.parquet").iterdir() if p.name != "_SUCCESS")
    assert (out / "records.parquet" / "_SUCCESS").exists() and not (out / "_temporary").exists()
    assert 1 <= len(parts) <= 2 and all(p.startswith("part-") and p.endswith(".parquet") for p in parts)
    assert pq.read_table(out / "records.parquet").column_names == [*RECORD_FIELDS, "json", "text"]
    with pytest.raises(BatchError, match="already exists"):
        run_batch(spark, [str(corpus)], str(out), writer="arrow")
    dead = out / "_temporary" / "0123abcd"  # the staging folder of a run whose driver died
    dead.mkdir(parents=True)
    (dead / "part-00000-7.parquet").write_bytes(b"PAR1")
    summary = run_batch(spark, [str(corpus)], str(out), writer="arrow", overwrite=True, formats=["jsonl"],
                        with_text=False)
    assert summary.records == 7 and not (out / "records.parquet").exists() and not (out / "_temporary").exists()
    assert len(_jsonl(out / "records.jsonl")) == 7


def test_arrow_writer_needs_a_filesystem_pyarrow_knows(spark, corpus: Path) -> None:
    from marsad.batch.spark import arrow_filesystem

    assert arrow_filesystem("nosuchscheme://bucket/out") is None
    with pytest.raises(BatchError, match="pyarrow cannot write"):
        run_batch(spark, [str(corpus)], "nosuchscheme://bucket/out", writer="arrow")
    with pytest.raises(BatchError, match="unknown writer"):
        run_batch(spark, [str(corpus)], "out", writer="fast")
