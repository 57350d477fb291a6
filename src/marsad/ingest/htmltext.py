"""Article text and metadata from an HTML page held in memory (trafilatura; nothing is ever fetched)."""

from __future__ import annotations

import codecs
import logging
import re
from typing import Any

from marsad.ingest.encoding import DecodeError, decode_bytes

NO_ARTICLE_TEXT = "HTML without article text"
_MIN_CHARS = 20
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)

# trafilatura logs every page it finds too short; the caller reports that as an IngestError instead.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


class ExtractionError(ValueError):
    """An HTML page from which no article text could be extracted."""


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def declared_charset(data: bytes, header: str | None = None) -> str | None:
    """The charset an HTTP Content-Type header or the page's ``<meta charset>`` declares, if Python knows it."""
    if header:
        m = re.search(r"charset\s*=\s*([\w\-:.]+)", header, re.IGNORECASE)
        if m and _known_codec(m.group(1)):
            return _known_codec(m.group(1))
    meta = _DECLARED.search(data[:4096])
    return _known_codec(meta.group(1).decode("ascii", "ignore")) if meta else None


def decode_markup(data: bytes, header: str | None = None) -> tuple[str, str]:
    """Decode HTML bytes: BOM or valid UTF-8 first, then the declared charset, then Arabic code-page detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data, header)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass
    return decode_bytes(data)


def _extract(markup: str, url: str | None, *, recall: bool) -> Any:
    import trafilatura  # imported on first use: plain-text runs do not pay its import time

    return trafilatura.bare_extraction(
        markup,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=not recall,
        favor_recall=recall,
        deduplicate=False,
    )


def extract_html(markup: str, url: str | None = None) -> tuple[str, dict[str, Any]]:
    """Return ``(text, meta)`` for one page: paragraphs separated by newlines; meta has title, published, outlet, url.

    Precision first; then recall; then trafilatura's baseline (for broken pages). Raises :class:`ExtractionError`.
    """
    if not markup.strip():
        raise ExtractionError("empty HTML")
    document = None
    text = ""
    for recall in (False, True):
        try:
            document = _extract(markup, url, recall=recall)
        except Exception:  # noqa: BLE001 - trafilatura/lxml raise many kinds of errors on malformed input
            document = None
        text = (getattr(document, "text", None) or "").strip("\n")
        if len(text.strip()) >= _MIN_CHARS:
            break
    if len(text.strip()) < _MIN_CHARS:
        import trafilatura

        try:
            _, text, _ = trafilatura.baseline(markup)
        except Exception:  # noqa: BLE001
            text = ""
        text = (text or "").strip("\n")
    if not text.strip():
        raise ExtractionError(NO_ARTICLE_TEXT)
    meta = {
        "title": getattr(document, "title", None),
        "published": getattr(document, "date", None),
        "outlet": getattr(document, "sitename", None),
        "url": getattr(document, "url", None) or url,
    }
    return text, meta


def html_bytes_to_article(data: bytes, url: str | None = None, header: str | None = None) -> tuple[str, dict, str]:
    """Decode and extract one page: ``(text, meta, codec)``; raises ``DecodeError`` or :class:`ExtractionError`."""
    markup, codec = decode_markup(data, header)
    text, meta = extract_html(markup, url)
    return text, meta, codec


__all__ = ["DecodeError", "ExtractionError", "NO_ARTICLE_TEXT", "decode_markup", "extract_html", "html_bytes_to_article"]
