"""The ordered list of components that turn an article into an analysed :class:`~marsad.text.document.Document`.

Each component is a function ``Document -> Document`` whose docstring says what it reads and writes. The list below is the
whole per-article path; ``marsad analyze``, the store and the batch runner all call :func:`analyze` through it.
"""
from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marsad.text.dates import find_dates
from marsad.text.document import Document, Span
from marsad.text.numbers import find_numbers
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import tokenize_normalized

if TYPE_CHECKING:
    from marsad.ingest import Article, IngestError

Component = Callable[[Document], Document]
#: objects allocated between two collections of the youngest generation once a pipeline is warmed up (Python's default: 700)
GC_YOUNG_THRESHOLD = 10_000


def add_sentences(doc: Document) -> Document:
    """Reads ``text``; writes ``sentences``."""
    doc.sentences = [Span(s, e, "sentence") for s, e in split_sentences(doc.text)]
    return doc


def add_tokens(doc: Document) -> Document:
    """Reads ``text``; writes ``tokens`` (with clitic analyses available on demand)."""
    doc.tokens = tokenize_normalized(doc.norm)
    return doc


def add_numbers(doc: Document) -> Document:
    """Reads ``text``; writes ``numbers`` (value, unit noun, approximation and ordinal flags)."""
    doc.numbers = find_numbers(doc.text)
    return doc


def reference_date(doc: Document) -> dt.date | None:
    """The article's date, against which relative dates are resolved."""
    pub = doc.meta.get("published")
    if pub:
        try:
            return dt.date.fromisoformat(str(pub)[:10])
        except ValueError:
            return None
    return None


def add_dates(doc: Document) -> Document:
    """Reads ``text`` and ``meta.published``; writes ``dates`` (resolved where the article's date is known)."""
    doc.dates = find_dates(doc.text, reference_date(doc))
    return doc


def add_outlet(doc: Document) -> Document:
    """Reads ``meta.outlet_ar`` (the outlet as the page names itself); writes ``meta.outlet`` (its English name from the
    lexicon) when the input gave none."""
    if not doc.meta.get("outlet") and doc.meta.get("outlet_ar"):
        from marsad.lexicon.load import default_lexicon

        entry = default_lexicon().by_name(doc.meta["outlet_ar"])
        if entry is not None and entry.type == "ORG":
            doc.meta["outlet"] = entry.name
    return doc


def default_components() -> list[Component]:
    """The per-article path, in order."""
    from marsad.entities import add_entities
    from marsad.events import add_events

    return [add_outlet, add_sentences, add_tokens, add_numbers, add_dates, add_entities, add_events]


@dataclass
class Pipeline:
    """Runs its components in order over each document."""

    components: list[Component]

    @classmethod
    def default(cls) -> "Pipeline":
        """The full per-article path with its data loaded (lexicon, automata, cue lists, tagger).

        The loaded data is many long-lived objects; they are moved out of the garbage collector's way (``gc.freeze``)
        so that collections during a run do not walk them again and again, and the youngest generation is collected
        every :data:`GC_YOUNG_THRESHOLD` allocations instead of 700: an article makes tens of thousands of short-lived
        objects (tokens, spans, cue hits) that are freed by reference counting anyway (measured: collections took 3.7 %
        of the run at 700, 0.2 % at 10,000).
        """
        pipeline = cls(default_components())
        pipeline.warm_up()
        return pipeline

    def warm_up(self) -> None:
        """Load every lazily loaded resource now (one tiny article) and freeze them out of garbage collection."""
        self.analyze_text("قال الرئيس الروسي فلاديمير بوتين في موسكو إن القوات الروسية انسحبت. وقال يوسف الخطيب إن الهدنة صامدة. "
                          "وقال المحلل جيمس ميلر إن الاتفاق صامد.", doc="warm-up")  # a Western name: the census lists load
        gc.collect()
        gc.freeze()
        if gc.get_threshold()[0] < GC_YOUNG_THRESHOLD:
            gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])

    def __call__(self, doc: Document) -> Document:
        for component in self.components:
            doc = component(doc)
        return doc

    def analyze_text(self, text: str, doc: str = "text", meta: dict | None = None) -> Document:
        """Analyse one article given as a string."""
        return self(Document(doc=doc, text=text, meta=dict(meta or {})))

    def analyze_article(self, art: "Article") -> Document:
        return self(Document(doc=art.doc, text=art.text, meta=dict(art.meta), removed=list(art.removed)))

    def analyze_paths(self, paths: Iterable[str]) -> Iterator["Document | IngestError"]:
        """Read and analyse every article under ``paths``; a bad article yields an :class:`IngestError`, the rest go on."""
        from marsad.ingest import IngestError, iter_articles

        for item in iter_articles(paths):
            if isinstance(item, IngestError):
                yield item
                continue
            try:
                yield self.analyze_article(item)
            except Exception as exc:  # one bad article never stops a batch
                yield analysis_error(item, exc)


def analysis_error(art: "Article", exc: Exception) -> "IngestError":
    """The error reported for an article the analysis failed on (its source and the exception)."""
    from marsad.ingest import IngestError

    return IngestError(source=art.source_path or art.doc, reason=f"analysis failed: {type(exc).__name__}: {exc}")


_default: Pipeline | None = None


def analyze(text: str, doc: str = "text", meta: dict | None = None) -> Document:
    """Analyse one article with the default pipeline (loaded once per process)."""
    global _default
    if _default is None:
        _default = Pipeline.default()
    return _default.analyze_text(text, doc=doc, meta=meta)
