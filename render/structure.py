"""What the drawing encodes about the network's shape: sizes, cut points, bridges, groups.

The measures are the analyses' own: they are read from the
:class:`~essgraph.analysis.engine.TieStructure` of the analyses' *tie graph*
(:func:`essgraph.analysis.projection.tie_graph` with its defaults: one undirected
link for each pair of organizations with at least one stated tie), so a cut point
in a picture is the cut point the report names. They are read once for the whole
graph and every view reuses them, so an organization keeps its marks in every
view. Nothing is computed here: the engine does the work (in C, so a 10,000-node
graph takes seconds) and this module only picks what the drawing shows.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "f"), ("f", "g"), ("g", "d")])
>>> T.add_node("e")
>>> s = measure(T, size_by="degree")
>>> s.degree["c"], s.degree["e"], sorted(s.articulation), sorted(map(sorted, s.bridges)), sorted(s.hubs)
(3, 0, ['c', 'd'], [['c', 'd']], ['c', 'd'])
>>> s.component["a"] == s.component["d"] != s.component["e"], s.component_sizes
(True, (6, 1))
"""
from __future__ import annotations

from dataclasses import dataclass, field
import networkx as nx

from essgraph.analysis.engine import TieStructure, structure_of
from essgraph.analysis.projection import Projection, projection_of
from essgraph.analysis.roles import hub_degree

__all__ = ["SIZE_MEASURES", "Structure", "measure", "drawn_bridges"]

#: Measures a node's size can show.
SIZE_MEASURES = ("degree", "betweenness", "eigenvector")


@dataclass(frozen=True)
class Structure:
    """Per-node measures and marks of the actors' tie graph.

    ``score`` is the size measure scaled to ``0..1``; ``component`` numbers the
    connected groups from the largest (0). ``bridges`` holds the ``frozenset``
    pairs of the ties whose loss splits a group into two parts of two or more:
    the engine's bridges less those to one-tie organizations (see
    :func:`drawn_bridges`). ``hubs`` are the organizations the analyses call hubs
    (:func:`essgraph.analysis.roles.hub_degree`: the role ``hub``).
    """

    degree: dict[str, int]
    score: dict[str, float]
    articulation: frozenset[str]
    bridges: frozenset[frozenset[str]]
    component: dict[str, int]
    component_sizes: tuple[int, ...]
    #: The rule that made the tie graph (which relationships count), so a page can say which of the
    #: relationships it draws are the ties its numbers count.
    projection: Projection = field(default_factory=projection_of)
    hubs: frozenset[str] = frozenset()


def measure(T: nx.Graph, *, size_by: str = "degree", structure: TieStructure | None = None) -> Structure:
    """Sizes and marks of every node of the tie graph ``T``.

    Parameters
    ----------
    T : networkx.Graph
        A simple undirected graph (the analyses' tie graph).
    size_by : {"degree", "betweenness", "eigenvector"}
        The centrality that ``score`` holds (betweenness exact, on the whole graph).
    structure : TieStructure, optional
        ``T``'s structure when already made.

    Returns
    -------
    Structure
    """
    if size_by not in SIZE_MEASURES:
        raise ValueError(f"unknown size measure {size_by!r}; use one of {', '.join(SIZE_MEASURES)}")
    S = structure_of(T, structure)
    degree = S.degree()
    values = degree if size_by == "degree" else S.betweenness() if size_by == "betweenness" else S.eigenvector()
    top = max(values.values(), default=0) or 1
    hub_at = hub_degree(d for v, d in degree.items() if not T.nodes[v].get("is_person"))
    groups = sorted(S.components(), key=lambda members: -len(members))  # stable: ties stay in node order
    return Structure(
        degree={str(v): d for v, d in degree.items()},
        score={str(v): float(x) / top for v, x in values.items()},
        articulation=frozenset(str(v) for v in S.articulation_points()),
        bridges=drawn_bridges(S),
        component={str(v): k for k, members in enumerate(groups) for v in members},
        component_sizes=tuple(len(members) for members in groups),
        projection=T.graph.get("projection") or projection_of(),
        hubs=frozenset(str(v) for v, d in degree.items() if d >= hub_at and not T.nodes[v].get("is_person")),
    )


def drawn_bridges(S: TieStructure) -> frozenset[frozenset[str]]:
    """The bridges the drawing marks: the engine's, less those to an organization with one tie.

    Every tie of a one-tie organization is a bridge (losing it isolates the
    organization), and the analyses list it as one; the drawing marks that
    organization instead (its one-tie ring), so a dashed bridge on the page
    always means a tie whose loss splits a group into two parts of two or more.

    >>> import networkx as nx
    >>> sorted(map(sorted, drawn_bridges(TieStructure(nx.path_graph(["a", "b", "c", "d"])))))
    [['b', 'c']]
    """
    degree = S.degree()
    return frozenset(frozenset(str(v) for v in tie) for tie in S.bridges()
                     if min(degree[v] for v in tie) > 1)
