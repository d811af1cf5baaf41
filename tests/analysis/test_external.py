"""A structure measured outside this process (ExternalStructure), with NetworkX standing in for the engine.

The engine here projects the tie graph from the property graph by the rule it is
given, as Neo4j Graph Data Science does from the database
(tests/neo4j/test_gds_engine.py runs the real one), and measures it with NetworkX.
"""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator, Mapping

import networkx as nx
import pytest

from essgraph.analysis import analyze
from essgraph.analysis.communities import communities
from essgraph.analysis.engine import TieStructure
from essgraph.analysis.external import ExternalStructure
from essgraph.analysis.projection import Projection, tie_graph
from essgraph.errors import GraphError

#: The parts of the result an engine measures and that must not change with it (communities may: another Louvain).
STRUCTURE_PARTS = ("summary", "components", "articulation_points", "bridges", "isolated", "core_periphery",
                   "projection", "group_gaps", "recommendations", "mesa", "person_bridges")


class NetworkxTies:
    """A projected tie graph measured by NetworkX (what GdsTies is for Graph Data Science)."""

    engine = "networkx-here"

    def __init__(self, T: nx.Graph) -> None:
        self.graph = T
        self.node_count, self.tie_count = T.number_of_nodes(), T.number_of_edges()
        self.calls: list[str] = []

    def degrees(self) -> dict[Any, int]:
        return dict(self.graph.degree())

    def components(self) -> dict[Any, int]:
        return {v: i for i, c in enumerate(nx.connected_components(self.graph)) for v in c}

    def articulation_points(self) -> list[Any]:
        return list(nx.articulation_points(self.graph))

    def bridges(self) -> list[tuple[Any, Any]]:
        return list(nx.bridges(self.graph))

    def louvain(self) -> tuple[dict[Any, int], float]:
        self.calls.append("louvain")
        tied = self.graph.subgraph(v for v in self.graph if self.graph.degree(v))
        parts = nx.community.louvain_communities(tied, seed=7)
        membership = {v: i for i, p in enumerate(parts) for v in p}
        alone = len(parts)
        for v in self.graph:  # as GDS: an isolated node is a community of its own
            if v not in membership:
                membership[v], alone = alone, alone + 1
        return membership, nx.community.modularity(tied, parts)

    def betweenness(self, *, k: int | None = None, seed: int | None = None) -> dict[Any, float]:
        self.calls.append(f"betweenness k={k}")
        return nx.betweenness_centrality(self.graph, k=k, seed=seed)

    def pagerank(self, *, alpha: float = 0.85) -> dict[Any, float]:
        return nx.pagerank(self.graph, alpha=alpha, weight=None)

    def closeness(self) -> dict[Any, float]:
        self.calls.append("closeness")
        return nx.closeness_centrality(self.graph)

    def core_numbers(self) -> dict[Any, int]:
        return nx.core_number(self.graph)


class NetworkxEngine:
    """A StructureEngine over a property graph ``G`` (as GdsEngine is over the database)."""

    name = NetworkxTies.engine

    def __init__(self, G: nx.MultiDiGraph) -> None:
        self.G = G
        self.rules: list[Mapping[str, Any]] = []
        self.projected: list[NetworkxTies] = []

    @contextmanager
    def project(self, rule: Mapping[str, Any]) -> Iterator[NetworkxTies]:
        self.rules.append(rule)
        T, _ = tie_graph(self.G, projection=Projection.from_dict(dict(rule)))
        self.projected.append(NetworkxTies(T))
        yield self.projected[-1]


def test_analyze_through_an_engine_gives_the_embedded_structure(real_graph) -> None:
    engine = NetworkxEngine(real_graph)
    here, there = analyze(real_graph).to_json(), analyze(real_graph, engine=engine).to_json()
    assert engine.rules == [here["projection"]]  # the rule the engine projected by is the result's projection
    for part in STRUCTURE_PARTS:
        assert there[part] == here[part], part
    assert (here["meta"]["engine"], there["meta"]["engine"]) == ("embedded", "networkx-here")
    assert there["communities"]["algorithm"] == "louvain (networkx-here)" and there["communities"]["seed"] is None
    assert abs(there["communities"]["modularity"] - here["communities"]["modularity"]) < 0.02
    for a, b in zip(here["hubs"]["overall"], there["hubs"]["overall"]):
        assert (a["id"], a["degree"], a["betweenness"], a["closeness"]) == (b["id"], b["degree"], b["betweenness"],
                                                                           b["closeness"])
        assert b["pagerank"] == pytest.approx(a["pagerank"], abs=1e-5)


def test_interviewees_are_renamed_to_their_public_marks(real_graph) -> None:
    engine = NetworkxEngine(real_graph)  # projects the property graph: people by their ids
    here = analyze(real_graph, include_people=True).to_json()
    there = analyze(real_graph, include_people=True, engine=engine).to_json()
    people = [v for v in engine.projected[0].graph if engine.projected[0].graph.nodes[v]["is_person"]]
    assert people and not any(v.startswith("entrevistado-") for v in people)
    for part in STRUCTURE_PARTS:
        assert there[part] == here[part], part


def test_every_measure_comes_from_the_engine_whatever_the_size() -> None:
    T = nx.path_graph(["a", "b", "c", "d"])
    ties = NetworkxTies(T)
    S = ExternalStructure(T, ties)
    assert S.source == "networkx-here" and TieStructure(T).source is None
    assert communities(T, structure=S, engine="networkx").algorithm == "louvain (networkx-here)"
    S.betweenness(k=2, seed=1)
    assert ties.calls == ["louvain", "betweenness k=2"]
    assert S.closeness(k=2, seed=1) == TieStructure(T).closeness(k=2, seed=1)  # an estimate: made here
    assert "closeness" not in ties.calls and S.closeness()["b"] == pytest.approx(0.75)


def test_another_graph_in_the_engine_is_refused(real_graph) -> None:
    T, _ = tie_graph(real_graph)
    other = T.copy()
    u, v = sorted(T.edges())[0]
    other.remove_edge(u, v)
    w = next(x for x in T if x not in (u, v) and not T.has_edge(u, x))
    other.add_edge(u, w)  # as many nodes and ties, one tie elsewhere: the degrees differ
    with pytest.raises(GraphError, match=r"not the one analysed here: .* load this graph .* \(read from Neo4j\)$"):
        ExternalStructure(T, NetworkxTies(other))
    with pytest.raises(GraphError, match="166 nodes and 109 ties there, 166 and 110 here"):
        smaller = T.copy()
        smaller.remove_edge(u, v)
        ExternalStructure(T, NetworkxTies(smaller))


def test_the_engine_louvain_has_resolution_one_only() -> None:
    T = nx.barbell_graph(4, 0)
    with pytest.raises(GraphError, match="resolution 1 only"):
        ExternalStructure(T, NetworkxTies(T)).multilevel(resolution=1.5)
    parts, modularity = ExternalStructure(T, NetworkxTies(T)).multilevel()
    assert sorted(map(sorted, parts)) == [[0, 1, 2, 3], [4, 5, 6, 7]] and modularity == pytest.approx(0.4231, abs=1e-4)
