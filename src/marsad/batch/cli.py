"""``marsad batch``: the per-article pipeline over a corpus on Apache Spark (PySpark is imported only when it runs)."""
from __future__ import annotations

import os
import sys

import click


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output", nargs=1)
@click.option("--master", default=None,
              help="Spark master: local[*] (default outside spark-submit), local[2], spark://host:7077, yarn …")
@click.option("--partitions", type=click.IntRange(min=1), default=None,
              help="analysis tasks (default: 4 × the cluster's cores)")
@click.option("--format", "formats", default="parquet,jsonl", show_default=True,
              help="output formats, comma-separated: parquet, jsonl")
@click.option("--input-format", type=click.Choice(["auto", "files", "parquet"]), default="auto", show_default=True,
              help="files = JSON Lines/text/HTML/WARC files or folders; parquet = article tables; auto = by name")
@click.option("--text/--no-text", "with_text", default=True, show_default=True,
              help="keep each article's text in records.parquet (the store and the UI need it)")
@click.option("--overwrite", is_flag=True, help="replace an existing OUTPUT")
@click.option("--writer", type=click.Choice(["auto", "arrow", "spark"]), default="auto", show_default=True,
              help="arrow = each task writes its part files with pyarrow (local, s3://, gs://, hdfs:// with libhdfs); "
                   "spark = Spark's writers (any Hadoop URL); auto = arrow when pyarrow can write OUTPUT")
@click.option("--store", "db", default=None, metavar="DB",
              help="then load the records into this store (SQLite file or postgresql:// URL; local OUTPUT only)")
@click.option("--conf", "confs", multiple=True, metavar="KEY=VALUE", help="extra Spark settings (repeatable)")
def batch(inputs: tuple[str, ...], output: str, master: str | None, partitions: int | None, formats: str,
          input_format: str, with_text: bool, overwrite: bool, writer: str, db: str | None,
          confs: tuple[str, ...]) -> None:
    """Analyse INPUTS on Spark and write OUTPUT/records.{parquet,jsonl} and OUTPUT/errors.{parquet,jsonl}.

    INPUTS are JSON Lines, text/HTML/WARC files or folders, or Parquet article tables: local paths or any Hadoop
    filesystem URL (hdfs://, s3a://). Records are the ones `marsad analyze` prints; articles that cannot be read or
    analysed go to the errors table with the reason and never fail the job.

    \b
    Examples:
      marsad batch corpus/ out/ --master local[2] --partitions 8
      marsad batch articles.parquet out/ --store marsad.db
      spark-submit --master yarn "$(python -c 'import marsad.batch.spark as m; print(m.__file__)')" \\
          hdfs:///news/2024/ hdfs:///marsad/2024/
    """
    from marsad.batch.spark import BatchError, run_batch, spark_session

    if master is None and "PYSPARK_GATEWAY_PORT" not in os.environ:  # not under spark-submit
        master = "local[*]"
    conf = {}
    for item in confs:
        key, sep, value = item.partition("=")
        if not sep:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--conf")
        conf[key.strip()] = value.strip()
    wanted = tuple(f.strip() for f in formats.split(",") if f.strip())
    try:
        spark = spark_session(master, conf=conf)
        summary = run_batch(spark, inputs, output, partitions=partitions, formats=wanted, with_text=with_text,
                            overwrite=overwrite, input_format=input_format, writer=writer)
    except BatchError as exc:
        click.echo(f"marsad: {exc}", err=True)
        sys.exit(2)
    click.echo(str(summary), err=True)
    if db:
        from marsad.batch.load import load_into_store

        report = load_into_store(output, db)
        click.echo(f"marsad: {db}: {report.summary()}", err=True)
