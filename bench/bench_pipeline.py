"""Throughput and peak memory of marsad's per-article path, on one core, on a generated corpus.

    python bench/bench_pipeline.py [--articles 2000] [--size 5000] [--seed 7] [--repeat 3]

The corpus is generated: sentences of the shipped seed articles shuffled into articles of about ``--size`` characters, so every
article is real Arabic news prose but no two are the same. Stages are timed cumulatively (text layer alone, + entities,
+ events), each over the whole corpus, after one warm-up article; the entity stage and the event stage are also timed alone,
on documents the stages before them prepared outside the timer. Prints one row per stage and the machine it ran on.

With ``--repeat N`` every stage is timed N times over the corpus and the row gives the best pass and the median: on a
shared or virtual machine other work only ever slows a pass down, so the best pass is the closest to the code's own cost
(the same reasoning as :mod:`timeit`'s), and the median says how far a typical pass is from it.
"""
from __future__ import annotations

import argparse
import platform
import random
import resource
import statistics
import sys
import time
from pathlib import Path

from marsad import __version__
from marsad.pipeline import Pipeline, add_dates, add_numbers, add_sentences, add_tokens
from marsad.text.document import Document
from marsad.text.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[1] / "src" / "marsad" / "samples" / "seeds"


def generate(n: int, size: int, seed: int) -> list[str]:
    """``n`` articles of about ``size`` characters made of shuffled seed sentences."""
    sentences = []
    for p in sorted(SEEDS.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        sentences += [text[s:e] for s, e in split_sentences(text)]
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts, length = [], 0
        while length < size:
            s = rng.choice(sentences)
            parts.append(s)
            length += len(s) + 1
        out.append("\n".join(parts))
    return out


def run(stage: str, pipeline: Pipeline, corpus: list[str]) -> dict:
    pipeline(Document("warm", corpus[0]))
    t0 = time.perf_counter()
    for i, text in enumerate(corpus):
        pipeline(Document(f"a{i}", text))
    return row(stage, corpus, time.perf_counter() - t0)


def row(stage: str, corpus: list[str], dt: float) -> dict:
    """One result row: ``corpus`` went through ``stage`` in ``dt`` seconds."""
    return {"stage": stage, "articles": len(corpus), "seconds": dt, "per_second": len(corpus) / dt,
            "ms_per_article": 1000 * dt / len(corpus), "kchars": sum(map(len, corpus)) / 1000}


def repeated(timings: list[dict]) -> dict:
    """The best of several passes of one stage, with the median pass's rate beside it."""
    best = min(timings, key=lambda r: r["seconds"])
    return {**best, "passes": len(timings), "median_per_second": statistics.median(r["per_second"] for r in timings)}


def run_alone(stage: str, before: list, components: list, corpus: list[str], batch: int = 20) -> dict:
    """Time ``components`` alone on documents already through ``before`` (prepared, untimed, ``batch`` at a time so
    that memory stays flat)."""
    prepare, timed = Pipeline(before), Pipeline(components)
    timed(prepare(Document("warm", corpus[0])))
    dt = 0.0
    for b in range(0, len(corpus), batch):
        docs = [prepare(Document(f"a{b + i}", text)) for i, text in enumerate(corpus[b:b + batch])]
        t0 = time.perf_counter()
        for d in docs:
            timed(d)
        dt += time.perf_counter() - t0
    return row(stage, corpus, dt)


def tag_every_sentence(doc: Document) -> Document:
    """For comparison only: the CRF tagger over every sentence (the pipeline runs it only where a cue asks for it)."""
    from marsad.entities.tagger import CrfTagger

    tagger = CrfTagger.default()
    for s in doc.sentences:
        rng = doc.char_span(s.start, s.end)
        if rng:
            tagger.tag([t.text for t in doc.tokens[rng[0]:rng[1]]])
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--size", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=1, help="passes per stage: the best and the median are printed")
    a = ap.parse_args()
    corpus = generate(a.articles, a.size, a.seed)
    print(f"marsad {__version__} | Python {platform.python_version()} | {platform.machine()} | "
          f"{platform.processor() or platform.platform()} | 1 process")
    print(f"corpus: {len(corpus)} generated articles, mean {sum(map(len, corpus)) / len(corpus):.0f} characters")
    text_layer = [add_sentences, add_tokens, add_numbers, add_dates]
    full = Pipeline.default().components
    entity_stage = full[: full.index(next(c for c in full if c.__name__ == "add_entities")) + 1]
    entities_only = entity_stage[-1:]
    passes = range(max(1, a.repeat))
    rows = [repeated([run("text layer", Pipeline(text_layer), corpus) for _ in passes]),
            repeated([run("text + entities", Pipeline(entity_stage), corpus) for _ in passes]),
            repeated([run_alone("entity stage alone", entity_stage[:-1], entities_only, corpus) for _ in passes]),
            repeated([run_alone("event stage alone", entity_stage, full[len(entity_stage):], corpus) for _ in passes]),
            repeated([run("full pipeline", Pipeline(full), corpus) for _ in passes]),
            # last: tagging every sentence fills the tagger's word-feature cache far beyond what the pipeline uses,
            # and the rows timed after it ran ~20 % slower in the bigger heap
            repeated([run_alone("entity stage + CRF on every sentence", entity_stage[:-1],
                                entities_only + [tag_every_sentence], corpus) for _ in passes])]
    label = f"best of {len(passes)}" if len(passes) > 1 else "articles/s"
    print(f"{'stage':<38}{label:>12}{'ms/article':>12}" + (f"{'median/s':>12}" if len(passes) > 1 else ""))
    for r in rows:
        print(f"{r['stage']:<38}{r['per_second']:>12.0f}{r['ms_per_article']:>12.2f}"
              + (f"{r['median_per_second']:>12.0f}" if len(passes) > 1 else ""))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS): {peak:.0f} MB")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
