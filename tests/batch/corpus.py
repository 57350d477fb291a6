"""A small test corpus for the batch tests: the seed articles plus good and bad extra articles (real Arabic news prose)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from marsad.ingest import IngestError
from marsad.pipeline import Pipeline
from marsad.records import to_record

SEEDS = Path(__file__).resolve().parents[2] / "src" / "marsad" / "samples" / "seeds"

GOOD = [
    {"id": "wire-001", "title": "نشر كتيبة روسية",
     "text": "أعلنت وزارة الدفاع الروسية نشر كتيبة من الشرطة العسكرية في محافظة درعا جنوبي سوريا، "
             "بحسب ما نقلت وكالة سبوتنيك عن مصدر عسكري.", "published": "2024-03-02"},
    {"text": "قال الأمين العام لحلف شمال الأطلسي إن الحلف سيعزز وجوده العسكري في بولندا ودول البلطيق "
             "ردا على المناورات الروسية البيلاروسية المشتركة."},
]
BAD_LINES = ['{"id": "wire-003", "text": "انقطع السطر', json.dumps({"id": "wire-004", "text": ""})]


def make_corpus(folder: Path) -> Path:
    """Seeds + ``wire.jsonl`` (2 good records, a malformed line, an empty text) + an empty and a binary file."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in sorted(SEEDS.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    lines = [json.dumps(GOOD[0], ensure_ascii=False), BAD_LINES[0], BAD_LINES[1], json.dumps(GOOD[1], ensure_ascii=False)]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "scan.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def reference(paths: list[str]) -> tuple[list[dict], set[tuple[str, str]]]:
    """What ``marsad analyze`` gives for ``paths``: its records, and its errors as (file name[:line], reason)."""
    records, errors = [], set()
    for item in Pipeline.default().analyze_paths(paths):
        if isinstance(item, IngestError):
            errors.add((Path(item.source).name, item.reason))
        else:
            records.append(to_record(item))
    return records, errors


def canonical(records: list[dict]) -> list[str]:
    """Records as sorted canonical JSON strings, to compare runs that write in different orders."""
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in records)
