"""Weaving (b): the best three partners for isolated or one-tie initiatives."""
from __future__ import annotations

import math

import networkx as nx

from essgraph.analysis import partners, tie_graph


def test_adamic_adar_over_region_sector_and_ties():
    T = nx.Graph([("hub", "p1"), ("hub", "p2"), ("hub", "p3"), ("p3", "p4")])
    T.add_node("new")
    attrs = {"new": ("cusco", "a01"), "p1": ("cusco", "a01"), "p2": ("cusco", "a03"), "p3": ("lima", "a01"),
             "p4": ("lima", "a03"), "hub": ("lima", "a19")}
    for v, (region, sector) in attrs.items():
        T.nodes[v].update(region=region, sector=sector)
    (row,) = partners(T, targets=["new"], lang="en")
    ranked = [c["partner"]["id"] for c in row["candidates"]]
    assert ranked == ["p1", "p3", "p2"]  # region+sector first; p2 and p3 tie, p3 has more ties
    cusco, a01 = 1 / math.log(3), 1 / math.log(3)  # each group has three members
    assert row["candidates"][0]["score"] == round(cusco + a01, 6)
    assert [w["kind"] for w in row["candidates"][0]["why"]] == ["region", "sector"]


def test_default_targets_and_exclusions(ess_graph):
    T, _ = tie_graph(ess_graph)
    result = {r["target"]["id"]: r for r in partners(T)}
    assert sorted(result) == ["a", "b", "coop1", "coop2", "e", "lonely"]  # no tie or one tie
    lonely = [c["partner"]["id"] for c in result["lonely"]["candidates"]]
    assert lonely[:2] == ["a", "b"]  # same region and sector
    for r in result.values():
        ids = [c["partner"]["id"] for c in r["candidates"]]
        assert r["target"]["id"] not in ids and len(ids) <= 3
        assert all(not T.has_edge(r["target"]["id"], p) and T.degree(p) > 0 for p in ids)
    assert result["e"]["candidates"][0]["reason"].endswith("paso(s).") or "red nacional" in \
        result["e"]["candidates"][0]["reason"]


def test_nobody_plausible():
    T = nx.Graph([("a", "b")])
    T.add_node("alone", region="tumbes")
    assert partners(T, targets=["alone"]) == [{"target": {"id": "alone", "name": "alone"}, "ties": 0, "candidates": []}]
