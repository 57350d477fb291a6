"""Analysing articles in one process or in a pool of worker processes, with the records in input order.

``marsad analyze --workers N`` and ``bench/bench_scale.py`` run articles through :func:`analyze_records`. Reading the
input stays in the calling process; each worker loads the pipeline once (the pool's initializer) and turns articles
into records. At most a few chunks per worker are in flight, so memory stays flat however long the input is, and a
bad article comes back as an :class:`~marsad.ingest.IngestError` in its place while the others go on.

Example::

    from marsad.ingest import iter_articles
    for item in analyze_records(iter_articles(["corpus/"]), workers=2):
        print(item.source if isinstance(item, IngestError) else item["doc"])
"""
from __future__ import annotations

import multiprocessing as mp
import os
import threading
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from marsad.ingest import Article, IngestError
from marsad.pipeline import Pipeline, analysis_error

CHUNKSIZE = 4          # articles sent to a worker at once
CHUNKS_IN_FLIGHT = 4   # per worker: read ahead of the slowest article at most this many chunks

_pipeline: Pipeline | None = None


def pipeline() -> Pipeline:
    """The default pipeline of this process, loaded on first use (a pool worker loads it in its initializer)."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline.default()
    return _pipeline


def cpu_count() -> int:
    """The CPUs this process may run on.

    >>> cpu_count() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_workers(workers: int) -> int:
    """The number of processes for ``--workers``: 0 means one per CPU.

    >>> resolve_workers(3), resolve_workers(0) == cpu_count()
    (3, True)
    """
    if workers < 0:
        raise ValueError(f"workers must be 0 (one per CPU) or more, not {workers}")
    return workers or cpu_count()


def analyze_one(item: Article | IngestError, text_layer: bool = False) -> dict[str, Any] | IngestError:
    """One article → its record (as ``marsad analyze`` prints it); a reading error passes through, and an article the
    analysis fails on becomes an error with the reason ``Pipeline.analyze_paths`` gives."""
    from marsad.records import to_record

    if isinstance(item, IngestError):
        return item
    try:
        return to_record(pipeline().analyze_article(item), text_layer=text_layer)
    except Exception as exc:  # one bad article never stops a run
        return analysis_error(item, exc)


class _Window:
    """Holds the reading back: an input item is handed on only while fewer than ``size`` results are pending."""

    def __init__(self, size: int) -> None:
        self.slots = threading.Semaphore(size)
        self.closed = False

    def feed(self, items: Iterable[Any]) -> Iterator[Any]:
        for item in items:
            while not self.slots.acquire(timeout=0.2):
                if self.closed:  # the consumer stopped: let the pool's feeder thread end
                    return
            yield item

    def done(self) -> None:
        self.slots.release()


def analyze_records(items: Iterable[Article | IngestError], workers: int = 1, text_layer: bool = False,
                    chunksize: int = CHUNKSIZE) -> Iterator[dict[str, Any] | IngestError]:
    """A record or an :class:`IngestError` for each item of ``items`` (from :func:`marsad.ingest.iter_articles`), in
    input order; ``workers`` > 1 analyses in that many processes (0: one per CPU), 1 in this process.

    The records are the same whatever the number of workers.
    """
    workers = resolve_workers(workers)
    one = partial(analyze_one, text_layer=text_layer)
    if workers == 1:
        yield from map(one, items)
        return
    window = _Window(max(chunksize, chunksize * workers * CHUNKS_IN_FLIGHT))
    with mp.Pool(workers, initializer=pipeline) as pool:
        try:
            for result in pool.imap(one, window.feed(items), chunksize=chunksize):
                window.done()
                yield result
        finally:
            window.closed = True  # before the pool's exit joins its feeder thread
