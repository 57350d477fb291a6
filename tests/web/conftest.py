"""Fixtures of the web tests: a temporary SQLite store holding the seed articles (through the store's public ingest)
plus one hostile article whose text, title and entity names carry script and markup payloads."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "src" / "marsad" / "samples" / "seeds"
SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
HOSTILE_DOC = "hostile_0001.txt"
HOSTILE_TITLE = f"عنوان {SCRIPT} <b>عريض</b>"
HOSTILE_TEXT = (f"قالت وزارة الدفاع {SCRIPT} إن قوات روسيا انتشرت في سورية.\n"
                f"وأضاف المتحدث {IMG} أن شركة الشر ستدعم الجيش & \"الحلفاء\" في حلب.")


def hostile_record() -> tuple[dict, str]:
    """A hand-made record over HOSTILE_TEXT: an entity whose English name is markup, an event, a quote and a fact."""
    text = HOSTILE_TEXT
    evil_at = text.index("شركة الشر")
    russia_at = text.index("روسيا")
    syria_at = text.index("سورية")
    first_end = text.index("\n")
    rec = {
        "doc": HOSTILE_DOC,
        "meta": {"title": HOSTILE_TITLE, "published": "2024-03-01", "outlet": f"Outlet {IMG}"},
        "entities": [
            {"id": "evil-corp", "name": f"Evil {SCRIPT} Corp", "type": "ORG", "wikidata": None,
             "mentions": [{"start": evil_at, "end": evil_at + len("شركة الشر")}]},
            {"id": "russia", "name": "Russia", "type": "COUNTRY", "wikidata": "Q159",
             "mentions": [{"start": russia_at, "end": russia_at + 5}]},
            {"id": "syria", "name": "Syria", "type": "COUNTRY", "wikidata": "Q858",
             "mentions": [{"start": syria_at, "end": syria_at + 5}]},
        ],
        "events": [
            {"type": "MOBILIZE", "mode": "troops", "actor": "russia", "recipient": None, "location": "syria",
             "quantity": None, "when": "2024-02", "status": "actual", "source": "evil-corp",
             "evidence": {"start": 0, "end": first_end}},
            {"type": "SUPPORT", "mode": None, "actor": "evil-corp", "recipient": "russia", "location": None,
             "quantity": {"value": 1200, "unit": "personnel"}, "when": None, "status": "planned", "source": None,
             "evidence": {"start": first_end + 1, "end": len(text)}},
        ],
        "facts": [{"subject": "evil-corp", "relation": "personnel", "value": 1200, "qualifier": f"q {SCRIPT}",
                   "evidence": {"start": first_end + 1, "end": len(text)}}],
        "quotes": [{"speaker": "evil-corp", "via": None, "evidence": {"start": first_end + 1, "end": len(text)}}],
    }
    return rec, text


@pytest.fixture(scope="session")
def payloads() -> dict[str, str]:
    """The hostile article's doc id and the markup payloads it carries."""
    return {"doc": HOSTILE_DOC, "script": SCRIPT, "img": IMG}


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store with the five seed articles (ingested by the store) and the hostile article."""
    from marsad.store import Store

    path = str(tmp_path_factory.mktemp("store") / "web.db")
    with Store(path) as store:
        report = store.ingest_paths([str(SEEDS)])
        assert report.added == 5, report.summary()
        rec, text = hostile_record()
        store.add_record(rec, text)
    return path


@pytest.fixture(scope="session")
def client(store_path: str):
    """An in-process client of the read-only application over ``store_path``."""
    from starlette.testclient import TestClient

    from marsad.web.app import create_app

    with TestClient(create_app(store_path)) as c:
        yield c


SERVE = "from marsad.cli import main; main()"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, *extra: str) -> subprocess.Popen:
    """``marsad serve`` in a child process, waited on until it answers (at most 60 s)."""
    proc = subprocess.Popen([sys.executable, "-c", SERVE, "serve", "--db", db, "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"marsad serve exited: {proc.stdout.read().decode(errors='replace')}")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/home", timeout=2).read()
            return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise RuntimeError("marsad serve did not answer within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def live_server(store_path: str):
    """``marsad serve`` over ``store_path`` on a free port of 127.0.0.1 (stopped at the end); yields its base URL."""
    port = free_port()
    proc = start_server(store_path, port)
    yield f"http://127.0.0.1:{port}"
    stop_server(proc)
