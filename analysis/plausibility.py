"""Which new alliances are plausible, and what each pair shares.

A new tie between two organizations is *plausible* when they share something
that makes them likely to meet: the same region, the same sector (primary
activity), a common network (both tied to the same network, platform or mesa)
or, for partner suggestions, a common partner. Recommendations only propose
plausible pairs, and each says what the pair shares (as codes and ids: the
wording is :mod:`essgraph.render.findings`).

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "red"), ("b", "red")])
>>> T.nodes["red"].update(is_network=True, name="Red X")
>>> nx.set_node_attributes(T, {"a": "cusco", "b": "cusco"}, "region")
>>> shared("a", "b", T)
[{'kind': 'region', 'value': 'cusco'}, {'kind': 'network', 'value': 'red', 'name': 'Red X'}]
"""
from __future__ import annotations

from typing import Any, Hashable

import networkx as nx

from essgraph.analysis._common import group_of, id_key

__all__ = ["shared", "plausible_partners", "partner_groups"]



def shared(u: Hashable, v: Hashable, T: nx.Graph, *, partners: bool = False) -> list[dict[str, Any]]:
    """What ``u`` and ``v`` share: region, sector, common networks (and common partners).

    Returns
    -------
    list of dict
        ``{"kind", "value"}`` in the order region, sector, networks, partners
        (each sorted by id), networks and partners with their ``name``; empty
        when the pair is not plausible.
    """
    result = []
    for kind in ("region", "sector"):
        a, b = group_of(T, u, kind), group_of(T, v, kind)
        if a is not None and a == b:
            result.append({"kind": kind, "value": a})
    small, large = sorted((T.adj[u], T.adj[v]), key=len)  # a hub's ties are not copied into a set
    common = sorted((w for w in small if w in large), key=id_key)
    for w in common:
        if T.nodes[w].get("is_network"):
            result.append({"kind": "network", "value": w, "name": T.nodes[w].get("name", str(w))})
    if partners:
        for w in common:
            if not T.nodes[w].get("is_network") and not T.nodes[w].get("is_person"):
                result.append({"kind": "partner", "value": w, "name": T.nodes[w].get("name", str(w))})
    return result



def plausible_partners(T: nx.Graph, nodes: list[Hashable], *,
                       of: list[Hashable] | None = None) -> dict[Hashable, set[Hashable]]:
    """For each node of ``of`` (default: ``nodes``), the nodes of ``nodes`` sharing its region, sector or a network.

    Existing neighbours are excluded. The cost is the size of the answer.

    >>> import networkx as nx
    >>> T = nx.Graph(); T.add_nodes_from([("a", {"sector": "a01"}), ("b", {"sector": "a01"}), ("c", {})])
    >>> plausible_partners(T, ["a", "b", "c"])
    {'a': {'b'}, 'b': {'a'}, 'c': set()}
    """
    members, groups_of = partner_groups(T, nodes)
    keep = set(nodes)
    result: dict[Hashable, set[Hashable]] = {}
    for v in (nodes if of is None else of):
        found: set[Hashable] = set().union(*(members[k] for k in groups_of.get(v, [])))
        result[v] = {w for w in found if w != v and w in keep and not T.has_edge(v, w)}
    return result


def partner_groups(T: nx.Graph, nodes: list[Hashable]) -> tuple[dict[tuple[str, Any], set[Hashable]],
                                                                dict[Hashable, list[tuple[str, Any]]]]:
    """The groups that make pairs plausible: members of each region, sector and network, and each node's groups.

    Each node's groups are listed regions first, then sectors, then networks in
    the graph's node order. The cost is the size of the answer plus the ties of
    the networks.

    >>> import networkx as nx
    >>> T = nx.Graph(); T.add_nodes_from([("a", {"sector": "a01"}), ("b", {"region": "cusco"})])
    >>> partner_groups(T, ["a", "b"])
    ({('region', 'cusco'): {'b'}, ('sector', 'a01'): {'a'}}, {'b': [('region', 'cusco')], 'a': [('sector', 'a01')]})
    """
    keep = set(nodes)
    members: dict[tuple[str, Any], set[Hashable]] = {}
    for kind in ("region", "sector"):
        for v in nodes:
            g = group_of(T, v, kind)
            if g is not None:
                members.setdefault((kind, g), set()).add(v)
    for w, data in T.nodes(data=True):
        if data.get("is_network"):
            found = {v for v in T.adj[w] if v in keep}
            if found:
                members[("network", w)] = found
    groups_of: dict[Hashable, list[tuple[str, Any]]] = {}
    for key, group in members.items():
        for v in group:
            groups_of.setdefault(v, []).append(key)
    return members, groups_of
