"""GEXF 1.3 for Gephi: every relationship a typed edge, labels beside codes, the picture as ``viz``.

Gephi's default import merges parallel edges that carry no type, so a
relationship written by NetworkX's GEXF writer (GRESP ``FOUNDED`` and
``MEMBER_OF`` the MES) was lost. Here each relationship is an ``<edge>`` whose
``kind`` is its relationship type (Gephi's edge type) and whose ``label`` is the
type's name in the reader's language. Every edge is directed as the data holds
it, symmetric types too: Gephi 0.10's default import drops the undirected edges
of a directed graph, and NetworkX refuses a mixed one.

Nodes carry their properties as attributes (lists joined with ``|``) and, for
every property with a controlled vocabulary, a ``<name>_label`` column with the
term in the reader's language beside the code (``kind`` = ``network``,
``kind_label`` = ``Red``). With ``viz`` (position, colour and size per node,
as the interactive views draw them) Gephi opens the same picture instead of
black, size-10 nodes at random places.

The document is valid GEXF 1.3 (``tests/loaders/test_gexf_schema.py`` checks it
against the official schema); characters XML 1.0 cannot hold (control
characters pasted into a name) are dropped rather than making the file unreadable.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "network"}),
...                  Node("b", ("Organization",), {"name": "B"})],
...                 [Relationship("FOUNDED", "a", "b", {"quote": "q1"}),
...                  Relationship("MEMBER_OF", "a", "b", {"quote": "q2"})])
>>> xml = gexf_bytes(G).decode()
>>> xml.count('<edge '), 'kind="FOUNDED"' in xml, 'label="Miembro de"' in xml
(2, True, True)
>>> 'value="Red"' in gexf_bytes(G, lang="es").decode()
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping
from xml.etree import ElementTree as ET

import networkx as nx

from essgraph.graphmodel import NODE_SPECS, iter_nodes, iter_relationships, node_spec_for_labels
from essgraph.graphmodel.schema import PropertySpec
from essgraph.graphmodel.terms import (
    LABEL_SUFFIX, RELATIONSHIP_PROPERTIES, node_label_columns, relationship_label_columns,
)
from essgraph.loaders.text import LIST_SEPARATOR

__all__ = ["GEXF_NS", "VIZ_NS", "NodeViz", "gexf_bytes"]

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"

_GEXF_TYPES = {"int": "integer", "float": "double", "bool": "boolean"}
#: What XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF): a name
#: pasted with one would make the whole file unreadable, so it is dropped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(frozen=True)
class NodeViz:
    """How a node looks: position, colour ``#rrggbb`` and size, as the views draw it."""

    x: float
    y: float
    colour: str
    size: float


def gexf_bytes(G: nx.MultiDiGraph, *, lang: str = "es", viz: Mapping[str, NodeViz] | None = None) -> bytes:
    """The graph as a GEXF 1.3 document (UTF-8 bytes) that Gephi opens with its default import.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph in essgraph's NetworkX form (already without personal data where it must be).
    lang : {"es", "en"}
        Language of the edge labels and of the ``*_label`` columns.
    viz : mapping, optional
        :class:`NodeViz` per node id; nodes without one get no ``viz`` elements.
    """
    ET.register_namespace("", GEXF_NS)
    ET.register_namespace("viz", VIZ_NS)
    root = ET.Element(_q("gexf"), {"version": "1.3"})
    meta = ET.SubElement(root, _q("meta"))
    ET.SubElement(meta, _q("creator")).text = "essgraph"
    title = G.graph.get("dataset", {}).get("title")
    if title:
        ET.SubElement(meta, _q("description")).text = _xml(title)
    graph = ET.SubElement(root, _q("graph"), {"defaultedgetype": "directed", "mode": "static"})
    nodes = list(iter_nodes(G))
    rels = list(iter_relationships(G))
    node_rows = [{**n.properties, "labels": list(n.labels), **node_label_columns(n.labels, n.properties, lang)}
                 for n in nodes]
    node_columns = _used({"labels": "string", "labels_label": "string",
                          **_columns(spec for n in nodes for spec in _specs(n.labels))}, node_rows)
    _declare(graph, "node", node_columns)
    edge_rows = [{**r.properties, **relationship_label_columns(r.type, r.properties, lang)} for r in rels]
    edge_columns = _used(_columns(RELATIONSHIP_PROPERTIES), edge_rows)  # the type's name is the edge's label
    _declare(graph, "edge", edge_columns)
    node_list = ET.SubElement(graph, _q("nodes"))
    for node, row in zip(nodes, node_rows):
        element = ET.SubElement(node_list, _q("node"), {"id": _xml(node.id),
                                                         "label": _xml(node.properties.get("name", node.id))})
        _values(element, row, node_columns)
        if viz and node.id in viz:
            _viz(element, viz[node.id])
    edge_list = ET.SubElement(graph, _q("edges"))
    for index, (rel, row) in enumerate(zip(rels, edge_rows)):
        attrs = {"id": str(index), "source": _xml(rel.start), "target": _xml(rel.end), "kind": rel.type,
                 "label": _xml(row["type" + LABEL_SUFFIX])}
        _values(ET.SubElement(edge_list, _q("edge"), attrs), row, edge_columns)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _xml(value: Any) -> str:
    """``value`` as text XML 1.0 can hold (see :data:`_NOT_XML`).

    >>> _xml("Coop\\x0bSur\\x00")
    'CoopSur'
    """
    return _NOT_XML.sub("", str(value))


def _q(tag: str, ns: str = GEXF_NS) -> str:
    return f"{{{ns}}}{tag}"


def _specs(labels: Iterable[str]) -> tuple[PropertySpec, ...]:
    labels = tuple(labels)
    return node_spec_for_labels(labels).properties if any(l in NODE_SPECS for l in labels) else ()


def _columns(specs: Iterable[PropertySpec]) -> dict[str, str]:
    """``{column: gexf type}``; a column with a vocabulary gets a ``_label`` twin."""
    columns: dict[str, str] = {}
    for spec in specs:
        if spec.name in ("id", "name"):
            continue
        columns.setdefault(spec.name, "string" if spec.type == "list" else _GEXF_TYPES.get(spec.type, "string"))
        if spec.vocabulary:
            columns.setdefault(spec.name + LABEL_SUFFIX, "string")
    return columns


def _used(columns: dict[str, str], rows: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """The columns some row has a value for, sorted by name."""
    filled = {name for row in rows for name, value in row.items() if value not in (None, "", [])}
    return {name: columns[name] for name in sorted(columns) if name in filled}


def _declare(graph: ET.Element, cls: str, columns: Mapping[str, str]) -> None:
    block = ET.SubElement(graph, _q("attributes"), {"class": cls})
    for name, gexf_type in columns.items():
        ET.SubElement(block, _q("attribute"), {"id": name, "title": name, "type": gexf_type})


def _values(element: ET.Element, row: Mapping[str, Any], columns: Mapping[str, str]) -> None:
    values = ET.SubElement(element, _q("attvalues"))
    for name, gexf_type in columns.items():
        value = row.get(name)
        if value is not None and value != "" and value != []:
            ET.SubElement(values, _q("attvalue"), {"for": name, "value": _xml(_text(value, gexf_type))})
    if not len(values):
        element.remove(values)


def _text(value: Any, gexf_type: str) -> str:
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(str(v) for v in value)
    if gexf_type == "boolean":
        return "true" if value else "false"
    return str(value)


def _viz(element: ET.Element, look: NodeViz) -> None:
    colour = look.colour.lstrip("#")
    r, g, b = (int(colour[i:i + 2], 16) for i in (0, 2, 4))
    ET.SubElement(element, _q("color", VIZ_NS), {"r": str(r), "g": str(g), "b": str(b)})
    # GEXF's y axis points up, the browser's down: flip it so Gephi shows the views' picture.
    ET.SubElement(element, _q("position", VIZ_NS), {"x": f"{look.x:.2f}", "y": f"{-look.y:.2f}", "z": "0.0"})
    ET.SubElement(element, _q("size", VIZ_NS), {"value": f"{look.size:g}"})
