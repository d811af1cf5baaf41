"""Load the property graph into Neo4j: constraints, then one all-or-nothing transaction.

The load runs in this order:

1. :func:`~essgraph.neo4jstore.rows.check_graph` checks the graph (pure, no database).
2. Uniqueness constraints on every node key (and on every relationship type's
   ``key``) are created ``IF NOT EXISTS`` before any data.
3. One managed write transaction (``session.execute_write``) runs, in order,
   the optional ``--replace`` deletion and every ``UNWIND $rows … MERGE`` batch of
   nodes, then of relationships. The driver retries it as a whole on transient
   errors; the function only MERGEs, so a retry converges. If the server dies or
   the connection drops before the commit, nothing was written.

Loading twice gives the same nodes, relationships and properties: nodes MERGE on
``id``, relationships on their :func:`~essgraph.graphmodel.rel_key`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable

import networkx as nx
from neo4j import Driver, ManagedTransaction
from neo4j import exceptions as nx4j

from ..errors import Neo4jConnectionError, Neo4jLoadError
from ..graphmodel import LABELS, NODE_SPECS, REL_TYPES
from ..i18n import DEFAULT_LANG
from . import statements as S
from .cypher import fill
from .messages import MESSAGES, SUMMARY
from .rows import DEFAULT_BATCH_SIZE, NodeBatch, RelBatch, check_graph, node_batches, rel_batches

__all__ = ["LoadSummary", "ensure_constraints", "load", "FaultHook", "ProgressHook"]

#: ``fault_hook(stage, k)`` is called with ``("batch", k)`` before batch ``k`` (1-based) inside the
#: transaction and with ``("committed", total)`` right after the commit. Tests use it to inject
#: failures (it may raise); it is ``None`` in normal use.
FaultHook = Callable[[str, int], None]
#: ``progress(done, total)`` after each batch; ``done`` restarts at 0 when the transaction is retried.
ProgressHook = Callable[[int, int], None]

_OUTCOMES = ("created", "updated", "unchanged")


@dataclass
class LoadSummary:
    """What a load did: per outcome counts of nodes and relationships."""

    nodes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    relationships: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_OUTCOMES, 0))
    deleted_nodes: int = 0
    batches: int = 0
    attempts: int = 0

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        """The closing summary line, in ``lang``."""
        deleted = SUMMARY.t("deleted", lang, n=self.deleted_nodes) if self.deleted_nodes else ""
        n, r = self.nodes, self.relationships
        return SUMMARY.t("summary", lang, nc=n["created"], nu=n["updated"], nn=n["unchanged"], rc=r["created"],
                         ru=r["updated"], rn=r["unchanged"], batches=self.batches, attempts=self.attempts,
                         deleted=deleted)

    def as_dict(self) -> dict[str, Any]:
        """Plain-data form (for ``--json``)."""
        return {"nodes": dict(self.nodes), "relationships": dict(self.relationships),
                "deleted_nodes": self.deleted_nodes, "batches": self.batches, "attempts": self.attempts}


def ensure_constraints(driver: Driver, *, database: str | None = None) -> list[str]:
    """Create the uniqueness constraints (idempotent); return the statements run."""
    run = [fill(S.NODE_KEY_CONSTRAINT, label=label) for label in sorted(NODE_SPECS)]
    run += [fill(S.REL_KEY_INDEX, type=rel_type) for rel_type in sorted(REL_TYPES)]
    for statement in run:
        driver.execute_query(statement, database_=database)
    return run


def _node_statement(batch: NodeBatch) -> str:
    primary = next(l for l in batch.labels if l in NODE_SPECS)
    parts = [fill(S.MERGE_NODES, label=primary)]
    parts += [fill(S.SET_LABEL, label=l) for l in batch.labels if l != primary]
    parts += [fill(S.REMOVE_LABEL, label=l) for l in sorted(LABELS - set(NODE_SPECS) - set(batch.labels))]
    parts.append(S.RETURN_OUTCOMES)
    return "\n".join(parts)


def _rel_statement(batch: RelBatch) -> str:
    return fill(S.MERGE_RELS, type=batch.rel_type, start=batch.start_label, end=batch.end_label)


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
) -> LoadSummary:
    """Load ``G`` into Neo4j, all or nothing, and return what was created/updated/unchanged.

    Parameters
    ----------
    driver : the one driver, created by the caller.
    G : the graph (as :func:`essgraph.graphmodel.build_graph` makes it).
    database : the database name (``None``: the server's default).
    batch_size : rows per ``UNWIND`` batch.
    replace : first delete every node carrying one of the project's labels (nothing else).
    progress : called after each batch with ``(done, total)``.
    fault_hook : failure injection for tests (see :data:`FaultHook`).

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
    batches: list[NodeBatch | RelBatch] = [*node_batches(G, batch_size), *rel_batches(G, batch_size)]
    statements = [_node_statement(b) if isinstance(b, NodeBatch) else _rel_statement(b) for b in batches]
    expected_nodes, expected_rels = G.number_of_nodes(), G.number_of_edges()
    state = {"batch": 0, "attempts": 0}
    total = len(batches)

    def unit(tx: ManagedTransaction) -> LoadSummary:
        state["attempts"] += 1
        summary = LoadSummary(batches=total, attempts=state["attempts"])
        if replace:
            record = tx.run(S.DELETE_PROJECT_NODES, labels=sorted(LABELS)).single()
            summary.deleted_nodes = record["deleted"] if record else 0
        if progress:
            progress(0, total)
        for k, (batch, statement) in enumerate(zip(batches, statements), start=1):
            state["batch"] = k
            if fault_hook:
                fault_hook("batch", k)
            if isinstance(batch, NodeBatch):
                result = tx.run(statement, rows=batch.rows, labels=list(batch.labels), whitelist=sorted(LABELS))
                target = summary.nodes
            else:
                result = tx.run(statement, rows=batch.rows)
                target = summary.relationships
            counts = Counter({r["outcome"]: r["n"] for r in result})
            for outcome in _OUTCOMES:
                target[outcome] += counts[outcome]
            if progress:
                progress(k, total)
        for what, expected, written in (("nodes", expected_nodes, summary.nodes),
                                        ("relationships", expected_rels, summary.relationships)):
            if sum(written.values()) != expected:
                raise Neo4jLoadError(MESSAGES.t("count-mismatch", lang, expected=expected, what=what,
                                                written=sum(written.values())))
        return summary

    try:
        ensure_constraints(driver, database=database)
    except nx4j.AuthError:
        raise Neo4jConnectionError(MESSAGES.t("auth", lang, uri="Neo4j", user="?")) from None
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError):
        raise Neo4jConnectionError(MESSAGES.t("unavailable", lang, uri="NEO4J_URI")) from None
    try:
        with driver.session(database=database) as session:
            summary = session.execute_write(unit)
        if fault_hook:
            fault_hook("committed", total)
    except nx4j.IncompleteCommit as exc:
        raise Neo4jLoadError(MESSAGES.t("incomplete-unknown", lang, error=_short(exc))) from None
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError) as exc:
        raise Neo4jLoadError(MESSAGES.t("incomplete-lost", lang, batch=state["batch"], total=total,
                                        error=_short(exc))) from None
    except nx4j.Neo4jError as exc:
        raise Neo4jLoadError(MESSAGES.t("incomplete-error", lang, batch=state["batch"], total=total,
                                        error=_short(exc))) from None
    return summary


def _short(exc: BaseException) -> str:
    text = f"{type(exc).__name__}: {exc}".splitlines()[0]
    return text[:200]
