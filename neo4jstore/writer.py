"""Load the property graph into Neo4j, all or nothing, in one of two ways.

Both ways first check the graph (:func:`~essgraph.neo4jstore.rows.check_graph`, pure, no
database) and create, ``IF NOT EXISTS``, a uniqueness constraint on every node key, a range
index on every relationship type's ``key`` and the index on staged nodes' ``id``.

**One transaction** (loads of at most ``staged_threshold`` rows, and every load that merges
into project data already in the database without ``--replace``): one managed write
transaction runs the optional ``--replace`` retirement (below) and every ``UNWIND $rows`` batch of
nodes, then of relationships. When the database holds no project data (checked inside the
transaction) the batches CREATE; otherwise they MERGE on ``id``/``key`` and rows whose node or
relationship is unchanged write nothing. The driver retries the transaction as a whole on
transient errors. If the server dies or the connection drops before the commit, nothing was
written. Its size is bounded by the server's transaction memory.

**Staged** (more than ``staged_threshold`` rows, when the database holds no project data or
with ``--replace``): (0) nodes labelled ``EssgraphStaging`` left by an interrupted load are
deleted; (1) every batch of nodes is written *in its own transaction* as staged nodes, which
carry only the ``EssgraphStaging`` label; (2) every batch of relationships is written in its own
transaction, with its real type, between staged nodes; (3) **the swap**: one transaction runs
the ``--replace`` retirement, gives every staged node its model labels (removing the staging
label), and checks that no staged node is left. Readers (``pull``, the named queries) match
model labels only, so until the swap commits they see the database as it was; a crash before
it leaves staged data only, which the next load deletes first. The swap touches labels only, so
its memory is a fraction of the load's. Run one load at a time: a second load deletes the first
one's staged data, and the first then fails its swap check, with nothing published.

``--replace`` *retires* the old project nodes inside the (swap) transaction: they lose their model
labels and get ``EssgraphRetired`` (label changes only, so the transaction stays small however big
the old data is), and right after the commit they are deleted with their relationships in chunks
(and before any load, if an earlier one stopped between its commit and that clean-up).

Loading twice gives the same nodes, relationships and properties: nodes MERGE on ``id``,
relationships on their :func:`~essgraph.graphmodel.rel_key`.

An analysis written into the database (:mod:`essgraph.neo4jstore.analysis_writer`) describes the data
it was computed on: a load that changes the project's data removes it in the same transaction (or
swap), and a load that changes nothing keeps it (its properties are left out of the change check).
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

import networkx as nx
from neo4j import Driver, ManagedTransaction, Session
from neo4j import exceptions as nx4j

from essgraph.errors import Neo4jConnectionError, Neo4jLoadError
from essgraph.graphmodel import LABELS, NODE_SPECS, REL_TYPES
from essgraph.graphmodel.schema import ANALYSIS_PROPERTY_NAMES
from essgraph.i18n import DEFAULT_LANG
from essgraph.neo4jstore import statements as S
from essgraph.neo4jstore.analysis_writer import clear_analysis
from essgraph.neo4jstore.cypher import fill
from essgraph.neo4jstore.messages import MESSAGES, SUMMARY, short_error
from essgraph.neo4jstore.rows import DEFAULT_BATCH_SIZE, NodeBatch, RelBatch, check_graph, node_batches, rel_batches

__all__ = ["LoadSummary", "ensure_constraints", "load", "FaultHook", "ProgressHook", "DEFAULT_STAGED_THRESHOLD"]

#: ``fault_hook(stage, k)`` is called with ``("batch", k)`` before batch ``k`` (1-based) inside its
#: transaction, with ``("swap", total)`` inside the swap transaction of a staged load before its
#: commit, and with ``("committed", total)`` right after the (last) commit. Tests use it to inject
#: failures (it may raise); it is ``None`` in normal use.
FaultHook = Callable[[str, int], None]
#: ``progress(done, total)`` in rows (nodes + relationships): ``(0, total)`` first, then after each batch;
#: ``done`` restarts at 0 when a one-transaction load is retried.
ProgressHook = Callable[[int, int], None]

#: Loads of more rows (nodes + relationships) than this are staged when they can be (see the module doc).
DEFAULT_STAGED_THRESHOLD = 20_000
_OUTCOMES = ("created", "updated", "unchanged")
_OUT_OF_MEMORY = "Neo.TransientError.General.MemoryPoolOutOfMemoryError"


class _OutOfMemory(Exception):
    """The server's transaction memory is exhausted: not retried (a retry would fail the same way)."""

    def __init__(self, error: nx4j.Neo4jError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass
class LoadSummary:
    """What a load did: per outcome counts of nodes and relationships."""

    nodes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    relationships: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    deleted_nodes: int = 0
    batches: int = 0
    attempts: int = 0
    staged: bool = False
    analysis_removed: bool = False  # a written analysis no longer described the data: removed (docs/neo4j.md)

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        """The closing summary line, in ``lang``."""
        deleted = SUMMARY.t("deleted", lang, n=self.deleted_nodes) if self.deleted_nodes else ""
        if self.analysis_removed:
            deleted += SUMMARY.t("analysis-removed", lang)
        n, r = self.nodes, self.relationships
        return SUMMARY.t("summary", lang, nc=n["created"], nu=n["updated"], nn=n["unchanged"], rc=r["created"],
                         ru=r["updated"], rn=r["unchanged"], batches=self.batches, attempts=self.attempts,
                         deleted=deleted)

    def as_dict(self) -> dict[str, Any]:
        """Plain-data form (for ``--json``)."""
        return {"nodes": dict(self.nodes), "relationships": dict(self.relationships),
                "deleted_nodes": self.deleted_nodes, "batches": self.batches, "attempts": self.attempts,
                "staged": self.staged, "analysis_removed": self.analysis_removed}


def ensure_constraints(driver: Driver, *, database: str | None = None) -> list[str]:
    """Create the node-key constraints and the key/staging indexes that are missing; return the statements run.

    One read (``SHOW INDEXES``, which lists constraints' indexes too) finds what exists, so a load into a
    prepared database runs no schema transaction.
    """
    records, _, _ = driver.execute_query(S.SHOW_SCHEMA_NAMES, database_=database)
    existing = {r["name"] for r in records}
    wanted = [(fill(S.NODE_KEY_NAME, label=label), fill(S.NODE_KEY_CONSTRAINT, label=label))
              for label in sorted(NODE_SPECS)]
    run = [fill(S.DROP_REL_KEY_CONSTRAINT, type=t) for t in sorted(REL_TYPES)
           if fill(S.REL_KEY_CONSTRAINT_NAME, type=t) in existing]
    wanted += [(fill(S.REL_KEY_INDEX_NAME, type=t), fill(S.REL_KEY_INDEX, type=t)) for t in sorted(REL_TYPES)]
    wanted.append((S.STAGING_INDEX_NAME, S.STAGING_INDEX))
    run += [statement for name, statement in wanted if name not in existing]
    for statement in run:
        driver.execute_query(statement, database_=database)
    return run


def _labels_lines(batch: NodeBatch, template: str) -> list[str]:
    return [fill(template, label=l) for l in batch.labels[1:]]


def _node_statement(batch: NodeBatch) -> str:
    """MERGE a batch (database already holding project data)."""
    primary = batch.labels[0]
    parts = [fill(S.MERGE_NODES, label=primary), *_labels_lines(batch, S.SET_LABEL)]
    parts += [fill(S.REMOVE_LABEL, label=l) for l in sorted(LABELS - set(NODE_SPECS) - set(batch.labels))]
    parts.append(S.RETURN_OUTCOMES)
    return "\n".join(parts)


def _create_node_statement(batch: NodeBatch) -> str:
    """CREATE a batch (first load: no project data in the database)."""
    return "\n".join([fill(S.CREATE_NODES, label=batch.labels[0]),
                      *(line.strip() for line in _labels_lines(batch, S.SET_LABEL)), S.RETURN_CREATED])


def _publish_statement(labels: tuple[str, ...]) -> str:
    """The swap's statement for one label group."""
    return "\n".join([fill(S.PUBLISH_NODES, label=labels[0]),
                      *(fill(S.SET_LABEL, label=l).strip() for l in labels[1:]), S.RETURN_COUNT])


def _rel_statement(batch: RelBatch) -> str:
    return fill(S.MERGE_RELS, type=batch.rel_type, start=batch.start_label, end=batch.end_label)


def _create_rel_statement(batch: RelBatch) -> str:
    return fill(S.CREATE_RELS, type=batch.rel_type, start=batch.start_label, end=batch.end_label)


def _run(tx: ManagedTransaction, statement: str, **params: Any) -> list[dict[str, Any]]:
    """Run one statement and return its records; a memory-pool error is turned into :class:`_OutOfMemory`."""
    try:
        return [record.data() for record in tx.run(statement, params)]
    except nx4j.TransientError as exc:
        if exc.code == _OUT_OF_MEMORY:
            raise _OutOfMemory(exc) from None
        raise


def _retire(tx: ManagedTransaction) -> int:
    """--replace: take the model labels off every project node (they get EssgraphRetired); return how many."""
    statement = "\n".join([S.RETIRE_PROJECT_NODES, *(fill(S.REMOVE_MODEL_LABEL, label=l) for l in sorted(LABELS)),
                           S.RETURN_RETIRED])
    return _run(tx, statement, labels=sorted(LABELS))[0]["deleted"]


def _delete_retired(driver: Driver, database: str | None) -> None:
    """Delete retired nodes in chunks. A failure here leaves them invisible; the next load deletes them."""
    try:
        with driver.session(database=database) as session:
            session.run(S.DELETE_RETIRED).consume()
    except (nx4j.Neo4jError, nx4j.DriverError, OSError):
        pass


def _has_project_data(tx: ManagedTransaction) -> bool:
    return bool(_run(tx, S.HAS_PROJECT_DATA, labels=sorted(LABELS))[0]["found"])


def load(
    driver: Driver,
    G: nx.MultiDiGraph,
    *,
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    replace: bool = False,
    progress: ProgressHook | None = None,
    fault_hook: FaultHook | None = None,
    lang: str = DEFAULT_LANG,
    staged_threshold: int = DEFAULT_STAGED_THRESHOLD,
) -> LoadSummary:
    """Load ``G`` into Neo4j, all or nothing, and return what was created/updated/unchanged.

    Parameters
    ----------
    driver : the one driver, created by the caller.
    G : the graph (as :func:`essgraph.graphmodel.build_graph` makes it).
    database : the database name (``None``: the server's default).
    batch_size : rows per ``UNWIND`` batch.
    replace : first delete every node carrying one of the project's labels (nothing else).
    progress : called with ``(rows done, rows in all)`` first and after each batch.
    fault_hook : failure injection for tests (see :data:`FaultHook`).
    staged_threshold : loads of more rows than this are staged when the database holds no
        project data or with ``replace`` (see the module doc); ``0`` stages every such load.

    Raises
    ------
    Neo4jLoadError
        The graph is not loadable (before any write), or the load did not complete
        (the message starts with "carga incompleta"/"incomplete load" and says whether
        the database is unchanged or in an unknown state).
    Neo4jConnectionError
        No server, or credentials refused, before anything was written.
    """
    problems = check_graph(G)
    if problems:
        raise Neo4jLoadError(MESSAGES.t("bad-graph", lang, problem="; ".join(problems[:5])))
    nbatches, rbatches = node_batches(G, batch_size), rel_batches(G, batch_size)
    total = len(nbatches) + len(rbatches)
    expected = {"nodes": G.number_of_nodes(), "relationships": G.number_of_edges()}
    state = {"batch": 0, "attempts": 0}
    try:
        ensure_constraints(driver, database=database)
        with driver.session(database=database) as session:
            session.run(S.DELETE_RETIRED).consume()  # left by a --replace interrupted after its commit
            session.run(S.DELETE_STAGING).consume()  # left by an interrupted staged load: every load cleans it
            staged = expected["nodes"] + expected["relationships"] > staged_threshold and (
                replace or not session.execute_read(_has_project_data))
    except nx4j.AuthError:
        raise Neo4jConnectionError(MESSAGES.t("auth", lang, uri="Neo4j", user="?")) from None
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError):
        raise Neo4jConnectionError(MESSAGES.t("unavailable", lang, uri="NEO4J_URI")) from None
    swap = {"started": False}
    try:
        with driver.session(database=database) as session:
            if staged:
                summary = _staged(session, nbatches, rbatches, expected, replace, progress, fault_hook, state,
                                  swap, lang)
            else:
                summary = session.execute_write(_one_transaction, nbatches, rbatches, expected, replace, progress,
                                                fault_hook, state, lang)
        if fault_hook:
            fault_hook("committed", total)
        if replace:
            _delete_retired(driver, database)
    except _OutOfMemory as exc:
        raise Neo4jLoadError(MESSAGES.t("out-of-memory", lang, batch=state["batch"], total=total,
                                        batch_size=batch_size, error=short_error(exc.error)),
                              options=("batch_size", "replace")) from None
    except nx4j.IncompleteCommit as exc:
        if staged and not swap["started"]:  # a staging batch: nothing was published
            raise Neo4jLoadError(MESSAGES.t("incomplete-staged", lang, batch=state["batch"], total=total,
                                            error=short_error(exc))) from None
        raise Neo4jLoadError(MESSAGES.t("incomplete-unknown", lang, error=short_error(exc))) from None
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError) as exc:
        key = "incomplete-staged" if staged and not swap["started"] else "incomplete-lost"
        raise Neo4jLoadError(MESSAGES.t(key, lang, batch=state["batch"], total=total,
                                        error=short_error(exc))) from None
    except nx4j.Neo4jError as exc:
        raise Neo4jLoadError(MESSAGES.t("incomplete-error", lang, batch=state["batch"], total=total,
                                        error=short_error(exc))) from None
    return summary


def _check_counts(summary: LoadSummary, expected: dict[str, int], lang: str) -> None:
    for what, written in (("nodes", summary.nodes), ("relationships", summary.relationships)):
        if sum(written.values()) != expected[what]:
            raise Neo4jLoadError(MESSAGES.t("count-mismatch", lang, expected=expected[what], what=what,
                                            written=sum(written.values())))


def _one_transaction(tx: ManagedTransaction, nbatches: list[NodeBatch], rbatches: list[RelBatch],
                     expected: dict[str, int], replace: bool, progress: ProgressHook | None,
                     fault_hook: FaultHook | None, state: dict[str, int], lang: str) -> LoadSummary:
    """The whole load as one transaction function (the driver may run it more than once)."""
    state["attempts"] += 1
    total = len(nbatches) + len(rbatches)
    summary = LoadSummary(batches=total, attempts=state["attempts"])
    if replace:
        summary.deleted_nodes = _retire(tx)
    first = not _has_project_data(tx)
    rows_total, rows_done = expected["nodes"] + expected["relationships"], 0
    if progress:
        progress(0, rows_total)
    whitelist, reserved = sorted(LABELS), sorted(ANALYSIS_PROPERTY_NAMES)
    batches: list[NodeBatch | RelBatch] = [*nbatches, *rbatches]
    for k, batch in enumerate(batches, start=1):
        state["batch"] = k
        if fault_hook:
            fault_hook("batch", k)
        if isinstance(batch, NodeBatch):
            if first:
                records = _run(tx, _create_node_statement(batch), rows=batch.rows)
            else:
                records = _run(tx, _node_statement(batch), rows=batch.rows, labels=list(batch.labels),
                               whitelist=whitelist, reserved=reserved)
            target = summary.nodes
        else:
            statement = _create_rel_statement(batch) if first else _rel_statement(batch)
            records = _run(tx, statement, rows=batch.rows)
            target = summary.relationships
        counts = Counter({r["outcome"]: r["n"] for r in records})
        for outcome in _OUTCOMES:
            target[outcome] += counts[outcome]
        rows_done += len(batch.rows)
        if progress:
            progress(rows_done, rows_total)
    _check_counts(summary, expected, lang)
    changed = summary.deleted_nodes + sum(n for part in (summary.nodes, summary.relationships)
                                          for outcome, n in part.items() if outcome != "unchanged")
    if changed:
        summary.analysis_removed = any(clear_analysis(tx, force=False).values())
    return summary


def _staged(session: Session, nbatches: list[NodeBatch], rbatches: list[RelBatch], expected: dict[str, int],
            replace: bool, progress: ProgressHook | None, fault_hook: FaultHook | None, state: dict[str, int],
            swap: dict[str, bool], lang: str) -> LoadSummary:
    """Stage every batch in its own transaction, then publish everything in one swap transaction."""
    total = len(nbatches) + len(rbatches)
    summary = LoadSummary(batches=total, staged=True)
    rows_total, rows_done = expected["nodes"] + expected["relationships"], 0
    if progress:
        progress(0, rows_total)

    def stage(tx: ManagedTransaction, k: int, statement: str, rows: list[dict[str, Any]]) -> int:
        state["attempts"] += 1
        if fault_hook:
            fault_hook("batch", k)
        written = _run(tx, statement, rows=rows)[0]["n"]
        if written != len(rows):  # a relationship end not staged: a concurrent load removed it
            raise Neo4jLoadError(MESSAGES.t("count-mismatch", lang, expected=len(rows), what="rows",
                                            written=written))
        return written

    groups: dict[tuple[str, ...], list[str]] = {}
    batches: list[NodeBatch | RelBatch] = [*nbatches, *rbatches]
    for k, batch in enumerate(batches, start=1):
        state["batch"] = k
        if isinstance(batch, NodeBatch):
            summary.nodes["created"] += session.execute_write(stage, k, S.STAGE_NODES, batch.rows)
            groups.setdefault(batch.labels, []).extend(row["id"] for row in batch.rows)
        else:
            statement = fill(S.STAGE_RELS, type=batch.rel_type)
            summary.relationships["created"] += session.execute_write(stage, k, statement, batch.rows)
        rows_done += len(batch.rows)
        if progress:
            progress(rows_done, rows_total)
    _check_counts(summary, expected, lang)

    def publish(tx: ManagedTransaction) -> int:
        state["attempts"] += 1
        deleted = _retire(tx) if replace else 0
        summary.analysis_removed = any(clear_analysis(tx, force=False).values())
        published = sum(_run(tx, _publish_statement(labels), ids=ids)[0]["n"] for labels, ids in sorted(groups.items()))
        left = _run(tx, S.COUNT_STAGING)[0]["n"]
        if published != expected["nodes"] or left:  # another load staged or removed nodes meanwhile
            raise Neo4jLoadError(MESSAGES.t("count-mismatch", lang, expected=expected["nodes"], what="nodes",
                                            written=published - left))
        if fault_hook:
            fault_hook("swap", total)
        return deleted

    swap["started"] = True
    summary.deleted_nodes = session.execute_write(publish)
    summary.attempts = state["attempts"] - total  # 1 + every retried transaction
    return summary
