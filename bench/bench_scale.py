"""Scale benchmarks for marsad: throughput per execution path, cost against article length and lexicon size, the entity
stage against a spaCy peer and a plain-dictionary floor, and peak memory. Every run prints its machine and versions.

    python bench/bench_scale.py [--articles 100000] [--single-articles N] [--pool-articles N] [--spark-articles N]
                                [--skip-spark] [--seed 7]

Throughput paths (each reads the article as ``marsad analyze`` reads a JSON Lines record and ``marsad batch`` a Parquet
row, with page-chrome detection and metadata; analyses it; builds the record; writes it):
  1. single process (``marsad analyze``'s loop, JSON Lines to a file as ``marsad analyze -o`` does), in two halves run
     first and last, so that the machine's drift during the run weighs on it as on the other paths;
  2. a process pool over the cores: ``marsad analyze --workers N``'s :func:`marsad.parallel.analyze_records` (one
     pipeline per worker, records returned to the parent in input order and serialised there; JSON Lines);
  3. Spark ``local[2]`` through ``marsad batch`` (Parquet input in 8 size-based splits; a warm-up run on other
     articles before the clock starts), twice in one session in a child process: ``--format jsonl``, the same output
     as paths 1 and 2 (Spark's own overhead, like for like), then the default Parquet with nested columns + JSON Lines
     (what that output costs on top).
Each path's overhead is its rate divided by (cores used × the single-process rate); each row also gives the CPU time
per article of the whole process tree (Spark: and the JVM's share), steadier than wall time on a shared machine.
``--articles`` is the default N for every path; the per-path options override it (one process reads, analyses and
writes ~160 articles/s, so 100,000 articles take ~10 min per core). The corpus is generated (see
``bench_pipeline.generate``).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_pipeline import SEEDS, generate  # noqa: E402
from scale_entities import compare_entity_systems, lexicon_scaling  # noqa: E402
from scale_memory import PeakMemory, tree_cpu_seconds  # noqa: E402

from marsad import __version__  # noqa: E402
from marsad.ingest import Article  # noqa: E402
from marsad.ingest.readers import record_to_result  # noqa: E402
from marsad.parallel import analyze_records  # noqa: E402
from marsad.pipeline import Pipeline  # noqa: E402

SPARK_MASTER = "local[2]"


def versions() -> str:
    parts = [f"marsad {__version__}", f"Python {platform.python_version()}"]
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("pyspark", "pyarrow", "pandas", "spacy", "pyahocorasick"):
        try:
            parts.append(f"{dist} {version(dist)}")
        except PackageNotFoundError:
            parts.append(f"{dist} missing")
    parts.append(os.popen("java -version 2>&1").read().splitlines()[0] if os.popen("which java").read() else "no java")
    return " | ".join(parts)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{platform.system()} {platform.release()} | {cpu} | {os.cpu_count()} cores | {mem:.0f} GB RAM"


# --- throughput -----------------------------------------------------------------------------------------------------
def _articles(texts: list[str]) -> Iterator[Article]:
    """The generated articles read as JSON Lines records (``{"id", "text"}``), as ``marsad batch`` reads Parquet rows."""
    for i, text in enumerate(texts):
        item = record_to_result({"id": f"gen-{i}", "text": text}, f"gen-{i}", f"generated:{i + 1}")
        assert isinstance(item, Article), item
        yield item


def _cpu_since(before: dict[str, float]) -> dict[str, float]:
    """CPU seconds the process tree used since ``before`` (:func:`tree_cpu_seconds`), by program, plus ``total``."""
    now = tree_cpu_seconds()
    used = {name: now[name] - before.get(name, 0.0) for name in now}
    return {**used, "total": sum(used.values())}


def _write_jsonl(records: Iterable) -> int:
    """Write the records as ``marsad analyze -o FILE`` does (one JSON object per line, UTF-8); the bytes written."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        out.flush()
        return os.fstat(out.fileno()).st_size


def run_single(texts: list[str]) -> dict:
    with PeakMemory() as mem:
        _write_jsonl(analyze_records(_articles(texts[:1])))  # loads the pipeline
        t0, cpu = time.perf_counter(), tree_cpu_seconds()
        size = _write_jsonl(analyze_records(_articles(texts), workers=1))
        dt, cpu = time.perf_counter() - t0, _cpu_since(cpu)
    return {"load": os.getloadavg()[0], "path": "single process", "articles": len(texts), "cores": 1, "seconds": dt, "peak_mb": mem.peak_mb,
            "bytes": size, "cpu_s": cpu["total"]}


def combine_halves(halves: list[dict]) -> dict:
    """One single-process row from the runs of its halves (counts, seconds and CPU summed; the higher peak and load)."""
    rates = " and ".join(f"{h['articles'] / h['seconds']:.1f}" for h in halves)
    summed = {k: sum(h[k] for h in halves) for k in ("articles", "seconds", "cpu_s", "bytes")}
    highest = {k: max(h[k] for h in halves) for k in ("peak_mb", "load")}
    return {**halves[0], **summed, **highest, "note": f"two halves, first and last; {rates} articles/s"}


def run_pool(texts: list[str], workers: int) -> dict:
    with PeakMemory() as mem:
        t0, cpu = time.perf_counter(), tree_cpu_seconds()
        size = _write_jsonl(analyze_records(_articles(texts), workers=workers))
        dt, cpu = time.perf_counter() - t0, _cpu_since(cpu)
    return {"load": os.getloadavg()[0], "path": f"marsad analyze --workers {workers}", "articles": len(texts), "cores": workers, "seconds": dt,
            "peak_mb": mem.peak_mb, "bytes": size, "cpu_s": cpu["total"],
            "note": "includes starting the worker processes; reading in the parent"}


def write_parquet_corpus(path: Path, n: int, size: int, seed: int, chunk: int = 5000) -> None:
    """The generated corpus as a Parquet article table (``id``, ``text``), written in chunks."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("id", pa.string()), ("text", pa.string())])
    with pq.ParquetWriter(path, schema) as writer:
        for start in range(0, n, chunk):
            texts = generate(min(chunk, n - start), size, seed + start)
            writer.write_table(pa.table({"id": [f"gen-{start + i}" for i in range(len(texts))], "text": texts},
                                        schema=schema), row_group_size=1000)


def run_spark(n: int, size: int, seed: int, tasks: int, outputs: list[list[str]]) -> list[dict]:
    """``marsad batch`` on a Parquet corpus of ``n`` articles, once per output format list in ``outputs``, in a child
    process: its JVM and Python workers end with it, so neither their memory nor their CPU stays in the figures
    measured after it."""
    with tempfile.TemporaryDirectory() as tmp:
        result = Path(tmp) / "spark.json"
        params = {"n": n, "size": size, "seed": seed, "tasks": tasks, "outputs": outputs, "result": str(result)}
        subprocess.run([sys.executable, __file__, "--spark-child", json.dumps(params)], check=True)
        return json.loads(result.read_text())


def _spark_child(params: dict) -> None:
    """The Spark runs of :func:`run_spark` (in the child process): the corpus is written as a Parquet article table
    read in ``tasks`` size-based splits (no shuffle); a warm-up run on 1,000 other articles first starts the Python
    workers, loads their pipelines and lets the JVM compile its hot paths, as the single path analyses one article
    before its clock starts (not timed). Each output then gets one timed run in the same session."""
    from marsad.batch.spark import run_batch, spark_session

    n, size, seed, tasks = params["n"], params["size"], params["seed"], params["tasks"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus, warm = Path(tmp) / "corpus.parquet", Path(tmp) / "warm.parquet"
        write_parquet_corpus(corpus, n, size, seed)
        write_parquet_corpus(warm, 1000, size, seed + n)
        split = max(4 << 20, corpus.stat().st_size // tasks + 1)
        t0 = time.perf_counter()
        spark = spark_session(SPARK_MASTER, conf={"spark.ui.enabled": "false", "spark.driver.memory": "4g",
                                                  "spark.sql.files.maxPartitionBytes": str(split)})
        run_batch(spark, [str(warm)], str(Path(tmp) / "warm-out"))
        start = time.perf_counter() - t0
        for i, formats in enumerate(params["outputs"]):
            out = Path(tmp) / f"out-{i}"
            with PeakMemory() as mem:
                cpu = tree_cpu_seconds()
                summary = run_batch(spark, [str(corpus)], str(out), formats=formats)
                cpu = _cpu_since(cpu)
            out_mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 2**20
            shutil.rmtree(out)
            what = " + ".join({"parquet": "Parquet", "jsonl": "JSON Lines"}[f] for f in formats)
            rows.append({"load": os.getloadavg()[0], "path": f"Spark {SPARK_MASTER}, {what}", "articles": summary.records,
                         "cores": 2, "seconds": summary.seconds, "peak_mb": mem.peak_mb, "errors": summary.errors,
                         "cpu_s": cpu["total"],
                         "note": f"marsad batch --format {','.join(formats)}; session start and warm-up run "
                                 f"{start:.1f} s not included; {tasks} input splits; wrote {out_mb:.0f} MB; JVM CPU "
                                 f"{1000 * cpu.get('java', 0.0) / max(summary.records, 1):.2f} s per 1,000 articles"})
        spark.stop()
    Path(params["result"]).write_text(json.dumps(rows))


def print_throughput(rows: list[dict]) -> None:
    base = rows[0]["articles"] / rows[0]["seconds"]
    print("\n## Throughput (5 KB generated articles; reading + full pipeline + record + JSON)")
    print(f"{'path':<34}{'N':>9}{'cores':>6}{'seconds':>10}{'art/s':>9}{'vs single':>11}{'per-core eff.':>15}"
          f"{'CPU ms/art':>11}{'peak MB':>9}")
    for r in rows:
        rate = r["articles"] / r["seconds"]
        print(f"{r['path']:<34}{r['articles']:>9}{r['cores']:>6}{r['seconds']:>10.1f}{rate:>9.1f}{rate / base:>10.2f}x"
              f"{rate / (base * r['cores']):>14.0%}{1000 * r['cpu_s'] / r['articles']:>11.2f}{r['peak_mb']:>9.0f}"
              + (f"   ({r['note']})" if r.get("note") else "")
              + f"   [load {r.get('load', 0):.1f}]")


# --- article length ---------------------------------------------------------------------------------------------------
def length_scaling(sizes: list[int], budget_chars: int, seed: int) -> list[dict]:
    pipe = Pipeline.default()
    rows = []
    for size in sizes:
        texts = generate(max(3, budget_chars // size), size, seed + size)
        pipe.analyze_text(texts[0])
        t0 = time.perf_counter()
        for t in texts:
            pipe.analyze_text(t)
        dt = time.perf_counter() - t0
        chars = sum(map(len, texts))
        rows.append({"size": size, "articles": len(texts), "ms_per_article": 1000 * dt / len(texts),
                     "us_per_kchar": 1e6 * dt / (chars / 1000)})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000, help="default N for every throughput path")
    ap.add_argument("--single-articles", type=int)
    ap.add_argument("--pool-articles", type=int)
    ap.add_argument("--spark-articles", type=int)
    ap.add_argument("--tasks", type=int, default=8, help="Spark input splits (by size, without a shuffle)")
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-spark", action="store_true")
    ap.add_argument("--entity-articles", type=int, default=300, help="corpus for the lexicon and peer comparisons")
    ap.add_argument("--spark-child", help=argparse.SUPPRESS)  # run_spark's child process (JSON parameters)
    a = ap.parse_args()
    if a.spark_child:
        _spark_child(json.loads(a.spark_child))
        return
    t_all = time.perf_counter()
    print(f"machine: {machine()}\nversions: {versions()}\nload average at start: {os.getloadavg()[0]:.1f} "
          "(other work on the machine shares the cores: rates are only comparable within a quiet run)")
    cores = os.cpu_count() or 1

    # The single path runs in two halves, before and after the other paths, so that the machine's drift over the
    # run (this VM's speed moves by ±20 % within minutes) weighs on it as on them; its rate is over both halves.
    n_single = a.single_articles or a.articles
    halves = [run_single(generate(n_single // 2, a.size, a.seed))]  # the first articles of generate(n_single)
    n_pool = a.pool_articles or a.articles
    others = [run_pool(generate(n_pool, a.size, a.seed), cores)]
    if not a.skip_spark:
        # Spark writes JSON Lines as the single and pool paths do (its overhead like for like), then its default
        # output, Parquet with the nested columns and JSON Lines (the cost of that output on top)
        others += run_spark(a.spark_articles or a.articles, a.size, a.seed, a.tasks, [["jsonl"], ["parquet", "jsonl"]])
    halves.append(run_single(generate(n_single, a.size, a.seed)[n_single // 2:]))  # generated again: not held meanwhile
    rows = [combine_halves(halves), *others]
    print_throughput(rows)
    sys.stdout.flush()

    print("\n## Article length (full pipeline, one core; ~1.5 M characters per size)")
    print(f"{'chars':>8}{'N':>6}{'ms/article':>12}{'µs/1k chars':>13}")
    for r in length_scaling([1000, 5000, 20000, 100000], 1_500_000, a.seed):
        print(f"{r['size']:>8}{r['articles']:>6}{r['ms_per_article']:>12.2f}{r['us_per_kchar']:>13.0f}")
    sys.stdout.flush()

    texts = generate(a.entity_articles, a.size, a.seed + 1)
    print(f"\n## Lexicon size (entity stage: Matcher(load_lexicon(folder)) + build_entities on {len(texts)} prepared "
          f"5 KB articles; one core)")
    print(f"{'entries':>8}{'keys':>9}{'build s':>9}{'ms/article':>12}{'entities':>10}{'peak MB':>9}")
    for r in lexicon_scaling([1000, 2143, 10_000, 30_000, 100_000], texts):
        print(f"{r['entries']:>8}{r['keys']:>9}{r['build_s']:>9.2f}{r['ms_per_article']:>12.2f}{r['entities']:>10}"
              f"{r['peak_mb']:>9.0f}")
    sys.stdout.flush()

    seeds = {p.name: p.read_text(encoding="utf-8").lstrip("\ufeff") for p in sorted(SEEDS.glob("*.txt"))}
    print(f"\n## Entity stage vs peer and floor (speed on {len(texts)} raw 5 KB articles incl. tokenisation; quality on "
          f"the 5 seeds via score.py: P R F1)")
    print(f"{'system':<34}{'build s':>8}{'art/s':>9}{'peak MB':>9}   {'entities':<28}{'mentions':<28}")
    for r in compare_entity_systems(texts, seeds):
        print(f"{r['system']:<34}{r['build_s']:>8.2f}{r['per_second']:>9.1f}{r['peak_mb']:>9.0f}   "
              f"{r['entities']:<28}{r['mentions']:<28}")
    print(f"\ntotal bench time: {time.perf_counter() - t_all:.0f} s")


if __name__ == "__main__":
    main()
