"""Isolated initiatives: no tie, one tie, no path to a national network."""
from __future__ import annotations

import networkx as nx

from essgraph.analysis import hops_to_national, isolation, tie_graph


def test_fixture_isolation(ess_graph):
    T, _ = tie_graph(ess_graph)
    iso = isolation(T)
    assert [r["id"] for r in iso.national_networks] == ["gresp"]
    assert [r["id"] for r in iso.isolated] == ["lonely"]
    assert [(r["id"], r["partner"]["id"]) for r in iso.one_tie] == [
        ("a", "gresp"), ("b", "gresp"), ("coop1", "coop2"), ("coop2", "coop1"), ("e", "d")]
    assert [(r["id"], r["component_size"]) for r in iso.unreached] == [("coop1", 2), ("coop2", 2)]
    by_region = {r["group"]: r for r in iso.by_group["region"]}
    assert by_region["cusco"] == {"group": "cusco", "organizations": 3, "isolated": 1, "one_tie": 2, "unreached": 1}
    assert by_region["arequipa"]["unreached"] == 2


def test_inferred_ties_rescue_the_isolated(ess_graph):
    T, _ = tie_graph(ess_graph, include_inferred=True)
    assert isolation(T).isolated == []


def test_hops_are_breadth_first_from_every_national_network():
    T = nx.path_graph(["n1", "a", "b", "c", "n2"])
    for n in ("n1", "n2"):
        T.nodes[n].update(is_network=True, scope="national")
    assert hops_to_national(T) == {"n1": 0, "n2": 0, "a": 1, "c": 1, "b": 2}
    assert hops_to_national(T, national=[]) == {}


def test_only_isolates_and_no_national_network():
    iso = isolation(nx.empty_graph(3))
    assert len(iso.isolated) == 3 and iso.one_tie == [] and iso.unreached == []
    assert iso.by_group["sector"] == [{"group": "?", "organizations": 3, "isolated": 3, "one_tie": 0, "unreached": 3}]
