"""Roles: hub, broker, peripheral, isolate, each with the rule that assigned it."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis import roles
from essgraph.render.findings import role_label, rule_text


def _role(result, node):
    (row,) = [r for r in result.roles if r["id"] == node]
    return row


def test_star_with_an_isolate():
    T = nx.star_graph(5)
    T.add_node(9)
    r = roles(T)
    assert _role(r, 0)["role"] == "hub" and _role(r, 9)["role"] == "isolate"
    assert {_role(r, v)["role"] for v in range(1, 6)} == {"peripheral"}
    assert r.counts == {"hub": 1, "broker": 0, "peripheral": 5, "isolate": 1}
    assert _role(r, 9)["rule"] == {"code": "isolate"} and rule_text(_role(r, 9)["rule"], "en") == "isolate: it has no tie"


def test_barbell_path_nodes_are_brokers_and_clique_centres_hubs():
    r = roles(nx.barbell_graph(5, 1))  # cliques 0-4, 6-10, bridge node 5
    assert [_role(r, v)["role"] for v in (4, 5, 6)] == ["hub", "broker", "hub"]
    assert _role(r, 5)["articulation_point"] and rule_text(_role(r, 5)["rule"], "es").startswith("articulador")
    assert _role(r, 0)["role"] == "peripheral"


def test_broker_by_betweenness_between_communities():
    # two 4-cliques joined by two parallel 2-paths through x and y: no cut point, x and y broker
    T = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(4))
    T.add_edges_from([(0, "x"), ("x", 4), (1, "y"), ("y", 5)])
    r = roles(T, min_hub_degree=10)
    assert {_role(r, v)["role"] for v in ("x", "y")} == {"broker"}
    assert _role(r, "x")["rule"]["code"] in {"broker-cut", "broker-between"} and _role(r, "x")["communities_reached"] >= 2


def test_thresholds_are_reported_and_rules_are_codes_with_numbers():
    T = nx.karate_club_graph()
    r = roles(T)
    assert r.thresholds["hub_degree"] >= 3
    hub = _role(r, 33)
    assert hub["role"] == "hub" and hub["rule"] == {"code": "hub", "degree": T.degree(33),
                                                    "threshold": r.thresholds["hub_degree"], "percentile": 90, "minimum": 3}
    assert rule_text(hub["rule"], "en").startswith(f"hub: {T.degree(33)} ties")
    assert rule_text(hub["rule"], "es").startswith(f"nodo central: {T.degree(33)} vínculos")
    assert role_label("hub", "es") == "nodo central"
    assert sum(r.counts.values()) == 34


@pytest.mark.parametrize("T", [nx.Graph(), nx.empty_graph(3)])
def test_degenerate_graphs(T):
    r = roles(T)
    assert r.counts["isolate"] == T.number_of_nodes() and r.counts["hub"] == 0
