"""Reading a batch run's output back as analysis records, and loading it into the store (no Spark needed).

    from marsad.batch.load import iter_batch_records, load_into_store
    for record, text in iter_batch_records("out/"):        # out/ = OUTPUT of `marsad batch`
        ...
    report = load_into_store("out/", "marsad.db")          # or a postgresql:// URL; an IngestReport

``records.parquet`` is read when present (its ``json`` column is the exact record, ``text`` the article text the store
indexes); otherwise ``records.jsonl`` (records without text). A Parquet or JSON Lines file or folder given directly
works too. Local paths only (copy a cluster's output down first, e.g. ``hdfs dfs -get``).
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.batch.schema import RECORDS_JSONL, RECORDS_PARQUET

if TYPE_CHECKING:
    from marsad.store import IngestReport

PARQUET_BATCH = 512


def _data_files(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Part files of a Spark output folder (hidden, ``_SUCCESS`` and ``.crc`` files left out), sorted."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith((".", "_"))
                  and (not suffixes or p.name.endswith(suffixes)))


def _from_parquet(path: Path) -> Iterator[tuple[dict, str | None]]:
    import pyarrow.dataset as ds

    files = [path] if path.is_file() else _data_files(path, (".parquet",))
    if not files:
        return
    dataset = ds.dataset([str(f) for f in files], format="parquet")
    columns = ["json", "text"] if "text" in dataset.schema.names else ["json"]
    for batch in dataset.to_batches(columns=columns, batch_size=PARQUET_BATCH):
        texts = batch.column("text").to_pylist() if "text" in columns else [None] * batch.num_rows
        for raw, text in zip(batch.column("json").to_pylist(), texts):
            yield json.loads(raw), text


def _from_jsonl(path: Path) -> Iterator[tuple[dict, str | None]]:
    files = [path] if path.is_file() else _data_files(path, ())
    for file in files:
        with file.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    record = json.loads(line)
                    yield record, record.pop("text", None)


def iter_batch_records(output: str | Path) -> Iterator[tuple[dict, str | None]]:
    """``(record, text or None)`` for every record of a batch run (its OUTPUT folder, or one records file/folder)."""
    path = Path(output)
    if (path / RECORDS_PARQUET).is_dir():
        yield from _from_parquet(path / RECORDS_PARQUET)
    elif (path / RECORDS_JSONL).exists():
        yield from _from_jsonl(path / RECORDS_JSONL)
    elif path.name.endswith(".parquet") or (path.is_dir() and _data_files(path, (".parquet",))):
        yield from _from_parquet(path)
    elif path.exists():
        yield from _from_jsonl(path)
    else:
        raise FileNotFoundError(f"no batch output at {output}")


def load_into_store(output: str | Path, db: str, commit_every: int = 200) -> "IngestReport":
    """Store every record of a batch run with the store's own writer (:meth:`marsad.store.Store.add_records`)."""
    from marsad.store import Store

    with Store(db) as store:
        return store.add_records(((rec, text, {}) for rec, text in iter_batch_records(output)), commit_every)
