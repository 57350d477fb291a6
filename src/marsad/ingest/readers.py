"""Readers for one input each: plain text, HTML, JSON Lines (and whole-file JSON), WARC/ARC, in-memory bytes.

Every reader yields :class:`Article` or :class:`IngestError` and never raises for bad input: one bad file, record or line
becomes an error and the rest go on.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import zlib
from collections.abc import Iterator
from typing import IO, Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from marsad.ingest.chrome import detect_chrome
from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.htmltext import ExtractionError, html_bytes_to_article
from marsad.ingest.meta import build_meta
from marsad.ingest.model import Article, IngestError

Result = Article | IngestError
TEXT_FIELDS = ("text", "body", "content")
DATE_FIELDS = ("published", "date", "published_at", "pubdate")
OUTLET_FIELDS = ("outlet", "source", "site", "sitename")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_CHUNK = 1 << 20


def too_large(max_bytes: int) -> str:
    """The error reason for input over the size limit."""
    return f"file larger than {max_bytes / 1_000_000:g} MB"


def make_article(doc: str, text: str, given: dict[str, Any] | None, source: str, encoding: str | None) -> Article:
    """Build an Article: BOM stripped, page chrome recorded, metadata merged (text itself never altered otherwise)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    removed = detect_chrome(text)
    return Article(doc, text, build_meta(text, removed, given), removed, source, encoding)


def _empty(text: str) -> str | None:
    return "empty file (only whitespace)" if not text.strip() else None


def text_from_bytes(data: bytes, doc: str, source: str) -> Result:
    """One plain-text article from bytes (encoding detected)."""
    if not data:
        return IngestError(source, "empty file")
    try:
        text, codec = decode_bytes(data)
    except DecodeError as exc:
        return IngestError(source, str(exc))
    if text.startswith("\ufeff"):
        text = text[1:]
    problem = _empty(text)
    return IngestError(source, problem) if problem else make_article(doc, text, None, source, codec)


def html_from_bytes(data: bytes, doc: str, source: str, url: str | None = None, header: str | None = None) -> Result:
    """One article from an HTML page held in bytes."""
    if not data.strip():
        return IngestError(source, "empty file")
    try:
        text, meta, codec = html_bytes_to_article(data, url, header)
    except (DecodeError, ExtractionError) as exc:
        return IngestError(source, str(exc))
    return make_article(doc, text, meta, source, codec)


def _first_str(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, dict):  # e.g. {"source": {"name": "…"}}
            value = value.get("name") or value.get("title")
        if isinstance(value, str) and value.strip():
            return value
    return None


def record_to_result(record: Any, fallback_doc: str, source: str, path: str | None = None) -> Result:
    """One JSON record (``text``/``body``/``content``, ``title``, ``url``, ``published``/``date``,
    ``outlet``/``source``/``site``, ``id``) to an Article, or an error for this record.

    ``source`` names the record in errors ("file:line"); ``path`` (default: ``source``) becomes ``Article.source_path``."""
    if not isinstance(record, dict):
        return IngestError(source, f"not a JSON object (got {type(record).__name__})")
    text = _first_str(record, TEXT_FIELDS)
    rid = record.get("id")
    doc = str(rid) if isinstance(rid, (str, int)) and str(rid).strip() else fallback_doc
    given = {
        "title": _first_str(record, ("title", "headline")),
        "url": _first_str(record, ("url", "link")),
        "published": _first_str(record, DATE_FIELDS),
        "outlet": _first_str(record, OUTLET_FIELDS),
    }
    if text is None and isinstance(record.get("html"), str):
        try:
            text, meta, _ = html_bytes_to_article(record["html"].encode("utf-8"), given["url"])
        except (DecodeError, ExtractionError) as exc:
            return IngestError(source, str(exc))
        given = {k: given[k] or meta.get(k) for k in given}
    if text is None:
        present = [f for f in TEXT_FIELDS if f in record]
        why = "empty text" if present else "no text/body/content field"
        return IngestError(source, f"record without text ({why})")
    return make_article(doc, text, given, path or source, "utf-8")


def _read_line(handle: BinaryIO | io.BufferedIOBase, limit: int) -> tuple[bytes, bool]:
    """One line of at most ``limit`` bytes; ``(b"", False)`` at the end; ``(part, True)`` if it was longer (rest skipped)."""
    line = handle.readline(limit + 1)
    if len(line) <= limit or line.endswith(b"\n"):
        return line, False
    while True:  # skip the rest of an oversized line without holding it
        rest = handle.readline(_CHUNK)
        if not rest or rest.endswith(b"\n"):
            return line[:limit], True


def _decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        text, _ = decode_bytes(raw)
        return text


def jsonl_from_stream(handle: BinaryIO | io.BufferedIOBase, name: str, source: str, max_bytes: int) -> Iterator[Result]:
    """JSON Lines from a binary stream, line by line (each line at most ``max_bytes``); errors carry the line number."""
    head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            yield IngestError(source, too_large(max_bytes))
            return
        try:
            text, _ = decode_bytes(data)
        except DecodeError as exc:
            yield IngestError(source, str(exc))
            return
        yield from jsonl_from_text(text, name, source)
        return
    lineno = 0
    while True:
        raw, oversized = _read_line(handle, max_bytes)
        if not raw:
            return
        lineno += 1
        where = f"{source}:{lineno}"
        if oversized:
            yield IngestError(where, f"line larger than {max_bytes / 1_000_000:g} MB")
            continue
        if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        if not raw.strip():
            continue
        try:
            line = _decode_line(raw)
        except DecodeError as exc:
            yield IngestError(where, str(exc))
            continue
        yield _parse_line(line, f"{name}:{lineno}", where, source)


def jsonl_from_text(text: str, name: str, source: str) -> Iterator[Result]:
    """JSON Lines already decoded (lines split on "\\n" only: U+2028 may sit inside JSON strings)."""
    for lineno, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            yield _parse_line(line.lstrip("\ufeff"), f"{name}:{lineno}", f"{source}:{lineno}", source)


def _parse_line(line: str, fallback_doc: str, where: str, path: str) -> Result:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        line_no = where.rsplit(":", 1)[-1]
        return IngestError(where, f"not JSON: {exc.msg.removesuffix(' at')} (line {line_no}, column {exc.colno})")
    return record_to_result(record, fallback_doc, where, path)


def json_from_text(text: str, name: str, source: str) -> Iterator[Result]:
    """A whole-file ``.json``: one record or a list of records; falls back to JSON Lines when it does not parse whole."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        yield from jsonl_from_text(text, name, source)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records, start=1):
        fallback = name if len(records) == 1 else f"{name}:{index}"
        yield record_to_result(record, fallback, source if len(records) == 1 else f"{source}[{index}]", source)


def warc_from_stream(stream: IO[bytes], source: str, max_bytes: int) -> Iterator[Result]:
    """Each WARC/ARC response or resource record with an HTML or plain-text payload (HTTP 2xx) becomes an Article."""
    if stream.seekable():
        head = stream.read(4096)
        stream.seek(0)
        if not looks_like_archive(head):
            yield IngestError(source, "not a readable WARC/ARC archive (no WARC/ARC header)")
            return
    try:
        for record in ArchiveIterator(stream, arc2warc=True):
            result = _warc_record(record, source, max_bytes)
            if result is not None:
                yield result
    except (ArchiveLoadFailed, OSError, EOFError, ValueError) as exc:
        yield IngestError(source, f"not a readable WARC/ARC archive: {exc}")


def looks_like_archive(head: bytes) -> bool:
    """True when ``head`` (the first bytes, possibly gzipped) starts a WARC or ARC file."""
    if head.startswith(b"\x1f\x8b"):
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(head, 64)
        except zlib.error:
            return False
    return head.lstrip(b"\r\n").startswith((b"WARC/", b"filedesc://"))


def _warc_record(record: Any, source: str, max_bytes: int) -> Result | None:
    if record.rec_type not in ("response", "resource"):
        return None
    headers = record.rec_headers
    uri = headers.get_header("WARC-Target-URI") or ""
    doc = uri or headers.get_header("WARC-Record-ID") or f"{os.path.basename(source)}#{headers.get_header('WARC-Date')}"
    content_type = headers.get_header("Content-Type") or ""
    if record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if status and not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    kind = content_type.split(";")[0].strip().lower()
    if kind not in _HTML_TYPES and kind != "text/plain":
        return None
    where = f"{source}#{doc}"
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        return IngestError(where, f"record larger than {max_bytes / 1_000_000:g} MB")
    if kind == "text/plain":
        result = text_from_bytes(payload, doc, where)
        if isinstance(result, Article):
            result.meta["url"] = result.meta["url"] or uri or None
            result.source_path = source
        return result
    result = html_from_bytes(payload, doc, where, url=uri or None, header=content_type)
    if isinstance(result, Article):
        result.source_path = source
    return result


def bytes_stream(data: bytes) -> io.BufferedReader:
    """A peekable binary stream over bytes already in memory (stdin)."""
    return io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]  # BytesIO does what a raw stream must
