"""Reference pipeline for ``benchmarks/scale.py``: essgraph's graph measures written directly on igraph.

It computes, on the same tie graph as :func:`essgraph.analysis.analyze`, what
issue 7 names as the reference — connected components, articulation points,
bridges, degree, eigenvector centrality, betweenness with the same sampling and
Louvain (igraph's multilevel) — plus the two measures ``analyze`` also computes
on the whole graph, computed **as analyze computes them**:

* betweenness: exact up to ``k`` (``k=None``), otherwise from the same ``k``
  seeded sources (``random.Random(seed).sample(list(T), k)``);
* closeness (Wasserman–Faust): exact when ``k`` is ``None``; with ``k``, exact
  inside components of at most ``k`` nodes and estimated elsewhere from the
  distances to the sampled sources inside the component, as ``analyze`` does
  (until 2026-11-26 the reference computed exact closeness at every size: 4.5 s
  of its 6.4 s at 10,000 organizations, while ``analyze`` samples it);
* PageRank: PRPACK, damping 0.85, undirected, on one OpenMP thread (PRPACK's
  default threads made each call 30-60 times slower on the shared benchmark
  machine; ``analyze`` runs it on one thread too).

Everything is written straight on igraph and NumPy (no essgraph code), with no
output formatting: the "what would a competent hand-written igraph script
cost" baseline. ``analyze`` additionally runs the public graph and the
projection, hubs per macro-region and region, roles, group gaps, k-cores,
person bridges, the augmentation's lower bound, partner search, the Mesa, the
timeline and the JSON conversion.

Not a test and not part of the package. Usage (from ``scale.py``)::

    from igraph_reference import reference
    seconds = reference(T, k=500, seed=42)
"""
from __future__ import annotations

import ctypes
import glob
import os
import random
import time
from typing import Any

import igraph as ig
import networkx as nx
import numpy as np

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
    sources: list[int] = []
    if k is not None and k < n:
        sources = [index[v] for v in random.Random(seed).sample(nodes, k)]
        betweenness = g.betweenness(sources=sources, directed=False)
    else:
        betweenness = g.betweenness(directed=False)
    lap("betweenness")
    pagerank = _one_thread(lambda: g.pagerank(damping=0.85, directed=False, implementation="prpack"))
    lap("pagerank")
    eigen = g.eigenvector_centrality(scale=True)
    lap("eigenvector")
    closeness = _closeness(g, comps.membership, sources if k is not None and k < n else None)
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
                       "max_closeness": float(closeness.max()) if len(closeness) else 0,
                       "communities": len(louvain), "modularity": round(louvain.modularity, 4)}}


def _closeness(g: ig.Graph, membership: list[int], sources: list[int] | None) -> np.ndarray:
    """Wasserman–Faust closeness; with ``sources``, estimated in components larger than their number."""
    n = g.vcount()
    member = np.array(membership)
    sizes = np.bincount(member)
    reach = sizes[member]
    total = np.zeros(n)
    large = sizes > len(sources) if sources is not None else np.zeros(len(sizes), dtype=bool)
    exact = np.flatnonzero(~large[member] & (reach > 1))
    if len(exact):
        total[exact] = (reach[exact] - 1) / np.array(g.closeness(vertices=exact.tolist(), normalized=True))
    if sources is not None:
        src = np.array(sources)
        for c in np.flatnonzero(large).tolist():
            inside = src[member[src] == c]
            inside = inside if len(inside) else np.flatnonzero(member == c)[:1]
            acc = np.zeros(n)
            for start in range(0, len(inside), 64):
                d = np.array(g.distances(source=inside[start:start + 64].tolist()), dtype=float)
                acc += np.where(np.isfinite(d), d, 0.0).sum(axis=0)
            at = member == c
            total[at] = acc[at] * sizes[c] / len(inside)
    value = np.zeros(n)
    positive = total > 0
    value[positive] = (reach[positive] - 1) ** 2 / (total[positive] * max(n - 1, 1))
    return value


def _one_thread(call: Any) -> Any:
    """Run ``call`` with the OpenMP runtime bundled in python-igraph's wheel set to one thread."""
    found = glob.glob(os.path.join(os.path.dirname(ig.__file__), os.pardir, "igraph.libs", "libgomp*.so*"))
    if not found:
        return call()
    omp = ctypes.CDLL(found[0])
    before = omp.omp_get_max_threads()
    omp.omp_set_num_threads(1)
    try:
        return call()
    finally:
        omp.omp_set_num_threads(before)
