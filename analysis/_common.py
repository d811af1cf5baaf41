"""Small helpers shared by the analysis modules: references, actors, percentiles.

>>> import networkx as nx
>>> T = nx.Graph(); T.add_node("a", name="A"); T.add_node("p", name="p", is_person=True)
>>> ref(T, "a"), actors(T)
({'id': 'a', 'name': 'A'}, ['a'])
>>> nearest_rank([1, 2, 3, 4, 10], 0.9)
10
"""
from __future__ import annotations

import math
from typing import Any, Hashable, Iterable

import networkx as nx

from essgraph.errors import GraphError

__all__ = ["ref", "refs", "actors", "nearest_rank", "rnd", "require_nodes", "group_of", "GROUP_ATTRIBUTES",
           "NATIONAL_SCOPES", "national_networks", "id_key", "group_members"]

#: Scopes that make a network a national network (GRESP, RIPESS…).
NATIONAL_SCOPES = frozenset({"national", "international"})
#: Node attributes by which results are broken down.
GROUP_ATTRIBUTES = ("macro_region", "region", "sector")


def id_key(node: Hashable) -> tuple[int, Any]:
    """Sort key for node ids: numbers in numeric order, then anything else as text.

    >>> sorted([10, "b", 9, "a"], key=id_key)
    [9, 10, 'a', 'b']
    """
    if isinstance(node, (int, float)) and not isinstance(node, bool):
        return (0, node)
    return (1, str(node))


def ref(T: nx.Graph, node: Hashable) -> dict[str, Any]:
    """How results name a node: ``{"id": ..., "name": ...}``."""
    return {"id": node, "name": T.nodes[node].get("name", str(node))}


def refs(T: nx.Graph, nodes: Iterable[Hashable]) -> list[dict[str, Any]]:
    """:func:`ref` of each node, sorted by id."""
    return [ref(T, n) for n in sorted(nodes, key=id_key)]


def actors(T: nx.Graph) -> list[Hashable]:
    """The nodes analyses rank (everything but people), sorted by id."""
    return sorted((n for n, d in T.nodes(data=True) if not d.get("is_person")), key=id_key)


def national_networks(T: nx.Graph) -> list[Hashable]:
    """Networks, platforms and mesas of national or international scope, sorted.

    >>> T = nx.Graph(); T.add_node("gresp", is_network=True, scope="national"); T.add_node("x")
    >>> national_networks(T)
    ['gresp']
    """
    return sorted((n for n, d in T.nodes(data=True) if d.get("is_network") and d.get("scope") in NATIONAL_SCOPES),
                  key=id_key)


def group_of(T: nx.Graph, node: Hashable, attribute: str) -> str | None:
    """The node's value of ``attribute`` (``None`` when unknown)."""
    value = T.nodes[node].get(attribute)
    return None if value in (None, "") else str(value)


def group_members(T: nx.Graph, attribute: str) -> dict[str, list[Hashable]]:
    """The organizations of each value of ``attribute`` (those without one left out), by id.

    >>> T = nx.Graph([("a", "b")]); T.nodes["a"]["region"] = "n"
    >>> group_members(T, "region")
    {'n': ['a']}
    """
    groups: dict[str, list[Hashable]] = {}
    for v in actors(T):
        g = group_of(T, v, attribute)
        if g is not None:
            groups.setdefault(g, []).append(v)
    return groups


def nearest_rank(values: Iterable[float], q: float) -> float:
    """The nearest-rank ``q``-quantile of ``values`` (0 when there are none).

    >>> nearest_rank([5, 1, 3], 0.5), nearest_rank([], 0.9)
    (3, 0)
    """
    ordered = sorted(values)
    if not ordered:
        return 0
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


def rnd(x: float | None, digits: int = 6) -> float | None:
    """Round for stable JSON (``None`` stays ``None``)."""
    return None if x is None else round(float(x), digits) + 0.0


def require_nodes(T: nx.Graph, what: str) -> None:
    """Raise :class:`GraphError` when ``T`` has no node to compute ``what`` on."""
    if T.number_of_nodes() == 0:
        raise GraphError(
            f"cannot compute {what} on an empty tie graph: check the data folder, or widen the "
            "projection (count inferred ties, or a later year)", options=("include_inferred", "year"))
