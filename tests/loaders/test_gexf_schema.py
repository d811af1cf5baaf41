"""The GEXF export against the official GEXF 1.3 schema (fixtures/gexf-1.3, see its SOURCE.md).

The whole document is checked against the RELAX NG grammar (the normative one, ``viz`` included)
and, without its ``viz:`` elements, against the XSD (whose conversion lost the ``viz`` namespace).
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders import export
from essgraph.loaders.gexf import GEXF_NS, VIZ_NS, NodeViz, gexf_bytes
from essgraph.render.gephi import gephi_viz

SCHEMA = Path(__file__).parent / "fixtures" / "gexf-1.3"

#: Names a planner or another map's file might hold: markup, quotes, control characters, a lone
#: surrogate, emoji, a line separator, nothing at all.
HOSTILE = ["<script>alert(1)</script>", "Ñandú & \"Cía\" 'Ltda' ]]>", "Coop\x0bSur\x01\x7f", "", " ",
           "abeja 🐝 \u2028 fin", "surrogate \ud83d end", "tab\tnew\nline\r"]


@pytest.fixture(scope="module")
def validate():
    """``validate(bytes) -> list of problems`` (empty when the document is valid GEXF 1.3)."""
    grammar = etree.RelaxNG(etree.parse(str(SCHEMA / "gexf.rng")))
    xsd = etree.XMLSchema(etree.parse(str(SCHEMA / "gexf.xsd")))

    def check(data: bytes) -> list[str]:
        doc = etree.fromstring(data)
        problems = [f"rng {e.line}: {e.message}" for e in grammar.error_log] if not grammar.validate(doc) else []
        for element in list(doc.iter(f"{{{VIZ_NS}}}*")):
            element.getparent().remove(element)
        if not xsd.validate(doc):
            problems += [f"xsd {e.line}: {e.message}" for e in xsd.error_log]
        return problems
    return check


def test_the_bundled_export_with_the_views_picture_is_valid_gexf_1_3(real_graph: nx.MultiDiGraph, validate,
                                                                      tmp_path: Path) -> None:
    path = export(real_graph, "gexf", tmp_path / "mapa.gexf", viz=gephi_viz(real_graph))
    data = path.read_bytes()
    assert data.count(f"<viz:position ".encode()) > 100  # the picture is there, and checked by the grammar
    assert validate(data) == []


def test_a_graph_of_hostile_texts_is_valid_gexf_and_keeps_what_xml_can_hold(validate) -> None:
    nodes = [Node(f"n{i} id", ("Organization",), {"name": name, "description": name, "kind": "ngo",
                                                  "themes": ["T14", "T99"], "founded_year": 2001})
             for i, name in enumerate(HOSTILE)]
    rels = [Relationship("SUPPORTS", "n0 id", "n1 id", {"quote": HOSTILE[2], "section": "<1>", "evidence": "stated"}),
            Relationship("MEMBER_OF", "n0 id", "n1 id", {"quote": HOSTILE[5], "evidence": "stated", "year": 2010})]
    G = build_graph(nodes, rels)
    G.graph["dataset"] = {"title": HOSTILE[2]}
    data = gexf_bytes(G, viz={"n0 id": NodeViz(1.5, -2.0, "#ff0000", 3.0)}, lang="en")
    assert validate(data) == []
    doc = etree.fromstring(data)
    labels = [n.get("label") for n in doc.iter(f"{{{GEXF_NS}}}node")]
    # markup and quotes kept as text; control characters dropped (DEL is allowed in XML 1.0)
    assert labels[:3] == ["<script>alert(1)</script>", "Ñandú & \"Cía\" 'Ltda' ]]>", "CoopSur\x7f"]
    assert "abeja 🐝 \u2028 fin" in labels and "surrogate  end" in labels
    themes = {a.get("value") for a in doc.iter(f"{{{GEXF_NS}}}attvalue") if a.get("for") == "themes_label"}
    assert themes == {"Women|T99"}  # an unknown code stays as it is


def test_the_schema_check_rejects_what_the_issue_saw(validate) -> None:
    """A control: the schemas do reject an invalid document (an unnamed-graph attribute, a bad edge type)."""
    G = build_graph([Node("a", ("Organization",), {"name": "A"}), Node("b", ("Organization",), {"name": "B"})],
                    [Relationship("SUPPORTS", "a", "b", {"quote": "q", "evidence": "stated"})])
    data = gexf_bytes(G)
    assert validate(data) == []
    assert validate(data.replace(b'<graph ', b'<graph name="" ')) != []
    assert validate(data.replace(b'<edge ', b'<edge type="sideways" ')) != []
