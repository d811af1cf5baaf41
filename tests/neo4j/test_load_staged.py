"""The STAGED path of the Neo4j loader (big loads: every batch in its own transaction, then one swap
transaction) against the REAL server: same result as the one-transaction path, idempotence,
--replace, a server killed while staging nodes, relationships or inside the swap, transient errors
per batch, a lost commit, and the fail-fast on the server's transaction memory."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import IncompleteCommit, TransientError

from essgraph.errors import Neo4jLoadError
from essgraph.graphmodel import to_json_dict
from essgraph.loaders import bundled_data_dir, load_graph
from essgraph.neo4jstore import load, pull
from essgraph.neo4jstore.rows import node_batches, rel_batches
from synthetic_graph import synthetic_graph
from essgraph.queries import list_queries, query

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "essgraph-small-heap"
STAGED = {"staged_threshold": 0}  # stage every load that can be staged, whatever its size


def state(driver, *, visible_only: bool = False) -> dict:
    """Counts and a hash of every node and relationship (labels, properties) in the database;
    ``visible_only``: leave out staged nodes (label EssgraphStaging) and their relationships."""
    where = "WHERE NOT n:EssgraphStaging" if visible_only else ""
    nodes, _, _ = driver.execute_query(f"MATCH (n) {where} RETURN labels(n) AS l, properties(n) AS p")
    where = "WHERE NOT a:EssgraphStaging AND NOT b:EssgraphStaging" if visible_only else ""
    rels, _, _ = driver.execute_query(
        f"MATCH (a)-[r]->(b) {where} RETURN type(r) AS t, a.id AS a, b.id AS b, properties(r) AS p")
    canon = sorted(json.dumps([sorted(r["l"]), r["p"]], sort_keys=True, default=str) for r in nodes)
    canon_r = sorted(json.dumps([r["t"], r["a"], r["b"], r["p"]], sort_keys=True, default=str) for r in rels)
    return {"nodes": len(canon), "relationships": len(canon_r),
            "hash": hashlib.sha256("\n".join(canon + canon_r).encode()).hexdigest()}


def staged_nodes(driver) -> int:
    return driver.execute_query("MATCH (n:EssgraphStaging) RETURN count(n) AS n").records[0]["n"]


def answers(driver, names: set[str] | None = None) -> dict[str, list]:
    """Named queries' rows (header example parameters): all of them, or those in ``names``."""
    return {spec.name: query(spec.name, {p.name: p.example for p in spec.params}, driver=driver).rows
            for spec in list_queries() if names is None or spec.name in names}


@pytest.fixture(scope="module")
def bundled():
    return load_graph(data_dir=bundled_data_dir())


@pytest.fixture(scope="module")
def small():
    return synthetic_graph(300, ties_per_node=3, seed=3)


def test_staged_load_equals_a_one_transaction_load(neo4j_clean, small) -> None:
    one = load(neo4j_clean, small, batch_size=100, staged_threshold=10**9)
    assert not one.staged
    expected = state(neo4j_clean)
    neo4j_clean.execute_query("MATCH (n) DETACH DELETE n")
    summary = load(neo4j_clean, small, batch_size=100, **STAGED)
    assert summary.staged and summary.attempts == 1
    assert summary.batches == len(node_batches(small, 100)) + len(rel_batches(small, 100)) > 10
    assert summary.nodes == {"created": 300, "updated": 0, "unchanged": 0}
    assert summary.relationships == {"created": 900, "updated": 0, "unchanged": 0}
    assert state(neo4j_clean) == expected and staged_nodes(neo4j_clean) == 0
    pulled, built = to_json_dict(pull(neo4j_clean)), to_json_dict(small)
    assert pulled["nodes"] == built["nodes"] and pulled["relationships"] == built["relationships"]


def test_staged_then_reload_and_replace_are_idempotent(neo4j_clean, small) -> None:
    load(neo4j_clean, small, batch_size=100, **STAGED)
    after_first = state(neo4j_clean)
    again = load(neo4j_clean, small, batch_size=100, **STAGED)  # project data present: merged, one transaction
    assert not again.staged
    assert again.nodes["unchanged"] == 300 and again.relationships["unchanged"] == 900
    assert state(neo4j_clean) == after_first
    replaced = load(neo4j_clean, small, batch_size=100, replace=True, **STAGED)
    assert replaced.staged and replaced.deleted_nodes == 300
    assert state(neo4j_clean) == after_first and staged_nodes(neo4j_clean) == 0


def test_staged_replace_removes_only_the_projects_labels(neo4j_clean, bundled, small) -> None:
    neo4j_clean.execute_query("CREATE (:Customer {id: 'org-1', name: 'not ours'})-[:BOUGHT]->(:Product {sku: 1})")
    load(neo4j_clean, bundled)
    summary = load(neo4j_clean, small, batch_size=100, replace=True, **STAGED)
    assert summary.staged and summary.deleted_nodes == bundled.number_of_nodes()
    H = pull(neo4j_clean)
    assert sorted(H.nodes) == sorted(small.nodes)
    records, _, _ = neo4j_clean.execute_query(
        "MATCH (c:Customer)-[:BOUGHT]->(p:Product) RETURN c.name AS name, p.sku AS sku")
    assert [r.data() for r in records] == [{"name": "not ours", "sku": 1}]


def test_transient_error_in_a_batch_retries_that_batch_only(neo4j_clean, small) -> None:
    raised = []

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k in (2, 5) and k not in raised:
            raised.append(k)
            raise TransientError(f"injected transient failure at batch {k}")

    summary = load(neo4j_clean, small, batch_size=100, fault_hook=fault, **STAGED)
    assert raised == [2, 5] and summary.attempts == 3
    assert state(neo4j_clean)["nodes"] == 300 and state(neo4j_clean)["relationships"] == 900
    assert staged_nodes(neo4j_clean) == 0


def test_lost_commit_while_staging_changes_nothing_visible(neo4j_clean, bundled, small) -> None:
    load(neo4j_clean, bundled)
    before = state(neo4j_clean)

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k == 4:
            raise IncompleteCommit("injected: connection lost during the commit of a staging batch")

    with pytest.raises(Neo4jLoadError, match="^incomplete load: the staged load stopped at batch 4 of .*nothing "
                                             "was published"):
        load(neo4j_clean, small, batch_size=100, replace=True, fault_hook=fault, lang="en", **STAGED)
    assert state(neo4j_clean, visible_only=True) == before
    assert staged_nodes(neo4j_clean) == sum(len(b.rows) for b in node_batches(small, 100)[:3])  # left, invisible


# The kill points: during node staging, during relationship staging, inside the swap (before its commit).
KILLS = {"nodes": ("batch", 2), "relationships": ("batch", 6), "swap": ("swap", None)}


@pytest.mark.parametrize("where", list(KILLS))
def test_server_killed_during_a_staged_load_leaves_the_database_as_before(
        neo4j_server, neo4j_clean, bundled, where) -> None:
    load(neo4j_clean, bundled)  # the state before the failing load
    neo4j_clean.execute_query("CREATE (:Customer {id: 'c1'})")
    before, before_graph, before_answers = state(neo4j_clean), to_json_dict(pull(neo4j_clean)), answers(neo4j_clean)
    big = synthetic_graph(1000, ties_per_node=3, seed=7)  # 2 node batches of 500 (+1 for networks), 6+ of ties
    driver = neo4j_server.driver(max_transaction_retry_time=1.0)
    stage, at = KILLS[where]
    killed = []

    def fault(s: str, k: int) -> None:
        if s == stage and (at is None or k == at) and not killed:
            killed.append(k)
            neo4j_server.kill()  # SIGKILL the real server in the middle of the load

    try:
        with pytest.raises(Neo4jLoadError) as info:
            load(driver, big, batch_size=500, replace=True, fault_hook=fault, **STAGED)
    finally:
        if killed:
            neo4j_server.restart()
    assert killed
    message = str(info.value)
    assert message.startswith("carga incompleta") and "quedó como antes" in message
    # What readers see is exactly the state before the load, --replace included:
    assert to_json_dict(pull(neo4j_clean)) == before_graph
    assert answers(neo4j_clean) == before_answers
    assert state(neo4j_clean, visible_only=True) == before
    if where != "nodes":
        assert staged_nodes(neo4j_clean) == 1000  # the staged rows are there, yet invisible
    summary = load(neo4j_clean, big, batch_size=500, replace=True, **STAGED)  # the rerun converges
    assert summary.staged and summary.nodes["created"] == 1000
    after = state(neo4j_clean)
    assert after["nodes"] == 1000 + 1 and after["relationships"] == big.number_of_edges()
    assert staged_nodes(neo4j_clean) == 0
    assert to_json_dict(pull(neo4j_clean))["relationships"] == to_json_dict(big)["relationships"]


def test_ties_by_year_ignores_staged_relationships(neo4j_clean, bundled, small) -> None:
    load(neo4j_clean, bundled)
    before = answers(neo4j_clean, {"ties_by_year"})

    def fault(stage: str, k: int) -> None:
        if stage == "batch" and k == len(node_batches(small, 100)) + 2:  # after a relationship batch
            raise IncompleteCommit("injected: connection lost during the commit of a staging batch")

    with pytest.raises(Neo4jLoadError):
        load(neo4j_clean, small, batch_size=100, replace=True, fault_hook=fault, **STAGED)
    assert answers(neo4j_clean, {"ties_by_year"}) == before


@pytest.fixture(scope="module")
def small_heap_server(tmp_path_factory):
    """A second real server with a 192 MB heap (so ~134 MB of transaction memory), for the memory test."""
    env = dict(os.environ, NEO4J_PASSWORD=PASSWORD,
               ESSGRAPH_NEO4J_JAVA_OPTS=(os.environ.get("ESSGRAPH_NEO4J_JAVA_OPTS", "") + " -Xms192m -Xmx192m"))
    home = tmp_path_factory.mktemp("neo4j-small-heap")
    proc = subprocess.Popen([str(ROOT / "scripts" / "neo4j-test-server"), "launch", str(home), "0"],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    try:
        uri = None
        deadline = time.monotonic() + 180
        assert proc.stdout is not None
        while uri is None and time.monotonic() < deadline:
            line = proc.stdout.readline().decode()
            if not line:
                break
            if line.startswith("NEO4J_URI="):
                uri = line.strip().split("=", 1)[1]
        if uri is None:
            pytest.fail("the small-heap Neo4j server did not start", pytrace=False)
        with GraphDatabase.driver(uri, auth=("neo4j", PASSWORD)) as driver:
            yield driver
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_transaction_memory_exhausted_fails_fast_with_advice(neo4j_server, small_heap_server) -> None:
    if not neo4j_server.managed:
        pytest.skip("needs the project's own server script (unset NEO4J_URI)")
    G = synthetic_graph(12_000, ties_per_node=5, seed=5)  # 72k rows in one transaction: more than 134 MB
    starts = []  # progress(0, total) opens every attempt of the one transaction
    with pytest.raises(Neo4jLoadError) as info:
        load(small_heap_server, G, staged_threshold=10**9, lang="en",
             progress=lambda done, total: starts.append(done) if done == 0 else None)
    message = str(info.value)
    assert message.startswith("incomplete load: Neo4j ran out of transaction memory")
    assert "MemoryPoolOutOfMemoryError" in message
    assert "smaller batches" in message and "ESSGRAPH_NEO4J_JAVA_OPTS" in message
    assert info.value.options == ("batch_size", "replace")  # the CLI adds their flags
    assert starts == [0]  # failed fast: not retried (the driver would retry a TransientError for 30 s)
    assert state(small_heap_server)["nodes"] == 0
    summary = load(small_heap_server, G, staged_threshold=0)  # the staged path loads it on the same heap
    assert summary.staged and state(small_heap_server)["relationships"] == G.number_of_edges()
