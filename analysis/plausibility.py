"""Which new alliances are plausible, and how to say why in one phrase.

A new tie between two organizations is *plausible* when they share something
that makes them likely to meet: the same region, the same sector (primary
activity), a common network (both tied to the same network, platform or mesa)
or, for partner suggestions, a common partner. Recommendations only propose
plausible pairs, and each says what the pair shares.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "red"), ("b", "red")])
>>> T.nodes["red"].update(is_network=True, name="Red X")
>>> nx.set_node_attributes(T, {"a": "cusco", "b": "cusco"}, "region")
>>> shared("a", "b", T)
[{'kind': 'region', 'value': 'cusco', 'label': 'cusco'}, {'kind': 'network', 'value': 'red', 'label': 'Red X'}]
>>> describe(shared("a", "b", T), "es")
'la región cusco y la red Red X'
"""
from __future__ import annotations

from typing import Any, Hashable, Mapping

import networkx as nx

from essgraph.graphmodel.vocab import SECTORS
from essgraph.i18n import Catalog
from essgraph.analysis._common import group_of, id_key

__all__ = ["shared", "describe", "plausible_partners", "partner_groups", "group_label", "GroupNames"]

#: Display names of group values: ``{"region": {"cusco": "Cusco"}, ...}``.
GroupNames = Mapping[str, Mapping[str, str]]

_TEXT = Catalog({
    "region": ("la región {value}", "the region {value}"),
    "sector": ("el sector {value}", "the sector {value}"),
    "network": ("la red {value}", "the network {value}"),
    "partner": ("el vínculo con {value}", "a tie with {value}"),
    "and": (" y ", " and "),
})


def shared(u: Hashable, v: Hashable, T: nx.Graph, *, names: GroupNames | None = None,
           partners: bool = False, lang: str = "es") -> list[dict[str, Any]]:
    """What ``u`` and ``v`` share: region, sector, common networks (and common partners).

    Returns
    -------
    list of dict
        ``{"kind", "value", "label"}`` in the order region, sector, networks,
        partners (each sorted by id); empty when the pair is not plausible.
    """
    result = []
    for kind in ("region", "sector"):
        a, b = group_of(T, u, kind), group_of(T, v, kind)
        if a is not None and a == b:
            result.append({"kind": kind, "value": a, "label": group_label(kind, a, names, lang)})
    small, large = sorted((T.adj[u], T.adj[v]), key=len)  # a hub's ties are not copied into a set
    common = sorted((w for w in small if w in large), key=id_key)
    for w in common:
        if T.nodes[w].get("is_network"):
            result.append({"kind": "network", "value": w, "label": T.nodes[w].get("name", str(w))})
    if partners:
        for w in common:
            if not T.nodes[w].get("is_network") and not T.nodes[w].get("is_person"):
                result.append({"kind": "partner", "value": w, "label": T.nodes[w].get("name", str(w))})
    return result


def describe(why: list[dict[str, Any]], lang: str = "es", *, limit: int = 3) -> str:
    """One phrase for what a pair shares (at most ``limit`` items).

    >>> describe([{"kind": "sector", "value": "a01", "label": "Agricultura"}], "en")
    'the sector Agricultura'
    """
    parts = [_TEXT.t(w["kind"], lang, value=w["label"]) for w in why[:limit]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + _TEXT.t("and", lang) + parts[-1]


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

    >>> import networkx as nx
    >>> T = nx.Graph(); T.add_nodes_from([("a", {"sector": "a01"}), ("b", {"region": "cusco"})])
    >>> partner_groups(T, ["a", "b"])
    ({('sector', 'a01'): {'a'}, ('region', 'cusco'): {'b'}}, {'a': [('sector', 'a01')], 'b': [('region', 'cusco')]})
    """
    members: dict[tuple[str, Any], set[Hashable]] = {}
    for v in nodes:
        for kind in ("region", "sector"):
            g = group_of(T, v, kind)
            if g is not None:
                members.setdefault((kind, g), set()).add(v)
        for w in T[v]:
            if T.nodes[w].get("is_network"):
                members.setdefault(("network", w), set()).add(v)
    groups_of: dict[Hashable, list[tuple[str, Any]]] = {}
    for key, group in members.items():
        for v in group:
            groups_of.setdefault(v, []).append(key)
    return members, groups_of


def group_label(kind: str, value: str, names: GroupNames | None, lang: str) -> str:
    if names and value in names.get(kind, {}):
        return names[kind][value]
    if kind == "sector" and value in SECTORS:
        return SECTORS[value].label(lang)
    return value
