"""The analysis result as write-back rows: values taken from the result, names from the model's whitelist."""
from __future__ import annotations

import json

import pytest

from essgraph.analysis import analyze, writeback
from essgraph.graphmodel import NODE_SPECS
from essgraph.graphmodel.schema import (
    ANALYSIS_NODE_PROPERTIES, ANALYSIS_PROPERTY_NAMES, ANALYSIS_RUN_PROPERTIES, MESA_SEAT_PROPERTIES,
    PROPOSED_TIE_PROPERTIES,
)
from essgraph.neo4jstore import check_analysis

DATE = "2024-05-01T12:00:00+00:00"


@pytest.fixture(scope="module")
def result(real_graph):
    return analyze(real_graph)


@pytest.fixture(scope="module")
def rows(result):
    return writeback(result, date=DATE, version="0.1.0", backend="embedded")


def _by_id(rows):
    return {row["id"]: row["props"] for row in rows.nodes}


def test_every_organization_of_the_result_gets_a_row(result, rows) -> None:
    assert [r["id"] for r in rows.nodes] == [r["id"] for r in result.roles["roles"]]
    assert len(rows.nodes) == result.summary["organizations"] == 166


def test_measures_agree_with_every_part_of_the_result(result, rows) -> None:
    props = _by_id(rows)
    for hub in result.hubs["overall"]:  # the hub table and the per-organization rows: one centrality table
        assert (props[hub["id"]]["degree"], props[hub["id"]]["betweenness"], props[hub["id"]]["pagerank"]) == (
            hub["degree"], hub["betweenness"], hub["pagerank"])
    cut = {c["id"]: c["cut_off_count"] for c in result.articulation_points}
    assert {n for n, p in props.items() if p["cut_point"]} == set(cut) and len(cut) == 17
    assert all(props[n]["cut_off_count"] == cut.get(n, 0) for n in props)
    assert sum(p["isolated"] for p in props.values()) == result.summary["isolated"]
    assert sum(p["one_tie"] for p in props.values()) == result.summary["one_tie"]
    assert all(p["isolated"] == (p["degree"] == 0) == (p["network_role"] == "isolate") for p in props.values())
    sizes = {c["index"]: c["size"] for c in result.communities["communities"]}
    assert {i: sum(p.get("community") == i for p in props.values()) for i in sizes} == sizes
    assert all("community" not in p for p in props.values() if p["isolated"])
    assert sum(p["in_core"] for p in props.values()) == len(result.core_periphery["core"])
    assert props["gresp"]["analysis_macro_region"] == "lima-nacional"
    roles = {r["id"]: r["role"] for r in result.roles["roles"]}
    assert {n: p["network_role"] for n, p in props.items()} == roles


def test_proposals_and_seats_are_the_results_in_its_order(result, rows) -> None:
    ties = result.recommendations["augmentation"]["new_ties"]
    assert [(t["start"], t["end"]) for t in rows.proposals] == [(t["a"]["id"], t["b"]["id"]) for t in ties]
    assert [t["props"]["rank"] for t in rows.proposals] == list(range(1, len(ties) + 1)) and len(ties) == 12
    assert all(t["props"]["proposal"] is True for t in rows.proposals)
    assert rows.proposals[0]["props"]["closes"] == [c["id"] for c in ties[0]["closes"]]
    assert [s["id"] for s in rows.mesa_seats] == [s["id"] for s in result.mesa["seats"]]
    assert rows.mesa_seats[0]["props"] == {"mesa_seat": 1, "mesa_represents": result.mesa["seats"][0]["represents"]}


def test_the_run_says_how_it_was_made(result, rows) -> None:
    assert rows.run["date"] == DATE and rows.run["seed"] == 42 and rows.run["backend"] == "embedded"
    assert json.loads(rows.run["projection"]) == result.projection
    assert "year" not in rows.run  # every year: the result's year is null, and null is no property
    assert (rows.run["proposed_ties"], rows.run["mesa_seats"]) == (12, 24)


def test_names_come_from_the_whitelist_and_are_reserved(rows) -> None:
    assert set().union(*(r["props"] for r in rows.nodes)) == {p.name for p in ANALYSIS_NODE_PROPERTIES}
    assert set().union(*(r["props"] for r in rows.mesa_seats)) == {p.name for p in MESA_SEAT_PROPERTIES}
    assert set().union(*(r["props"] for r in rows.proposals)) == {p.name for p in PROPOSED_TIE_PROPERTIES}
    assert set(rows.run) <= {p.name for p in ANALYSIS_RUN_PROPERTIES}
    model = {p.name for spec in NODE_SPECS.values() for p in spec.properties}
    assert ANALYSIS_PROPERTY_NAMES.isdisjoint(model)  # pull can drop them without losing data
    assert check_analysis(rows.nodes, rows.mesa_seats, rows.proposals, rows.run) == []


@pytest.mark.parametrize(("change", "problem"), [
    (lambda r: r.nodes[0]["props"].update(shoe_size=41), "property 'shoe_size' is not in the write-back whitelist"),
    (lambda r: r.nodes[0]["props"].update({"n.x = 1 //": 1}), "property 'n.x = 1 //' is not in the write-back"),
    (lambda r: r.nodes[0]["props"].update(degree=True), "degree = True is not int"),
    (lambda r: r.nodes[0]["props"].update(community="1"), "community = '1' is not int"),
    (lambda r: r.proposals[0]["props"].update(proposal=False), "proposal must be true"),
    (lambda r: r.proposals[0]["props"].update(closes=[1]), "closes = [1] is not list"),
    (lambda r: r.proposals[0].update(end="nobody"), "'nobody' is not an analysed organization"),
    (lambda r: r.mesa_seats.append({"id": "nobody", "props": {}}), "Mesa seat 'nobody': not an analysed"),
    (lambda r: r.run.pop("seed"), "analysis run: property 'seed' is missing"),
    (lambda r: r.run.update(projection={"year": 1}), "projection = {'year': 1} is not str"),
])
def test_check_analysis_finds_what_breaks_the_whitelist(result, change, problem) -> None:
    fresh = writeback(result, date=DATE, version="0.1.0", backend="embedded")
    change(fresh)
    problems = check_analysis(fresh.nodes, fresh.mesa_seats, fresh.proposals, fresh.run)
    assert len(problems) == 1 and problem in problems[0], problems
