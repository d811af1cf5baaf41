"""Every named query runs in the REAL Neo4j with every parameter supplied, and gives exactly the
rows (same order) of the embedded NetworkX answer over the same data."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.loaders import bundled_data_dir, load_graph
from essgraph.neo4jstore import load
from essgraph.queries import list_queries, query


def empty_database(driver) -> None:
    """Delete every node and relationship (constraints stay; the load recreates them anyway)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()

# Queries whose header example may legitimately give no rows on the bundled data.
MAY_BE_EMPTY: set[str] = set()


@pytest.fixture(scope="module")
def loaded(neo4j_driver):

    empty_database(neo4j_driver)
    G = load_graph(data_dir=bundled_data_dir())
    load(neo4j_driver, G)
    return G, neo4j_driver


def _examples(spec) -> dict[str, str]:
    return {p.name: p.example for p in spec.params}


@pytest.mark.parametrize("spec", list_queries(), ids=lambda s: s.name)
def test_parity_on_the_bundled_data(loaded, spec) -> None:
    G, driver = loaded
    params = _examples(spec)
    embedded = query(spec.name, params, graph=G)
    neo = query(spec.name, params, driver=driver)
    assert neo.columns == embedded.columns == spec.columns
    assert neo.rows == embedded.rows
    if spec.name not in MAY_BE_EMPTY:
        assert embedded.rows, f"{spec.name}: the header example gives no rows; pick a better example"


@pytest.mark.parametrize("name, params", [
    ("orgs_by_region", {"region": "cusco"}), ("orgs_by_region", {"region": "no-such-region"}),
    ("network_members", {"network": "ripess"}), ("neighbourhood", {"id": "gresp", "steps": 1}),
    ("neighbourhood", {"id": "gresp", "steps": 4}), ("shortest_chain", {"from": "gresp", "to": "gsef"}),
    ("orgs_by_kind", {"kind": "ngo"}), ("orgs_by_sector", {"sector": "a11"}),
])
def test_parity_with_other_values(loaded, name, params) -> None:
    G, driver = loaded
    assert query(name, params, driver=driver).rows == query(name, params, graph=G).rows


def test_cli_backends_agree(loaded, neo4j_server, monkeypatch) -> None:
    monkeypatch.setenv("NEO4J_URI", neo4j_server.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_server.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    runner = CliRunner()
    args = ["query", "network_members", "--param", "network=gresp", "--format", "csv"]
    embedded = runner.invoke(main, [*args, "--data", str(bundled_data_dir())])
    neo = runner.invoke(main, [*args, "--backend", "neo4j"])
    assert embedded.exit_code == neo.exit_code == 0, neo.output
    assert neo.output == embedded.output and embedded.output.count("\n") > 3
