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
IN_PLACE = "editable_wheel" in COMMANDS or "develop" in COMMANDS or "--inplace" in sys.argv

if IN_PLACE:
    # extension modules of an earlier build in place (pip install -e) would shadow the sources: a new one starts clean
    for built in PACKAGE.rglob("*.so"):
        built.unlink()

if METADATA_ONLY or os.environ.get("MARSAD_PURE_PYTHON") == "1":
    setup()
else:
    from mypyc.build import mypycify

    try:
        extensions = mypycify(["--config-file", "mypyc.ini", *MODULES], opt_level="3",
                              separate=[(MODULES, "marsad." + COMPILED["LIBRARY"].removesuffix("__mypyc"))])
        setup(ext_modules=extensions)
    except SystemExit as e:  # mypy's type errors (printed above), or the C compiler's (missing, failing)
        if e.code:
            sys.exit(f"{e.code if isinstance(e.code, str) else ''}\nmarsad: compiling {len(MODULES)} modules with mypyc "
                     "failed (a C compiler is needed); MARSAD_PURE_PYTHON=1 installs marsad as pure Python")
    if IN_PLACE:
        # setuptools copies an unchanged earlier build in place with its old file time; the build is now, for the
        # check of compiled modules older than their sources (marsad/_compiled.py)
        for built in PACKAGE.rglob("*.so"):
            os.utime(built)
