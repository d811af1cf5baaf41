"""Single points of failure: articulation points, bridges and connected components.

* A **connected component** is a group of organizations linked by some path of
  ties; different components do not reach each other at all.
* An **articulation point** is an organization whose disappearance splits its
  component: for each one we list the organizations it alone holds to the rest
  (every part except the largest one left after removing it).
* A **bridge** is a tie (an alliance, a membership…) whose loss splits its
  component; we list the organizations on the smaller side.

The cut points, bridges and components are the tie graph's
:class:`~essgraph.analysis.engine.TieStructure` (computed once per tie graph and
shared with the other analyses and the drawing); whom each one alone holds comes
from one depth-first search (:mod:`essgraph.analysis.cutsearch`, Hopcroft–Tarjan,
linear time), in which the organizations each cut separates are contiguous, so
listing them costs only the size of the answer.

Examples
--------
>>> import networkx as nx
>>> T = nx.barbell_graph(3, 1)   # two triangles joined through node 3
>>> [(c.id, c.cut_off_count) for c in articulation_points(T)]
[(3, 3), (2, 2), (4, 2)]
>>> [(b.u["id"], b.v["id"]) for b in bridges(T)]
[(2, 3), (3, 4)]
>>> [c.size for c in components(T)]
[7]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable

import networkx as nx

from essgraph.analysis._common import id_key, national_networks, ref, refs
from essgraph.analysis.engine import TieStructure, structure_of

__all__ = ["CutVertex", "Bridge", "Component", "articulation_points", "bridges", "components"]


@dataclass
class CutVertex:
    """An articulation point and the organizations only it holds to the rest."""

    id: Hashable
    name: str
    cut_off_count: int
    rest_size: int
    parts: int
    cut_off: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Bridge:
    """A tie whose loss splits its component, and the smaller side."""

    u: dict[str, Any]
    v: dict[str, Any]
    types: list[str]
    relationships: int
    cut_off_count: int
    rest_size: int
    cut_off: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Component:
    """A connected group: its members, networks and where they are."""

    index: int
    size: int
    members: list[dict[str, Any]]
    networks: list[dict[str, Any]]
    national_networks: list[dict[str, Any]]
    regions: list[str]
    macro_regions: list[str]


def articulation_points(T: nx.Graph, *, limit: int | None = None, structure: TieStructure | None = None
                        ) -> list[CutVertex]:
    """Organizations whose loss splits the network, and whom each one cuts off.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph (self-loops are ignored).
    limit : int, optional
        List at most this many cut-off organizations per articulation point (the
        first ones the search met, then sorted); the counts stay exact. Without a
        limit the cost is the total size of the lists, which on a long chain grows
        with the square of its length.
    structure : TieStructure, optional
        ``T``'s structure when already made (shared with the other analyses).

    Returns
    -------
    list of CutVertex
        Sorted by how many organizations each cuts off (most first), then id.
        ``cut_off`` lists the organizations (not people) outside the largest
        remaining part (ties between parts broken by their smallest id);
        ``rest_size`` is the size of that largest part.

    References
    ----------
    Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation.

    Examples
    --------
    >>> import networkx as nx
    >>> cv, = articulation_points(nx.Graph([("hub", "a"), ("hub", "b"), ("a", "b"), ("hub", "c")]))
    >>> cv.id, [m["id"] for m in cv.cut_off], cv.rest_size
    ('hub', ['c'], 2)
    """
    S = structure_of(T, structure)
    search = S.cut_search()
    result = []
    for v in S.articulation_points():
        parts = search.cut_parts[v]
        rest = search.largest(parts)
        cut = [p for p in parts if p is not rest]
        result.append(CutVertex(v, T.nodes[v].get("name", str(v)), sum(search.count(p) for p in cut),
                                search.count(rest), len(parts), refs(T, search.actors(cut, limit))))
    return sorted(result, key=lambda c: (-c.cut_off_count, id_key(c.id)))


def bridges(T: nx.Graph, *, limit: int | None = None, structure: TieStructure | None = None) -> list[Bridge]:
    """Ties whose loss splits the network, with the organizations on the smaller side.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    limit : int, optional
        List at most this many organizations per bridge (counts stay exact).
    structure : TieStructure, optional
        ``T``'s structure when already made.

    Returns
    -------
    list of Bridge
        ``u`` and ``v`` ordered by id; sorted by ``cut_off_count`` (most first), then ids.

    Examples
    --------
    >>> import networkx as nx
    >>> b, = bridges(nx.Graph([("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")]))
    >>> b.u["id"], b.v["id"], [m["id"] for m in b.cut_off]
    ('c', 'd', ['d'])
    """
    S = structure_of(T, structure)
    search = S.cut_search()
    child_of = {frozenset(tie): tie[1] for tie in search.bridges}  # the search's tree edge (parent, child)
    result = []
    for tie in S.bridges():
        child = child_of[tie]
        side = search.subtree(child)
        comp = search.subtree(search.root_of[child])[0]
        other = [(comp[0], side[0][0]), (side[0][1], comp[1])]
        large = search.largest([side, other])
        small = other if large is side else side
        u, v = sorted(tie, key=id_key)
        data = T.edges[u, v]
        result.append(Bridge(ref(T, u), ref(T, v), list(data.get("types", ())), int(data.get("relationships", 1)),
                             search.count(small), search.count(large), refs(T, search.actors([small], limit))))
    return sorted(result, key=lambda b: (-b.cut_off_count, id_key(b.u["id"]), id_key(b.v["id"])))


def components(T: nx.Graph, *, structure: TieStructure | None = None) -> list[Component]:
    """The connected groups of organizations, largest first.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    structure : TieStructure, optional
        ``T``'s structure when already made.

    Returns
    -------
    list of Component
        Numbered from 1 by size (organizations, not people), then smallest id.
        Isolated organizations are components of size 1.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([("a", "b")]); T.add_node("z", region="cusco")
    >>> [(c.index, c.size, c.regions) for c in components(T)]
    [(1, 2, []), (2, 1, ['cusco'])]
    """
    national = set(national_networks(T))
    found = [sorted(c, key=id_key) for c in structure_of(T, structure).components()]
    found.sort(key=lambda c: (-_count(T, c), id_key(c[0])))
    result = []
    for i, members in enumerate(found, start=1):
        orgs = [n for n in members if not T.nodes[n].get("is_person")]
        result.append(Component(
            i, len(orgs), refs(T, orgs),
            refs(T, [n for n in orgs if T.nodes[n].get("is_network")]),
            refs(T, [n for n in orgs if n in national]),
            sorted({str(T.nodes[n]["region"]) for n in orgs if T.nodes[n].get("region")}),
            sorted({str(T.nodes[n]["macro_region"]) for n in orgs if T.nodes[n].get("macro_region")}),
        ))
    return result


def _count(T: nx.Graph, nodes: list[Hashable]) -> int:
    return sum(1 for n in nodes if not T.nodes[n].get("is_person"))
