"""The work a Spark task does, as plain functions over Arrow record batches (no pyspark import here).

Spark's ``mapInArrow`` hands each task an iterator of :class:`pyarrow.RecordBatch`; the functions below turn them into
batches of the next stage. They run the same readers and the same :class:`~marsad.pipeline.Pipeline` as
``marsad analyze``, so a record written by a batch run is the record ``marsad analyze`` prints for the same article.

Stages::

    files   (path, content)            --read_files-->        units (one article or one ingest error each)
    rows    (id, text, title, ...)     --read_rows-->         units
    units                              --analyze_units-->     results (the record, or the error with its reason)
    rows                               --analyze_rows-->      results (read and analysed in one go)

A result row carries the record twice: ``json``, exactly as ``marsad analyze`` prints it, and the nested columns of
``schema.RECORD_DDL`` (``meta``, ``entities``, ``events``, ``facts``, ``quotes``) built here as Arrow arrays, so that the
JVM only copies them into Parquet (parsing the JSON there with ``from_json`` cost more than the Python side does).

No function here ever raises for a bad article: the article becomes an error row and the task goes on.
"""
from __future__ import annotations

import datetime as dt
import gzip
import json
import math
import os
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import pyarrow as pa

from marsad.batch.schema import NESTED_DDL, arrow_schema
from marsad.ingest import Article, IngestError
from marsad.ingest.readers import record_to_result, too_large
from marsad.ingest.sources import kind_by_name, read_bytes, sniff_kind  # the readers `marsad analyze` uses

MAX_BYTES = 50_000_000
BATCH_ROWS = 256

UNIT_SCHEMA = pa.schema([("doc", pa.string()), ("source", pa.string()), ("text", pa.string()), ("meta", pa.string()),
                         ("removed", pa.string()), ("error", pa.string())])
UNIT_DDL = "doc string, source string, text string, meta string, removed string, error string"
RESULT_COLUMNS = ("doc", "source", "json", "text", "error")  # then the nested record columns
RESULT_DDL = ", ".join(f"{c} string" for c in RESULT_COLUMNS) + f", {NESTED_DDL}"
RESULT_SCHEMA = arrow_schema(RESULT_DDL)
NESTED_FIELDS = tuple(arrow_schema(NESTED_DDL))
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


def _chunks(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    chunk: list[dict[str, Any]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _batches(rows: Iterable[dict[str, Any]], schema: pa.Schema, size: int = BATCH_ROWS) -> Iterator[pa.RecordBatch]:
    for chunk in _chunks(rows, size):
        yield pa.RecordBatch.from_pylist(chunk, schema=schema)


Item = tuple["Article | IngestError", str]  # an article or an ingest error, and the doc name an error row gets


def _file_items(batches: Iterable[pa.RecordBatch], max_bytes: int) -> Iterator[Item]:
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
                    yield item, name + where  # an error's doc: "wire.jsonl:3", "crawl.warc#https://…"
            except Exception as exc:  # a reader bug on one file never stops the task
                yield IngestError(path, f"cannot read: {type(exc).__name__}: {exc}"), name


def read_files(batches: Iterable[pa.RecordBatch], max_bytes: int = MAX_BYTES) -> Iterator[pa.RecordBatch]:
    """Spark ``binaryFile`` rows (``path``, ``content``) → unit rows, one per article or ingest error."""
    yield from _batches((_unit(*item) for item in _file_items(batches, max_bytes)), UNIT_SCHEMA)


def _plain(value: Any) -> Any:
    """A Parquet cell as the JSON value ``record_to_result`` expects (dates as ISO strings)."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _row_items(batches: Iterable[pa.RecordBatch]) -> Iterator[Item]:
    for batch in batches:
        columns = [c for c in ARTICLE_COLUMNS if c in batch.schema.names]
        values = {c: batch.column(c).to_pylist() for c in columns}
        files = batch.column("_file").to_pylist()
        rows = batch.column("_row").to_pylist()
        for i in range(batch.num_rows):
            name = f"{base_name(files[i])}:{rows[i] + 1}"
            record = {c: _plain(values[c][i]) for c in columns if values[c][i] is not None}
            try:
                yield record_to_result(record, name, f"{files[i]}:{rows[i] + 1}", files[i]), name
            except Exception as exc:
                yield IngestError(f"{files[i]}:{rows[i] + 1}", f"cannot read: {type(exc).__name__}: {exc}"), name


def read_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Rows of a Parquet article table (JSON Lines field names, plus ``_file`` and ``_row``) → unit rows."""
    yield from _batches((_unit(*item) for item in _row_items(batches)), UNIT_SCHEMA)


def json_text(value: Any) -> str:
    """A JSON value as the text ``from_json`` gives a string field: JSON text, a float written as Java writes it.

    >>> [json_text(v) for v in (20000, 2.5, 1.5e7, -1e-05, True, [1, "a"])]
    ['20000', '2.5', '1.5E7', '-1.0E-5', 'true', '[1,"a"]']
    """
    if isinstance(value, float) and math.isfinite(value) and value and not 1e-3 <= abs(value) < 1e7:
        sign, digits, exponent = Decimal(repr(value)).normalize().as_tuple()
        mantissa = "".join(map(str, digits))
        return f"{'-' if sign else ''}{mantissa[0]}.{mantissa[1:] or '0'}E{len(digits) - 1 + int(exponent)}"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _converter(kind: pa.DataType) -> Any:
    """A function that makes a JSON value fit Arrow type ``kind`` the way Spark's ``from_json`` reads it: a value of
    another type becomes null, except that a string field keeps any JSON value as its JSON text (a fact's number)."""
    if pa.types.is_struct(kind):
        fields = [(f.name, _converter(f.type)) for f in kind]
        return lambda v: {name: conv(v.get(name)) for name, conv in fields} if isinstance(v, dict) else None
    if pa.types.is_list(kind):
        item = _converter(kind.value_type)
        return lambda v: [item(x) for x in v] if isinstance(v, (list, tuple)) else None
    if pa.types.is_string(kind):
        return lambda v: v if v is None or isinstance(v, str) else json_text(v)
    if pa.types.is_boolean(kind):
        return lambda v: v if isinstance(v, bool) else None
    number = int if pa.types.is_integer(kind) else (int, float)
    return lambda v: v if isinstance(v, number) and not isinstance(v, bool) else None


_CONVERTERS = {f.name: _converter(f.type) for f in NESTED_FIELDS}
# For a list-of-struct column, its string fields: a fact's ``value`` is a JSON number or string for one string column.
_TEXT_KEYS = {f.name: tuple(s.name for s in f.type.value_type if pa.types.is_string(s.type)) for f in NESTED_FIELDS
              if pa.types.is_list(f.type) and pa.types.is_struct(f.type.value_type)}


def _texts_as_json(values: list[Any], keys: tuple[str, ...]) -> list[Any]:
    """A list-of-struct column's values with every non-string scalar under ``keys`` written as its JSON text (only the
    items holding one are copied)."""
    def fixed(item: Any) -> Any:
        if not isinstance(item, dict):
            return item
        odd = [k for k in keys if isinstance(item.get(k), (int, float))]  # bool is an int
        return {**item, **{k: json_text(item[k]) for k in odd}} if odd else item

    return [[fixed(x) for x in v] if isinstance(v, list) else v for v in values]


def nested_columns(records: list[dict[str, Any] | None]) -> list[pa.Array]:
    """The nested columns (``schema.NESTED_DDL``) of a batch of records (None for an error row), as Arrow arrays.

    A column goes to Arrow as it is when Arrow takes it (the common case, done in C++). When Arrow rejects one, the
    numbers in its string fields are written as JSON text first (a fact's numeric ``value``: the usual case, cheap);
    failing that, the column is converted value by value as ``from_json`` would read the JSON. (Arrow alone also takes
    a float for an int field and a bool for a double, which ``from_json`` makes null; ``to_record`` never writes
    those.)"""
    columns = []
    for field in NESTED_FIELDS:
        values = [None if r is None else r.get(field.name) for r in records]
        column = _arrow_or_none(values, field.type)
        if column is None and field.name in _TEXT_KEYS:
            column = _arrow_or_none(_texts_as_json(values, _TEXT_KEYS[field.name]), field.type)
        if column is None:
            convert = _CONVERTERS[field.name]
            column = pa.array([convert(v) for v in values], type=field.type)
        columns.append(column)
    return columns


def _arrow_or_none(values: list[Any], kind: pa.DataType) -> pa.Array | None:
    """``values`` as an Arrow array of type ``kind``, or None when Arrow rejects them."""
    try:
        return pa.array(values, type=kind)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError, OverflowError):
        return None


def analyze_item(item: Article | IngestError, doc: str) -> dict[str, Any]:
    """One article or ingest error → one result row: the record (as ``marsad analyze`` prints it, in ``json``, and as a
    dict in ``record``), or the error with its reason. ``doc`` names an ingest error's row."""
    from marsad.records import to_record

    if isinstance(item, IngestError):
        return {"doc": doc, "source": item.source, "json": None, "text": None, "error": item.reason, "record": None}
    out: dict[str, Any] = {"doc": item.doc, "source": item.source_path or item.doc, "json": None, "text": None,
                           "error": None, "record": None}
    try:
        record = to_record(pipeline().analyze_article(item))
        out.update(json=json.dumps(record, ensure_ascii=False), text=item.text, record=record)
    except Exception as exc:  # one bad article never stops a batch (same reason text as Pipeline.analyze_paths)
        out["error"] = f"analysis failed: {type(exc).__name__}: {exc}"
    return out


def analyze_unit(unit: dict[str, Any]) -> dict[str, Any]:
    """One unit row (``read_files``/``read_rows``) → one result row (see :func:`analyze_item`)."""
    if unit["error"] is not None:
        return analyze_item(IngestError(unit["source"], unit["error"]), unit["doc"])
    removed = [tuple(r) for r in json.loads(unit["removed"] or "[]")]
    return analyze_item(Article(unit["doc"], unit["text"], json.loads(unit["meta"] or "{}"), removed, unit["source"]),
                        unit["doc"])


def _result_batches(results: Iterable[dict[str, Any]], size: int = 64) -> Iterator[pa.RecordBatch]:
    for chunk in _chunks(results, size):
        flat = [pa.array([r[name] for r in chunk], type=pa.string()) for name in RESULT_COLUMNS]
        yield pa.RecordBatch.from_arrays(flat + nested_columns([r["record"] for r in chunk]), schema=RESULT_SCHEMA)


def unit_results(batches: Iterable[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    """Unit rows → result dicts (:func:`analyze_item`)."""
    return (analyze_unit(unit) for batch in batches for unit in batch.to_pylist())


def row_results(batches: Iterable[pa.RecordBatch]) -> Iterator[dict[str, Any]]:
    """Parquet article rows → result dicts, read and analysed in one go (:func:`analyze_item`)."""
    return (analyze_item(*item) for item in _row_items(batches))


def analyze_units(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Unit rows → result rows (``doc``, ``source``, ``json``, ``text``, ``error`` and the nested record columns)."""
    yield from _result_batches(unit_results(batches))


def analyze_rows(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    """Parquet article rows straight to result rows (one task reads and analyses; no unit rows in between)."""
    yield from _result_batches(row_results(batches))


# --- tasks that write their own part files --------------------------------------------------------------------------
SUMMARY_DDL = "kind string, doc string, source string, reason string, file string, records long"
SUMMARY_SCHEMA = arrow_schema(SUMMARY_DDL)
ROW_GROUP_ROWS = 1024


def records_table(chunk: list[dict[str, Any]], json_utf8: list[bytes], with_text: bool) -> pa.Table:
    """The ``records`` Parquet columns (``schema.RECORD_FIELDS``, ``json``, ``text`` if kept) of analysed results whose
    ``json`` is already encoded as ``json_utf8``."""
    columns = [pa.array([r["doc"] for r in chunk], type=pa.string())]
    columns += nested_columns([r["record"] for r in chunk])
    columns.append(pa.array(json_utf8, type=pa.string()))
    names = ["doc", *(f.name for f in NESTED_FIELDS), "json"]
    if with_text:
        columns.append(pa.array([r["text"] for r in chunk], type=pa.string()))
        names.append("text")
    return pa.Table.from_arrays(columns, names=names)


def leaf_columns(schema: pa.Schema) -> list[str]:
    """The Parquet leaf column paths of an Arrow schema (``entities.list.element.mentions.list.element.start`` …).

    >>> leaf_columns(pa.schema([("a", pa.list_(pa.struct([("x", pa.string())]))), ("b", pa.string())]))
    ['a.list.element.x', 'b']
    """
    def leaves(path: str, kind: pa.DataType) -> list[str]:
        if pa.types.is_struct(kind):
            return [p for f in kind for p in leaves(f"{path}.{f.name}", f.type)]
        if pa.types.is_list(kind):
            return leaves(f"{path}.list.element", kind.value_type)
        return [path]

    return [p for f in schema for p in leaves(f.name, f.type)]


def _write_row_group(writer: Any, tables: list[pa.Table], fs: Any, path: str) -> Any:
    """Append ``tables`` as one row group to the Parquet file at ``path`` (opened on the first call: snappy, as Spark
    writes; dictionary encoding for every column but the long unique ``json`` and ``text``)."""
    import pyarrow.parquet as pq

    table = pa.concat_tables(tables)
    if writer is None:
        dictionary = [c for c in leaf_columns(table.schema) if c not in ("json", "text")]
        writer = pq.ParquetWriter(path, table.schema, filesystem=fs, compression="snappy", use_dictionary=dictionary)
    writer.write_table(table, row_group_size=len(table))
    return writer


def write_results(results: Iterable[dict[str, Any]], fs: Any, stem: str, formats: Sequence[str],
                  with_text: bool = True, size: int = 8) -> Iterator[pa.RecordBatch]:
    """Write the records among ``results`` to ``stem + ".parquet"`` and ``stem + ".jsonl"`` (those of ``formats``) on
    the :mod:`pyarrow.fs` filesystem ``fs``, and yield summary rows (``SUMMARY_DDL``): one per error, one per file
    written with its record count. The Parquet file has the columns :func:`records_table` gives, in row groups of
    ``ROW_GROUP_ROWS``; the JSON Lines file one record per line exactly as ``marsad analyze`` prints it. Records are
    turned into columns ``size`` at a time, while they are still in the CPU's caches (8 measured as fast as writing
    each record as JSON alone; 64 cost ~4 % more per article)."""
    summary: list[dict[str, Any]] = []
    count, pending, parquet, jsonl = 0, [], None, None
    try:
        for chunk in _chunks(results, size):
            ok = [r for r in chunk if r["error"] is None]
            summary += [{"kind": "error", "doc": r["doc"], "source": r["source"], "reason": r["error"]}
                        for r in chunk if r["error"] is not None]
            if not ok:
                continue
            count += len(ok)
            utf8 = [r["json"].encode("utf-8") for r in ok]  # once, for both files
            if "jsonl" in formats:
                jsonl = jsonl or fs.open_output_stream(stem + ".jsonl")
                jsonl.write(b"\n".join(utf8) + b"\n")
            if "parquet" in formats:
                pending.append(records_table(ok, utf8, with_text))
                if sum(t.num_rows for t in pending) >= ROW_GROUP_ROWS:
                    parquet = _write_row_group(parquet, pending, fs, stem + ".parquet")
                    pending = []
        if pending:
            parquet = _write_row_group(parquet, pending, fs, stem + ".parquet")
    finally:
        if parquet is not None:
            parquet.close()
        if jsonl is not None:
            jsonl.close()
    summary += [{"kind": "file", "file": f"{stem}.{ext}", "records": count}
                for ext, handle in (("parquet", parquet), ("jsonl", jsonl)) if handle is not None]
    if summary:
        yield pa.RecordBatch.from_pylist(summary, schema=SUMMARY_SCHEMA)
