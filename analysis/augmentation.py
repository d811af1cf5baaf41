"""Weaving (a): the fewest new alliances that leave no single point of failure.

A network has no single point of failure when no organization (articulation
point) and no tie (bridge) can disappear and split it: it is *biconnected*.
Making a network biconnected with the fewest new ties is the classic
augmentation problem (Eswaran & Tarjan): in the block–cut tree (the tree of
biconnected blocks and the articulation points between them) every *leaf* block
needs a new tie from its inside, and the blocks around an articulation point in
``d`` blocks need ``d - 1`` ties to stay together without it, so
``max(ceil(leaves / 2), d - 1)`` is a lower bound, which unrestricted pairs reach.

Only plausible pairs may be proposed (same region, same sector or a common
network, see :mod:`essgraph.analysis.plausibility`), which makes the problem
NP-hard in general; we use a greedy rule: repeatedly add the plausible tie that
removes the most leaves, and among those the one that merges the most blocks
(the longest path in the block–cut tree), looking ahead at which of the best
candidates leaves the lowest lower bound; then rebuild the tree. The result
says how far it is from the lower bound and which failure points remain when
no plausible tie can close them.

References
----------
Eswaran, K. P. & Tarjan, R. E. (1976). Augmentation problems. SIAM J. Computing 5(4).
Hopcroft, J. & Tarjan, R. (1973). Efficient algorithms for graph manipulation.

Examples
--------
>>> import networkx as nx
>>> T = nx.star_graph(4); nx.set_node_attributes(T, "cusco", "region")
>>> a = augmentation(T)
>>> a.lower_bound, len(a.new_ties), a.cut_points_after, a.complete
(3, 3, 0, True)
>>> augmentation(T, max_new=1).stopped_early
True
"""
from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field
from typing import Any, Hashable

import networkx as nx

from essgraph.analysis._common import id_key, ref, refs
from essgraph.analysis.engine import biconnected, subgraph, use_igraph
from essgraph.analysis.plausibility import partner_groups, shared

__all__ = ["Augmentation", "augmentation"]


@dataclass
class Augmentation:
    """New ties proposed to close every single point of failure of a component."""

    component_size: int
    cut_points_before: int
    bridges_before: int
    lower_bound: int
    new_ties: list[dict[str, Any]]
    cut_points_after: int
    bridges_after: int
    remaining: list[dict[str, Any]] = field(default_factory=list)
    complete: bool = False
    #: Whether ``max_new`` stopped the search while failure points were left (more ties may close them).
    stopped_early: bool = False


def augmentation(
    T: nx.Graph,
    *,
    nodes: list[Hashable] | None = None,
    max_new: int | None = None,
    lookahead: int = 25,
) -> Augmentation:
    """Propose the fewest plausible new ties that make a component biconnected.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    nodes : list, optional
        The part of the network to make robust; by default its largest connected
        component (joining other components is what partner suggestions do).
    max_new : int, optional
        Stop after this many new ties.
    lookahead : int
        How many of the best-looking candidate ties are tried at each step.

    Returns
    -------
    Augmentation
        ``new_ties`` rows ``{a, b, why, closes, reason}`` in the order chosen, where
        ``closes`` lists the articulation points the tie removes and ``reason`` is
        ``{"code", "bridges"}``: ``cut-points`` (it closes those), ``bridges`` (it
        closes that many bridges) or ``prepares`` (a step towards closing them); ``remaining`` the
        articulation points left; ``complete`` whether no articulation point and no
        bridge is left; ``stopped_early`` whether ``max_new`` cut the search short.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.path_graph(["a", "b", "c", "d"]); nx.set_node_attributes(T, "a01", "sector")
    >>> a = augmentation(T)
    >>> [(t["a"]["id"], t["b"]["id"]) for t in a.new_ties], a.complete
    ([('a', 'd')], True)
    """
    if nodes is None:
        comps = sorted((sorted(c, key=id_key) for c in nx.connected_components(T)), key=lambda c: (-len(c), id_key(c[0])))
        nodes = comps[0] if comps else []
    if use_igraph(T, "auto") and max_new == 0:  # the bound only: no copy of the component
        g, order = subgraph(T, [v for v in nodes if v in T])
        found, at = g.biconnected_components(return_articulation_points=True)
        blocks, cuts = [[order[i] for i in b] for b in found], {order[i] for i in at}
        S = T
    else:
        S = nx.Graph(T.subgraph(nodes))
        blocks, cuts = biconnected(S)
    n_bridges = _bridges(blocks)
    before = (len(cuts), n_bridges)
    lower = _bound(*_tree(blocks, cuts)[::2])
    new_ties: list[dict[str, Any]] = []
    if (cuts or n_bridges) and (max_new is None or max_new > 0):
        actors = [v for v in sorted(S, key=id_key) if not S.nodes[v].get("is_person")]
        groups = _Groups(S, actors)
    while (cuts or n_bridges) and (max_new is None or len(new_ties) < max_new):
        best = _best_tie(S, actors, groups, _tree(blocks, cuts), lookahead)
        if best is None:
            break
        u, v = best
        why = shared(u, v, S)
        S.add_edge(u, v)
        groups.tie(S, u, v)
        blocks, after = biconnected(S)
        bridges_after = _bridges(blocks)
        closed = sorted(cuts - after, key=id_key)
        new_ties.append({"a": ref(S, u), "b": ref(S, v), "why": why, "closes": refs(S, closed),
                         "reason": _reason(closed, n_bridges - bridges_after)})
        cuts, n_bridges = after, bridges_after
    stopped = bool(cuts or n_bridges) and max_new is not None and len(new_ties) >= max_new
    return Augmentation(sum(1 for v in set(nodes) if v in T and not T.nodes[v].get("is_person")), before[0], before[1],
                        lower, new_ties, len(cuts), n_bridges, refs(S, cuts), not cuts and not n_bridges, stopped)


def _reason(closed: list[Hashable], bridges_closed: int) -> dict[str, Any]:
    """Why a new tie is proposed, as a code and a number (worded by :mod:`essgraph.render.findings`)."""
    code = "cut-points" if closed else "bridges" if bridges_closed else "prepares"
    return {"code": code, "bridges": bridges_closed}


def _bridges(blocks: list[list[Hashable]]) -> int:
    return sum(1 for b in blocks if len(b) == 2)  # in a simple graph a block of two is a bridge


class _Groups:
    """Who may plausibly tie with whom (:func:`plausible_partners`), kept up to date as ties are added.

    Joining a network makes an organization a member of it, so a new tie to a
    network widens the partners of both sides; nothing else changes.
    """

    def __init__(self, S: nx.Graph, actors: list[Hashable]) -> None:
        self.members, self.groups_of = partner_groups(S, actors)
        self.keep = set(actors)
        self.key_of = {v: id_key(v) for v in S}

    def partners(self, S: nx.Graph, v: Hashable) -> set[Hashable]:
        found: set[Hashable] = set().union(*(self.members[k] for k in self.groups_of.get(v, [])))
        return {w for w in found if w != v and w in self.keep and not S.has_edge(v, w)}

    def tie(self, S: nx.Graph, u: Hashable, v: Hashable) -> None:
        for a, b in ((u, v), (v, u)):
            if S.nodes[b].get("is_network") and a in self.keep:
                group = self.members.setdefault(("network", b), set())
                if a not in group:
                    group.add(a)
                    self.groups_of.setdefault(a, []).append(("network", b))


def _tree(blocks: list[list[Hashable]], cuts: set[Hashable]) -> tuple[nx.Graph, dict[Hashable, Any], list[Any]]:
    """The block–cut tree, each node's position in it, and its leaf blocks."""
    tree = nx.Graph()
    position: dict[Hashable, Any] = {}
    for i, block in enumerate(sorted((sorted(b, key=id_key) for b in blocks), key=lambda b: id_key(b[0]))):
        tree.add_node(("B", i))
        for v in block:
            if v in cuts:
                tree.add_edge(("B", i), ("C", v))
                position[v] = ("C", v)
            else:
                position[v] = ("B", i)
    leaves = [b for b in tree if b[0] == "B" and tree.degree(b) == 1]
    return tree, position, leaves


def _best_tie(S: nx.Graph, actors: list[Hashable], groups: _Groups,
              built: tuple[nx.Graph, dict[Hashable, Any], list[Any]], lookahead: int) -> tuple[Hashable, Hashable] | None:
    """The plausible new tie that removes most leaves and merges most blocks, with lookahead.

    Candidates have an endpoint inside a leaf block (every solution needs one
    such tie per leaf). The ``lookahead`` best by (leaves removed, blocks merged)
    are tried, and the one leaving the lowest lower bound wins. A tie merges the
    blocks on its path in the block–cut tree, so its lower bound is read off
    that path (:class:`_Bound`) instead of recomputing the blocks.
    """
    tree, position, leaves = built
    leaf_set = set(leaves)
    if not leaves:  # no articulation point: only a lone bridge of two nodes can remain
        return None
    depth, up = _lifting(tree)
    key_of = groups.key_of
    inside = [v for v in actors if position.get(v) in leaf_set]
    pairs: dict[int, set[tuple[Hashable, Hashable]]] = {2: set(), 1: set()}  # by leaves the tie reaches
    for u in inside:
        for w in groups.partners(S, u):
            pu, pw = position[u], position[w]
            if pu != pw:
                pairs[(pu in leaf_set) + (pw in leaf_set)].add((u, w) if key_of[u] < key_of[w] else (w, u))
    chosen: list[tuple[Any, tuple[Hashable, Hashable]]] = []
    for reached in (2, 1):  # the best keys come from ties reaching two leaves first: rank only what can be chosen
        if len(chosen) >= lookahead:
            break
        keys = ((( -reached, -_distance(position[a], position[b], depth, up), key_of[a], key_of[b]), (a, b))
                for a, b in pairs[reached])
        chosen += heapq.nsmallest(lookahead - len(chosen), keys)
    bound = _Bound(tree, len(leaves))
    best, best_key = None, None
    for key, (a, b) in chosen:
        full_key = (bound.after(_path(position[a], position[b], depth, up[0])), *key)
        if best_key is None or full_key < best_key:
            best, best_key = (a, b), full_key
    return best


def _bound(tree: nx.Graph, leaves: list[Any]) -> int:
    """``max(ceil(leaves / 2), d - 1)``: no augmentation is smaller (0 without cut points)."""
    d = max((tree.degree(c) for c in tree if c[0] == "C"), default=0)
    return max(math.ceil(len(leaves) / 2), d - 1) if d else 0


class _Bound:
    """The lower bound after one new tie, from the block–cut tree path it closes.

    A tie between two positions merges every block on the tree path between them
    into one; a cut point inside the path loses one block, one at an end keeps
    its count; blocks and cut points off the path are unchanged.
    """

    def __init__(self, tree: nx.Graph, leaves: int) -> None:
        self.tree, self.leaves = tree, leaves
        self.spread: dict[int, int] = {}  # tree degree of cut points -> how many
        for c in tree:
            if c[0] == "C":
                d = tree.degree(c)
                self.spread[d] = self.spread.get(d, 0) + 1
        self.by_spread = sorted(self.spread, reverse=True)

    def after(self, path: list[Any]) -> int:
        tree, last = self.tree, len(path) - 1
        merged = 0  # tree degree of the merged block
        leaves = self.leaves
        on_path: dict[int, int] = {}
        d = 0
        for i, x in enumerate(path):
            deg = tree.degree(x)
            ends = (i > 0) + (i < last)  # neighbours on the path
            if x[0] == "B":
                merged += deg - ends
                leaves -= deg == 1
            else:
                on_path[deg] = on_path.get(deg, 0) + 1
                new = deg - ends + 1
                if new >= 2:
                    merged += 1
                    d = max(d, new)
        leaves += merged == 1
        for deg in self.by_spread:
            if self.spread[deg] > on_path.get(deg, 0):
                d = max(d, deg)
                break
        return max(math.ceil(leaves / 2), d - 1) if d else 0


def _path(a: Any, b: Any, depth: dict[Any, int], parent: dict[Any, Any]) -> list[Any]:
    """The tree path from ``a`` to ``b``."""
    left, right = [a], [b]
    while depth[a] > depth[b]:
        a = parent[a]
        left.append(a)
    while depth[b] > depth[a]:
        b = parent[b]
        right.append(b)
    while a != b:
        a, b = parent[a], parent[b]
        left.append(a)
        right.append(b)
    right.pop()
    return left + right[::-1]


def _lifting(tree: nx.Graph) -> tuple[dict[Any, int], list[dict[Any, Any]]]:
    """Depths and binary-lifting ancestor tables of a tree (rooted at its first node)."""
    root = next(iter(tree))
    depth, parent = {root: 0}, {root: root}
    for a, b in nx.bfs_edges(tree, root):
        depth[b], parent[b] = depth[a] + 1, a
    up = [parent]
    for _ in range(max(1, max(depth.values()).bit_length())):
        prev = up[-1]
        up.append({v: prev[prev[v]] for v in prev})
    return depth, up


def _distance(a: Any, b: Any, depth: dict[Any, int], up: list[dict[Any, Any]]) -> int:
    x, y = (a, b) if depth[a] >= depth[b] else (b, a)
    diff = depth[x] - depth[y]
    for j, table in enumerate(up):
        if diff >> j & 1:
            x = table[x]
    if x != y:
        for table in reversed(up):
            if table[x] != table[y]:
                x, y = table[x], table[y]
        x = up[0][x]
    return depth[a] + depth[b] - 2 * depth[x]
