"""The Mesa proposal: every connected organization represented within one step."""
from __future__ import annotations

import networkx as nx
import pytest

from analysis_helpers import random_graphs
from essgraph.analysis import mesa, tie_graph
from essgraph.render.findings import seat_text


def _check_domination(T: nx.Graph, m) -> None:
    seats = {s["id"] for s in m.seats}
    for v in T:
        if T.degree(v) > 0:
            assert v in seats or seats & set(T[v]), v


def test_star_needs_one_seat():
    m = mesa(nx.star_graph(6))
    assert [s["id"] for s in m.seats] == [0] and m.coverage["organizations"]["share"] == 1.0


@pytest.mark.parametrize("T", random_graphs(15) + [nx.karate_club_graph()])
def test_every_connected_organization_is_represented(T):
    m = mesa(T)
    _check_domination(T, m)
    isolated = {v for v in T if T.degree(v) == 0}
    assert {u["id"] for u in m.unrepresented} == isolated
    # no seat is redundant: dropping any one uncovers someone
    seats = [s["id"] for s in m.seats]
    for s in seats:
        rest = set(seats) - {s}
        assert any(T.degree(v) and v not in rest and not rest & set(T[v]) for v in T)


def test_macro_regions_and_main_sectors_get_a_seat(ess_graph):
    T, _ = tie_graph(ess_graph)
    m = mesa(T)
    _check_domination(T, m)
    assert m.coverage["macro_regions"] == {"covered": 3, "total": 3, "share": 1.0}
    assert m.main_sectors == ["a01", "a03", "a11"] and m.coverage["main_sectors"]["share"] == 1.0
    assert m.seats[0]["id"] == "gresp" and seat_text(m.seats[0], {}, "en").startswith(
        "The first seat in the table to represent 4 organization(s)")
    assert [u["id"] for u in m.unrepresented] == ["lonely"]


def test_limits_and_exclusions(ess_graph):
    T, _ = tie_graph(ess_graph, exclude_status=())
    assert "mes" not in {s["id"] for s in mesa(T).seats}  # a proposed Mesa never takes a seat
    m = mesa(T, max_seats=1)
    assert len(m.seats) == 1 and m.coverage["organizations"]["share"] < 1
    assert m.uncovered_groups
    m = mesa(T, exclude_kinds=("network",))
    assert all(s["kind"] != "network" for s in m.seats)


def test_empty_and_isolates_only():
    assert mesa(nx.Graph()).seats == []
    m = mesa(nx.empty_graph(3))
    assert m.seats == [] and m.coverage["organizations"] == {"covered": 0, "total": 0, "share": None}
    assert len(m.unrepresented) == 3


def _eager_greedy(T: nx.Graph) -> list:
    """The textbook greedy, recomputing every gain at every step (no macro-regions or sectors)."""
    connected = {v for v in T if T.degree(v)}
    covers = {v: ({v} | set(T[v])) & connected for v in T}
    seats, uncovered = [], set(connected)
    while uncovered:
        best = min(sorted(T), key=lambda v: (-len(covers[v] & uncovered), -T.degree(v)))
        seats.append(best)
        uncovered -= covers[best]
    for v in list(reversed(seats)):
        if connected <= set().union(*(covers[s] for s in seats if s != v)):
            seats.remove(v)
    return seats


@pytest.mark.parametrize("T", random_graphs(20) + [nx.karate_club_graph()])
def test_lazy_greedy_chooses_like_the_textbook_greedy(T):
    assert [s["id"] for s in mesa(T).seats] == _eager_greedy(T)


def test_a_person_represents_nobody(ess_graph):
    T, _ = tie_graph(ess_graph, include_people=True)
    m = mesa(T)
    assert "lonely" in {u["id"] for u in m.unrepresented}  # tied only through an interviewee
    assert m.coverage["organizations"]["total"] == 8
