"""Over time: the network as of a year, and what changed between two years.

The network *as of* year Y keeps the relationships dated Y or earlier and the
undated ones (most of the report's ties carry no year: they are kept, and
counted, so a planner knows how much of the picture is undated), and leaves out
organizations founded after Y. Differences between two years therefore come
only from dated relationships and founding years.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node(i, ("Organization",), {"name": i.upper()}) for i in "abc"],
...                 [Relationship("ALLIED_WITH", "a", "b", {**ev, "year": 2010}),
...                  Relationship("ALLIED_WITH", "b", "c", {**ev, "year": 2015})])
>>> ch = changes(G, 2012, 2016)
>>> [(t["a"]["id"], t["b"]["id"]) for t in ch.new_ties], ch.before["isolated"], ch.after["isolated"]
([('b', 'c')], 1, 0)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from essgraph.analysis._common import actors, id_key, ref, refs, rnd
from essgraph.analysis.engine import TieStructure, structure_of, year_counts
from essgraph.analysis.projection import _as_int, projection_of, relationships, tie_graph

__all__ = ["Changes", "network_as_of", "summary", "changes", "timeline"]


@dataclass
class Changes:
    """What changed in the tie graph between ``since`` and ``until``."""

    since: int
    until: int
    before: dict[str, Any]
    after: dict[str, Any]
    new_ties: list[dict[str, Any]]
    new_organizations: list[dict[str, Any]]
    newly_connected: list[dict[str, Any]]


def network_as_of(G: nx.MultiDiGraph, year: int, **options: Any) -> tuple[nx.Graph, Any]:
    """The tie graph as of ``year`` (see :func:`essgraph.analysis.projection.tie_graph`).

    >>> from essgraph.graphmodel import build_graph
    >>> T, p = network_as_of(build_graph([], []), 2018)
    >>> p.year, T.number_of_nodes()
    (2018, 0)
    """
    return tie_graph(G, year=year, **options)


def summary(T: nx.Graph, *, structure: TieStructure | None = None) -> dict[str, Any]:
    """Size and fragmentation of a tie graph in a few numbers.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    structure : TieStructure, optional
        ``T``'s structure when already made (its components, cut points and bridges).

    Returns
    -------
    dict
        ``organizations, ties, density, isolated, groups`` (components of two or
        more organizations), ``largest_group``, ``articulation_points``,
        ``bridges``, and the projection's ``year`` and ``undated_relationships``.

    Examples
    --------
    >>> import networkx as nx
    >>> summary(nx.barbell_graph(3, 0))["bridges"]
    1
    """
    S = structure_of(T, structure)
    orgs = actors(T)
    sizes = S.component_sizes()
    projection = T.graph.get("projection")
    return {
        "year": getattr(projection, "year", None),
        "organizations": len(orgs),
        "ties": T.number_of_edges(),
        "density": rnd(nx.density(T)) if T.number_of_nodes() > 1 else 0.0,
        "isolated": sum(1 for v in orgs if T.degree(v) == 0),
        "groups": sum(1 for s in sizes if s > 1),
        "largest_group": sizes[0] if sizes else 0,
        "articulation_points": len(S.articulation_points()),
        "bridges": len(S.bridges()),
        "undated_relationships": getattr(projection, "counts", {}).get("undated_relationships"),
    }


def changes(G: nx.MultiDiGraph, since: int, until: int, **options: Any) -> Changes:
    """Compare the network as of ``since`` with the network as of ``until``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph.
    since, until : int
        The two years (``since <= until``).
    **options
        Projection options of :func:`essgraph.analysis.projection.tie_graph`.

    Returns
    -------
    Changes
        ``before``/``after`` :func:`summary`; ``new_ties`` ``{a, b, types, years}``;
        ``new_organizations`` present in ``until`` only; ``newly_connected``
        organizations isolated in ``since`` and tied in ``until``.
    """
    if since > until:
        since, until = until, since
    T1, _ = network_as_of(G, since, **options)
    T2, _ = network_as_of(G, until, **options)
    new_ties = []
    for u, v, data in sorted(T2.edges(data=True), key=lambda e: (id_key(min(e[:2], key=id_key)), id_key(max(e[:2], key=id_key)))):
        if not T1.has_edge(u, v):
            a, b = sorted((u, v), key=id_key)
            new_ties.append({"a": ref(T2, a), "b": ref(T2, b), "types": list(data.get("types", ())),
                             "years": list(data.get("years", ()))})
    new_orgs = [v for v in actors(T2) if v not in T1]
    newly = [v for v in actors(T2) if v in T1 and T1.degree(v) == 0 and T2.degree(v) > 0]
    return Changes(since, until, summary(T1), summary(T2), new_ties, refs(T2, new_orgs), refs(T2, newly))


def timeline(G: nx.MultiDiGraph, *, tie: nx.Graph | None = None, **options: Any) -> list[dict[str, Any]]:
    """:func:`summary` of the network as of every year that some tie states.

    ``options`` are those of :func:`essgraph.analysis.projection.projection_of`
    except ``year``. The graph is projected once (or ``tie`` is used: the tie graph
    ``tie_graph(G, **options)`` already made) and each year's network is the
    projection's nodes and ties that exist by then, as in
    :func:`essgraph.analysis.projection.as_of_years`; each year is summarized from
    arrays by :func:`essgraph.analysis.engine.year_counts` (the same numbers as
    :func:`summary` of that network).

    Examples
    --------
    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
    >>> G = build_graph([Node(i, ("Organization",), {"name": i}) for i in "abc"],
    ...                 [Relationship("ALLIED_WITH", "a", "b", {**ev, "year": 2010}),
    ...                  Relationship("ALLIED_WITH", "b", "c", {**ev, "year": 2015})])
    >>> [(y["year"], y["ties"], y["isolated"], y["bridges"]) for y in timeline(G)]
    [(2010, 1, 1, 1), (2015, 2, 0, 2)]
    >>> timeline(build_graph([], []))
    []
    """
    types = set(projection_of(**options).relationship_types)
    years = sorted({int(d["year"]) for *_, d in G.edges(data=True)
                    if d.get("type") in types and str(d.get("year", "")).strip().isdigit()})
    if not years:
        return []
    full, proj = (tie, tie.graph["projection"]) if tie is not None else tie_graph(G, **options)
    never = -(10 ** 9)  # undated: there from the start
    since = np.array([never if y is None else y for y in (_as_int(d.get("founded_year")) for _, d in full.nodes(data=True))],
                     dtype=np.int64)
    actor = np.array([not d.get("is_person") for _, d in full.nodes(data=True)], dtype=bool)
    ties, tie_appear, rel_appear, undated = _ties_in_time(G, full, proj, since, never)
    result = []
    for year in years:
        present = since <= year
        m = int(np.searchsorted(tie_appear, year, side="right"))
        counts = year_counts(len(since), ties[:m])
        degree, sizes = counts.degree, counts.component_sizes
        n = int(present.sum())
        result.append({
            "year": year,
            "organizations": int((present & actor).sum()),
            "ties": m,
            "density": rnd(m / (n * (n - 1)) * 2) if n > 1 else 0.0,  # as nx.density
            "isolated": int((present & actor & (degree == 0)).sum()),
            "groups": sum(1 for x in sizes if x > 1),
            "largest_group": (sizes[0] if n else 0),
            "articulation_points": counts.articulation_points,
            "bridges": counts.bridges,
            "undated_relationships": int((undated & (rel_appear <= year)).sum()),
        })
    return result


def _ties_in_time(G: nx.MultiDiGraph, full: nx.Graph, proj: Any, since: np.ndarray, never: int
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The ties of ``full`` as index pairs in order of appearance, with the year each appears.

    A relationship appears in the latest of its year and its ends' founding
    years (``since``; ``never`` when undated) and a tie with its earliest
    relationship. Also returns each relationship's appearance and whether it is
    undated (self-loops left out).
    """
    index = {v: i for i, v in enumerate(full)}
    kept = full.graph.get("relationships")  # kept by tie_graph
    rels = [(index[s], index[e], never if y is None else y)
            for s, e, y, _ in (relationships(G, full, proj) if kept is None else kept)]
    ends = np.array([r[:2] for r in rels], dtype=np.int64).reshape(-1, 2)
    dated = np.array([r[2] for r in rels], dtype=np.int64)
    appear = np.maximum(np.maximum(since[ends[:, 0]], since[ends[:, 1]]), dated) if len(rels) else dated
    loop = ends[:, 0] == ends[:, 1]
    pairs = np.sort(ends[~loop], axis=1)
    pair_appear = rel_appear = appear[~loop]
    # each tie appears with its earliest relationship
    order = np.lexsort((pair_appear, pairs[:, 1], pairs[:, 0]))
    pairs, pair_appear = pairs[order], pair_appear[order]
    first = np.ones(len(pairs), dtype=bool)
    first[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)
    ties, tie_appear = pairs[first], pair_appear[first]
    by_time = np.argsort(tie_appear, kind="stable")
    ties, tie_appear = ties[by_time], tie_appear[by_time]
    undated = (dated[~loop] == never)
    return ties, tie_appear, rel_appear, undated
