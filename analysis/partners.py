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
>>> s, = [x for x in partners(T) if x["target"]["id"] == "lonely"]
>>> [c["partner"]["id"] for c in s["candidates"]], s["candidates"][0]["reason"]
(['a'], {'code': 'partner', 'degree': 1, 'hops_to_national': None})
"""
from __future__ import annotations

import heapq
import math
from collections import defaultdict
from typing import Any, Callable, Hashable, Iterable, Iterator

import networkx as nx

from essgraph.analysis._common import actors, id_key, ref, rnd
from essgraph.analysis.engine import TieStructure
from essgraph.analysis.isolation import hops_to_national
from essgraph.analysis.plausibility import shared

__all__ = ["partners"]

_CONTEXT = ("region", "sector")
#: Digits a score is compared at (scores equal to them tie, and rank breaks the tie).
_SCORE_DIGITS = 9


def partners(
    T: nx.Graph,
    *,
    targets: Iterable[Hashable] | None = None,
    top: int = 3,
    structure: TieStructure | None = None,
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
    structure : TieStructure, optional
        ``T``'s structure when already made (its hops to the national networks).

    Returns
    -------
    list of dict
        One row per target, sorted by id: ``{target, ties, candidates}``; each
        candidate ``{partner, score, why, reason}`` (``why`` lists what they share;
        ``reason`` the partner's ties and its steps to a national network, ``None``
        when it reaches none).
        ``candidates`` is empty when nobody plausible has ties.
    """
    if targets is None:
        targets = [v for v in actors(T) if T.degree(v) <= 1]
    hops = hops_to_national(T, structure=structure)
    adj, data = T.adj, T.nodes
    degree = dict(T.degree())
    # the context graph, implicitly: each organization tied to one node per region and per sector value
    groups_of: dict[Hashable, tuple[tuple[str, str], ...]] = {}
    members: dict[tuple[str, str], list[Hashable]] = {}
    for v in actors(T):
        found = []
        for attribute in _CONTEXT:
            value = data[v].get(attribute)
            if value not in (None, ""):
                group = ("@" + attribute, str(value))
                found.append(group)
                members.setdefault(group, []).append(v)
        groups_of[v] = tuple(found)
    weight: dict[Any, float] = {}
    for z, d in degree.items():  # degree in the context graph: ties plus groups
        if d + len(groups_of.get(z, ())) > 1:
            weight[z] = 1 / math.log(d + len(groups_of.get(z, ())))
    weight.update((g, 1 / math.log(len(m))) for g, m in members.items() if len(m) > 1)
    eligible = [w for w in T if not data[w].get("is_person") and degree[w] > 0]
    # ties are broken by reaching a national network, then more ties, then id: one rank, computed once
    rank = {w: i for i, w in enumerate(sorted(eligible, key=lambda w: (w not in hops, -degree[w], id_key(w))))}
    by_rank = {g: sorted((w for w in m if w in rank), key=rank.__getitem__) for g, m in members.items()}
    rank_key = lambda ws: (-round(ws[1], _SCORE_DIGITS), rank[ws[0]])  # noqa: E731
    tied_to: dict[Hashable, list[Hashable]] = {}  # eligible neighbours of a node, in adjacency order
    by_signature: dict[frozenset[Any], _Ranking] = {}
    result = []
    for u in sorted(targets, key=id_key):
        groups = frozenset(g for g in groups_of.get(u, ()) if g in weight)
        if groups not in by_signature:  # everyone sharing a region or sector, ranked lazily once per signature
            by_signature[groups] = _Ranking(_shared_groups(groups, weight, by_rank, groups_of, rank, rank_key))
        near = set(adj[u])
        scores: defaultdict[Hashable, float] = defaultdict(float)
        for z in near:  # common partners, networks (and people) add to the groups' score
            if z in weight:
                if z not in tied_to:
                    tied_to[z] = [w for w in adj[z] if w in rank]
                wz = weight[z]
                for w in tied_to[z]:
                    if w != u and w not in near:
                        scores[w] += wz
        group_weights = [(z, weight[z]) for z in groups]  # in the set's order: the same sums
        for w, score in scores.items():
            mine, add = groups_of.get(w, ()), 0.0
            for z, wz in group_weights:
                if z in mine:
                    add += wz
            scores[w] = score + add
        extra: list[tuple[Hashable, float]] = []
        for w, score in by_signature[groups]:
            if len(extra) == top:
                break
            if w != u and w not in scores and w not in near:
                extra.append((w, score))
        scored = list(scores.items())
        if len(scored) > top:  # only those whose rounded score can reach the top need the full key
            floor = heapq.nlargest(top, scores.values())[-1] - 10.0 ** -_SCORE_DIGITS
            scored = [ws for ws in scored if ws[1] >= floor]
        ranked = heapq.nsmallest(top, [*scored, *extra], key=rank_key)
        candidates = []
        for w, score in ranked:
            candidates.append({
                "partner": ref(T, w), "score": rnd(score), "why": shared(u, w, T, partners=True),
                "reason": {"code": "partner", "degree": T.degree(w), "hops_to_national": hops.get(w)}})
        result.append({"target": ref(T, u), "ties": T.degree(u), "candidates": candidates})
    return result


class _Ranking:
    """A ranked sequence computed lazily and kept: each target reads only its first few entries."""

    def __init__(self, items: Iterator[tuple[Hashable, float]]) -> None:
        self._items = items
        self._seen: list[tuple[Hashable, float]] = []

    def __iter__(self) -> Iterator[tuple[Hashable, float]]:
        i = 0
        while True:
            if i == len(self._seen):
                item = next(self._items, None)
                if item is None:
                    return
                self._seen.append(item)
            yield self._seen[i]
            i += 1


def _shared_groups(groups: frozenset[Any], weight: dict[Any, float], by_rank: dict[Any, list[Hashable]],
                   groups_of: dict[Hashable, tuple[Any, ...]], rank: dict[Hashable, int],
                   rank_key: Callable[[tuple[Hashable, float]], tuple[float, int]]) -> Iterator[tuple[Hashable, float]]:
    """Everyone eligible sharing some of ``groups``, with the sum of their weights, best first.

    An organization has one region and one sector, so there are at most three
    scores (both groups, only the first, only the second): each is a run of
    members already in rank order, and the runs are merged.
    """
    if len(groups) > 2:  # not with region and sector; kept general
        score: dict[Hashable, float] = {}
        for g in groups:
            for w in by_rank.get(g, ()):
                score[w] = score.get(w, 0.0) + weight[g]
        yield from sorted(score.items(), key=rank_key)
        return
    def run(members: list[Hashable], score: float, inside: frozenset[Any]) -> Iterator[tuple[Hashable, float]]:
        return ((w, score) for w in members if groups & set(groups_of[w]) == inside)

    runs = [run(by_rank.get(g, []), 0.0 + weight[g], frozenset([g])) for g in groups]
    if len(groups) == 2:
        both = 0.0
        for g in groups:
            both += weight[g]
        smaller = min(groups, key=lambda g: len(by_rank.get(g, ())))
        runs.append(run(by_rank.get(smaller, []), both, groups))
    yield from heapq.merge(*runs, key=rank_key)
