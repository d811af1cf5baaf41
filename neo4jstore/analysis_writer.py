"""Write an analysis into Neo4j, all or nothing, replacing the previous one.

The rows come from :func:`essgraph.analysis.writeback.writeback` (plain data: this package does not
import ``analysis``). One managed write transaction

1. removes the analysis written before, whatever it was: every ``PROPOSED_TIE`` relationship, the
   ``MesaSeat`` label and its properties, the measures on every organization and municipality, and
   the ``EssgraphAnalysis`` node;
2. writes the measures onto the project's nodes (``UNWIND $rows … SET n += row.props``, in
   batches, per actor label so the node-key index finds them), then checks that every analysed
   organization was found (otherwise nothing is written: the analysed graph is not the one in Neo4j);
3. labels the Mesa seats, creates the proposed ties (``proposal: true``) and the one
   ``EssgraphAnalysis`` node with the run's metadata.

If anything fails before the commit, the database keeps the previous analysis untouched. Writing the
same result twice gives the same nodes, properties and relationships (only the run's ``date`` moves).
Labels, the relationship type and property names come only from the graph model's write-back
whitelist (:data:`~essgraph.graphmodel.schema.ANALYSIS_NODE_PROPERTIES` and its siblings), checked
by :func:`check_analysis` before any write; values travel as ``$parameters``.

>>> check_analysis([{"id": "a", "props": {"degree": 2, "shoe_size": 41}}], [], [], {})[0]
"organization 'a': property 'shoe_size' is not in the write-back whitelist"
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Sequence

from neo4j import Driver, ManagedTransaction
from neo4j import exceptions as nx4j

from essgraph.errors import Neo4jConnectionError, Neo4jLoadError
from essgraph.graphmodel import ACTOR_LABELS
from essgraph.graphmodel.schema import (
    ANALYSIS_LABEL, ANALYSIS_NODE_PROPERTIES, ANALYSIS_RUN_PROPERTIES, MESA_SEAT_LABEL, MESA_SEAT_PROPERTIES,
    PROPOSED_TIE, PROPOSED_TIE_PROPERTIES, PropertySpec,
)
from essgraph.i18n import DEFAULT_LANG
from essgraph.neo4jstore import statements as S
from essgraph.neo4jstore.connection import quiet_session
from essgraph.neo4jstore.cypher import fill
from essgraph.neo4jstore.messages import MESSAGES, SUMMARY, short_error
from essgraph.neo4jstore.rows import DEFAULT_BATCH_SIZE

__all__ = ["AnalysisWriteSummary", "write_analysis", "check_analysis", "clear_analysis"]

Rows = Sequence[dict[str, Any]]
_NODE_NAMES = sorted(p.name for p in ANALYSIS_NODE_PROPERTIES)
_SEAT_NAMES = sorted(p.name for p in MESA_SEAT_PROPERTIES)
_PART = ("nodes", "proposed_ties", "mesa_seats", "runs")


@dataclass
class AnalysisWriteSummary:
    """What a write did: how many nodes, proposed ties and seats it wrote, and what it replaced."""

    nodes: int = 0
    proposed_ties: int = 0
    mesa_seats: int = 0
    previous: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_PART, 0))
    batches: int = 0
    attempts: int = 0

    def describe(self, lang: str = DEFAULT_LANG) -> str:
        """The closing line, in ``lang``."""
        old = self.previous
        replaced = SUMMARY.t("analysis-replaced", lang, nodes=old["nodes"], ties=old["proposed_ties"]) if any(
            old.values()) else ""
        return SUMMARY.t("analysis-written", lang, nodes=self.nodes, ties=self.proposed_ties, seats=self.mesa_seats,
                         replaced=replaced)

    def as_dict(self) -> dict[str, Any]:
        """Plain-data form (for ``--json``)."""
        return {"nodes": self.nodes, "proposed_ties": self.proposed_ties, "mesa_seats": self.mesa_seats,
                "previous": dict(self.previous), "batches": self.batches, "attempts": self.attempts}


def check_analysis(nodes: Rows, mesa_seats: Rows, proposals: Rows, run: dict[str, Any]) -> list[str]:
    """Problems that keep the rows from being written (empty list if none). Pure; runs before any write.

    Every property name must be in its whitelist and every value of its type; seats and proposed
    ties must name analysed organizations.

    >>> check_analysis([{"id": "a", "props": {"degree": 1.5}}], [{"id": "z", "props": {}}], [], {"seed": 1})[:2]
    ["organization 'a': degree = 1.5 is not int", "Mesa seat 'z': not an analysed organization"]
    """
    problems: list[str] = []
    analysed = {row["id"] for row in nodes}
    for row in nodes:
        if not isinstance(row["id"], str) or not row["id"]:
            problems.append(f"organization {row['id']!r}: id must be a non-empty string")
        problems += _check_props(f"organization {row['id']!r}", row["props"], ANALYSIS_NODE_PROPERTIES)
    if len(analysed) != len(nodes):
        problems.append("an organization appears twice")
    for row in mesa_seats:
        if row["id"] not in analysed:
            problems.append(f"Mesa seat {row['id']!r}: not an analysed organization")
        problems += _check_props(f"Mesa seat {row['id']!r}", row["props"], MESA_SEAT_PROPERTIES)
    for row in proposals:
        where = f"proposed tie {row['start']!r}-{row['end']!r}"
        problems += [f"{where}: {end!r} is not an analysed organization"
                     for end in (row["start"], row["end"]) if end not in analysed]
        problems += _check_props(where, row["props"], PROPOSED_TIE_PROPERTIES)
        if row["props"].get("proposal") is not True:
            problems.append(f"{where}: proposal must be true")
    return problems + _check_props("analysis run", run, ANALYSIS_RUN_PROPERTIES)


def clear_analysis(tx: ManagedTransaction, *, force: bool = True) -> dict[str, int]:
    """Remove a written analysis inside ``tx``; return how many nodes, ties, seats and runs it removed.

    With ``force=False`` it does nothing (zeros) unless an ``EssgraphAnalysis`` node exists: the
    loader calls it so when a load changes the data an analysis described.
    """
    if not force and not (_count(tx, S.HAS_LABEL, label=ANALYSIS_LABEL)
                          and _count(tx, fill(S.COUNT_ANALYSIS, label=ANALYSIS_LABEL))):
        return dict.fromkeys(_PART, 0)
    return {
        "proposed_ties": _count(tx, fill(S.DELETE_PROPOSED_TIES, type=PROPOSED_TIE)),
        "mesa_seats": _count(tx, fill(S.CLEAR_MESA_SEATS, label=MESA_SEAT_LABEL), clear=dict.fromkeys(_SEAT_NAMES)),
        "nodes": _count(tx, S.CLEAR_ANALYSED_NODES, labels=sorted(ACTOR_LABELS), names=_NODE_NAMES,
                        clear=dict.fromkeys(_NODE_NAMES)),
        "runs": _count(tx, fill(S.DELETE_ANALYSIS, label=ANALYSIS_LABEL)),
    }


def write_analysis(
    driver: Driver,
    *,
    nodes: Rows,
    mesa_seats: Rows,
    proposals: Rows,
    run: dict[str, Any],
    database: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[int, int], None] | None = None,
    fault_hook: Callable[[str, int], None] | None = None,
    lang: str = DEFAULT_LANG,
) -> AnalysisWriteSummary:
    """Write an analysis onto the project's nodes in Neo4j, replacing the previous one, all or nothing.

    Parameters
    ----------
    driver : the one driver, created by the caller.
    nodes, mesa_seats, proposals, run : the rows of :func:`essgraph.analysis.writeback.writeback`
        (``{"id", "props"}``, ``{"id", "props"}``, ``{"start", "end", "props"}`` and the run's properties).
    database : the database name (``None``: the server's default).
    batch_size : rows per ``UNWIND`` batch.
    progress : called with ``(batches done, batches in all)``.
    fault_hook : failure injection for tests: called with ``("batch", k)`` before batch ``k`` inside
        the transaction and ``("committed", total)`` after the commit (it may raise).

    Raises
    ------
    Neo4jLoadError
        The rows break the whitelist (before any write), an analysed organization is not in Neo4j,
        or the write did not complete (the message says the previous analysis is untouched, or
        that the state is unknown when the connection dropped during the commit).
    Neo4jConnectionError
        No server, or credentials refused.
    """
    problems = check_analysis(nodes, mesa_seats, proposals, run)
    if problems:
        raise Neo4jLoadError(MESSAGES.t("analysis-bad", lang, problem="; ".join(problems[:5])))
    if batch_size < 1:
        raise ValueError("batch size must be at least 1")
    chunks = [list(nodes[i:i + batch_size]) for i in range(0, len(nodes), batch_size)]
    total = len(chunks) + _batches(len(mesa_seats), batch_size) + _batches(len(proposals), batch_size)
    attempts = {"n": 0}

    def unit(tx: ManagedTransaction) -> AnalysisWriteSummary:
        attempts["n"] += 1
        summary = AnalysisWriteSummary(previous=clear_analysis(tx), batches=total, attempts=attempts["n"])
        done = 0

        def step() -> None:
            nonlocal done
            done += 1
            if fault_hook:
                fault_hook("batch", done)

        where: dict[str, str] = {}  # organization id → element id of its node
        for chunk in chunks:
            step()
            for label in sorted(ACTOR_LABELS):
                for record in tx.run(fill(S.SET_NODE_ANALYSIS, label=label), rows=chunk):
                    if where.setdefault(record["id"], record["node"]) != record["node"]:
                        raise Neo4jLoadError(MESSAGES.t("analysis-bad", lang,
                                                        problem=f"two nodes have the id {record['id']!r}"))
            if progress:
                progress(done, total)
        missing = sorted(row["id"] for row in nodes if row["id"] not in where)
        if missing:
            raise Neo4jLoadError(MESSAGES.t("analysis-missing", lang, n=len(missing),
                                            ids=", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")))
        seats = [{"node": where[row["id"]], "props": row["props"]} for row in mesa_seats]
        ties = [{"start": where[row["start"]], "end": where[row["end"]], "props": row["props"]} for row in proposals]
        for rows, statement in ((seats, fill(S.SET_MESA_SEATS, label=MESA_SEAT_LABEL)),
                                (ties, fill(S.CREATE_PROPOSED_TIES, type=PROPOSED_TIE))):
            for i in range(0, len(rows), batch_size):
                step()
                _count(tx, statement, rows=rows[i:i + batch_size])
                if progress:
                    progress(done, total)
        _count(tx, fill(S.CREATE_ANALYSIS, label=ANALYSIS_LABEL), props=run)
        summary.nodes, summary.mesa_seats, summary.proposed_ties = len(where), len(seats), len(ties)
        return summary

    try:
        # the first write clears labels and a type the database never saw: no warning for that
        with quiet_session(driver, database) as session:
            summary = session.execute_write(unit)
        if fault_hook:
            fault_hook("committed", total)
    except nx4j.AuthError:
        raise Neo4jConnectionError(MESSAGES.t("auth", lang, uri="Neo4j", user="?")) from None
    except nx4j.IncompleteCommit as exc:
        raise Neo4jLoadError(MESSAGES.t("analysis-unknown", lang, error=short_error(exc))) from None
    except (nx4j.Neo4jError, nx4j.DriverError, OSError) as exc:
        raise Neo4jLoadError(MESSAGES.t("analysis-incomplete", lang, error=short_error(exc))) from None
    return summary


def _count(tx: ManagedTransaction, statement: str, **params: Any) -> int:
    """Run a statement whose one record has a count ``n``; return it."""
    record = tx.run(statement, params).single(strict=True)
    return int(record["n"])


def _batches(rows: int, size: int) -> int:
    return -(-rows // size)


def _fits(value: Any, kind: str) -> bool:
    """Whether ``value`` is of a property spec's type (``list`` means a list of strings).

    >>> _fits(3, "float"), _fits(True, "int"), _fits(["a"], "list"), _fits([1], "list")
    (True, False, True, False)
    """
    if isinstance(value, bool):
        return kind == "bool"
    if kind == "list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    return isinstance(value, _SCALARS.get(kind, ()))


_SCALARS: dict[str, type | tuple[type, ...]] = {"int": int, "float": (int, float), "str": str}


def _check_props(where: str, props: dict[str, Any], specs: tuple[PropertySpec, ...]) -> list[str]:
    """Names outside ``specs``, missing required names, and values not of their spec's type."""
    by_name = {spec.name: spec for spec in specs}
    problems = []
    for name, value in props.items():
        spec = by_name.get(name)
        if spec is None:
            problems.append(f"{where}: property {name!r} is not in the write-back whitelist")
        elif not _fits(value, spec.type):
            problems.append(f"{where}: {name} = {value!r} is not {spec.type}")
    problems += [f"{where}: property {spec.name!r} is missing" for spec in specs
                 if spec.required and spec.name not in props]
    return problems
