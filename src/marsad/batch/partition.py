"""The work a Spark task does, as plain functions over Arrow record batches (no pyspark import here).

Spark's ``mapInArrow`` hands each task an iterator of :class:`pyarrow.RecordBatch`; the functions below turn them into
batches of the next stage. They run the same readers and the same :class:`~marsad.pipeline.Pipeline` as
``marsad analyze``, so a record written by a batch run is the record ``marsad analyze`` prints for the same article.

Stages::

    files   (path, content)            --read_files-->        units (one article or one ingest error each)
    rows    (id, text, title, ...)     --read_rows-->         units
    units                              --analyze_units-->     results (record JSON, or the error with its reason)

No function here ever raises for a bad article: the article becomes an error row and the task goes on.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from collections.abc import Iterable, Iterator
from typing import Any

import pyarrow as pa

from marsad.ingest import Article, IngestError
from marsad.ingest.readers import record_to_result, too_large
from marsad.ingest.sources import kind_by_name, read_bytes, sniff_kind  # the readers `marsad analyze` uses

MAX_BYTES = 50_000_000
BATCH_ROWS = 256

UNIT_SCHEMA = pa.schema([("doc", pa.string()), ("source", pa.string()), ("text", pa.string()), ("meta", pa.string()),
                         ("removed", pa.string()), ("error", pa.string())])
UNIT_DDL = "doc string, source string, text string, meta string, removed string, error string"
RESULT_SCHEMA = pa.schema([("doc", pa.string()), ("source", pa.string()), ("json", pa.string()), ("text", pa.string()),
                           ("error", pa.string())])
RESULT_DDL = "doc string, source string, json string, text string, error string"
# Columns of a Parquet article table that ``record_to_result`` understands (the JSON Lines field names).
ARTICLE_COLUMNS = ("id", "text", "body", "content", "html", "title", "headline", "url", "link", "published", "date",
                   "published_at", "pubdate", "outlet", "source", "site", "sitename")

_pipeline = None


def pipeline():
    """The default pipeline, loaded once per Python worker process (Spark reuses workers across tasks)."""
    global _pipeline
    if _pipeline is None:
        from marsad.pipeline import Pipeline

        _pipeline = Pipeline.default()
    return _pipeline


def base_name(path: str) -> str:
    """The file name of a local path or a Hadoop URL (``hdfs://nn/a/b.txt`` → ``b.txt``)."""
    return os.path.basename(path.rstrip("/"))


def wanted_file(path: str) -> bool:
    """True for a file ``marsad analyze`` would read in a folder: not hidden, of a known kind."""
    name = base_name(path)
    return not name.startswith(".") and kind_by_name(name) is not None


def articles_from_bytes(name: str, source: str, data: bytes, max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """Every article in one file's bytes, read exactly as ``marsad analyze`` reads that file from disk."""
    if not data:
        yield IngestError(source, "empty file")
        return
    kind = kind_by_name(name)
    if kind == "jsonl" and name.lower().endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield IngestError(source, f"cannot read: {exc}")
            return
    elif kind != "warc" and len(data) > max_bytes:
        yield IngestError(source, too_large(max_bytes))
        return
    yield from read_bytes(kind or sniff_kind(data[:4096]), data, name, source, max_bytes)


def _unit(item: Article | IngestError, doc: str) -> dict[str, Any]:
    if isinstance(item, IngestError):
        return {"doc": doc, "source": item.source, "text": None, "meta": None, "removed": None, "error": item.reason}
    return {"doc": item.doc, "source": item.source_path or item.doc, "text": item.text,
            "meta": json.dumps(item.meta, ensure_ascii=False), "removed": json.dumps(item.removed, ensure_ascii=False),
            "error": None}


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema, size: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield pa.RecordBatch.from_pylist(chunk, schema=schema)
            chunk = []
    if chunk:
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


def _file_units(batches: Iterable[pa.RecordBatch], max_bytes: int) -> Iterator[dict[str, Any]]:
    for batch in batches:
        paths = batch.column("path").to_pylist()
        contents = batch.column("content")
        for i, path in enumerate(paths):
            if not wanted_file(path):
                continue
            name = base_name(path)
            try:
                for item in articles_from_bytes(name, path, contents[i].as_py() or b"", max_bytes):
                    where = item.source[len(path):] if isinstance(item, IngestError) and item.source.startswith(path) else ""
                    yield _unit(item, name + where)  # an error's doc: "wire.jsonl:3", "crawl.warc#https://…"
            except Exception as exc:  # a reader bug on one file never stops the task
                yield _unit(IngestError(path, f"cannot read: {type(exc).__name__}: {exc}"), name)


def read_files(batches: Iterable[pa.RecordBatch], max_bytes: int = MAX_BYTES) -> Iterator[pa.RecordBatch]:
    """Spark ``binaryFile`` rows (``path``, ``content``) → unit rows, one per article or ingest error."""
    yield from _batches(_file_units(batches, max_bytes), UNIT_SCHEMA)


def _plain(value: Any) -> Any:
    """A Parquet cell as the JSON value ``record_to_result`` expects (dates as ISO strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _row_units(batches: Iterable[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    for batch in batches:
        columns = [c for c in ARTICLE_COLUMNS if c in batch.schema.names]
        values = {c: batch.column(c).to_pylist() for c in columns}
        files = batch.column("_file").to_pylist()
        rows = batch.column("_row").to_pylist()
        for i in range(batch.num_rows):
            name = f"{base_name(files[i])}:{rows[i] + 1}"
            record = {c: _plain(values[c][i]) for c in columns if values[c][i] is not None}
            try:
                yield _unit(record_to_result(record, name, f"{files[i]}:{rows[i] + 1}", files[i]), name)
            except Exception as exc:
                yield _unit(IngestError(f"{files[i]}:{rows[i] + 1}", f"cannot read: {type(exc).__name__}: {exc}"), name)


def read_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rows of a Parquet article table (JSON Lines field names, plus ``_file`` and ``_row``) → unit rows."""
    yield from _batches(_row_units(batches), UNIT_SCHEMA)


def analyze_unit(unit: dict[str, Any]) -> dict[str, Any]:
    """One unit → one result row: the record as ``marsad analyze`` prints it, or the error with its reason."""
    from marsad.records import to_record

    out = {"doc": unit["doc"], "source": unit["source"], "json": None, "text": None, "error": unit["error"]}
    if unit["error"] is not None:
        return out
    try:
        removed = [tuple(r) for r in json.loads(unit["removed"] or "[]")]
        art = Article(unit["doc"], unit["text"], json.loads(unit["meta"] or "{}"), removed, unit["source"])
        out["json"] = json.dumps(to_record(pipeline().analyze_article(art)), ensure_ascii=False)
        out["text"] = unit["text"]
    except Exception as exc:  # one bad article never stops a batch (same reason text as Pipeline.analyze_paths)
        out["error"] = f"analysis failed: {type(exc).__name__}: {exc}"
    return out


def analyze_units(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Unit rows → result rows (``doc``, ``source``, ``json``, ``text``, ``error``)."""
    def results() -> Iterator[dict[str, Any]]:
        for batch in batches:
            for unit in batch.to_pylist():
                yield analyze_unit(unit)

    yield from _batches(results(), RESULT_SCHEMA, size=64)


def analyze_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Parquet article rows straight to result rows (one task reads and analyses)."""
    yield from analyze_units(read_rows(batches))
