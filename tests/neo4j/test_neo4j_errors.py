"""Issue 12 against the REAL server: bad URIs and databases, Browser-made values, big integers, staging leftovers."""
from __future__ import annotations

import http.server
import json
import threading

import pytest

from essgraph.errors import Neo4jConnectionError, Neo4jLoadError
from essgraph.graphmodel import Node, build_graph
from essgraph.loaders.snapshot import graph_to_dict
from essgraph.neo4jstore import load, pull
from essgraph.neo4jstore.connection import Neo4jSettings, check_uri, open_driver, verify


def _small():
    return build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo"}),
                        Node("b", ("Organization",), {"name": "B", "kind": "ngo"})], [])


def test_a_port_that_is_not_a_number_is_one_error() -> None:
    with pytest.raises(Neo4jConnectionError):
        check_uri("bolt://127.0.0.1:abc")


def test_an_http_server_on_the_port_is_one_error() -> None:
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{server.server_address[1]}", password="x")
        with open_driver(settings) as driver, pytest.raises(Neo4jConnectionError):
            verify(driver, settings)
    finally:
        server.shutdown()


def test_an_unknown_database_is_one_error(neo4j_server) -> None:
    settings = Neo4jSettings(uri=neo4j_server.uri, user=neo4j_server.user, password=neo4j_server.password,
                             database="no-such-db")
    with open_driver(settings) as driver, pytest.raises(Neo4jConnectionError, match="no-such-db"):
        verify(driver, settings)


def test_pull_turns_browser_made_dates_and_points_into_plain_text(neo4j_clean) -> None:
    load(neo4j_clean, _small())
    neo4j_clean.execute_query("MATCH (a {id: 'a'}) SET a.since = date('2018-09-01'), "
                              "a.where = point({longitude: -71.97, latitude: -13.52}), a.at = datetime('2018-09-01T10:00:00Z')")
    G = pull(neo4j_clean)
    assert G.nodes["a"]["since"] == "2018-09-01" and G.nodes["a"]["where"].startswith("SRID=4326;POINT(")
    json.dumps(graph_to_dict(G))  # the snapshot writes it


def test_an_integer_neo4j_cannot_hold_is_refused_before_any_write(neo4j_clean) -> None:
    G = _small()
    G.nodes["a"]["founded_year"] = 2 ** 70
    with pytest.raises(Neo4jLoadError, match="64-bit"):
        load(neo4j_clean, G)
    assert neo4j_clean.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


def test_every_load_removes_staging_left_by_an_interrupted_one(neo4j_clean) -> None:
    neo4j_clean.execute_query("UNWIND range(1, 5) AS i CREATE (:EssgraphStaging {id: 'left-' + toString(i)})")
    load(neo4j_clean, _small())  # a small load: one transaction, not staged
    left = neo4j_clean.execute_query("MATCH (n:EssgraphStaging) RETURN count(n) AS n").records[0]["n"]
    assert left == 0
