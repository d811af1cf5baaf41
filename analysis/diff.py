"""What changed between two maps: two rounds, two data folders or two snapshots.

:func:`compare` takes two tie graphs; :func:`diff` two property graphs, projected
the same way. The answer lists organizations and ties added and removed, cut
points and bridges that appeared or disappeared, groups that merged, regions
newly tied to a national network, isolated initiatives that found a partner, and
the size and fragmentation of both networks (:func:`~essgraph.analysis.timeline.summary`)
with the Mesa's seats before and after, and who joined or left it.
:func:`round_changes` compares a folder's latest survey round with the map before it.

Examples
--------
>>> import networkx as nx
>>> before = nx.Graph([("a", "b"), ("c", "d")]); before.add_node("e")
>>> after = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")])
>>> d = compare(before, after)
>>> [(t["a"]["id"], t["b"]["id"]) for t in d.ties_added], [r["id"] for r in d.found_partner]
([('b', 'c'), ('d', 'e')], ['e'])
>>> [c["id"] for c in d.cut_points_appeared], d.groups_merged[0]["sizes"]
(['b', 'c', 'd'], [2, 2, 1])
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node(n, ("Organization",), {"name": n.upper()}) for n in "abc"],
...                 [Relationship("ALLIED_WITH", "a", "b", {"evidence": "stated"}),
...                  Relationship("ALLIED_WITH", "b", "c", {"evidence": "reported", "round": "r2"})])
>>> found = round_changes(G)
>>> found.round, found.previous, [r["id"] for r in found.changes.found_partner]
('r2', None, ['c'])
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Hashable

import networkx as nx

from essgraph.analysis._common import actors, id_key, ref, refs
from essgraph.analysis.cuts import articulation_points, bridges
from essgraph.analysis.isolation import hops_to_national
from essgraph.analysis.mesa import mesa
from essgraph.analysis.projection import tie_graph
from essgraph.analysis.timeline import summary
from essgraph.graphmodel import public_graph
from essgraph.loaders.survey_rounds import before_round, rounds_of

__all__ = ["NetworkDiff", "RoundChanges", "compare", "diff", "round_changes"]


@dataclass(frozen=True)
class NetworkDiff:
    """Changes from a ``before`` tie graph to an ``after`` one (references ``{id, name}``, sorted)."""

    before: dict[str, Any]
    after: dict[str, Any]
    organizations_added: list[dict[str, Any]]
    organizations_removed: list[dict[str, Any]]
    ties_added: list[dict[str, Any]]
    ties_removed: list[dict[str, Any]]
    cut_points_appeared: list[dict[str, Any]]
    cut_points_gone: list[dict[str, Any]]
    bridges_appeared: list[dict[str, Any]]
    bridges_gone: list[dict[str, Any]]
    groups_merged: list[dict[str, Any]]
    regions_newly_national: list[str]
    found_partner: list[dict[str, Any]]
    mesa_seats: dict[str, int]
    mesa_joined: list[dict[str, Any]]
    mesa_left: list[dict[str, Any]]


@dataclass(frozen=True)
class RoundChanges:
    """What the latest survey ``round`` changed: ``previous`` is the round before (None: the data before any survey)."""

    round: str
    previous: str | None
    changes: NetworkDiff


def diff(G_before: nx.MultiDiGraph, G_after: nx.MultiDiGraph, **options: Any) -> NetworkDiff:
    """:func:`compare` the tie graphs of two property graphs (``options`` as for ``tie_graph``)."""
    T1, _ = tie_graph(G_before, **options)
    T2, _ = tie_graph(G_after, **options)
    return compare(T1, T2)


def round_changes(G: nx.MultiDiGraph, T: nx.Graph | None = None, *, include_personal_data: bool = False,
                  **options: Any) -> RoundChanges | None:
    """What the latest survey round of ``G`` changed, or None when ``G`` holds no survey round.

    The data before any survey (the 2018 report) is round one, so a folder with
    one survey round holds two. The map before the latest round is
    :func:`~essgraph.loaders.survey_rounds.before_round`; both are projected
    with ``options`` (as for ``tie_graph``) from their public form unless
    ``include_personal_data``. ``T`` is ``G``'s tie graph when already made.
    """
    rounds = rounds_of(G)
    if not rounds:
        return None
    before = before_round(G, rounds[-1])
    if not include_personal_data:
        before = public_graph(before, texts="drop")
    if T is None:
        T, _ = tie_graph(G if include_personal_data else public_graph(G, texts="drop"), **options)
    return RoundChanges(rounds[-1], rounds[-2] if len(rounds) > 1 else None,
                        compare(tie_graph(before, **options)[0], T))


def compare(T1: nx.Graph, T2: nx.Graph) -> NetworkDiff:
    """What changed from tie graph ``T1`` to tie graph ``T2`` (see the module)."""
    orgs1, orgs2 = set(actors(T1)), set(actors(T2))
    seats1, seats2 = ({s["id"] for s in mesa(T).seats} if orgs else set() for T, orgs in ((T1, orgs1), (T2, orgs2)))
    cuts1 = {c.id for c in articulation_points(T1)}
    cuts2 = {c.id for c in articulation_points(T2)}
    bridges1, bridges2 = _bridge_set(T1), _bridge_set(T2)
    return NetworkDiff(
        before=summary(T1), after=summary(T2),
        organizations_added=refs(T2, orgs2 - orgs1), organizations_removed=refs(T1, orgs1 - orgs2),
        ties_added=_ties(T2, T1), ties_removed=_ties(T1, T2),
        cut_points_appeared=refs(T2, cuts2 - cuts1), cut_points_gone=refs(T1, cuts1 - cuts2),
        bridges_appeared=[_pair(T2, e) for e in sorted(bridges2 - bridges1, key=_pair_key)],
        bridges_gone=[_pair(T1, e) for e in sorted(bridges1 - bridges2, key=_pair_key)],
        groups_merged=_merged(T1, T2),
        regions_newly_national=sorted(_national_regions(T2) - _national_regions(T1)),
        found_partner=refs(T2, [v for v in orgs1 & orgs2 if T1.degree(v) == 0 and T2.degree(v) > 0]),
        mesa_seats={"before": len(seats1), "after": len(seats2)},
        mesa_joined=refs(T2, seats2 - seats1), mesa_left=refs(T1, seats1 - seats2),
    )


def _pair_key(edge: tuple[Hashable, Hashable]) -> tuple[Any, Any]:
    return id_key(edge[0]), id_key(edge[1])


def _bridge_set(T: nx.Graph) -> set[tuple[Hashable, Hashable]]:
    return {tuple(sorted((b.u["id"], b.v["id"]), key=id_key)) for b in bridges(T)}


def _pair(T: nx.Graph, edge: tuple[Hashable, Hashable]) -> dict[str, Any]:
    return {"a": ref(T, edge[0]), "b": ref(T, edge[1])}


def _ties(T: nx.Graph, other: nx.Graph) -> list[dict[str, Any]]:
    """Ties of ``T`` that ``other`` lacks, with their relationship types."""
    found = sorted((tuple(sorted((u, v), key=id_key)) for u, v in T.edges if not other.has_edge(u, v)), key=_pair_key)
    return [{**_pair(T, (a, b)), "types": list(T.edges[a, b].get("types", ()))} for a, b in found]


def _merged(T1: nx.Graph, T2: nx.Graph) -> list[dict[str, Any]]:
    """Groups of two or more organizations in ``T1`` that are one group in ``T2``."""
    where = {v: i for i, c in enumerate(nx.connected_components(T1)) for v in c}
    sizes = {i: sum(1 for v in c if v in where) for i, c in enumerate(nx.connected_components(T1))}
    out = []
    for component in nx.connected_components(T2):
        parts = sorted({where[v] for v in component if v in where})
        if sum(sizes[p] >= 2 for p in parts) >= 2:
            members = sorted((v for v in component if v in where), key=id_key)
            out.append({"sizes": sorted((sizes[p] for p in parts), reverse=True), "size_after": len(component),
                        "example": ref(T2, members[0])})
    return sorted(out, key=lambda g: (-g["size_after"], id_key(g["example"]["id"])))


def _national_regions(T: nx.Graph) -> set[str]:
    """Regions with at least one organization that reaches a national network."""
    hops = hops_to_national(T)
    return {str(T.nodes[v]["region"]) for v in hops if T.nodes[v].get("region")}
