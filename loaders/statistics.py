"""Counts that describe a graph: labels, relationship types, evidence, regions, macro-regions, kinds.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph(
...     [Node("sur", ("MacroRegion",), {"name": "Sur"}),
...      Node("cusco", ("Region",), {"name": "Cusco", "macro_region": "sur"}),
...      Node("gies-cusco", ("Organization", "Network"), {"name": "GIES Cusco", "kind": "network", "region": "cusco"})],
...     [Relationship("LOCATED_IN", "cusco", "sur", {"quote": "q", "evidence": "stated"}),
...      Relationship("LOCATED_IN", "gies-cusco", "cusco", {"quote": "q", "evidence": "stated"})])
>>> s = stats(G)
>>> s["labels"], s["regions"], s["macro_regions"], s["kinds"], s["evidence"]
({'MacroRegion': 1, 'Network': 1, 'Organization': 1, 'Region': 1}, {'cusco': 1}, {'sur': 1}, {'network': 1}, {'stated': 2})
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from essgraph.graphmodel import ACTOR_LABELS, carries_label

__all__ = ["stats"]


def stats(G: nx.MultiDiGraph) -> dict[str, Any]:
    """Counts of a graph, as plain data (what ``essgraph stats --json`` prints).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph in essgraph's NetworkX form.

    Returns
    -------
    dict
        ``nodes`` and ``relationships`` (totals); ``labels`` (nodes per label);
        ``types`` (relationships per type); ``evidence`` (relationships per
        evidence: stated/inferred); ``regions`` and ``macro_regions``
        (organizations and municipalities per region id, and per macro-region
        id, :func:`~essgraph.graphmodel.graph.derive_macro_regions`); ``kinds``
        (organizations per kind); ``census`` (number of census records). Every
        mapping is sorted by key.
    """
    labels: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    regions: Counter[str] = Counter()
    macro_regions: Counter[str] = Counter()
    for node_id, attrs in G.nodes(data=True):
        node_labels = attrs.get("labels", ())
        labels.update(node_labels)
        if "kind" in attrs and carries_label(attrs, "Organization"):
            kinds[attrs["kind"]] += 1
        if carries_label(attrs, *ACTOR_LABELS):
            region = attrs.get("region")
            if region:
                regions[region] += 1
            macro = attrs.get("macro_region")  # derived from the region when the graph is built
            if macro:
                macro_regions[macro] += 1
    types = Counter(t for _, _, t in G.edges(data="type"))
    evidence = Counter(e for _, _, e in G.edges(data="evidence") if e)
    return {
        "nodes": G.number_of_nodes(),
        "relationships": G.number_of_edges(),
        "labels": _sorted(labels),
        "types": _sorted(types),
        "evidence": _sorted(evidence),
        "regions": _sorted(regions),
        "macro_regions": _sorted(macro_regions),
        "kinds": _sorted(kinds),
        "census": len(G.graph.get("census", [])),
    }


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items()))
