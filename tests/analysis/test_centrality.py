"""Hubs: centralities on graphs with known answers, cross-checked with igraph."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis import centrality, hubs, tie_graph
from essgraph.errors import GraphError

import igraph_crosscheck as ig
from analysis_helpers import random_graphs


def test_star_center_is_the_hub():
    T = nx.star_graph(6)
    table = centrality(T).table.set_index("id")
    assert table.loc[0, "degree"] == 6 and table.loc[0, "betweenness"] == 1.0 and table.loc[0, "closeness"] == 1.0
    assert (table.drop(index=0)["betweenness"] == 0).all()
    assert hubs(T, top=1, by="pagerank")["id"].tolist() == [0]


def test_karate_club_matches_networkx_reference_values():
    T = nx.karate_club_graph()
    table = centrality(T).table.set_index("id")
    expected = nx.betweenness_centrality(T)
    assert all(table.loc[v, "betweenness"] == pytest.approx(expected[v], abs=1e-6) for v in T)
    assert hubs(T, top=3, by="betweenness")["id"].tolist() == [0, 33, 32]
    assert hubs(T, top=2, by="degree")["id"].tolist() == [33, 0]


@pytest.mark.parametrize("T", random_graphs(20) + [nx.karate_club_graph()])
def test_degree_and_betweenness_agree_with_igraph(T):
    table = centrality(T).table.set_index("id")
    bet, deg = ig.betweenness(T), ig.degree(T)
    for v in T:
        assert table.loc[v, "degree"] == deg[v]
        assert table.loc[v, "betweenness"] == pytest.approx(bet[v], abs=1e-6)


def test_real_data_agrees_with_igraph(real_graph):
    T, _ = tie_graph(real_graph)
    table = centrality(T).table.set_index("id")
    bet, deg = ig.betweenness(T), ig.degree(T)
    assert all(table.loc[v, "degree"] == deg[v] for v in T)
    assert all(table.loc[v, "betweenness"] == pytest.approx(bet[v], abs=1e-6) for v in T)


def test_sampled_betweenness_says_so_and_is_seeded():
    T = nx.karate_club_graph()
    a, b = centrality(T, k=10, seed=1), centrality(T, k=10, seed=1)
    assert a.betweenness_sampled and a.betweenness_k == 10
    assert a.table.equals(b.table)
    exact = centrality(T, k=100)
    assert not exact.betweenness_sampled and exact.betweenness_k is None
    with pytest.raises(GraphError, match="at least 1"):
        centrality(T, k=0)


def test_hubs_within_groups_use_ties_inside_the_group():
    T = nx.Graph([("a", "b"), ("a", "c"), ("x", "a"), ("x", "y"), ("x", "z"), ("x", "w")])
    nx.set_node_attributes(T, {"a": "n", "b": "n", "c": "n", "x": "s", "y": "s", "z": "s", "w": "s"}, "region")
    by = hubs(T, top=1, by="degree", group_by="region")
    assert by[["group", "id", "degree"]].values.tolist() == [["n", "a", 2], ["s", "x", 3]]


def test_edge_cases():
    with pytest.raises(GraphError, match="empty tie graph"):
        centrality(nx.Graph())
    with pytest.raises(GraphError, match="unknown measure"):
        hubs(nx.path_graph(3), by="fame")
    single = nx.Graph()
    single.add_node("x")
    row = centrality(single).table.iloc[0]
    assert (row["degree"], row["betweenness"], row["pagerank"], row["closeness"]) == (0, 0.0, 1.0, 0.0)
    isolates = centrality(nx.empty_graph(4)).table
    assert (isolates["pagerank"] == 0.25).all() and (isolates["degree"] == 0).all()
