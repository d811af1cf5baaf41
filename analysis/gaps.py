"""Gaps between groups: who ties with whom across macro-regions, regions and sectors.

* **Tie counts between groups**: how many ties join two macro-regions (regions,
  sectors), and which pairs of groups have none.
* **E-I index** (Krackhardt & Stern): ``(E - I) / (E + I)`` where ``E`` counts
  ties leaving a group and ``I`` ties inside it; -1 means every tie stays inside
  (a closed group), +1 every tie goes outside. Ties with an endpoint of unknown
  group are not counted (``unassigned_ties`` says how many).
* **Cooperatives and ESS networks**: the report observes that the cooperative
  sector and the ESS networks do not see each other. The cooperative sector is
  every organization of kind ``cooperative`` or legal form ``L2``, plus
  federations and networks whose name says cooperative (FENACREP, red de
  cooperativas); the ESS networks every other network, platform or mesa.
* **Regions left out**: regions where no organization has a direct tie to a
  national network (and whether any path reaches one).

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
>>> nx.set_node_attributes(T, {"a": "sur", "b": "sur", "c": "norte", "d": "norte"}, "macro_region")
>>> mix = group_mixing(T, "macro_region")
>>> mix.internal, mix.external, mix.ei_index, mix.pairs
(2, 1, -0.333333, [{'a': 'norte', 'b': 'sur', 'ties': 1}])
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Mapping

import networkx as nx
import numpy as np

from essgraph.analysis._common import actors, group_of, id_key, national_networks, ref, refs, rnd
from essgraph.analysis.engine import TieStructure, structure_of, use_igraph
from essgraph.analysis.isolation import hops_to_national

__all__ = ["GroupMixing", "CooperativeGap", "group_mixing", "cooperative_gap", "regions_without_national",
           "cooperative_sector"]


@dataclass
class GroupMixing:
    """Ties inside and between the groups of one attribute."""

    attribute: str
    internal: int
    external: int
    unassigned_ties: int
    ei_index: float | None
    groups: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    unlinked: list[dict[str, str]]


@dataclass
class CooperativeGap:
    """Ties between the cooperative sector and the ESS networks."""

    cooperatives: list[dict[str, Any]]
    ess_networks: list[dict[str, Any]]
    direct_ties: list[dict[str, Any]]
    ei_index: float | None
    hops: int | None
    cooperatives_reaching_networks: int


def group_mixing(T: nx.Graph, attribute: str, *, structure: TieStructure | None = None) -> GroupMixing:
    """Tie counts and E-I indices between the groups of ``attribute``.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    attribute : str
        ``"macro_region"``, ``"region"``, ``"sector"`` or any node attribute.
    structure : TieStructure, optional
        ``T``'s structure when already made (a large graph's ties are counted on its igraph conversion).

    Returns
    -------
    GroupMixing
        ``groups`` rows ``{group, organizations, internal, external, ei_index}``;
        ``pairs`` the pairs of groups with ties (most first); ``unlinked`` the
        pairs of groups with organizations but no tie between them.

    References
    ----------
    Krackhardt, D. & Stern, R. (1988). Informal networks and organizational crises.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([(1, 2)]); T.add_node(3)
    >>> nx.set_node_attributes(T, {1: "x", 2: "x", 3: "y"}, "sector")
    >>> group_mixing(T, "sector").unlinked
    [{'a': 'x', 'b': 'y'}]
    """
    group = {v: (None if value in (None, "") else str(value)) for v, value in T.nodes(data=attribute)}  # as group_of
    members = Counter(g for g in (group[v] for v in actors(T)) if g is not None)
    inside: Counter[str] = Counter()
    outside: Counter[str] = Counter()
    pairs: Counter[tuple[str, str]] = Counter()
    unassigned = 0
    if use_igraph(T) and not nx.number_of_selfloops(T):  # count on arrays: the same counts
        unassigned = _count_on_arrays(structure_of(T, structure), group, inside, outside, pairs)
    else:
        for u, v in T.edges():
            a, b = group[u], group[v]
            if a is None or b is None:
                unassigned += 1
            elif a == b:
                inside[a] += 1
            else:
                outside[a] += 1
                outside[b] += 1
                pairs[min(a, b), max(a, b)] += 1
    groups = [{"group": g, "organizations": members[g], "internal": inside[g], "external": outside[g],
               "ei_index": _ei(outside[g], inside[g])} for g in sorted(members)]
    names = sorted(members)
    unlinked = [{"a": a, "b": b} for i, a in enumerate(names) for b in names[i + 1:] if (a, b) not in pairs]
    internal, external = sum(inside.values()), sum(pairs.values())
    return GroupMixing(attribute, internal, external, unassigned, _ei(external, internal), groups,
                       [{"a": a, "b": b, "ties": n} for (a, b), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))],
                       unlinked)


def cooperative_sector(T: nx.Graph) -> list[Hashable]:
    """The organizations of the cooperative sector (see the module's rule), sorted.

    >>> import networkx as nx
    >>> T = nx.Graph(); T.add_node("c", kind="cooperative"); T.add_node("f", kind="federation", name="FENACREP, Federación de Cooperativas")
    >>> cooperative_sector(T)
    ['c', 'f']
    """
    def is_coop(d: Mapping[str, Any]) -> bool:
        named = "cooperativ" in str(d.get("name", "")).lower()
        return (d.get("kind") == "cooperative" or d.get("legal_form") == "L2"
                or (named and (d.get("kind") == "federation" or d.get("is_network", False))))
    return sorted((v for v, d in T.nodes(data=True) if not d.get("is_person") and is_coop(d)), key=id_key)


def cooperative_gap(T: nx.Graph, *, cooperatives: Iterable[Hashable] | None = None,
                    structure: TieStructure | None = None) -> CooperativeGap:
    """How the cooperative sector and the ESS networks are tied, directly or by paths.

    ``structure`` is ``T``'s when already made (the hops are kept on it).

    Returns
    -------
    CooperativeGap
        ``direct_ties`` rows ``{cooperative, network, types}``; ``ei_index`` over the
        two groups (ties inside each group versus between them); ``hops`` the fewest
        ties from any cooperative to any ESS network (``None`` if no path);
        ``cooperatives_reaching_networks`` how many cooperatives have a path to one.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([("coop", "ngo"), ("ngo", "red")])
    >>> T.nodes["coop"]["kind"] = "cooperative"; T.nodes["red"]["is_network"] = True
    >>> g = cooperative_gap(T)
    >>> g.direct_ties, g.hops, g.cooperatives_reaching_networks
    ([], 2, 1)
    """
    coops = set(cooperative_sector(T) if cooperatives is None else cooperatives)
    networks = {v for v, d in T.nodes(data=True) if d.get("is_network") and v not in coops}
    direct: list[dict[str, Any]] = []
    inside = 0
    for u, v, data in T.edges(data=True):
        if (u in coops and v in networks) or (v in coops and u in networks):
            c, n = (u, v) if u in coops else (v, u)
            direct.append({"cooperative": ref(T, c), "network": ref(T, n), "types": list(data.get("types", ()))})
        elif (u in coops and v in coops) or (u in networks and v in networks):
            inside += 1
    direct.sort(key=lambda r: (id_key(r["cooperative"]["id"]), id_key(r["network"]["id"])))
    hops = hops_to_national(T, national=sorted(networks, key=id_key), structure=structure) if networks else {}
    reached = [hops[c] for c in coops if c in hops]
    return CooperativeGap(refs(T, coops), refs(T, networks), direct, _ei(len(direct), inside),
                          min(reached) if reached else None, len(reached))


def regions_without_national(T: nx.Graph, *, regions: Mapping[str, str] | None = None,
                             structure: TieStructure | None = None) -> list[dict[str, Any]]:
    """Every region's link to the national networks, left-out regions first.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    regions : mapping of region id to name, optional
        All regions to report (e.g. the graph's ``Region`` nodes), so regions
        with no organization appear too; by default the regions of ``T``.
    structure : TieStructure, optional
        ``T``'s structure when already made (the hops to the national networks are kept on it).

    Returns
    -------
    list of dict
        ``{region, name, organizations, tied_to_national, reaching_national, left_out}``
        where ``left_out`` means no organization of the region has a direct tie to
        a national network. Sorted left-out first, then by region id.

    Examples
    --------
    >>> import networkx as nx
    >>> T = nx.Graph([("gresp", "a"), ("b", "c")])
    >>> T.nodes["gresp"].update(is_network=True, scope="national", region="lima")
    >>> nx.set_node_attributes(T, {"a": "cusco", "b": "puno", "c": "puno"}, "region")
    >>> [(r["region"], r["left_out"]) for r in regions_without_national(T)]
    [('puno', True), ('cusco', False), ('lima', False)]
    """
    national = set(national_networks(T))
    hops = hops_to_national(T, national=sorted(national, key=id_key), structure=structure)
    rows: dict[str, dict[str, Any]] = {
        r: {"region": r, "name": name, "organizations": 0, "tied_to_national": 0, "reaching_national": 0}
        for r, name in (regions or {}).items()}
    for v in actors(T):
        region = group_of(T, v, "region")
        if region is None:
            continue
        row = rows.setdefault(region, {"region": region, "name": region, "organizations": 0,
                                       "tied_to_national": 0, "reaching_national": 0})
        row["organizations"] += 1
        row["tied_to_national"] += v in national or any(w in national for w in T[v])
        row["reaching_national"] += v in hops
    for row in rows.values():
        row["left_out"] = row["tied_to_national"] == 0
    return sorted(rows.values(), key=lambda r: (not r["left_out"], r["region"]))


def _ei(external: int, internal: int) -> float | None:
    return rnd((external - internal) / (external + internal)) if external + internal else None


def _count_on_arrays(S: TieStructure, group: dict[Hashable, str | None], inside: Counter[str], outside: Counter[str],
                     pairs: Counter[tuple[str, str]]) -> int:
    """The tie counts of :func:`group_mixing` from the igraph edge list (no self-loops); returns the unassigned."""
    g, nodes = S.igraph()
    names = sorted({x for x in group.values() if x is not None})
    code_of = {x: i for i, x in enumerate(names)}  # codes in name order: min/max of codes = of names
    code = np.array([-1 if (x := group[v]) is None else code_of[x] for v in nodes], dtype=np.int64)
    ends = np.array(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    a, b = code[ends[:, 0]], code[ends[:, 1]]
    known = (a >= 0) & (b >= 0)
    same, cross = known & (a == b), known & (a != b)
    for i, n in enumerate(np.bincount(a[same], minlength=len(names)).tolist()):
        if n:
            inside[names[i]] += n
    across = np.bincount(np.concatenate([a[cross], b[cross]]), minlength=len(names)).tolist()
    for i, n in enumerate(across):
        if n:
            outside[names[i]] += n
    lo, hi = np.minimum(a[cross], b[cross]), np.maximum(a[cross], b[cross])
    keys, counts = np.unique(lo * max(len(names), 1) + hi, return_counts=True)
    for key, n in zip(keys.tolist(), counts.tolist()):
        pairs[names[key // len(names)], names[key % len(names)]] = n
    return int((~known).sum())
