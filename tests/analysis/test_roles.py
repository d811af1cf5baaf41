"""Roles: hub, broker, peripheral, isolate, each with the rule that assigned it."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis import roles


def _role(result, node):
    (row,) = [r for r in result.roles if r["id"] == node]
    return row


def test_star_with_an_isolate():
    T = nx.star_graph(5)
    T.add_node(9)
    r = roles(T, lang="en")
    assert _role(r, 0)["role"] == "hub" and _role(r, 9)["role"] == "isolate"
    assert {_role(r, v)["role"] for v in range(1, 6)} == {"peripheral"}
    assert r.counts == {"hub": 1, "broker": 0, "peripheral": 5, "isolate": 1}
    assert _role(r, 9)["rule"] == "isolate: it has no tie"


def test_barbell_path_nodes_are_brokers_and_clique_centres_hubs():
    r = roles(nx.barbell_graph(5, 1))  # cliques 0-4, 6-10, bridge node 5
    assert [_role(r, v)["role"] for v in (4, 5, 6)] == ["hub", "broker", "hub"]
    assert _role(r, 5)["articulation_point"] and _role(r, 5)["rule"].startswith("articulador")
    assert _role(r, 0)["role"] == "peripheral"


def test_broker_by_betweenness_between_communities():
    # two 4-cliques joined by two parallel 2-paths through x and y: no cut point, x and y broker
    T = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    T.add_edges_from([(0, "x"), ("x", 4), (1, "y"), ("y", 5)])
    r = roles(T, min_hub_degree=10, lang="en")
    assert {_role(r, v)["role"] for v in ("x", "y")} == {"broker"}
    assert "betweenness" in _role(r, "x")["rule"] and _role(r, "x")["communities_reached"] >= 2


def test_thresholds_are_reported_and_rules_translated():
    T = nx.karate_club_graph()
    es, en = roles(T, lang="es"), roles(T, lang="en")
    assert es.thresholds == en.thresholds and es.thresholds["hub_degree"] >= 3
    hub = _role(en, 33)
    assert hub["role"] == "hub" and hub["rule"].startswith(f"hub: {T.degree(33)} ties")
    assert _role(es, 33)["role_label"] == "nodo central"
    assert sum(es.counts.values()) == 34


@pytest.mark.parametrize("T", [nx.Graph(), nx.empty_graph(3)])
def test_degenerate_graphs(T):
    r = roles(T)
    assert r.counts["isolate"] == T.number_of_nodes() and r.counts["hub"] == 0
