"""Records produced by the ingest readers: one :class:`Article` per article, one :class:`IngestError` per failure."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Article:
    """One article as read from disk, stdin or an archive.

    ``text`` is never altered after decoding; page chrome is only recorded in ``removed`` as
    ``(start, end, reason)`` code-point spans into ``text``.
    """

    doc: str
    text: str
    meta: dict = field(default_factory=dict)
    removed: list[tuple[int, int, str]] = field(default_factory=list)
    source_path: str = ""
    encoding: str | None = None


@dataclass
class IngestError:
    """A file, record or line that could not be read, with a human-readable reason."""

    source: str
    reason: str
