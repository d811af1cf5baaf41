"""Person bridges: interviewees who speak for several organizations.

The report names, for many organizations, the people interviewed for them. One
person who speaks for two organizations is an informal bridge between them,
whether or not the report states a tie. This is a two-mode network (people ×
organizations, the ``REPRESENTS`` relationships) projected onto organizations:
two organizations are linked when someone speaks for both.

People's names are personal data: they appear only with
``include_personal_data=True``; otherwise each person is an unlinkable mark
(:func:`essgraph.graphmodel.interviewee_marks`) and no name. People that already have no
name (a graph made public by :func:`essgraph.graphmodel.public_graph`) keep
their id.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("person-ana", ("Person",), {"name": "Ana"}),
...                  Node("a", ("Organization",), {"name": "A"}), Node("b", ("Organization",), {"name": "B"})],
...                 [Relationship("REPRESENTS", "person-ana", "a", ev), Relationship("REPRESENTS", "person-ana", "b", ev)])
>>> pb = person_bridges(G)
>>> pb.people[0]["id"], pb.people[0]["name"], [(p["a"]["id"], p["b"]["id"]) for p in pb.pairs]
('entrevistado-1', None, [('a', 'b')])
>>> person_bridges(G, include_personal_data=True).people[0]["name"]
'Ana'
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations
from typing import Any, Hashable

import networkx as nx

from essgraph.graphmodel import has_label
from essgraph.graphmodel import interviewee_marks
from essgraph.graphmodel.vocab import evidence_counts
from essgraph.analysis._common import id_key

__all__ = ["PersonBridges", "person_bridges"]


@dataclass
class PersonBridges:
    """People who speak for two or more organizations, and the pairs they link.

    ``pairs`` rows ``{a, b, people, already_tied, same_component}``: whether the
    two organizations already have a tie, or a path, in the tie graph given.
    """

    personal_data: bool
    people_count: int
    people: list[dict[str, Any]]
    pairs: list[dict[str, Any]]
    new_links: int
    joins_components: int


def person_bridges(
    G: nx.MultiDiGraph,
    *,
    T: nx.Graph | None = None,
    include_personal_data: bool = False,
    include_inferred: bool = False,
    include_reported: bool = True,
) -> PersonBridges:
    """Find the people who speak for several organizations (a two-mode projection).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph, with its ``Person`` nodes and ``REPRESENTS`` relationships.
    T : networkx.Graph, optional
        A tie graph to say whether each pair is already tied or connected.
    include_personal_data : bool
        Give people's names; otherwise unlinkable marks (:func:`~essgraph.graphmodel.interviewee_marks`).
    include_inferred : bool
        Count ``REPRESENTS`` relationships whose evidence is ``inferred`` too.
    include_reported : bool
        Count those reported in a survey round (the rule of
        :func:`~essgraph.graphmodel.vocab.evidence_counts`, as for ties).

    Returns
    -------
    PersonBridges
        ``people`` rows ``{id, name, role, organizations}`` (two or more organizations,
        most first); ``pairs`` sorted by ids.

    References
    ----------
    Breiger, R. (1974). The duality of persons and groups.
    """
    speaks_for: dict[Hashable, set[Hashable]] = {}
    for start, end, data in G.edges(data=True):
        if data.get("type") != "REPRESENTS" or not has_label(G, start, "Person"):
            continue
        if evidence_counts(data.get("evidence", "stated"), include_inferred=include_inferred,
                           include_reported=include_reported):
            speaks_for.setdefault(start, set()).add(end)
    component = {v: i for i, c in enumerate(nx.connected_components(T))
                 for v in c} if T is not None else {}
    people: list[dict[str, Any]] = []
    linked: dict[tuple[Hashable, Hashable], list[Hashable]] = {}
    marks = {} if include_personal_data else interviewee_marks(G)
    for person in sorted(speaks_for, key=id_key):
        orgs = sorted(speaks_for[person], key=id_key)
        if len(orgs) < 2:
            continue
        attrs = G.nodes[person]
        public_id = marks.get(str(person), person)
        people.append({"id": public_id, "name": attrs.get("name") if include_personal_data else None,
                       "role": attrs.get("role"), "organizations": [_ref(G, o) for o in orgs]})
        for a, b in combinations(orgs, 2):
            linked.setdefault((a, b), []).append(public_id)
    pairs = []
    for (a, b), who in sorted(linked.items(), key=lambda kv: (id_key(kv[0][0]), id_key(kv[0][1]))):
        tied = T is not None and T.has_edge(a, b)
        same = T is not None and a in component and component.get(a) == component.get(b)
        pairs.append({"a": _ref(G, a), "b": _ref(G, b), "people": sorted(who, key=id_key),
                      "already_tied": tied, "same_component": same})
    people.sort(key=lambda p: (-len(p["organizations"]), id_key(p["id"])))
    return PersonBridges(include_personal_data, len(speaks_for), people, pairs,
                         sum(not p["already_tied"] for p in pairs),
                         sum(not p["same_component"] for p in pairs) if T is not None else 0)


def _ref(G: nx.MultiDiGraph, node: Hashable) -> dict[str, Any]:
    return {"id": node, "name": str(G.nodes[node].get("name") or node)}
