"""Single points of failure: articulation points, bridges and connected components.

* A **connected component** is a group of organizations linked by some path of
  ties; different components do not reach each other at all.
* An **articulation point** is an organization whose disappearance splits its
  component: for each one we list the organizations it alone holds to the rest
  (every part except the largest one left after removing it).
* A **bridge** is a tie (an alliance, a membership…) whose loss splits its
  component; we list the organizations on the smaller side.

One depth-first search (Hopcroft–Tarjan) finds all of them in linear time; the
organizations each cut separates are contiguous in the search's preorder, so
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
from essgraph.analysis.engine import memo

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


def articulation_points(T: nx.Graph, *, limit: int | None = None) -> list[CutVertex]:
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
    dfs = memo(T, "cuts.dfs", lambda: _dfs(T))  # one search for cut points, bridges and roles
    result = []
    for v, parts in dfs.cut_parts.items():
        rest = dfs.largest(parts)
        cut = [p for p in parts if p is not rest]
        result.append(CutVertex(v, T.nodes[v].get("name", str(v)), sum(dfs.count(p) for p in cut),
                                dfs.count(rest), len(parts), refs(T, dfs.actors(cut, limit))))
    return sorted(result, key=lambda c: (-c.cut_off_count, id_key(c.id)))


def bridges(T: nx.Graph, *, limit: int | None = None) -> list[Bridge]:
    """Ties whose loss splits the network, with the organizations on the smaller side.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    limit : int, optional
        List at most this many organizations per bridge (counts stay exact).

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
    dfs = memo(T, "cuts.dfs", lambda: _dfs(T))  # one search for cut points, bridges and roles
    result = []
    for parent, child in dfs.bridges:
        side = dfs.subtree(child)
        comp = dfs.subtree(dfs.root_of[child])[0]
        other = [(comp[0], side[0][0]), (side[0][1], comp[1])]
        large = dfs.largest([side, other])
        small = other if large is side else side
        u, v = sorted((parent, child), key=id_key)
        data = T.edges[u, v]
        result.append(Bridge(ref(T, u), ref(T, v), list(data.get("types", ())), int(data.get("relationships", 1)),
                             dfs.count(small), dfs.count(large), refs(T, dfs.actors([small], limit))))
    return sorted(result, key=lambda b: (-b.cut_off_count, id_key(b.u["id"]), id_key(b.v["id"])))


def components(T: nx.Graph) -> list[Component]:
    """The connected groups of organizations, largest first.

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
    found = [sorted(c, key=id_key) for c in nx.connected_components(T)]
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


#: A part of a component: slices ``(start, end)`` of the search's preorder.
_Part = list[tuple[int, int]]


@dataclass
class _DFS:
    order: list[Hashable]
    disc: dict[Hashable, int]
    size: dict[Hashable, int]
    root_of: dict[Hashable, Hashable]
    actor_prefix: list[int]
    cut_parts: dict[Hashable, list[_Part]]
    bridges: list[tuple[Hashable, Hashable]]

    def subtree(self, v: Hashable) -> _Part:
        return [(self.disc[v], self.disc[v] + self.size[v])]

    def count(self, part: _Part) -> int:
        """Organizations (not people) in the part, in constant time per slice."""
        return sum(self.actor_prefix[b] - self.actor_prefix[a] for a, b in part)

    def largest(self, parts: list[_Part]) -> _Part:
        """The part with most organizations; ties broken by the smallest id in it."""
        most = max(self.count(p) for p in parts)
        tied = [p for p in parts if self.count(p) == most]
        if len(tied) == 1:
            return tied[0]
        return min(tied, key=lambda p: min(id_key(n) for a, b in p for n in self.order[a:b]))

    def actors(self, parts: list[_Part], limit: int | None) -> list[Hashable]:
        found: list[Hashable] = []
        for a, b in (s for p in parts for s in p):
            for n in self.order[a:b]:
                if self.actor_prefix[self.disc[n] + 1] > self.actor_prefix[self.disc[n]]:
                    if limit is not None and len(found) >= limit:
                        return found
                    found.append(n)
        return found


def _dfs(T: nx.Graph) -> _DFS:
    """One iterative DFS: preorder, low points, articulation parts and bridges."""
    order: list[Hashable] = []
    disc: dict[Hashable, int] = {}
    low: dict[Hashable, int] = {}
    size: dict[Hashable, int] = {}
    parent: dict[Hashable, Hashable | None] = {}
    root_of: dict[Hashable, Hashable] = {}
    children: dict[Hashable, list[Hashable]] = {}
    for root in sorted(T, key=id_key):
        if root in disc:
            continue
        parent[root] = None
        disc[root] = low[root] = len(order)
        order.append(root)
        stack = [(root, iter(T[root]))]
        while stack:
            v, neighbours = stack[-1]
            for w in neighbours:
                if w == v:
                    continue
                if w not in disc:
                    parent[w], disc[w], low[w] = v, len(order), len(order)
                    order.append(w)
                    children.setdefault(v, []).append(w)
                    stack.append((w, iter(T[w])))
                    break
                if w != parent[v]:
                    low[v] = min(low[v], disc[w])
            else:
                stack.pop()
                size[v] = len(order) - disc[v]
                root_of[v] = root
                if stack:
                    low[stack[-1][0]] = min(low[stack[-1][0]], low[v])
    prefix = [0]
    for n in order:
        prefix.append(prefix[-1] + (not T.nodes[n].get("is_person")))
    dfs = _DFS(order, disc, size, root_of, prefix, {}, [])
    for v, kids in children.items():
        if parent[v] is None:
            parts = [dfs.subtree(c) for c in kids] if len(kids) > 1 else []
        else:
            parts = [dfs.subtree(c) for c in kids if low[c] >= disc[v]]
            if parts:  # the side of v's parent: the component minus v's subtree, plus children tied above v
                start, end = dfs.subtree(root_of[v])[0]
                above = [(start, disc[v]), (disc[v] + size[v], end)]
                above += [s for c in kids if low[c] < disc[v] for s in dfs.subtree(c)]
                parts.append([(a, b) for a, b in above if a < b])
        if parts:
            dfs.cut_parts[v] = parts
        dfs.bridges += [(v, c) for c in kids if low[c] > disc[v]]
    return dfs


def _count(T: nx.Graph, nodes: list[Hashable]) -> int:
    return sum(1 for n in nodes if not T.nodes[n].get("is_person"))
