"""The Cypher statements of the loader and the reader, as documented constants.

Templates with ``«label»``/``«type»`` slots are filled only by
:func:`essgraph.neo4jstore.cypher.fill` with whitelisted names; every value is
a ``$parameter``.
"""
from __future__ import annotations

__all__ = [
    "SHOW_SCHEMA_NAMES", "NODE_KEY_NAME", "REL_KEY_INDEX_NAME", "REL_KEY_CONSTRAINT_NAME", "STAGING_INDEX_NAME",
    "NODE_KEY_CONSTRAINT", "REL_KEY_INDEX", "DROP_REL_KEY_CONSTRAINT", "STAGING_LABEL", "STAGING_INDEX",
    "RETIRE_PROJECT_NODES", "REMOVE_MODEL_LABEL", "RETURN_RETIRED", "DELETE_RETIRED",
    "DELETE_PROJECT_NODES", "HAS_PROJECT_DATA", "MERGE_NODES", "SET_LABEL", "REMOVE_LABEL", "RETURN_OUTCOMES",
    "MERGE_RELS", "CREATE_NODES", "CREATE_RELS", "DELETE_STAGING", "STAGE_NODES", "STAGE_RELS", "PUBLISH_NODES",
    "RETURN_CREATED", "RETURN_COUNT", "COUNT_STAGING", "PULL_NODES", "PULL_RELS", "COUNT_PROJECT",
    "HAS_LABEL", "COUNT_ANALYSIS", "DELETE_PROPOSED_TIES", "CLEAR_MESA_SEATS", "CLEAR_ANALYSED_NODES", "DELETE_ANALYSIS",
    "SET_NODE_ANALYSIS", "SET_MESA_SEATS", "CREATE_PROPOSED_TIES", "CREATE_ANALYSIS",
]

#: The internal label of staged nodes (big loads, see :mod:`essgraph.neo4jstore.writer`). It is not a
#: model label: readers (pull, the named queries) never match it, and the loader writes it only as
#: this constant, never from data.
STAGING_LABEL = "EssgraphStaging"

#: Names of every index and constraint (a constraint's backing index has the constraint's name). Columns: name.
SHOW_SCHEMA_NAMES = "SHOW INDEXES YIELD name RETURN name"
#: The names the loader gives (slots: label / type), to skip what exists.
NODE_KEY_NAME = "essgraph_«label»_id"
REL_KEY_INDEX_NAME = "essgraph_«type»_key_index"
REL_KEY_CONSTRAINT_NAME = "essgraph_«type»_key"
STAGING_INDEX_NAME = "essgraph_staging_id"

#: Uniqueness of a node label's key; slots: name (a constraint name built from the label), label.
#: The constraint also creates the index MERGE uses.
NODE_KEY_CONSTRAINT = (
    "CREATE CONSTRAINT essgraph_«label»_id IF NOT EXISTS FOR (n:«label») REQUIRE n.id IS UNIQUE"
)

#: Index on a relationship type's key property (``rel_key``); slot: type. A plain range index, not a
#: uniqueness constraint: during a staged ``--replace`` the staged copy of a relationship and the live
#: one carry the same key until the swap deletes the live one. The key embeds type and both ends, and
#: the loader MERGEs on it, so the loader never writes two relationships with one key.
REL_KEY_INDEX = "CREATE INDEX essgraph_«type»_key_index IF NOT EXISTS FOR ()-[r:«type»]-() ON (r.key)"

#: The uniqueness constraint earlier versions created on the key (dropped: see REL_KEY_INDEX); slot: type.
DROP_REL_KEY_CONSTRAINT = "DROP CONSTRAINT essgraph_«type»_key IF EXISTS"

#: Index on the id of staged nodes (the staged relationships find their ends through it).
STAGING_INDEX = "CREATE INDEX essgraph_staging_id IF NOT EXISTS FOR (n:EssgraphStaging) ON (n.id)"

#: --replace, inside the load's (or the swap's) transaction: every node carrying a model label loses
#: its model labels and gets the internal label EssgraphRetired. Label changes only, so the
#: transaction stays small whatever the size of the old data; readers no longer see the nodes, and
#: they are deleted in chunks right after the commit (RETIRED_DELETE). Parameters: $labels.
#: Followed by one REMOVE_MODEL_LABEL line per model label, then RETURN_RETIRED.
RETIRE_PROJECT_NODES = """MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels)
SET n:EssgraphRetired"""
#: Added to RETIRE_PROJECT_NODES (slot: label).
REMOVE_MODEL_LABEL = "REMOVE n:«label»"
#: Closes RETIRE_PROJECT_NODES. Columns: deleted.
RETURN_RETIRED = "RETURN count(*) AS deleted"

#: After a --replace commit (and before every load: leftovers of one interrupted after its commit):
#: delete the retired nodes and their relationships, in chunks (auto-commit).
DELETE_RETIRED = (
    "MATCH (n:EssgraphRetired) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS"
)

#: Remove every node carrying one of the project's labels in one go (kept for tools; the loader retires
#: instead). Parameters: $labels.
DELETE_PROJECT_NODES = (
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
    "DETACH DELETE n RETURN count(*) AS deleted"
)

#: Whether the database holds any node with a model label. Parameters: $labels. Columns: found.
HAS_PROJECT_DATA = (
    "OPTIONAL MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
    "WITH n LIMIT 1 RETURN n IS NOT NULL AS found"
)

#: Merge a batch of nodes of one label set; rows whose node is unchanged write nothing (no locks,
#: no transaction state), so reloading the same data stays small. A node is unchanged when its
#: properties, leaving out those of a written analysis ($reserved), equal the row's. Slot: label (the
#: node-spec label). Parameters: $rows (list of {id, props}), $labels (the full label list of the
#: group), $whitelist (all model labels), $reserved (analysis property names). Columns: outcome, n.
MERGE_NODES = """UNWIND $rows AS row
OPTIONAL MATCH (old:«label» {id: row.id})
WITH row, CASE
  WHEN old IS NULL THEN 'created'
  WHEN size([k IN keys(old) WHERE NOT k IN $reserved]) = size(keys(row.props))
       AND all(k IN keys(row.props) WHERE old[k] = row.props[k])
       AND size([l IN labels(old) WHERE l IN $whitelist]) = size($labels)
       AND all(l IN $labels WHERE l IN labels(old)) THEN 'unchanged'
  ELSE 'updated' END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'unchanged' THEN [] ELSE [1] END |
  MERGE (n:«label» {id: row.id})
  SET n = row.props"""

#: Added to MERGE_NODES inside its FOREACH: one more label (slot: label).
SET_LABEL = "  SET n:«label»"
#: Added to MERGE_NODES inside its FOREACH: a model label the group does not carry (slot: label).
REMOVE_LABEL = "  REMOVE n:«label»"
#: Closes MERGE_NODES (ends its FOREACH: unchanged rows write nothing).
RETURN_OUTCOMES = ")\nRETURN outcome, count(*) AS n"

#: First load (no project data in the database yet): plain CREATE of a batch of nodes of one label set.
#: Slot: label (the node-spec label); SET_LABEL lines (without FOREACH) may follow. Parameters: $rows.
#: The node-key constraint still refuses a duplicate id. Columns: outcome, n.
CREATE_NODES = """UNWIND $rows AS row
CREATE (n:«label»)
SET n = row.props"""

#: First load: CREATE a batch of relationships. Slots: type, start, end. Parameters: $rows. Columns: outcome, n.
CREATE_RELS = """UNWIND $rows AS row
MATCH (a:«start» {id: row.start})
MATCH (b:«end» {id: row.end})
CREATE (a)-[r:«type»]->(b)
SET r = row.props
RETURN 'created' AS outcome, count(*) AS n"""

#: Staged load, step 0: remove what an earlier, interrupted staged load left (auto-commit, in chunks).
DELETE_STAGING = (
    "MATCH (n:EssgraphStaging) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
)

#: Staged load, step 1 (one transaction per batch): a batch of nodes as staged nodes, which carry
#: only the staging label (no model label: invisible to readers). Parameters: $rows. Columns: n.
STAGE_NODES = """UNWIND $rows AS row
CREATE (n:EssgraphStaging)
SET n = row.props
RETURN count(*) AS n"""

#: Staged load, step 2 (one transaction per batch): a batch of relationships of their real type
#: between staged nodes. Slot: type. Parameters: $rows. Columns: n (rows whose two ends were found).
STAGE_RELS = """UNWIND $rows AS row
MATCH (a:EssgraphStaging {id: row.start})
MATCH (b:EssgraphStaging {id: row.end})
CREATE (a)-[r:«type»]->(b)
SET r = row.props
RETURN count(*) AS n"""

#: Staged load, step 3 (the swap, one transaction with the --replace deletion): give the staged
#: nodes of one label group their model labels. Slot: label (repeated through SET_LABEL lines
#: without indentation). Parameters: $ids. Columns: n.
PUBLISH_NODES = """UNWIND $ids AS id
MATCH (n:EssgraphStaging {id: id})
REMOVE n:EssgraphStaging
SET n:«label»"""

#: Closes CREATE_NODES. Columns: outcome, n.
RETURN_CREATED = "RETURN 'created' AS outcome, count(*) AS n"
#: Closes PUBLISH_NODES. Columns: n.
RETURN_COUNT = "RETURN count(*) AS n"

#: Staged nodes left (0 after a complete swap). Columns: n.
COUNT_STAGING = "MATCH (n:EssgraphStaging) RETURN count(n) AS n"

#: Merge a batch of relationships of one type (unchanged rows write nothing). Slots: type, start, end.
#: Parameters: $rows (list of {start, end, key, props}). Columns: outcome, n.
MERGE_RELS = """UNWIND $rows AS row
MATCH (a:«start» {id: row.start})
MATCH (b:«end» {id: row.end})
OPTIONAL MATCH (a)-[old:«type» {key: row.key}]->(b)
WITH a, b, row, CASE
  WHEN old IS NULL THEN 'created'
  WHEN properties(old) = row.props THEN 'unchanged'
  ELSE 'updated' END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'unchanged' THEN [] ELSE [1] END |
  MERGE (a)-[r:«type» {key: row.key}]->(b)
  SET r = row.props)
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

# --- An analysis written back (essgraph.neo4jstore.analysis_writer). Slots are filled with the names
# of graphmodel.schema.ANALYSIS_NAMES; property names travel only as keys of $parameters.

#: Whether the database knows a label (a MATCH on a label it never saw draws a warning). Parameters: $label.
#: Columns: n.
HAS_LABEL = "CALL db.labels() YIELD label WHERE label = $label RETURN count(*) AS n"

#: Whether an analysis is written (its run node exists). Slot: label (ANALYSIS_LABEL). Columns: n.
COUNT_ANALYSIS = "MATCH (a:«label») RETURN count(a) AS n"

#: Delete every proposed tie. Slot: type (PROPOSED_TIE). Columns: n.
DELETE_PROPOSED_TIES = "MATCH ()-[r:«type»]->() DELETE r RETURN count(r) AS n"

#: Take the Mesa seat label and its properties off every seat. Slot: label (MESA_SEAT_LABEL).
#: Parameters: $clear (every seat property name → null). Columns: n.
CLEAR_MESA_SEATS = """MATCH (n:«label»)
REMOVE n:«label»
SET n += $clear
RETURN count(n) AS n"""

#: Remove the analysis properties from every node of an actor label that carries one.
#: Parameters: $labels (actor labels), $names (analysis property names), $clear (each name → null). Columns: n.
CLEAR_ANALYSED_NODES = """MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) AND any(k IN keys(n) WHERE k IN $names)
SET n += $clear
RETURN count(n) AS n"""

#: Delete the run's node. Slot: label (ANALYSIS_LABEL). Columns: n.
DELETE_ANALYSIS = "MATCH (a:«label») DETACH DELETE a RETURN count(a) AS n"

#: Write a batch of measures onto the nodes of one actor label (the MERGE key's index finds them).
#: Slot: label. Parameters: $rows (list of {id, props}). Columns: id, node (the node's element id).
SET_NODE_ANALYSIS = """UNWIND $rows AS row
MATCH (n:«label» {id: row.id})
SET n += row.props
RETURN row.id AS id, elementId(n) AS node"""

#: Mark a batch of Mesa seats. Slot: label (MESA_SEAT_LABEL). Parameters: $rows (list of {node, props},
#: node an element id returned by SET_NODE_ANALYSIS in the same transaction). Columns: n.
SET_MESA_SEATS = """UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.node
SET n:«label»
SET n += row.props
RETURN count(n) AS n"""

#: Create a batch of proposed ties. Slot: type (PROPOSED_TIE). Parameters: $rows (list of
#: {start, end, props}, start and end element ids as in SET_MESA_SEATS). Columns: n.
CREATE_PROPOSED_TIES = """UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.start
MATCH (b) WHERE elementId(b) = row.end
CREATE (a)-[r:«type»]->(b)
SET r = row.props
RETURN count(r) AS n"""

#: Create the run's node. Slot: label (ANALYSIS_LABEL). Parameters: $props. Columns: n.
CREATE_ANALYSIS = """CREATE (a:«label»)
SET a = $props
RETURN count(a) AS n"""
