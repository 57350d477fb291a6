"""Safety: a killed ingest loses nothing committed and a re-run completes it; readers are not blocked by a writer."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from marsad.store import Store

MARSAD = [sys.executable, "-c", "from marsad.cli import main; main()"]
N_ARTICLES = 60
LEADS = ["أفادت مصادر محلية بوصول تعزيزات عسكرية جديدة إلى المنطقة رقم {i}.",
         "قال مسؤول أمني إن الاجتماع رقم {i} سيعقد الأسبوع المقبل في العاصمة."]


def make_corpus(folder: Path, seeds: dict[str, str]) -> Path:
    """N distinct articles: the seed articles, each with a numbered lead sentence."""
    folder.mkdir()
    texts = list(seeds.values())
    for i in range(N_ARTICLES):
        lead = LEADS[i % 2].format(i=i)
        (folder / f"art_{i:03d}.txt").write_text(lead + "\n" + texts[i % len(texts)], encoding="utf-8")
    return folder


def count_articles(db: str) -> int:
    with Store(db) as s:
        return s.stats()["articles"]


def test_store_safety_killed_ingest_resumes(db_url, tmp_path, seeds):
    corpus = make_corpus(tmp_path / "corpus", seeds)
    proc = subprocess.Popen(MARSAD + ["ingest", str(corpus), "--db", db_url, "--no-progress"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline, seen = time.monotonic() + 120, 0
    while time.monotonic() < deadline and proc.poll() is None:
        seen = count_articles(db_url)  # a reader while the writer runs
        if seen >= 3:
            break
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    committed = count_articles(db_url)
    assert 3 <= committed < N_ARTICLES, f"kill came too late or too early ({committed} committed)"
    with Store(db_url) as s:
        before = dict(s.backend.execute("SELECT doc, id FROM articles"))
    rerun = subprocess.run(MARSAD + ["ingest", str(corpus), "--db", db_url, "--no-progress"],
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N_ARTICLES - committed} added" in rerun.stderr and f"{committed} unchanged" in rerun.stderr
    with Store(db_url) as s:
        after = dict(s.backend.execute("SELECT doc, id FROM articles"))
        resumed = s.stats()
    assert {d: after[d] for d in before} == before
    with Store(str(tmp_path / "clean.db")) as clean:
        clean.ingest_paths([str(corpus)])
        assert clean.stats() == resumed
        assert dict(clean.backend.execute("SELECT doc, id FROM articles")) == after


def test_store_safety_reader_not_blocked_by_writer(store, db_url, seed_items):
    store.add_records(seed_items[:2])
    rec, text, meta = seed_items[2]
    with store.backend.transaction():
        from marsad.store.writer import write_record

        write_record(store.backend, rec, text, meta)
        t0 = time.monotonic()
        with Store(db_url) as reader:
            assert reader.stats()["articles"] == 2  # the uncommitted article is not visible
            assert reader.search("CSTO")
        assert time.monotonic() - t0 < 5
    with Store(db_url) as reader:
        assert reader.stats()["articles"] == 3


def test_store_safety_sqlite_uses_wal(tmp_path):
    with Store(str(tmp_path / "w.db")) as s:
        assert s.backend.execute("PRAGMA journal_mode")[0][0] == "wal"
