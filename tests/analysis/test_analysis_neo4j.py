"""The same analysis on the embedded graph and on the graph read back from a real Neo4j."""
from __future__ import annotations

import json

from essgraph.analysis import analyze


def test_analysis_is_the_same_on_the_graph_read_back_from_neo4j(neo4j_clean, real_graph):
    from essgraph.neo4jstore import load, pull

    load(neo4j_clean, real_graph, replace=True)
    back = pull(neo4j_clean, metadata=real_graph.graph.get("dataset"))
    for options in ({}, {"include_inferred": True, "include_people": True, "include_municipalities": True}):
        here = json.dumps(analyze(real_graph, **options).to_json(), ensure_ascii=False, sort_keys=True)
        there = json.dumps(analyze(back, **options).to_json(), ensure_ascii=False, sort_keys=True)
        assert there == here
