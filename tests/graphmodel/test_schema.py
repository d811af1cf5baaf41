"""The graph model: whitelists, vocabularies and the NetworkX form."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from essgraph.graphmodel import (
    LABELS, NODE_SPECS, REL_SPECS, REL_TYPES, VOCABULARIES, Node, Relationship, build_graph,
    from_json_dict, iter_relationships, to_json_dict,
)
from essgraph.graphmodel.vocab import ESSGLOBAL_BASE, ESSGLOBAL_SCHEMES

SAFE_NAME = re.compile(r"^[A-Za-z][A-Za-z_]*$")


def test_whitelists_are_safe_cypher_identifiers() -> None:
    assert all(SAFE_NAME.match(x) for x in LABELS | REL_TYPES)


def test_relationship_endpoints_are_known_labels() -> None:
    for spec in REL_SPECS.values():
        assert spec.start_labels <= LABELS and spec.end_labels <= LABELS, spec.type


def test_every_property_vocabulary_and_ref_exists() -> None:
    for spec in NODE_SPECS.values():
        for p in spec.properties:
            assert p.vocabulary is None or p.vocabulary in VOCABULARIES
            assert p.ref is None or p.ref in NODE_SPECS
            assert p.type in {"str", "int", "list"}


def test_the_essglobal_schemes_are_the_five_aligned_vocabularies() -> None:
    assert ESSGLOBAL_SCHEMES == {"legal_form": "legal-form", "sector": "activities", "theme": "themes",
                                 "qualifier": "qualifiers", "membership_base": "base-membership-type"}


@pytest.mark.parametrize("vocabulary, scheme", sorted(ESSGLOBAL_SCHEMES.items()))
def test_essglobal_codes_match_the_skos_files(shared_file, scheme: str, vocabulary: str) -> None:
    path = shared_file(f"vocab/essglobal/{scheme}.skos")
    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
    codes = {c.get(rdf) for c in ET.parse(path).getroot().iter("{http://www.w3.org/2004/02/skos/core#}Concept")}
    assert set(VOCABULARIES[vocabulary]) == codes
    assert ESSGLOBAL_BASE.startswith("http://purl.org/essglobal/")


def test_graph_round_trip_keeps_parallel_edges_and_labels() -> None:
    nodes = [Node("a", ("Organization", "Network"), {"name": "A", "aliases": ["AA"]}),
             Node("b", ("Organization",), {"name": "B", "founded_year": 1990})]
    rels = [Relationship("ALLIED_WITH", "a", "b", {"quote": "q1"}),
            Relationship("ALLIED_WITH", "a", "b", {"quote": "q2", "year": 2016})]
    G = build_graph(nodes, rels, {"title": "x"})
    assert G.number_of_edges() == 2
    H = from_json_dict(to_json_dict(G))
    assert to_json_dict(H) == to_json_dict(G)
    assert [r.properties for r in iter_relationships(H)] == [r.properties for r in iter_relationships(G)]


def test_empty_values_are_not_stored() -> None:
    G = build_graph([Node("a", ("Region",), {"name": "Lima", "ubigeo": "", "x": None, "l": []})], [])
    assert dict(G.nodes["a"]) == {"labels": ("Region",), "name": "Lima"}


def test_model_page_is_in_sync_with_the_model() -> None:
    from essgraph.graphmodel.docs import model_markdown

    page = Path(__file__).resolve().parents[2] / "docs" / "model.md"
    assert page.read_text(encoding="utf-8") == model_markdown(), "run: python -m essgraph.graphmodel.docs > docs/model.md"
