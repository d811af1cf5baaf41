"""The test Neo4j server is real, is 5.26.x, stores data, and survives a hard kill."""

from __future__ import annotations

import uuid


def test_return_1(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query("RETURN 1 AS x")
    assert records[0]["x"] == 1


def test_version_is_5_26(neo4j_driver):
    records, _, _ = neo4j_driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions, edition")
    kernel = [r for r in records if r["name"] == "Neo4j Kernel"]
    assert kernel, records
    version = kernel[0]["versions"][0]
    assert version.startswith("5.26."), version
    # The driver also sees it through the Bolt handshake.
    info = neo4j_driver.get_server_info()
    assert info.agent.startswith("Neo4j/5.26."), info.agent


def test_uri_is_bolt_on_loopback_or_given(neo4j_server, neo4j_uri):
    assert neo4j_uri == neo4j_server.uri
    assert neo4j_uri.startswith(("bolt://", "neo4j://", "bolt+s://", "neo4j+s://"))
    if neo4j_server.managed:
        assert neo4j_uri.startswith("bolt://127.0.0.1:")


def test_write_read_round_trip(neo4j_clean):
    drv = neo4j_clean
    drv.execute_query(
        "CREATE (a:Gene {id: $a, score: 0.5})-[:INTERACTS {evidence: ['exp', 'db']}]->"
        "(b:Gene {id: $b})",
        a="YAL001C", b="YBR002W")
    records, _, _ = drv.execute_query(
        "MATCH (a:Gene)-[r:INTERACTS]->(b:Gene) RETURN a.id AS a, a.score AS s, "
        "r.evidence AS ev, b.id AS b")
    assert [r.data() for r in records] == [
        {"a": "YAL001C", "s": 0.5, "ev": ["exp", "db"], "b": "YBR002W"}]


def test_clean_fixture_empties_database(neo4j_clean):
    # The previous test left nodes; neo4j_clean must have removed them and any constraint.
    neo4j_clean.execute_query("CREATE CONSTRAINT gene_id IF NOT EXISTS "
                              "FOR (g:Gene) REQUIRE g.id IS UNIQUE")
    records, _, _ = neo4j_clean.execute_query("MATCH (n) RETURN count(n) AS c")
    assert records[0]["c"] == 0


def test_clean_fixture_drops_constraints(neo4j_clean):
    records, _, _ = neo4j_clean.execute_query("SHOW CONSTRAINTS YIELD name RETURN name")
    assert records == []


def test_kill_and_restart_keeps_committed_data(neo4j_server, neo4j_clean):
    drv = neo4j_clean
    marker = str(uuid.uuid4())
    # Committed in its own transaction before the kill.
    drv.execute_query("UNWIND range(1, 500) AS i CREATE (:Durable {marker: $m, i: i})",
                      m=marker)
    # Open, uncommitted work at the moment of the kill must not survive.
    session = drv.session()
    tx = session.begin_transaction()
    tx.run("CREATE (:Uncommitted {marker: $m})", m=marker).consume()

    neo4j_server.kill()  # SIGKILL: no shutdown hook, no checkpoint
    try:
        session.close()
    except Exception:
        pass  # its connection died with the server

    neo4j_server.restart()  # same data dir and port; Neo4j recovers from its tx log
    records, _, _ = drv.execute_query(
        "MATCH (d:Durable {marker: $m}) RETURN count(d) AS c, sum(d.i) AS s", m=marker)
    assert (records[0]["c"], records[0]["s"]) == (500, 500 * 501 // 2)
    records, _, _ = drv.execute_query(
        "MATCH (u:Uncommitted {marker: $m}) RETURN count(u) AS c", m=marker)
    assert records[0]["c"] == 0
    # A fresh driver on the (unchanged) URI works as well.
    assert neo4j_server.driver().execute_query("RETURN 2 AS x").records[0]["x"] == 2
