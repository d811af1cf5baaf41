"""The structure of a tie graph, computed once: components, cut points, bridges, centralities.

NetworkX stays the graph model and the analyses' API; this module computes the
structure every analysis and every drawing reads, and is the only module of
essgraph that imports python-igraph (``tests/analysis/test_engine.py`` checks).

:class:`TieStructure` is the cache: built from one tie graph, it computes each
part on first use and keeps it — the igraph conversion, the connected
components, the cut points and bridges (igraph), whom each one alone holds (one
depth-first search, :mod:`essgraph.analysis.cutsearch`), degree, betweenness,
closeness, PageRank, eigenvector centrality, core numbers, Louvain and the hops
from a set of sources. :func:`~essgraph.analysis.pipeline.analyze` makes one for
its tie graph and passes it to every analysis (``structure=``); the render makes
one for the drawing's tie graph (:func:`essgraph.render.structure.measure`). A
function given no structure makes its own, so each call also stands alone.

The functions below compute one measure of a NetworkX graph and return what the
NetworkX call it replaces returns (a dict keyed by node, values on the same
scale), on NetworkX or igraph:

* ``engine="networkx"`` always uses NetworkX, ``engine="igraph"`` always
  igraph, ``engine="auto"`` (the default) igraph from :data:`IGRAPH_ABOVE` nodes
  (betweenness and closeness from :data:`DISTANCES_IGRAPH_ABOVE`);
* betweenness: Brandes, normalized like ``nx.betweenness_centrality``; with
  ``k`` it uses **the same** sample of sources as NetworkX
  (``random.Random(seed).sample(list(T), k)``), so both engines agree to
  rounding, exact or sampled;
* closeness: Wasserman–Faust, like ``nx.closeness_centrality(wf_improved=True)``;
  when ``k`` is given and a component is larger than ``k`` its members'
  closeness is **estimated** from the distances to the sampled sources inside it
  (Eppstein & Wang 2004), exact elsewhere;
* PageRank: PRPACK (igraph) or power iteration (NetworkX), equal to about 1e-6;
* Louvain: igraph's multilevel method with igraph's RNG seeded from ``seed``; a
  different implementation of the same method, so the partition can differ
  while its modularity stays comparable (the tests bound the difference);
* :func:`year_counts` sizes up a graph given as an edge list (the timeline's
  year-by-year networks) and :func:`force_layout_coords` places one
  (Fruchterman–Reingold, seeded) for :mod:`essgraph.render.positions`.

The tests (``tests/analysis/test_engine.py``) run both engines on the karate
club, seeded random graphs and the bundled data and compare.

Examples
--------
>>> import networkx as nx
>>> T = nx.path_graph(3)
>>> betweenness(T, engine="igraph") == betweenness(T, engine="networkx")
True
>>> use_igraph(nx.path_graph(10), "auto"), use_igraph(nx.path_graph(10), "igraph")
(False, True)
>>> S = TieStructure(nx.barbell_graph(3, 0))
>>> sorted(S.articulation_points()), [sorted(b) for b in S.bridges()], S.component_sizes()
([2, 3], [[2, 3]], [6])

References
----------
Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
Eppstein, D. & Wang, J. (2004). Fast approximation of centrality.
"""
from __future__ import annotations

import ctypes
import gc
import glob
import multiprocessing
import os
import random
import warnings
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable, Iterator, NamedTuple, Sequence, TypeVar

import igraph as ig
import networkx as nx
import numpy as np

from essgraph.analysis._common import group_members, id_key
from essgraph.analysis.cutsearch import CutSearch, cut_search

__all__ = ["ENGINES", "IGRAPH_ABOVE", "DISTANCES_IGRAPH_ABOVE", "BETWEENNESS_EXACT_UP_TO", "BETWEENNESS_SAMPLE",
           "TieStructure", "structure_of", "use_igraph", "auto_sample", "to_igraph", "subgraph", "sample_sources",
           "betweenness", "igraph_betweenness", "closeness", "igraph_closeness", "pagerank", "igraph_pagerank",
           "louvain", "igraph_multilevel", "core_number", "biconnected", "YearCounts", "year_counts",
           "force_layout_coords"]

_T = TypeVar("_T")

#: The engines a measure can run on.
ENGINES = ("auto", "networkx", "igraph")
#: ``engine="auto"`` uses igraph from this many nodes on.
IGRAPH_ABOVE = 2000
#: ``analyze`` computes betweenness exactly up to this many nodes, and samples above.
BETWEENNESS_EXACT_UP_TO = 5000
#: ``engine="auto"`` computes betweenness and closeness on igraph from this many nodes on: both engines
#: give them to 1e-12 (the tests check it), so only the time changes (about 2 s -> 0.05 s at 400 nodes).
DISTANCES_IGRAPH_ABOVE = 200
#: Sample size (sources) of betweenness and closeness above that.
BETWEENNESS_SAMPLE = 500
#: Above this many nodes :meth:`TieStructure.start` begins the slowest measures in a child process
#: (below, starting the process costs more than it saves).
PARALLEL_ABOVE = 20_000


class TieStructure:
    """The structure of one tie graph, each part computed on first use and kept on this object.

    Parameters
    ----------
    T : networkx.Graph
        The tie graph (:attr:`graph`). It must not change while the structure is
        in use: the structure would not notice.

    Notes
    -----
    What igraph returns as graphs (:meth:`igraph`, :meth:`subgraph`) is shared:
    do not modify it. Used as a context manager, the structure lets go of what it
    keeps when the block ends (``analyze`` does, so a big conversion does not
    outlive the analysis).

    Examples
    --------
    >>> T = nx.Graph([("a", "b"), ("b", "c")]); T.add_node("z")
    >>> S = TieStructure(T)
    >>> S.components(), S.igraph()[0] is S.igraph()[0], sorted(S.articulation_points())
    ([['a', 'b', 'c'], ['z']], True, ['b'])
    >>> S.hops_from(["a"]), S.degree()
    ({'a': 0, 'b': 1, 'c': 2}, {'a': 1, 'b': 2, 'c': 1, 'z': 0})
    """

    #: Where the structural parts are computed when not in this process (``"gds"``), else ``None``.
    source: str | None = None

    def __init__(self, T: nx.Graph) -> None:
        self.graph = T
        self._kept: dict[Hashable, Any] = {}
        self._started: dict[Hashable, Future[Any]] = {}

    def __enter__(self) -> TieStructure:
        return self

    def __exit__(self, *exc: object) -> None:
        self._kept.clear()
        for future in self._started.values():  # begun and never asked for
            future.cancel()
        self._started.clear()

    def igraph(self) -> tuple[ig.Graph, list[Hashable]]:
        """The graph as an undirected simple igraph graph and its vertex order (``list(T)``), converted once."""
        return self._once("igraph", lambda: to_igraph(self.graph))

    def index(self) -> dict[Hashable, int]:
        """The vertex index of each node in :meth:`igraph`."""
        return self._once("index", lambda: {v: i for i, v in enumerate(self.igraph()[1])})

    def subgraph(self, members: Iterable[Hashable]) -> tuple[ig.Graph, list[Hashable]]:
        """The igraph graph of the ties among ``members``, vertices in the graph's node order.

        Cut from :meth:`igraph` (which it is, when ``members`` are every node).
        The vertex order does not depend on the order of ``members`` (a NetworkX
        subgraph view may iterate in set order), so sampled measures on it are
        reproducible.
        """
        g, nodes = self.igraph()
        index = self.index()
        chosen = sorted({index[v] for v in members})
        if len(chosen) == len(nodes):
            return g, nodes
        return g.induced_subgraph(chosen, implementation="create_from_scratch"), [nodes[i] for i in chosen]

    def components(self) -> list[list[Hashable]]:
        """The connected components, members in the graph's node order, listed by their first member."""
        def compute() -> list[list[Hashable]]:
            g, nodes = self.igraph()
            return [[nodes[i] for i in members] for members in g.connected_components()]
        return self._once("components", compute)

    def component_sizes(self) -> list[int]:
        """How many nodes each component has (people included), largest first."""
        return sorted((len(c) for c in self.components()), reverse=True)

    def articulation_points(self) -> frozenset[Hashable]:
        """The cut points: the nodes whose loss splits their component (the nodes of :meth:`cut_search`'s parts)."""
        def compute() -> frozenset[Hashable]:
            g, nodes = self.igraph()
            return frozenset(nodes[i] for i in g.articulation_points())
        return self._once("articulation_points", compute)

    def bridges(self) -> frozenset[frozenset[Hashable]]:
        """The ties whose loss splits their component, as node pairs (self-loops never are)."""
        def compute() -> frozenset[frozenset[Hashable]]:
            g, nodes = self.igraph()
            return frozenset(frozenset((nodes[g.es[e].source], nodes[g.es[e].target])) for e in g.bridges())
        return self._once("bridges", compute)

    def cut_search(self) -> CutSearch:
        """The depth-first search that finds whom each cut point and bridge alone holds (see :mod:`~essgraph.analysis.cutsearch`)."""
        return self._once("cut_search", lambda: cut_search(self.graph))

    def degree(self) -> dict[Hashable, int]:
        """How many other nodes each node is tied to (unlike ``T.degree``, a self-loop does not count)."""
        return self._once("degree", lambda: dict(zip(self.igraph()[1], self.igraph()[0].degree())))

    def hops_from(self, sources: Iterable[Hashable]) -> dict[Hashable, int]:
        """Fewest ties from each node to the nearest of ``sources`` (those in the graph), reachable nodes only.

        One breadth-first search from all sources at once; sorted by hops, then id.
        """
        chosen = tuple(n for n in sources if n in self.graph)
        return self._once(("hops", chosen), lambda: _hops(self.graph, chosen))

    def betweenness(self, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                    ) -> dict[Hashable, float]:
        """See :func:`betweenness`."""
        return self._once(("betweenness", k, seed, engine), lambda: self._betweenness(k, seed, engine))

    def closeness(self, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                  ) -> dict[Hashable, float]:
        """See :func:`closeness`."""
        return self._once(("closeness", k, seed, engine), lambda: self._closeness(k, seed, engine))

    def pagerank(self, *, alpha: float = 0.85, engine: str = "auto") -> dict[Hashable, float]:
        """See :func:`pagerank`."""
        return self._once(("pagerank", alpha, engine), lambda: self._pagerank(alpha, engine))

    def eigenvector(self) -> dict[Hashable, float]:
        """Eigenvector centrality scaled to a largest value of 1 (igraph); 0 everywhere without ties.

        On a disconnected graph it is near 0 outside the component with the
        largest eigenvalue (which is why the analyses rank by PageRank); the
        drawing may still size nodes by it, so igraph's warning about that is
        not passed on.
        """
        def compute() -> dict[Hashable, float]:
            g, nodes = self.igraph()
            if g.ecount() == 0:
                return dict.fromkeys(nodes, 0.0)
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="Some eigenvector centralities are nearly zero")
                values = g.eigenvector_centrality(scale=True)
            return dict(zip(nodes, (float(x) for x in values)))
        return self._once("eigenvector", compute)

    def core_number(self, *, engine: str = "auto") -> dict[Hashable, int]:
        """See :func:`core_number`."""
        return self._once(("core_number", engine), lambda: self._core_number(engine))

    def multilevel(self, *, seed: int | None = 42, resolution: float = 1.0
                   ) -> tuple[list[set[Hashable]], float | None]:
        """Louvain communities of the tied nodes on igraph, and their modularity (``None`` without ties).

        The graph handed to igraph is the one :func:`louvain` converts from a
        NetworkX graph of the tied nodes in id order with the ties as
        ``(smaller, larger)`` pairs in lexicographic order (what
        :func:`essgraph.analysis.communities.communities` builds below
        :data:`IGRAPH_ABOVE`), so the seeded method takes the same steps and finds
        the same partition; it is built from :meth:`igraph`'s arrays.
        """
        return self._once(("multilevel", seed, resolution), lambda: self._multilevel(seed, resolution))

    def _once(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        if key not in self._kept:
            self._kept[key] = compute()
        return self._kept[key]

    def _betweenness(self, k: int | None, seed: int | None, engine: str) -> dict[Hashable, float]:
        T = self.graph
        sampled = k is not None and k < T.number_of_nodes()
        if not use_igraph(T, engine, DISTANCES_IGRAPH_ABOVE):
            return nx.betweenness_centrality(T, k=k if sampled else None, seed=seed if sampled else None)
        g, nodes = self.igraph()
        return dict(zip(nodes, igraph_betweenness(g, nodes, k=k, seed=seed)))

    def _closeness(self, k: int | None, seed: int | None, engine: str) -> dict[Hashable, float]:
        T = self.graph
        fast = use_igraph(T, engine, DISTANCES_IGRAPH_ABOVE)
        if k is None and not fast:
            return nx.closeness_centrality(T, wf_improved=True)
        if fast:
            g, nodes = self.igraph()
            return dict(zip(nodes, igraph_closeness(g, nodes, k=k, seed=seed)))
        return _networkx_closeness(T, k, seed)

    def _pagerank(self, alpha: float, engine: str) -> dict[Hashable, float]:
        T = self.graph
        if not T.number_of_edges():
            return {v: 1 / T.number_of_nodes() for v in T}
        if not use_igraph(T, engine):
            return nx.pagerank(T, alpha=alpha, weight=None)
        g, nodes = self.igraph()
        return dict(zip(nodes, igraph_pagerank(g, alpha=alpha)))

    def _core_number(self, engine: str) -> dict[Hashable, int]:
        T = self.graph
        if not use_igraph(T, engine):
            if nx.number_of_selfloops(T):
                T = nx.Graph(T)
                T.remove_edges_from(list(nx.selfloop_edges(T)))
            return nx.core_number(T) if T.number_of_nodes() else {}
        g, nodes = self.igraph()
        return dict(zip(nodes, g.coreness()))

    def start(self, *, seed: int | None = 42, k: int | None = None, group_by: Sequence[str] = ()) -> None:
        """Begin the slowest measures in a child process, when that pays: a graph past
        :data:`PARALLEL_ABOVE` nodes and a second core.

        The child computes, in turn, the whole graph's betweenness and closeness
        from ``k`` sources drawn with ``seed`` (as :func:`essgraph.analysis.centrality.centrality`
        asks for them), Louvain with ``seed`` (as :meth:`multilevel` does) and
        the betweenness and closeness of the ties inside each group of each
        attribute of ``group_by`` (:func:`~essgraph.analysis._common.group_members`,
        as :func:`essgraph.analysis.centrality.hubs` asks for them),
        while this process computes the rest of the analysis; each is collected
        by :meth:`begun` when asked for: the same numbers, the same partition (the
        same functions on the same graph; computed here if the child failed).
        igraph's C core is not thread-safe and holds the GIL, hence a process,
        forked (Linux) after :func:`gc.freeze`: the child reads this structure from
        the memory it shares with this process (nothing of the graph is copied or
        pickled), and its collector leaves the parent's objects alone.

        >>> S = TieStructure(nx.path_graph(4)); S.start(seed=1)  # small: nothing begun
        >>> S.multilevel(seed=1)[0]
        [{0, 1}, {2, 3}]
        """
        n = self.graph.number_of_nodes()
        if self.source is not None or n <= PARALLEL_ABOVE or not _can_fork():
            return
        self.index()  # made here, so the child has it
        sample = k if k is not None and k < n else None
        jobs: list[tuple[Hashable, str, tuple[Any, ...]]] = [
            (("centralities", None, sample, seed), "_centralities", (None, sample, seed))]
        if self._multilevel_input()[0] is not None:
            jobs.append((("multilevel", seed, 1.0), "_louvain", (seed, 1.0)))
        for attribute in group_by:
            for value, members in group_members(self.graph, attribute).items():
                kk = k if k is not None and k < len(members) else None
                jobs.append((("centralities", (attribute, value), kk, seed), "_centralities", (members, kk, seed)))
        pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        _FORKED[:] = [self]
        gc.freeze()  # the child's collector then leaves the parent's objects (and their pages) alone
        try:
            for key, method, args in jobs:
                self._started[key] = pool.submit(_in_child, method, *args)
        finally:
            gc.unfreeze()
            _FORKED.clear()
        pool.shutdown(wait=False)  # its worker ends when the jobs are done

    def centralities(self, members: Sequence[Hashable] | None = None, *, k: int | None, seed: int | None,
                     group: Hashable = None) -> tuple[list[float], list[float]]:
        """igraph's betweenness and closeness (from ``k`` sources drawn with ``seed``) of the
        ties among ``members`` (``None``: the whole graph), in :meth:`subgraph`'s vertex order.

        Collected from the child when :meth:`start` began them (the whole graph,
        or ``group``, an ``(attribute, value)`` of its ``group_by``); else computed here.
        """
        if members is not None and group is None:
            return self._centralities(members, k, seed)
        return self.begun(("centralities", None if members is None else group, k, seed),
                          lambda: self._centralities(members, k, seed))

    def _centralities(self, members: Sequence[Hashable] | None, k: int | None, seed: int | None
                      ) -> tuple[list[float], list[float]]:
        g, nodes = self.igraph() if members is None else self.subgraph(members)
        return igraph_betweenness(g, nodes, k=k, seed=seed), igraph_closeness(g, nodes, k=k, seed=seed)

    def _louvain(self, seed: int | None, resolution: float) -> list[int]:
        H, _ = self._multilevel_input()
        return igraph_multilevel(H, seed=seed, resolution=resolution)

    def begun(self, key: Hashable, compute: Callable[[], _T]) -> _T:
        """What the child begun by :meth:`start` computed for ``key``; else (or if it failed) ``compute()``."""
        future = self._started.pop(key, None)
        if future is not None:
            try:
                return future.result()
            except (BrokenProcessPool, OSError):  # the child died (e.g. out of memory): computed here
                pass
        return compute()

    def _multilevel_input(self) -> tuple[ig.Graph | None, list[int]]:
        """The graph Louvain runs on (see :meth:`multilevel`) and the vertex of :meth:`igraph` each of its vertices is."""
        def compute() -> tuple[ig.Graph | None, list[int]]:
            g, nodes = self.igraph()
            ends = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            keep = sorted(np.unique(ends).tolist(), key=lambda i: id_key(nodes[i]))
            if not keep:
                return None, []
            new = np.full(len(nodes), -1, dtype=np.int64)
            new[keep] = np.arange(len(keep))
            a, b = new[ends[:, 0]], new[ends[:, 1]]
            lo, hi = np.minimum(a, b), np.maximum(a, b)
            order = np.lexsort((hi, lo))
            return ig.Graph(n=len(keep), edges=np.column_stack([lo[order], hi[order]]).tolist()), keep
        return self._once("multilevel_input", compute)

    def _multilevel(self, seed: int | None, resolution: float) -> tuple[list[set[Hashable]], float | None]:
        H, keep = self._multilevel_input()
        if H is None:
            return [], None
        membership = self.begun(("multilevel", seed, resolution), lambda: self._louvain(seed, resolution))
        nodes = self.igraph()[1]
        parts: dict[int, set[Hashable]] = {}
        for i, c in zip(keep, membership):
            parts.setdefault(c, set()).add(nodes[i])
        return list(parts.values()), H.modularity(membership, resolution=resolution)


def structure_of(T: nx.Graph, structure: TieStructure | None = None) -> TieStructure:
    """``structure`` when given (it must be ``T``'s), else a new :class:`TieStructure` of ``T``.

    How the analyses take their optional ``structure=`` argument.

    >>> T = nx.path_graph(3); S = TieStructure(T)
    >>> structure_of(T, S) is S, structure_of(T).graph is T
    (True, True)
    """
    if structure is None:
        return TieStructure(T)
    if structure.graph is not T:
        raise ValueError("this structure is of another tie graph: pass TieStructure(T) of the graph analysed")
    return structure


def use_igraph(T: nx.Graph, engine: str = "auto", above: int | None = None) -> bool:
    """Whether ``engine`` resolves to igraph for ``T`` (``auto``: from ``above``, default :data:`IGRAPH_ABOVE`, nodes)."""
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
    return engine == "igraph" or (engine == "auto" and T.number_of_nodes() >= (IGRAPH_ABOVE if above is None else above))


def auto_sample(n: int) -> int | None:
    """The betweenness sample size ``analyze`` uses for ``n`` nodes (``None``: exact).

    >>> auto_sample(100), auto_sample(50_000)
    (None, 500)
    """
    return BETWEENNESS_SAMPLE if n > BETWEENNESS_EXACT_UP_TO else None


def to_igraph(T: nx.Graph) -> tuple[ig.Graph, list[Hashable]]:
    """``T`` as an undirected igraph graph (no self-loops, no multi-edges) and its vertex order (``list(T)``).

    A new conversion each call; :meth:`TieStructure.igraph` keeps one.
    """
    nodes = list(T)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in T.edges() if u != v])
    if T.is_multigraph():
        g.simplify()
    return g, nodes


def subgraph(T: nx.Graph, members: Iterable[Hashable]) -> tuple[ig.Graph, list[Hashable]]:
    """:meth:`TieStructure.subgraph` of a new structure of ``T``.

    >>> g, nodes = subgraph(nx.path_graph(5), [3, 1, 2])
    >>> nodes, g.get_edgelist()
    ([1, 2, 3], [(0, 1), (1, 2)])
    """
    return TieStructure(T).subgraph(members)


def sample_sources(T: nx.Graph, k: int, seed: int | None) -> list[Hashable]:
    """The ``k`` sources NetworkX samples for ``betweenness_centrality(T, k=k, seed=seed)``."""
    return random.Random(seed).sample(list(T), k)


def betweenness(T: nx.Graph, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                ) -> dict[Hashable, float]:
    """Normalized betweenness of every node, exact or from ``k`` sampled sources (``k < n``)."""
    return TieStructure(T).betweenness(k=k, seed=seed, engine=engine)


def igraph_betweenness(g: ig.Graph, nodes: list[Hashable], *, k: int | None = None, seed: int | None = None
                       ) -> list[float]:
    """:func:`betweenness` of an igraph graph whose vertex ``i`` is ``nodes[i]``, in vertex order."""
    n = g.vcount()
    if n <= 2:
        return [0.0] * n
    if k is None or k >= n:
        raw = g.betweenness(directed=False)  # unordered pairs
        return [b * 2 / ((n - 1) * (n - 2)) for b in raw]
    sources = _sample_indices(nodes, k, seed)
    raw = g.betweenness(sources=sources, directed=False)
    # igraph halves undirected source-subset counts; NetworkX (3.6) scales sources and
    # the other nodes differently, since a source cannot lie inside its own paths.
    own, other = 2 / ((k - 1) * (n - 2)) if k > 1 else float("nan"), 2 / (k * (n - 2))
    chosen = set(sources)
    return [b * (own if i in chosen else other) for i, b in enumerate(raw)]


def closeness(T: nx.Graph, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
              ) -> dict[Hashable, float]:
    """Wasserman–Faust closeness; with ``k``, estimated inside components larger than ``k``.

    The estimate of a node's total distance to its component (size ``r``) is
    ``r / s`` times its total distance to the ``s`` sampled sources inside the
    component (the same sources as sampled betweenness); elsewhere it is exact.
    """
    return TieStructure(T).closeness(k=k, seed=seed, engine=engine)


def igraph_closeness(g: ig.Graph, nodes: list[Hashable], *, k: int | None = None, seed: int | None = None
                     ) -> list[float]:
    """:func:`closeness` of an igraph graph whose vertex ``i`` is ``nodes[i]``, in vertex order."""
    n = g.vcount()
    if n <= 1:
        return [0.0] * n
    membership = np.array(g.connected_components().membership)

    def exact(idx: np.ndarray) -> np.ndarray:
        reach = np.bincount(membership)[membership[idx]]
        # igraph's normalized closeness is (reach - 1) / total over the reachable nodes
        return (reach - 1) / np.array(g.closeness(vertices=idx.tolist(), normalized=True))

    def from_sources(chunk: list[int]) -> np.ndarray:
        d = np.array(g.distances(source=chunk), dtype=float)
        return np.where(np.isfinite(d), d, 0.0).sum(axis=0)

    return _closeness(n, membership, nodes, k, seed, exact, from_sources).tolist()


def pagerank(T: nx.Graph, *, alpha: float = 0.85, engine: str = "auto") -> dict[Hashable, float]:
    """PageRank of every node, unweighted (isolated nodes spread their rank uniformly, as in NetworkX)."""
    return TieStructure(T).pagerank(alpha=alpha, engine=engine)


def igraph_pagerank(g: ig.Graph, *, alpha: float = 0.85) -> list[float]:
    """:func:`pagerank` of an igraph graph, in vertex order (PRPACK, on one thread).

    PRPACK's OpenMP threads only add waiting at these sizes, and on a busy
    machine they made each call 30 to 60 times slower; one thread gives the
    same numbers.
    """
    n = g.vcount()
    if not g.ecount():
        return [1 / n] * n
    with _one_openmp_thread():
        return g.pagerank(damping=alpha, directed=False, implementation="prpack")


def louvain(H: nx.Graph, *, seed: int | None = 42, resolution: float = 1.0, engine: str = "auto"
            ) -> list[set[Hashable]]:
    """Louvain communities of ``H`` (no isolated nodes), as ``nx.community.louvain_communities`` returns."""
    if not use_igraph(H, engine):
        return nx.community.louvain_communities(H, weight=None, resolution=resolution, seed=seed)
    g, nodes = to_igraph(H)
    parts: dict[int, set[Hashable]] = {}
    for v, c in zip(nodes, igraph_multilevel(g, seed=seed, resolution=resolution)):
        parts.setdefault(c, set()).add(v)
    return list(parts.values())


#: The structure a child forked by :meth:`TieStructure.start` computes on, set only while it forks:
#: the child finds it in the memory it shares with the parent.
_FORKED: list[TieStructure] = []


def _in_child(method: str, *args: Any) -> Any:
    """Run ``method`` of the structure this (forked) process was started with."""
    return getattr(_FORKED[0], method)(*args)


def _can_fork() -> bool:
    """Whether a forked child can work beside this process: Linux, and a second core for it."""
    return (hasattr(os, "sched_getaffinity") and len(os.sched_getaffinity(0)) > 1
            and "fork" in multiprocessing.get_all_start_methods())


def igraph_multilevel(g: ig.Graph, *, seed: int | None = 42, resolution: float = 1.0) -> list[int]:
    """:func:`louvain` on an igraph graph: the community of each vertex, with igraph's RNG seeded from ``seed``."""
    with _seeded(seed):
        clusters = g.community_multilevel(resolution=resolution)
    return clusters.membership


def core_number(T: nx.Graph, *, engine: str = "auto") -> dict[Hashable, int]:
    """The core number of every node (self-loops ignored), as ``nx.core_number`` returns it.

    The core number is defined uniquely (the largest k of a k-core holding the
    node), so both engines give the same numbers; NetworkX's took 22 s on the
    100,000-organization tie graph, igraph's ``coreness`` a fraction of a second.

    >>> core_number(nx.complete_graph(4), engine="igraph") == nx.core_number(nx.complete_graph(4))
    True
    """
    return TieStructure(T).core_number(engine=engine)


def biconnected(T: nx.Graph, *, engine: str = "auto") -> tuple[list[list[Hashable]], set[Hashable]]:
    """Biconnected blocks (node lists, blocks of two for bridges) and articulation points."""
    if not use_igraph(T, engine):
        return [list(b) for b in nx.biconnected_components(T)], set(nx.articulation_points(T))
    g, nodes = to_igraph(T)
    blocks, cuts = g.biconnected_components(return_articulation_points=True)
    return [[nodes[i] for i in b] for b in blocks], {nodes[i] for i in cuts}


class YearCounts(NamedTuple):
    """How a graph given as an edge list is put together (see :func:`year_counts`)."""

    degree: np.ndarray
    component_sizes: list[int]
    articulation_points: int
    bridges: int


def year_counts(n: int, edges: np.ndarray) -> YearCounts:
    """Degrees, component sizes (largest first) and how many cut points and bridges ``n`` nodes and ``edges`` have.

    For the timeline's year-by-year networks, which are prefixes of one edge
    array rather than NetworkX graphs; ``edges`` are index pairs without
    self-loops or repeats. The counts are those of :class:`TieStructure` on the
    same graph (``tests/analysis/test_timeline.py`` checks every year).

    >>> c = year_counts(4, np.array([[0, 1], [1, 2]]))
    >>> c.degree.tolist(), c.component_sizes, c.articulation_points, c.bridges
    ([1, 2, 1, 0], [3, 1], 1, 2)
    """
    g = ig.Graph(n=n, edges=edges)
    tied = g.ecount() > 0
    return YearCounts(np.array(g.degree(), dtype=np.int64), sorted(g.connected_components().sizes(), reverse=True),
                      len(g.articulation_points()) if tied else 0, len(g.bridges()) if tied else 0)


def force_layout_coords(n: int, edges: list[tuple[int, int]], *, seed: int, iterations: int, grid: bool
                        ) -> np.ndarray:
    """Fruchterman–Reingold positions (an ``n × 2`` array) of ``n`` nodes joined by index pairs ``edges``.

    igraph's layout with its random numbers drawn from ``random.Random(seed)``,
    so the result depends only on the input and ``seed``; ``grid`` picks the
    faster grid variant. :func:`essgraph.render.positions.force_layout` scales it
    to the page.

    >>> force_layout_coords(3, [(0, 1), (1, 2)], seed=1, iterations=50, grid=False).shape
    (3, 2)
    """
    g = ig.Graph(n=n, edges=edges)
    with _seeded(seed):
        layout = g.layout_fruchterman_reingold(niter=iterations, grid="grid" if grid else "nogrid")
    return np.array(layout.coords, dtype=float)


def _hops(T: nx.Graph, sources: tuple[Hashable, ...]) -> dict[Hashable, int]:
    """:meth:`TieStructure.hops_from` (one breadth-first search from every source)."""
    if not sources:
        return {}
    hops = dict.fromkeys(sources, 0)
    queue = deque(sources)
    while queue:
        v = queue.popleft()
        for w in T[v]:
            if w not in hops:
                hops[w] = hops[v] + 1
                queue.append(w)
    return dict(sorted(hops.items(), key=lambda kv: (kv[1], id_key(kv[0]))))


def _networkx_closeness(T: nx.Graph, k: int | None, seed: int | None) -> dict[Hashable, float]:
    """:func:`closeness` on NetworkX with ``k`` (sampled inside components larger than ``k``)."""
    n = T.number_of_nodes()
    nodes = list(T)
    if n <= 1:
        return dict.fromkeys(nodes, 0.0)
    index = {v: i for i, v in enumerate(nodes)}
    membership = np.zeros(n, dtype=np.int64)
    for c, members in enumerate(nx.connected_components(T)):
        membership[[index[v] for v in members]] = c

    def exact(idx: np.ndarray) -> np.ndarray:
        return np.array([sum(nx.single_source_shortest_path_length(T, nodes[i]).values()) for i in idx.tolist()],
                        dtype=float)

    def from_sources(chunk: list[int]) -> np.ndarray:
        acc = np.zeros(n)
        for s in chunk:
            for v, dist in nx.single_source_shortest_path_length(T, nodes[s]).items():
                acc[index[v]] += dist
        return acc

    return dict(zip(nodes, _closeness(n, membership, nodes, k, seed, exact, from_sources).tolist()))


def _sample_indices(nodes: list[Hashable], k: int, seed: int | None) -> list[int]:
    """Vertex indices of :func:`sample_sources` over ``nodes`` (the vertex order)."""
    index = {v: i for i, v in enumerate(nodes)}
    return [index[v] for v in random.Random(seed).sample(nodes, k)]


def _closeness(n: int, membership: np.ndarray, nodes: list[Hashable], k: int | None, seed: int | None,
               exact: Callable[[np.ndarray], np.ndarray], from_sources: Callable[[list[int]], np.ndarray]
               ) -> np.ndarray:
    """Closeness from component membership, exact totals and sums of distances from sources."""
    sizes = np.bincount(membership)
    reach = sizes[membership]  # size of each node's component, itself included
    total = np.zeros(n)  # its total distance to the rest of the component
    large = sizes > k if k is not None else np.zeros(len(sizes), dtype=bool)
    exact_at = np.flatnonzero(~large[membership] & (reach > 1))
    if len(exact_at):
        total[exact_at] = exact(exact_at)
    if k is not None and large.any():
        sources = np.array(_sample_indices(nodes, k, seed), dtype=np.int64)
        for c in np.flatnonzero(large).tolist():
            inside = sources[membership[sources] == c]
            members = np.flatnonzero(membership == c)
            if len(inside) == 0:
                inside = members[:1]
            acc = np.zeros(n)
            for start in range(0, len(inside), 64):
                acc += from_sources(inside[start:start + 64].tolist())
            total[members] = acc[members] * sizes[c] / len(inside)
    positive = total > 0
    value = np.zeros(n)
    value[positive] = (reach[positive] - 1) ** 2 / (total[positive] * (n - 1))
    return value


@contextmanager
def _seeded(seed: int | None) -> Iterator[None]:
    """igraph's random numbers drawn from ``random.Random(seed)`` inside the block; Python's own left as they were."""
    state = random.getstate()
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
        random.setstate(state)


@lru_cache(maxsize=1)
def _openmp() -> "ctypes.CDLL | None":
    """The OpenMP runtime python-igraph's wheel bundles, if any (looked up on first use, not at import)."""
    found = glob.glob(os.path.join(os.path.dirname(ig.__file__), os.pardir, "igraph.libs", "libgomp*.so*"))
    try:
        return ctypes.CDLL(found[0]) if found else None
    except OSError:
        return None


@contextmanager
def _one_openmp_thread() -> Iterator[None]:
    omp = _openmp()
    if omp is None:
        yield
        return
    before = omp.omp_get_max_threads()
    omp.omp_set_num_threads(1)
    try:
        yield
    finally:
        omp.omp_set_num_threads(before)
