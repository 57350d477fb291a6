"""Readers: text, HTML (good and broken), JSON Lines (bad lines), WARC, folders, stdin, size limit."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from marsad.ingest import Article, IngestError, iter_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def _articles(items: list) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


def test_ingest_readers_text_file_verbatim(tmp_path: Path) -> None:
    body = "هل تطلب روسيا تفعيل مهام قوات الأمن الجماعي؟\r\n\r\nتأسست منظمة معاهدة الأمن الجماعي عام 2002.\n"
    path = tmp_path / "story"  # no extension: text
    path.write_bytes(body.encode("utf-8"))
    (article,) = list(iter_articles([str(path)]))
    assert isinstance(article, Article)
    assert article.doc == "story"
    assert article.text == body
    assert article.source_path == str(path)
    assert article.meta["title"] == "هل تطلب روسيا تفعيل مهام قوات الأمن الجماعي؟"


def test_ingest_readers_html_metadata() -> None:
    (article,) = list(iter_articles([FIXTURES / "article.html"]))
    assert isinstance(article, Article)
    assert article.doc == "article.html"
    assert "بدأ الجيش اللبناني، صباح الخميس" in article.text
    assert "\nوأوضح بيان صادر عن قيادة الجيش" in article.text  # paragraphs kept on their own lines
    assert "الرئيسية" not in article.text and "جميع الحقوق محفوظة" not in article.text
    assert article.meta["title"] == "الجيش اللبناني ينتشر في الجنوب"
    assert article.meta["published"] == "2024-03-14"
    assert article.meta["outlet"] == "Asharq"


def test_ingest_readers_broken_html_gives_text_or_error() -> None:
    broken, empty = list(iter_articles([FIXTURES / "broken.html", FIXTURES / "no_text.html"]))
    assert isinstance(broken, Article)
    assert "وقع انفجار قوي في ميناء المدينة" in broken.text
    assert "وقالت السلطات إنها فتحت تحقيقا" in broken.text
    assert isinstance(empty, IngestError) and empty.reason == "HTML without article text"


def test_ingest_readers_jsonl_bad_line_reported_others_go_on() -> None:
    path = FIXTURES / "records_bad_line.jsonl"
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "IngestError", "Article", "IngestError", "Article"]
    first, bad, second, no_text, last = items
    assert (first.doc, first.meta["title"], first.meta["published"]) == ("a-1", "قصف على مواقع عسكرية", "2024-02-01")
    assert first.meta["outlet"] == "Enab Baladi" and first.meta["url"] == "https://example.org/a-1"
    assert bad.source == f"{path}:2" and bad.reason.startswith("not JSON: ") and "line 2" in bad.reason
    assert second.doc == "records_bad_line.jsonl:3"  # no id: file and line
    assert second.meta["published"] == "2023-03-03" and second.meta["outlet_ar"] == "عنب بلدي"
    assert second.meta["outlet"] is None
    assert no_text.source == f"{path}:4" and no_text.reason.startswith("record without text")
    assert last.doc == "5" and last.text.startswith("أعلنت الحكومة العراقية")


def test_ingest_readers_jsonl_gz_and_json_list(tmp_path: Path) -> None:
    rec = {"id": "x", "text": "أعلن الجيش السوداني السيطرة على مدينة ود مدني."}
    gz = tmp_path / "batch.jsonl.gz"
    with gzip.open(gz, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps(rec, ensure_ascii=False) + "\n")
    whole = tmp_path / "batch.json"
    whole.write_text(json.dumps([rec, {"title": "بلا نص"}], ensure_ascii=False), encoding="utf-8")
    items = list(iter_articles([gz, whole]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "IngestError"]
    assert items[0].text == rec["text"] and items[1].doc == "x"
    assert items[2].source == f"{whole}[2]"


def test_ingest_readers_warc_records() -> None:
    items = list(iter_articles([FIXTURES / "pages.warc.gz"]))
    docs = [i.doc for i in items]
    assert docs == ["https://news.example.org/lebanon", "https://news.example.org/plain"]  # image and 301 skipped
    html, plain = items
    assert html.meta["url"] == "https://news.example.org/lebanon"
    assert html.meta["title"] == "الجيش اللبناني ينتشر في الجنوب"
    assert "قوات الأمم المتحدة المؤقتة في لبنان" in html.text
    assert plain.encoding == "cp1256" and plain.text.startswith("أعلنت وزارة الدفاع الأردنية")


def test_ingest_readers_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not an archive\n" * 3)
    (error,) = list(iter_articles([path]))
    assert isinstance(error, IngestError) and "WARC" in error.reason


def test_ingest_readers_folder_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص الملف الثاني في المجلد الفرعي.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص الملف الأول.", encoding="utf-8")
    (tmp_path / "c.html").write_text("<html><body><p>قصفت مدفعية الجيش مواقع في ريف إدلب الجنوبي صباح اليوم.</p></body></html>", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    items = list(iter_articles([tmp_path, FIXTURES / "empty.txt"]))
    assert [getattr(i, "doc", None) for i in items] == ["a.txt", "2.txt", "c.html", None]
    assert isinstance(items[-1], IngestError)


@pytest.mark.parametrize(
    ("payload", "docs"),
    [
        ('{"id": "s1", "text": "نص أول."}\n{"text": "نص ثان."}\n', ["s1", "<stdin>:2"]),
        ("<html><body><p>بدأ الجيش اللبناني نشر وحدات إضافية في بلدات الجنوب الحدودية.</p></body></html>", ["<stdin>"]),
        ("أعلنت الحكومة عن خطة جديدة لتأمين الحدود.\n", ["<stdin>"]),
    ],
)
def test_ingest_readers_stdin_sniffing(monkeypatch: pytest.MonkeyPatch, payload: str, docs: list[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(payload.encode("utf-8")), encoding="utf-8"))
    items = list(iter_articles(["-"]))
    assert [i.doc for i in _articles(items)] == docs
    if payload.startswith("أعلنت"):
        assert items[0].text == payload


def test_ingest_readers_huge_file_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes("خبر ".encode("utf-8") * 2000)
    small = tmp_path / "small.txt"
    small.write_text("خبر قصير.", encoding="utf-8")
    read = []
    original = Path.read_bytes

    def spy(self: Path) -> bytes:
        read.append(self.name)
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", spy)
    items = list(iter_articles([big, small], max_bytes=1000))
    assert isinstance(items[0], IngestError) and items[0].reason == "file larger than 0.001 MB"
    assert isinstance(items[1], Article)
    assert read == ["small.txt"]


def test_ingest_readers_jsonl_oversized_line(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    long_rec = json.dumps({"text": "نص " * 500}, ensure_ascii=False)
    path.write_text(long_rec + "\n" + json.dumps({"text": "نص قصير."}, ensure_ascii=False) + "\n", encoding="utf-8")
    error, article = list(iter_articles([path], max_bytes=200))
    assert isinstance(error, IngestError) and error.source == f"{path}:1" and "larger than" in error.reason
    assert isinstance(article, Article) and article.doc == "lines.jsonl:2"


def test_ingest_readers_missing_path() -> None:
    (error,) = list(iter_articles(["/no/such/file.txt"]))
    assert error == IngestError("/no/such/file.txt", "no such file or directory")


def test_ingest_readers_html_windows_1256_and_chrome(tmp_path: Path) -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>غارات على ريف إدلب</title></head><body><article>"
        "<p>شنت طائرات حربية غارات على بلدات في ريف إدلب الجنوبي صباح اليوم، ما أدى إلى سقوط ضحايا مدنيين.</p>"
        "<p>اقرأ أيضا: تصعيد عسكري جديد في الشمال السوري</p>"
        "<p>وقالت فرق الدفاع المدني إنها انتشلت جثث الضحايا من تحت الأنقاض بعد ساعات من القصف المتواصل.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "idlib.htm"
    path.write_bytes(page.encode("cp1256"))
    (article,) = list(iter_articles([path]))
    assert isinstance(article, Article)
    assert article.encoding == "cp1256"
    assert article.meta["title"] == "غارات على ريف إدلب"
    assert "شنت طائرات حربية غارات" in article.text
    chrome = [(article.text[a:b], r) for a, b, r in article.removed]
    assert chrome == [("اقرأ أيضا: تصعيد عسكري جديد في الشمال السوري", "related link")]
