"""Weaving (b): the best three partners for isolated or one-tie initiatives."""
from __future__ import annotations

import math

import networkx as nx

from essgraph.analysis import partners, tie_graph
from essgraph.render.findings import partner_text


def test_adamic_adar_over_region_sector_and_ties():
    T = nx.Graph([("hub", "p1"), ("hub", "p2"), ("hub", "p3"), ("p3", "p4")])
    T.add_node("new")
    attrs = {"new": ("cusco", "a01"), "p1": ("cusco", "a01"), "p2": ("cusco", "a03"), "p3": ("lima", "a01"),
             "p4": ("lima", "a03"), "hub": ("lima", "a19")}
    for v, (region, sector) in attrs.items():
        T.nodes[v].update(region=region, sector=sector)
    (row,) = partners(T, targets=["new"])
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
    best = result["e"]["candidates"][0]
    assert best["reason"]["code"] == "partner" and best["reason"]["hops_to_national"] is not None
    assert partner_text(result["e"]["target"], best, {}, "es").endswith(("paso(s).", "es una red nacional."))


def test_nobody_plausible():
    T = nx.Graph([("a", "b")])
    T.add_node("alone", region="tumbes")
    assert partners(T, targets=["alone"]) == [{"target": {"id": "alone", "name": "alone"}, "ties": 0, "candidates": []}]


def _brute_force(T, u, top=3):
    """Adamic–Adar over the context graph built explicitly, every candidate scored and sorted."""
    from essgraph.analysis._common import id_key
    from essgraph.analysis.isolation import hops_to_national
    C = nx.Graph(T)
    for v, d in T.nodes(data=True):
        if not d.get("is_person"):
            for attribute in ("region", "sector"):
                if d.get(attribute) not in (None, ""):
                    C.add_edge(v, ("@" + attribute, str(d[attribute])))
    hops = hops_to_national(T)
    scores = {}
    for w in T:
        if w == u or T.nodes[w].get("is_person") or T.degree(w) == 0 or T.has_edge(u, w):
            continue
        common = [z for z in nx.common_neighbors(C, u, w) if C.degree(z) > 1]
        if common:
            scores[w] = sum(1 / math.log(C.degree(z)) for z in common)
    ranked = sorted(scores, key=lambda w: (-round(scores[w], 9), w not in hops, -T.degree(w), id_key(w)))
    return [(w, round(scores[w], 6)) for w in ranked[:top]]


def test_partners_equal_brute_force_adamic_adar():
    import random
    for seed in range(12):
        rng = random.Random(seed)
        T = nx.gnm_random_graph(rng.randint(10, 70), rng.randint(5, 110), seed=seed)
        T = nx.relabel_nodes(T, {v: f"n{v:02d}" for v in T})
        for v in T:
            if rng.random() < 0.8:
                T.nodes[v]["region"] = rng.choice("abc")
            if rng.random() < 0.7:
                T.nodes[v]["sector"] = rng.choice(["x", "y", "z"])
            if rng.random() < 0.1:
                T.nodes[v].update(is_network=True, scope="national")
        for row in partners(T, targets=list(T)):
            got = [(c["partner"]["id"], c["score"]) for c in row["candidates"]]
            assert got == _brute_force(T, row["target"]["id"]), (seed, row["target"]["id"])
