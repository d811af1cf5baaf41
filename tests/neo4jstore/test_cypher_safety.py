"""No Cypher in the package is built from data: a static scan of the source.

Fails if a call to run/execute_query/execute_write/execute_read/begin_transaction gets
an f-string, a ``.format`` call or a ``%`` expression, or if any f-string / format / ``%``
template anywhere in the package contains Cypher keywords. Whitelisted label and type
names are put in only by ``essgraph.neo4jstore.cypher.fill``.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE_DIRS = ["essgraph", "graphmodel", "loaders", "queries", "neo4jstore", "analysis", "render"]
DRIVER_CALLS = {"run", "execute_query", "execute_write", "execute_read", "begin_transaction", "Query"}
CYPHER = re.compile(r"\b(MATCH|MERGE|CREATE|DELETE|DETACH|UNWIND|RETURN|SET|REMOVE|CALL)\b")


def _sources() -> list[Path]:
    return sorted(p for d in PACKAGE_DIRS if (ROOT / d).is_dir() for p in (ROOT / d).rglob("*.py"))


def _built(node: ast.AST) -> bool:
    """Whether ``node`` is a string built at run time by f-string, .format or %."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return True
    return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)) and (
        isinstance(node.left, (ast.Constant, ast.JoinedStr)) and isinstance(getattr(node.left, "value", ""), str))


def _template_text(node: ast.AST) -> str:
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Constant):
        return str(node.func.value.value)
    if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
        return str(node.left.value)
    return ""


def _violations(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in DRIVER_CALLS:
                for arg in [*node.args, *(k.value for k in node.keywords)]:
                    if any(_built(sub) for sub in ast.walk(arg)):
                        found.append((node.lineno, f"{name}() gets a string built at run time"))
        if _built(node) and CYPHER.search(_template_text(node)):
            found.append((node.lineno, "Cypher built with an f-string, .format or %"))
    return found


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_cypher_built_from_data(path: Path) -> None:
    assert _violations(ast.parse(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("bad", [
    'tx.run(f"MATCH (n {{name: \'{name}\'}}) RETURN n")',
    'driver.execute_query("MATCH (n:%s) RETURN n" % label)',
    'session.run("MERGE (n:{}) RETURN n".format(label))',
    'q = f"MATCH (n) WHERE n.name = \'{name}\' DETACH DELETE n"',
    'tx.run("MATCH (n) WHERE n.id = \'" + value + "\' RETURN n")',
])
def test_the_scan_catches_built_cypher(bad: str) -> None:
    assert _violations(ast.parse(bad)), bad


def test_the_scan_sees_the_package() -> None:
    names = {p.name for p in _sources()}
    assert {"writer.py", "reader.py", "run.py", "cypher.py"} <= names
