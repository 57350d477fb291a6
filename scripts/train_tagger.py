"""Train the packaged CRF NER model (marsad/data/models/ner_crf.crfsuite) reproducibly.

    python scripts/train_tagger.py --anercorp PATH --aqmar DIR --out src/marsad/data/models/ner_crf.crfsuite

Data:
  * ANERcorp (CC BY-SA 4.0): "token TAG" per line, no sentence breaks. Prepared as in CAMeL Lab's
    release (Obeid et al. 2020): U+200F removed (tokens left empty are dropped), · and • become ".",
    a sentence ends after every run of one or more period tokens; sentences in file order, those
    holding the first 5/6 of the words are train, the rest test.
  * AQMAR (CC BY-SA 3.0): "token TAG" per line, blank line between sentences. Its article-specific
    MIS0..MIS3 classes (and stray MIS variants, B-ENGLISH, B-SPANISH) are handled by --aqmar-mis.

Trains on ANERcorp-train + AQMAR, evaluates on ANERcorp-test with an exact-span entity scorer, also
trains an ANERcorp-train-only model for comparison (unless --skip-baseline), prints the metrics and
writes them next to the model as ner_crf.metrics.json. L-BFGS training is deterministic: the same
data and parameters give the same model.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite


def _load_tagger_module():
    """Import src/marsad/entities/tagger.py by path: the features must be exactly the runtime ones,
    without importing the rest of marsad.entities (the pipeline) just to train."""
    src = Path(__file__).resolve().parents[1] / "src"
    sys.path.insert(0, str(src))
    spec = importlib.util.spec_from_file_location("marsad_ner_tagger", src / "marsad/entities/tagger.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_TAGGER = _load_tagger_module()
sentence_features = _TAGGER.sentence_features
spans_from_bio = _TAGGER.spans_from_bio

EXT = Path("/work/shared/data/ext")
TYPES = ("PER", "ORG", "LOC", "MISC")
PARAMS = {
    "c1": 0.05,  # L1: prunes most rare features, keeps the model small
    "c2": 0.01,
    "max_iterations": 300,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}

Sentence = tuple[list[str], list[str]]


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp as sentences, with CAMeL Lab's corrections."""
    sents: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line.strip():
            continue
        tok, tag = line.rsplit(" ", 1)
        tok = tok.replace("\u200f", "").replace("·", ".").replace("•", ".").strip()
        if not tok:
            continue
        tag = tag.replace("PERS", "PER")
        if words and _is_period(words[-1]) and not _is_period(tok):
            sents.append((words, tags))
            words, tags = [], []
        words.append(tok)
        tags.append(tag)
    if words:
        sents.append((words, tags))
    return sents


def _is_period(tok: str) -> bool:
    return bool(tok) and set(tok) == {"."}


def camel_split(sents: list[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """Sentences holding the first 5/6 of the words → train; the rest → test (file order)."""
    total = sum(len(w) for w, _ in sents)
    limit = total * 5 / 6
    seen = 0
    for i, (w, _) in enumerate(sents):
        if seen >= limit:
            return sents[:i], sents[i:]
        seen += len(w)
    return sents, []


def normalize_aqmar_tag(tag: str, mis: str) -> str | None:
    """Map an AQMAR tag to our label set; None marks a MIS-class token when mis == 'drop'."""
    if tag in ("IO", "OO", "O"):
        return "O"
    tag = tag.replace("--", "-")
    prefix, _, typ = tag.partition("-")
    if typ in ("PER", "LOC", "ORG"):
        return tag
    # MIS0..MIS3, MIS, MIS-1, MISS1, MIS1`, ENGLISH, SPANISH: article-specific miscellany
    if mis == "MISC":
        return f"{prefix}-MISC"
    if mis == "O":
        return "O"
    return None


def read_aqmar(directory: Path, mis: str) -> list[Sentence]:
    """All AQMAR articles (sorted by file name) as sentences."""
    sents: list[Sentence] = []
    for path in sorted(directory.glob("*.txt")):
        if path.name.startswith("LICENSE"):
            continue
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            words, tags, keep = [], [], True
            for line in block.split("\n"):
                if not line.strip():
                    continue
                tok, tag = line.rsplit(" ", 1)
                label = normalize_aqmar_tag(tag, mis)
                if label is None:
                    keep = False
                    break
                words.append(tok)
                tags.append(label)
            if words and keep:
                sents.append((words, tags))
    return sents


def evaluate(gold: list[list[str]], pred: list[list[str]]) -> dict[str, dict[str, float]]:
    """Entity-level precision/recall/F1 (exact span and type), per type and micro-averaged."""
    tp, n_gold, n_pred = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        gs, ps = set(spans_from_bio(g)), set(spans_from_bio(p))
        for s in gs:
            n_gold[s[2]] += 1
        for s in ps:
            n_pred[s[2]] += 1
            if s in gs:
                tp[s[2]] += 1
    out: dict[str, dict[str, float]] = {}
    for name, keys in [(t, (t,)) for t in TYPES] + [("micro", TYPES)]:
        t = sum(tp[k] for k in keys)
        ng = sum(n_gold[k] for k in keys)
        npr = sum(n_pred[k] for k in keys)
        p = t / npr if npr else 0.0
        r = t / ng if ng else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[name] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "support": ng}
    return out


def train(sents: list[Sentence], model_path: str) -> float:
    """Train a CRF on ``sents`` into ``model_path``; returns seconds spent."""
    start = time.perf_counter()
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for words, tags in sents:
        trainer.append(sentence_features(words), tags)
    trainer.set_params(PARAMS)
    trainer.train(model_path)
    return time.perf_counter() - start


def predict(model_path: str, sents: list[Sentence]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    return [tagger.tag(sentence_features(w)) for w, _ in sents]


def print_table(title: str, metrics: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"{'type':6} {'P':>7} {'R':>7} {'F1':>7} {'gold':>6}")
    for name, m in metrics.items():
        print(f"{name:6} {m['precision']:7.4f} {m['recall']:7.4f} {m['f1']:7.4f} {m['support']:6d}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--anercorp", type=Path, default=EXT / "anercorp" / "ANERCorp.txt")
    ap.add_argument("--aqmar", type=Path, default=EXT / "aqmar")
    ap.add_argument("--out", type=Path, default=Path("src/marsad/data/models/ner_crf.crfsuite"))
    ap.add_argument("--aqmar-mis", choices=("O", "MISC", "drop"), default="drop",
                    help="what to do with AQMAR sentences holding its article-specific MIS classes (default: drop them)")
    ap.add_argument("--dev", action="store_true",
                    help="model selection: hold out the last 10%% of ANERcorp-train as dev and score on it "
                         "(the test split is not touched); writes nothing next to --out")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 weight")
    ap.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 weight")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--skip-baseline", action="store_true", help="do not train the ANERcorp-only model")
    args = ap.parse_args(argv)
    PARAMS.update({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations})

    aner = read_anercorp(args.anercorp)
    aner_train, aner_test = camel_split(aner)
    if args.dev:
        cut = len(aner_train) * 9 // 10
        aner_train, aner_test = aner_train[:cut], aner_train[cut:]
    aqmar = read_aqmar(args.aqmar, args.aqmar_mis)
    split = {
        "procedure": "ANERcorp: remove U+200F (drop tokens left empty), map · and • to '.', sentence boundary "
                     "after each run of period tokens; sentences in file order; sentences holding the first 5/6 "
                     "of the words = train, the rest = test (CAMeL Lab split, Obeid et al. 2020)",
        "anercorp_sentences": len(aner),
        "anercorp_words": sum(len(w) for w, _ in aner),
        "train_sentences": len(aner_train),
        "train_words": sum(len(w) for w, _ in aner_train),
        "test_sentences": len(aner_test),
        "test_words": sum(len(w) for w, _ in aner_test),
        "test_first_words": " ".join(aner_test[0][0][:8]) if aner_test else "",
        "aqmar_sentences": len(aqmar),
        "aqmar_words": sum(len(w) for w, _ in aqmar),
        "aqmar_mis": args.aqmar_mis,
        "evaluated_on": "dev (last 10% of ANERcorp-train)" if args.dev else "ANERcorp test",
    }
    print(json.dumps(split, ensure_ascii=False, indent=1))
    gold = [t for _, t in aner_test]

    with tempfile.TemporaryDirectory() as tmp:
        out_path = os.path.join(tmp, "model.crfsuite") if args.dev else str(args.out)
        secs = train(aner_train + aqmar, out_path)
        full = evaluate(gold, predict(out_path, aner_test))
        size = os.path.getsize(out_path)
        print_table(f"ANERcorp-train + AQMAR → {split['evaluated_on']}  (train {secs:.0f} s, model {size/1e6:.2f} MB)",
                    full)
        baseline = None
        if not args.skip_baseline:
            base_path = os.path.join(tmp, "base.crfsuite")
            base_secs = train(aner_train, base_path)
            baseline = evaluate(gold, predict(base_path, aner_test))
            print_table(f"ANERcorp-train only → {split['evaluated_on']}  (train {base_secs:.0f} s)", baseline)

    if not args.dev:
        metrics = {
            "model": args.out.name,
            "library": "python-crfsuite 0.9.12 (L-BFGS)",
            "params": PARAMS,
            "split": split,
            "scorer": "entity level, exact span and type; BIO decoded with CoNLL convention (stray I- starts an entity)",
            "train_anercorp_aqmar": full,
            "train_anercorp_only": baseline,
            "training_seconds": round(secs, 1),
            "model_bytes": size,
        }
        metrics_path = args.out.with_name(args.out.stem + ".metrics.json")
        metrics_path.write_text(json.dumps(metrics, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"\nwrote {args.out} and {metrics_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
