"""data → Neo4j → pull equals data → embedded build, and pull sees edits made in Neo4j (REAL server)."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essgraph.graphmodel import Node, Relationship, build_graph, iter_nodes, iter_relationships, to_json_dict
from essgraph.loaders import bundled_data_dir, load_graph
from essgraph.neo4jstore import load, pull


def assert_same_graph(H, G) -> None:
    assert sorted(H.nodes) == sorted(G.nodes)
    for a, b in zip(iter_nodes(H), iter_nodes(G)):
        assert (a.id, a.labels) == (b.id, b.labels)  # labels tuple in the model's order
        assert a.properties == {k: list(v) if isinstance(v, tuple) else v for k, v in b.properties.items()}
        assert {k: type(v) for k, v in a.properties.items()} == {
            k: list if isinstance(v, tuple) else type(v) for k, v in b.properties.items()}
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    for a, b in zip(iter_relationships(H), iter_relationships(G)):
        assert (a.type, a.start, a.end, a.properties) == (b.type, b.start, b.end, b.properties)
    assert to_json_dict(H)["nodes"] == to_json_dict(G)["nodes"]
    assert to_json_dict(H)["relationships"] == to_json_dict(G)["relationships"]


def test_round_trip_of_the_bundled_data(neo4j_clean) -> None:
    G = load_graph(data_dir=bundled_data_dir())
    load(neo4j_clean, G)
    H = pull(neo4j_clean, metadata=G.graph["dataset"])
    assert_same_graph(H, G)
    assert H.graph["dataset"] == G.graph["dataset"]


def test_pull_sees_edits_made_in_neo4j_browser(neo4j_clean) -> None:
    G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo"}),
                     Node("b", ("Organization",), {"name": "B", "kind": "ngo"})], [])
    load(neo4j_clean, G)
    neo4j_clean.execute_query("MATCH (a:Organization {id: 'a'}) SET a.name = 'A renamed', a:Network, a:Reviewed")
    neo4j_clean.execute_query("MATCH (a {id: 'a'}), (b {id: 'b'}) CREATE (a)-[:ALLIED_WITH {quote: 'drawn'}]->(b)")
    neo4j_clean.execute_query("CREATE (:Organization {id: 'c', name: 'C', founded_year: 1999, themes: ['T3', 'T9']})")
    H = pull(neo4j_clean)
    assert H.nodes["a"]["name"] == "A renamed" and H.nodes["a"]["labels"] == ("Organization", "Network")
    assert H.nodes["c"]["themes"] == ["T3", "T9"] and H.nodes["c"]["founded_year"] == 1999
    [(u, v, key, data)] = H.edges(keys=True, data=True)
    assert (u, v, data) == ("a", "b", {"type": "ALLIED_WITH", "quote": "drawn"})
    assert key == Relationship("ALLIED_WITH", "a", "b", {"quote": "drawn"}).key
    load(neo4j_clean, H)  # what was pulled loads back unchanged
    assert to_json_dict(pull(neo4j_clean)) == to_json_dict(H)


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
_ids = st.from_regex(r"[a-z][a-z0-9]{0,5}", fullmatch=True)


@st.composite
def graphs(draw):
    ids = draw(st.lists(_ids, min_size=1, max_size=8, unique=True))
    nodes = [Node(i, draw(st.sampled_from([("Organization",), ("Organization", "Network"), ("Municipality",)])),
                  {"name": draw(_text), "aliases": draw(st.lists(_text, max_size=3)),
                   "founded_year": draw(st.integers(1900, 2030))}) for i in ids]
    rels = [Relationship(draw(st.sampled_from(["ALLIED_WITH", "SUPPORTS", "SHARES_CONTACT"])),
                         draw(st.sampled_from(ids)), draw(st.sampled_from(ids)),
                         {"quote": draw(_text), "year": draw(st.integers(1990, 2020))})
            for _ in range(draw(st.integers(0, 10)))]
    return build_graph(nodes, rels)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(G=graphs())
def test_round_trip_property(neo4j_driver, G) -> None:
    load(neo4j_driver, G, replace=True)
    assert_same_graph(pull(neo4j_driver), G)
