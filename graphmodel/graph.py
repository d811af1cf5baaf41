"""Model objects and the NetworkX form of the property graph.

Every backend produces and consumes the same thing: a :class:`networkx.MultiDiGraph`
whose node ids are the model ids, with a ``labels`` tuple and the node's properties
as attributes; each edge is keyed by :func:`rel_key` and carries ``type`` plus the
relationship's properties. ``G.graph["dataset"]`` holds the dataset metadata.
Empty values are never stored (a missing property is absent, not ``None``).

Examples
--------
>>> n = [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...      Node("jo", ("Organization",), {"name": "JOC", "kind": "union"})]
>>> r = [Relationship("MEMBER_OF", "jo", "gresp", {"quote": "q", "section": "3.1", "evidence": "stated"})]
>>> G = build_graph(n, r)
>>> G.nodes["gresp"]["labels"], G.number_of_edges()
(('Organization', 'Network'), 1)
>>> sorted(from_json_dict(to_json_dict(G)).edges(keys=True, data="type")) == sorted(G.edges(keys=True, data="type"))
True
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, Iterable, Iterator, Mapping

import networkx as nx

__all__ = [
    "Node",
    "Relationship",
    "rel_key",
    "build_graph",
    "graph_from_attrs",
    "derive_macro_regions",
    "iter_nodes",
    "iter_relationships",
    "to_json_dict",
    "json_dict",
    "from_json_dict",
    "has_label",
    "carries_label",
]

#: Attribute names reserved by the NetworkX form (never properties).
NODE_LABELS_ATTR = "labels"
EDGE_TYPE_ATTR = "type"


@dataclass(slots=True)
class Node:
    """A node: its id, its labels and its properties (no empty values)."""

    id: str
    labels: tuple[str, ...]
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Relationship:
    """A relationship: type, start and end ids, and its properties."""

    type: str
    start: str
    end: str
    properties: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stable key of this relationship (see :func:`rel_key`)."""
        return rel_key(self.type, self.start, self.end, str(self.properties.get("quote", "")))


def rel_key(type: str, start: str, end: str, quote: str = "") -> str:
    """A stable, readable key for a relationship.

    The same tie stated by two different quotes is two relationships; the same
    quote loaded twice is one.

    >>> rel_key("MEMBER_OF", "joc", "gresp", "Integrado por Foro Salud, GRESP, CSP, JOC, ANP")
    'MEMBER_OF:joc:gresp:c7c93824'
    """
    digest = hashlib.sha1(quote.encode("utf-8")).hexdigest()[:8]
    return f"{type}:{start}:{end}:{digest}"


def _clean(properties: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in properties.items() if v or not (v is None or v == "" or v == [] or v == ())}


def build_graph(
    nodes: Iterable[Node], relationships: Iterable[Relationship], metadata: dict[str, Any] | None = None
) -> nx.MultiDiGraph:
    """Build the NetworkX form of the property graph from model objects.

    Nodes and relationships are inserted in sorted order so that every output
    derived from the graph is deterministic.

    >>> G = build_graph([Node("a", ("Region",), {"name": "Lima"})], [], {"title": "t"})
    >>> G.graph["dataset"]["title"], G.nodes["a"]["name"]
    ('t', 'Lima')
    """
    node_rows = [(node.id, {NODE_LABELS_ATTR: tuple(node.labels), **_clean(node.properties)})
                 for node in sorted(nodes, key=lambda n: n.id)]
    keyed = sorted(((rel.key, rel) for rel in relationships), key=lambda kr: kr[0])
    edge_rows = ((rel.start, rel.end, key, {EDGE_TYPE_ATTR: rel.type, **_clean(rel.properties)}) for key, rel in keyed)
    return graph_from_attrs(node_rows, edge_rows, metadata)


def derive_macro_regions(G: nx.MultiDiGraph) -> None:
    """Give every node with a region but no ``macro_region`` its region's macro-region (in place).

    This is the one rule for a node's macro-region: :func:`graph_from_attrs` (so
    :func:`build_graph`, the snapshot reader and every graph essgraph makes) applies
    it once, and stats, analyses, views and exports read ``macro_region`` as stored.

    >>> G = build_graph([Node("cusco", ("Region",), {"macro_region": "sur"}),
    ...                  Node("gies", ("Organization",), {"region": "cusco"})], [])
    >>> G.nodes["gies"]["macro_region"]
    'sur'
    """
    nodes = G._node
    for attrs in nodes.values():
        region = attrs.get("region")
        if region and not attrs.get("macro_region") and region in nodes:
            macro = nodes[region].get("macro_region")
            if macro:
                attrs["macro_region"] = macro


def graph_from_attrs(
    nodes: Iterable[tuple[str, dict[str, Any]]],
    edges: Iterable[tuple[str, str, str, dict[str, Any]]],
    metadata: dict[str, Any] | None = None,
    *,
    derive: bool = True,
) -> nx.MultiDiGraph:
    """The NetworkX form from rows already in its shape, inserted in the order given.

    ``nodes`` are ``(id, attrs)`` with ``attrs["labels"]`` a tuple; ``edges`` are
    ``(start, end, key, attrs)`` with ``attrs["type"]``. The attribute dicts
    become the graph's own (they are not copied: pass fresh ones). The result
    is the graph that ``add_node`` / ``add_edge`` calls in the same order make
    (an edge to an unknown node adds it without attributes; a repeated id or
    key updates the attributes), built in a fraction of their time: this is
    how :func:`build_graph`, the snapshot reader and :func:`~essgraph.graphmodel.privacy.public_graph`
    fill large graphs. Last, unless ``derive`` is false (the rows are a graph's
    that has them), :func:`derive_macro_regions` fills in the nodes' macro-regions.

    >>> G = graph_from_attrs([("a", {"labels": ("Region",)}), ("b", {"labels": ("Region",)})],
    ...                      [("a", "b", "NEXT_TO:a:b:0", {"type": "NEXT_TO"})], {"title": "t"})
    >>> list(G.edges(keys=True, data="type")), G.graph["dataset"]
    ([('a', 'b', 'NEXT_TO:a:b:0', 'NEXT_TO')], {'title': 't'})
    """
    G = nx.MultiDiGraph()
    G.graph["dataset"] = dict(metadata or {})
    # NetworkX keeps a MultiDiGraph in three dicts: node attributes, successors and
    # predecessors (G._succ[u][v] and G._pred[v][u] are one key -> attrs dict).
    node_attrs, succ, pred = G._node, G._succ, G._pred
    for node_id, attrs in nodes:
        if node_id in node_attrs:
            node_attrs[node_id].update(attrs)
        else:
            node_attrs[node_id] = attrs
            succ[node_id] = {}
            pred[node_id] = {}
    for start, end, key, attrs in edges:
        out = succ.get(start)
        if out is None:
            node_attrs[start], out, pred[start] = {}, {}, {}
            succ[start] = out
        keydict = out.get(end)
        if keydict is None:
            into = pred.get(end)
            if into is None:
                node_attrs[end], succ[end], into = {}, {}, {}
                pred[end] = into
            keydict = out[end] = {}
            into[start] = keydict
        elif key in keydict:
            keydict[key].update(attrs)
            continue
        keydict[key] = attrs
    if derive:
        derive_macro_regions(G)
    return G


def has_label(G: nx.MultiDiGraph, node_id: str, *labels: str) -> bool:
    """Whether node ``node_id`` of ``G`` carries one of ``labels``: the one label check.

    >>> G = build_graph([Node("a", ("Organization", "Network"))], [])
    >>> has_label(G, "a", "Network"), has_label(G, "a", "Person"), has_label(G, "a", "Region", "Network")
    (True, False, True)
    """
    return carries_label(G.nodes[node_id], *labels)


def carries_label(attrs: Mapping[str, Any], *labels: str) -> bool:
    """:func:`has_label` for a node's attribute dict already at hand.

    >>> carries_label({"labels": ("Region",)}, "Region", "MacroRegion")
    True
    """
    own = attrs.get(NODE_LABELS_ATTR, ())
    return any(label in own for label in labels)


def iter_nodes(G: nx.MultiDiGraph) -> Iterator[Node]:
    """The graph's nodes as :class:`Node` objects, sorted by id."""
    for node_id, own in sorted(G.nodes(data=True), key=itemgetter(0)):
        attrs = dict(own)
        labels = tuple(attrs.pop(NODE_LABELS_ATTR, ()))
        yield Node(node_id, labels, attrs)


def iter_relationships(G: nx.MultiDiGraph) -> Iterator[Relationship]:
    """The graph's relationships as :class:`Relationship` objects, sorted by key."""
    for key, start, end, attrs in _edges_by_key(G):
        props = dict(attrs)
        rel_type = props.pop(EDGE_TYPE_ATTR)
        yield Relationship(rel_type, start, end, props)


def _edges_by_key(G: nx.MultiDiGraph) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(key, start, end, attrs)`` of every relationship, sorted by key (ties in the graph's order)."""
    return sorted(((key, start, end, attrs) for start, out in G.adjacency() for end, keyed in out.items()
                   for key, attrs in keyed.items()), key=itemgetter(0))


def to_json_dict(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The export JSON shape: ``{"nodes": [...], "relationships": [...]}`` (sorted).

    What :func:`iter_nodes` and :func:`iter_relationships` give, as plain dicts
    (:func:`json_dict` of the graph's rows).

    >>> G = build_graph([Node("a", ("Region",), {"name": "Lima"})], [])
    >>> to_json_dict(G)["nodes"]
    [{'id': 'a', 'labels': ['Region'], 'properties': {'name': 'Lima'}}]
    """
    edges = ((start, end, key, attrs) for start, out in G.adjacency() for end, keyed in out.items()
             for key, attrs in keyed.items())
    return json_dict(G.nodes(data=True), edges, G.graph.get("dataset", {}))


def json_dict(nodes: Iterable[tuple[str, Mapping[str, Any]]], relationships: Iterable[tuple[str, str, str, Mapping[str, Any]]],
              dataset: Mapping[str, Any]) -> dict[str, Any]:
    """:func:`to_json_dict`'s shape from rows in the NetworkX form (``(id, attrs)``, ``(start, end, key, attrs)``).

    Nodes sorted by id, relationships by key (ties in the order given), each
    one's properties in their own order (the JSON writers sort keys); tuples
    become lists.

    >>> json_dict([("a", {"labels": ("Region",), "name": "Lima"})], [], {})["nodes"]
    [{'id': 'a', 'labels': ['Region'], 'properties': {'name': 'Lima'}}]
    """
    return {
        "dataset": dict(dataset),
        "nodes": [
            {"id": node_id, "labels": list(attrs.get(NODE_LABELS_ATTR, ())),
             "properties": {k: list(v) if isinstance(v, (tuple, list)) else v for k, v in attrs.items()
                            if k != NODE_LABELS_ATTR}}
            for node_id, attrs in sorted(nodes, key=itemgetter(0))
        ],
        "relationships": [
            {"type": attrs[EDGE_TYPE_ATTR], "start": start, "end": end,
             "properties": {k: list(v) if isinstance(v, (tuple, list)) else v for k, v in attrs.items()
                            if k != EDGE_TYPE_ATTR}}
            for start, end, _, attrs in sorted(relationships, key=itemgetter(2))
        ],
    }


def from_json_dict(data: dict[str, Any]) -> nx.MultiDiGraph:
    """Rebuild the graph from :func:`to_json_dict`'s shape (inverse function)."""
    nodes = [Node(n["id"], tuple(n["labels"]), dict(n.get("properties", {}))) for n in data["nodes"]]
    rels = [
        Relationship(r["type"], r["start"], r["end"], dict(r.get("properties", {})))
        for r in data["relationships"]
    ]
    return build_graph(nodes, rels, data.get("dataset"))
