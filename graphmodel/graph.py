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
from typing import Any, Iterable, Iterator

import networkx as nx

__all__ = [
    "Node",
    "Relationship",
    "rel_key",
    "build_graph",
    "iter_nodes",
    "iter_relationships",
    "to_json_dict",
    "from_json_dict",
    "has_label",
]

#: Attribute names reserved by the NetworkX form (never properties).
NODE_LABELS_ATTR = "labels"
EDGE_TYPE_ATTR = "type"


@dataclass
class Node:
    """A node: its id, its labels and its properties (no empty values)."""

    id: str
    labels: tuple[str, ...]
    properties: dict[str, Any] = field(default_factory=dict)


@dataclass
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
    return {k: v for k, v in properties.items() if v is not None and v != "" and v != [] and v != ()}


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
    G = nx.MultiDiGraph()
    G.graph["dataset"] = dict(metadata or {})
    for node in sorted(nodes, key=lambda n: n.id):
        G.add_node(node.id, **{NODE_LABELS_ATTR: tuple(node.labels)}, **_clean(node.properties))
    for rel in sorted(relationships, key=lambda r: r.key):
        G.add_edge(rel.start, rel.end, key=rel.key, **{EDGE_TYPE_ATTR: rel.type}, **_clean(rel.properties))
    return G


def has_label(G: nx.MultiDiGraph, node_id: str, label: str) -> bool:
    """Whether node ``node_id`` of ``G`` carries ``label``.

    >>> G = build_graph([Node("a", ("Organization", "Network"))], [])
    >>> has_label(G, "a", "Network"), has_label(G, "a", "Person")
    (True, False)
    """
    return label in G.nodes[node_id].get(NODE_LABELS_ATTR, ())


def iter_nodes(G: nx.MultiDiGraph) -> Iterator[Node]:
    """The graph's nodes as :class:`Node` objects, sorted by id."""
    for node_id in sorted(G.nodes):
        attrs = dict(G.nodes[node_id])
        labels = tuple(attrs.pop(NODE_LABELS_ATTR, ()))
        yield Node(node_id, labels, attrs)


def iter_relationships(G: nx.MultiDiGraph) -> Iterator[Relationship]:
    """The graph's relationships as :class:`Relationship` objects, sorted by key."""
    rows = []
    for start, end, key, attrs in G.edges(keys=True, data=True):
        props = dict(attrs)
        rel_type = props.pop(EDGE_TYPE_ATTR)
        rows.append((key, Relationship(rel_type, start, end, props)))
    for _, rel in sorted(rows, key=lambda kv: kv[0]):
        yield rel


def _jsonable(value: Any) -> Any:
    return list(value) if isinstance(value, (tuple, list)) else value


def to_json_dict(G: nx.MultiDiGraph) -> dict[str, Any]:
    """The export JSON shape: ``{"nodes": [...], "relationships": [...]}`` (sorted).

    >>> G = build_graph([Node("a", ("Region",), {"name": "Lima"})], [])
    >>> to_json_dict(G)["nodes"]
    [{'id': 'a', 'labels': ['Region'], 'properties': {'name': 'Lima'}}]
    """
    return {
        "dataset": dict(G.graph.get("dataset", {})),
        "nodes": [
            {"id": n.id, "labels": list(n.labels),
             "properties": {k: _jsonable(v) for k, v in sorted(n.properties.items())}}
            for n in iter_nodes(G)
        ],
        "relationships": [
            {"type": r.type, "start": r.start, "end": r.end,
             "properties": {k: _jsonable(v) for k, v in sorted(r.properties.items())}}
            for r in iter_relationships(G)
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
