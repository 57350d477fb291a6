"""Encoding detection: UTF-8 (with/without BOM), UTF-16, Windows-1256, and the clear errors for binary/undecodable bytes."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from marsad.ingest import Article, IngestError, iter_articles
from marsad.ingest.encoding import CANNOT_DECODE, DecodeError, decode_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
EXPECTED_START = "أعلنت وزارة الدفاع الأردنية، اليوم الثلاثاء"

SNIPPETS = [
    "تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية، في شهر أيلول / سبتمبر المقبل.",
    "وقال المركز في التقرير الذي ترجمته “السورية.نت”، اليوم الجمعة إن هذه الخطوة تأتي بتشجيع من روسيا.",
    "أسس التكتل قوة رد سريع قوامها 20 ألف فرد عام 2009، وتعترف الأمم المتحدة بوحدة حفظ السلام (CSTO).",
]


def _one(path: Path) -> Article | IngestError:
    items = list(iter_articles([path]))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize(
    ("name", "codec"),
    [("arabic_cp1256.txt", "cp1256"), ("arabic_utf16.txt", "utf-16"), ("arabic_utf8_bom.txt", "utf-8-sig")],
)
def test_ingest_encoding_fixture_files_decode(name: str, codec: str) -> None:
    article = _one(FIXTURES / name)
    assert isinstance(article, Article)
    assert article.encoding == codec
    assert article.text.startswith(EXPECTED_START)
    assert "\ufeff" not in article.text
    with open(FIXTURES / name, encoding=codec, newline="") as handle:
        assert article.text == handle.read()


def test_ingest_encoding_bom_stripped_and_crlf_kept() -> None:
    article = _one(FIXTURES / "arabic_utf8_bom.txt")
    assert isinstance(article, Article)
    assert article.text[0] == "أ"
    assert "\r\n" in article.text  # newline="" semantics: line ends are not translated


@pytest.mark.parametrize("snippet", SNIPPETS)
@pytest.mark.parametrize("codec", ["utf-8", "cp1256", "utf-16", "utf-16-le", "utf-8-sig"])
def test_ingest_encoding_roundtrip(snippet: str, codec: str) -> None:
    data = snippet.encode(codec)
    if codec == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    text, found = decode_bytes(data)
    assert text == snippet
    assert found == {"utf-8": "utf-8", "cp1256": "cp1256", "utf-16": "utf-16", "utf-16-le": "utf-16-le"}.get(codec, codec)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02PK\x03\x04" + bytes(200), "binary file (NUL bytes)"),
        (bytes(range(1, 9)) * 50 + "نص".encode(), "binary file (mostly control characters)"),
    ],
)
def test_ingest_encoding_binary_is_error(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == reason


def test_ingest_encoding_undecodable_is_clear_error() -> None:
    # Cyrillic letters in a single-byte page read as Windows-1256 give neither Arabic nor Latin text: refuse.
    data = "Москва сообщила о переброске войск".encode("koi8-r") * 3
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == CANNOT_DECODE


def test_ingest_encoding_binary_and_empty_files(tmp_path: Path) -> None:
    items = list(iter_articles([FIXTURES / "binary.txt", FIXTURES / "empty.txt"]))
    assert [type(i) for i in items] == [IngestError, IngestError]
    assert items[0].reason == "binary file (NUL bytes)"
    assert items[1].reason == "empty file"
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\t\n", encoding="utf-8")
    (error,) = list(iter_articles([blank]))
    assert isinstance(error, IngestError) and error.reason.startswith("empty file")


def test_ingest_encoding_damaged_utf8_points_at_the_byte() -> None:
    data = SNIPPETS[0].encode("utf-8") * 5
    data = data[:101] + b"\xff" + data[101:]
    with pytest.raises(DecodeError) as info:
        decode_bytes(data)
    assert str(info.value) == f"{CANNOT_DECODE} (invalid UTF-8 byte at offset 101)"
