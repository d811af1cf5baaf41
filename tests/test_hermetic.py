"""The suite is hermetic and honest: no test reads the snapshot of the folder pytest starts in,
service markers follow the fixtures, and CI turns a missing ../shared/ into a failure.

The mechanisms live in tests/conftest.py; these tests prove they work (several run pytest itself
in a subprocess, as a developer or CI would).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx

from essgraph.graphmodel import Node, build_graph
from essgraph.loaders import load_graph, read_snapshot, write_snapshot

ROOT = Path(__file__).resolve().parents[1]

#: The fixtures that need a service, and the marker each one's tests carry (the oracle of the hook).
SERVICE_FIXTURES = {"neo4j_server": "neo4j", "neo4j_uri": "neo4j", "neo4j_driver": "neo4j",
                    "neo4j_clean": "neo4j", "browser": "browser"}

#: A pytest plugin that writes, after -m has deselected, each collected test's fixtures.
PROBE = """
import json, os

def pytest_collection_finish(session):
    with open(os.environ["ESSGRAPH_PROBE_OUT"], "w", encoding="utf-8") as out:
        json.dump({item.nodeid: sorted(getattr(item, "fixturenames", ())) for item in session.items}, out)
"""


def run_pytest(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python -m pytest ARGS`` in ``cwd``, in a fresh interpreter."""
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args], cwd=cwd,
                          env=env or dict(os.environ), capture_output=True, text=True, timeout=600)


def test_tests_run_in_a_folder_whose_snapshot_is_a_stray_one_node_graph() -> None:
    here = Path.cwd()
    assert here != ROOT and ROOT not in here.parents
    stray = list(read_snapshot(here / ".essgraph" / "graph.json"))
    assert len(stray) == 1 and list(load_graph()) == stray  # armed: a test reading it gets one node


def test_the_real_graph_fixture_is_the_bundled_data(real_graph: nx.MultiDiGraph) -> None:
    assert not set(load_graph()) & set(real_graph)
    assert real_graph.number_of_nodes() > 100 and "gresp" in real_graph


def test_a_stray_snapshot_where_pytest_starts_changes_no_result(tmp_path: Path) -> None:
    stray = build_graph([Node("only", ("Region",), {"name": "Only"})], [])
    write_snapshot(stray, tmp_path / ".essgraph" / "graph.json")
    tests = ["tests/queries/test_library.py::test_cli_list_and_json_equal_the_library",
             "tests/cli/test_analyze_cli.py::test_bundled_data"]
    run = run_pytest("-q", *(str(ROOT / t) for t in tests), cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-3000:]
    assert "2 passed" in run.stdout


def test_service_markers_come_from_the_fixtures(tmp_path: Path) -> None:
    (tmp_path / "essgraph_marker_probe.py").write_text(PROBE, encoding="utf-8")
    out = tmp_path / "items.json"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
               ESSGRAPH_PROBE_OUT=str(out))
    run = run_pytest("--collect-only", "-q", "-p", "essgraph_marker_probe", "-m", "not neo4j and not browser",
                     str(ROOT / "tests"), cwd=ROOT, env=env)
    assert run.returncode == 0, run.stdout[-3000:]
    kept = json.loads(out.read_text(encoding="utf-8"))
    assert len(kept) > 300 and "tests/test_hermetic.py::test_service_markers_come_from_the_fixtures" in kept
    using_a_service = {test: sorted(set(fixtures) & SERVICE_FIXTURES.keys()) for test, fixtures in kept.items()
                       if set(fixtures) & SERVICE_FIXTURES.keys()}
    assert using_a_service == {}
    assert not [test for test in kept if test.startswith("tests/neo4j/test_server.py")]


def test_a_missing_shared_folder_skips_and_fails_under_require_shared(tmp_path: Path) -> None:
    test = str(ROOT / "tests" / "graphmodel" / "test_schema.py")
    env = {k: v for k, v in os.environ.items() if k != "ESSGRAPH_REQUIRE_SHARED"}
    env["ESSGRAPH_SHARED_DIR"] = str(tmp_path / "no-shared")
    skipped = run_pytest("-q", "-k", "skos and legal", test, cwd=tmp_path, env=env)
    assert skipped.returncode == 0 and "1 skipped" in skipped.stdout, skipped.stdout[-3000:]
    failed = run_pytest("-q", "-k", "skos and legal", test, cwd=tmp_path, env=dict(env, ESSGRAPH_REQUIRE_SHARED="1"))
    assert failed.returncode == 1 and "1 failed" in failed.stdout, failed.stdout[-3000:]
    assert "ESSGRAPH_REQUIRE_SHARED=1 turns this skip into a failure" in failed.stdout
