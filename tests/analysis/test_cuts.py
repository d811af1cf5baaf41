"""Articulation points, bridges and components: known answers, brute force and igraph."""
from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essgraph.analysis import articulation_points, bridges, components, tie_graph

import igraph_crosscheck as ig
from analysis_helpers import random_graphs


def test_barbell_has_its_path_as_cut_points_and_bridges():
    T = nx.barbell_graph(4, 2)  # cliques 0-3 and 6-9 joined by the path 3-4-5-6
    cuts = {c.id: c for c in articulation_points(T)}
    assert set(cuts) == {3, 4, 5, 6}
    assert [m["id"] for m in cuts[3].cut_off] == [0, 1, 2] and cuts[3].rest_size == 6
    assert cuts[4].cut_off_count == 4 and cuts[4].rest_size == 5  # {0..3} cut off from {5..9}
    found = {(b.u["id"], b.v["id"]): b for b in bridges(T)}
    assert set(found) == {(3, 4), (4, 5), (5, 6)}
    assert found[(4, 5)].cut_off_count == 5 and found[(4, 5)].rest_size == 5


def test_components_are_numbered_by_size_with_their_networks():
    T = nx.Graph([("a", "b"), ("b", "c"), ("x", "y")])
    T.add_node("z")
    T.nodes["b"].update(is_network=True, scope="national", name="Red B", region="lima")
    comps = components(T)
    assert [(c.index, c.size) for c in comps] == [(1, 3), (2, 2), (3, 1)]
    assert comps[0].national_networks == [{"id": "b", "name": "Red B"}] and comps[0].regions == ["lima"]


@pytest.mark.parametrize("T", [nx.Graph(), nx.empty_graph(3), nx.complete_graph(4), nx.path_graph(2)])
def test_graphs_without_cut_points(T):
    assert articulation_points(T) == []
    assert [b.cut_off_count for b in bridges(T)] == ([1] if T.number_of_edges() == 1 else [])


def test_self_loops_do_not_hide_a_cut_point():
    T = nx.path_graph(3)
    T.add_edge(1, 1)
    assert [c.id for c in articulation_points(T)] == [1]


def _brute_force(T: nx.Graph) -> dict:
    result = {}
    for v in T:
        H = T.copy()
        H.remove_node(v)
        own = nx.node_connected_component(T, v) - {v}
        parts = sorted((len(c) for c in nx.connected_components(H) if c & own), reverse=True)
        if len(parts) > 1:
            result[v] = (sum(parts[1:]), parts[0])
    return result


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 25), st.floats(0.02, 0.4), st.integers(0, 10_000))
def test_cut_off_sets_match_brute_force(n, p, seed):
    T = nx.gnp_random_graph(n, p, seed=seed)
    assert {c.id: (c.cut_off_count, c.rest_size) for c in articulation_points(T)} == _brute_force(T)
    for b in bridges(T):
        H = T.copy()
        H.remove_edge(b.u["id"], b.v["id"])
        sides = sorted(len(nx.node_connected_component(H, x)) for x in (b.u["id"], b.v["id"]))
        assert (b.cut_off_count, b.rest_size) == tuple(sides)


@pytest.mark.parametrize("T", random_graphs(30) + [nx.karate_club_graph()])
def test_agree_with_igraph_on_random_graphs(T):
    assert {c.id for c in articulation_points(T)} == ig.articulation_points(T)
    assert {frozenset((b.u["id"], b.v["id"])) for b in bridges(T)} == ig.bridges(T)
    assert {frozenset(m["id"] for m in c.members) for c in components(T)} == ig.components(T)


def test_agree_with_igraph_on_the_real_data(real_graph):
    for options in ({}, {"include_inferred": True, "include_municipalities": True}):
        T, _ = tie_graph(real_graph, **options)
        assert {c.id for c in articulation_points(T)} == ig.articulation_points(T)
        assert {frozenset((b.u["id"], b.v["id"])) for b in bridges(T)} == ig.bridges(T)
        assert {frozenset(m["id"] for m in c.members) for c in components(T)} == ig.components(T)


def test_people_connect_but_are_not_listed(ess_graph):
    T, _ = tie_graph(ess_graph, include_people=True)
    (cut,) = [c for c in articulation_points(T) if c.id.startswith("person")] or [None]
    assert cut is not None and [m["id"] for m in cut.cut_off] == ["lonely"]
    assert all(not m["id"].startswith("person") for c in components(T) for m in c.members)


def test_limit_caps_the_lists_not_the_counts():
    T = nx.path_graph(40)
    full = {c.id: c for c in articulation_points(T)}
    capped = {c.id: c for c in articulation_points(T, limit=3)}
    assert {v: c.cut_off_count for v, c in full.items()} == {v: c.cut_off_count for v, c in capped.items()}
    assert max(len(c.cut_off) for c in capped.values()) == 3 and len(full[20].cut_off) == 19
    assert {m["id"] for m in capped[20].cut_off} <= {m["id"] for m in full[20].cut_off}
    assert [b.cut_off_count for b in bridges(T, limit=2)] == [b.cut_off_count for b in bridges(T)]
    assert max(len(b.cut_off) for b in bridges(T, limit=2)) == 2
