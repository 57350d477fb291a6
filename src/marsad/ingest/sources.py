"""``iter_articles``: paths (files, folders, "-" for stdin) to a stream of Articles and IngestErrors, in input order."""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from marsad.ingest.encoding import DecodeError, decode_bytes
from marsad.ingest.model import Article, IngestError
from marsad.ingest.readers import (
    bytes_stream,
    html_from_bytes,
    json_from_text,
    jsonl_from_stream,
    jsonl_from_text,
    text_from_bytes,
    too_large,
    warc_from_stream,
)

Result = Article | IngestError
TEXT_EXTS = (".txt", ".text")
HTML_EXTS = (".html", ".htm", ".xhtml")
JSONL_EXTS = (".jsonl", ".ndjson", ".json-lines", ".jsonl.gz", ".ndjson.gz")
JSON_EXTS = (".json",)
WARC_EXTS = (".warc", ".warc.gz", ".arc", ".arc.gz")
_GZIP_MAGIC = b"\x1f\x8b"
STDIN_NAME = "<stdin>"


def kind_by_name(name: str) -> str | None:
    """Reader kind from a file name, or None when the name says nothing ("" extension means text)."""
    lower = name.lower()
    for kind, exts in (("warc", WARC_EXTS), ("jsonl", JSONL_EXTS), ("json", JSON_EXTS), ("html", HTML_EXTS), ("text", TEXT_EXTS)):
        if lower.endswith(exts):
            return kind
    return "text" if "." not in name.lstrip(".") else None


def sniff_kind(head: bytes) -> str:
    """Reader kind from the first bytes: WARC/ARC (or gzip), JSON Lines ("{"), HTML ("<"), else text."""
    if head.startswith((b"WARC/", _GZIP_MAGIC)) or head[:20].lower().startswith(b"filedesc://"):
        return "warc"
    try:
        start = decode_bytes(head)[0].lstrip("\ufeff \t\r\n")[:1]
    except DecodeError:
        try:
            start = head.decode("utf-8", "ignore").lstrip("\ufeff \t\r\n")[:1]
        except ValueError:
            start = ""
    return {"{": "jsonl", "<": "html"}.get(start, "text")


def _folder_files(folder: Path) -> list[Path]:
    """Readable files under ``folder``, recursively, in sorted order; hidden files and folders skipped; files of
    unknown type (images, .md, .csv ...) skipped."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        found.extend(Path(root, f) for f in files if not f.startswith(".") and kind_by_name(f) is not None)
    return sorted(found, key=lambda p: p.relative_to(folder).parts)


def _read_file(path: Path, max_bytes: int) -> Iterator[Result]:
    source = str(path)
    try:
        size = path.stat().st_size
        kind = kind_by_name(path.name)
        if size == 0:
            yield IngestError(source, "empty file")
            return
        if kind == "warc":
            with path.open("rb") as handle:
                yield from warc_from_stream(handle, source, max_bytes)
            return
        if kind == "jsonl":
            opener = gzip.open if path.name.lower().endswith(".gz") else open
            with opener(path, "rb") as handle:
                yield from jsonl_from_stream(handle, path.name, source, max_bytes)
            return
        if size > max_bytes:
            yield IngestError(source, too_large(max_bytes))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(source, f"cannot read: {exc.strerror or exc}")
        return
    if kind is None:
        kind = sniff_kind(data[:4096])
    yield from read_bytes(kind, data, path.name, source, max_bytes)


def read_bytes(kind: str, data: bytes, name: str, source: str, max_bytes: int) -> Iterator[Result]:
    """Read ``data`` (already in memory, within the size limit) with the reader for ``kind``."""
    if kind == "warc":
        yield from warc_from_stream(bytes_stream(data), source, max_bytes)
    elif kind == "html":
        yield html_from_bytes(data, name, source)
    elif kind == "jsonl":
        yield from jsonl_from_stream(bytes_stream(data), name, source, max_bytes)
    elif kind == "json":
        try:
            text, _ = decode_bytes(data)
        except DecodeError as exc:
            yield IngestError(source, str(exc))
            return
        yield from json_from_text(text.lstrip("\ufeff"), name, source)
    else:
        yield text_from_bytes(data, name, source)


def _read_stdin(max_bytes: int) -> Iterator[Result]:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    if len(data) > max_bytes:
        yield IngestError(STDIN_NAME, f"input larger than {max_bytes / 1_000_000:g} MB")
        return
    if not data:
        yield IngestError(STDIN_NAME, "empty input")
        return
    kind = sniff_kind(data[:4096])
    if kind == "jsonl":
        try:
            text, _ = decode_bytes(data)
        except DecodeError as exc:
            yield IngestError(STDIN_NAME, str(exc))
            return
        yield from jsonl_from_text(text.lstrip("\ufeff"), STDIN_NAME, STDIN_NAME)
        return
    yield from read_bytes(kind, data, STDIN_NAME, STDIN_NAME, max_bytes)


def iter_articles(paths: Iterable[str | os.PathLike], *, max_bytes: int = 50_000_000) -> Iterator[Result]:
    """Yield an :class:`Article` or :class:`IngestError` for every article in ``paths``, in input order.

    A path is a file (kind by extension: .txt/.text/none → text, .html/.htm → HTML, .jsonl/.ndjson/.json-lines (also
    .gz) → JSON Lines, .json → JSON, .warc/.warc.gz/.arc → WARC; other extensions by sniffing the content), a folder
    (recursed, sorted, hidden and unknown-type files skipped) or "-" for stdin (sniffed). Files above ``max_bytes`` are
    refused without being read; JSON Lines and WARC are streamed and the limit applies to each line or record.
    """
    for raw in paths:
        if str(raw) == "-":
            yield from _read_stdin(max_bytes)
            continue
        path = Path(raw)
        if path.is_dir():
            for file in _folder_files(path):
                yield from _read_file(file, max_bytes)
        elif path.exists():
            yield from _read_file(path, max_bytes)
        else:
            yield IngestError(str(raw), "no such file or directory")
