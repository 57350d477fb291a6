"""Byte-to-text decoding for Arabic news files.

Order: byte-order marks (UTF-32/UTF-16/UTF-8), binary checks (NUL bytes outside UTF-16, control bytes), strict UTF-8,
BOM-less UTF-16, then charset-normalizer restricted to the Arabic single-byte code pages. A guessed decoding is only
accepted when the result really reads as Arabic/Latin text.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Single-byte code pages plausible for Arabic news (Windows-1256 first: by far the most common).
ARABIC_CODEPAGES: tuple[str, ...] = ("cp1256", "iso8859_6", "cp720", "cp864")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff]")
_ARABIC_LETTERS = re.compile("[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f]")
_LATIN_LETTERS = re.compile("[A-Za-z\u00c0-\u024f]")
_ANY_LETTERS = re.compile(r"[^\W\d_]")
_SAMPLE = 65536
CANNOT_DECODE = "cannot decode as UTF-8/Windows-1256/UTF-16"


class DecodeError(ValueError):
    """Raised when bytes cannot be turned into text; ``str(error)`` is the human-readable reason."""


def _looks_like_text(text: str, *, strict_script: bool) -> bool:
    """True when ``text`` has (almost) no control characters and, if ``strict_script``, mostly Arabic/Latin letters."""
    sample = text[:_SAMPLE]
    if not sample:
        return False
    if len(_CONTROL_CHARS.findall(sample)) > max(2, len(sample) // 100):
        return False
    if not strict_script:
        return True
    letters = len(_ANY_LETTERS.findall(sample))
    if letters == 0:
        return True
    good = len(_ARABIC_LETTERS.findall(sample)) + len(_LATIN_LETTERS.findall(sample))
    return good >= 0.85 * letters


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-16 without a BOM when the NUL bytes sit on one parity and the result reads as text."""
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    if even + odd == 0:
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    if min(even, odd) > 0.05 * (even + odd) or len(data) % 2:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return (text, codec) if _looks_like_text(text, strict_script=True) else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, codec)``; ``text`` has any BOM stripped and newlines untouched.

    ``codec`` is a Python codec name such that ``open(path, encoding=codec, newline="").read()`` gives ``text``.
    Raises :class:`DecodeError` with a clear reason (binary content, undecodable bytes).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"cannot decode as {codec.upper()} despite its byte-order mark ({exc.reason})") from exc
            if not _looks_like_text(text, strict_script=False) and text:
                raise DecodeError("binary file (mostly control characters)")
            return text, codec
    if b"\x00" in data:
        guessed = _bomless_utf16(data)
        if guessed is not None:
            return guessed
        raise DecodeError("binary file (NUL bytes)")
    head = data[:_SAMPLE]
    if len(_CONTROL_BYTES.findall(head)) > max(2, len(head) // 20):
        raise DecodeError("binary file (mostly control characters)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if _looks_like_text(text, strict_script=False):
            return text, "utf-8"
        raise DecodeError("binary file (mostly control characters)")
    try:
        return _guess_codepage(data)
    except DecodeError:
        if _mostly_utf8(data):
            raise DecodeError(f"{CANNOT_DECODE} (invalid UTF-8 byte at offset {utf8_error.start})") from None
        raise


def _mostly_utf8(data: bytes) -> bool:
    """True when only a few bytes keep ``data`` from being UTF-8 (a damaged UTF-8 file rather than another encoding)."""
    sample = data[: 4 * _SAMPLE]
    return sample.decode("utf-8", "replace").count("\ufffd") <= max(3, len(sample) // 1000)


def _guess_codepage(data: bytes) -> tuple[str, str]:
    """The Arabic code page charset-normalizer finds coherent, checked on the decoded text.

    Windows-1256 maps nearly every byte to some letter, so bytes from another family (KOI8-R, GBK, Shift-JIS) would
    "decode"; charset-normalizer's mess measure rejects those, and then so do we.
    """
    matches = from_bytes(data[: 4 * _SAMPLE], cp_isolation=list(ARABIC_CODEPAGES))
    candidates = [m.encoding for m in matches if m.encoding in ARABIC_CODEPAGES]
    for codec in candidates:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text, strict_script=True):
            return text, codec
    raise DecodeError(CANNOT_DECODE)
