"""Pure tests of the named-query library (headers, parameters, embedded answers, CLI rendering)."""
from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.errors import QueryError
from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders import bundled_data_dir
from essgraph.queries import EMBEDDED, get_query, list_queries, parse_params, query

REQUIRED = {"orgs_by_region", "orgs_by_macro_region", "orgs_by_kind", "orgs_by_sector", "network_members",
            "orgs_in_no_network", "municipality_ties", "orgs_tied_to_municipalities", "shortest_chain",
            "shared_interviewees", "regions_without_national_network", "neighbourhood", "ties_by_year",
            "tie_evidence"}


def test_every_planner_question_has_a_query_and_an_embedded_answer() -> None:
    names = {q.name for q in list_queries()}
    assert REQUIRED <= names
    assert names == set(EMBEDDED)


@pytest.mark.parametrize("spec", list_queries(), ids=lambda s: s.name)
def test_headers_are_complete(spec) -> None:
    assert spec.question.endswith("?")
    assert spec.columns and all(re.fullmatch(r"\w+", c) for c in spec.columns)
    for p in spec.params:
        assert p.example, f"{spec.name}: parameter {p.name} has no example"
        assert f"${p.name}" in spec.cypher, f"{spec.name}: ${p.name} not used"
    used = set(re.findall(r"\$(\w+)", spec.cypher))
    assert used == {p.name for p in spec.params}, f"{spec.name}: parameters in Cypher {used}"
    for column in spec.columns:
        assert re.search(rf"\bAS {column}\b|RETURN .*\b{column}\b", spec.cypher, re.S), column


def test_parse_params_errors() -> None:
    spec = get_query("neighbourhood")
    with pytest.raises(QueryError, match="needs --param steps"):
        parse_params(spec, {"id": "gresp"})
    with pytest.raises(QueryError, match="no parameter 'nope'"):
        parse_params(spec, {"id": "gresp", "steps": "1", "nope": "x"})
    with pytest.raises(QueryError, match="integer"):
        parse_params(spec, {"id": "gresp", "steps": "two"})
    with pytest.raises(QueryError, match="unknown query"):
        get_query("drop_everything")


def _g():
    return build_graph(
        [Node("red", ("Organization", "Network"), {"name": "Red", "kind": "network", "scope": "national"}),
         Node("sub", ("Organization", "Network"), {"name": "Sub", "kind": "network", "region": "cusco"}),
         Node("a", ("Organization",), {"name": "A", "kind": "ngo", "region": "cusco"}),
         Node("b", ("Organization",), {"name": "B", "kind": "ngo", "region": "puno"}),
         Node("muni-x", ("Municipality",), {"name": "X", "region": "cusco"}),
         Node("cusco", ("Region",), {"name": "Cusco"}), Node("puno", ("Region",), {"name": "Puno"})],
        [Relationship("PART_OF", "sub", "red", {"quote": "1", "year": 2017}),
         Relationship("MEMBER_OF", "a", "sub", {"quote": "2", "year": 2018}),
         Relationship("WORKS_WITH", "a", "muni-x", {"quote": "3", "year": 2018}),
         Relationship("ALLIED_WITH", "b", "muni-x", {"quote": "4"})])


@pytest.mark.parametrize("name, params, rows", [
    ("network_members", {"network": "red"}, [["sub", "Sub", 1], ["a", "A", 2]]),
    ("orgs_in_no_network", {}, [["b", "B", "ngo"]]),
    ("shortest_chain", {"from": "a", "to": "b"}, [[["a", "muni-x", "b"], ["A", "X", "B"], 2]]),
    ("neighbourhood", {"id": "a", "steps": "1"}, [["muni-x", "X", 1], ["sub", "Sub", 1]]),
    ("regions_without_national_network", {}, [["puno", "Puno"]]),
    ("ties_by_year", {}, [[2017, "PART_OF", 1], [2018, "MEMBER_OF", 1], [2018, "WORKS_WITH", 1]]),
    ("orgs_tied_to_municipalities", {"region": "cusco"}, [["a", "A", "muni-x", ["WORKS_WITH"]],
                                                         ["b", "B", "muni-x", ["ALLIED_WITH"]]]),
])
def test_embedded_answers(name, params, rows) -> None:
    assert query(name, params, graph=_g()).rows == rows


def test_same_organization_twice_is_refused() -> None:
    with pytest.raises(QueryError, match="different"):
        query("shortest_chain", {"from": "a", "to": "a"}, graph=_g())


def test_cli_list_and_json_equal_the_library(real_graph) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--list"])
    assert listed.exit_code == 0
    assert all(q.name in listed.output for q in list_queries())
    result = runner.invoke(main, ["query", "orgs_in_no_network", "--format", "json", "--data", str(bundled_data_dir())])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == query("orgs_in_no_network", graph=real_graph).as_dicts() != []
    bad = runner.invoke(main, ["query", "neighbourhood", "--param", "id=gresp"])
    assert bad.exit_code == 1 and "Error: query neighbourhood needs --param steps" in bad.output


def test_there_is_no_password_option() -> None:
    runner = CliRunner()
    for args in (["neo4j", "load"], ["neo4j", "pull"], ["query", "x", "--backend", "neo4j"]):
        result = runner.invoke(main, [*args, "--password", "s3cret-in-argv"])
        assert result.exit_code == 2 and "No such option" in result.output
