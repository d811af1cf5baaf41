"""The Neo4j loader against the REAL server (tests/conftest.py): idempotence, --replace,
failure injection (transient error, lost commit, killed server), Cypher injection, credentials."""
from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from neo4j.exceptions import IncompleteCommit, TransientError

from essgraph.cli import main
from essgraph.errors import Neo4jConnectionError, Neo4jLoadError
from essgraph.graphmodel import Node, Relationship, build_graph, to_json_dict
from essgraph.loaders import bundled_data_dir, load_graph
from essgraph.neo4jstore import load, pull
from synthetic_graph import synthetic_graph


def empty_database(driver) -> None:
    """Delete every node and relationship (constraints stay; the load recreates them anyway)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


@pytest.fixture(scope="module")
def bundled():
    return _bundled()


def _bundled():
    return load_graph(data_dir=bundled_data_dir())


def state(driver) -> dict:
    """Counts and a hash of every node and relationship (labels, properties) in the whole database."""
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS l, properties(n) AS p")
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p")
    canon = sorted(json.dumps([sorted(r["l"]), r["p"]], sort_keys=True, default=str) for r in nodes)
    canon_r = sorted(json.dumps([r["t"], r["a"], r["b"], r["p"]], sort_keys=True, default=str) for r in rels)
    return {"nodes": len(canon), "relationships": len(canon_r),
            "hash": hashlib.sha256("\n".join(canon + canon_r).encode()).hexdigest()}


def test_load_twice_is_idempotent(neo4j_clean, bundled) -> None:
    first = load(neo4j_clean, bundled, batch_size=50)
    assert first.nodes["created"] == bundled.number_of_nodes()
    assert first.relationships["created"] == bundled.number_of_edges()
    after_first = state(neo4j_clean)
    second = load(neo4j_clean, bundled, batch_size=1000)
    assert state(neo4j_clean) == after_first
    assert second.nodes == {"created": 0, "updated": 0, "unchanged": bundled.number_of_nodes()}
    assert second.relationships == {"created": 0, "updated": 0, "unchanged": bundled.number_of_edges()}
    assert after_first["nodes"] == bundled.number_of_nodes()


def test_constraints_exist_before_data(neo4j_clean) -> None:
    load(neo4j_clean, build_graph([], []))
    records, _, _ = neo4j_clean.execute_query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type")
    got = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records}
    assert {("Organization", "id"), ("Municipality", "id"), ("Region", "id"), ("MacroRegion", "id"),
            ("Person", "id")} <= got
    # Relationship keys: a range index (not a uniqueness constraint, which a staged --replace would
    # violate until its swap); staged nodes are found by id through their own index.
    records, _, _ = neo4j_clean.execute_query(
        "SHOW INDEXES YIELD labelsOrTypes, properties, type, state WHERE type = 'RANGE' RETURN *")
    indexed = {(r["labelsOrTypes"][0], r["properties"][0]) for r in records}
    assert {("MEMBER_OF", "key"), ("SUPPORTS", "key"), ("EssgraphStaging", "id")} <= indexed


def test_update_is_counted_and_label_changes_apply(neo4j_clean) -> None:
    G = build_graph([Node("x", ("Organization", "Network"), {"name": "X", "kind": "network"})], [])
    load(neo4j_clean, G)
    H = build_graph([Node("x", ("Organization",), {"name": "X2", "kind": "ngo"})], [])
    summary = load(neo4j_clean, H)
    assert summary.nodes == {"created": 0, "updated": 1, "unchanged": 0}
    assert to_json_dict(pull(neo4j_clean))["nodes"] == to_json_dict(H)["nodes"]


def test_replace_removes_only_the_projects_labels(neo4j_clean, bundled) -> None:
    neo4j_clean.execute_query("CREATE (:Customer {id: 'gresp', name: 'not ours'})-[:BOUGHT]->(:Product {sku: 1})")
    load(neo4j_clean, build_graph([Node("stale", ("Organization",), {"name": "old"})], []))
    summary = load(neo4j_clean, bundled, replace=True)
    assert summary.deleted_nodes == 1
    assert "stale" not in pull(neo4j_clean)
    records, _, _ = neo4j_clean.execute_query(
        "MATCH (c:Customer)-[:BOUGHT]->(p:Product) RETURN c.name AS name, p.sku AS sku")
    assert [r.data() for r in records] == [{"name": "not ours", "sku": 1}]


def test_transient_error_is_retried_and_equals_a_clean_load(neo4j_clean, bundled) -> None:
    load(neo4j_clean, bundled, batch_size=100)
    clean = state(neo4j_clean)
    empty_database(neo4j_clean)
    raised = []

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k == 3 and not raised:
            raised.append(k)
            raise TransientError("injected transient failure at batch 3")

    summary = load(neo4j_clean, bundled, batch_size=100, fault_hook=fault)
    assert raised == [3] and summary.attempts == 2
    assert summary.nodes["created"] == bundled.number_of_nodes()
    assert state(neo4j_clean) == clean


@pytest.mark.parametrize("stage", ["batch", "committed"])
def test_commit_outcome_unknown_is_reported_and_a_rerun_converges(neo4j_clean, bundled, stage) -> None:
    def fault(s: str, k: int) -> None:
        if s == stage and (s == "committed" or k == 5):
            raise IncompleteCommit("injected: connection lost during commit")

    with pytest.raises(Neo4jLoadError) as info:
        load(neo4j_clean, bundled, batch_size=100, fault_hook=fault)
    assert str(info.value).startswith("carga incompleta: estado desconocido")
    assert "Vuelva a ejecutar" in str(info.value)
    with pytest.raises(Neo4jLoadError, match="^incomplete load: unknown state.*Run the command again"):
        load(neo4j_clean, bundled, batch_size=100, fault_hook=fault, lang="en")
    load(neo4j_clean, bundled, batch_size=100)
    after = state(neo4j_clean)
    assert after["nodes"] == bundled.number_of_nodes() and after["relationships"] == bundled.number_of_edges()
    assert to_json_dict(pull(neo4j_clean))["relationships"] == to_json_dict(bundled)["relationships"]


def test_server_killed_mid_load_leaves_the_database_as_before(neo4j_server, neo4j_clean, bundled) -> None:
    load(neo4j_clean, bundled)  # the state before the failing load
    neo4j_clean.execute_query("CREATE (:Customer {id: 'c1'})")
    before = state(neo4j_clean)
    big = synthetic_graph(3000, ties_per_node=3, seed=7)
    driver = neo4j_server.driver(max_transaction_retry_time=1.0)
    killed = []

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k == 6:
            killed.append(k)
            neo4j_server.kill()  # SIGKILL the real server in the middle of the transaction

    try:
        with pytest.raises(Neo4jLoadError) as info:
            load(driver, big, batch_size=500, replace=True, fault_hook=fault)
    finally:
        if killed:
            neo4j_server.restart()
    assert killed == [6]
    message = str(info.value)
    assert message.startswith("carga incompleta") and "lote 6 de" in message
    assert state(neo4j_clean) == before  # nothing half-loaded; --replace rolled back too
    summary = load(neo4j_clean, big, batch_size=500, replace=True)  # the rerun converges
    assert summary.nodes["created"] == 3000
    after = state(neo4j_clean)
    assert after["nodes"] == 3000 + 1 and after["relationships"] == big.number_of_edges()


def test_cli_reports_an_incomplete_load_in_english(neo4j_server, neo4j_clean, monkeypatch) -> None:
    # The CLI path of a failure: a server that is gone before the load starts.
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password or "")
    result = CliRunner().invoke(main, ["neo4j", "load", "--uri", "bolt://127.0.0.1:1", "--lang", "en",
                                       "--no-progress"])
    assert result.exit_code == 1
    assert "Error: no Neo4j at bolt://127.0.0.1:1" in result.output


INJECTION = "x' WITH 1 AS a MATCH (n) DETACH DELETE n //"


def test_cypher_injection_through_data_is_stored_literally(neo4j_clean, bundled) -> None:
    load(neo4j_clean, bundled)
    G = build_graph([Node("evil", ("Organization",), {"name": INJECTION, "aliases": [INJECTION, '"}) DETACH DELETE n //']}),
                     Node("gresp", ("Organization",), {"name": "x"})],
                    [Relationship("SUPPORTS", "evil", "gresp", {"quote": INJECTION, "note": "`) DELETE r //"})])
    load(neo4j_clean, G)
    records, _, _ = neo4j_clean.execute_query("MATCH (n:Organization {id: 'evil'}) RETURN n.name AS name")
    assert records[0]["name"] == INJECTION
    assert state(neo4j_clean)["nodes"] == bundled.number_of_nodes() + 1
    H = pull(neo4j_clean)
    assert H.nodes["evil"]["aliases"][0] == INJECTION
    assert [d["quote"] for _, _, d in H.out_edges("evil", data=True)] == [INJECTION]


def test_labels_outside_the_model_are_refused_before_any_write(neo4j_clean) -> None:
    G = build_graph([Node("a", ("Organization", "X) DETACH DELETE n //"), {"name": "a"})], [])
    with pytest.raises(Neo4jLoadError, match="not in the graph model"):
        load(neo4j_clean, G)
    assert state(neo4j_clean)["nodes"] == 0


SECRET = "Wr0ng-Secret-pa55"


def test_wrong_password_never_shows(neo4j_server, neo4j_clean, monkeypatch) -> None:
    neo4j_clean.execute_query("CREATE USER planner IF NOT EXISTS SET PLAINTEXT PASSWORD 'planner-pass-1' "
                              "CHANGE NOT REQUIRED", database_="system")
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", "planner")
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    result = CliRunner().invoke(main, ["neo4j", "load", "--verbose", "--no-progress",
                                       "--data", str(bundled_data_dir())])
    assert result.exit_code == 1
    assert "Error: Neo4j en " in result.output and "rechazó las credenciales del usuario planner" in result.output
    assert SECRET not in result.output and SECRET not in (result.stderr or "")
    assert "DEBUG" in result.output  # the verbose driver log was on


def test_password_prompt_is_hidden(neo4j_server, neo4j_clean, monkeypatch) -> None:
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    result = CliRunner().invoke(main, ["neo4j", "load", "--no-progress", "--lang", "en", "-v",
                                       "--data", str(bundled_data_dir())],
                                input=f"{neo4j_server.password}\n")
    assert result.exit_code == 0, result.output
    assert "Neo4j password for neo4j" in result.output
    assert neo4j_server.password not in result.output
    assert "relationships:" in result.output


def test_cli_progress_bar_counts_rows(neo4j_server, neo4j_clean, bundled, monkeypatch) -> None:
    from essgraph.cli import options

    monkeypatch.setattr(options, "_terminal", lambda: True)  # as on a console (CliRunner's stderr is none)
    monkeypatch.setattr(options, "BAR_AFTER", 0.0)
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password or "")
    result = CliRunner().invoke(main, ["neo4j", "load", "--lang", "en", "--data", str(bundled_data_dir())])
    assert result.exit_code == 0, result.output
    rows = bundled.number_of_nodes() + bundled.number_of_edges()
    # counts in rows (nodes + relationships), not batches, with the rate (and the ETA while it runs)
    assert f"{rows}/{rows} [" in result.stderr and "rows/s]" in result.stderr and "neo4j load" in result.stderr
    quiet = CliRunner().invoke(main, ["neo4j", "load", "--lang", "en", "--no-progress", "--data", str(bundled_data_dir())])
    assert quiet.exit_code == 0 and "rows/s" not in quiet.stderr  # the old spelling of --quiet still works


def test_unencrypted_remote_uri_is_refused_before_any_prompt() -> None:
    result = CliRunner().invoke(main, ["neo4j", "load", "--uri", "bolt://db.example.org:7687"], input="x\n")
    assert result.exit_code == 1
    assert result.output.startswith("Error: se rechaza la conexión sin cifrar")


def test_uri_with_credentials_is_refused_without_echoing_them() -> None:
    result = CliRunner().invoke(main, ["neo4j", "load", "--uri", "bolt://neo4j:TopSecret99@localhost:7687"])
    assert result.exit_code == 1 and "TopSecret99" not in result.output and "***@localhost" in result.output
