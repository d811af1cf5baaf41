"""The block–cut tree of a connected graph, rooted at a leaf centroid, and shrunk as ties are added.

The tree of a graph's biconnected blocks and its articulation points (each
articulation point tied to the blocks it belongs to; Hopcroft & Tarjan 1973)
is what :mod:`essgraph.analysis.augmentation` works on. :class:`BlockCutTree`
numbers the blocks ``0 .. len(blocks) - 1`` (sorted by their members' ids) and
the articulation points after them (sorted by id), roots the tree at a *leaf
centroid* (a node none of whose branches holds more than half the leaf blocks)
and says, for each node, its depth and its branch (the root's neighbour above
it). Adding a tie merges the blocks on the tree path between its ends into one
block and takes one block from each articulation point inside the path; one
left in a single block is no longer one. Union–find on the blocks, each class
known by its top block, does it in near-linear time over all ties (each block
is merged once); lowest common ancestors come from binary-lifting tables.

Examples
--------
>>> import networkx as nx
>>> T = nx.path_graph(4)
>>> tree = BlockCutTree([list(b) for b in nx.biconnected_components(T)], set(nx.articulation_points(T)))
>>> tree.cuts, len(tree.leaves), tree.bound()
([1, 2], 2, 1)
>>> tree.add(0, 3), tree.remaining()
(([1, 2], 3), [])
"""
from __future__ import annotations

import math
from typing import Hashable

import numpy as np

from essgraph.analysis._common import id_key

__all__ = ["BlockCutTree"]


class BlockCutTree:
    """The block–cut tree of one component, rooted at a leaf centroid, and merged as ties are added.

    Nodes ``0 .. len(blocks) - 1`` are the blocks (sorted by their members' ids),
    the next ones the articulation points (sorted by id). Adding a tie merges the
    blocks on the tree path between its ends into one (union–find on the blocks,
    each class known by its top block) and takes one block from each articulation
    point inside the path; one left with a single block is closed.
    """

    def __init__(self, blocks: list[list[Hashable]], cuts: set[Hashable]) -> None:
        self.blocks = sorted((sorted(b, key=id_key) for b in blocks), key=lambda b: [id_key(v) for v in b])
        self.cuts = sorted(cuts, key=id_key)
        n_blocks = len(self.blocks)
        self.cut_index = index = {c: n_blocks + j for j, c in enumerate(self.cuts)}
        self.block_of: dict[Hashable, int] = {}  # every node but the articulation points: its one block
        self.adj: list[list[int]] = [[] for _ in range(n_blocks + len(self.cuts))]
        for i, block in enumerate(self.blocks):
            for v in block:
                j = index.get(v)
                if j is None:
                    self.block_of[v] = i
                else:
                    self.adj[i].append(j)
                    self.adj[j].append(i)
        self.leaves = [i for i in range(n_blocks) if len(self.adj[i]) == 1]
        self.degree = [len(self.adj[j]) for j in range(n_blocks, len(self.adj))]
        self.bridge = [len(b) == 2 for b in self.blocks]  # in a simple graph a block of two is a bridge
        self.bridges_before = sum(self.bridge)
        self.root = self._centroid() if self.leaves else 0
        self.parent, self.depth, self.branch = self._rooted() if self.adj else ([], [], [])
        self.sets = list(range(n_blocks))
        self.top = list(range(n_blocks))
        self._up: list[np.ndarray] = []  # binary-lifting ancestor tables, made on first use

    def bound(self) -> int:
        """``max(ceil(leaves / 2), d - 1)``: no augmentation is smaller (0 without cut points)."""
        d = max(self.degree, default=0)
        return max(math.ceil(len(self.leaves) / 2), d - 1) if d else 0

    def remaining(self) -> list[Hashable]:
        """The articulation points left after the ties added (still in more than one block)."""
        return [c for c, d in zip(self.cuts, self.degree) if d > 1]

    def merged(self) -> tuple[list[list[Hashable]], set[Hashable]]:
        """The blocks and articulation points after the ties added: each class of blocks is one block."""
        members: dict[int, dict[Hashable, None]] = {}
        for i, block in enumerate(self.blocks):
            members.setdefault(self.find(i), {}).update(dict.fromkeys(block))
        return [list(m) for m in members.values()], set(self.remaining())

    def ordered(self, pairs: list[tuple[Hashable, Hashable]]) -> list[tuple[Hashable, Hashable]]:
        """The ties (smaller id first), longest tree path first, then by id."""
        pairs = [(u, v) if id_key(u) < id_key(v) else (v, u) for u, v in pairs]
        if not pairs:
            return []
        length = self._distances([self.position(u) for u, _ in pairs], [self.position(v) for _, v in pairs])
        order = sorted(range(len(pairs)), key=lambda i: (-length[i], id_key(pairs[i][0]), id_key(pairs[i][1])))
        return [pairs[i] for i in order]

    def add(self, u: Hashable, v: Hashable) -> tuple[list[Hashable], int] | None:
        """Add the tie ``u``–``v``: the articulation points it closes and the bridges it merges (``None`` if it adds nothing).

        A tie inside one block (after the ties before it) adds nothing.
        """
        pu, pv = self.position(u), self.position(v)
        x, y = self.find(self._end(pu, pv)), self.find(self._end(pv, pu))
        return None if x == y else self._merge_path(x, y)

    def position(self, v: Hashable) -> int:
        """The tree node of ``v``: its block, or itself if it is an articulation point."""
        found = self.block_of.get(v)
        return self.cut_index[v] if found is None else found

    def find(self, x: int) -> int:
        sets = self.sets
        while sets[x] != x:
            sets[x] = sets[sets[x]]
            x = sets[x]
        return x

    def _merge_path(self, x: int, y: int) -> tuple[list[Hashable], int]:
        """Merge the classes on the tree path from class ``x`` to class ``y``: the cut points closed, the bridges merged."""
        parent, depth, top, n_blocks = self.parent, self.depth, self.top, len(self.blocks)
        closed: list[Hashable] = []
        bridges = 0
        while x != y:
            if depth[top[x]] < depth[top[y]]:
                x, y = y, x
            c = parent[top[x]]
            above = y if parent[top[y]] == c else self.find(parent[c])  # a sibling under c, or the block above c
            self.degree[c - n_blocks] -= 1
            if self.degree[c - n_blocks] == 1:
                closed.append(self.cuts[c - n_blocks])
            bridges += self.bridge[x] + self.bridge[above]
            self.bridge[above] = False
            self.sets[x] = above
            x, y = above, self.find(y)
        return closed, bridges

    def _centroid(self) -> int:
        """A node none of whose branches holds more than half the leaves; a block when one does, else the fewest at most."""
        n, total = len(self.adj), len(self.leaves)
        order, parent = _bfs(self.adj, 0)
        below = [0] * n
        for leaf in self.leaves:
            below[leaf] = 1
        for x in reversed(order[1:]):
            below[parent[x]] += below[x]
        best, best_key = 0, None
        for x in order:
            if len(self.adj[x]) < 2:
                continue
            most = max([total - below[x]] + [below[y] for y in self.adj[x] if y != parent[x]])
            key = (2 * most > total, x >= len(self.blocks), most, x)
            if best_key is None or key < best_key:
                best, best_key = x, key
        return best

    def _rooted(self) -> tuple[list[int], list[int], list[int]]:
        """Each node's parent (the root its own), depth and branch (the root's neighbour above it; -1 for the root)."""
        n = len(self.adj)
        order, parent = _bfs(self.adj, self.root)
        depth, branch = [0] * n, [-1] * n
        for x in order[1:]:
            p = parent[x]
            depth[x] = depth[p] + 1
            branch[x] = x if p == self.root else branch[p]
        parent[self.root] = self.root
        return parent, depth, branch

    def _end(self, p: int, o: int) -> int:
        """The block at the ``p`` end of the tree path from node ``p`` to node ``o`` (``p`` itself if a block)."""
        if p < len(self.blocks):
            return p
        if self.depth[o] > self.depth[p] and self._lift(o, self.depth[p]) == p:
            return self._lift(o, self.depth[p] + 1)
        return self.parent[p]

    def _lift(self, x: int, depth: int) -> int:
        """The ancestor of node ``x`` at ``depth``."""
        up, diff, j = self._tables(), self.depth[x] - depth, 0
        while diff:
            if diff & 1:
                x = int(up[j][x])
            diff, j = diff >> 1, j + 1
        return x

    def _tables(self) -> list[np.ndarray]:
        """Binary-lifting tables: ``[j][x]`` is the ancestor ``2 ** j`` levels above ``x`` (the root above itself)."""
        if not self._up:
            self._up.append(np.asarray(self.parent, dtype=np.int64))
            for _ in range(max(1, max(self.depth).bit_length())):
                self._up.append(self._up[-1][self._up[-1]])
        return self._up

    def _distances(self, a: list[int], b: list[int]) -> list[int]:
        """Tree distances between the nodes ``a[i]`` and ``b[i]``."""
        depth = np.asarray(self.depth, dtype=np.int64)
        x, y = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)
        return (depth[x] + depth[y] - 2 * depth[self.meet(x, y)]).tolist()

    def meet(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """The lowest common ancestors of the nodes ``x[i]`` and ``y[i]`` (binary lifting, all pairs at once)."""
        up, depth = self._tables(), np.asarray(self.depth, dtype=np.int64)
        swap = depth[x] < depth[y]
        x, y = np.where(swap, y, x), np.where(swap, x, y)
        diff = depth[x] - depth[y]
        for j, table in enumerate(up):
            x = np.where((diff >> j) & 1 == 1, table[x], x)
        for table in reversed(up):
            differ = table[x] != table[y]
            x, y = np.where(differ, table[x], x), np.where(differ, table[y], y)
        return np.where(x == y, x, up[0][x])



def _bfs(adj: list[list[int]], root: int) -> tuple[list[int], list[int]]:
    """Breadth-first order of a tree from ``root`` and each node's parent (-1 for the root)."""
    parent = [-1] * len(adj)
    order = [root]
    seen = [False] * len(adj)
    seen[root] = True
    for x in order:
        for y in adj[x]:
            if not seen[y]:
                seen[y] = True
                parent[y] = x
                order.append(y)
    return order, parent
