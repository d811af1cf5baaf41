"""Run every docstring example of the library as a test."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import essgraph


def _modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(essgraph.__path__, "essgraph."):
        names.append(info.name)
    # Subpackages mapped onto top-level folders are found through their own paths.
    for sub in ("graphmodel", "loaders", "queries", "neo4jstore", "analysis", "render", "cli"):
        pkg = importlib.import_module(f"essgraph.{sub}")
        names.append(pkg.__name__)
        names += [i.name for i in pkgutil.walk_packages(pkg.__path__, f"essgraph.{sub}.")]
    return sorted(set(names) - {"essgraph.__main__"})


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"
