"""The build: compiles the hot modules of the per-article path with mypyc (``src/marsad/_compiled.py`` lists them).

``MARSAD_PURE_PYTHON=1 pip install .`` skips the compilation: the same package, pure Python. Everything else (the
metadata, the package data) is in ``pyproject.toml``.
"""
import os
import runpy
import sys
from pathlib import Path

from setuptools import setup

PACKAGE = Path("src/marsad")
COMPILED = runpy.run_path(str(PACKAGE / "_compiled.py"))
MODULES = [str(PACKAGE / m) for m in COMPILED["MODULES"]]

# pip runs this file for the metadata (egg_info, dist_info) before the build: those runs need no compilation
COMMANDS = [a for a in sys.argv[1:] if not a.startswith("-")]
METADATA_ONLY = COMMANDS[:1] in (["egg_info"], ["dist_info"])

if not METADATA_ONLY:
    # extension modules of an earlier build in place (pip install -e) would shadow the sources: a build starts clean
    for built in PACKAGE.rglob("*.so"):
        built.unlink()

if METADATA_ONLY or os.environ.get("MARSAD_PURE_PYTHON") == "1":
    setup()
else:
    from mypyc.build import mypycify

    try:
        extensions = mypycify(["--config-file", "mypyc.ini", *MODULES], opt_level="3",
                              separate=[(MODULES, "marsad." + COMPILED["LIBRARY"].removesuffix("__mypyc"))])
    except SystemExit as e:
        sys.exit(f"marsad: mypyc could not compile {MODULES} ({e}); MARSAD_PURE_PYTHON=1 installs pure Python")
    setup(ext_modules=extensions)
    # setuptools copies an unchanged earlier build in place with its old file time; the build is now, for the check of
    # compiled modules older than their sources (marsad/_compiled.py)
    for built in PACKAGE.rglob("*.so"):
        os.utime(built)
