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

import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

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


def read_results(spark: "SparkSession", inputs: Sequence[str], partitions: int | None = None,
                 input_format: str = "auto") -> "DataFrame":
    """The result rows (``doc``, ``source``, ``json``, ``text``, ``error``) for every article under ``inputs``."""
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
            if partitions:
                rows = rows.repartition(n)
            return rows.mapInArrow(partition.analyze_rows, partition.RESULT_DDL)
        files = (spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(paths)
                 .select("path", "content"))
        units = files.mapInArrow(partition.read_files, partition.UNIT_DDL)
        empty = [{"doc": partition.base_name(f), "source": f, "text": None, "meta": None, "removed": None,
                  "error": "empty file"} for f in empty_files(spark, paths)]
        if empty:
            units = units.unionByName(spark.createDataFrame(empty, partition.UNIT_DDL))
        return units.repartition(n).mapInArrow(partition.analyze_units, partition.RESULT_DDL)
    except AnalysisException as exc:
        raise BatchError(f"cannot read input: {exc}") from None


def _target(output: str, name: str) -> str:
    return f"{output.rstrip('/')}/{name}"


def run_batch(spark: "SparkSession", inputs: Sequence[str], output: str, *, partitions: int | None = None,
              formats: Sequence[str] = FORMATS, with_text: bool = True, overwrite: bool = False,
              input_format: str = "auto") -> BatchSummary:
    """Analyse every article under ``inputs`` and write ``records`` and ``errors`` under ``output`` in ``formats``.

    The articles are analysed once, in the job that writes the first records table: an observation of that job counts
    the records and collects the error rows (few and small; they are written from the driver afterwards), and
    ``records.jsonl`` is then copied from the ``json`` column of ``records.parquet`` when both are asked for. Nothing is
    cached, so memory does not grow with the corpus."""
    from pyspark.sql import Observation
    from pyspark.sql import functions as F

    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise BatchError(f"unknown output format(s) {sorted(unknown)}; choose from {', '.join(FORMATS)}")
    t0 = time.perf_counter()
    mode = "overwrite" if overwrite else "errorifexists"
    seen = Observation("marsad-batch")
    failed = F.col("error").isNotNull()
    results = read_results(spark, inputs, partitions, input_format).observe(
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
    return BatchSummary(output, seen.get["records"], len(errors), time.perf_counter() - t0)


def main(argv: Sequence[str] | None = None) -> None:
    """Entry point for ``spark-submit``: the same arguments as ``marsad batch``."""
    from marsad.batch.cli import batch

    batch.main(args=list(argv if argv is not None else sys.argv[1:]), prog_name="marsad-batch", standalone_mode=True)


if __name__ == "__main__":
    main()
