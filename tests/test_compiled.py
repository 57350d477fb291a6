"""The list of mypyc-compiled modules and the check for an in-place build older than its sources."""
from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

from marsad import _compiled
from marsad._compiled import LIBRARY, MODULES, stale


def test_every_compiled_module_exists() -> None:
    package = Path(_compiled.__file__).parent
    assert MODULES and all((package / m).is_file() for m in MODULES)


def test_stale_names_the_sources_newer_than_the_library(tmp_path: Path) -> None:
    for m in MODULES:
        (tmp_path / m).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / m).write_text("")
        os.utime(tmp_path / m, (1000, 1000))
    assert stale(str(tmp_path)) == []  # no build in place: nothing to check
    library = tmp_path / (LIBRARY + EXTENSION_SUFFIXES[0])
    library.write_bytes(b"")
    os.utime(library, (2000, 2000))
    assert stale(str(tmp_path)) == []
    os.utime(tmp_path / MODULES[0], (3000, 3000))  # edited after the build
    assert stale(str(tmp_path)) == [MODULES[0]]
