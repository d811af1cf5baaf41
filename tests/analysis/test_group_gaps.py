"""Gaps between groups: tie counts, E-I indices, cooperatives vs ESS networks, regions left out."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis import cooperative_gap, cooperative_sector, group_mixing, regions_without_national, tie_graph


def _ei_by_hand(T, attribute, group):
    inside = sum(1 for u, v in T.edges() if T.nodes[u].get(attribute) == T.nodes[v].get(attribute) == group)
    outside = sum(1 for u, v in T.edges() if (T.nodes[u].get(attribute) == group) != (T.nodes[v].get(attribute) == group)
                  and None not in (T.nodes[u].get(attribute), T.nodes[v].get(attribute)))
    return (outside - inside) / (outside + inside)


def test_ei_index_on_the_karate_club_factions():
    T = nx.karate_club_graph()
    mix = group_mixing(T, "club")
    crossing = sum(1 for u, v in T.edges() if T.nodes[u]["club"] != T.nodes[v]["club"])  # 11 in NetworkX's data
    assert (mix.internal, mix.external) == (78 - crossing, crossing)
    assert mix.ei_index == pytest.approx((crossing - (78 - crossing)) / 78, abs=1e-6)
    for row in mix.groups:
        assert row["ei_index"] == pytest.approx(_ei_by_hand(T, "club", row["group"]), abs=1e-6)
    assert mix.pairs == [{"a": "Mr. Hi", "b": "Officer", "ties": crossing}] and mix.unlinked == []


def test_fixture_gaps(ess_graph):
    T, _ = tie_graph(ess_graph)
    macro = group_mixing(T, "macro_region")
    assert (macro.internal, macro.external, macro.unassigned_ties) == (2, 4, 0)
    assert {"a": "lima-centro", "b": "sur", "ties": 1} in macro.pairs
    sector = group_mixing(T, "sector")
    assert {"a": "a01", "b": "a11"} in sector.unlinked


def test_cooperatives_and_networks_do_not_see_each_other(ess_graph):
    T, _ = tie_graph(ess_graph)
    assert cooperative_sector(T) == ["coop1", "coop2"]
    gap = cooperative_gap(T)
    assert gap.direct_ties == [] and gap.hops is None and gap.cooperatives_reaching_networks == 0
    assert gap.ei_index == -1.0  # their only tie is among themselves
    T.add_edge("coop1", "gresp", types=("MEMBER_OF",))
    gap = cooperative_gap(T)
    assert [t["network"]["id"] for t in gap.direct_ties] == ["gresp"] and gap.hops == 1


def test_regions_left_out(ess_graph):
    T, _ = tie_graph(ess_graph)
    rows = {r["region"]: r for r in regions_without_national(T, regions={"cusco": "Cusco", "tumbes": "Tumbes"})}
    assert rows["tumbes"] == {"region": "tumbes", "name": "Tumbes", "organizations": 0, "tied_to_national": 0,
                              "reaching_national": 0, "left_out": True}
    assert rows["cusco"]["tied_to_national"] == 2 and not rows["cusco"]["left_out"]
    assert rows["puno"]["left_out"] and rows["puno"]["reaching_national"] == 1
    assert rows["arequipa"]["left_out"] and rows["arequipa"]["reaching_national"] == 0
    assert [r["left_out"] for r in regions_without_national(T)] == sorted(
        [r["left_out"] for r in regions_without_national(T)], reverse=True)


def test_group_mixing_counts_on_arrays_equal_the_loop(monkeypatch):
    import random

    import networkx as nx

    from essgraph.analysis import gaps, group_mixing
    rng = random.Random(5)
    T = nx.gnm_random_graph(2500, 6000, seed=5)  # large enough for the array path
    for v in T:
        value = rng.choice(["lima", "cusco", "puno", "", None, 7])
        if value is not None:
            T.nodes[v]["region"] = value
    fast = group_mixing(T, "region")
    monkeypatch.setattr(gaps, "use_igraph", lambda *a, **k: False)
    assert group_mixing(T, "region") == fast
    assert fast.unassigned_ties > 0 and fast.external > 0 and fast.internal > 0
