"""An analysis written back into the REAL Neo4j server: the result on every node, proposals replaced by the next
run, all or nothing, the whitelist, the loader and pull leaving it out, and ``analyze --backend neo4j``."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j.exceptions import ServiceUnavailable

from essgraph.analysis import analyze, writeback
from essgraph.cli import main
from essgraph.errors import Neo4jLoadError
from essgraph.graphmodel import Node, to_json_dict
from essgraph.graphmodel.schema import ANALYSIS_PROPERTY_NAMES
from essgraph.loaders import bundled_data_dir
from essgraph.neo4jstore import load, pull, write_analysis

DATE = "2024-05-01T12:00:00+00:00"
DOC = Path(__file__).resolve().parents[2] / "docs" / "neo4j.md"


@pytest.fixture(scope="module")
def result(real_graph):
    return analyze(real_graph)


def rows_of(result, **kw):
    return vars(writeback(result, date=kw.pop("date", DATE), version="0.1.0", backend="embedded"))


@pytest.fixture
def loaded(neo4j_clean, real_graph):
    load(neo4j_clean, real_graph)
    return neo4j_clean


def analysis_on_nodes(driver) -> dict[str, dict]:
    """Every node carrying an analysis property → those properties (any label)."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE any(k IN keys(n) WHERE k IN $names) "
        "RETURN n.id AS id, [k IN keys(n) WHERE k IN $names | [k, n[k]]] AS props",
        names=sorted(ANALYSIS_PROPERTY_NAMES))
    return {r["id"]: dict(r["props"]) for r in records}


def proposals(driver) -> list[tuple]:
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r:PROPOSED_TIE]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS p ORDER BY r.rank")
    return [(r["a"], r["b"], r["p"]) for r in records]


def seats(driver) -> list[str]:
    records, _, _ = driver.execute_query("MATCH (n:MesaSeat) RETURN n.id AS id ORDER BY n.mesa_seat")
    return [r["id"] for r in records]


def runs(driver) -> list[dict]:
    records, _, _ = driver.execute_query("MATCH (a:EssgraphAnalysis) RETURN properties(a) AS p")
    return [r["p"] for r in records]


def state(driver) -> str:
    """A hash of every node (labels, properties) and relationship (type, ends, properties)."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels, _, _ = driver.execute_query("MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, "
                                      "properties(r) AS p")
    canon = sorted(json.dumps([sorted(r["l"]), r["p"]], sort_keys=True) for r in nodes)
    canon += sorted(json.dumps([r["t"], r["a"], r["b"], r["p"]], sort_keys=True) for r in rels)
    return hashlib.sha256("\n".join(canon).encode()).hexdigest()


def test_every_node_holds_the_analysis_result(loaded, result) -> None:
    summary = write_analysis(loaded, **rows_of(result), batch_size=40)
    assert (summary.nodes, summary.proposed_ties, summary.mesa_seats) == (166, 12, 24)
    on_nodes = analysis_on_nodes(loaded)
    community = {m["id"]: c["index"] for c in result.communities["communities"] for m in c["members"]}
    cut = {c["id"]: c["cut_off_count"] for c in result.articulation_points}
    isolated = {r["id"] for r in result.isolated["isolated"]}
    one_tie = {r["id"] for r in result.isolated["one_tie"]}
    core = {r["id"] for r in result.core_periphery["core"]}
    seat = {s["id"]: (place, s["represents"]) for place, s in enumerate(result.mesa["seats"], start=1)}
    assert set(on_nodes) == {r["id"] for r in result.roles["roles"]}  # only the analysed organizations
    for role in result.roles["roles"]:
        node = role["id"]
        expected = {"degree": role["degree"], "betweenness": role["betweenness"], "pagerank": role["pagerank"],
                    "network_role": role["role"], "in_core": node in core, "cut_point": node in cut,
                    "cut_off_count": cut.get(node, 0), "isolated": node in isolated, "one_tie": node in one_tie,
                    "analysis_macro_region": role["macro_region"], "community": community.get(node)}
        if node in seat:
            expected |= {"mesa_seat": seat[node][0], "mesa_represents": seat[node][1]}
        assert on_nodes[node] == {k: v for k, v in expected.items() if v is not None}, node
    ties = result.recommendations["augmentation"]["new_ties"]
    assert [(a, b) for a, b, _ in proposals(loaded)] == [(t["a"]["id"], t["b"]["id"]) for t in ties]
    assert all(p["proposal"] is True and p["reason"] == t["reason"]["code"]
               for (_, _, p), t in zip(proposals(loaded), ties))
    assert seats(loaded) == [s["id"] for s in result.mesa["seats"]]
    [run] = runs(loaded)
    assert (run["date"], run["seed"], run["organizations"], run["proposed_ties"]) == (DATE, 42, 166, 12)
    assert json.loads(run["projection"]) == result.projection


def test_writing_twice_changes_nothing(loaded, result) -> None:
    write_analysis(loaded, **rows_of(result))
    first = state(loaded)
    again = write_analysis(loaded, **rows_of(result), batch_size=7)
    assert state(loaded) == first
    assert again.previous == {"nodes": 166, "proposed_ties": 12, "mesa_seats": 24, "runs": 1}


def test_the_next_run_replaces_proposals_seats_and_measures(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    smaller = real_graph.copy()
    smaller.remove_node("gresp")  # the biggest hub: the next run sees another network
    second = analyze(smaller)
    write_analysis(loaded, **rows_of(second, date="2024-06-01T00:00:00+00:00"))
    ties = second.recommendations["augmentation"]["new_ties"]
    assert [(a, b) for a, b, _ in proposals(loaded)] == [(t["a"]["id"], t["b"]["id"]) for t in ties]
    assert {(a, b) for a, b, _ in proposals(loaded)} != {(t["a"]["id"], t["b"]["id"])
                                                          for t in result.recommendations["augmentation"]["new_ties"]}
    assert seats(loaded) == [s["id"] for s in second.mesa["seats"]] and "gresp" not in seats(loaded)
    on_nodes = analysis_on_nodes(loaded)
    assert "gresp" not in on_nodes and len(on_nodes) == 165  # no measure of the first run is left
    assert [r["date"] for r in runs(loaded)] == ["2024-06-01T00:00:00+00:00"]


def test_a_failing_write_leaves_the_previous_analysis(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    before = state(loaded)
    other = analyze(real_graph, year=2005)

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k == 3:  # after the clean-up and two batches of measures
            raise ServiceUnavailable("injected: connection lost")

    with pytest.raises(Neo4jLoadError, match="^analysis not written: .*Neo4j is as it was"):
        write_analysis(loaded, **rows_of(other), batch_size=50, fault_hook=fault, lang="en")
    assert state(loaded) == before


def test_an_analysis_of_another_graph_is_refused_and_changes_nothing(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    before = state(loaded)
    bigger = real_graph.copy()
    bigger.add_node("not-in-neo4j", labels=("Organization",), name="Nueva")
    with pytest.raises(Neo4jLoadError, match="1 analysed organizations are not in Neo4j \\(not-in-neo4j\\)"):
        write_analysis(loaded, **rows_of(analyze(bigger)), lang="en")
    assert state(loaded) == before  # the clean-up and the measures already set were rolled back


def test_the_whitelist_refuses_an_unknown_property_before_any_write(loaded, result) -> None:
    rows = rows_of(result)
    rows["nodes"][0]["props"]["owner`}) DETACH DELETE n //"] = "x"
    before = state(loaded)
    with pytest.raises(Neo4jLoadError, match="is not in the write-back whitelist"):
        write_analysis(loaded, **rows, lang="en")
    assert state(loaded) == before


def test_reloading_the_same_data_keeps_the_analysis_and_new_data_removes_it(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    written = state(loaded)
    same = load(loaded, real_graph)
    assert same.nodes["unchanged"] == real_graph.number_of_nodes() and not same.analysis_removed
    assert state(loaded) == written
    changed = real_graph.copy()
    changed.nodes["gresp"]["name"] = "GRESP renombrado"
    summary = load(loaded, changed)
    assert summary.nodes["updated"] == 1 and summary.analysis_removed
    assert "analysis written in Neo4j, which described the previous data, was removed" in summary.describe("en")
    assert (analysis_on_nodes(loaded), proposals(loaded), seats(loaded), runs(loaded)) == ({}, [], [], [])


def test_a_staged_replace_removes_the_analysis(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    summary = load(loaded, real_graph, replace=True, staged_threshold=0)
    assert summary.staged and summary.analysis_removed
    assert (analysis_on_nodes(loaded), proposals(loaded), seats(loaded), runs(loaded)) == ({}, [], [], [])


def test_pull_reads_the_data_not_the_analysis(loaded, real_graph, result) -> None:
    write_analysis(loaded, **rows_of(result))
    back = pull(loaded, metadata=real_graph.graph["dataset"])
    assert to_json_dict(back) == to_json_dict(real_graph)  # no measure, no MesaSeat, no PROPOSED_TIE


@pytest.fixture
def neo4j_env(neo4j_server, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    return neo4j_server


def test_analyze_backend_neo4j_equals_the_embedded_run(loaded, neo4j_env, tmp_path) -> None:
    runner = CliRunner()
    args = ["analyze", "-q", "--year", "2016", "--evidence", "stated,reported,inferred", "--json"]
    there = runner.invoke(main, [*args, str(tmp_path / "neo4j.json"), "--backend", "neo4j"])
    here = runner.invoke(main, [*args, str(tmp_path / "embedded.json"), "--data", str(bundled_data_dir())])
    assert there.exit_code == here.exit_code == 0, there.output + here.output
    neo4j_json = (tmp_path / "neo4j.json").read_bytes()
    assert neo4j_json == (tmp_path / "embedded.json").read_bytes() and len(neo4j_json) > 100_000


def test_analyze_reads_edits_made_in_neo4j_and_writes_back(loaded, real_graph, neo4j_env, tmp_path) -> None:
    extra = Node("cli-only", ("Organization",), {"name": "Only in Neo4j", "kind": "ngo", "status": "active"})
    loaded.execute_query("CREATE (n:Organization) SET n = $props", props={"id": extra.id, **extra.properties})
    there = CliRunner().invoke(main, ["analyze", "--backend", "neo4j", "--json", str(tmp_path / "neo4j.json"),
                                      "-q", "--write-neo4j", "--lang", "en"])
    assert there.exit_code == 0, there.output
    assert "analysis written to Neo4j: 167 organizations, 12 proposed alliances" in there.output
    assert neo4j_env.password not in there.output
    shared = real_graph.copy()
    shared.add_node(extra.id, labels=extra.labels, **extra.properties)  # the team's edit, made in Neo4j
    assert json.loads((tmp_path / "neo4j.json").read_text(encoding="utf-8")) == analyze(shared).to_json()
    assert analysis_on_nodes(loaded)["cli-only"]["isolated"] is True
    [run] = runs(loaded)
    assert run["backend"] == "neo4j" and run["organizations"] == 167


def test_cli_write_of_an_embedded_graph_that_is_not_in_neo4j_fails_cleanly(neo4j_clean, neo4j_env) -> None:
    result = CliRunner().invoke(main, ["analyze", "-q", "--write-neo4j", "--lang", "en",
                                       "--data", str(bundled_data_dir())])
    assert result.exit_code == 1
    assert result.output.startswith("Error: analysis not written: 166 analysed organizations are not in Neo4j")
    assert "Traceback" not in result.output and runs(neo4j_clean) == []


def doc_snippets() -> list[str]:
    """The Cypher blocks of docs/neo4j.md's section on the analysis in Browser."""
    section = DOC.read_text(encoding="utf-8").split("### Browser: ready-to-run Cypher")[1].split("\n### ")[0]
    return re.findall(r"```cypher\n(.*?)```", section, flags=re.S)


def test_every_browser_snippet_of_the_docs_runs_and_finds_something(loaded, result) -> None:
    write_analysis(loaded, **rows_of(result))
    snippets = doc_snippets()
    assert len(snippets) == 9
    for snippet in snippets:
        records, _, _ = loaded.execute_query(snippet)
        assert records, snippet
    cut_points, _, _ = loaded.execute_query(next(s for s in snippets if "c.cut_off_count AS cut_off" in s))
    assert [r["cut_off"] for r in cut_points][:1] == [15] and len(cut_points) == len(result.articulation_points)
