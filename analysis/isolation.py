"""Isolated initiatives: no tie, one tie, or no path to a national network.

Three degrees of isolation, from the most to the least severe:

* **isolated**: the organization has no tie at all in the tie graph;
* **one tie**: a single partner, so one lost relationship isolates it;
* **unreached**: no path of ties leads from it to any national network (a
  network, platform or mesa of national or international scope: GRESP,
  RIPESS…), so nothing the national level does reaches it through the network.
  Isolated organizations are unreached too.

The counts are broken down by macro-region, region and sector.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("gresp", "a"), ("a", "b"), ("c", "d")]); T.add_node("e")
>>> T.nodes["gresp"].update(is_network=True, scope="national")
>>> iso = isolation(T)
>>> [r["id"] for r in iso.isolated], [r["id"] for r in iso.one_tie], [r["id"] for r in iso.unreached]
(['e'], ['b', 'c', 'd', 'gresp'], ['c', 'd'])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Hashable, Iterable

import networkx as nx

from essgraph.analysis._common import GROUP_ATTRIBUTES, actors, group_of, id_key, national_networks, ref, refs
from essgraph.analysis.engine import TieStructure, structure_of

__all__ = ["Isolation", "isolation", "hops_to_national"]


@dataclass
class Isolation:
    """Who is isolated, hangs on one tie, or is unreached; and counts per group.

    ``by_group`` maps ``"macro_region"``, ``"region"`` and ``"sector"`` to rows
    ``{"group", "organizations", "isolated", "one_tie", "unreached"}`` (sorted by
    group; organizations without a value are counted under ``"?"``).
    """

    national_networks: list[dict[str, Any]]
    isolated: list[dict[str, Any]]
    one_tie: list[dict[str, Any]]
    unreached: list[dict[str, Any]]
    by_group: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def isolation(T: nx.Graph, *, national: Iterable[Hashable] | None = None, structure: TieStructure | None = None
              ) -> Isolation:
    """Organizations with no tie, with one tie, and with no path to a national network.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    national : iterable of node ids, optional
        The national networks; by default every node with ``is_network`` and a
        national or international ``scope``.
    structure : TieStructure, optional
        ``T``'s structure when already made (its components and hops are shared).

    Returns
    -------
    Isolation
        ``isolated`` rows carry ``id, name, region, sector, kind``; ``one_tie`` rows
        also ``partner`` (a reference) and ``types`` (of the single tie);
        ``unreached`` lists connected organizations only (isolated ones are
        already listed), each with the size of its component. All sorted by id.

    Examples
    --------
    >>> import networkx as nx
    >>> isolation(nx.empty_graph(2)).isolated
    [{'id': 0, 'name': '0', 'region': None, 'sector': None, 'kind': None}, {'id': 1, 'name': '1', 'region': None, 'sector': None, 'kind': None}]
    """
    S = structure_of(T, structure)
    nationals = sorted(national, key=id_key) if national is not None else national_networks(T)
    hops = hops_to_national(T, national=nationals, structure=S)
    orgs = actors(T)
    isolated = [_row(T, v) for v in orgs if T.degree(v) == 0]
    one_tie = []
    for v in orgs:
        if T.degree(v) == 1:
            (partner,) = T[v]
            one_tie.append({**_row(T, v), "partner": ref(T, partner),
                            "types": list(T.edges[v, partner].get("types", ()))})
    size = {v: len(c) for c in S.components() for v in c}
    unreached = [{**_row(T, v), "component_size": size[v]} for v in orgs if v not in hops and T.degree(v) > 0]
    by_group = {}
    for attribute in GROUP_ATTRIBUTES:
        counts: dict[str, dict[str, int]] = {}
        for v in orgs:
            row = counts.setdefault(group_of(T, v, attribute) or "?",
                                    {"organizations": 0, "isolated": 0, "one_tie": 0, "unreached": 0})
            row["organizations"] += 1
            row["isolated"] += T.degree(v) == 0
            row["one_tie"] += T.degree(v) == 1
            row["unreached"] += v not in hops
        by_group[attribute] = [{"group": g, **counts[g]} for g in sorted(counts)]
    return Isolation(refs(T, nationals), isolated, one_tie, unreached, by_group)


def hops_to_national(T: nx.Graph, *, national: Iterable[Hashable] | None = None,
                     structure: TieStructure | None = None) -> dict[Hashable, int]:
    """Fewest ties from each node to the nearest national network (reachable nodes only).

    One breadth-first search from all national networks at once: linear time
    (:meth:`~essgraph.analysis.engine.TieStructure.hops_from`, kept on ``structure``
    for the other analyses that ask for the same networks).

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.path_graph(4); T.add_node(9); T.nodes[0].update(is_network=True, scope="national")
    >>> hops_to_national(T)
    {0: 0, 1: 1, 2: 2, 3: 3}
    """
    sources = national if national is not None else national_networks(T)
    return structure_of(T, structure).hops_from(sources)


def _row(T: nx.Graph, v: Hashable) -> dict[str, Any]:
    return {**ref(T, v), "region": group_of(T, v, "region"), "sector": group_of(T, v, "sector"),
            "kind": group_of(T, v, "kind")}
