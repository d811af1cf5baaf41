"""What counts as a tie: the projection from the property graph to the tie graph.

Every analysis runs on a *tie graph*: a simple undirected :class:`networkx.Graph`
made from the property graph (a :class:`networkx.MultiDiGraph`, see
:mod:`essgraph.graphmodel.graph`) by a documented, machine-readable rule, the
:class:`Projection`:

* **nodes** are the nodes carrying one of ``node_labels`` (by default every
  ``Organization``; networks, platforms and mesas are organizations that also
  carry ``Network``) whose ``status`` is not excluded (by default the
  organizations the report only *proposes* are left out);
* **ties** are the relationships of ``relationship_types`` between two such
  nodes, in either direction. By default the organization-to-organization and
  organization-to-network types: ``MEMBER_OF``, ``PART_OF``, ``FOUNDED``,
  ``ALLIED_WITH``, ``COORDINATES_WITH``, ``SUPPORTS``, ``PARTICIPATES_IN``.
  ``LOCATED_IN`` (geography), people and inferred evidence are not ties unless asked;
* a network takes part as a node like any other: membership is a tie to the
  network, so two members of one network are two steps apart;
* several relationships between the same pair (parallel edges, both directions)
  make one tie, which records how many relationships, of which types and
  years support it; self-loops are dropped and counted;
* with ``year`` the network is taken *as of* that year: relationships dated
  after it and organizations founded after it are left out; undated
  relationships are kept and counted.

The projection's :meth:`Projection.to_dict` is what every JSON result carries,
so anyone can rebuild the same tie graph from ``essgraph export --format json``.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph(
...     [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...      Node("joc", ("Organization",), {"name": "JOC", "kind": "union"}),
...      Node("lima", ("Region",), {"name": "Lima"})],
...     [Relationship("MEMBER_OF", "joc", "gresp", ev),
...      Relationship("ALLIED_WITH", "gresp", "joc", {**ev, "quote": "other"}),
...      Relationship("LOCATED_IN", "joc", "lima", ev)])
>>> T, proj = tie_graph(G)
>>> sorted(T.edges(data="types"))
[('gresp', 'joc', ('ALLIED_WITH', 'MEMBER_OF'))]
>>> proj.to_dict()["relationship_types"][:3], proj.to_dict()["directed"]
(['ALLIED_WITH', 'COORDINATES_WITH', 'FOUNDED'], False)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Mapping

import networkx as nx

from essgraph.errors import GraphError
from essgraph.graphmodel import ACTOR_LABELS, NETWORK_LABEL, carries_label, ORGANIZATION_TIE_TYPES, REL_TYPES
from essgraph.graphmodel.vocab import evidence_counts

__all__ = [
    "DEFAULT_RELATIONSHIP_TYPES",
    "ACTOR_LABELS",
    "Projection",
    "tie_graph",
    "relationships",
    "as_of_years",
    "projection_of",
]

#: Organization-to-organization and organization-to-network relationship types (the model's, see
#: :data:`essgraph.graphmodel.ORGANIZATION_TIE_TYPES`).
DEFAULT_RELATIONSHIP_TYPES: tuple[str, ...] = ORGANIZATION_TIE_TYPES
#: Node attributes copied from the property graph to the tie graph.
NODE_ATTRIBUTES = ("name", "acronym", "kind", "legal_form", "sector", "region", "macro_region", "scope", "status",
                   "founded_year")


@dataclass(frozen=True)
class Projection:
    """The rule that made a tie graph, plus what it counted.

    The first six fields are the rule (enough to rebuild the tie graph); ``counts``
    says how big it came out: ``nodes``, ``ties``, ``relationships`` (property-graph
    relationships behind the ties), ``undated_relationships``, ``self_loops``.
    """

    node_labels: tuple[str, ...]
    relationship_types: tuple[str, ...]
    include_inferred: bool = False
    directed: bool = False
    year: int | None = None
    exclude_status: tuple[str, ...] = ("proposed",)
    counts: dict[str, int] = field(default_factory=dict, compare=False)
    include_reported: bool = True

    def counts_relationship(self, attrs: Mapping[str, Any]) -> bool:
        """Whether a relationship (its attributes) is of a type and evidence this rule turns into a tie.

        Whether its two ends take part is the tie graph's business: a relationship counts
        when this holds and both ends are nodes of the tie graph.

        >>> p = projection_of()
        >>> p.counts_relationship({"type": "MEMBER_OF", "evidence": "stated"}), p.counts_relationship(
        ...     {"type": "SHARES_CONTACT", "evidence": "inferred"}), p.counts_relationship({"type": "LOCATED_IN"})
        (True, False, False)
        """
        return attrs.get("type") in self.relationship_types and evidence_counts(
            attrs.get("evidence", "stated"), include_inferred=self.include_inferred,
            include_reported=self.include_reported)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form stored as ``projection`` in every JSON result."""
        return {
            "node_labels": list(self.node_labels),
            "relationship_types": list(self.relationship_types),
            "include_inferred": self.include_inferred,
            "directed": self.directed,
            "year": self.year,
            "exclude_status": list(self.exclude_status),
            "include_reported": self.include_reported,
            "counts": dict(sorted(self.counts.items())),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Projection":
        """Inverse of :meth:`to_dict` (counts are kept as given)."""
        return cls(tuple(data["node_labels"]), tuple(data["relationship_types"]),
                   bool(data.get("include_inferred", False)), bool(data.get("directed", False)),
                   data.get("year"), tuple(data.get("exclude_status", ())), dict(data.get("counts", {})),
                   bool(data.get("include_reported", True)))


def projection_of(
    *,
    include_inferred: bool = False,
    include_people: bool = False,
    include_municipalities: bool = False,
    relationship_types: Iterable[str] | None = None,
    year: int | None = None,
    exclude_status: Iterable[str] = ("proposed",),
    include_reported: bool = True,
) -> Projection:
    """The :class:`Projection` that :func:`tie_graph` applies for these options.

    Parameters
    ----------
    include_inferred : bool
        Count relationships whose evidence is ``inferred`` too, and ``SHARES_CONTACT``.
    include_people : bool
        Let people take part as connectors: ``Person`` nodes and ``REPRESENTS`` ties
        (an interviewee who speaks for two organizations links them in two steps).
    include_municipalities : bool
        Let municipalities take part: ``Municipality`` nodes and ``WORKS_WITH`` ties.
    relationship_types : iterable of str, optional
        Replace the default types (:data:`DEFAULT_RELATIONSHIP_TYPES`) altogether.
    year : int, optional
        The network as of this year.
    exclude_status : iterable of str
        Organization statuses left out (default: ``proposed``).
    include_reported : bool
        Count ties that organizations reported in a survey round (evidence
        ``reported``, :mod:`essgraph.graphmodel.survey`); on by default, as the
        organizations' own word. ``stated`` ties always count.

    Returns
    -------
    Projection
        Without counts.

    Raises
    ------
    GraphError
        For an unknown relationship type.

    Examples
    --------
    >>> p = projection_of(include_people=True, include_inferred=True)
    >>> p.node_labels, "REPRESENTS" in p.relationship_types, "SHARES_CONTACT" in p.relationship_types
    (('Network', 'Organization', 'Person'), True, True)
    """
    labels = {"Organization", NETWORK_LABEL}
    types = set(DEFAULT_RELATIONSHIP_TYPES if relationship_types is None else relationship_types)
    unknown = sorted(types - REL_TYPES)
    if unknown:
        raise GraphError(f"unknown relationship type(s) {', '.join(unknown)}: use some of {', '.join(sorted(REL_TYPES))}")
    if include_inferred and relationship_types is None:
        types.add("SHARES_CONTACT")
    if include_people:
        labels.add("Person")
        types.add("REPRESENTS")
    if include_municipalities:
        labels.add("Municipality")
        if relationship_types is None:
            types.add("WORKS_WITH")
    return Projection(tuple(sorted(labels)), tuple(sorted(types)), include_inferred, False,
                      year, tuple(sorted(set(exclude_status))), include_reported=include_reported)


def tie_graph(
    G: nx.MultiDiGraph,
    *,
    include_inferred: bool = False,
    include_people: bool = False,
    include_municipalities: bool = False,
    relationship_types: Iterable[str] | None = None,
    year: int | None = None,
    exclude_status: Iterable[str] = ("proposed",),
    include_reported: bool = True,
    projection: Projection | None = None,
) -> tuple[nx.Graph, Projection]:
    """Project the property graph onto the tie graph that analyses run on.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph (embedded, read back from Neo4j or rebuilt from an export).
    include_inferred, include_people, include_municipalities, relationship_types, year, exclude_status, include_reported
        See :func:`projection_of`.
    projection : Projection, optional
        Apply this rule instead of the options (e.g. one read from a JSON result).

    Returns
    -------
    T : networkx.Graph
        Nodes inserted in id order with ``labels``, ``name`` (the id when missing),
        ``is_network``, ``is_person`` and the organization attributes; each tie has
        ``relationships`` (int), ``types``, ``evidence`` and ``years`` (sorted tuples).
        ``T.graph["projection"]`` is the returned projection and
        ``T.graph["relationships"]`` the relationships behind its ties,
        ``relationships(G, T, projection)``, kept so that a timeline of ``T``
        does not read ``G`` again.
    projection : Projection
        The rule with its counts.

    Examples
    --------
    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
    >>> G = build_graph([Node(i, ("Organization",), {"name": i.upper()}) for i in "abc"],
    ...                 [Relationship("SUPPORTS", "a", "b", {**ev, "year": 2010}),
    ...                  Relationship("SUPPORTS", "b", "c", {**ev, "year": 2016}),
    ...                  Relationship("ALLIED_WITH", "a", "c", ev),
    ...                  Relationship("ALLIED_WITH", "a", "a", ev)])
    >>> T, p = tie_graph(G, year=2012)
    >>> sorted(T.edges()), p.counts["undated_relationships"], p.counts["self_loops"]
    ([('a', 'b'), ('a', 'c')], 1, 1)
    """
    proj = projection or projection_of(
        include_inferred=include_inferred, include_people=include_people,
        include_municipalities=include_municipalities, relationship_types=relationship_types,
        year=year, exclude_status=exclude_status, include_reported=include_reported)
    labels = set(proj.node_labels)
    T = nx.Graph()
    nodes = []
    for node_id in sorted(G.nodes):
        attrs = G.nodes[node_id]
        node_labels = tuple(sorted(attrs.get("labels", ())))
        if not labels.intersection(node_labels) or attrs.get("status") in proj.exclude_status:
            continue
        founded = _as_int(attrs.get("founded_year"))
        if proj.year is not None and founded is not None and founded > proj.year:
            continue
        data = {"labels": node_labels, "is_network": carries_label(attrs, NETWORK_LABEL),
                "is_person": carries_label(attrs, "Person")}
        data.update((k, attrs[k]) for k in NODE_ATTRIBUTES if attrs.get(k) not in (None, ""))
        data["name"] = str(attrs.get("name") or node_id)
        nodes.append((node_id, data))
    T.add_nodes_from(nodes)
    rels = relationships(G, T, proj)
    ties, counts = _ties(T, rels, proj.year)
    edges = []
    for (u, v), behind in sorted(ties.items()):
        if len(behind) == 1:  # most ties: one relationship
            (year, r), = behind
            edges.append((u, v, {"relationships": 1, "types": (r["type"],), "evidence": (r.get("evidence", "stated"),),
                                 "years": () if year is None else (year,)}))
            continue
        edges.append((u, v, {"relationships": len(behind), "types": tuple(sorted({r["type"] for _, r in behind})),
                             "evidence": tuple(sorted({r.get("evidence", "stated") for _, r in behind})),
                             "years": tuple(sorted({y for y, _ in behind if y is not None}))}))
    T.add_edges_from(edges)
    counts = {"nodes": T.number_of_nodes(), "ties": T.number_of_edges(), **counts}
    proj = Projection(proj.node_labels, proj.relationship_types, proj.include_inferred, proj.directed,
                      proj.year, proj.exclude_status, counts, proj.include_reported)
    T.graph["projection"] = proj
    T.graph["relationships"] = rels
    return T, proj


def relationships(G: nx.MultiDiGraph, T: nx.Graph, proj: Projection) -> list[tuple[Any, Any, int | None, dict[str, Any]]]:
    """The relationships of ``G`` that ``proj`` turns into ties of ``T`` (ignoring its year): ``(start, end, year, attrs)``.

    Projecting once and filtering these by year gives the network as of any
    year without projecting again (:func:`essgraph.analysis.timeline.timeline`).

    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> G = build_graph([Node(i, ("Organization",), {"name": i}) for i in "ab"],
    ...                 [Relationship("ALLIED_WITH", "a", "b", {"section": "s", "quote": "q", "year": 2010})])
    >>> T, p = tie_graph(G)
    >>> [r[:3] for r in relationships(G, T, p)]
    [('a', 'b', 2010)]
    """
    return [(start, end, _as_int(attrs.get("year")), attrs) for start, end, attrs in G.edges(data=True)
            if start in T and end in T and proj.counts_relationship(attrs)]


def _ties(T: nx.Graph, rels: list[tuple[Any, Any, int | None, dict[str, Any]]],
          year: int | None) -> tuple[dict[tuple[Any, Any], list[tuple[int | None, dict[str, Any]]]], dict[str, int]]:
    """Group the relationships between nodes of ``T`` as of ``year`` into ties (``(year, attrs)`` lists); count them."""
    ties: dict[tuple[Any, Any], list[tuple[int | None, dict[str, Any]]]] = {}
    loops = undated = 0
    for start, end, rel_year, attrs in rels:
        if year is not None and rel_year is not None and rel_year > year:
            continue
        if start not in T or end not in T:
            continue
        if start == end:
            loops += 1
            continue
        undated += rel_year is None
        key = (start, end) if start < end else (end, start)
        if key in ties:
            ties[key].append((rel_year, attrs))
        else:
            ties[key] = [(rel_year, attrs)]
    return ties, {"relationships": sum(len(r) for r in ties.values()), "undated_relationships": undated,
                  "self_loops": loops}


def as_of_years(G: nx.MultiDiGraph, years: Iterable[int], **options: Any) -> Iterator[nx.Graph]:
    """The tie graph as of each of ``years`` (increasing), from one projection.

    The same nodes, ties and ``T.graph["projection"]`` (year, counts) as
    ``tie_graph(G, year=y, **options)``, but the ties carry no attributes, the
    nodes are not in id order, and **one graph grows** from year to year (a
    node or tie present in a year stays in the later ones): copy it to keep it.

    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
    >>> G = build_graph([Node(i, ("Organization",), {"name": i}) for i in "abc"],
    ...                 [Relationship("ALLIED_WITH", "a", "b", {**ev, "year": 2010}),
    ...                  Relationship("ALLIED_WITH", "b", "c", {**ev, "year": 2015})])
    >>> [sorted(T.edges()) for T in as_of_years(G, [2012, 2016])]
    [[('a', 'b')], [('a', 'b'), ('b', 'c')]]
    """
    full, proj = tie_graph(G, **options)
    never = -(10 ** 9)  # undated: there from the start
    founded = {v: _as_int(d.get("founded_year")) for v, d in full.nodes(data=True)}
    since = {v: never if y is None else y for v, y in founded.items()}
    nodes = sorted(full.nodes(data=True), key=lambda nd: since[nd[0]])  # stable: id order within a year
    rels = sorted(((max(since[s], since[e], never if y is None else y), s, e, y)
                   for s, e, y, _ in full.graph["relationships"]), key=lambda r: r[0])  # kept by tie_graph
    T = nx.Graph()
    counts = {"relationships": 0, "undated_relationships": 0, "self_loops": 0}
    next_node = next_rel = 0
    last = None
    for year in years:
        if last is not None and year < last:
            raise ValueError(f"years must increase: {year} after {last}")
        last = year
        while next_node < len(nodes) and since[nodes[next_node][0]] <= year:
            T.add_node(*nodes[next_node][:1], **nodes[next_node][1])
            next_node += 1
        while next_rel < len(rels) and rels[next_rel][0] <= year:
            _, s, e, rel_year = rels[next_rel]
            next_rel += 1
            if s == e:
                counts["self_loops"] += 1
                continue
            counts["relationships"] += 1
            counts["undated_relationships"] += rel_year is None
            T.add_edge(s, e)
        T.graph["projection"] = Projection(proj.node_labels, proj.relationship_types, proj.include_inferred,
                                           proj.directed, year, proj.exclude_status,
                                           {"nodes": T.number_of_nodes(), "ties": T.number_of_edges(), **counts})
        yield T


def _as_int(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
