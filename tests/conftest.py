"""Shared fixtures: the seed articles shipped with marsad (real Arabic news text)."""
from __future__ import annotations

from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "src" / "marsad" / "samples" / "seeds"


def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def read_seed(name: str) -> str:
    return open(SEEDS / name, encoding="utf-8", newline="").read().lstrip("\ufeff")


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """Every seed article's text by file name."""
    return {p.name: read_seed(p.name) for p in seed_paths()}


def lexicon_rows(name: str) -> list[dict]:
    """The entries of one packaged lexicon file."""
    import json
    from importlib import resources

    text = resources.files("marsad").joinpath("data/lexicon").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]
