"""Communities (seeded Louvain) and the k-core split, checked against igraph."""
from __future__ import annotations

import networkx as nx
import pytest

import igraph_crosscheck as ig
from analysis_helpers import random_graphs
from essgraph.analysis import communities, core_periphery, tie_graph


def test_barbell_splits_into_its_two_cliques():
    c = communities(nx.barbell_graph(5, 0))
    assert [sorted(m["id"] for m in x.members) for x in c.communities] == [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]]


def test_same_seed_same_communities():
    T = nx.karate_club_graph()
    assert communities(T, seed=7) == communities(T, seed=7)


@pytest.mark.parametrize("T", [nx.karate_club_graph()] + [g for g in random_graphs(12) if g.number_of_edges()])
def test_modularity_is_right_and_comparable_to_igraph(T):
    c = communities(T, seed=42)
    membership = c.membership()
    for v in T:
        membership.setdefault(v, -1 - v)  # isolated: own group
    assert c.modularity == pytest.approx(ig.modularity_of(T, membership), abs=1e-6)
    assert c.modularity >= ig.multilevel_modularity(T) - 0.03


def test_real_data_modularity_is_comparable_to_igraph(real_graph):
    T, _ = tie_graph(real_graph)
    c = communities(T)
    assert c.modularity >= ig.multilevel_modularity(T) - 0.03
    assert c.isolated_count == sum(1 for v in T if T.degree(v) == 0)


def test_graphs_without_ties():
    c = communities(nx.empty_graph(3))
    assert c.modularity is None and c.communities == [] and c.isolated_count == 3
    assert communities(nx.Graph()).communities == []


def test_core_periphery_known_answers():
    T = nx.complete_graph(5)
    T.add_edges_from([(0, "p"), ("p", "q")])
    T.add_node("z")
    cp = core_periphery(T)
    assert cp.k == 4 and [m["id"] for m in cp.core] == [0, 1, 2, 3, 4]
    assert (cp.periphery_count, cp.isolated_count) == (2, 1)
    assert cp.shells == [{"k": 0, "count": 1}, {"k": 1, "count": 2}, {"k": 4, "count": 5}]
    assert core_periphery(nx.Graph()).k == 0
