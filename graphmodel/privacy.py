"""Personal data: what it is, and the public form of a graph without it.

People's names, phones and e-mails (and the directory phones of organizations)
are personal data. They stay in the data files and the snapshot, but every shared
output (exports, HTML, reports, analysis JSON) is made from :func:`public_graph`
unless the user asks for personal data. Person ids are slugs of names, so the
public form also replaces them with a stable pseudonym.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("person-ana-diaz", ("Person",), {"name": "Ana Díaz", "phone": "999 111 222"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "phone": "01 4234567"})],
...                 [Relationship("REPRESENTS", "person-ana-diaz", "joc", {"quote": "Ana Díaz"})])
>>> P = public_graph(G)
>>> sorted(P.nodes)
['joc', 'person-9fdb5557']
>>> dict(P.nodes["person-9fdb5557"])
{'labels': ('Person',)}
>>> "phone" in P.nodes["joc"]
False
"""
from __future__ import annotations

import hashlib

import networkx as nx

from .schema import NODE_SPECS, PERSONAL_PROPERTIES

__all__ = ["pseudonym", "public_graph", "is_personal_node"]

#: Relationship properties that may quote a person's name (the evidence of REPRESENTS).
_PERSONAL_REL_PROPERTIES = ("quote", "note")


def pseudonym(person_id: str) -> str:
    """A stable, non-reversible public id for a person.

    >>> pseudonym("person-ana-diaz")
    'person-9fdb5557'
    """
    return "person-" + hashlib.sha256(person_id.encode("utf-8")).hexdigest()[:8]


def is_personal_node(G: nx.MultiDiGraph, node_id: str) -> bool:
    """Whether the node is a person (personal data as a whole)."""
    return any(NODE_SPECS[label].personal for label in G.nodes[node_id].get("labels", ()) if label in NODE_SPECS)


def public_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``G`` without personal data.

    Person nodes keep only their labels and get a pseudonymous id; personal
    properties of other nodes are dropped; relationships from a person keep
    their type, section, year and evidence but not the quote that names them.
    """
    mapping = {n: pseudonym(n) for n in G.nodes if is_personal_node(G, n)}
    P = nx.MultiDiGraph()
    P.graph.update(G.graph)
    for node_id in sorted(G.nodes):
        attrs = G.nodes[node_id]
        labels = tuple(attrs.get("labels", ()))
        if node_id in mapping:
            P.add_node(mapping[node_id], labels=labels)
            continue
        keep = {k: v for k, v in attrs.items()
                if not any((label, k) in PERSONAL_PROPERTIES for label in labels)}
        P.add_node(node_id, **keep)
    for start, end, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        props = dict(attrs)
        if start in mapping or end in mapping:
            for name in _PERSONAL_REL_PROPERTIES:
                props.pop(name, None)
            key = key.replace(start, mapping.get(start, start), 1)
        P.add_edge(mapping.get(start, start), mapping.get(end, end), key=key, **props)
    return P
