"""Synthetic graphs of any size shaped like the map (for the kill test and the load benchmark).

>>> G = synthetic_graph(100, ties_per_node=5, seed=1)
>>> G.number_of_nodes(), G.number_of_edges()
(100, 500)
>>> synthetic_graph(100, seed=1).edges == G.edges
True
"""
from __future__ import annotations

import random

import networkx as nx

from essgraph.graphmodel import Node, Relationship, build_graph

__all__ = ["synthetic_graph"]

_TYPES = ("MEMBER_OF", "ALLIED_WITH", "COORDINATES_WITH", "SUPPORTS", "PARTICIPATES_IN", "FOUNDED")


def synthetic_graph(n_nodes: int, *, ties_per_node: int = 5, seed: int = 0) -> nx.MultiDiGraph:
    """``n_nodes`` organizations (1 in 20 a network) with ``ties_per_node × n_nodes`` ties."""
    rng = random.Random(seed)
    nodes = []
    for i in range(n_nodes):
        network = i % 20 == 0
        nodes.append(Node(
            f"org-{i}", ("Organization", "Network") if network else ("Organization",),
            {"name": f"Organización {i}", "kind": "network" if network else "initiative", "status": "active",
             "region": f"region-{i % 25}", "aliases": [f"O{i}", f"Org {i}"], "founded_year": 1980 + i % 40,
             "section": "synthetic", "quote": f"Organización {i}"},
        ))
    rels = []
    for i in range(n_nodes):
        for j in range(ties_per_node):
            end = rng.randrange(n_nodes - 1)
            end += end >= i
            rels.append(Relationship(rng.choice(_TYPES), f"org-{i}", f"org-{end}",
                                     {"section": "synthetic", "quote": f"tie {i}-{j}", "year": 2000 + j,
                                      "evidence": "stated"}))
    return build_graph(nodes, rels, {"title": f"synthetic {n_nodes}"})
