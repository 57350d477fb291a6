"""The entity stage measured two ways for ``bench_scale.py``: against lexicon size (1k … 100k entries, bigger lexicons made
by adding generated entries to a copy of the packaged one) and side by side with what a user would otherwise build:

* **spaCy** ``spacy.blank("ar")`` + an ``entity_ruler`` loaded with the same lexicon forms (a peer);
* **floor**: Aho-Corasick over the raw surface forms with word boundaries, no normalisation and no clitic handling.

Quality is scored with ``/work/shared/eval/score.py`` on the seed articles (entities and mentions lines; the records carry
only entities, so the other layers score zero and are not reported).
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import ahocorasick

from marsad.entities.link import build_entities
from marsad.entities.matcher import Matcher
from marsad.lexicon.load import Lexicon, load_lexicon
from marsad.pipeline import Pipeline, add_dates, add_numbers, add_sentences, add_tokens
from marsad.resources import data_file
from marsad.text.document import Document

from scale_memory import PeakMemory

SCORE = Path("/work/shared/eval/score.py")
GOLD = Path("/work/shared/eval/gold/dev")
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
TEXT_LAYER = [add_sentences, add_tokens, add_numbers, add_dates]


def lexicon_lines() -> list[str]:
    """The packaged lexicon's lines (file order)."""
    folder = data_file("lexicon")
    return [line for p in sorted(folder.iterdir(), key=lambda p: p.name) if p.name.endswith(".jsonl")
            for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def _generated_entry(i: int, rng: random.Random) -> dict:
    words = rng.choices([1, 2, 3], weights=[3, 5, 2])[0]
    forms = [" ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(5, 8))) for _ in range(words))
             for _ in range(rng.randint(1, 3))]
    kind = rng.choice(["PERSON", "ORG", "PLACE"])
    return {"id": f"generated-{i}", "name": f"Generated {i}", "type": kind, "wikidata": None, "aliases": [],
            "forms": sorted(set(forms)), "demonyms": [], "short": [], "offices": [], "source": "generated"}


def lexicon_folder(size: int, root: Path, seed: int = 11) -> Path:
    """A lexicon folder of ``size`` entries: the first ``size`` packaged entries, or all of them plus generated ones."""
    lines = lexicon_lines()
    folder = root / f"lexicon-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "packaged.jsonl").write_text("\n".join(lines[:size]) + "\n", encoding="utf-8")
    if size > len(lines):
        rng = random.Random(seed)
        with (folder / "generated.jsonl").open("w", encoding="utf-8") as fh:
            for i in range(size - len(lines)):
                fh.write(json.dumps(_generated_entry(i, rng), ensure_ascii=False) + "\n")
    return folder


def prepared(texts: list[str]) -> list[Document]:
    """Documents with the text layer the entity stage reads (sentences, tokens, numbers, dates)."""
    layer = Pipeline(TEXT_LAYER)
    return [layer(Document(f"a{i}", t)) for i, t in enumerate(texts)]


def lexicon_scaling(sizes: list[int], texts: list[str]) -> list[dict]:
    """Build time and entity-stage cost (``build_entities`` on prepared documents) per lexicon size."""
    rows = []
    docs = prepared(texts)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = lexicon_folder(size, Path(tmp))
            with PeakMemory() as mem:
                t0 = time.perf_counter()
                lex = load_lexicon(folder)
                matcher = Matcher(lex)
                build = time.perf_counter() - t0
                build_entities(docs[0], matcher)
                t0 = time.perf_counter()
                found = sum(len(build_entities(d, matcher)) for d in docs)
                dt = time.perf_counter() - t0
            rows.append({"entries": len(lex.entries), "keys": len(lex.keys), "build_s": build,
                         "ms_per_article": 1000 * dt / len(docs), "entities": found, "peak_mb": mem.peak_mb})
            del lex, matcher
    return rows


# --- the three systems: text -> [(start, end, entity id)] --------------------------------------------------------------
def surface_forms(lex: Lexicon) -> dict[str, str]:
    """Every Arabic surface form of the lexicon (forms, short forms, demonyms with and without ال) → entity id."""
    out: dict[str, str] = {}
    for e in lex.entries.values():
        for f in e.forms + e.short + e.demonyms + ["ال" + d for d in e.demonyms]:
            out.setdefault(f, e.id)
    return out


class Floor:
    """Plain dictionary matching: raw forms, Aho-Corasick, word boundaries, longest first; no folding, no clitics."""

    def __init__(self, lex: Lexicon):
        self.auto = ahocorasick.Automaton()
        for form, eid in surface_forms(lex).items():
            self.auto.add_word(form, (len(form), eid))
        self.auto.make_automaton()

    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        cands = []
        for end, (n, eid) in self.auto.iter(text):
            s, e = end - n + 1, end + 1
            if (s == 0 or not text[s - 1].isalnum()) and (e == len(text) or not text[e].isalnum()):
                cands.append((s, e, eid))
        taken: list[tuple[int, int, str]] = []
        for s, e, eid in sorted(cands, key=lambda c: (c[0] - c[1], c[0])):
            if all(e <= a or s >= b for a, b, _ in taken):
                taken.append((s, e, eid))
        return sorted(taken)


class SpacyRuler:
    """spaCy's blank Arabic pipeline with an EntityRuler holding the same surface forms (label = type, id = entity id)."""

    def __init__(self, lex: Lexicon):
        import spacy

        self.nlp = spacy.blank("ar")
        ruler = self.nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": lex.entries[eid].type, "pattern": form, "id": eid}
                            for form, eid in surface_forms(lex).items()])

    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        return [(e.start_char, e.end_char, e.ent_id_) for e in self.nlp(text).ents]

    def many(self, texts: list[str]) -> int:
        return sum(len(d.ents) for d in self.nlp.pipe(texts, batch_size=64))


def marsad_entities(text: str, doc: str = "a") -> Document:
    """marsad's entity stage from raw text: sentences + tokens + numbers + dates + entities."""
    d = Pipeline(TEXT_LAYER)(Document(doc, text))
    d.entities = build_entities(d)
    return d


def _record(doc: str, spans: list[tuple[int, int, str]], lex: Lexicon) -> dict:
    ents: dict[str, dict] = {}
    for s, e, eid in spans:
        entry = lex.entries[eid]
        ent = ents.setdefault(eid, {"id": eid, "name": entry.name, "type": entry.type, "wikidata": entry.wikidata,
                                    "mentions": []})
        ent["mentions"].append({"start": s, "end": e})
    return {"doc": doc, "meta": {"title": None, "published": None, "outlet": None}, "entities": list(ents.values()),
            "events": [], "facts": [], "quotes": []}


def score(records: list[dict]) -> dict[str, str]:
    """score.py's entities and mentions lines for entity-only records of the seeds."""
    if not SCORE.exists():
        return {"entities": "score.py not found", "mentions": ""}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    out = subprocess.run([sys.executable, str(SCORE), "--gold", str(GOLD), "--system", fh.name],
                         capture_output=True, text=True).stdout
    Path(fh.name).unlink()
    lines = {ln.split()[0]: ln for ln in out.splitlines() if ln.strip()}
    return {k: " ".join(lines.get(k, "-").split()[1:4]) for k in ("entities", "mentions")}


def compare_entity_systems(texts: list[str], seeds: dict[str, str]) -> list[dict]:
    """Speed (articles/s on ``texts``), build time, peak memory and seed quality of marsad, spaCy and the floor."""
    from marsad.lexicon.load import default_lexicon
    from marsad.records import to_record

    lex = default_lexicon()
    rows = []
    systems: list[tuple[str, Callable[[], object]]] = [("marsad entity stage", lambda: None),
                                                        ("spaCy blank ar + EntityRuler", lambda: SpacyRuler(lex)),
                                                        ("floor: Aho-Corasick, raw forms", lambda: Floor(lex))]
    for name, make in systems:
        with PeakMemory() as mem:
            t0 = time.perf_counter()
            system = make()
            build = time.perf_counter() - t0
            if system is None:
                marsad_entities(texts[0])
                t0 = time.perf_counter()
                for i, t in enumerate(texts):
                    marsad_entities(t, f"a{i}")
                dt = time.perf_counter() - t0
                recs = []
                for doc, text in seeds.items():
                    r = to_record(marsad_entities(text, doc))
                    recs.append({**r, "events": [], "facts": [], "quotes": []})
            else:
                system(texts[0])
                t0 = time.perf_counter()
                if isinstance(system, SpacyRuler):
                    system.many(texts)
                else:
                    for t in texts:
                        system(t)
                dt = time.perf_counter() - t0
                recs = [_record(doc, system(text), lex) for doc, text in seeds.items()]
        rows.append({"system": name, "build_s": build, "per_second": len(texts) / dt, "peak_mb": mem.peak_mb,
                     **score(recs)})
    return rows

