"""What the drawing encodes about the network's shape: sizes, cut points, bridges, groups.

The measures are computed on the analyses' *tie graph*
(:func:`essgraph.analysis.projection.tie_graph` with its defaults: one undirected
link for each pair of organizations with at least one stated tie), so a cut point in a picture is
the cut point the report names. They are computed once on the whole graph and
every view reuses them, so an organization keeps its marks in every view.
igraph does the work in C through :mod:`essgraph.analysis.engine`, so a 10,000-node graph takes seconds.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "f"), ("f", "g"), ("g", "d")])
>>> T.add_node("e")
>>> s = measure(T, size_by="degree")
>>> s.degree["c"], s.degree["e"], sorted(s.articulation), sorted(map(sorted, s.bridges))
(3, 0, ['c', 'd'], [['c', 'd']])
>>> s.component["a"] == s.component["d"] != s.component["e"], s.component_sizes
(True, (6, 1))
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from essgraph.analysis.engine import drawing_structure

__all__ = ["SIZE_MEASURES", "Structure", "measure"]

#: Measures a node's size can show.
SIZE_MEASURES = ("degree", "betweenness", "eigenvector")


@dataclass(frozen=True)
class Structure:
    """Per-node measures and marks of the actors' tie graph.

    ``score`` is the size measure scaled to ``0..1``; ``component`` numbers the
    connected groups from the largest (0). ``bridges`` holds the ``frozenset``
    pairs of the ties whose loss splits a group into two parts of two or more
    (the tie of a one-tie organization is a bridge too, but its mark is on the
    organization).
    """

    degree: dict[str, int]
    score: dict[str, float]
    articulation: frozenset[str]
    bridges: frozenset[frozenset[str]]
    component: dict[str, int]
    component_sizes: tuple[int, ...]


def measure(T: nx.Graph, *, size_by: str = "degree") -> Structure:
    """Sizes and marks of every node of the tie graph ``T``.

    Parameters
    ----------
    T : networkx.Graph
        A simple undirected graph (the analyses' tie graph).
    size_by : {"degree", "betweenness", "eigenvector"}
        The centrality that ``score`` holds.

    Returns
    -------
    Structure
    """
    if size_by not in SIZE_MEASURES:
        raise ValueError(f"unknown size measure {size_by!r}; use one of {', '.join(SIZE_MEASURES)}")
    found = drawing_structure(T, size_by)
    nodes = [str(v) for v in found["vertices"]]
    degree, raw, groups = found["degree"], found["raw"], found["groups"]
    top = max(raw, default=0) or 1
    component = {nodes[i]: k for k, members in enumerate(groups) for i in members}
    return Structure(
        degree=dict(zip(nodes, degree)),
        score={n: float(x) / top for n, x in zip(nodes, raw)},
        articulation=frozenset(nodes[i] for i in found["articulation"]),
        # Every bridge is the engine's; the drawing marks only those between two nodes with other
        # ties: a bridge to a one-tie node is that node's only tie, which its size already shows.
        bridges=frozenset(frozenset((nodes[a], nodes[b])) for a, b in found["bridges"] if min(degree[a], degree[b]) > 1),
        component=component,
        component_sizes=tuple(len(c) for c in groups),
    )
