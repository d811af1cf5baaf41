"""Pure functions that turn the NetworkX graph into ``UNWIND $rows`` batches.

Nothing here talks to a database. Nodes are grouped by their labels and
relationships by ``(type, start label, end label)`` so that each statement names
one whitelisted label or type; each group is cut into batches of ``batch_size``.

>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "kind": "union"})],
...                 [Relationship("MEMBER_OF", "joc", "gresp", {"quote": "q", "section": "3.1"})])
>>> [(b.labels, [r["id"] for r in b.rows]) for b in node_batches(G)]
[(('Organization',), ['joc']), (('Organization', 'Network'), ['gresp'])]
>>> b = rel_batches(G)[0]
>>> b.rel_type, b.start_label, b.end_label, b.rows[0]["key"]
('MEMBER_OF', 'Organization', 'Organization', 'MEMBER_OF:joc:gresp:22ea1c64')
>>> b.rows[0]["props"] == {"quote": "q", "section": "3.1", "key": "MEMBER_OF:joc:gresp:22ea1c64"}
True
"""
from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import networkx as nx

from essgraph.graphmodel import LABELS, NODE_SPECS, REL_TYPES

__all__ = ["NodeBatch", "RelBatch", "node_row", "rel_row", "node_batches", "rel_batches",
           "primary_label", "canonical_labels", "check_graph", "DEFAULT_BATCH_SIZE", "REL_KEY_PROPERTY"]

DEFAULT_BATCH_SIZE = 5000
#: Relationship property holding :func:`essgraph.graphmodel.rel_key` (the MERGE key).
REL_KEY_PROPERTY = "key"
_LABEL_ORDER = {label: i for i, label in enumerate([*NODE_SPECS, *sorted(LABELS - set(NODE_SPECS))])}


@dataclass(frozen=True)
class NodeBatch:
    """Rows of nodes that all carry exactly ``labels``."""

    labels: tuple[str, ...]
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class RelBatch:
    """Rows of ``rel_type`` relationships between ``start_label`` and ``end_label`` nodes."""

    rel_type: str
    start_label: str
    end_label: str
    rows: list[dict[str, Any]]


def primary_label(labels: tuple[str, ...] | list[str]) -> str:
    """The node-spec label among ``labels`` (the one whose key is unique).

    >>> primary_label(("Network", "Organization"))
    'Organization'
    """
    for label in labels:
        if label in NODE_SPECS:
            return label
    raise ValueError(f"no node label of the model among {list(labels)}")


def canonical_labels(labels: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Whitelisted ``labels`` in the model's order (node-spec label first).

    Neo4j returns labels in no fixed order; this gives back the tuple the
    embedded build makes. Labels outside the whitelist are dropped.

    >>> canonical_labels(["Network", "Organization", "Reviewed"])
    ('Organization', 'Network')
    """
    return tuple(sorted((l for l in set(labels) if l in _LABEL_ORDER), key=_LABEL_ORDER.__getitem__))


_SEQUENCES = (tuple, set, frozenset)


def _props(attrs: dict[str, Any], drop: str) -> dict[str, Any]:
    """``attrs`` without ``drop``, tuples and sets as lists (the hot loop of big loads: no per-value call)."""
    props = dict(attrs)
    props.pop(drop, None)
    for k, v in props.items():
        if isinstance(v, _SEQUENCES):
            props[k] = list(v)
    return props


def node_row(node_id: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The row of one node: ``{"id", "props"}`` (``props`` includes ``id``).

    >>> node_row("lima", {"labels": ("Region",), "name": "Lima", "aliases": ("Lima Metropolitana",)})
    {'id': 'lima', 'props': {'name': 'Lima', 'aliases': ['Lima Metropolitana'], 'id': 'lima'}}
    """
    props = _props(attrs, "labels")
    props["id"] = node_id
    return {"id": node_id, "props": props}


def rel_row(start: str, end: str, key: str, attrs: dict[str, Any]) -> dict[str, Any]:
    """The row of one relationship: ``{"start", "end", "key", "props"}``."""
    props = _props(attrs, "type")
    props[REL_KEY_PROPERTY] = key
    return {"start": start, "end": end, "key": key, "props": props}


def _chunks(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    if size < 1:
        raise ValueError("batch size must be at least 1")
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def node_batches(G: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[NodeBatch]:
    """All nodes of ``G`` as batches, grouped by label set, sorted by id."""
    groups: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for node_id in sorted(G.nodes):
        attrs = G.nodes[node_id]
        groups.setdefault(canonical_labels(attrs.get("labels", ())), []).append(node_row(node_id, attrs))
    return [NodeBatch(labels, chunk) for labels in sorted(groups, key=lambda ls: (len(ls), ls))
            for chunk in _chunks(groups[labels], batch_size)]


def rel_batches(G: nx.MultiDiGraph, batch_size: int = DEFAULT_BATCH_SIZE) -> list[RelBatch]:
    """All relationships of ``G`` as batches, grouped by type and endpoint labels, sorted by key."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    primary = {node_id: primary_label(labels) for node_id, labels in G.nodes(data="labels")}
    for start, end, key, attrs in sorted(G.edges(keys=True, data=True), key=itemgetter(2)):
        group = (attrs["type"], primary[start], primary[end])
        groups.setdefault(group, []).append(rel_row(start, end, key, attrs))
    return [RelBatch(*group, chunk) for group in sorted(groups) for chunk in _chunks(groups[group], batch_size)]


def check_graph(G: nx.MultiDiGraph) -> list[str]:
    """Problems that would make ``G`` unloadable (empty list if none). Pure; runs before any write.

    >>> from essgraph.graphmodel import Node, build_graph
    >>> check_graph(build_graph([Node("a", ("Organization", "Hacked"), {})], []))
    ["node 'a': label 'Hacked' is not in the graph model"]
    """
    problems = []
    for node_id, attrs in G.nodes(data=True):
        labels = tuple(attrs.get("labels", ()))
        bad = [l for l in labels if l not in LABELS]
        if bad:
            problems.append(f"node {node_id!r}: label {bad[0]!r} is not in the graph model")
        elif not any(l in NODE_SPECS for l in labels):
            problems.append(f"node {node_id!r}: no node label of the model")
        if not isinstance(node_id, str) or not node_id:
            problems.append(f"node {node_id!r}: id must be a non-empty string")
        if any(v is None or isinstance(v, dict) for v in attrs.values()):
            problems.append(f"node {node_id!r}: property values must be strings, numbers or lists")
        problems += [f"node {node_id!r}: {name} = {value} does not fit Neo4j's 64-bit integers"
                     for name, value in _too_large(attrs)]
    for start, end, key, attrs in G.edges(keys=True, data=True):
        if attrs.get("type") not in REL_TYPES:
            problems.append(f"relationship {key!r}: type {attrs.get('type')!r} is not in the graph model")
        problems += [f"relationship {key!r}: {name} = {value} does not fit Neo4j's 64-bit integers"
                     for name, value in _too_large(attrs)]
    return sorted(problems)


def _too_large(attrs: dict[str, Any]) -> list[tuple[str, int]]:
    """Integer properties outside Neo4j's range (the driver would store them as floats, losing digits)."""
    found = []
    for name, value in attrs.items():
        for v in value if isinstance(value, (list, tuple)) else (value,):
            if isinstance(v, int) and not isinstance(v, bool) and not -2**63 <= v < 2**63:
                found.append((name, v))
    return found
