"""Loads the ingest rule files (``data/rules/chrome.json``, ``data/rules/outlets.json``) once per process."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any


def _load(name: str) -> dict[str, Any]:
    with resources.files("marsad").joinpath("data", "rules", name).open(encoding="utf-8") as handle:
        return json.load(handle)


@lru_cache(maxsize=1)
def chrome_rules() -> dict[str, Any]:
    """The page-chrome rule file as a dict (cached)."""
    return _load("chrome.json")


@lru_cache(maxsize=1)
def outlet_rules() -> dict[str, Any]:
    """The outlet self-reference rule file as a dict (cached)."""
    return _load("outlets.json")
