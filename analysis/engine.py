"""The fast engine: the slow measures of a tie graph computed by python-igraph, same answers.

NetworkX stays the graph model and the analyses' API; this module only computes,
behind the same functions, the measures that NetworkX makes slow at tens of
thousands of organizations (betweenness, closeness, PageRank, Louvain,
biconnected blocks). Every function takes a NetworkX graph and returns what the
NetworkX call it replaces returns (a dict keyed by node, values on the same
scale), so the callers do not change:

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
  while its modularity stays comparable (the tests bound the difference).

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

References
----------
Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
Eppstein, D. & Wang, J. (2004). Fast approximation of centrality.
"""
from __future__ import annotations

import ctypes
import glob
import os
import random
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, Hashable, Iterable, Iterator, TypeVar

import igraph as ig
import networkx as nx
import numpy as np

__all__ = ["multilevel_of_edges", "shape_of_edges", "fr_layout", "drawing_structure", "ENGINES", "IGRAPH_ABOVE", "DISTANCES_IGRAPH_ABOVE", "BETWEENNESS_EXACT_UP_TO", "BETWEENNESS_SAMPLE", "use_igraph",
           "to_igraph", "reuse", "memo", "subgraph", "sample_sources", "auto_sample", "betweenness", "closeness", "pagerank",
           "louvain", "igraph_multilevel", "core_number", "biconnected"]

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

    Inside :func:`reuse` ``(T)`` the conversion is made once and shared (do not modify the result).
    """
    cached = _CACHE.get(id(T))
    if cached is not None and cached[0] is T:
        return cached[1], cached[2]
    nodes = list(T)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in T.edges() if u != v])
    if T.is_multigraph():
        g.simplify()
    return g, nodes


@contextmanager
def reuse(T: nx.Graph) -> Iterator[None]:
    """Convert ``T`` to igraph once and let every measure inside the block reuse it.

    ``T`` must not change inside the block (``analyze`` runs every analysis of
    one tie graph in one block).

    >>> T = nx.path_graph(4)
    >>> with reuse(T):
    ...     to_igraph(T)[0] is to_igraph(T)[0]
    True
    >>> to_igraph(T)[0] is to_igraph(T)[0]
    False
    """
    if id(T) in _CACHE:  # nested: the outer block owns it
        yield
        return
    g, nodes = to_igraph(T)
    _CACHE[id(T)] = (T, g, nodes, {v: i for i, v in enumerate(nodes)}, {})
    try:
        yield
    finally:
        _CACHE.pop(id(T), None)


def memo(T: nx.Graph, name: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, kept inside :func:`reuse` ``(T)`` under ``name`` so that it runs once per tie graph.

    For intermediate results several analyses share (the depth-first search of
    the cut points, the hops to national networks). Outside :func:`reuse` it
    just calls ``compute``.

    >>> T = nx.path_graph(3); calls = []
    >>> with reuse(T):
    ...     [memo(T, "n", lambda: calls.append(1) or len(T)) for _ in range(2)], len(calls)
    ([3, 3], 1)
    """
    cached = _CACHE.get(id(T))
    if cached is None or cached[0] is not T:
        return compute()
    memos = cached[4]
    if name not in memos:
        memos[name] = compute()
    return memos[name]


def subgraph(T: nx.Graph, members: Iterable[Hashable]) -> tuple[ig.Graph, list[Hashable]]:
    """The igraph graph of the ties of ``T`` among ``members``, vertices in ``T``'s node order.

    The same graph as ``to_igraph(nx.Graph(T.subgraph(members)))`` up to the
    vertex order, which here does not depend on the order of ``members`` (a
    NetworkX subgraph view may iterate in set order), so sampled measures on it
    are reproducible. Cut from the :func:`reuse` conversion when there is one.

    >>> g, nodes = subgraph(nx.path_graph(5), [3, 1, 2])
    >>> nodes, g.get_edgelist()
    ([1, 2, 3], [(0, 1), (1, 2)])
    """
    cached = _CACHE.get(id(T))
    shared = cached is not None and cached[0] is T
    if cached is not None and shared:
        _, g, all_nodes, index, _ = cached
    else:
        g, all_nodes = to_igraph(T)
        index = {v: i for i, v in enumerate(all_nodes)}
    chosen = sorted({index[v] for v in members})
    if not shared and len(chosen) == len(all_nodes):  # the whole graph, a fresh conversion nobody shares
        return g, all_nodes
    return g.induced_subgraph(chosen, implementation="create_from_scratch"), [all_nodes[i] for i in chosen]


def sample_sources(T: nx.Graph, k: int, seed: int | None) -> list[Hashable]:
    """The ``k`` sources NetworkX samples for ``betweenness_centrality(T, k=k, seed=seed)``."""
    return random.Random(seed).sample(list(T), k)


def betweenness(T: nx.Graph, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                ) -> dict[Hashable, float]:
    """Normalized betweenness of every node, exact or from ``k`` sampled sources (``k < n``)."""
    n = T.number_of_nodes()
    sampled = k is not None and k < n
    if not use_igraph(T, engine, DISTANCES_IGRAPH_ABOVE):
        return nx.betweenness_centrality(T, k=k if sampled else None, seed=seed if sampled else None)
    g, nodes = to_igraph(T)
    return dict(zip(nodes, igraph_betweenness(g, nodes, k=k, seed=seed)))


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
    n = T.number_of_nodes()
    fast = use_igraph(T, engine, DISTANCES_IGRAPH_ABOVE)
    if k is None and not fast:
        return nx.closeness_centrality(T, wf_improved=True)
    if fast:
        g, nodes = to_igraph(T)
        return dict(zip(nodes, igraph_closeness(g, nodes, k=k, seed=seed)))
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
    n = T.number_of_nodes()
    if not T.number_of_edges():
        return {v: 1 / n for v in T}
    if not use_igraph(T, engine):
        return nx.pagerank(T, alpha=alpha, weight=None)
    g, nodes = to_igraph(T)
    return dict(zip(nodes, igraph_pagerank(g, alpha=alpha)))


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


def multilevel_of_edges(n: int, edges: list[list[int]], *, seed: int | None = 42, resolution: float = 1.0
                        ) -> tuple[list[int], float]:
    """:func:`igraph_multilevel` of ``n`` vertices joined by index pairs ``edges``, and its modularity."""
    g = ig.Graph(n=n, edges=edges)
    membership = igraph_multilevel(g, seed=seed, resolution=resolution)
    return membership, g.modularity(membership, resolution=resolution)


def shape_of_edges(n: int, edges: Any) -> tuple[np.ndarray, list[int], int, int]:
    """Degrees, component sizes (largest first), cut points and bridges of ``n`` vertices joined by ``edges``.

    >>> degree, sizes, cuts, bridges = shape_of_edges(3, [(0, 1), (1, 2)])
    >>> degree.tolist(), sizes, cuts, bridges
    ([1, 2, 1], [3], 1, 2)
    """
    g = ig.Graph(n=n, edges=edges)
    m = g.ecount()
    return (np.array(g.degree(), dtype=np.int64), sorted(g.connected_components().sizes(), reverse=True),
            len(g.articulation_points()) if m else 0, len(g.bridges()) if m else 0)


def fr_layout(n: int, edges: list[tuple[int, int]], *, seed: int, niter: int, grid: bool) -> np.ndarray:
    """Fruchterman–Reingold positions (an ``n × 2`` array) with igraph's RNG drawn from ``random.Random(seed)``."""
    g = ig.Graph(n=n, edges=edges)
    ig.set_random_number_generator(random.Random(seed))
    try:
        layout = g.layout_fruchterman_reingold(niter=niter, grid="grid" if grid else "nogrid")
    finally:
        ig.set_random_number_generator(random)
    return np.array(layout.coords, dtype=float)


def drawing_structure(T: nx.Graph, size_by: str) -> dict[str, Any]:
    """What a drawing encodes, computed once on ``T``: vertex ids, degree, a centrality, groups, cut points, bridges.

    ``size_by`` is ``degree``, ``betweenness`` or ``eigenvector``; groups are
    lists of vertex indices, largest first; bridges are index pairs.
    """
    g, vertices = to_igraph(T)
    degree = g.degree()
    if size_by == "degree" or not vertices:
        raw = [float(d) for d in degree]
    elif size_by == "betweenness":
        raw = [float(b) for b in g.betweenness(directed=False)]
    elif g.ecount() == 0:
        raw = [0.0] * g.vcount()
    else:
        raw = [float(x) for x in g.eigenvector_centrality(directed=False, scale=True)]
    return {"vertices": vertices, "degree": degree, "raw": raw,
            "groups": sorted(g.connected_components(), key=lambda c: (-len(c), min(c))),
            "articulation": g.articulation_points(),
            "bridges": [(g.es[e].source, g.es[e].target) for e in g.bridges()]}


def igraph_multilevel(g: ig.Graph, *, seed: int | None = 42, resolution: float = 1.0) -> list[int]:
    """:func:`louvain` on an igraph graph: the community of each vertex, with igraph's RNG seeded from ``seed``."""
    state = random.getstate()
    ig.set_random_number_generator(random.Random(seed))
    try:
        clusters = g.community_multilevel(resolution=resolution)
    finally:
        ig.set_random_number_generator(random)
        random.setstate(state)
    return clusters.membership


def core_number(T: nx.Graph, *, engine: str = "auto") -> dict[Hashable, int]:
    """The core number of every node (self-loops ignored), as ``nx.core_number`` returns it.

    The core number is defined uniquely (the largest k of a k-core holding the
    node), so both engines give the same numbers; NetworkX's took 22 s on the
    100,000-organization tie graph, igraph's ``coreness`` a fraction of a second.

    >>> core_number(nx.complete_graph(4), engine="igraph") == nx.core_number(nx.complete_graph(4))
    True
    """
    if not use_igraph(T, engine):
        if nx.number_of_selfloops(T):
            T = nx.Graph(T)
            T.remove_edges_from(list(nx.selfloop_edges(T)))
        return nx.core_number(T) if T.number_of_nodes() else {}
    g, nodes = to_igraph(T)
    return dict(zip(nodes, g.coreness()))


def biconnected(T: nx.Graph, *, engine: str = "auto") -> tuple[list[list[Hashable]], set[Hashable]]:
    """Biconnected blocks (node lists, blocks of two for bridges) and articulation points."""
    if not use_igraph(T, engine):
        return [list(b) for b in nx.biconnected_components(T)], set(nx.articulation_points(T))
    g, nodes = to_igraph(T)
    blocks, cuts = g.biconnected_components(return_articulation_points=True)
    return [[nodes[i] for i in b] for b in blocks], {nodes[i] for i in cuts}


#: igraph's conversions shared inside :func:`reuse`: ``id(T) -> (T, graph, nodes, index, memos)``.
_CACHE: dict[int, tuple[nx.Graph, ig.Graph, list[Hashable], dict[Hashable, int], dict[str, Any]]] = {}


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
