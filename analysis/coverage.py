"""Who a mapping round has heard from, and whom to ask next.

An organization is *answered* when it took part in some survey round (the
property graph marks it with ``survey_rounds``), otherwise *not asked / not
answered*. An organization without a recorded tie is then either ``isolated``
(it answered and names no tie) or ``not_asked`` (nobody asked it yet): the map
never calls an unasked organization isolated.

Whom to ask next: the organizations whose answers would most change the
picture, each with a reason code — ``cut_point_neighbour`` (an unasked
neighbour of a single point of failure: its answer confirms or denies the tie
that holds the network together), ``region_without_answers`` (the best
connected unasked organization of a region nobody answered in),
``largest_unasked_group`` (the best connected member of the largest group
where nobody answered) and ``no_tie_not_asked`` (no recorded tie, never asked).

Examples
--------
>>> import networkx as nx
>>> from essgraph.graphmodel import Node, build_graph
>>> G = build_graph([Node("a", ("Organization",), {"name": "A", "survey_rounds": ["r2"]}),
...                  Node("b", ("Organization",), {"name": "B"})], [])
>>> T = nx.Graph(); T.add_nodes_from(["a", "b"])
>>> c = coverage(G, T)
>>> [r["id"] for r in c.isolated], [r["id"] for r in c.not_asked], c.ask_next[0]["reason"]
(['a'], ['b'], 'no_tie_not_asked')
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Hashable, Iterable, Iterator

import networkx as nx

from essgraph.analysis._common import GROUP_ATTRIBUTES, actors, group_of, id_key, ref, refs
from essgraph.analysis.cuts import articulation_points
from essgraph.analysis.engine import TieStructure, structure_of
from essgraph.loaders.survey_rounds import rounds_of

__all__ = ["Coverage", "coverage", "REASONS"]

#: Reason codes of :attr:`Coverage.ask_next`, in order of priority.
REASONS = ("cut_point_neighbour", "region_without_answers", "largest_unasked_group", "no_tie_not_asked")


@dataclass(frozen=True)
class Coverage:
    """Survey coverage of a tie graph: rounds, who answered, confirmations, whom to ask next."""

    rounds: list[str]
    answered: list[dict[str, Any]]
    not_answered: list[dict[str, Any]]
    isolated: list[dict[str, Any]]
    not_asked: list[dict[str, Any]]
    by_group: dict[str, list[dict[str, Any]]]
    confirmations: dict[str, int]
    ask_next: list[dict[str, Any]]


def coverage(G: nx.MultiDiGraph, T: nx.Graph, *, top: int = 10, structure: TieStructure | None = None) -> Coverage:
    """Who answered among the organizations of tie graph ``T`` (made from ``G``), and whom to ask next.

    ``top`` bounds :attr:`Coverage.ask_next`; ``structure`` is ``T``'s when already
    made (its cut points and components).
    """
    if top < 1:
        raise ValueError("top must be at least 1")
    orgs = actors(T)
    answered = {v for v in orgs if v in G and G.nodes[v].get("survey_rounds")}
    no_tie = [v for v in orgs if T.degree(v) == 0]
    by_group = {}
    for attribute in GROUP_ATTRIBUTES:
        counts: Counter[str] = Counter(group_of(T, v, attribute) or "?" for v in orgs)
        heard: Counter[str] = Counter(group_of(T, v, attribute) or "?" for v in answered)
        by_group[attribute] = [{"group": g, "organizations": counts[g], "answered": heard[g]} for g in sorted(counts)]
    confirmations = Counter(d.get("confirmation") for _, _, d in G.edges(data=True) if d.get("evidence") == "reported")
    return Coverage(
        rounds=rounds_of(G), answered=refs(T, answered), not_answered=refs(T, set(orgs) - answered),
        isolated=refs(T, [v for v in no_tie if v in answered]),
        not_asked=refs(T, [v for v in no_tie if v not in answered]),
        by_group=by_group, confirmations={k: confirmations[k] for k in sorted(c for c in confirmations if c)},
        ask_next=_ask_next(T, orgs, answered, top, structure_of(T, structure)),
    )


def _ask_next(T: nx.Graph, orgs: list[Hashable], answered: set[Hashable], top: int, S: TieStructure
              ) -> list[dict[str, Any]]:
    chosen: dict[Hashable, dict[str, Any]] = {}
    for v, reason, detail in _candidates(T, orgs, answered, S):  # reasons by priority, each ranked
        if v not in answered and v not in chosen:
            chosen[v] = {**ref(T, v), "reason": reason, **detail}
            if len(chosen) == top:
                break
    return list(chosen.values())


def _candidates(T: nx.Graph, orgs: list[Hashable], answered: set[Hashable], S: TieStructure
                ) -> Iterator[tuple[Hashable, str, dict[str, Any]]]:
    """Whom to ask, best first, lazily (the first ``top`` are taken; at scale the rest is never looked at)."""
    def best(nodes: Iterable[Hashable]) -> Hashable | None:
        return min((v for v in nodes if v not in answered), key=lambda v: (-T.degree(v), id_key(v)), default=None)

    for cut in articulation_points(T, limit=0, structure=S):  # the best connected unasked neighbour of each, largest cut first
        v = best(T[cut.id])
        if v is not None:
            yield v, "cut_point_neighbour", {"cut_point": cut.id, "cut_off": cut.cut_off_count}
    regions: dict[str, list[Hashable]] = {}
    for v in orgs:
        if T.nodes[v].get("region"):
            regions.setdefault(str(T.nodes[v]["region"]), []).append(v)
    for region, members in sorted(regions.items()):
        v = best(members) if answered.isdisjoint(members) else None
        if v is not None:
            yield v, "region_without_answers", {"region": region, "organizations": len(members)}
    groups = sorted((set(c) for c in S.components() if len(c) > 1 and answered.isdisjoint(c)),
                    key=lambda c: (-len(c), id_key(min(c, key=id_key))))
    for group in groups:
        yield best(group), "largest_unasked_group", {"size": len(group)}
    for v in orgs:
        if T.degree(v) == 0:
            yield v, "no_tie_not_asked", {}
