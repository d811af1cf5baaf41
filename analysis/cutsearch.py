"""The depth-first search behind the cut-off sets: who each cut point and bridge alone holds.

One iterative search (Hopcroft–Tarjan) over a tie graph finds, in linear time,
every articulation point with the parts its removal leaves and every bridge;
the organizations of a part are contiguous slices of the search's preorder, so
counting a part costs one subtraction per slice and listing it the size of the
answer. :class:`essgraph.analysis.engine.TieStructure` runs it once per tie graph
(:meth:`~essgraph.analysis.engine.TieStructure.cut_search`) and
:mod:`essgraph.analysis.cuts` reads it.

Examples
--------
>>> import networkx as nx
>>> s = cut_search(nx.barbell_graph(3, 1))  # two triangles joined through node 3
>>> sorted(s.cut_parts), sorted(sorted(b) for b in s.bridges)
([2, 3, 4], [[2, 3], [3, 4]])
>>> [s.count(p) for p in s.cut_parts[3]]
[3, 3]

References
----------
Hopcroft, J. & Tarjan, R. (1973). Algorithm 447: efficient algorithms for graph manipulation.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

import networkx as nx

from essgraph.analysis._common import id_key

__all__ = ["Part", "CutSearch", "cut_search"]

#: A part of a component: slices ``(start, end)`` of the search's preorder.
Part = list[tuple[int, int]]


@dataclass
class CutSearch:
    """What one depth-first search of a tie graph found.

    ``order`` is the preorder (roots taken by id, neighbours in the graph's
    adjacency order), ``disc`` each node's place in it and ``size`` the size of
    its search subtree; ``cut_parts`` maps each articulation point to the parts
    its removal leaves in its component; ``bridges`` lists the bridges as
    ``(parent, child)`` tree edges.
    """

    order: list[Hashable]
    disc: dict[Hashable, int]
    size: dict[Hashable, int]
    root_of: dict[Hashable, Hashable]
    actor_prefix: list[int]
    cut_parts: dict[Hashable, list[Part]]
    bridges: list[tuple[Hashable, Hashable]]

    def subtree(self, v: Hashable) -> Part:
        """The search subtree of ``v``."""
        return [(self.disc[v], self.disc[v] + self.size[v])]

    def count(self, part: Part) -> int:
        """Organizations (not people) in the part, in constant time per slice."""
        return sum(self.actor_prefix[b] - self.actor_prefix[a] for a, b in part)

    def largest(self, parts: list[Part]) -> Part:
        """The part with most organizations; ties broken by the smallest id in it."""
        most = max(self.count(p) for p in parts)
        tied = [p for p in parts if self.count(p) == most]
        if len(tied) == 1:
            return tied[0]
        return min(tied, key=lambda p: min(id_key(n) for a, b in p for n in self.order[a:b]))

    def actors(self, parts: list[Part], limit: int | None) -> list[Hashable]:
        """The organizations of ``parts`` in search order, at most ``limit`` of them."""
        found: list[Hashable] = []
        for a, b in (s for p in parts for s in p):
            for n in self.order[a:b]:
                if self.actor_prefix[self.disc[n] + 1] > self.actor_prefix[self.disc[n]]:
                    if limit is not None and len(found) >= limit:
                        return found
                    found.append(n)
        return found


def cut_search(T: nx.Graph) -> CutSearch:
    """One iterative depth-first search of ``T``: preorder, low points, articulation parts and bridges.

    Self-loops are ignored; people (``is_person``) connect but are not counted.
    """
    order, disc, low, size, parent, root_of, children = _search(T)
    prefix = [0]
    for n in order:
        prefix.append(prefix[-1] + (not T.nodes[n].get("is_person")))
    found = CutSearch(order, disc, size, root_of, prefix, {}, [])
    for v, kids in children.items():
        if parent[v] is None:
            parts = [found.subtree(c) for c in kids] if len(kids) > 1 else []
        else:
            parts = [found.subtree(c) for c in kids if low[c] >= disc[v]]
            if parts:  # the side of v's parent: the component minus v's subtree, plus children tied above v
                start, end = found.subtree(root_of[v])[0]
                above = [(start, disc[v]), (disc[v] + size[v], end)]
                above += [s for c in kids if low[c] < disc[v] for s in found.subtree(c)]
                parts.append([(a, b) for a, b in above if a < b])
        if parts:
            found.cut_parts[v] = parts
        found.bridges += [(v, c) for c in kids if low[c] > disc[v]]
    return found


def _search(T: nx.Graph) -> tuple[list[Hashable], dict[Hashable, int], dict[Hashable, int], dict[Hashable, int],
                                  dict[Hashable, Hashable | None], dict[Hashable, Hashable],
                                  dict[Hashable, list[Hashable]]]:
    """The search itself: preorder, discovery times, low points, subtree sizes, parents, roots, children."""
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
    return order, disc, low, size, parent, root_of, children
