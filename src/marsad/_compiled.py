"""The modules that the build compiles with mypyc (``setup.py``), and a check that none is older than its build.

With ``pip install -e .`` the compiled modules are built in place: ``normalize.cpython-311-….so`` next to
``normalize.py`` (a stub that loads the code of every compiled module from one library, ``_mypyc__mypyc….so``), and
Python imports the ``.so``. An edit to the ``.py`` does nothing until the library is rebuilt (``make setup`` does it);
:func:`stale` names the modules in that state, and ``marsad/__init__.py`` warns about them.
Run as a script (``python src/marsad/_compiled.py``), this file prints the source paths, for the Makefile.
"""
from __future__ import annotations

import os
from importlib.machinery import EXTENSION_SUFFIXES

#: compiled modules, as paths under ``src/marsad``; every other module stays pure Python
MODULES = (
    "text/normalize.py",
    "text/tokenize.py",
    "text/clitics.py",
    "text/document.py",
    "text/sentences.py",
    "text/numbers.py",
    "text/dates.py",
    "entities/bodies.py",
    "entities/discovery.py",
    "entities/link.py",
    "entities/matcher.py",
    "entities/model.py",
    "entities/provinces.py",
    "entities/tagger.py",
    "entities/western.py",
    "lexicon/load.py",
    "events/context.py",
    "events/extract.py",
    "events/facts.py",
    "events/quotes.py",
    "events/triggers.py",
)
#: the library of the compiled code, in the package (mypyc's name for the group ``marsad._mypyc`` of setup.py)
LIBRARY = "_mypyc__mypyc"


def stale(package: str = os.path.dirname(__file__)) -> list[str]:
    """The compiled modules whose source is newer than the library built in place (none without such a build)."""
    for suffix in EXTENSION_SUFFIXES:
        try:
            built = os.stat(os.path.join(package, LIBRARY + suffix)).st_mtime
        except FileNotFoundError:
            continue
        return [m for m in MODULES if os.stat(os.path.join(package, m)).st_mtime > built]
    return []


if __name__ == "__main__":
    print(" ".join(f"src/marsad/{m}" for m in MODULES))
