"""Graph Data Science measures the tie graph as the embedded engines (NetworkX, igraph) do, on a real server.

The graph is loaded with ``neo4jstore.load``; GDS projects the tie graph from the
database by the projection's rule and essgraph reads the measures back
(:class:`essgraph.neo4jstore.gds.GdsEngine`). Stated agreement, on the bundled data
and on synthetic graphs (tests/neo4j/synthetic_graph.py):

* components, cut points, bridges, degrees and core numbers (k-core): equal;
* betweenness (exact), closeness (Wasserman–Faust) and PageRank: equal to
  :data:`EXACT` (PageRank to :data:`PAGERANK`: power iteration against PRPACK);
* Louvain: another implementation (GDS's takes no seed), so another partition; its
  modularity within :data:`MODULARITY` of the embedded one (measured: 0.0017 on the
  bundled data, at most 0.003 on the synthetic graphs);
* sampled betweenness: GDS draws its own sample of sources, so values differ; ranked
  against exact betweenness and against the embedded engine's sample, Spearman's rho at
  least :data:`SPEARMAN` (measured: 0.98 to 0.99 with 300 sources of 2,000).
"""
from __future__ import annotations

import json
from typing import Any, NamedTuple

import networkx as nx
import pytest
from click.testing import CliRunner
from scipy.stats import spearmanr
from synthetic_graph import synthetic_graph

from essgraph.analysis import analyze
from essgraph.analysis.engine import TieStructure
from essgraph.analysis.external import ExternalStructure
from essgraph.analysis.projection import tie_graph
from essgraph.cli import main
from essgraph.errors import GraphError, Neo4jError
from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders import bundled_data_dir
from essgraph.neo4jstore import GdsEngine, load

#: Largest difference allowed between measures both engines compute exactly.
EXACT = 1e-9
#: Largest difference allowed between the two PageRanks (sum 1).
PAGERANK = 1e-5
#: Largest difference allowed between the two Louvain partitions' modularity.
MODULARITY = 0.01
#: Smallest Spearman rank correlation allowed for sampled betweenness.
SPEARMAN = 0.95
#: The parts of analyze's result that do not depend on the Louvain implementation.
STRUCTURE_PARTS = ("summary", "components", "articulation_points", "bridges", "isolated", "core_periphery",
                   "projection", "group_gaps", "recommendations", "mesa", "person_bridges", "timeline", "survey")


class Measured(NamedTuple):
    """One tie graph's structure from both engines, every part computed while the projection existed."""

    T: nx.Graph
    embedded: dict[str, Any]
    gds: dict[str, Any]


def measure(driver, G: nx.MultiDiGraph, *, k: int | None = None) -> Measured:
    load(driver, G, replace=True)
    T, projection = tie_graph(G)
    parts = ("components", "articulation_points", "bridges", "degree", "core_number", "multilevel", "closeness",
             "pagerank", "betweenness")
    embedded = TieStructure(T)
    with GdsEngine(driver).project(projection.to_dict()) as ties:
        gds = ExternalStructure(T, ties)
        out = Measured(T, {p: getattr(embedded, p)() for p in parts}, {p: getattr(gds, p)() for p in parts})
        if k is not None:
            out.embedded["sampled"] = embedded.betweenness(k=k, seed=42)
            out.gds["sampled"] = gds.betweenness(k=k, seed=42)
    return out


#: The graphs compared: the bundled data, and synthetic graphs (organizations, ties per organization, seed) with
#: the number of sources of sampled betweenness.
DATASETS = {"bundled": (None, 50), "sparse-2000": ((2000, 1, 1), 300), "dense-1000": ((1000, 3, 4), 300)}


@pytest.fixture(scope="module", params=sorted(DATASETS))
def measured(request, gds_driver, real_graph) -> Measured:
    synthetic, k = DATASETS[request.param]
    G = real_graph if synthetic is None else synthetic_graph(synthetic[0], ties_per_node=synthetic[1],
                                                             seed=synthetic[2])
    return measure(gds_driver, G, k=k)


def assert_same_but_pagerank(here: dict[str, Any], there: dict[str, Any]) -> None:
    """The same part (hubs, roles) but for rows' PageRank, which may differ by :data:`PAGERANK` (its last digit)."""
    assert there.keys() == here.keys()
    for key in here:
        if not (isinstance(here[key], list) and here[key] and "pagerank" in here[key][0]):
            assert there[key] == here[key], key
            continue
        for a, b in zip(here[key], there[key], strict=True):
            assert {**b, "pagerank": a["pagerank"]} == a and abs(b["pagerank"] - a["pagerank"]) <= PAGERANK


def test_same_components_cut_points_bridges_and_cores(measured: Measured) -> None:
    for part in ("components", "articulation_points", "bridges", "degree", "core_number"):
        assert measured.gds[part] == measured.embedded[part], part
    assert measured.T.number_of_nodes() > 150 and measured.gds["components"]


def test_there_are_cut_points_and_bridges_to_find(measured: Measured) -> None:
    found = len(measured.gds["articulation_points"]), len(measured.gds["bridges"])
    assert found == {166: (17, 34), 2000: (1256, 1959), 1000: (0, 0)}[measured.T.number_of_nodes()]


@pytest.mark.parametrize("part", ["betweenness", "closeness"])
def test_same_exact_centralities(measured: Measured, part: str) -> None:
    here, there = measured.embedded[part], measured.gds[part]
    assert list(there) == list(here)
    assert max(abs(there[v] - here[v]) for v in here) <= EXACT


def test_same_pagerank(measured: Measured) -> None:
    here, there = measured.embedded["pagerank"], measured.gds["pagerank"]
    assert max(abs(there[v] - here[v]) for v in here) <= PAGERANK
    assert sum(there.values()) == pytest.approx(1.0)


def test_modularity_within_tolerance(measured: Measured) -> None:
    (parts_here, q_here), (parts_there, q_there) = measured.embedded["multilevel"], measured.gds["multilevel"]
    assert abs(q_there - q_here) <= MODULARITY
    tied = {v for v in measured.T if measured.T.degree(v)}
    assert set().union(*parts_there) == tied and sum(map(len, parts_there)) == len(tied)  # a partition of the tied
    assert nx.community.modularity(measured.T.subgraph(tied), parts_there) == pytest.approx(q_there, abs=1e-9)


def test_sampled_betweenness_ranks_like_exact_and_embedded(measured: Measured) -> None:
    nodes = list(measured.T)
    exact, gds, embedded = (measured.embedded["betweenness"], measured.gds["sampled"], measured.embedded["sampled"])
    rho = {"exact": spearmanr([gds[v] for v in nodes], [exact[v] for v in nodes]).statistic,
           "embedded": spearmanr([gds[v] for v in nodes], [embedded[v] for v in nodes]).statistic,
           "embedded vs exact": spearmanr([embedded[v] for v in nodes], [exact[v] for v in nodes]).statistic}
    if measured.T.number_of_edges() > 2 * measured.T.number_of_nodes():
        # a dense random graph has no broker: betweenness is nearly flat, and 300 sources rank it loosely (the
        # embedded engine's sample: rho 0.85 against exact); GDS's sample may rank it no worse than 0.05 below that
        assert rho["exact"] >= rho["embedded vs exact"] - 0.05, rho
    else:
        assert min(rho["exact"], rho["embedded"]) >= SPEARMAN, rho


def test_analyze_with_gds_agrees_with_embedded(gds_clean, real_graph) -> None:
    load(gds_clean, real_graph, replace=True)
    here = analyze(real_graph).to_json()
    there = analyze(real_graph, engine=GdsEngine(gds_clean)).to_json()
    for part in STRUCTURE_PARTS:
        assert there[part] == here[part], part
    assert there["meta"] == {**here["meta"], "engine": "gds"}
    assert (there["communities"]["algorithm"], there["communities"]["seed"]) == ("louvain (gds)", None)
    assert abs(there["communities"]["modularity"] - here["communities"]["modularity"]) <= MODULARITY
    assert_same_but_pagerank(here["hubs"], there["hubs"])
    assert there["hubs"]["by_region"] == here["hubs"]["by_region"]  # within groups: measured here in both
    assert gds_clean.execute_query("CALL gds.graph.list() YIELD graphName RETURN graphName").records == []


@pytest.mark.parametrize("options", [
    {"year": 2010}, {"include_inferred": True}, {"include_reported": False}, {"include_people": True},
    {"include_people": True, "include_personal_data": True}, {"include_municipalities": True},
    {"include_inferred": True, "include_people": True, "include_municipalities": True, "year": 2015},
], ids=lambda o: ",".join(sorted(o)))
def test_every_projection_option_projects_the_same_tie_graph(gds_clean, real_graph, options) -> None:
    load(gds_clean, real_graph, replace=True)
    here = analyze(real_graph, **options).to_json()
    there = analyze(real_graph, engine=GdsEngine(gds_clean), **options).to_json()  # GraphError if not the same
    for part in ("summary", "components", "articulation_points", "bridges", "core_periphery"):
        assert there[part] == here[part], part


def test_another_graph_in_the_database_is_refused_and_the_projection_dropped(gds_clean, real_graph) -> None:
    load(gds_clean, synthetic_graph(200, ties_per_node=1, seed=2), replace=True)
    with pytest.raises(GraphError, match="200 nodes and 200 ties there, 166 and 110 here"):
        analyze(real_graph, engine=GdsEngine(gds_clean))
    assert gds_clean.execute_query("CALL gds.graph.list() YIELD graphName RETURN graphName").records == []


def test_a_server_without_gds_is_one_clear_error(neo4j_server, neo4j_driver) -> None:
    if neo4j_server.gds or not neo4j_server.managed:
        pytest.skip("this server may have GDS (ESSGRAPH_NEO4J_GDS=1 or NEO4J_URI): nothing to test here")
    with pytest.raises(Neo4jError, match=r"^this Neo4j server has no Graph Data Science .* analyse here, without GDS$"):
        with GdsEngine(neo4j_driver, lang="en").project({"node_labels": ["Organization"], "relationship_types": []}):
            pass


def test_cli_engine_gds_writes_what_the_library_returns(gds_server, gds_clean, real_graph, monkeypatch,
                                                        tmp_path) -> None:
    load(gds_clean, real_graph, replace=True)
    monkeypatch.setenv("NEO4J_URI", gds_server.uri)
    monkeypatch.setenv("NEO4J_USER", gds_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", gds_server.password or "")
    out = tmp_path / "analysis.json"
    result = CliRunner().invoke(main, ["analyze", "--engine", "gds", "--data", str(bundled_data_dir()), "-q",
                                       "--json", str(out), "--md", str(tmp_path / "summary.md"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text()) == json.loads(json.dumps(analyze(real_graph, engine=GdsEngine(gds_clean))
                                                                .to_json()))
    assert "Louvain, in Neo4j Graph Data Science, finds" in (tmp_path / "summary.md").read_text()
    assert gds_server.password not in result.output and gds_server.password not in (result.stderr or "")


@pytest.mark.parametrize("ties", [[], [("a", "b")], [("a", "b"), ("b", "c")]], ids=["no-tie", "one-tie", "a-path"])
def test_tiny_graphs(gds_clean, ties) -> None:
    G = build_graph([Node(i, ("Organization",), {"name": i.upper()}) for i in "abc"],
                    [Relationship("ALLIED_WITH", u, v, {"section": "s", "quote": f"{u}-{v}"}) for u, v in ties])
    load(gds_clean, G, replace=True)
    here, there = analyze(G).to_json(), analyze(G, engine=GdsEngine(gds_clean)).to_json()
    assert {part for part in here if there[part] != here[part]} <= {"meta", "communities", "hubs", "roles"}
    assert_same_but_pagerank(here["hubs"], there["hubs"])
    assert_same_but_pagerank(here["roles"], there["roles"])
    assert there["communities"]["modularity"] == here["communities"]["modularity"]
    assert len(there["articulation_points"]) == (len(ties) == 2)


def test_cli_shared_graph_measured_by_gds_and_written_back(gds_server, gds_clean, real_graph, monkeypatch) -> None:
    load(gds_clean, real_graph, replace=True)
    monkeypatch.setenv("NEO4J_URI", gds_server.uri)
    monkeypatch.setenv("NEO4J_USER", gds_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", gds_server.password or "")
    result = CliRunner().invoke(main, ["analyze", "--backend", "neo4j", "--engine", "gds", "--write-neo4j",
                                       "--data", str(bundled_data_dir()), "-q", "--lang", "en"])
    assert result.exit_code == 0, result.output
    run = gds_clean.execute_query("MATCH (a:EssgraphAnalysis) RETURN a.engine AS engine, a.backend AS backend, "
                                  "a.organizations AS organizations").records
    assert [r.data() for r in run] == [{"engine": "gds", "backend": "neo4j", "organizations": 166}]
    cut = gds_clean.execute_query("MATCH (o:Organization) WHERE o.cut_point RETURN count(o) AS n").records
    assert cut[0]["n"] == 17  # the cut points GDS found, on the nodes for Browser and Bloom
