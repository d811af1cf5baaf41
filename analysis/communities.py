"""Communities (Louvain, seeded) and the core–periphery split (k-cores).

* **Communities** are groups of organizations more tied among themselves than
  to the rest, found by the Louvain method with a fixed seed; **modularity**
  (from -0.5 to 1) says how clear the grouping is (above 0.3 is usually a
  clear community structure). Isolated organizations form no community and
  are only counted (they would not change the modularity).
* The **k-core** of a network is the largest group in which every organization
  has at least k ties to other members. The **core** is the innermost one (the
  largest k with a non-empty k-core), the **periphery** every other
  organization with ties; a core is only reported when k is at least 2.

Examples
--------
>>> import networkx as nx
>>> T = nx.karate_club_graph()
>>> c = communities(T, seed=42)
>>> len(c.communities) >= 3 and c.modularity > 0.35
True
>>> cp = core_periphery(T); cp.k, len(cp.core)
(4, 10)
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Hashable

import networkx as nx

from essgraph.analysis.engine import IGRAPH_ABOVE, TieStructure, louvain, structure_of, use_igraph
from essgraph.analysis._common import GROUP_ATTRIBUTES, actors, group_of, id_key, refs, rnd

__all__ = ["Community", "Communities", "CorePeriphery", "communities", "core_periphery"]


@dataclass
class Community:
    """One community: members and what dominates it (value and share of members)."""

    index: int
    size: int
    members: list[dict[str, Any]]
    dominant: dict[str, dict[str, Any] | None] = field(default_factory=dict)


@dataclass
class Communities:
    """A Louvain partition: its modularity, communities and the isolated left out."""

    algorithm: str
    seed: int | None
    resolution: float
    modularity: float | None
    communities: list[Community]
    isolated_count: int

    def membership(self) -> dict[Hashable, int]:
        """Community index of each member."""
        return {m["id"]: c.index for c in self.communities for m in c.members}


@dataclass
class CorePeriphery:
    """The innermost k-core, the periphery, and how many are in each k-shell."""

    k: int
    core: list[dict[str, Any]]
    periphery_count: int
    isolated_count: int
    shells: list[dict[str, int]]


def communities(T: nx.Graph, *, seed: int | None = 42, resolution: float = 1.0, engine: str = "auto",
                structure: TieStructure | None = None) -> Communities:
    """Louvain communities of the tie graph, with their modularity.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph (unweighted: each tie counts once).
    seed : int, optional
        Random seed of Louvain (same seed, same graph → same communities).
    resolution : float
        Above 1 favours smaller communities, below 1 larger ones.
    engine : {"auto", "networkx", "igraph"}
        NetworkX's ``louvain_communities`` or igraph's multilevel method (the
        default from :data:`essgraph.analysis.engine.IGRAPH_ABOVE` nodes): the
        same method, but not the same random steps, so the partitions can differ
        in detail (``algorithm`` says which ran).
    structure : TieStructure, optional
        ``T``'s structure when already made (igraph's partition is kept on it).
        One whose parts come from outside this process (``structure.source``,
        e.g. Graph Data Science) gives the partition, whatever ``engine``;
        ``algorithm`` names it and ``seed`` is then ``None`` (GDS's Louvain takes none).

    Returns
    -------
    Communities
        Numbered from 1 by size (then smallest id); ``modularity`` is ``None``
        when the graph has no tie. Each community gives its dominant
        macro-region, region and sector as ``{"value", "share"}``.

    References
    ----------
    Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks.

    Examples
    --------
    >>> import networkx as nx
    >>> c = communities(nx.barbell_graph(4, 0))
    >>> [m.size for m in c.communities], round(c.modularity, 3)
    ([4, 4], 0.423)
    """
    source = structure.source if structure is not None else None
    fast = source is not None or (
        use_igraph(T, engine) and (engine == "igraph" or sum(1 for v in T if T.degree(v) > 0) >= IGRAPH_ABOVE))
    if fast:
        H, parts, modularity = None, *structure_of(T, structure).multilevel(seed=seed, resolution=resolution)
    else:
        H = nx.Graph()
        H.add_nodes_from(sorted((v for v in T if T.degree(v) > 0), key=id_key))
        H.add_edges_from(sorted((sorted(e, key=id_key) for e in T.edges() if e[0] != e[1]),
                                key=lambda e: (id_key(e[0]), id_key(e[1]))))
        H.remove_nodes_from([v for v in list(H) if H.degree(v) == 0])
        parts = []
        modularity = None
        if H.number_of_edges():
            parts = louvain(H, seed=seed, resolution=resolution, engine=engine)
            modularity = nx.community.modularity(H, parts, weight=None, resolution=resolution)
    ordered = sorted((sorted(p, key=id_key) for p in parts), key=lambda p: (-len(p), id_key(p[0])))
    result = []
    for i, members in enumerate(ordered, start=1):
        orgs = [v for v in members if not T.nodes[v].get("is_person")]
        dominant = {}
        for attribute in GROUP_ATTRIBUTES:
            values = Counter(g for g in (group_of(T, v, attribute) for v in orgs) if g is not None)
            top = min(values.items(), key=lambda kv: (-kv[1], kv[0])) if values else None
            dominant[attribute] = {"value": top[0], "share": rnd(top[1] / len(orgs))} if top else None
        result.append(Community(i, len(orgs), refs(T, orgs), dominant))
    isolated = sum(1 for v in actors(T) if T.degree(v) == 0)
    if source is not None:  # the engine's Louvain takes no seed
        algorithm, seed = f"louvain ({source})", None
    else:
        algorithm = "louvain" if H is not None and not use_igraph(H, engine) else "louvain (igraph multilevel)"
    return Communities(algorithm, seed, resolution, rnd(modularity), result, isolated)


def core_periphery(T: nx.Graph, *, engine: str = "auto", structure: TieStructure | None = None) -> CorePeriphery:
    """Split the connected organizations into the innermost k-core and the periphery.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph (self-loops are ignored).
    engine : {"auto", "networkx", "igraph"}
        Who computes the core numbers (the same numbers: see
        :func:`essgraph.analysis.engine.core_number`).
    structure : TieStructure, optional
        ``T``'s structure when already made.

    Returns
    -------
    CorePeriphery
        ``k`` is the largest k with a non-empty k-core (0 without ties); ``core``
        its members when ``k >= 2`` (otherwise empty: a network of chains and
        stars has no core); ``shells`` counts organizations by core number.

    References
    ----------
    Batagelj, V. & Zaversnik, M. (2003). An O(m) algorithm for cores decomposition of networks.
    Borgatti, S. & Everett, M. (2000). Models of core/periphery structures.

    Examples
    --------
    >>> import networkx as nx
    >>> cp = core_periphery(nx.star_graph(3))
    >>> cp.k, cp.core, cp.periphery_count, cp.shells
    (1, [], 4, [{'k': 1, 'count': 4}])
    """
    core_number = structure_of(T, structure).core_number(engine=engine)
    if nx.number_of_selfloops(T):
        T = nx.Graph(T)
        T.remove_edges_from(list(nx.selfloop_edges(T)))
    orgs = actors(T)
    k = max((core_number[v] for v in T), default=0)
    core = [v for v in orgs if k >= 2 and core_number[v] == k]
    isolated = sum(1 for v in orgs if T.degree(v) == 0)
    shells = Counter(core_number[v] for v in orgs)
    return CorePeriphery(k, refs(T, core), len(orgs) - len(core) - isolated, isolated,
                         [{"k": s, "count": shells[s]} for s in sorted(shells)])
