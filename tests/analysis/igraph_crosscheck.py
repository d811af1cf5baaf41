"""An independent implementation to check ours against: python-igraph."""
from __future__ import annotations

from typing import Hashable

import igraph as ig
import networkx as nx


def to_igraph(T: nx.Graph) -> tuple[ig.Graph, list[Hashable]]:
    """The same simple undirected graph in igraph, and its vertex order."""
    order = list(T.nodes)
    index = {v: i for i, v in enumerate(order)}
    g = ig.Graph(n=len(order), edges=[(index[u], index[v]) for u, v in T.edges() if u != v])
    return g, order


def articulation_points(T: nx.Graph) -> set[Hashable]:
    g, order = to_igraph(T)
    return {order[i] for i in g.articulation_points()}


def bridges(T: nx.Graph) -> set[frozenset[Hashable]]:
    g, order = to_igraph(T)
    return {frozenset((order[g.es[i].source], order[g.es[i].target])) for i in g.bridges()}


def components(T: nx.Graph) -> set[frozenset[Hashable]]:
    g, order = to_igraph(T)
    return {frozenset(order[i] for i in c) for c in g.connected_components()}


def betweenness(T: nx.Graph) -> dict[Hashable, float]:
    """Normalized like NetworkX: divided by (n-1)(n-2)/2."""
    g, order = to_igraph(T)
    n = len(order)
    scale = 2 / ((n - 1) * (n - 2)) if n > 2 else 0.0
    return {order[i]: b * scale for i, b in enumerate(g.betweenness())}


def degree(T: nx.Graph) -> dict[Hashable, int]:
    g, order = to_igraph(T)
    return dict(zip(order, g.degree()))


def multilevel_modularity(T: nx.Graph, seed: int = 0) -> float:
    g, _ = to_igraph(T)
    ig.set_random_number_generator(__import__("random").Random(seed))
    return g.community_multilevel().modularity


def modularity_of(T: nx.Graph, membership: dict[Hashable, int]) -> float:
    g, order = to_igraph(T)
    return g.modularity([membership[v] for v in order])
