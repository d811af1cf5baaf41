"""Pure tests of the Neo4j store: rows, whitelist helper, TLS rule, graph checks (no database)."""
from __future__ import annotations

import pytest

from essgraph.errors import Neo4jConnectionError
from essgraph.graphmodel import LABELS, REL_TYPES, Node, Relationship, build_graph
from essgraph.neo4jstore import canonical_labels, check_graph, check_uri, fill, node_batches, rel_batches, redact_uri
from essgraph.neo4jstore.rows import primary_label


def _graph(n: int) -> object:
    nodes = [Node(f"o{i}", ("Organization",), {"name": f"O{i}", "aliases": ("a", "b")}) for i in range(n)]
    nodes.append(Node("net", ("Organization", "Network"), {"name": "Net"}))
    rels = [Relationship("MEMBER_OF", f"o{i}", "net", {"quote": f"q{i}"}) for i in range(n)]
    return build_graph(nodes, rels)


def test_batches_cover_every_node_and_relationship_once() -> None:
    G = _graph(25)
    nb, rb = node_batches(G, 10), rel_batches(G, 10)
    assert [len(b.rows) for b in nb] == [10, 10, 5, 1]
    assert sorted(r["id"] for b in nb for r in b.rows) == sorted(G.nodes)
    assert sorted(r["key"] for b in rb for r in b.rows) == sorted(k for _, _, k in G.edges(keys=True))
    assert all(isinstance(r["props"]["aliases"], list) for b in nb for r in b.rows if "aliases" in r["props"])


def test_rows_are_deterministic() -> None:
    assert node_batches(_graph(30), 7) == node_batches(_graph(30), 7)
    assert rel_batches(_graph(30), 7) == rel_batches(_graph(30), 7)


def test_batch_size_must_be_positive() -> None:
    with pytest.raises(ValueError):
        node_batches(_graph(2), 0)


@pytest.mark.parametrize("labels, expected", [
    (["Network", "Organization"], ("Organization", "Network")),
    (["Organization"], ("Organization",)),
    (["Person", "Imported"], ("Person",)),
])
def test_canonical_labels(labels: list[str], expected: tuple[str, ...]) -> None:
    assert canonical_labels(labels) == expected
    assert primary_label(expected) == expected[0]


@pytest.mark.parametrize("name", ["Organization) DETACH DELETE n //", "organization", "", "Foo`", "MEMBER_OF|X"])
def test_fill_refuses_names_outside_the_whitelist(name: str) -> None:
    with pytest.raises(ValueError):
        fill("MATCH (n:«label») RETURN n", label=name)


def test_fill_accepts_every_whitelisted_name() -> None:
    for name in sorted(LABELS | REL_TYPES):
        assert name in fill("MATCH (n:«x») RETURN n", x=name)


def test_check_graph_rejects_labels_and_types_outside_the_model() -> None:
    G = build_graph([Node("a", ("Organization", "Evil`) DETACH DELETE n //"), {}), Node("b", ("Region",), {})],
                    [Relationship("HACKS", "a", "b", {})])
    problems = check_graph(G)
    assert any("not in the graph model" in p and "'a'" in p for p in problems)
    assert any("HACKS" in p for p in problems)
    assert check_graph(_graph(3)) == []


@pytest.mark.parametrize("uri", ["bolt://localhost:7687", "neo4j://127.0.0.1:7687", "bolt://[::1]:7687",
                                 "neo4j+s://abcd.databases.neo4j.io", "bolt+s://db.example.org:7687",
                                 "neo4j+ssc://10.0.0.5:7687"])
def test_accepted_uris(uri: str) -> None:
    assert check_uri(uri) == uri


@pytest.mark.parametrize("uri", ["bolt://db.example.org:7687", "neo4j://10.0.0.5:7687", "neo4j://abcd.databases.neo4j.io"])
def test_unencrypted_remote_uris_are_refused_unless_allowed(uri: str) -> None:
    with pytest.raises(Neo4jConnectionError, match="sin cifrar"):
        check_uri(uri)
    with pytest.raises(Neo4jConnectionError, match="allow insecure connections"):
        check_uri(uri, lang="en")
    assert check_uri(uri, allow_insecure=True) == uri


def test_uri_with_credentials_is_refused_and_redacted() -> None:
    with pytest.raises(Neo4jConnectionError) as info:
        check_uri("neo4j+s://neo4j:hunter2secret@db.example.org", lang="en")
    assert "hunter2secret" not in str(info.value) and "***@db.example.org" in str(info.value)
    assert redact_uri("bolt://u:p@h:1") == "bolt://***@h:1"


@pytest.mark.parametrize("uri", ["http://localhost:7474", "localhost:7687", "bolt://"])
def test_bad_uris(uri: str) -> None:
    with pytest.raises(Neo4jConnectionError, match="URI"):
        check_uri(uri, lang="en")
