"""`marsad analyze` end to end: formats, bad inputs reported while the others go on."""
import json

from click.testing import CliRunner

from marsad.cli import main, sample_dir


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_cli_analyze_seeds_jsonl():
    r = run("analyze", str(sample_dir()), "--format", "jsonl")
    assert r.exit_code == 0, r.output
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["doc"] for x in recs] == sorted(p.name for p in sample_dir().glob("*.txt"))
    assert all(x["entities"] for x in recs)


def test_cli_analyze_json_and_table(tmp_path):
    out = tmp_path / "o.json"
    r = run("analyze", str(sample_dir() / "001_39e8465b9a1b5ccf.txt"), "--format", "json", "-o", str(out))
    assert r.exit_code == 0
    recs = json.loads(out.read_text(encoding="utf-8"))
    assert recs[0]["meta"]["outlet"] == "Sky News Arabia"
    r = run("analyze", str(sample_dir() / "001_39e8465b9a1b5ccf.txt"), "--format", "table")
    assert "Collective Security Treaty Organization" in r.stdout


def test_cli_analyze_reports_bad_inputs_and_goes_on(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (tmp_path / "c_good.txt").write_text("تستعد بيلاروسيا لنشر كتيبتين من قواتها في سورية.", encoding="utf-8")
    (tmp_path / "d_cp1256.txt").write_bytes("أعلنت وزارة الدفاع الروسية أن قواتها انسحبت من خيرسون.".encode("cp1256"))
    (tmp_path / "e.jsonl").write_text('{"id": "x1", "text": "قصفت روسيا كييف."}\nnot json\n', encoding="utf-8")
    r = CliRunner().invoke(main, ["analyze", str(tmp_path)])
    assert r.exit_code == 1
    docs = [json.loads(line)["doc"] for line in r.stdout.splitlines()]
    assert docs == ["c_good.txt", "d_cp1256.txt", "x1"]
    assert "a_empty.txt" in r.stderr and "b_binary.txt" in r.stderr and "e.jsonl:2" in r.stderr


def test_cli_analyze_text_layer():
    r = run("analyze", str(sample_dir() / "003_1198a405a9fc6f05.txt"), "--text-layer")
    rec = json.loads(r.stdout)
    assert rec["meta"]["published"] == "2024-05-09"
    assert any(d["value"] == "2002" for d in rec["dates"]) or any(d["value"].startswith("2002") for d in rec["dates"])
    assert rec["removed"]
