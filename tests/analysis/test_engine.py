"""Both engines (NetworkX, igraph) give the same answers: karate club, seeded random graphs, the real data."""
from __future__ import annotations

import random

import networkx as nx
import pytest

from essgraph.analysis import augmentation, centrality, communities, core_periphery, hubs, tie_graph
from essgraph.analysis import engine as E
from essgraph.analysis.pipeline import betweenness_sample


def _graphs() -> list[tuple[str, nx.Graph]]:
    karate = nx.karate_club_graph()
    islands = nx.disjoint_union_all([nx.gnm_random_graph(150, 300, seed=1), nx.path_graph(6), nx.star_graph(4)])
    islands.add_node("alone")
    return [("karate", karate), ("gnm", nx.gnm_random_graph(300, 700, seed=3)),
            ("sparse", nx.gnm_random_graph(400, 420, seed=5)), ("islands", islands)]


GRAPHS = _graphs()


def _close(a: dict, b: dict, tol: float) -> None:
    assert a.keys() == b.keys()
    worst = max(abs(a[v] - b[v]) for v in a)
    assert worst <= tol, worst


@pytest.mark.parametrize("name,T", GRAPHS)
@pytest.mark.parametrize("k", [None, 40])
def test_betweenness_engines_agree_exact_and_sampled(name: str, T: nx.Graph, k: int | None) -> None:
    _close(E.betweenness(T, k=k, seed=7, engine="networkx"), E.betweenness(T, k=k, seed=7, engine="igraph"), 1e-12)


@pytest.mark.parametrize("name,T", GRAPHS)
@pytest.mark.parametrize("k", [None, 40])
def test_closeness_engines_agree(name: str, T: nx.Graph, k: int | None) -> None:
    fast = E.closeness(T, k=k, seed=7, engine="igraph")
    _close(E.closeness(T, k=k, seed=7, engine="networkx"), fast, 1e-12)
    if k is None:
        _close(nx.closeness_centrality(T, wf_improved=True), fast, 1e-12)


def test_sampled_closeness_is_exact_in_small_components_and_close_in_large() -> None:
    T = dict(GRAPHS)["islands"]
    exact, estimate = nx.closeness_centrality(T, wf_improved=True), E.closeness(T, k=40, seed=7, engine="igraph")
    small = [v for c in nx.connected_components(T) if len(c) <= 40 for v in c]
    assert small and all(abs(exact[v] - estimate[v]) < 1e-12 for v in small)
    assert max(abs(exact[v] - estimate[v]) for v in T) < 0.05


@pytest.mark.parametrize("name,T", GRAPHS)
def test_pagerank_engines_agree(name: str, T: nx.Graph) -> None:
    _close(E.pagerank(T, engine="networkx"), E.pagerank(T, engine="igraph"), 5e-5)


@pytest.mark.parametrize("name,T", GRAPHS)
def test_biconnected_engines_agree(name: str, T: nx.Graph) -> None:
    (b1, c1), (b2, c2) = E.biconnected(T, engine="networkx"), E.biconnected(T, engine="igraph")
    assert c1 == c2
    assert sorted(sorted(map(str, b)) for b in b1) == sorted(sorted(map(str, b)) for b in b2)


@pytest.mark.parametrize("name,T", GRAPHS)
def test_louvain_engines_comparable(name: str, T: nx.Graph) -> None:
    H = T.subgraph([v for v in T if T.degree(v)]).copy()
    q = {e: nx.community.modularity(H, E.louvain(H, seed=3, engine=e)) for e in ("networkx", "igraph")}
    assert abs(q["networkx"] - q["igraph"]) <= 0.03, q
    parts = E.louvain(H, seed=3, engine="igraph")
    assert sorted(v for p in parts for v in p) == sorted(H)  # a partition of H
    assert E.louvain(H, seed=3, engine="igraph") == parts  # seeded


@pytest.mark.parametrize("name,T", GRAPHS)
def test_centrality_table_identical_across_engines(name: str, T: nx.Graph) -> None:
    for k in (None, 40):
        a = centrality(T, k=k, seed=1, engine="networkx").table
        b = centrality(T, k=k, seed=1, engine="igraph").table
        exact_columns = ["id", "degree", "degree_centrality", "betweenness", "closeness"]
        assert a[exact_columns].equals(b[exact_columns])
        assert (a["pagerank"] - b["pagerank"]).abs().max() <= 5e-5


def test_hubs_identical_across_engines() -> None:
    T = nx.gnm_random_graph(300, 700, seed=3)
    nx.set_node_attributes(T, {v: "ns"[v % 2] for v in T}, "region")
    for group_by in (None, "region"):
        a = hubs(T, top=10, by="betweenness", group_by=group_by, engine="networkx")
        b = hubs(T, top=10, by="betweenness", group_by=group_by, engine="igraph")
        assert a["id"].tolist() == b["id"].tolist()


def test_real_data_same_answers(real_graph: nx.MultiDiGraph) -> None:
    T, _ = tie_graph(real_graph)
    a, b = centrality(T, engine="networkx").table, centrality(T, engine="igraph").table
    assert a.drop(columns="pagerank").equals(b.drop(columns="pagerank"))
    assert (a["pagerank"] - b["pagerank"]).abs().max() <= 5e-5
    qa = communities(T, seed=42, engine="networkx").modularity
    qb = communities(T, seed=42, engine="igraph").modularity
    assert abs(qa - qb) <= 0.03


def test_augmentation_uses_either_block_engine() -> None:
    T = nx.random_labeled_tree(60, seed=2)
    nx.set_node_attributes(T, "a01", "sector")
    assert augmentation(T) == augmentation(T, structure=E.TieStructure(T))  # NetworkX's blocks, then igraph's


def test_auto_engine_and_sampling_thresholds() -> None:
    assert not E.use_igraph(nx.path_graph(10)) and E.use_igraph(nx.empty_graph(E.IGRAPH_ABOVE))
    assert betweenness_sample(nx.empty_graph(E.BETWEENNESS_EXACT_UP_TO)) is None
    assert betweenness_sample(nx.empty_graph(E.BETWEENNESS_EXACT_UP_TO + 1)) == E.BETWEENNESS_SAMPLE
    with pytest.raises(ValueError, match="unknown engine"):
        E.use_igraph(nx.path_graph(2), "graphtool")


def test_centrality_says_what_was_sampled() -> None:
    T = nx.gnm_random_graph(300, 700, seed=3)
    c = centrality(T, k=40, seed=9)
    assert (c.betweenness_sampled, c.betweenness_k, c.betweenness_seed, c.closeness_sampled) == (True, 40, 9, True)
    exact = centrality(T)
    assert (exact.betweenness_sampled, exact.betweenness_k, exact.betweenness_seed) == (False, None, None)


def test_sampled_betweenness_top20_overlap_at_5k() -> None:
    """The sample analyze uses (500 sources) finds the same top 20 brokers as the exact measure (a few seconds)."""
    T = nx.powerlaw_cluster_graph(5000, 3, 0.1, seed=11)
    exact = E.betweenness(T, engine="igraph")
    sampled = E.betweenness(T, k=E.BETWEENNESS_SAMPLE, seed=42, engine="igraph")
    top = lambda d: set(sorted(d, key=lambda v: (-d[v], v))[:20])  # noqa: E731
    assert len(top(exact) & top(sampled)) / 20 >= 0.85


def _attributed(n: int, m: int, seed: int) -> nx.Graph:
    """A seeded random tie graph with string ids (id order is not insertion order) and groups."""
    rng = random.Random(seed)
    G = nx.gnm_random_graph(n, m, seed=seed)
    T = nx.Graph()
    ids = [f"o{rng.randrange(10 ** 6):06d}-{v}" for v in G]
    T.add_nodes_from(ids)  # insertion order differs from id order
    T.add_edges_from((ids[u], ids[v]) for u, v in G.edges())
    for v in T:
        T.nodes[v].update(region="abc"[rng.randrange(3)], macro_region="xy"[rng.randrange(2)])
    return T


@pytest.mark.parametrize("seed", [1, 2])
@pytest.mark.parametrize("k", [None, 30])
def test_hubs_by_group_from_shared_conversion_equal_subgraph_copies(seed: int, k: int | None) -> None:
    T = _attributed(240, 500, seed)
    slow = hubs(T, top=5, by="degree", group_by="region", k=k, seed=3, engine="networkx")
    fast = hubs(T, top=5, by="degree", group_by="region", k=k, seed=3, engine="igraph", structure=E.TieStructure(T))
    assert slow[["group", "id", "degree", "degree_centrality", "betweenness", "closeness"]].equals(
        fast[["group", "id", "degree", "degree_centrality", "betweenness", "closeness"]])
    assert (slow["pagerank"] - fast["pagerank"]).abs().max() <= 5e-5
    # reproducible: the sample of sources is drawn in T's node order, not a set's
    assert hubs(T, top=5, group_by="region", k=k, seed=3, engine="igraph").equals(
        hubs(nx.Graph(T), top=5, group_by="region", k=k, seed=3, engine="igraph"))


def test_subgraph_keeps_t_order_with_or_without_a_shared_structure() -> None:
    T = _attributed(50, 90, 4)
    members = sorted(T)[::3][::-1]
    g1, n1 = E.subgraph(T, members)
    S = E.TieStructure(T)
    g2, n2 = S.subgraph(members)
    assert S.igraph()[0] is S.igraph()[0]
    assert n1 == n2 == [v for v in T if v in set(members)]
    assert sorted(g1.get_edgelist()) == sorted(g2.get_edgelist())
    assert g1.ecount() == T.subgraph(members).number_of_edges()


@pytest.mark.parametrize("name,T", GRAPHS)
def test_core_numbers_identical_across_engines(name: str, T: nx.Graph) -> None:
    assert E.core_number(T, engine="networkx") == E.core_number(T, engine="igraph")
    assert core_periphery(T, engine="networkx") == core_periphery(T, engine="igraph")


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_communities_from_shared_conversion_same_partition_as_networkx_copy(seed: int) -> None:
    T = _attributed(300, 420, seed)
    T.add_edge(sorted(T)[0], sorted(T)[0])  # a self-loop is ignored
    H = nx.Graph()  # what the small path hands to igraph
    H.add_nodes_from(sorted((v for v in T if T.degree(v) > 0)))
    H.add_edges_from(sorted(tuple(sorted(e)) for e in T.edges() if e[0] != e[1]))
    H.remove_nodes_from([v for v in list(H) if H.degree(v) == 0])
    parts = E.louvain(H, seed=seed, engine="igraph")
    c = communities(T, seed=seed, engine="igraph", structure=E.TieStructure(T))
    assert sorted(sorted(p) for p in parts) == sorted(sorted(m["id"] for m in x.members) for x in c.communities)
    assert c.modularity == pytest.approx(nx.community.modularity(H, parts), abs=1e-6)


def test_only_engine_imports_igraph() -> None:
    """An AST scan of every module of the package: python-igraph is imported by analysis/engine.py alone."""
    import ast
    import importlib
    from pathlib import Path

    import essgraph
    roots = [Path(p) for p in essgraph.__path__]
    for sub in ("graphmodel", "loaders", "queries", "neo4jstore", "analysis", "render", "cli"):
        roots += [Path(p) for p in importlib.import_module(f"essgraph.{sub}").__path__]
    sources = {path.resolve() for root in roots for path in root.glob("*.py")}
    assert len(sources) > 50  # every module of every subpackage, not a few
    importers = set()
    for path in sources:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name == "igraph" or name.startswith("igraph.") for name in names):
                importers.add(path)
    assert {p.relative_to(p.parents[1]).as_posix() for p in importers} == {"analysis/engine.py"}


def test_structure_computes_each_part_once_and_forgets_it_after_its_block() -> None:
    T = nx.barbell_graph(4, 2)
    with E.TieStructure(T) as S:
        assert S.cut_search() is S.cut_search() and S.components() is S.components()
        assert S.betweenness() is S.betweenness() and S.betweenness(k=3, seed=1) is not S.betweenness()
        kept = S.igraph()[0]
        assert S.igraph()[0] is kept
    assert S.igraph()[0] is not kept  # released at the end of the block, converted again on demand


def test_structure_of_refuses_another_graphs_structure() -> None:
    T = nx.path_graph(3)
    with pytest.raises(ValueError, match="another tie graph"):
        E.structure_of(T, E.TieStructure(nx.path_graph(3)))


@pytest.mark.parametrize("name,T", GRAPHS)
def test_cut_search_finds_the_structures_cut_points_and_bridges(name: str, T: nx.Graph) -> None:
    S = E.TieStructure(T)
    search = S.cut_search()
    assert set(search.cut_parts) == S.articulation_points()
    assert {frozenset(b) for b in search.bridges} == S.bridges()
    assert {frozenset(c) for c in S.components()} == {frozenset(c) for c in nx.connected_components(T)}
    assert S.hops_from([0]) == dict(sorted(nx.single_source_shortest_path_length(T, 0).items(),
                                           key=lambda kv: (kv[1], kv[0])))


def test_eigenvector_is_scaled_and_defined_without_ties() -> None:
    T = nx.karate_club_graph()
    ours, theirs = E.TieStructure(T).eigenvector(), nx.eigenvector_centrality_numpy(T)
    top = max(theirs.values())
    _close(ours, {v: x / top for v, x in theirs.items()}, 1e-6)
    assert E.TieStructure(nx.empty_graph(3)).eigenvector() == {0: 0.0, 1: 0.0, 2: 0.0}
