"""`marsad analyze --workers N`: a pool of processes gives the single process's records, in input order, and reports
bad articles while the others go on."""
from __future__ import annotations

import itertools
import json
import multiprocessing as mp
import shutil
import time

import pytest
from click.testing import CliRunner

from marsad.cli import main, sample_dir
from marsad.ingest import Article, IngestError
from marsad.parallel import CHUNKSIZE, CHUNKS_IN_FLIGHT, analyze_records, resolve_workers

FORK_ONLY = pytest.mark.skipif(mp.get_start_method() != "fork", reason="patching a worker needs the fork start method")


@pytest.fixture
def corpus(tmp_path):
    """The seed articles, an empty file, and JSON Lines with one good and one invalid line."""
    folder = tmp_path / "corpus"
    shutil.copytree(sample_dir(), folder)
    (folder / "010_empty.txt").write_bytes(b"")
    (folder / "011_feed.jsonl").write_text('{"id": "x1", "text": "قصفت روسيا كييف أمس."}\n{not json\n',
                                          encoding="utf-8")
    return folder


def analyze_cli(*args):
    return CliRunner().invoke(main, ["analyze", *args, "--no-progress"], catch_exceptions=False)


def test_parallel_records_equal_single_process(corpus):
    one, two = analyze_cli(str(corpus), "--workers", "1"), analyze_cli(str(corpus), "--workers", "2")
    assert one.exit_code == two.exit_code == 1
    recs = [json.loads(line) for line in two.stdout.splitlines()]
    seeds = sorted(p.name for p in sample_dir().glob("*.txt"))
    assert [r["doc"] for r in recs] == seeds + ["x1"]
    assert two.stdout == one.stdout and all(r["entities"] for r in recs)
    for res in (one, two):
        assert "010_empty.txt" in res.stderr and "011_feed.jsonl:2" in res.stderr
        assert "2 input(s) could not be analysed" in res.stderr


def test_parallel_text_layer_and_formats(corpus):
    seed = str(corpus / "003_1198a405a9fc6f05.txt")
    for fmt in ("jsonl", "json", "table"):
        one = analyze_cli(seed, "--format", fmt, "--text-layer")
        two = analyze_cli(seed, "--format", fmt, "--text-layer", "--workers", "2")
        assert one.exit_code == two.exit_code == 0 and two.stdout == one.stdout
    layered = json.loads(analyze_cli(seed, "--text-layer", "--workers", "2").stdout)
    assert layered["dates"] and layered["removed"]


def test_parallel_workers_option_checked(corpus):
    assert resolve_workers(0) >= 1 and resolve_workers(2) == 2
    with pytest.raises(ValueError):
        resolve_workers(-1)
    res = CliRunner().invoke(main, ["analyze", str(corpus), "--workers", "-1"])
    assert res.exit_code == 2 and "--workers" in res.output


@FORK_ONLY
@pytest.mark.parametrize("workers", [1, 2])
def test_parallel_analysis_failure_reported_in_place(monkeypatch, workers):
    from marsad.pipeline import Pipeline

    real = Pipeline.analyze_article

    def fragile(self, art):
        if "انفجار" in art.text:
            raise RuntimeError("boom")
        return real(self, art)

    monkeypatch.setattr(Pipeline, "analyze_article", fragile)
    items = [Article("a", "وصل الرئيس الروسي إلى مينسك.", source_path="a.txt"), IngestError("b.txt", "unreadable"),
             Article("c", "انفجار في دمشق.", source_path="c.txt"), Article("d", "قصفت روسيا كييف.", source_path="d.txt")]
    out = list(analyze_records(items, workers=workers))
    assert [o["doc"] if isinstance(o, dict) else o.source for o in out] == ["a", "b.txt", "c.txt", "d"]
    assert out[2].reason == "analysis failed: RuntimeError: boom" and out[1].reason == "unreadable"


def test_parallel_reads_only_a_window_ahead():
    pulled = itertools.count()

    def articles():
        for i in range(400):
            next(pulled)
            yield Article(f"gen-{i}", "أعلنت وزارة الدفاع الروسية أن قواتها انسحبت من خيرسون.")

    results = analyze_records(articles(), workers=2)
    first = next(results)
    time.sleep(1.0)  # let the pool's feeder thread read as far as it is allowed
    ahead = next(pulled)
    results.close()
    assert first["doc"] == "gen-0"
    assert ahead <= CHUNKSIZE * 2 * CHUNKS_IN_FLIGHT + CHUNKSIZE + 1 < 400
