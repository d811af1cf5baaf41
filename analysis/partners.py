"""Weaving (b): the best three partners for each isolated or one-tie initiative.

Candidates are organizations that already have ties (so the new alliance plugs
the initiative into the network) and share something with it: the same region,
the same sector, a common network or a common partner. They are scored by the
**Adamic–Adar** index on a *context graph*: the tie graph plus one node per
region and per sector, each organization tied to its region and sector. Every
thing two organizations share adds ``1 / log(size)``, so sharing a small
region, a specialised sector or a partner with few ties weighs more than sharing
Lima or a crowded sector. Ties are broken by reaching a national network, then
by more ties, then by id.

References
----------
Adamic, L. & Adar, E. (2003). Friends and neighbors on the Web. Social Networks 25(3).
Liben-Nowell, D. & Kleinberg, J. (2007). The link-prediction problem for social networks.

Examples
--------
>>> import networkx as nx
>>> T = nx.Graph([("hub", "a"), ("hub", "b")]); T.add_node("lonely")
>>> nx.set_node_attributes(T, {"lonely": "cusco", "a": "cusco", "hub": "lima", "b": "lima"}, "region")
>>> s, = [x for x in partners(T, lang="en") if x["target"]["id"] == "lonely"]
>>> [c["partner"]["id"] for c in s["candidates"]], s["candidates"][0]["reason"]
(['a'], 'a shares the region cusco with lonely; it already has 1 tie(s).')
"""
from __future__ import annotations

import heapq
import math
from typing import Any, Hashable, Iterable

import networkx as nx

from ._common import actors, id_key, ref, rnd
from .isolation import hops_to_national
from .messages import CATALOG
from .plausibility import GroupNames, describe, shared

__all__ = ["partners"]

_CONTEXT = ("region", "sector")


def partners(
    T: nx.Graph,
    *,
    targets: Iterable[Hashable] | None = None,
    top: int = 3,
    names: GroupNames | None = None,
    lang: str = "es",
) -> list[dict[str, Any]]:
    """Suggest the ``top`` best partners for each isolated or one-tie organization.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    targets : iterable of node ids, optional
        Whom to find partners for; by default every organization with no tie or one tie.
    top : int
        Candidates per target.
    names : mapping, optional
        Display names of regions and sectors for the reasons.
    lang : {"es", "en"}
        Language of the reasons.

    Returns
    -------
    list of dict
        One row per target, sorted by id: ``{target, ties, candidates}``; each
        candidate ``{partner, score, why, reason}`` (``why`` lists what they share).
        ``candidates`` is empty when nobody plausible has ties.
    """
    if targets is None:
        targets = [v for v in actors(T) if T.degree(v) <= 1]
    hops = hops_to_national(T)
    context = _context_graph(T)
    weight = {z: 1 / math.log(context.degree(z)) for z in context if context.degree(z) > 1}
    tiebreak = {w: (w not in hops, -d, id_key(w)) for w, d in T.degree()}  # computed once: ranked many times
    rank_key = lambda w, score: (-round(score, 9), *tiebreak[w])  # noqa: E731
    by_signature: dict[frozenset[Any], list[tuple[Hashable, float]]] = {}
    result = []
    for u in sorted(targets, key=id_key):
        groups = frozenset(z for z in context[u] if z not in T and z in weight)
        if groups not in by_signature:  # everyone sharing a region or sector, ranked once per signature
            shared_groups: dict[Hashable, float] = {}
            for z in groups:
                for w in context[z]:
                    if not T.nodes[w].get("is_person") and T.degree(w) > 0:
                        shared_groups[w] = shared_groups.get(w, 0.0) + weight[z]
            by_signature[groups] = sorted(shared_groups.items(), key=lambda ws: rank_key(*ws))
        scores: dict[Hashable, float] = {}
        for z in T[u]:  # common partners, networks (and people) add to the groups' score
            if z in weight:
                for w in T[z]:
                    if w != u and _eligible(T, u, w):
                        scores[w] = scores.get(w, 0.0) + weight[z]
        for w in scores:
            scores[w] += sum(weight[z] for z in groups if context.has_edge(w, z))
        extra: list[tuple[Hashable, float]] = []
        for w, score in by_signature[groups]:
            if len(extra) == top:
                break
            if w != u and w not in scores and not T.has_edge(u, w):
                extra.append((w, score))
        ranked = heapq.nsmallest(top, [*scores.items(), *extra], key=lambda ws: rank_key(*ws))
        candidates = []
        for w, score in ranked:
            why = shared(u, w, T, names=names, partners=True, lang=lang)
            reach = ("" if w not in hops else CATALOG.t("reach.is_national", lang) if hops[w] == 0
                     else CATALOG.t("reach.national", lang, hops=hops[w]))
            candidates.append({
                "partner": ref(T, w), "score": rnd(score), "why": why,
                "reason": CATALOG.t("reason.partner", lang, partner=T.nodes[w].get("name", str(w)),
                                    target=T.nodes[u].get("name", str(u)), why=describe(why, lang),
                                    degree=T.degree(w), reach=reach)})
        result.append({"target": ref(T, u), "ties": T.degree(u), "candidates": candidates})
    return result


def _eligible(T: nx.Graph, u: Hashable, w: Hashable) -> bool:
    data = T.nodes[w]
    return not data.get("is_person") and T.degree(w) > 0 and not T.has_edge(u, w)


def _context_graph(T: nx.Graph) -> nx.Graph:
    """The tie graph plus a node per region and sector value, tied to its organizations."""
    C = nx.Graph(T)
    for v in actors(T):
        for attribute in _CONTEXT:
            value = T.nodes[v].get(attribute)
            if value not in (None, ""):
                C.add_edge(v, ("@" + attribute, str(value)))
    return C
