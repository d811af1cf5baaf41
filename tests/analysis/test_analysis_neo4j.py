"""The same analysis on the embedded graph and on the graph read back from a real Neo4j."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from essgraph.analysis import analyze

# The project's Neo4j fixtures live in tests/neo4j/conftest.py, which pytest only shows to
# tests/neo4j/; load that module and expose its fixtures here (same server rules and skips).
_spec = importlib.util.spec_from_file_location(
    "essgraph_tests_neo4j_fixtures", Path(__file__).resolve().parents[1] / "neo4j" / "conftest.py")
assert _spec is not None and _spec.loader is not None
_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_fixtures)
neo4j_server = _fixtures.neo4j_server
neo4j_driver = _fixtures.neo4j_driver
neo4j_clean = _fixtures.neo4j_clean


@pytest.mark.neo4j
def test_analysis_is_the_same_on_the_graph_read_back_from_neo4j(neo4j_clean, real_graph):
    from essgraph.neo4jstore import load, pull

    load(neo4j_clean, real_graph, replace=True)
    back = pull(neo4j_clean, metadata=real_graph.graph.get("dataset"))
    for options in ({}, {"include_inferred": True, "include_people": True, "include_municipalities": True}):
        here = json.dumps(analyze(real_graph, **options), ensure_ascii=False, sort_keys=True)
        there = json.dumps(analyze(back, **options), ensure_ascii=False, sort_keys=True)
        assert there == here
