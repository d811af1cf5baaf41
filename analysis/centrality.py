"""Hubs: degree, betweenness, PageRank and closeness, overall and within groups.

Four classic measures of who matters in a network, computed on the tie graph
(:func:`essgraph.analysis.projection.tie_graph`), unweighted (a tie is a tie,
however many quotes state it):

* **degree**: how many organizations it has a tie with (``degree_centrality`` is
  that count divided by ``n - 1``);
* **betweenness**: the share of shortest paths between other organizations that
  go through it (normalized to 0–1), i.e. how much it brokers; exact, or estimated
  from ``k`` sampled sources when ``k`` is given (the result says so);
* **pagerank**: being tied to well-tied organizations (damping 0.85); used instead
  of eigenvector centrality because it is defined on disconnected networks;
* **closeness**: how near it is to everyone it can reach, scaled by the share it
  can reach (Wasserman–Faust), so small islands do not look central.

Examples
--------
>>> import networkx as nx
>>> T = nx.star_graph(4)
>>> hubs(T, top=1)[["id", "degree", "betweenness"]].to_dict("records")
[{'id': 0, 'degree': 4, 'betweenness': 1.0}]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Hashable

import networkx as nx
import pandas as pd

from essgraph.errors import GraphError
from essgraph.analysis._common import actors, group_members, id_key, require_nodes, rnd
from essgraph.analysis.engine import (
    DISTANCES_IGRAPH_ABOVE, TieStructure, igraph_pagerank, structure_of, use_igraph,
)

__all__ = ["MEASURES", "Centrality", "centrality", "hubs"]

#: Measures by which :func:`hubs` can rank.
MEASURES = ("degree", "betweenness", "pagerank", "closeness")
_COLUMNS = ["id", "name", "degree", "degree_centrality", "betweenness", "pagerank", "closeness"]


@dataclass
class Centrality:
    """A table of centralities (one row per organization) and how betweenness was computed."""

    table: pd.DataFrame
    betweenness_sampled: bool
    betweenness_k: int | None
    #: Seed of the sample (``None`` when exact).
    betweenness_seed: int | None = None
    #: Whether closeness was estimated from the same sample (components larger than ``k``).
    closeness_sampled: bool = False


def centrality(T: nx.Graph, *, k: int | None = None, seed: int | None = None, engine: str = "auto",
               structure: TieStructure | None = None) -> Centrality:
    """Degree, betweenness, PageRank and closeness of every organization.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph. People, when present, count as connectors but get no row.
    k : int, optional
        Estimate betweenness from ``k`` sampled source nodes (for large graphs).
        ``None`` or ``k >= n`` computes it exactly.
        Closeness is then estimated too, inside components larger than ``k``, from
        the distances to the same sources (see :func:`essgraph.analysis.engine.closeness`).
    seed : int, optional
        Seed of the sampling (only used with ``k``).
    engine : {"auto", "networkx", "igraph"}
        Who computes betweenness, PageRank and closeness (same answers; igraph is
        much faster on large graphs): see :mod:`essgraph.analysis.engine`.
    structure : TieStructure, optional
        ``T``'s structure when already made (the measures are kept on it). One
        whose parts come from outside this process (``structure.source``, e.g.
        Graph Data Science) gives every measure, whatever ``engine``.

    Returns
    -------
    Centrality
        ``table`` has columns ``id, name, degree, degree_centrality, betweenness,
        pagerank, closeness`` sorted by id; values rounded to 6 decimals.

    Raises
    ------
    GraphError
        If ``T`` has no node.

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality.
    Page, L. et al. (1999). The PageRank citation ranking.
    Wasserman, S. & Faust, K. (1994). Social Network Analysis.

    Examples
    --------
    >>> import networkx as nx
    >>> c = centrality(nx.path_graph(3))
    >>> c.table[["id", "degree", "betweenness"]].to_dict("records")[1], c.betweenness_sampled
    ({'id': 1, 'degree': 2, 'betweenness': 1.0}, False)
    """
    require_nodes(T, "centrality")
    n = T.number_of_nodes()
    sampled = k is not None and k < n
    if k is not None and k < 1:
        raise GraphError(f"betweenness sample size k must be at least 1, got {k}")
    S = structure_of(T, structure)
    if S.source is None and use_igraph(T, engine) and use_igraph(T, engine, DISTANCES_IGRAPH_ABOVE):
        return _igraph_centrality(S, list(T), k=k, seed=seed)  # every measure on igraph
    betweenness = S.betweenness(k=k if sampled else None, seed=seed, engine=engine)
    pagerank = S.pagerank(alpha=0.85, engine=engine)
    closeness = S.closeness(k=k if sampled else None, seed=seed, engine=engine)
    scale = 1 / (n - 1) if n > 1 else 0.0
    rows = [
        {"id": v, "name": T.nodes[v].get("name", str(v)), "degree": T.degree(v),
         "degree_centrality": rnd(T.degree(v) * scale), "betweenness": rnd(betweenness[v]),
         "pagerank": rnd(pagerank[v]), "closeness": rnd(closeness[v])}
        for v in actors(T)
    ]
    estimated = sampled and S.component_sizes()[0] > k  # type: ignore[operator]
    return Centrality(pd.DataFrame(rows, columns=_COLUMNS), sampled, k if sampled else None,
                      seed if sampled else None, estimated)


def hubs(
    T: nx.Graph,
    *,
    top: int = 10,
    by: str = "betweenness",
    group_by: str | None = None,
    k: int | None = None,
    seed: int | None = None,
    engine: str = "auto",
    table: pd.DataFrame | None = None,
    structure: TieStructure | None = None,
) -> pd.DataFrame:
    """The top organizations by a measure, overall or within each group.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    top : int
        How many per group.
    by : {"betweenness", "degree", "pagerank", "closeness"}
        The ranking measure; ties are broken by degree (by betweenness when
        ranking by degree), then id.
    group_by : {"macro_region", "region", "sector"}, optional
        Rank within each group instead: the measures are recomputed on the ties
        *inside* the group (who holds the region together), organizations
        without a value for the attribute are left out.
    k, seed, engine
        Betweenness sampling and engine, see :func:`centrality`.
    table : pandas.DataFrame, optional
        ``centrality(T, k=k, seed=seed).table`` when already computed (only
        without ``group_by``), so it is not computed again.
    structure : TieStructure, optional
        ``T``'s structure when already made (large graphs' groups are cut from its igraph conversion).

    Returns
    -------
    pandas.DataFrame
        Columns ``group, rank`` and those of :func:`centrality`; ``group`` is
        ``"all"`` without ``group_by``. Sorted by group, then rank.

    Raises
    ------
    GraphError
        For an unknown measure, or an empty tie graph.

    See Also
    --------
    essgraph.analysis.roles.roles : what each organization's measures make it.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    >>> nx.set_node_attributes(T, {"a": "n", "b": "n", "c": "n", "x": "s", "y": "s"}, "region")
    >>> hubs(T, top=1, by="degree", group_by="region")[["group", "id", "degree"]].values.tolist()
    [['n', 'b', 2], ['s', 'x', 1]]
    """
    if by not in MEASURES:
        raise GraphError(f"unknown measure {by!r}: use one of {', '.join(MEASURES)}")
    require_nodes(T, "hubs")
    groups = {"all": actors(T)} if group_by is None else group_members(T, group_by)
    # the groups of a large graph: all on igraph, cut from one conversion
    shared = structure_of(T, structure) if group_by is not None and use_igraph(T, engine) else None
    given = table if group_by is None else None
    frames = []
    for name in sorted(groups):
        if given is not None:
            table = given
        elif shared is not None:
            table = _igraph_centrality(shared, groups[name], k=k, seed=seed, group=(group_by, name)).table
        else:
            table = centrality(_induced(T, groups[name]), k=k, seed=seed, engine=engine).table
        second = "betweenness" if by == "degree" else "degree"
        table = table.sort_values([by, second, "id"], ascending=[False, False, True], kind="mergesort")
        table = table.head(top).reset_index(drop=True)
        table.insert(0, "rank", range(1, len(table) + 1))
        table.insert(0, "group", name)
        frames.append(table)
    if not frames:
        return pd.DataFrame(columns=["group", "rank", *_COLUMNS])
    return pd.concat(frames, ignore_index=True)


def _igraph_centrality(S: TieStructure, members: list[Hashable], *, k: int | None, seed: int | None,
                       group: Hashable = None) -> Centrality:
    """:func:`centrality` of the ties among ``members`` with every measure on igraph.

    The subgraph is cut from the structure's conversion
    (:meth:`~essgraph.analysis.engine.TieStructure.subgraph`) with its vertices in
    the tie graph's order, the order the sample of sources is drawn from. The
    whole graph's betweenness and closeness, and those of ``group`` (``(attribute, value)`` of
    :func:`hubs`' groups), may have been begun in a child (:meth:`~essgraph.analysis.engine.TieStructure.start`).
    """
    T = S.graph
    g, nodes = S.subgraph(members)
    n = len(nodes)
    sampled = k is not None and k < n
    kk = k if sampled else None
    whole = g is S.igraph()[0]
    betweenness, closeness = S.centralities(None if whole else members, k=kk, seed=seed, group=group)
    pagerank = igraph_pagerank(g, alpha=0.85)
    degree = g.degree()
    chosen = set(nodes) if n < T.number_of_nodes() else None
    for v, _ in nx.selfloop_edges(T):  # igraph drops self-loops; NetworkX counts them twice
        if chosen is None or v in chosen:
            degree[nodes.index(v)] += 2
    scale = 1 / (n - 1) if n > 1 else 0.0
    data = T.nodes
    rows = [
        {"id": v, "name": data[v].get("name", str(v)), "degree": degree[i], "degree_centrality": rnd(degree[i] * scale),
         "betweenness": rnd(betweenness[i]), "pagerank": rnd(pagerank[i]), "closeness": rnd(closeness[i])}
        for i, v in sorted(((i, v) for i, v in enumerate(nodes) if not data[v].get("is_person")),
                           key=lambda iv: id_key(iv[1]))
    ]
    estimated = sampled and max(g.connected_components().sizes(), default=0) > k  # type: ignore[operator]
    return Centrality(pd.DataFrame(rows, columns=_COLUMNS), sampled, kk, seed if sampled else None, estimated)


def _induced(T: nx.Graph, members: list[Hashable]) -> nx.Graph:
    """A copy of the subgraph of ``T`` on ``members``, nodes and ties in ``T``'s order.

    (A NetworkX subgraph view of a small part iterates in set order, which varies
    between runs, and the sampled sources are drawn from the node order.)
    """
    keep = set(members)
    ordered = [v for v in T if v in keep]
    sub = nx.Graph()
    sub.add_nodes_from((v, T.nodes[v]) for v in ordered)
    sub.add_edges_from((u, v, d) for u, v, d in T.edges(ordered, data=True) if v in keep)
    return sub
