"""The Cypher statements of the loader and the reader, as documented constants.

Templates with ``«label»``/``«type»`` slots are filled only by
:func:`essgraph.neo4jstore.cypher.fill` with whitelisted names; every value is
a ``$parameter``.
"""
from __future__ import annotations

__all__ = [
    "NODE_KEY_CONSTRAINT", "REL_KEY_INDEX", "DELETE_PROJECT_NODES", "MERGE_NODES", "SET_LABEL",
    "REMOVE_LABEL", "RETURN_OUTCOMES", "MERGE_RELS", "PULL_NODES", "PULL_RELS", "COUNT_PROJECT",
]

#: Uniqueness of a node label's key; slots: name (a constraint name built from the label), label.
#: The constraint also creates the index MERGE uses.
NODE_KEY_CONSTRAINT = (
    "CREATE CONSTRAINT essgraph_«label»_id IF NOT EXISTS FOR (n:«label») REQUIRE n.id IS UNIQUE"
)

#: Uniqueness of a relationship type's key property (``rel_key``); slot: type.
REL_KEY_INDEX = (
    "CREATE CONSTRAINT essgraph_«type»_key IF NOT EXISTS FOR ()-[r:«type»]-() REQUIRE r.key IS UNIQUE"
)

#: --replace: remove every node carrying one of the project's labels. Parameters: $labels.
DELETE_PROJECT_NODES = (
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
    "DETACH DELETE n RETURN count(*) AS deleted"
)

#: Merge a batch of nodes of one label set. Slot: label (the node-spec label).
#: Parameters: $rows (list of {id, props}), $labels (the full label list of the group),
#: $whitelist (all model labels). Columns: outcome, n.
MERGE_NODES = """UNWIND $rows AS row
OPTIONAL MATCH (old:«label» {id: row.id})
WITH row, CASE
  WHEN old IS NULL THEN 'created'
  WHEN properties(old) = row.props
       AND size([l IN labels(old) WHERE l IN $whitelist]) = size($labels)
       AND all(l IN $labels WHERE l IN labels(old)) THEN 'unchanged'
  ELSE 'updated' END AS outcome
MERGE (n:«label» {id: row.id})
SET n = row.props"""

#: Added to MERGE_NODES: one more label (slot: label).
SET_LABEL = "SET n:«label»"
#: Added to MERGE_NODES: a model label the group does not carry (slot: label).
REMOVE_LABEL = "REMOVE n:«label»"
#: Closes MERGE_NODES and MERGE_RELS.
RETURN_OUTCOMES = "RETURN outcome, count(*) AS n"

#: Merge a batch of relationships of one type. Slots: type, start, end (labels).
#: Parameters: $rows (list of {start, end, key, props}). Columns: outcome, n.
MERGE_RELS = """UNWIND $rows AS row
MATCH (a:«start» {id: row.start})
MATCH (b:«end» {id: row.end})
OPTIONAL MATCH (a)-[old:«type» {key: row.key}]->(b)
WITH a, b, row, CASE
  WHEN old IS NULL THEN 'created'
  WHEN properties(old) = row.props THEN 'unchanged'
  ELSE 'updated' END AS outcome
MERGE (a)-[r:«type» {key: row.key}]->(b)
SET r = row.props
RETURN outcome, count(*) AS n"""

#: Every node with a model label. Parameters: $labels. Columns: labels, props.
PULL_NODES = (
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND n.id IS NOT NULL "
    "RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id"
)

#: Every relationship of a model type between two pulled nodes.
#: Parameters: $labels, $types. Columns: type, start, end, props.
PULL_RELS = (
    "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
    "AND any(l IN labels(a) WHERE l IN $labels) AND a.id IS NOT NULL "
    "AND any(l IN labels(b) WHERE l IN $labels) AND b.id IS NOT NULL "
    "RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props"
)

#: Counts of the project's nodes and relationships. Parameters: $labels, $types. Columns: nodes, rels.
COUNT_PROJECT = (
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
    "WITH count(n) AS nodes "
    "OPTIONAL MATCH ()-[r]->() WHERE type(r) IN $types "
    "RETURN nodes, count(r) AS rels"
)
