"""Read the property graph back from Neo4j as the NetworkX multigraph.

The result is what :func:`essgraph.graphmodel.build_graph` makes from the same
data: node ids, labels (in the model's order), properties, relationship keys
(the stored ``key`` property, or :func:`~essgraph.graphmodel.rel_key` for a
relationship someone drew in Neo4j Browser), types and properties. Nodes
without a model label and relationships of other types are left out, so are
labels outside the model and the properties of an analysis written back
(:data:`~essgraph.graphmodel.schema.ANALYSIS_PROPERTY_NAMES`, the ``MesaSeat``
label, ``PROPOSED_TIE`` relationships): what is pulled is the data, never a result.
"""
from __future__ import annotations

from typing import Any

import networkx as nx
from neo4j import READ_ACCESS, Driver, ManagedTransaction
from neo4j import exceptions as nx4j
from neo4j.spatial import Point

from essgraph.errors import Neo4jConnectionError
from essgraph.graphmodel import LABELS, REL_TYPES, Node, Relationship, build_graph, rel_key
from essgraph.graphmodel.schema import ANALYSIS_PROPERTY_NAMES

from essgraph.i18n import DEFAULT_LANG
from essgraph.neo4jstore import statements as S
from essgraph.neo4jstore.messages import MESSAGES
from essgraph.neo4jstore.rows import REL_KEY_PROPERTY, canonical_labels

__all__ = ["pull", "graph_from_records", "plain_value"]


def graph_from_records(
    nodes: list[dict[str, Any]], rels: list[dict[str, Any]], metadata: dict[str, Any] | None = None
) -> nx.MultiDiGraph:
    """Build the multigraph from plain node and relationship records (pure).

    >>> G = graph_from_records([{"labels": ["Network", "Organization"], "props": {"id": "g", "name": "G"}}],
    ...                        [{"type": "PART_OF", "start": "g", "end": "g", "props": {"quote": "q"}}])
    >>> G.nodes["g"]["labels"], list(G.edges(keys=True))
    (('Organization', 'Network'), [('g', 'g', 'PART_OF:g:g:22ea1c64')])
    """
    model_nodes = []
    for record in nodes:
        props = {k: plain_value(v) for k, v in record["props"].items() if k not in ANALYSIS_PROPERTY_NAMES}
        node_id = props.pop("id")
        model_nodes.append(Node(node_id, canonical_labels(record["labels"]), props))
    model_rels = []
    for record in rels:
        props = {k: plain_value(v) for k, v in record["props"].items()}
        key = props.pop(REL_KEY_PROPERTY, None)
        rel = Relationship(record["type"], record["start"], record["end"], props)
        model_rels.append((key or rel_key(rel.type, rel.start, rel.end, str(props.get("quote", ""))), rel))
    G = build_graph(model_nodes, [], metadata)
    for key, rel in sorted(model_rels, key=lambda kr: kr[0]):
        G.add_edge(rel.start, rel.end, key=key, type=rel.type, **rel.properties)
    return G


def plain_value(value: Any) -> Any:
    """A property value as plain data: Neo4j dates, times and durations as ISO text, points as EWKT text.

    Someone may edit the graph in Neo4j Browser (``SET n.since = date()``); such
    values are not JSON, and the snapshot, exports and analyses expect plain data.

    >>> from neo4j.time import Date
    >>> from neo4j.spatial import WGS84Point
    >>> plain_value(Date(2018, 9, 1)), plain_value(WGS84Point((-71.97, -13.52))), plain_value([1, "a"])
    ('2018-09-01', 'SRID=4326;POINT(-71.97 -13.52)', [1, 'a'])
    """
    if isinstance(value, list):
        return [plain_value(v) for v in value]
    if isinstance(value, Point):
        return f"SRID={value.srid};POINT({' '.join(repr(float(c)) for c in value)})"
    iso = getattr(value, "iso_format", None)
    if callable(iso):
        return iso()
    return value


def pull(
    driver: Driver, *, database: str | None = None, metadata: dict[str, Any] | None = None,
    graph_attrs: dict[str, Any] | None = None, lang: str = DEFAULT_LANG,
) -> nx.MultiDiGraph:
    """The project's graph as it is now in Neo4j (including edits made there), in one read transaction.

    ``metadata`` becomes ``G.graph["dataset"]`` and ``graph_attrs`` other graph attributes
    (e.g. ``census``): Neo4j holds only nodes and relationships.
    """

    def unit(tx: ManagedTransaction) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        nodes = [r.data() for r in tx.run(S.PULL_NODES, labels=sorted(LABELS))]
        rels = [r.data() for r in tx.run(S.PULL_RELS, labels=sorted(LABELS), types=sorted(REL_TYPES))]
        return nodes, rels

    try:
        with driver.session(database=database, default_access_mode=READ_ACCESS) as session:
            nodes, rels = session.execute_read(unit)
    except nx4j.AuthError:
        raise Neo4jConnectionError(MESSAGES.t("pull-failed", lang, uri="Neo4j", error="AuthError")) from None
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError) as exc:
        raise Neo4jConnectionError(MESSAGES.t("pull-failed", lang, uri="Neo4j", error=type(exc).__name__)) from None
    G = graph_from_records(nodes, rels, metadata)
    G.graph.update(graph_attrs or {})
    return G
