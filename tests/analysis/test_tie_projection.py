"""The projection from the property graph to the tie graph, and its machine-readable form."""
from __future__ import annotations

import json
import random

import networkx as nx
import pytest

from essgraph.analysis import Projection, analyze, tie_graph
from essgraph.errors import GraphError
from essgraph.graphmodel import Node, Relationship, build_graph, from_json_dict, to_json_dict


def _edges(T: nx.Graph) -> list[tuple[str, str]]:
    return sorted(tuple(sorted(e)) for e in T.edges())


def test_default_projection_counts_stated_org_ties_only(ess_graph):
    T, proj = tie_graph(ess_graph)
    assert sorted(T) == ["a", "b", "c", "coop1", "coop2", "d", "e", "gresp", "lonely"]  # no mesa (proposed), people…
    assert _edges(T) == [("a", "gresp"), ("b", "gresp"), ("c", "d"), ("c", "gresp"), ("coop1", "coop2"), ("d", "e")]
    assert proj.to_dict() == {
        "node_labels": ["Network", "Organization"],
        "relationship_types": ["ALLIED_WITH", "COORDINATES_WITH", "FOUNDED", "MEMBER_OF", "PARTICIPATES_IN",
                               "PART_OF", "SUPPORTS"],
        "include_inferred": False, "directed": False, "year": None, "exclude_status": ["proposed"],
        "include_reported": True,
        "counts": {"nodes": 9, "ties": 6, "relationships": 7, "undated_relationships": 3, "self_loops": 1},
    }


@pytest.mark.parametrize("include_reported, ties", [(True, 1), (False, 0)])
def test_reported_ties_count_unless_left_out_and_inferred_ones_only_when_asked(include_reported, ties):
    org = lambda i: Node(i, ("Organization",), {"name": i})  # noqa: E731
    G = build_graph([org("a"), org("b"), org("c")],
                    [Relationship("ALLIED_WITH", "a", "b", {"quote": "q", "evidence": "reported", "round": "r2"}),
                     Relationship("ALLIED_WITH", "b", "c", {"quote": "q", "evidence": "inferred"})])
    T, proj = tie_graph(G, include_reported=include_reported)
    assert T.number_of_edges() == ties and proj.include_reported is include_reported
    assert tie_graph(G, include_inferred=True, include_reported=include_reported)[0].number_of_edges() == ties + 1


@pytest.mark.parametrize("options", [{}, {"include_reported": False}, {"include_inferred": True}])
def test_imported_ties_count_like_stated_ones_whatever_the_options(options):
    """A folder made by ``essgraph import`` holds only imported ties: its analysis is not empty."""
    org = lambda i: Node(i, ("Organization",), {"name": i})  # noqa: E731
    G = build_graph([org("a"), org("b"), org("c")],
                    [Relationship("MEMBER_OF", "a", "b", {"quote": "q", "evidence": "imported"}),
                     Relationship("SUPPORTS", "c", "b", {"quote": "q", "evidence": "stated"})])
    T, _ = tie_graph(G, **options)
    assert _edges(T) == [("a", "b"), ("b", "c")]
    assert analyze(G, **options).summary["ties"] == 2


def test_parallel_relationships_make_one_tie_with_their_types(ess_graph):
    T, _ = tie_graph(ess_graph)
    assert T.edges["a", "gresp"]["relationships"] == 2
    assert T.edges["a", "gresp"]["types"] == ("ALLIED_WITH", "MEMBER_OF")
    assert T.edges["a", "gresp"]["years"] == (2008,)


@pytest.mark.parametrize("options, added", [
    ({"include_inferred": True}, {("a", "lonely"), ("b", "lonely")}),
    ({"include_people": True}, {("coop1", "person-ana-diaz"), ("lonely", "person-ana-diaz")}),
    ({"include_municipalities": True}, {("a", "muni-cusco")}),
    ({"exclude_status": ()}, {("gresp", "mes")}),
])
def test_options_add_exactly_their_ties(ess_graph, options, added):
    base = set(_edges(tie_graph(ess_graph)[0]))
    T, proj = tie_graph(ess_graph, **options)
    assert set(_edges(T)) - base == added
    assert proj.counts["ties"] == len(base) + len(added)


def test_year_keeps_undated_ties_and_drops_later_organizations(ess_graph):
    T, proj = tie_graph(ess_graph, year=2010)
    assert "d" not in T  # founded 2012
    assert _edges(T) == [("a", "gresp"), ("b", "gresp"), ("c", "gresp"), ("coop1", "coop2")]
    assert proj.year == 2010 and proj.counts["undated_relationships"] == 3
    T, _ = tie_graph(ess_graph, year=2000)
    assert "a" not in T and ("b", "gresp") in _edges(T)  # undated kept; a founded 2005


def test_unknown_relationship_type_is_a_clear_error(ess_graph):
    with pytest.raises(GraphError, match="unknown relationship type.*FRIEND_OF"):
        tie_graph(ess_graph, relationship_types=["FRIEND_OF"])


def test_projection_round_trips_through_its_dict(ess_graph):
    _, proj = tie_graph(ess_graph, include_inferred=True, year=2016)
    again = Projection.from_dict(json.loads(json.dumps(proj.to_dict())))
    assert again == proj
    T1, _ = tie_graph(ess_graph, projection=again)
    T2, _ = tie_graph(ess_graph, include_inferred=True, year=2016)
    assert _edges(T1) == _edges(T2)


def _rebuild_from_export(export: dict, spec: dict) -> set[tuple[str, str]]:
    """An independent reading of the projection's JSON: what a researcher would write."""
    labels, types = set(spec["node_labels"]), set(spec["relationship_types"])
    year = spec["year"]
    keep = {
        n["id"] for n in export["nodes"]
        if labels & set(n["labels"]) and n["properties"].get("status") not in spec["exclude_status"]
        and not (year is not None and n["properties"].get("founded_year", -1) > year)
    }
    counted = ({"stated", "imported"} | ({"reported"} if spec["include_reported"] else set())
               | ({"inferred"} if spec["include_inferred"] else set()))
    ties = set()
    for r in export["relationships"]:
        p = r["properties"]
        if (r["type"] in types and r["start"] in keep and r["end"] in keep and r["start"] != r["end"]
                and p.get("evidence", "stated") in counted
                and not (year is not None and p.get("year") is not None and p["year"] > year)):
            ties.add(tuple(sorted((r["start"], r["end"]))))
    return ties


@pytest.mark.parametrize("options", [{}, {"include_inferred": True}, {"year": 2010}, {"include_people": True},
                                     {"include_municipalities": True, "include_inferred": True}])
def test_anyone_can_rebuild_the_tie_graph_from_the_export_and_the_projection(ess_graph, options):
    result = analyze(ess_graph, **options, include_personal_data=True).to_json()
    export = json.loads(json.dumps(to_json_dict(ess_graph)))
    rebuilt = _rebuild_from_export(export, result["projection"])
    assert rebuilt == set(_edges(tie_graph(ess_graph, **options)[0]))
    assert len(rebuilt) == result["projection"]["counts"]["ties"]


def test_rebuild_on_the_real_data(real_graph):
    result = analyze(real_graph, include_inferred=True).to_json()
    rebuilt = _rebuild_from_export(to_json_dict(real_graph), result["projection"])
    assert rebuilt == set(_edges(tie_graph(real_graph, include_inferred=True)[0]))


def reordered(G: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    """The same graph as another backend may hand it back: other order, keys, list types."""
    rng = random.Random(seed)
    nodes = [Node(n, tuple(reversed(d["labels"])), {k: (list(v) if isinstance(v, tuple) else v)
                                                    for k, v in d.items() if k != "labels"})
             for n, d in G.nodes(data=True)]
    rels = [(u, v, dict(d)) for u, v, d in G.edges(data=True)]
    rng.shuffle(nodes)
    rng.shuffle(rels)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    for n in nodes:
        H.add_node(n.id, labels=n.labels, **n.properties)
    for i, (u, v, d) in enumerate(rels):
        H.add_edge(u, v, key=f"k{i}", **d)
    return H


def test_tie_graph_ignores_order_keys_and_sequence_types(ess_graph):
    T1, p1 = tie_graph(ess_graph, include_inferred=True)
    T2, p2 = tie_graph(reordered(ess_graph, 3), include_inferred=True)
    assert list(T1.nodes) == list(T2.nodes) and list(T1.edges(data=True)) == list(T2.edges(data=True))
    assert p1.to_dict() == p2.to_dict()


def test_export_round_trip_gives_the_same_tie_graph(real_graph):
    T1, _ = tie_graph(real_graph)
    T2, _ = tie_graph(from_json_dict(json.loads(json.dumps(to_json_dict(real_graph)))))
    assert list(T1.edges(data=True)) == list(T2.edges(data=True))


def test_empty_and_single_node_graphs():
    T, proj = tie_graph(build_graph([], []))
    assert T.number_of_nodes() == 0 and proj.counts["ties"] == 0
    T, _ = tie_graph(build_graph([Node("x", ("Organization",), {})], [Relationship("ALLIED_WITH", "x", "x", {})]))
    assert list(T.nodes) == ["x"] and T.nodes["x"]["name"] == "x" and T.number_of_edges() == 0
