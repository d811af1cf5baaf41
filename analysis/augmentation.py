"""Weaving (a): the fewest new alliances that leave no single point of failure.

A network has no single point of failure when no organization (articulation
point) and no tie (bridge) can disappear and split it: it is *biconnected*.
Making a network biconnected with the fewest new ties is the classic
augmentation problem (Eswaran & Tarjan 1976): in the block–cut tree (the tree of
biconnected blocks and the articulation points between them) every *leaf* block
needs a new tie from its inside, and the blocks around an articulation point in
``d`` blocks need ``d - 1`` ties to stay together without it, so
``max(ceil(leaves / 2), d - 1)`` is a lower bound, which unrestricted pairs reach
(Eswaran & Tarjan; Rosenthal & Goldner 1977; Hsu & Ramachandran 1993).

The construction, in near-linear time (a :class:`~essgraph.analysis.blockcut.BlockCutTree`):
root the block–cut tree at a *leaf centroid* ``r`` (a node none of whose
branches holds more than half the leaf blocks; a block when one qualifies) and
give every leaf block a new tie to another branch of ``r``. Each such tie
passes through ``r``, so every articulation point other than ``r`` has each of
its sides tied to the rest; if ``r`` is an articulation point, the new ties
must also join all its branches. Pairing the leaves across branches (the two
branches with most unpaired leaves first) takes ``ceil(leaves / 2)`` ties; if
they leave branches of ``r`` apart, two ties in different parts swap ends,
which joins the parts without a new tie as long as one part has a tie to
spare, and otherwise one more tie joins them: ``max(ceil(leaves / 2), d - 1)``
ties in all, the lower bound, when every pair is plausible (the tests check it
on trees, stars, barbells, chains of blocks and random graphs).

Only plausible pairs are proposed (same region, same sector or a common
network, see :mod:`essgraph.analysis.plausibility`), which makes the problem
NP-hard in general, so each step keeps to plausible pairs and falls back when
there is none: leaves are paired within each group (the smallest groups
first); two leaves left in one branch take the two ends of a pair elsewhere
when both new pairs are plausible (an augmenting path of the matching); a leaf
still alone is tied to a plausible organization in another branch, else to
the one in its own branch whose path climbs highest (closing the articulation
points on the way), from inside the leaf or else from its articulation point;
branches of ``r`` are joined by a plausible swap, else by a plausible tie.
Then the same is done on the tree the ties leave, while that adds ties
(:data:`ROUNDS`). The ties are listed longest path in the block–cut tree
first (the ones that merge most blocks); each one's ``closes`` and ``reason``
say what it closes given the ties before it, and a tie the earlier ones make
useless is dropped. The result says how far it is from the lower bound and
which failure points remain because no plausible tie can close them.

References
----------
Eswaran, K. P. & Tarjan, R. E. (1976). Augmentation problems. SIAM J. Computing 5(4), 653–665.
Rosenthal, A. & Goldner, A. (1977). Smallest augmentations to biconnect a graph. SIAM J. Computing 6(1), 55–66.
Hsu, T.-S. & Ramachandran, V. (1993). On finding a smallest augmentation to biconnect a graph.
SIAM J. Computing 22(5), 889–912.
Hopcroft, J. & Tarjan, R. (1973). Efficient algorithms for graph manipulation. Comm. ACM 16(6).

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
from dataclasses import dataclass, field
from typing import Any, Hashable

import networkx as nx
import numpy as np

from essgraph.analysis._common import id_key, ref, refs
from essgraph.analysis.blockcut import BlockCutTree
from essgraph.analysis.engine import TieStructure, biconnected, structure_of, use_igraph
from essgraph.analysis.plausibility import partner_groups, shared

__all__ = ["Augmentation", "augmentation"]

#: One end of a tie from a leaf block: the block's number in the tree and the organization inside it.
_End = tuple[int, Hashable]

#: How many times ties are chosen: again on the block–cut tree the earlier ones leave, while that adds ties
#: (when plausible pairs are scarce, the second centroid's branches give leaves new partners).
ROUNDS = 4
#: How many plausible organizations of its own branch are looked at for a leaf with none in another branch.
WITHIN_CANDIDATES = 256
#: How many pairs of ties are tried for a plausible swap that joins two parts of the centroid's branches.
SWAP_TRIES = 16


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
    structure: TieStructure | None = None,
) -> Augmentation:
    """Propose the fewest plausible new ties that make a component biconnected.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    nodes : list, optional
        The part of the network to make robust (one connected component); by
        default its largest connected component (joining other components is
        what partner suggestions do).
    max_new : int, optional
        Propose at most this many ties (the first ones of the list); 0 reports
        the failure points and the lower bound only.
    structure : TieStructure, optional
        ``T``'s structure when already made (its igraph graph gives the blocks).

    Returns
    -------
    Augmentation
        ``new_ties`` rows ``{a, b, why, closes, reason}`` in order, where
        ``closes`` lists the articulation points the tie removes (given the ties
        before it) and ``reason`` is ``{"code", "bridges"}``: ``cut-points`` (it
        closes those), ``bridges`` (it closes that many bridges) or ``prepares``
        (a step towards closing them); ``remaining`` the articulation points
        left; ``complete`` whether no articulation point and no bridge is left;
        ``stopped_early`` whether ``max_new`` cut the list short.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.path_graph(["a", "b", "c", "d"]); nx.set_node_attributes(T, "a01", "sector")
    >>> a = augmentation(T)
    >>> [(t["a"]["id"], t["b"]["id"]) for t in a.new_ties], a.complete
    ([('a', 'd')], True)
    """
    if nodes is None:
        nodes = _largest(T, structure)
    tree = BlockCutTree(*_blocks(T, nodes, structure))
    bound, cuts_before, bridges_before = tree.bound(), len(tree.cuts), tree.bridges_before
    rows: list[dict[str, Any]] = []
    for _ in range(ROUNDS):  # again on the tree the ties leave, while that adds ties
        room = None if max_new is None else max_new - len(rows)
        added = _rows(T, tree, tree.ordered(_Weaver(T, tree).pairs()), room) if tree.leaves and room != 0 else []
        rows += added
        if not added or not tree.remaining():
            break
        tree = BlockCutTree(*tree.merged())
    remaining = tree.remaining()
    bridges_after = bridges_before - sum(row["reason"]["bridges"] for row in rows)
    stopped = bool(remaining or bridges_after) and max_new is not None and len(rows) >= max_new
    size = sum(1 for v in set(nodes) if v in T and not T.nodes[v].get("is_person"))
    return Augmentation(size, cuts_before, bridges_before, bound, rows, len(remaining), bridges_after,
                        refs(T, remaining), not remaining and not bridges_after, stopped)


def _largest(T: nx.Graph, structure: TieStructure | None) -> list[Hashable]:
    """The largest connected component (people included), on equal size the one with the smallest id."""
    found = (structure_of(T, structure).components() if structure is not None or use_igraph(T)
             else nx.connected_components(T))
    best: list[Hashable] = []
    best_key: tuple[int, Any] | None = None
    for c in found:
        key = (-len(c), id_key(min(c, key=id_key)))
        if best_key is None or key < best_key:
            best, best_key = list(c), key
    return best


def _blocks(T: nx.Graph, nodes: list[Hashable], structure: TieStructure | None
            ) -> tuple[list[list[Hashable]], set[Hashable]]:
    """The biconnected blocks of ``T`` among ``nodes`` and their articulation points."""
    members = [v for v in nodes if v in T]
    if structure is None and not use_igraph(T):
        return biconnected(T.subgraph(members))
    g, order = structure_of(T, structure).subgraph(members)
    found, at = g.biconnected_components(return_articulation_points=True)
    return [[order[i] for i in b] for b in found], {order[i] for i in at}


def _rows(T: nx.Graph, tree: BlockCutTree, pairs: list[tuple[Hashable, Hashable]], most: int | None
          ) -> list[dict[str, Any]]:
    """Add the ties to the tree in order (at most ``most``, dropping any the earlier ones make useless): the result rows."""
    rows: list[dict[str, Any]] = []
    for u, v in pairs:
        if most is not None and len(rows) >= most:
            break
        effect = tree.add(u, v)
        if effect is not None:
            closed, bridges = effect
            rows.append({"a": ref(T, u), "b": ref(T, v), "why": shared(u, v, T), "closes": refs(T, closed),
                         "reason": _reason(closed, bridges)})
    return rows


def _reason(closed: list[Hashable], bridges_closed: int) -> dict[str, Any]:
    """Why a new tie is proposed, as a code and a number (worded by :mod:`essgraph.render.findings`)."""
    code = "cut-points" if closed else "bridges" if bridges_closed else "prepares"
    return {"code": code, "bridges": bridges_closed}


class _Weaver:
    """Chooses the new ties: every leaf block tied to another branch of the centroid, within plausible groups."""

    def __init__(self, T: nx.Graph, tree: BlockCutTree) -> None:
        self.tree = tree
        root = tree.cuts[tree.root - len(tree.blocks)] if tree.root >= len(tree.blocks) else None
        eligible = sorted((v for block in tree.blocks for v in block
                           if v != root and not T.nodes[v].get("is_person")), key=id_key)
        eligible = [v for i, v in enumerate(eligible) if not i or v != eligible[i - 1]]  # cut points are in several blocks
        self.rank = {v: i for i, v in enumerate(eligible)}
        members, groups_of = partner_groups(T, eligible)
        self.members = {g: sorted(m, key=self.rank.__getitem__) for g, m in members.items()}
        self.groups_of = groups_of
        self.branch = {v: tree.branch[tree.position(v)] for v in eligible}
        self.sides: dict[tuple[str, Any], tuple[Hashable, Hashable | None]] = {}

    def pairs(self) -> list[tuple[Hashable, Hashable]]:
        """The ties: leaves paired within groups (smallest groups first), the rest tied anywhere across, then joined."""
        tree = self.tree
        inside = {leaf: [v for v in tree.blocks[leaf] if v in self.branch and v in tree.block_of] for leaf in tree.leaves}
        entries: dict[tuple[str, Any], list[_End]] = {}
        for leaf in tree.leaves:
            seen: set[tuple[str, Any]] = set()
            for u in inside[leaf]:
                for g in self.groups_of.get(u, ()):
                    if g not in seen:
                        seen.add(g)
                        entries.setdefault(g, []).append((leaf, u))
        matching: list[tuple[_End, _End]] = []
        matched: set[int] = set()
        for g in sorted(entries, key=lambda g: (len(entries[g]), _group_key(g))):
            self._match(entries[g], matched, matching)
        left = [leaf for leaf in tree.leaves if leaf not in matched]
        repaired = self._repair(matching, left, inside)
        pairs = [(u, v) for (_, u), (_, v) in matching] + repaired
        for leaf in left:  # from its inside, else from its articulation point (closing those above it)
            start = inside[leaf] + [v for v in tree.blocks[leaf] if v in self.branch and v not in tree.block_of]
            tie = self._across(start) or self._within(leaf, start)
            if tie is not None:
                pairs.append(tie)
        if tree.root >= len(tree.blocks):
            self._join(pairs)
        return pairs

    def _repair(self, matching: list[tuple[_End, _End]], left: list[int],
                inside: dict[int, list[Hashable]]) -> list[tuple[Hashable, Hashable]]:
        """Two leftover leaves take a pair's two ends, one each, where both new pairs are plausible: one tie more, two leaves fewer.

        Matching group by group can leave leaves bunched in one branch while
        pairs elsewhere could take them (an augmenting path of length three of the
        matching); only the first :data:`SWAP_TRIES` leftovers are tried per pair.
        The changed pairs stay in ``matching``; returns the vertex pairs added.
        """
        added: list[tuple[Hashable, Hashable]] = []
        tree = self.tree
        for j in range(len(matching)):
            if len(left) < 2:
                break
            (la, ua), (lb, ub) = matching[j]
            one = self._taker(left, inside, ua, tree.branch[la], None)
            other = self._taker(left, inside, ub, tree.branch[lb], one) if one else None
            if one and other:
                matching[j] = ((la, ua), one)
                added.append((ub, other[1]))
                left.remove(one[0])
                left.remove(other[0])
        return added

    def _taker(self, left: list[int], inside: dict[int, list[Hashable]], u: Hashable, branch: int,
               not_this: _End | None) -> _End | None:
        """A leftover leaf outside ``branch`` with a vertex plausible with ``u`` (among the first few)."""
        for leaf in left[:SWAP_TRIES]:
            if self.tree.branch[leaf] != branch and (not_this is None or leaf != not_this[0]):
                for w in inside[leaf]:
                    if self._plausible(u, w):
                        return leaf, w
        return None

    def _match(self, entries: list[_End], matched: set[int], pairs: list[tuple[_End, _End]]) -> None:
        """Pair the group's unmatched leaves across branches, the two branches with most of them first."""
        by_branch: dict[int, list[_End]] = {}
        for leaf, u in entries:
            if leaf not in matched:
                by_branch.setdefault(self.tree.branch[leaf], []).append((leaf, u))
        heap = [(-len(found), b) for b, found in by_branch.items()]
        heapq.heapify(heap)
        for found in by_branch.values():
            found.reverse()  # popped from the end: in id order
        while len(heap) > 1:
            (na, a), (nb, b) = heapq.heappop(heap), heapq.heappop(heap)
            (la, ua), (lb, ub) = by_branch[a].pop(), by_branch[b].pop()
            matched.update((la, lb))
            pairs.append(((la, ua), (lb, ub)))
            for n, branch in ((na, a), (nb, b)):
                if n < -1:
                    heapq.heappush(heap, (n + 1, branch))

    def _across(self, inside: list[Hashable]) -> tuple[Hashable, Hashable] | None:
        """A tie from one of ``inside`` to a plausible organization in another branch (``None`` when there is none)."""
        for u in inside:
            for g in self.groups_of.get(u, ()):
                v = self._other(g, self.branch[u])
                if v is not None:
                    return u, v
        return None

    def _within(self, leaf: int, inside: list[Hashable]) -> tuple[Hashable, Hashable] | None:
        """With no plausible organization in another branch, one in the leaf's branch whose path from the leaf climbs highest.

        The tie closes the articulation points on that path for the leaf's side
        (at most :data:`WITHIN_CANDIDATES` candidates are looked at).
        """
        tree = self.tree
        near = (leaf, tree.adj[leaf][0])  # a tie into the leaf or to its articulation point adds nothing
        found = [(u, w) for u in inside for g in self.groups_of.get(u, ()) for w in self.members[g][:WITHIN_CANDIDATES]
                 if tree.position(w) not in near][:WITHIN_CANDIDATES]
        if not found:
            return None
        ends = np.asarray([tree.position(w) for _, w in found], dtype=np.int64)
        meet = tree.meet(np.full(len(found), leaf, dtype=np.int64), ends)
        return found[int(np.argmin(np.asarray(tree.depth, dtype=np.int64)[meet]))]

    def _other(self, g: tuple[str, Any], branch: int) -> Hashable | None:
        """The first member of group ``g`` outside ``branch``."""
        if g not in self.sides:
            found = self.members[g]
            first = found[0]
            self.sides[g] = (first, next((v for v in found if self.branch[v] != self.branch[first]), None))
        first, second = self.sides[g]
        return first if self.branch[first] != branch else second

    def _join(self, pairs: list[tuple[Hashable, Hashable]]) -> None:
        """Make the ties join every branch of the centroid (an articulation point): swap ends, else add ties."""
        root = self.tree.root
        branches = self.tree.adj[root]
        sets = {b: b for b in branches}
        spare_of: dict[int, list[int]] = {b: [] for b in branches}
        tree_of: dict[int, list[int]] = {b: [] for b in branches}
        for i, (u, v) in enumerate(pairs):
            a, b = _find(sets, self.branch[u]), _find(sets, self.branch[v])
            if a == b:
                spare_of[a].append(i)
            else:
                if len(tree_of[a]) + len(spare_of[a]) < len(tree_of[b]) + len(spare_of[b]):
                    a, b = b, a  # the smaller part's lists join the larger's
                sets[b] = a
                tree_of[a] += tree_of.pop(b)
                spare_of[a] += spare_of.pop(b)
                tree_of[a].append(i)
        parts = sorted(tree_of, key=lambda p: (-len(spare_of[p]), -len(tree_of[p]), p))
        main, apart = parts[0], []
        for part in parts[1:]:
            if self._swap(pairs, (tree_of[main], spare_of[main]), (tree_of[part], spare_of[part])):
                sets[part] = main
                tree_of[main] += tree_of[part]
                spare_of[main] += spare_of[part]
            else:
                apart.append(part)
        if apart:
            self._bridge_parts(pairs, sets, len(apart))

    def _swap(self, pairs: list[tuple[Hashable, Hashable]], one: tuple[list[int], list[int]],
              other: tuple[list[int], list[int]]) -> bool:
        """Join two parts by swapping the ends of a spare tie of one and a tie of the other, if both new pairs are plausible."""
        for (trees, _), (_, spares) in ((other, one), (one, other)):
            for s in spares[-SWAP_TRIES:]:
                for t in trees[:SWAP_TRIES]:
                    (a, a2), (b, b2) = pairs[s], pairs[t]
                    for p, q in (((a, b), (a2, b2)), ((a, b2), (a2, b))):
                        if self._plausible(*p) and self._plausible(*q):
                            pairs[s], pairs[t] = p, q
                            spares.remove(s)
                            trees.append(s)
                            return True
        return False

    def _bridge_parts(self, pairs: list[tuple[Hashable, Hashable]], sets: dict[int, int], apart: int) -> None:
        """Add plausible ties between parts still apart (``apart`` joins are needed), group by group."""
        for g in sorted(self.members, key=lambda g: (len(self.members[g]), _group_key(g))):
            last: Hashable | None = None
            for v in self.members[g]:
                if last is None:
                    last = v
                    continue
                a, b = _find(sets, self.branch[last]), _find(sets, self.branch[v])
                if a != b:
                    pairs.append((last, v))
                    sets[b] = a
                    last = v
                    apart -= 1
                    if not apart:
                        return

    def _plausible(self, u: Hashable, v: Hashable) -> bool:
        return not set(self.groups_of.get(u, ())).isdisjoint(self.groups_of.get(v, ()))


def _group_key(g: tuple[str, Any]) -> tuple[int, tuple[int, Any]]:
    """Groups in the order region, sector, network, then by value."""
    return (("region", "sector", "network").index(g[0]), id_key(g[1]))


def _find(sets: dict[int, int], x: int) -> int:
    while sets[x] != x:
        sets[x] = sets[sets[x]]
        x = sets[x]
    return x
