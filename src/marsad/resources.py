"""Where the package's data files live (``src/marsad/data``), read through importlib.resources."""
from __future__ import annotations

import json
from importlib import resources
from importlib.abc import Traversable


def data_file(*parts: str) -> Traversable:
    """A file under the package's ``data`` folder, e.g. ``data_file("charmaps", "remove.json")``."""
    return resources.files("marsad").joinpath("data", *parts)


def load_json(*parts: str):
    """A JSON data file, parsed."""
    return json.loads(data_file(*parts).read_text(encoding="utf-8"))
