"""The whole view's picture for Gephi: each organization's position, colour and size as GEXF ``viz``.

Gephi opens an export without ``viz`` as black dots of size 10 at random places.
:func:`gephi_viz` gives each actor of the tie graph the colour of its kind (as
the views draw it), a size from its degree (the views' default) and a seeded
force-directed position, so Gephi opens the picture the report shows.

>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "cooperative"}),
...                  Node("b", ("Organization", "Network"), {"name": "B", "kind": "network"})],
...                 [Relationship("MEMBER_OF", "a", "b", {"quote": "q", "evidence": "stated"})])
>>> viz = gephi_viz(G)
>>> sorted(viz), viz["a"].colour != viz["b"].colour
(['a', 'b'], True)
"""
from __future__ import annotations

import networkx as nx

from essgraph.analysis import tie_graph
from essgraph.graphmodel import public_graph
from essgraph.loaders.gexf import NodeViz
from essgraph.render.encoding import colour_of, node_size
from essgraph.render.pagedata import kind_group
from essgraph.render.positions import force_layout
from essgraph.render.structure import measure

__all__ = ["gephi_viz"]


def gephi_viz(G: nx.MultiDiGraph, *, seed: int = 42) -> dict[str, NodeViz]:
    """:class:`~essgraph.loaders.gexf.NodeViz` for every organization and municipality of ``G``."""
    T, _ = tie_graph(public_graph(G, texts="drop"), include_municipalities=True)
    nodes = sorted(T, key=str)
    index = {n: i for i, n in enumerate(nodes)}
    positions = force_layout(len(nodes), [(index[u], index[v]) for u, v in T.edges], seed=seed)
    structure = measure(T)
    return {str(n): NodeViz(x, y, colour_of("kind", kind_group(G.nodes[n])), node_size(structure.score.get(str(n), 0.0)))
            for n, (x, y) in zip(nodes, positions)}
