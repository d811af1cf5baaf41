"""The measures begun in a child process (``TieStructure.start``) are the ones computed here."""
from __future__ import annotations

from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import networkx as nx
import pytest

from essgraph.analysis import engine
from essgraph.analysis._common import group_members
from essgraph.analysis.centrality import centrality, hubs
from essgraph.analysis.engine import TieStructure


@pytest.fixture(scope="module")
def large() -> nx.Graph:
    """Past PARALLEL_ABOVE: 60 planted groups of 400, joined sparsely (seeded)."""
    G = nx.planted_partition_graph(60, 400, 0.02, 0.0002, seed=7)
    return nx.relabel_nodes(G, {v: f"o{v}" for v in G})


def test_the_child_finds_the_same_partition(large) -> None:
    assert large.number_of_nodes() > engine.PARALLEL_ABOVE
    with TieStructure(large) as here:
        expected = here.multilevel(seed=5)
    with TieStructure(large) as S:
        S.start(seed=5, k=50)
        assert len(S._started) == (2 if engine._can_fork() else 0)
        assert S.multilevel(seed=5) == expected
        assert ("multilevel", 5, 1.0) not in S._started  # collected once


def test_a_dead_child_is_computed_here(large, monkeypatch) -> None:
    with TieStructure(large) as here:
        expected = here.multilevel(seed=5)
    broken: Future[list[int]] = Future()
    broken.set_exception(BrokenProcessPool("killed"))
    with TieStructure(large) as S:
        S._started[("multilevel", 5, 1.0)] = broken
        assert S.multilevel(seed=5) == expected


def test_small_graphs_and_other_engines_start_nothing(monkeypatch) -> None:
    S = TieStructure(nx.path_graph(50))
    S.start(seed=1)
    assert not S._started
    monkeypatch.setattr(engine, "_can_fork", lambda: False)
    big = TieStructure(nx.path_graph(engine.PARALLEL_ABOVE + 10))
    big.start(seed=1, k=10)
    assert not big._started


def test_the_childs_centralities_are_the_same_table(large) -> None:
    with TieStructure(large) as here:
        expected = centrality(large, k=200, seed=3, structure=here).table
    with TieStructure(large) as S:
        S.start(seed=3, k=200)
        table = centrality(large, k=200, seed=3, structure=S).table
        assert ("multilevel", 3, 1.0) in S._started or not engine._can_fork()  # not asked for yet
        assert not {key for key in S._started if key[0] != "multilevel"}  # the child's centralities were collected
    assert table.equals(expected)


def test_the_childs_group_measures_are_the_same_hubs(large) -> None:
    T = large.copy()
    nx.set_node_attributes(T, {v: f"r{int(v[1:]) % 3}" for v in T}, "region")
    groups = group_members(T, "region")
    with TieStructure(T) as here:
        expected = hubs(T, top=5, group_by="region", k=200, seed=3, structure=here)
    with TieStructure(T) as S:
        S.start(seed=3, k=200, group_by=("region",))
        assert len(S._started) == (2 + len(groups) if engine._can_fork() else 0)  # whole, Louvain, each group
        table = hubs(T, top=5, group_by="region", k=200, seed=3, structure=S)
        assert not {key for key in S._started if key[0] == "centralities" and key[1] is not None}  # all collected
    assert len(groups) == 3 and table.equals(expected)
