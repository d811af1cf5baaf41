"""Graph Data Science: the tie graph projected inside Neo4j, and its structure measured there.

:class:`GdsEngine` is what ``analyze(G, engine=GdsEngine(driver))`` (and
``essgraph analyze --engine gds``) hands the analysis: its
:meth:`~GdsEngine.project` projects the tie graph into GDS's graph catalog by
the projection's rule, and the :class:`GdsTies` it yields runs the structural
measures on that projection and pulls back only their values:

* the rule is the one :func:`essgraph.analysis.projection.tie_graph` applies,
  written in Cypher (:data:`PROJECT`): nodes carrying one of the rule's labels
  whose ``status`` is not excluded (and, with a year, founded by then); ties are
  the relationships of the rule's types between two of them, in either
  direction, whose evidence counts (:func:`evidence_values`, from
  :func:`essgraph.graphmodel.vocab.evidence_counts`) and, with a year, dated by
  then or undated; several relationships between a pair make one tie,
  self-loops none. Labels, types and every other value are ``$parameters``;
* the projection is undirected and unweighted, named ``essgraph-ties-…`` (a new
  name per run) and dropped when the ``with`` block ends, also on errors;
* values come back on NetworkX's scales (:class:`GdsTies`' methods say how),
  keyed by the nodes' ``id``: each measure is one call that returns two lists
  (internal node ids and values), not a row per node.

What GDS does not compute stays in Python (see :mod:`essgraph.analysis.external`).

Examples
--------
>>> evidence_values(include_inferred=False, include_reported=True)
['imported', 'reported', 'stated']
>>> PROCEDURES[:3]
('gds.version', 'gds.graph.project', 'gds.graph.drop')
"""
from __future__ import annotations

import uuid
from contextlib import contextmanager, suppress
from typing import Any, Iterator, Mapping

from neo4j import Driver, Session
from neo4j import exceptions as nx4j

from essgraph.errors import Neo4jConnectionError, Neo4jError
from essgraph.graphmodel import LABELS, REL_TYPES
from essgraph.graphmodel.vocab import EVIDENCE, evidence_counts
from essgraph.i18n import DEFAULT_LANG
from essgraph.neo4jstore.connection import quiet_session
from essgraph.neo4jstore.messages import MESSAGES

__all__ = ["GdsEngine", "GdsTies", "PROCEDURES", "VERSION", "PROJECT", "DROP", "evidence_values", "gds_version"]

#: The GDS procedures and functions essgraph calls (``tests/neo4j/test_gds_server.py`` checks the test server has each).
PROCEDURES = ("gds.version", "gds.graph.project", "gds.graph.drop", "gds.util.asNode", "gds.degree.stream",
              "gds.wcc.stream", "gds.articulationPoints.stream", "gds.bridges.stream", "gds.louvain.mutate",
              "gds.graph.nodeProperty.stream", "gds.betweenness.stream", "gds.pageRank.stream",
              "gds.closeness.stream", "gds.kcore.stream")

#: The GDS version; an unknown function when the server has no GDS. Columns: version.
VERSION = "RETURN gds.version() AS version"

#: Project the tie graph (Cypher aggregation ``gds.graph.project``). The node filter is written twice, for
#: ``a`` and ``b``. Rows are ``(a, b)`` pairs with ``a.id < b.id``, each pair once however many
#: relationships join it, ``(a, null)`` for a node whose ties all go to smaller ids (it is projected
#: alone), in id order. Parameters: $graph, $labels, $types, $exclude_status, $evidence, $year (or null).
#: Columns: nodes, relationships (GDS stores each undirected tie in both directions: twice the ties).
PROJECT = """MATCH (a)
WHERE any(l IN labels(a) WHERE l IN $labels) AND a.id IS NOT NULL
  AND (a.status IS NULL OR NOT a.status IN $exclude_status)
  AND ($year IS NULL OR toIntegerOrNull(a.founded_year) IS NULL OR toIntegerOrNull(a.founded_year) <= $year)
OPTIONAL MATCH (a)-[r]-(b)
WHERE type(r) IN $types AND a.id < b.id
  AND any(l IN labels(b) WHERE l IN $labels)
  AND (b.status IS NULL OR NOT b.status IN $exclude_status)
  AND ($year IS NULL OR toIntegerOrNull(b.founded_year) IS NULL OR toIntegerOrNull(b.founded_year) <= $year)
  AND coalesce(r.evidence, 'stated') IN $evidence
  AND ($year IS NULL OR toIntegerOrNull(r.year) IS NULL OR toIntegerOrNull(r.year) <= $year)
WITH DISTINCT a, b
ORDER BY a.id, b.id
WITH gds.graph.project($graph, a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.nodeCount AS nodes, g.relationshipCount AS relationships"""

#: Drop the projection (no error if it is gone). Parameters: $graph. Columns: graphName.
DROP = "CALL gds.graph.drop($graph, false) YIELD graphName RETURN graphName"

#: Every node's id and degree (number of tied nodes). Parameters: $graph. Columns: nodes, ids, values.
_DEGREE = """CALL gds.degree.stream($graph) YIELD nodeId, score
RETURN collect(nodeId) AS nodes, collect(gds.util.asNode(nodeId).id) AS ids, collect(toInteger(score)) AS values"""
#: Component of every node. Parameters: $graph. Columns: nodes, values.
_WCC = """CALL gds.wcc.stream($graph) YIELD nodeId, componentId
RETURN collect(nodeId) AS nodes, collect(componentId) AS values"""
#: The cut points. Parameters: $graph. Columns: nodes.
_ARTICULATION_POINTS = """CALL gds.articulationPoints.stream($graph) YIELD nodeId
RETURN collect(nodeId) AS nodes"""
#: The bridges, as two lists of ends. Parameters: $graph. Columns: starts, ends.
_BRIDGES = """CALL gds.bridges.stream($graph) YIELD from, to
RETURN collect(from) AS starts, collect(to) AS ends"""
#: Louvain (one thread: the same projection gives the same partition), written into the projection.
#: Parameters: $graph, $property. Columns: modularity.
_LOUVAIN = """CALL gds.louvain.mutate($graph, {mutateProperty: $property, concurrency: 1})
YIELD modularity RETURN modularity"""
#: A node property of the projection. Parameters: $graph, $property. Columns: nodes, values.
_PROPERTY = """CALL gds.graph.nodeProperty.stream($graph, $property) YIELD nodeId, propertyValue
RETURN collect(nodeId) AS nodes, collect(propertyValue) AS values"""
#: Betweenness, exact or from a seeded sample of sources. Parameters: $graph, $config. Columns: nodes, values.
_BETWEENNESS = """CALL gds.betweenness.stream($graph, $config) YIELD nodeId, score
RETURN collect(nodeId) AS nodes, collect(score) AS values"""
#: PageRank, scaled to sum 1. Parameters: $graph, $alpha. Columns: nodes, values.
_PAGERANK = """CALL gds.pageRank.stream($graph, {dampingFactor: $alpha, maxIterations: 200, tolerance: 1e-9,
  scaler: 'L1Norm'}) YIELD nodeId, score
RETURN collect(nodeId) AS nodes, collect(score) AS values"""
#: Closeness, Wasserman-Faust (exact). Parameters: $graph. Columns: nodes, values.
_CLOSENESS = """CALL gds.closeness.stream($graph, {useWassermanFaust: true}) YIELD nodeId, score
RETURN collect(nodeId) AS nodes, collect(score) AS values"""
#: Core number of every node. Parameters: $graph. Columns: nodes, values.
_KCORE = """CALL gds.kcore.stream($graph) YIELD nodeId, coreValue
RETURN collect(nodeId) AS nodes, collect(coreValue) AS values"""

_COMMUNITY = "essgraphCommunity"


def evidence_values(*, include_inferred: bool, include_reported: bool) -> list[str]:
    """The ``evidence`` values that count for a projection (the model's vocabulary through the one rule)."""
    return sorted(e for e in EVIDENCE if evidence_counts(e, include_inferred=include_inferred,
                                                         include_reported=include_reported))


def gds_version(driver: Driver, *, database: str | None = None, lang: str = DEFAULT_LANG) -> str:
    """The server's Graph Data Science version; :class:`Neo4jError` saying how to get it when there is none."""
    with quiet_session(driver, database) as session, _calls(lang):
        return _version(session, lang)


class GdsTies:
    """The tie graph projected in GDS (``name`` in the graph catalog) and the measures on it.

    Made by :meth:`GdsEngine.project`. Node ids are the property graph's
    (``id``); :attr:`node_count` and :attr:`tie_count` are the projection's size.
    Each method runs one GDS algorithm, in stream mode, on the projection.
    """

    #: What computes the measures (the analysis result names it).
    engine = "gds"

    def __init__(self, session: Session, name: str, node_count: int, tie_count: int, lang: str = DEFAULT_LANG) -> None:
        self.name = name
        self.node_count = node_count
        self.tie_count = tie_count
        self._session = session
        self._lang = lang
        self._ids: dict[int, str] = {}
        self._degree: dict[str, int] = {}
        self._louvain: tuple[dict[str, int], float] | None = None

    def degrees(self) -> dict[str, int]:
        """How many nodes each node is tied to (also learns the nodes' ids: the first call of every measure)."""
        if not self._degree and self.node_count:
            record = self._run(_DEGREE)
            self._ids = dict(zip(record["nodes"], record["ids"]))
            self._degree = dict(zip(record["ids"], record["values"]))
        return self._degree

    def components(self) -> dict[str, int]:
        """The connected component of each node (a number shared by its members; WCC)."""
        return self._values(_WCC)

    def articulation_points(self) -> list[str]:
        """The cut points (GDS's articulation points; none without ties, where GDS 2.13 would fail)."""
        if not self.tie_count:
            return []
        ids = self._id_of()
        return [ids[n] for n in self._run(_ARTICULATION_POINTS)["nodes"]]

    def bridges(self) -> list[tuple[str, str]]:
        """The ties whose loss splits their component, as ``(end, end)`` (none without ties)."""
        if not self.tie_count:
            return []
        ids = self._id_of()
        record = self._run(_BRIDGES)
        return [(ids[a], ids[b]) for a, b in zip(record["starts"], record["ends"])]

    def louvain(self) -> tuple[dict[str, int], float]:
        """Louvain communities of every node (an isolated node is one alone) and the partition's modularity.

        GDS's Louvain takes no random seed and no resolution (1): on one thread,
        the same projection gives the same partition.
        """
        if self._louvain is None:  # run once: the partition is written into the projection
            modularity = float(self._run(_LOUVAIN, property=_COMMUNITY)["modularity"])
            self._louvain = self._values(_PROPERTY, property=_COMMUNITY), modularity
        return self._louvain

    def betweenness(self, *, k: int | None = None, seed: int | None = None) -> dict[str, float]:
        """Betweenness normalized as NetworkX does: exact, or estimated from ``k`` sources sampled by GDS with ``seed``.

        GDS counts each pair of an undirected graph once (Brandes); NetworkX's
        normalized value is that count times ``2 / ((n - 1)(n - 2))``; from a
        sample of ``k`` sources the count is scaled by ``n / k`` (NetworkX's
        estimator, though GDS draws its own sample).
        """
        n = self.node_count
        sampled = k is not None and k < n
        config: dict[str, Any] = {"samplingSize": k, "samplingSeed": seed} if sampled else {}
        raw = self._values(_BETWEENNESS, config=config)
        scale = 2 / ((n - 1) * (n - 2)) * (n / k if sampled and k else 1) if n > 2 else 0.0
        return {v: b * scale for v, b in raw.items()}

    def pagerank(self, *, alpha: float = 0.85) -> dict[str, float]:
        """PageRank scaled to sum 1 (equal to NetworkX's unweighted PageRank to about 1e-7).

        GDS gives an isolated node the teleport share only, as NetworkX does
        after spreading the isolated nodes' rank evenly: scaled to sum 1 the two
        agree.
        """
        return self._values(_PAGERANK, alpha=alpha)

    def closeness(self) -> dict[str, float]:
        """Wasserman-Faust closeness, exact (NetworkX's ``closeness_centrality(wf_improved=True)``)."""
        return self._values(_CLOSENESS)

    def core_numbers(self) -> dict[str, int]:
        """The core number of every node (k-core decomposition)."""
        return self._values(_KCORE)

    def _id_of(self) -> dict[int, str]:
        self.degrees()
        return self._ids

    def _values(self, query: str, **params: Any) -> dict[str, Any]:
        if not self.node_count:
            return {}
        ids = self._id_of()
        record = self._run(query, **params)
        return {ids[n]: value for n, value in zip(record["nodes"], record["values"])}

    def _run(self, query: str, **params: Any) -> Any:
        with _calls(self._lang):
            return self._session.run(query, graph=self.name, **params).single(strict=True)


class GdsEngine:
    """Graph Data Science on a Neo4j server: the engine ``analyze(G, engine=...)`` runs the structure on.

    Parameters
    ----------
    driver : neo4j.Driver
        The one driver (created at the edge, e.g. by ``essgraph.neo4jstore.open_driver``).
    database : str, optional
        The database holding the project's graph (default: the server's default).
    lang : str
        Language of the errors.
    """

    #: What computes the measures (the analysis result names it).
    name = GdsTies.engine

    def __init__(self, driver: Driver, *, database: str | None = None, lang: str = DEFAULT_LANG) -> None:
        self.driver = driver
        self.database = database
        self.lang = lang

    @contextmanager
    def project(self, rule: Mapping[str, Any]) -> Iterator[GdsTies]:
        """Project the tie graph of ``rule`` (a :class:`~essgraph.analysis.projection.Projection`'s ``to_dict()``).

        One session serves the projection and every measure (in a cluster GDS's
        catalog lives on the server that made the projection); the projection is
        dropped when the block ends.

        Raises
        ------
        Neo4jError
            When the server has no GDS, or GDS fails (e.g. for want of memory).
        ValueError
            For a label or relationship type outside the graph model.
        """
        params = _rule_parameters(rule)
        name = f"essgraph-ties-{uuid.uuid4().hex}"
        with quiet_session(self.driver, self.database) as session:
            with _calls(self.lang):
                _version(session, self.lang)
                record = session.run(PROJECT, graph=name, **params).single(strict=True)
            try:
                yield GdsTies(session, name, int(record["nodes"]), int(record["relationships"]) // 2, self.lang)
            except BaseException:
                with suppress(nx4j.Neo4jError, nx4j.DriverError, OSError):  # the first error is the one to tell
                    session.run(DROP, graph=name).consume()
                raise
            with _calls(self.lang):
                session.run(DROP, graph=name).consume()


def _rule_parameters(rule: Mapping[str, Any]) -> dict[str, Any]:
    """The parameters of :data:`PROJECT` for a projection rule (names checked against the model)."""
    labels, types = sorted(rule["node_labels"]), sorted(rule["relationship_types"])
    unknown = sorted(set(labels) - LABELS) + sorted(set(types) - REL_TYPES)
    if unknown:
        raise ValueError(f"not a label or relationship type of the graph model: {', '.join(unknown)}")
    year = rule.get("year")
    return {"labels": labels, "types": types, "exclude_status": sorted(rule.get("exclude_status", ())),
            "evidence": evidence_values(include_inferred=bool(rule.get("include_inferred", False)),
                                        include_reported=bool(rule.get("include_reported", True))),
            "year": None if year is None else int(year)}


def _version(session: Session, lang: str) -> str:
    try:
        return str(session.run(VERSION).single(strict=True)["version"])
    except nx4j.ClientError as exc:
        if "gds.version" in str(exc.message or ""):
            raise Neo4jError(MESSAGES.t("no-gds", lang), options=("engine",)) from None
        raise


@contextmanager
def _calls(lang: str) -> Iterator[None]:
    """GDS calls: a lost connection or a failed call as one :class:`Neo4jError` line."""
    try:
        yield
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, OSError) as exc:
        raise Neo4jConnectionError(MESSAGES.t("gds-lost", lang, error=type(exc).__name__)) from None
    except nx4j.Neo4jError as exc:
        raise Neo4jError(MESSAGES.t("gds-failed", lang, error=exc.message or exc.code or type(exc).__name__)) from None
