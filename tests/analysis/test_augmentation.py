"""Weaving (a): the fewest plausible new alliances that leave no single point of failure."""
from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essgraph.analysis import augmentation, tie_graph
from essgraph.render.findings import alliance_text


def _with_new_ties(T: nx.Graph, a) -> nx.Graph:
    H = T.copy()
    H.add_edges_from((t["a"]["id"], t["b"]["id"]) for t in a.new_ties)
    return H


def _same_region(T: nx.Graph) -> nx.Graph:
    nx.set_node_attributes(T, "cusco", "region")
    return T


@pytest.mark.parametrize("T, expected", [
    (nx.star_graph(4), 3),           # removing the centre leaves 4 pieces: 3 ties to rejoin them
    (nx.star_graph(5), 4),
    (nx.path_graph(6), 1),           # join the ends
    (nx.barbell_graph(4, 0), 1),
    (nx.complete_graph(4), 0),
    (nx.cycle_graph(5), 0),
])
def test_known_minimum_when_every_pair_is_plausible(T, expected):
    a = augmentation(_same_region(T))
    assert len(a.new_ties) == expected == a.lower_bound
    assert a.complete and nx.is_biconnected(_with_new_ties(T, a))


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 30), st.integers(0, 10_000))
def test_random_trees_reach_a_biconnected_network(n, seed):
    T = _same_region(nx.random_labeled_tree(n, seed=seed))
    a = augmentation(T)
    H = _with_new_ties(T, a)
    assert a.complete and nx.is_biconnected(H) and not list(nx.bridges(H))
    assert len(a.new_ties) >= a.lower_bound
    assert all(not T.has_edge(t["a"]["id"], t["b"]["id"]) for t in a.new_ties)


def test_seeded_random_graphs_hit_the_lower_bound():
    misses = 0
    for seed in range(200):
        rng = random.Random(seed)
        n = rng.randint(4, 25)
        T = nx.random_labeled_tree(n, seed=seed) if seed % 2 else nx.connected_watts_strogatz_graph(n, 2, 0.3, seed=seed)
        a = augmentation(_same_region(T))
        assert a.complete
        misses += len(a.new_ties) > a.lower_bound
    assert misses == 0


def test_only_plausible_pairs_are_proposed():
    T = nx.path_graph(["a", "b", "c", "d"])
    nx.set_node_attributes(T, {"a": "x", "b": "y", "c": "z", "d": "w"}, "region")
    a = augmentation(T)
    assert a.new_ties == [] and not a.complete and [r["id"] for r in a.remaining] == ["b", "c"]
    T.nodes["d"]["sector"] = T.nodes["a"]["sector"] = "a01"
    a = augmentation(T)
    assert [(t["a"]["id"], t["b"]["id"]) for t in a.new_ties] == [("a", "d")] and a.complete
    assert a.new_ties[0]["why"] == [{"kind": "sector", "value": "a01"}]
    assert a.new_ties[0]["reason"] == {"code": "cut-points", "bridges": 3}
    assert [c["id"] for c in a.new_ties[0]["closes"]] == ["b", "c"]
    assert alliance_text(a.new_ties[0], {}, "en") == ("An alliance between a and d, which share the sector Agriculture "
                                                     "and environment, would close the single point of failure at b, c.")


def test_fixture_main_group(ess_graph):
    T, _ = tie_graph(ess_graph)
    a = augmentation(T)
    assert a.component_size == 6 and a.cut_points_before == 3  # gresp, c, d
    H = _with_new_ties(T, a)
    main = H.subgraph(max(nx.connected_components(H), key=len))
    assert not list(nx.articulation_points(main)) == a.complete
    assert all(t["why"] for t in a.new_ties) and all(alliance_text(t, {}, "es").startswith("Una alianza entre") for t in a.new_ties)


def test_max_new_and_tiny_components():
    a = augmentation(_same_region(nx.star_graph(5)), max_new=2)
    assert len(a.new_ties) == 2 and not a.complete and a.cut_points_after == 1
    a = augmentation(nx.path_graph(2))
    assert a.new_ties == [] and a.bridges_after == 1 and not a.complete
    assert augmentation(nx.Graph()).component_size == 0
