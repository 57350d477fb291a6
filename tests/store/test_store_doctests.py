"""The examples in the store modules' docstrings run and hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["marsad.store.backend", "marsad.store.sqlite", "marsad.store.postgres", "marsad.store.search",
           "marsad.store.writer", "marsad.store.reconcile", "marsad.store.queries"]


@pytest.mark.parametrize("name", MODULES)
def test_store_doctests_hold(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0
