"""Benchmark the knowledge store: ingest throughput and search latency on a generated corpus.

The corpus is made of ANALYSED records, not re-analysed text: the seed articles are analysed once, cut into
sentences with the entities, events, facts and quotes they carry, and each generated article is a random draw of
sentences (offsets shifted) plus a lead naming a random place or person of the lexicon (rare words). Each article
is stored with its text, so search indexes real Arabic.

    .venv/bin/python bench/bench_store.py                       # 100,000 articles, SQLite (+ PostgreSQL if a URL)
    .venv/bin/python bench/bench_store.py --articles 2000 --pg postgresql://marsad:marsad@127.0.0.1:5432/marsad_test

PostgreSQL runs when --pg or MARSAD_BENCH_PG_URL / MARSAD_TEST_PG_URL is set (its tables are dropped first).
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "src" / "marsad" / "samples" / "seeds"
QUERIES = {
    "common word": ["روسيا", "القوات", "الجيش"],
    "phrase": ["منظمة معاهدة الامن الجماعي", "وزير الدفاع"],
    "diacritics/clitics": ["مُنَظَّمَة", "وبالقوات"],
    "English name": ["CSTO", "Belarus", "Liwa al-Quds"],
    "rare word": [],  # filled with lexicon names that appear in few articles
    "no hit": ["غواصةنووية", "zzzz"],
}


def seed_sentences() -> list[dict]:
    """Every sentence of the analysed seeds with the analysis items inside it (offsets relative to the sentence)."""
    from marsad.pipeline import Pipeline
    from marsad.records import to_record

    pipe, pool = Pipeline.default(), []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        rec = to_record(pipe.analyze_text(text, doc=path.name), text_layer=True)
        for s in rec["sentences"]:
            a, b = s["start"], s["end"]
            inside = lambda span: span and a <= span["start"] and span["end"] <= b
            ents = []
            for e in rec["entities"]:
                ms = [{**m, "start": m["start"] - a, "end": m["end"] - a} for m in e["mentions"] if inside(m)]
                if ms:
                    ents.append({**e, "mentions": ms})
            shift = lambda item: {**item, "evidence": {"start": item["evidence"]["start"] - a,
                                                       "end": item["evidence"]["end"] - a}}
            pool.append({"text": text[a:b], "entities": ents,
                         "events": [shift(x) for x in rec["events"] if inside(x["evidence"])],
                         "facts": [shift(x) for x in rec["facts"] if inside(x["evidence"])],
                         "quotes": [shift(x) for x in rec["quotes"] if inside(x["evidence"])]})
    return pool


def rare_names(k: int = 400) -> list[tuple[str, dict]]:
    """Lexicon places and people (one Arabic form each) to name in generated leads."""
    from marsad.lexicon.load import default_lexicon

    out = []
    for e in default_lexicon().entries.values():
        if e.type in ("PLACE", "PERSON") and e.forms:
            out.append((e.forms[0], {"id": e.id, "name": e.name, "type": e.type, "wikidata": e.wikidata}))
    random.Random(7).shuffle(out)
    return out[:k]


def generate(n: int, pool: list[dict], names: list[tuple[str, dict]], seed: int = 1) -> Iterator[tuple]:
    """``n`` synthetic analysed articles ``(record, text, meta)``, the same for the same seed."""
    rng = random.Random(seed)
    for i in range(n):
        form, ent = names[rng.randrange(len(names))]
        lead = f"وأفاد مراسلنا في {form} بأن التطورات الأخيرة رقم {i} تثير القلق."
        parts, entities, events, facts, quotes = [lead], {}, [], [], []
        at = len(lead) + 1
        lead_start = lead.index(form)
        entities[ent["id"]] = {**ent, "mentions": [{"start": lead_start, "end": lead_start + len(form),
                                                     "rule": "lexicon:form"}]}
        for s in rng.sample(pool, 8):
            move = lambda sp: {**sp, "start": sp["start"] + at, "end": sp["end"] + at}
            for e in s["entities"]:
                have = entities.setdefault(e["id"], {**e, "mentions": []})
                have["mentions"] = have["mentions"] + [move(m) for m in e["mentions"]]
            events += [{**x, "evidence": move(x["evidence"])} for x in s["events"]]
            facts += [{**x, "evidence": move(x["evidence"])} for x in s["facts"]]
            quotes += [{**x, "evidence": move(x["evidence"])} for x in s["quotes"]]
            parts.append(s["text"])
            at += len(s["text"]) + 1
        text = "\n".join(parts)
        published = f"{2020 + rng.randrange(5)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        record = {"doc": f"synth_{i:06d}.txt", "meta": {"title": parts[1][:80], "published": published,
                                                          "outlet": "Synthetic"},
                  "entities": list(entities.values()), "events": events, "facts": facts, "quotes": quotes}
        yield record, text, {}


def load(db: str, n: int, pool, names, commit_every: int) -> tuple[float, dict]:
    from marsad.store import Store

    with Store(db) as store:
        t0 = time.perf_counter()
        report = store.add_records(generate(n, pool, names), commit_every=commit_every)
        store.optimize()
        elapsed = time.perf_counter() - t0
        assert report.added == n, report.summary()
        return n / elapsed, store.stats()


def latency(db: str, queries: dict[str, list[str]], repeat: int) -> dict[str, tuple[float, float, float]]:
    """Per query kind and overall: (median ms, p95 ms, mean hits)."""
    from marsad.store import Store

    out, every = {}, []
    with Store(db) as store:
        for q in [q for qs in queries.values() for q in qs]:  # warm up
            store.search(q)
        for kind, qs in queries.items():
            times, hits = [], []
            for _ in range(repeat):
                for q in qs:
                    t0 = time.perf_counter()
                    hits.append(len(store.search(q, limit=20)))
                    times.append((time.perf_counter() - t0) * 1000)
            every += times
            out[kind] = (statistics.median(times), percentile(times, 95), statistics.mean(hits))
    out["all queries"] = (statistics.median(every), percentile(every, 95), float("nan"))
    return out


def percentile(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def reset_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import sqlite3

    return (f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
            f"{platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--db", help="SQLite file to create (default: a temporary file)")
    ap.add_argument("--pg", default=os.environ.get("MARSAD_BENCH_PG_URL") or os.environ.get("MARSAD_TEST_PG_URL"))
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--commit-every", type=int, default=500, help="articles per commit (each still its own savepoint)")
    ap.add_argument("--repeat", type=int, default=20, help="runs of each query")
    a = ap.parse_args(argv)

    pool, names = seed_sentences(), rare_names()
    queries = dict(QUERIES, **{"rare word": [f for f, _ in names[:3]]})
    tmp = tempfile.TemporaryDirectory()
    targets = [("SQLite", a.db or str(Path(tmp.name) / "bench.db"))]
    if a.pg and not a.no_pg:
        reset_pg(a.pg)
        targets.append(("PostgreSQL", a.pg))
    print(f"machine: {machine()}")
    print(f"corpus: {a.articles} generated articles ({len(pool)} seed sentences, 8 per article + a lead), "
          f"commit every {a.commit_every}")
    rows = []
    for label, db in targets:
        rate, stats = load(db, a.articles, pool, names, a.commit_every)
        lat = latency(db, queries, a.repeat)
        print(f"{label}: {rate:,.0f} articles/s; rows {stats}", flush=True)
        for kind, (med, p95, hits) in lat.items():
            rows.append((label, kind, med, p95, hits))
        rows.append((label, "ingest (articles/s)", rate, None, None))
    print("\n| back end | measure | median ms | p95 ms | mean hits (limit 20) |\n|---|---|---|---|---|")
    for label, kind, med, p95, hits in rows:
        if p95 is None:
            print(f"| {label} | ingest | {med:,.0f} articles/s | | |")
        else:
            h = "" if hits != hits else f"{hits:.1f}"
            print(f"| {label} | search: {kind} | {med:.2f} | {p95:.2f} | {h} |")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
