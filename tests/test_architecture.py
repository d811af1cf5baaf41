"""The import-layer contract of the package, checked on its source (see docs/architecture.md).

Layers, highest first; a module imports only from its own layer's package or from lower layers::

    cli → render → analysis | queries | neo4jstore → loaders → graphmodel → kernel

``kernel`` is the root of ``essgraph/`` (errors, i18n, gcpause, files) and ``data`` the bundled
CSVs, both at the bottom. ``analysis``, ``queries`` and ``neo4jstore`` share a layer and do not
import each other. Some third-party packages belong to one place: click and tqdm (progress bars)
to the CLI, pyvis, jinja2 and matplotlib to ``render``, igraph to ``analysis.engine``, rdflib to
``loaders.essglobal`` and its helper modules (so that other commands do not load it). Imports are
absolute.

Every import statement counts, also those inside functions or under ``TYPE_CHECKING``.
"""
from __future__ import annotations

import ast
import tomllib
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: The layer of each part of the package (higher imports lower; equal ranks are siblings).
RANKS = {"kernel": 0, "data": 0, "graphmodel": 1, "loaders": 2,
         "analysis": 3, "queries": 3, "neo4jstore": 3, "render": 4, "cli": 5}

#: Third-party packages only these parts (a package part, or one module) may import.
OWNERS = {"click": {"cli"}, "tqdm": {"cli"}, "pyvis": {"render"}, "jinja2": {"render"},
          "matplotlib": {"render"}, "igraph": {"essgraph.analysis.engine"},
          "rdflib": {"essgraph.loaders.essglobal", "essgraph.loaders.essglobal_terms",
                     "essgraph.loaders.essglobal_reader", "essgraph.loaders.rdfparse"}}

#: Violations that exist today and are being fixed; the test fails when one is fixed and still
#: listed, so remove its line with the fix.
KNOWN_VIOLATIONS: set[str] = set()  # none left: issue 11's igraph and tqdm imports are gone


def test_the_contract_holds() -> None:
    new = sorted(set(violations()) - KNOWN_VIOLATIONS)
    assert new == [], "imports that break the layers (docs/architecture.md):\n" + "\n".join(
        f"{v}  ({', '.join(violations()[v])})" for v in new)


def test_every_known_violation_still_exists() -> None:
    fixed = sorted(KNOWN_VIOLATIONS - set(violations()))
    assert fixed == [], f"fixed, remove from KNOWN_VIOLATIONS: {fixed}"


def test_the_scan_sees_every_part_and_its_imports() -> None:
    parts = {part(module) for module in modules()}
    assert parts == set(RANKS)
    found = {(importer, imported) for importer, imported, _ in imports()}
    assert ("essgraph.analysis.engine", "igraph") in found
    assert ("essgraph.cli.analyze", "essgraph.analysis") in found
    assert ("essgraph.loaders.snapshot", "essgraph.files") in found  # kernel below loaders
    assert len(found) > 200


@pytest.mark.parametrize(("importer", "imported", "broken"), [
    ("essgraph.cli.render", "essgraph.render", None),
    ("essgraph.render.charts", "matplotlib.pyplot", None),
    ("essgraph.render.page", "essgraph.loaders.exporters", None),  # skipping a layer downwards is fine
    ("essgraph.analysis.engine", "igraph", None),
    ("essgraph.loaders.snapshot", "essgraph.errors", None),
    ("essgraph.files", "essgraph.errors", None),
    ("essgraph.analysis.cuts", "essgraph.analysis.engine", None),
    ("essgraph.graphmodel.schema", "essgraph.loaders", "graphmodel imports loaders, a higher layer"),
    ("essgraph.errors", "essgraph.graphmodel", "kernel imports graphmodel, a higher layer"),
    ("essgraph.analysis.pipeline", "essgraph.render.texts", "analysis imports render, a higher layer"),
    ("essgraph.analysis.cuts", "essgraph.queries.run", "analysis imports queries, a sibling"),
    ("essgraph.neo4jstore.writer", "essgraph.analysis", "neo4jstore imports analysis, a sibling"),
    ("essgraph.loaders.building", "click", "only cli may import click"),
    ("essgraph.analysis.cuts", "igraph", "only essgraph.analysis.engine may import igraph"),
    ("essgraph.render.structure", "igraph", "only essgraph.analysis.engine may import igraph"),
    ("essgraph.cli.render", "pyvis", "only render may import pyvis"),
    ("essgraph.loaders.exporters", "rdflib", "only essgraph.loaders.essglobal, essgraph.loaders.essglobal_reader, "
                                             "essgraph.loaders.essglobal_terms, essgraph.loaders.rdfparse may import rdflib"),
    ("essgraph.analysis.cuts", ".engine", "imports are absolute"),
])
def test_the_rules(importer: str, imported: str, broken: str | None) -> None:
    assert rule_broken(importer, imported) == broken


# -- the scan -------------------------------------------------------------------------------------

def part(module: str) -> str:
    """``essgraph.analysis.engine`` → ``analysis``; the root modules of ``essgraph`` → ``kernel``."""
    name = module.split(".")
    return name[1] if len(name) > 1 and name[1] in RANKS else "kernel"


def rule_broken(importer: str, imported: str) -> str | None:
    """Which rule ``importer`` breaks by importing ``imported`` (a dotted name), or None."""
    if imported.startswith("."):
        return "imports are absolute"
    if imported.split(".")[0] != "essgraph":
        owners = OWNERS.get(imported.split(".")[0])
        if owners is None or owners & {importer, part(importer)}:
            return None
        return f"only {', '.join(sorted(owners))} may import {imported.split('.')[0]}"
    low, high = part(importer), part(imported)
    if low == high:
        return None
    if RANKS[low] < RANKS[high]:
        return f"{low} imports {high}, a higher layer"
    if RANKS[low] == RANKS[high]:
        return f"{low} imports {high}, a sibling"
    return None


@cache
def violations() -> dict[str, tuple[str, ...]]:
    """``"A imports B"`` → the rules it breaks, with file and line, for every bad import."""
    found: dict[str, tuple[str, ...]] = {}
    for importer, imported, where in imports():
        broken = rule_broken(importer, imported)
        if broken:
            shown = imported if imported.startswith(("essgraph", ".")) else imported.split(".")[0]
            key = f"{importer} imports {shown}"
            found[key] = (*found.get(key, ()), f"{broken} at {where}")
    return found


@cache
def imports() -> tuple[tuple[str, str, str], ...]:
    """(importing module, imported dotted name, file:line) for every import statement."""
    found = []
    for module, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            where = f"{path.relative_to(ROOT)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import):
                found += [(module, alias.name, where) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level:
                found.append((module, "." * node.level + (node.module or ""), where))
            elif isinstance(node, ast.ImportFrom) and node.module == "essgraph":
                found += [(module, f"essgraph.{alias.name}", where) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.append((module, node.module, where))
    return tuple(found)


@cache
def modules() -> dict[str, Path]:
    """Every module of the installed packages (pyproject.toml's list) → its source file."""
    setup = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    folders = {package: ROOT / folder for package, folder in setup["package-dir"].items()}
    found = {}
    for package in setup["packages"]:
        parent, _, child = package.rpartition(".")
        folder = folders.setdefault(package, folders[parent] / child if parent else ROOT / package)
        for path in sorted(folder.glob("*.py")):
            found[package if path.stem == "__init__" else f"{package}.{path.stem}"] = path
    return found
