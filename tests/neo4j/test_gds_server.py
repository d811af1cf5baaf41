"""The test server's Graph Data Science variant: GDS Community 2.13 answers, with every procedure essgraph calls."""

from __future__ import annotations

from essgraph.neo4jstore.gds import PROCEDURES


def test_gds_version_is_2_13(gds_driver) -> None:
    version = gds_driver.execute_query("RETURN gds.version() AS v").records[0]["v"]
    assert version.startswith("2.13."), version


def test_every_procedure_essgraph_calls_is_registered(gds_driver) -> None:
    names = {r["name"] for r in gds_driver.execute_query("CALL gds.list() YIELD name RETURN name").records}
    functions = {r["name"] for r in gds_driver.execute_query(
        "SHOW FUNCTIONS YIELD name WHERE name STARTS WITH 'gds.' RETURN name").records}
    assert len(names) > 100
    assert sorted(set(PROCEDURES) - names - functions) == []


def test_wcc_streams_the_components_of_a_cypher_projection(gds_clean) -> None:
    gds_clean.execute_query("CREATE (:Organization {id: 'a'})-[:ALLIED_WITH]->(:Organization {id: 'b'}), "
                            "(:Organization {id: 'c'})")
    gds_clean.execute_query("MATCH (a:Organization) OPTIONAL MATCH (a)-[:ALLIED_WITH]->(b:Organization) "
                            "WITH gds.graph.project('probe', a, b) AS g RETURN g.nodeCount")
    rows = gds_clean.execute_query("CALL gds.wcc.stream('probe') YIELD nodeId, componentId "
                                   "RETURN gds.util.asNode(nodeId).id AS id, componentId ORDER BY id").records
    component = {r["id"]: r["componentId"] for r in rows}
    assert component["a"] == component["b"] != component["c"]
