"""An analysed article is freed by reference counting alone: the per-article path builds no reference cycles, so a
long run does not wait on the garbage collector to reclaim each article (compiled closures once made such cycles)."""
import gc

from marsad.pipeline import Pipeline
from marsad.records import to_record
from tests.conftest import seed_paths


def test_an_analysed_article_leaves_no_cyclic_garbage():
    pipe = Pipeline.default()
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]
    for i, text in enumerate(texts):  # first use of every lazily loaded table
        pipe.analyze_text(text, doc=f"warm{i}", meta={"published": "2022-01-10"})
    was_enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        for i, text in enumerate(texts):
            doc = pipe.analyze_text(text, doc=f"a{i}", meta={"published": "2022-01-10"})
            assert doc.entities and to_record(doc)["events"]
            del doc
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_analysing_articles_again_keeps_no_objects():
    """Reading the same articles a second and third time allocates nothing that outlives them: every per-article
    object is freed (a compiled dict subclass once kept each article's surname index alive through its ``__dict__``)."""
    pipe = Pipeline.default()
    texts = [p.read_text(encoding="utf-8") for p in seed_paths()]

    def run_all() -> None:
        for i, text in enumerate(texts):
            to_record(pipe.analyze_text(text, doc=f"a{i}", meta={"published": "2022-01-10"}))

    run_all()  # fills the memos of word forms with every form these articles have
    gc.collect()
    before = len(gc.get_objects())
    for _ in range(3):
        run_all()
    gc.collect()
    assert len(gc.get_objects()) - before < 20
