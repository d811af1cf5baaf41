"""A tie graph's structure measured outside this process: :class:`ExternalStructure`.

An *engine* holds the property graph too (Neo4j with Graph Data Science:
:class:`essgraph.neo4jstore.gds.GdsEngine`). It projects the tie graph by the
same rule (:meth:`StructureEngine.project` gets the
:class:`~essgraph.analysis.projection.Projection` as ``to_dict()``), runs the
structural measures there and hands back only their values. The analyses read
them through the one structure object they always read,
:class:`~essgraph.analysis.engine.TieStructure`, so nothing else changes.

From the engine: the connected components, the cut points and bridges,
Louvain's partition and its modularity, betweenness (exact, or sampled with a
seed), PageRank, closeness (exact) and the core numbers. In this process, on
the tie graph it projects itself (``analyze`` needs its names, groups and
attributes anyway): whom each cut point and bridge alone holds (one
depth-first search, :mod:`essgraph.analysis.cutsearch`; no engine returns the
sides of a cut), closeness when it is estimated from a sample (GDS computes it
only exactly), the hops from the national networks, the hubs within each
region and macro-region, and everything that is not structure: roles and their
reasons, gaps, recommendations, the Mesa, the timeline.

Before any measure is used, the engine's projection must be the tie graph
analysed here: the same nodes, ties and degrees, or :class:`GraphError` says
the database holds another graph.

``tests/analysis/test_external.py`` runs every analysis through this class with
NetworkX standing in for the engine; ``tests/neo4j/test_gds_engine.py`` against
a real server with GDS.
"""
from __future__ import annotations

from typing import Any, ContextManager, Hashable, Iterable, Mapping, Protocol

import networkx as nx

from essgraph.errors import GraphError
from essgraph.analysis.engine import TieStructure

__all__ = ["ProjectedTies", "StructureEngine", "ExternalStructure"]


class ProjectedTies(Protocol):
    """A tie graph projected by an engine; nodes named by the property graph's ids, values on NetworkX's scales."""

    #: What measures (``"gds"``): the analysis result names it.
    engine: str
    node_count: int
    tie_count: int

    def degrees(self) -> Mapping[Any, int]: ...
    def components(self) -> Mapping[Any, int]: ...
    def articulation_points(self) -> Iterable[Any]: ...
    def bridges(self) -> Iterable[tuple[Any, Any]]: ...
    def louvain(self) -> tuple[Mapping[Any, int], float]: ...
    def betweenness(self, *, k: int | None = None, seed: int | None = None) -> Mapping[Any, float]: ...
    def pagerank(self, *, alpha: float = 0.85) -> Mapping[Any, float]: ...
    def closeness(self) -> Mapping[Any, float]: ...
    def core_numbers(self) -> Mapping[Any, int]: ...


class StructureEngine(Protocol):
    """What ``analyze(G, engine=...)`` takes: something that projects a tie graph by its rule."""

    #: Its name (``"gds"``).
    name: str

    def project(self, rule: Mapping[str, Any]) -> ContextManager[ProjectedTies]: ...


class ExternalStructure(TieStructure):
    """:class:`~essgraph.analysis.engine.TieStructure` of ``T`` whose structural parts come from ``ties``.

    Parameters
    ----------
    T : networkx.Graph
        The tie graph, projected here.
    ties : ProjectedTies
        The same tie graph projected by the engine (checked: same nodes, ties and degrees).
    rename : mapping, optional
        The engine's name of a node → its name in ``T``, where they differ (the
        interviewees' public marks: :func:`essgraph.graphmodel.interviewee_marks`).

    Raises
    ------
    GraphError
        When the engine's projection is another graph than ``T``.
    """

    def __init__(self, T: nx.Graph, ties: ProjectedTies, *, rename: Mapping[Any, Hashable] | None = None) -> None:
        super().__init__(T)
        self.source = ties.engine
        self._ties = ties
        self._rename = dict(rename or {})
        self._check()

    def components(self) -> list[list[Hashable]]:
        """The connected components (the engine's), in the graph's node order, listed by their first member."""
        def compute() -> list[list[Hashable]]:
            found: dict[Any, list[Hashable]] = {}
            members = self._mapped(self._ties.components())
            for v in self.graph:
                found.setdefault(members[v], []).append(v)
            return list(found.values())
        return self._once("components", compute)

    def articulation_points(self) -> frozenset[Hashable]:
        """The cut points (the engine's)."""
        return self._once("articulation_points",
                          lambda: frozenset(self._name(v) for v in self._ties.articulation_points()))

    def bridges(self) -> frozenset[frozenset[Hashable]]:
        """The bridges (the engine's), as node pairs."""
        return self._once("bridges", lambda: frozenset(frozenset((self._name(a), self._name(b)))
                                                       for a, b in self._ties.bridges()))

    def degree(self) -> dict[Hashable, int]:
        """How many other nodes each node is tied to (the engine's, checked equal to the graph's)."""
        return self._once("degree", lambda: self._mapped(self._ties.degrees()))

    def betweenness(self, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                    ) -> dict[Hashable, float]:
        """Normalized betweenness (the engine's), exact or from ``k`` sources it samples with ``seed``; ``engine`` is not used."""
        sampled = k is not None and k < self.graph.number_of_nodes()
        return self._once(("betweenness", k, seed), lambda: self._mapped(
            self._ties.betweenness(k=k if sampled else None, seed=seed if sampled else None)))

    def closeness(self, *, k: int | None = None, seed: int | None = None, engine: str = "auto"
                  ) -> dict[Hashable, float]:
        """Wasserman–Faust closeness: the engine's when exact; estimated from ``k`` sources here (see :func:`~essgraph.analysis.engine.closeness`)."""
        if k is not None and k < self.graph.number_of_nodes():
            return super().closeness(k=k, seed=seed, engine=engine)
        return self._once("closeness", lambda: self._mapped(self._ties.closeness()))

    def pagerank(self, *, alpha: float = 0.85, engine: str = "auto") -> dict[Hashable, float]:
        """PageRank (the engine's), summing to 1; ``engine`` is not used."""
        return self._once(("pagerank", alpha), lambda: self._mapped(self._ties.pagerank(alpha=alpha)))

    def core_number(self, *, engine: str = "auto") -> dict[Hashable, int]:
        """The core numbers (the engine's); ``engine`` is not used."""
        return self._once("core_number", lambda: self._mapped(self._ties.core_numbers()))

    def multilevel(self, *, seed: int | None = 42, resolution: float = 1.0
                   ) -> tuple[list[set[Hashable]], float | None]:
        """Louvain communities of the tied nodes (the engine's) and their modularity (``None`` without ties).

        The engine's method takes no seed (GDS's Louvain is deterministic on one
        thread) and only resolution 1.

        Raises
        ------
        GraphError
            For another resolution.
        """
        if resolution != 1.0:
            raise GraphError(f"the {self.source} engine's Louvain has resolution 1 only, got {resolution}: "
                             "analyse in this process for another resolution")

        def compute() -> tuple[list[set[Hashable]], float | None]:
            T = self.graph
            if not T.number_of_edges():
                return [], None
            membership, modularity = self._ties.louvain()
            parts: dict[Any, set[Hashable]] = {}
            for v, c in self._mapped(membership).items():
                if T.degree(v) > 0:
                    parts.setdefault(c, set()).add(v)
            return list(parts.values()), modularity
        return self._once("multilevel", compute)

    def _name(self, v: Any) -> Hashable:
        return self._rename.get(v, v)

    def _mapped(self, values: Mapping[Any, Any]) -> dict[Hashable, Any]:
        """``values`` keyed by the graph's names, in the graph's node order."""
        named = {self._name(v): x for v, x in values.items()}
        return {v: named[v] for v in self.graph}

    def _check(self) -> None:
        """The engine's projection is ``T``: same nodes, as many ties, same degrees (else GraphError)."""
        T, ties = self.graph, self._ties
        same = ties.node_count == T.number_of_nodes() and ties.tie_count == T.number_of_edges()
        if same:
            degrees = {self._name(v): d for v, d in ties.degrees().items()}
            same = degrees.keys() == set(T) and all(degrees[v] == d for v, d in T.degree())
        if not same:
            raise GraphError(
                f"the {self.source} engine's tie graph is not the one analysed here: {ties.node_count} nodes and "
                f"{ties.tie_count} ties there, {T.number_of_nodes()} and {T.number_of_edges()} here (or other nodes "
                "or ties): load this graph into the database again, replacing the project's nodes, or analyse the "
                "graph the database holds (read from Neo4j)", options=("backend",))
