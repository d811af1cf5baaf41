"""Survey coverage and the diff between two maps, on graphs with known answers and against NetworkX directly."""
from __future__ import annotations

import random

import networkx as nx
import pytest

from essgraph.analysis.coverage import REASONS, coverage
from essgraph.analysis.diff import compare
from essgraph.analysis.mesa import mesa
from essgraph.graphmodel import Node, build_graph


def _G(answered: set[str], nodes: list[str]) -> nx.MultiDiGraph:
    return build_graph([Node(n, ("Organization",), {"name": n.upper(), **({"survey_rounds": ["r2"]} if n in answered
                                                                        else {})}) for n in nodes], [])


def test_unasked_organizations_without_ties_are_never_called_isolated() -> None:
    T = nx.Graph([("a", "b")]); T.add_nodes_from(["c", "d"])
    c = coverage(_G({"a", "c"}, ["a", "b", "c", "d"]), T)
    assert [r["id"] for r in c.isolated] == ["c"] and [r["id"] for r in c.not_asked] == ["d"]
    assert [r["id"] for r in c.answered] == ["a", "c"] and c.rounds == ["r2"]


def test_whom_to_ask_next_puts_the_neighbour_of_a_cut_point_first() -> None:
    T = nx.Graph([("hub", "x"), ("hub", "y"), ("y", "z")])
    T.add_node("alone")
    for v, region in (("hub", "lima"), ("x", "lima"), ("y", "cusco"), ("z", "cusco")):
        T.nodes[v]["region"] = region
    c = coverage(_G({"hub"}, ["hub", "x", "y", "z", "alone"]), T)
    reasons = [(r["id"], r["reason"]) for r in c.ask_next]
    assert reasons[0] == ("y", "cut_point_neighbour")  # hub and y are the cut points; y holds z
    assert ("alone", "no_tie_not_asked") in reasons and all(r in REASONS for _, r in reasons)
    assert [r["reason"] for r in c.ask_next] == sorted((r["reason"] for r in c.ask_next), key=REASONS.index)
    with pytest.raises(ValueError):
        coverage(_G(set(), ["a"]), nx.empty_graph(["a"]), top=0)


def test_region_without_answers_is_named() -> None:
    T = nx.Graph([("a", "b"), ("c", "d")])
    for v, region in (("a", "lima"), ("b", "lima"), ("c", "puno"), ("d", "puno")):
        T.nodes[v]["region"] = region
    c = coverage(_G({"a"}, list("abcd")), T)
    assert {"id": "c", "name": "c", "reason": "region_without_answers", "region": "puno", "organizations": 2} in c.ask_next


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_compare_agrees_with_networkx_on_random_graphs(seed: int) -> None:
    rng = random.Random(seed)
    T1 = nx.gnm_random_graph(40, 45, seed=seed)
    T2 = T1.copy()
    T2.remove_edges_from(rng.sample(sorted(T2.edges), 8))
    T2.add_edges_from((rng.randrange(45), rng.randrange(45)) for _ in range(10))
    T2.remove_edges_from(nx.selfloop_edges(T2))
    d = compare(T1, T2)
    key = lambda e: tuple(sorted(e))  # noqa: E731
    assert {key((t["a"]["id"], t["b"]["id"])) for t in d.ties_added} == {key(e) for e in T2.edges} - {key(e) for e in T1.edges}
    assert {key((t["a"]["id"], t["b"]["id"])) for t in d.ties_removed} == {key(e) for e in T1.edges} - {key(e) for e in T2.edges}
    cuts1, cuts2 = set(nx.articulation_points(T1)), set(nx.articulation_points(T2))
    assert {c["id"] for c in d.cut_points_appeared} == cuts2 - cuts1 and {c["id"] for c in d.cut_points_gone} == cuts1 - cuts2
    bridges1, bridges2 = ({key(e) for e in nx.bridges(T)} for T in (T1, T2))
    assert {key((b["a"]["id"], b["b"]["id"])) for b in d.bridges_appeared} == bridges2 - bridges1
    assert {r["id"] for r in d.organizations_added} == set(T2) - set(T1)
    assert {r["id"] for r in d.found_partner} == {v for v in T1 if v in T2 and T1.degree(v) == 0 and T2.degree(v) > 0}
    seats1, seats2 = ({s["id"] for s in mesa(T).seats} for T in (T1, T2))
    assert {r["id"] for r in d.mesa_joined} == seats2 - seats1 and {r["id"] for r in d.mesa_left} == seats1 - seats2
    assert d.mesa_seats == {"before": len(seats1), "after": len(seats2)}


def test_analyze_reports_survey_coverage() -> None:
    from essgraph.analysis import analyze
    from essgraph.graphmodel import Relationship

    ev = {"section": "s", "quote": "q", "evidence": "stated"}
    G = build_graph([Node(n, ("Organization",), {"name": n.upper(), **({"survey_rounds": ["r2"]} if n in "ad" else {})})
                     for n in "abcd"], [Relationship("ALLIED_WITH", "a", "b", ev)])
    survey = analyze(G).to_json()["survey"]
    assert survey["rounds"] == ["r2"] and [r["id"] for r in survey["isolated"]] == ["d"]
    assert [r["id"] for r in survey["not_asked"]] == ["c"]


def test_the_latest_round_is_compared_with_the_map_before_it() -> None:
    from essgraph.analysis.diff import round_changes
    from essgraph.graphmodel import Relationship
    from essgraph.loaders.survey_rounds import before_round, rounds_of

    def tie(a: str, b: str, **props) -> Relationship:
        return Relationship("ALLIED_WITH", a, b, {"section": "s", "quote": f"{a}-{b}", **props})

    nodes = [Node(n, ("Organization",), {"name": n.upper(), **({"survey_rounds": rounds} if rounds else {})})
             for n, rounds in (("a", ["r2", "r3"]), ("b", ["r3"]), ("c", []), ("d", []))]
    nodes.append(Node("new", ("Organization",), {"name": "NEW", "status": "active", "section": "Encuesta r3"}))
    G = build_graph(nodes, [tie("a", "b", evidence="stated"),
                            tie("b", "c", evidence="reported", round="r2", confirmation="one-sided"),
                            tie("c", "d", evidence="reported", round="r3", confirmation="mutual"),
                            tie("d", "new", evidence="reported", round="r3", confirmation="one-sided")])
    assert rounds_of(G) == ["r2", "r3"]
    H = before_round(G, "r3")
    assert sorted(H.edges(data="round")) == [("a", "b", None), ("b", "c", "r2")] and "new" not in H
    assert H.nodes["a"]["survey_rounds"] == ["r2"] and "survey_rounds" not in H.nodes["b"]
    assert G.nodes["a"]["survey_rounds"] == ["r2", "r3"] and G.number_of_edges() == 4  # G is left as it was
    found = round_changes(G)
    assert (found.round, found.previous) == ("r3", "r2")
    d = found.changes
    assert [(t["a"]["id"], t["b"]["id"]) for t in d.ties_added] == [("c", "d"), ("d", "new")]
    assert [r["id"] for r in d.organizations_added] == ["new"] and [r["id"] for r in d.found_partner] == ["d"]
    assert round_changes(before_round(G, "r2")) is None
    assert round_changes(G, include_reported=False).changes.ties_added == []  # projected as the analysis is
