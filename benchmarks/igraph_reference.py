"""Reference pipeline for ``benchmarks/scale.py``: essgraph's graph measures written directly on igraph.

It computes, on the same tie graph as :func:`essgraph.analysis.analyze`, the
measures that dominate the analysis — components, articulation points, bridges,
degree, betweenness (exact, or from the same ``k`` seeded sample sources),
PageRank (essgraph's stand-in for eigenvector centrality; eigenvector is computed
too), closeness and Louvain (igraph's multilevel) — with no output formatting.
It is the "what would a competent hand-written igraph script cost" baseline;
``analyze`` additionally runs the projection, hubs per region, roles, gaps,
k-cores, augmentation, partner search, the Mesa and the timeline.

Not a test and not part of the package. Usage (from ``scale.py``)::

    from igraph_reference import reference
    seconds = reference(T, k=500, seed=42)
"""
from __future__ import annotations

import random
import time
from typing import Any

import igraph as ig
import networkx as nx

__all__ = ["reference"]


def reference(T: nx.Graph, *, k: int | None = None, seed: int = 42) -> dict[str, Any]:
    """Run the igraph pipeline on tie graph ``T``; return timings per step and small checksums."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 4)
        clock = now

    nodes = list(T)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in T.edges() if u != v])
    lap("convert")
    comps = g.connected_components()
    lap("components")
    cuts = g.articulation_points()
    lap("articulation_points")
    bridges = g.bridges()
    lap("bridges")
    degree = g.degree()
    lap("degree")
    n = g.vcount()
    if k is not None and k < n:
        sources = [index[v] for v in random.Random(seed).sample(nodes, k)]
        betweenness = g.betweenness(sources=sources, directed=False)
    else:
        betweenness = g.betweenness(directed=False)
    lap("betweenness")
    pagerank = g.pagerank(damping=0.85)
    lap("pagerank")
    eigen = g.eigenvector_centrality(scale=True)
    lap("eigenvector")
    closeness = g.closeness(normalized=True)
    lap("closeness")
    random.seed(seed)
    ig.set_random_number_generator(random.Random(seed))
    try:
        louvain = g.community_multilevel()
    finally:
        ig.set_random_number_generator(random)
    lap("louvain")
    return {"seconds": round(sum(timings.values()), 4), "steps": timings,
            "checks": {"components": len(comps), "articulation_points": len(cuts), "bridges": len(bridges),
                       "max_degree": max(degree, default=0), "max_betweenness": max(betweenness, default=0),
                       "max_pagerank": max(pagerank, default=0), "max_eigenvector": max(eigen, default=0),
                       "max_closeness": max((c for c in closeness if c == c), default=0),
                       "communities": len(louvain), "modularity": round(louvain.modularity, 4)}}
