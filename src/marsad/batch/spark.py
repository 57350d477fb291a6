"""The batch job on Apache Spark: read articles, run the per-article pipeline once per partition, write records and errors.

This module (with ``marsad.batch.cli``) is the only place marsad imports pyspark. From Python::

    from marsad.batch.spark import spark_session, run_batch
    spark = spark_session("local[2]")
    summary = run_batch(spark, ["corpus/"], "out/")      # out/records.parquet, out/records.jsonl, out/errors.*

Input: JSON Lines, text/HTML/WARC files or folders of them (read with the same readers as ``marsad analyze``, through
Spark's ``binaryFile`` source, so any Hadoop filesystem URL works), or Parquet article tables (``--input-format parquet``
or a path ending in ``.parquet``; columns named like the JSON Lines fields: ``id``, ``text``, ``title``, ``published`` …).
Each JSON Lines or WARC file is read by one task (keep files under 2 GB; shard bigger ones); the articles are then
spread over ``partitions`` tasks for the analysis.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from marsad.batch.schema import (ERROR_COLUMNS, ERRORS_JSONL, ERRORS_PARQUET, RECORD_FIELDS, RECORDS_JSONL,
                                 RECORDS_PARQUET)

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

FORMATS = ("parquet", "jsonl")
INSTALL_HINT = "marsad batch needs PySpark and Java 17: pip install 'marsad[spark]'; apt-get install openjdk-17-jre-headless"


class BatchError(RuntimeError):
    """The batch job cannot start (PySpark or Java missing, bad arguments, unreadable input path)."""


@dataclass
class BatchSummary:
    """What a batch run wrote."""

    output: str
    records: int
    errors: int
    seconds: float

    def __str__(self) -> str:
        rate = self.records / self.seconds if self.seconds else 0.0
        return (f"marsad batch: {self.records} records, {self.errors} errors in {self.seconds:.1f} s "
                f"({rate:.1f} articles/s) -> {self.output}")


def require_spark() -> None:
    """Raise :class:`BatchError` with the install command when PySpark or Java is missing."""
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
        import pandas  # noqa: F401  (mapInArrow needs it)
    except ImportError as exc:
        raise BatchError(f"{INSTALL_HINT} ({exc})") from None
    java_home = os.environ.get("JAVA_HOME")
    if not (java_home and os.path.exists(os.path.join(java_home, "bin", "java"))) and not shutil.which("java"):
        raise BatchError(f"{INSTALL_HINT} (no java on PATH and no JAVA_HOME)")


def spark_session(master: str | None = None, app_name: str = "marsad-batch",
                  conf: dict[str, str] | None = None) -> "SparkSession":
    """A Spark session. ``master=None`` keeps what ``spark-submit`` or the environment set; a local master runs the
    Python workers with this interpreter."""
    require_spark()
    from pyspark.sql import SparkSession

    if master is None or master.startswith("local"):
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    settings = {"spark.sql.execution.arrow.maxRecordsPerBatch": "256", "spark.ui.showConsoleProgress": "false",
                "spark.python.worker.reuse": "true"}
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def is_parquet_input(paths: Sequence[str]) -> bool:
    """True when every input path names Parquet (``*.parquet``, or a local folder holding only Parquet part files)."""
    def parquet(p: str) -> bool:
        if p.rstrip("/").lower().endswith(".parquet"):
            return True
        if os.path.isdir(p):
            names = [n for n in os.listdir(p) if not n.startswith((".", "_"))]
            return bool(names) and all(n.endswith(".parquet") for n in names)
        return False

    return all(parquet(p) for p in paths)


def empty_files(spark: "SparkSession", paths: Sequence[str]) -> list[str]:
    """Zero-byte files under ``paths`` that ``marsad analyze`` would read (Spark's file sources skip them silently),
    listed through Hadoop's FileSystem so any URL Spark reads works."""
    from marsad.batch import partition  # pyarrow: imported once Spark is known to be there (require_spark)

    jvm, conf = spark.sparkContext._jvm, spark.sparkContext._jsc.hadoopConfiguration()
    if jvm is None:
        raise BatchError("the Spark session has no JVM (stopped?)")
    found = []
    for p in paths:
        path = jvm.org.apache.hadoop.fs.Path(p)
        fs = path.getFileSystem(conf)
        if not fs.exists(path):
            continue
        files = fs.listFiles(path, True)
        while files.hasNext():
            status = files.next()
            name = str(status.getPath().toString())
            hidden = any(part.startswith((".", "_")) for part in name.split("/")[-1:])
            if status.getLen() == 0 and not hidden and partition.wanted_file(name):
                found.append(name)
    return found


def _inputs(spark: "SparkSession", inputs: Sequence[str], partitions: int | None,
            input_format: str) -> tuple["DataFrame", str]:
    """The rows a task analyses and their kind: ``"rows"`` (a Parquet article table's columns) or ``"units"``
    (articles and ingest errors read from files)."""
    from pyspark.errors import AnalysisException
    from pyspark.sql import functions as F

    from marsad.batch import partition

    paths = list(inputs)
    n = partitions or 4 * spark.sparkContext.defaultParallelism
    parquet = input_format == "parquet" or (input_format == "auto" and is_parquet_input(paths))
    try:
        if parquet:
            table = spark.read.parquet(*paths)
            cols = [c for c in partition.ARTICLE_COLUMNS if c in table.columns]
            if not any(c in cols for c in ("text", "body", "content", "html")):
                raise BatchError(f"Parquet input has no text/body/content/html column (columns: {table.columns})")
            rows = table.select(*cols, F.col("_metadata.file_path").alias("_file"),
                                F.col("_metadata.row_index").alias("_row"))
            return (rows.repartition(n) if partitions else rows), "rows"
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(paths)
                 .select("path", "content"))
        units = files.mapInArrow(partition.read_files, partition.UNIT_DDL)
        empty = [{"doc": partition.base_name(f), "source": f, "text": None, "meta": None, "removed": None,
                  "error": "empty file"} for f in empty_files(spark, paths)]
        if empty:
            units = units.unionByName(spark.createDataFrame(empty, partition.UNIT_DDL))
        return units.repartition(n), "units"
    except AnalysisException as exc:
        raise BatchError(f"cannot read input: {exc}") from None


def read_results(spark: "SparkSession", inputs: Sequence[str], partitions: int | None = None,
                 input_format: str = "auto") -> "DataFrame":
    """The result rows (``doc``, ``source``, ``json``, ``text``, ``error`` and the nested record columns) for every
    article under ``inputs``."""
    from marsad.batch import partition

    frame, kind = _inputs(spark, inputs, partitions, input_format)
    return frame.mapInArrow(partition.analyze_rows if kind == "rows" else partition.analyze_units,
                            partition.RESULT_DDL)


def _target(output: str, name: str) -> str:
    return f"{output.rstrip('/')}/{name}"


def arrow_filesystem(output: str) -> "tuple[object, str] | None":
    """``(filesystem, path)`` when :mod:`pyarrow.fs` can write ``output`` (a local path, ``file://``, ``s3://``,
    ``gs://``, ``hdfs://`` with libhdfs …), else None."""
    from pyarrow import fs

    if "://" not in output:
        return fs.LocalFileSystem(), os.path.abspath(output)
    try:
        return fs.FileSystem.from_uri(output)
    except (ValueError, OSError, NotImplementedError, TypeError):  # unknown scheme, no libhdfs, no credentials …
        return None


def _task_writer(analyze: Callable[[Iterator[Any]], Iterator[dict[str, Any]]], fs: Any, staging: str,
                 formats: Sequence[str], with_text: bool) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """The ``mapInArrow`` function of a task that writes its own part files under ``staging``."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        from pyspark import TaskContext

        from marsad.batch import partition

        task = TaskContext.get()
        if task is None:
            raise RuntimeError("not running in a Spark task")
        stem = f"{staging}/part-{task.partitionId():05d}-{task.taskAttemptId()}"
        yield from partition.write_results(analyze(batches), fs, stem, formats, with_text)

    return run


def _write_with_arrow(frame: "DataFrame", kind: str, where: tuple, formats: Sequence[str], with_text: bool,
                      overwrite: bool) -> tuple[int, list[tuple]]:
    """Each task analyses its articles and writes its part files itself (pyarrow: the JVM never converts a record);
    the driver keeps the files of the task attempts Spark reports as successful, moves them into place and writes the
    errors table."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from pyarrow import fs as pafs

    from marsad.batch import partition

    fs, root = where
    for name in (RECORDS_PARQUET, RECORDS_JSONL, ERRORS_PARQUET, ERRORS_JSONL):
        path = _target(root, name)
        found = fs.get_file_info(path).type
        if found == pafs.FileType.NotFound:
            continue
        if not overwrite:
            raise BatchError(f"{path} already exists (--overwrite replaces it)")
        if found == pafs.FileType.Directory:
            fs.delete_dir(path)
        else:
            fs.delete_file(path)
    temporary = _target(root, "_temporary")
    if overwrite and fs.get_file_info(temporary).type == pafs.FileType.Directory:
        fs.delete_dir(temporary)  # staging folders of runs whose driver died before cleaning up
    staging = _target(temporary, uuid.uuid4().hex)
    fs.create_dir(staging)
    try:
        analyze = partition.row_results if kind == "rows" else partition.unit_results
        rows = frame.mapInArrow(_task_writer(analyze, fs, staging, formats, with_text),
                                partition.SUMMARY_DDL).collect()
        files = [row for row in rows if row["kind"] == "file"]
        for fmt, folder in (("parquet", RECORDS_PARQUET), ("jsonl", RECORDS_JSONL)):
            if fmt not in formats:
                continue
            fs.create_dir(_target(root, folder))
            for row in files:
                if row["file"].endswith(f".{fmt}"):
                    part = row["file"].rsplit("/", 1)[1].rsplit("-", 1)[0]  # part-00003-<attempt id>.parquet
                    fs.move(row["file"], _target(root, f"{folder}/{part}.{fmt}"))
            _mark_done(fs, _target(root, folder))
    finally:
        fs.delete_dir(staging)
        if not fs.get_file_info(pafs.FileSelector(temporary)):
            fs.delete_dir(temporary)
    errors = list(dict.fromkeys((row["doc"], row["source"], row["reason"]) for row in rows if row["kind"] == "error"))
    table = pa.table({c: pa.array([e[i] for e in errors], pa.string()) for i, c in enumerate(ERROR_COLUMNS)})
    for fmt, folder in (("parquet", ERRORS_PARQUET), ("jsonl", ERRORS_JSONL)):
        if fmt in formats:
            fs.create_dir(_target(root, folder))
            part = _target(root, f"{folder}/part-00000.{fmt}")
            if fmt == "parquet":
                pq.write_table(table, part, filesystem=fs)
            else:
                with fs.open_output_stream(part) as out:
                    out.write("".join(json.dumps({c: v for c, v in zip(ERROR_COLUMNS, e) if v is not None},
                                                 ensure_ascii=False) + "\n" for e in errors).encode("utf-8"))
            _mark_done(fs, _target(root, folder))
    # every task writes each format with the same records: count them in the files of one format
    records = sum(row["records"] for row in files if row["file"].endswith(f".{formats[0]}"))
    return records, errors


def _mark_done(fs: Any, folder: str) -> None:
    """The empty ``_SUCCESS`` file Spark's committers leave in a finished output folder."""
    with fs.open_output_stream(f"{folder}/_SUCCESS"):
        pass


def _write_with_spark(spark: "SparkSession", results: "DataFrame", output: str, formats: Sequence[str],
                      with_text: bool, overwrite: bool) -> tuple[int, list[tuple]]:
    """Spark's own writers (any Hadoop filesystem URL): the JVM converts the records to rows and writes them."""
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    mode = "overwrite" if overwrite else "errorifexists"
    seen = Observation("marsad-batch")
    failed = F.col("error").isNotNull()
    results = results.observe(
        seen, F.count(F.col("json")).alias("records"),
        F.collect_list(F.when(failed, F.struct("doc", "source", F.col("error").alias("reason")))).alias("errors"))
    ok = results.where(~failed)
    if "parquet" in formats:
        records = _target(output, RECORDS_PARQUET)
        ok.select(*RECORD_FIELDS, "json", *(["text"] if with_text else [])).write.mode(mode).parquet(records)
        if "jsonl" in formats:
            spark.read.parquet(records).select("json").write.mode(mode).text(_target(output, RECORDS_JSONL))
    else:
        ok.select("json").write.mode(mode).text(_target(output, RECORDS_JSONL))
    errors = list(dict.fromkeys(tuple(row) for row in seen.get["errors"]))  # a re-run task reports its rows again
    table = spark.createDataFrame(errors, ", ".join(f"{c} string" for c in ERROR_COLUMNS)).coalesce(1)
    if "parquet" in formats:
        table.write.mode(mode).parquet(_target(output, ERRORS_PARQUET))
    if "jsonl" in formats:
        table.write.mode(mode).json(_target(output, ERRORS_JSONL))
    return seen.get["records"], errors


WRITERS = ("auto", "arrow", "spark")


def run_batch(spark: "SparkSession", inputs: Sequence[str], output: str, *, partitions: int | None = None,
              formats: Sequence[str] = FORMATS, with_text: bool = True, overwrite: bool = False,
              input_format: str = "auto", writer: str = "auto") -> BatchSummary:
    """Analyse every article under ``inputs`` and write ``records`` and ``errors`` under ``output`` in ``formats``.

    Each article is analysed once and nothing is cached, so memory does not grow with the corpus. Two writers give
    the same files' contents:

    - ``arrow`` (the default when :mod:`pyarrow.fs` can write ``output``: local paths, ``s3://``, ``gs://``,
      ``hdfs://`` with libhdfs): each task writes its records straight from the Python worker as Parquet and JSON
      Lines part files into a staging folder; the driver moves the files of the task attempts Spark reports as
      successful into place (a failed or speculative attempt's files are dropped with the staging folder). The JVM
      never converts the records, which is most of Spark's own cost per article.
    - ``spark``: Spark's writers (any Hadoop filesystem URL); ``records.jsonl`` is copied from the ``json`` column of
      ``records.parquet`` when both are asked for.

    The errors table (few and small rows) is collected by the driver and written by the same writer."""
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise BatchError(f"unknown output format(s) {sorted(unknown)}; choose from {', '.join(FORMATS)}")
    if writer not in WRITERS:
        raise BatchError(f"unknown writer {writer!r}; choose from {', '.join(WRITERS)}")
    formats = [f for f in FORMATS if f in formats]
    t0 = time.perf_counter()
    where = arrow_filesystem(output) if writer != "spark" else None
    if writer == "arrow" and where is None:
        raise BatchError(f"pyarrow cannot write {output}; use the spark writer")
    if where is not None:
        frame, kind = _inputs(spark, inputs, partitions, input_format)
        records, errors = _write_with_arrow(frame, kind, where, formats, with_text, overwrite)
    else:
        records, errors = _write_with_spark(spark, read_results(spark, inputs, partitions, input_format), output,
                                            formats, with_text, overwrite)
    return BatchSummary(output, records, len(errors), time.perf_counter() - t0)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point for ``spark-submit``: the same arguments as ``marsad batch``."""
    from marsad.batch.cli import batch

    batch.main(args=list(argv if argv is not None else sys.argv[1:]), prog_name="marsad-batch", standalone_mode=True)


if __name__ == "__main__":
    main()
