"""``marsad batch`` where the spark extra is not installed: a clear message with the install command, no traceback."""
from __future__ import annotations

import sys

from click.testing import CliRunner

from marsad.cli import main

from .corpus import SEEDS


def test_batch_without_the_spark_extra_says_what_to_install(monkeypatch, tmp_path):
    for name in ("pyspark", "pyarrow"):
        monkeypatch.setitem(sys.modules, name, None)  # import fails as if not installed
    for name in ("marsad.batch.spark", "marsad.batch.partition"):
        monkeypatch.delitem(sys.modules, name, raising=False)  # imported afresh by the command
    res = CliRunner().invoke(main, ["batch", str(SEEDS), str(tmp_path / "out")])
    assert res.exit_code != 0 and not isinstance(res.exception, ImportError)
    assert "pip install 'marsad[spark]'" in res.output and "Traceback" not in res.output
    assert not (tmp_path / "out").exists()
