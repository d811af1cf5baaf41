"""Weaving (a): the fewest plausible new alliances that leave no single point of failure.

Every answer is checked against NetworkX's own articulation points, bridges and
``is_biconnected`` on the component with the proposed ties added (an independent
implementation), and the count against the Eswaran–Tarjan lower bound.
"""
from __future__ import annotations

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essgraph.analysis import augmentation, tie_graph
from essgraph.analysis.engine import IGRAPH_ABOVE, TieStructure
from essgraph.analysis.plausibility import shared
from essgraph.render.findings import alliance_text


def _with_new_ties(T: nx.Graph, a) -> nx.Graph:
    """The largest component of ``T`` with the proposed ties added."""
    H = T.subgraph(max(nx.connected_components(T), key=len)).copy()
    H.add_edges_from((t["a"]["id"], t["b"]["id"]) for t in a.new_ties)
    return H


def _same_region(T: nx.Graph) -> nx.Graph:
    nx.set_node_attributes(T, "cusco", "region")
    return T


def _check(T: nx.Graph, a) -> nx.Graph:
    """What holds for every answer: new, distinct, plausible pairs, and the failure points left as NetworkX counts them."""
    H = _with_new_ties(T, a)
    pairs = [(t["a"]["id"], t["b"]["id"]) for t in a.new_ties]
    assert not any(T.has_edge(u, v) for u, v in pairs) and len({frozenset(p) for p in pairs}) == len(pairs)
    assert all(t["why"] and t["why"] == shared(u, v, T) for t, (u, v) in zip(a.new_ties, pairs))
    assert {r["id"] for r in a.remaining} == set(nx.articulation_points(H)) and a.cut_points_after == len(a.remaining)
    assert a.bridges_after == len(list(nx.bridges(H)))
    assert a.complete == (not a.remaining and not a.bridges_after)
    closed = [c["id"] for t in a.new_ties for c in t["closes"]]
    assert len(closed) == len(set(closed)) == a.cut_points_before - a.cut_points_after
    assert sum(t["reason"]["bridges"] for t in a.new_ties) == a.bridges_before - a.bridges_after
    return H


def _cactus(blocks: int, size: int) -> nx.Graph:
    """A chain of ``blocks`` cycles of ``size`` nodes, each sharing one node with the next (a path of blocks)."""
    T = nx.Graph()
    start = 0
    for _ in range(blocks):
        nx.add_cycle(T, range(start, start + size))
        start += size - 1
    return T


def _windmill(blades: int) -> nx.Graph:
    """``blades`` triangles sharing one node: one cut point in ``blades`` blocks, every block a leaf."""
    T = nx.Graph()
    for i in range(blades):
        nx.add_cycle(T, [0, 2 * i + 1, 2 * i + 2])
    return T


def _ring_of_blocks(blocks: int) -> nx.Graph:
    """A cycle of triangles, each sharing a node with the next and the last with the first: biconnected."""
    T = _cactus(blocks, 3)
    T.add_edge(T.number_of_nodes() - 1, 0)
    return T


def _caterpillar(spine: int, legs: int) -> nx.Graph:
    T = nx.path_graph(spine)
    for v in range(spine):
        for j in range(legs):
            T.add_edge(v, f"{v}-{j}")
    return T


@pytest.mark.parametrize("T, expected", [
    (nx.star_graph(4), 3),              # removing the centre leaves 4 pieces: 3 ties to rejoin them (d - 1)
    (nx.star_graph(5), 4),
    (nx.path_graph(6), 1),              # join the ends
    (nx.barbell_graph(4, 0), 1),
    (nx.barbell_graph(4, 3), 1),        # two blocks and a path of bridges between them
    (nx.complete_graph(4), 0),
    (nx.cycle_graph(5), 0),
    (_cactus(5, 4), 1),                 # a path of blocks: two leaf blocks, one tie
    (_windmill(5), 4),                  # one cut point in 5 blocks: d - 1 = 4 > ceil(5 / 2)
    (_ring_of_blocks(6), 0),            # a cycle of blocks is already biconnected
    (nx.balanced_tree(2, 3), 4),        # 8 leaves: ceil(8 / 2)
    (nx.balanced_tree(3, 2), 5),        # 9 leaves, the root in 3 blocks: ceil(9 / 2)
    (_caterpillar(4, 3), 6),            # 12 legs, the spine's inner nodes in 5 blocks each: ceil(12 / 2)
    (nx.random_labeled_tree(40, seed=3), None),
])
def test_known_minimum_when_every_pair_is_plausible(T, expected):
    a = augmentation(_same_region(T))
    H = _check(T, a)
    assert len(a.new_ties) == a.lower_bound == (a.lower_bound if expected is None else expected)
    assert a.complete and nx.is_biconnected(H)


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 40), st.integers(0, 10_000))
def test_random_trees_reach_the_lower_bound(n, seed):
    T = _same_region(nx.random_labeled_tree(n, seed=seed))
    a = augmentation(T)
    H = _check(T, a)
    assert a.complete and nx.is_biconnected(H) and len(a.new_ties) == a.lower_bound


@st.composite
def _graphs(draw):
    """A connected graph (a tree plus extra ties) with regions and sectors drawn from small sets."""
    n = draw(st.integers(2, 45))
    seed = draw(st.integers(0, 10_000))
    T = nx.random_labeled_tree(n, seed=seed)
    extra = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n))
    T.add_edges_from((u, v) for u, v in extra if u != v)
    regions = draw(st.lists(st.sampled_from("abcd"), min_size=n, max_size=n))
    sectors = draw(st.lists(st.sampled_from(["a01", "a02", "a03", "a04", "a05", ""]), min_size=n, max_size=n))
    for v in T:
        T.nodes[v].update(region=regions[v], sector=sectors[v])
    return T


@settings(max_examples=150, deadline=None)
@given(_graphs())
def test_random_graphs_with_scarce_plausible_pairs(T):
    a = augmentation(T)
    _check(T, a)
    assert a.lower_bound <= len(a.new_ties) or not a.complete
    everyone = T.copy()
    nx.set_node_attributes(everyone, "a", "region")
    b = augmentation(everyone)
    H = _check(everyone, b)
    assert len(b.new_ties) == b.lower_bound and (nx.is_biconnected(H) or H.number_of_nodes() < 3)


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


def test_above_the_igraph_threshold_the_structure_gives_the_blocks():
    T = nx.random_labeled_tree(IGRAPH_ABOVE + 500, seed=7)
    rng = random.Random(7)
    for v in T:
        T.nodes[v].update(region=rng.choice("abcdefgh"), sector=rng.choice(["a01", "a02", "a03"]))
    a = augmentation(T, structure=TieStructure(T))
    H = _check(T, a)
    assert a.complete and nx.is_biconnected(H)
    assert a.lower_bound <= len(a.new_ties) <= a.lower_bound + 2


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


def test_a_leaf_with_no_partner_across_is_tied_within_its_branch():
    # the centroid is the hub h; x hangs below y, and only y's neighbour w (same branch) shares x's sector
    T = nx.Graph([("h", "p"), ("h", "q"), ("h", "w"), ("w", "y"), ("y", "x")])
    nx.set_node_attributes(T, {"p": "r1", "q": "r1", "h": "r2", "w": "r3", "y": "r4", "x": "r5"}, "region")
    T.nodes["x"]["sector"] = T.nodes["w"]["sector"] = "a01"
    a = augmentation(T)
    H = _check(T, a)
    assert ("w", "x") in {(t["a"]["id"], t["b"]["id"]) for t in a.new_ties}
    assert "y" not in {r["id"] for r in a.remaining} and not nx.is_biconnected(H)


def test_fixture_main_group(ess_graph):
    T, _ = tie_graph(ess_graph)
    a = augmentation(T)
    assert a.component_size == 6 and a.cut_points_before == 3  # gresp, c, d
    H = _check(T, a)
    assert not list(nx.articulation_points(H)) == a.complete
    assert all(alliance_text(t, {}, "es").startswith("Una alianza entre") for t in a.new_ties)


def test_max_new_and_tiny_components():
    a = augmentation(_same_region(nx.star_graph(5)), max_new=2)
    assert len(a.new_ties) == 2 and not a.complete and a.stopped_early and a.cut_points_after == 1
    bound_only = augmentation(_same_region(nx.star_graph(5)), max_new=0)
    assert bound_only.new_ties == [] and bound_only.lower_bound == 4 and bound_only.stopped_early
    a = augmentation(nx.path_graph(2))
    assert a.new_ties == [] and a.bridges_after == 1 and not a.complete
    assert augmentation(nx.Graph()).component_size == 0


def test_longest_paths_are_listed_first():
    # in a tree every tie between two leaves closes the cut points on its path: the longest come first
    T = _same_region(nx.random_labeled_tree(30, seed=11))
    a = augmentation(T)
    lengths = [nx.shortest_path_length(T, t["a"]["id"], t["b"]["id"]) for t in a.new_ties]
    assert lengths == sorted(lengths, reverse=True) and len(set(lengths)) > 1
