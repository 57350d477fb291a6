"""The whole package type-checks with the settings the compiled build uses (``mypyc.ini``), not only the compiled
modules: a wrong ``None``, a missing protocol method or a stream of the wrong kind fails here before it fails a user."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_package_type_checks() -> None:
    run = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "mypyc.ini"), "src/marsad"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues found" in run.stdout
