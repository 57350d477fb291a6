"""The per-task functions of a batch run read and analyse articles exactly as ``marsad analyze`` does (no Spark)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

pa = pytest.importorskip("pyarrow", reason="pyarrow comes with the spark extra: pip install 'marsad[spark]'")

from marsad.batch import partition  # noqa: E402
from marsad.ingest import Article, iter_articles  # noqa: E402

from .corpus import GOOD, canonical, make_corpus, reference  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"))


def _file_batch(paths: list[Path]) -> pa.RecordBatch:
    return pa.RecordBatch.from_pydict({"path": [f"file:{p}" for p in paths], "content": [p.read_bytes() for p in paths]})


@pytest.mark.parametrize("name", ["000_a4865d7ba3143872.txt", "wire.jsonl", "empty.txt", "scan.txt"])
def test_partition_reads_like_analyze(corpus: Path, name: str) -> None:
    path = corpus / name
    ours = list(partition.articles_from_bytes(name, str(path), path.read_bytes()))
    theirs = list(iter_articles([path]))
    assert len(ours) == len(theirs)
    for a, b in zip(ours, theirs):
        assert type(a) is type(b)
        if isinstance(a, Article):
            assert (a.doc, a.text, a.meta, a.removed) == (b.doc, b.text, b.meta, b.removed)
        else:
            assert (a.source, a.reason) == (b.source, b.reason)


def test_partition_skips_hidden_and_unknown_files() -> None:
    assert partition.wanted_file("hdfs://nn/news/2024/a.txt")
    assert partition.wanted_file("file:/data/wire.jsonl.gz")
    assert not partition.wanted_file("file:/data/.hidden.txt")
    assert not partition.wanted_file("file:/data/photo.png")


def test_partition_units_to_records_match_analyze(corpus: Path) -> None:
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    units = [u for b in partition.read_files([_file_batch(files)]) for u in b.to_pylist()]
    results = [r for b in partition.analyze_units([pa.RecordBatch.from_pylist(units, schema=partition.UNIT_SCHEMA)])
               for r in b.to_pylist()]
    records, errors = reference([str(corpus)])
    ok = [json.loads(r["json"]) for r in results if r["error"] is None]
    assert canonical(ok) == canonical(records)
    assert {(Path(r["source"]).name, r["error"]) for r in results if r["error"]} == errors
    assert {r["doc"] for r in results if r["error"]} == {"empty.txt", "scan.txt", "wire.jsonl:2", "wire.jsonl:3"}
    by_doc = {r["doc"]: r for r in results}
    assert by_doc["wire-001"]["text"] == GOOD[0]["text"]


def test_partition_analysis_failure_becomes_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Broken:
        def analyze_article(self, art: Article) -> None:
            raise ValueError("boom")

    monkeypatch.setattr(partition, "_pipeline", Broken())
    unit = {"doc": "wire-009", "source": "wire.jsonl", "text": "قصفت المدفعية مواقع في ريف إدلب.", "meta": "{}",
            "removed": "[]", "error": None}
    out = partition.analyze_unit(unit)
    assert out["json"] is None
    assert out["error"] == "analysis failed: ValueError: boom"


@pytest.mark.parametrize("row, doc", [
    ({"id": "wire-001", "text": GOOD[0]["text"], "published": "2024-03-02"}, "wire-001"),
    ({"id": None, "text": GOOD[1]["text"], "published": None}, "articles.parquet:8"),
])
def test_partition_parquet_rows_keep_ids(row: dict, doc: str) -> None:
    batch = pa.RecordBatch.from_pylist([{**row, "_file": "file:/data/articles.parquet", "_row": 7}])
    (result,) = [r for b in partition.analyze_rows([batch]) for r in b.to_pylist()]
    assert result["error"] is None
    record = json.loads(result["json"])
    assert record["doc"] == doc
    expected = partition.pipeline().analyze_text(row["text"], doc=doc, meta={"published": row["published"]})
    assert [e["id"] for e in record["entities"]] == [e.id for e in sorted(expected.entities, key=lambda e: e.first())]
    assert record["meta"]["published"] == row["published"]


def test_partition_results_carry_nested_record_columns(corpus: Path) -> None:
    """Each result row has the record's nested fields as Arrow columns beside its JSON (None for an error row)."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    units = pa.RecordBatch.from_pylist([u for b in partition.read_files([_file_batch(files)]) for u in b.to_pylist()],
                                       schema=partition.UNIT_SCHEMA)
    batches = list(partition.analyze_units([units]))
    assert all(b.schema == partition.RESULT_SCHEMA for b in batches)
    for row in (r for b in batches for r in b.to_pylist()):
        if row["error"]:
            assert row["meta"] is None and row["entities"] is None
            continue
        record = json.loads(row["json"])
        assert row["meta"] == record["meta"]
        assert [e["id"] for e in row["entities"]] == [e["id"] for e in record["entities"]]
        assert [(q["speaker"], q["evidence"]) for q in row["quotes"]] == \
               [(q["speaker"], q["evidence"]) for q in record["quotes"]]


def test_json_text_writes_floats_as_java() -> None:
    assert [partition.json_text(v) for v in (7, 0.5, 1e7, 2.5e-4, -3e21, None)] == \
           ["7", "0.5", "1.0E7", "2.5E-4", "-3.0E21", "null"]
