"""Codes in plain words: the exports put a ``_label`` column beside every code column, in the reader's language."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import networkx as nx
import pytest

from essgraph.graphmodel import NODE_SPECS
from essgraph.graphmodel.terms import RELATIONSHIP_PROPERTIES
from essgraph.loaders import export
from essgraph.loaders.gexf import GEXF_NS

#: Known rows of the bundled map: (language, column, expected label).
AAM = [
    ("es", "sector_label", "Producción industrial y artesanal"),
    ("es", "themes_label", "Mujeres|Producción, comercialización y consumo solidarios y responsables"),
    ("es", "kind_label", "Iniciativa de ESS"),
    ("es", "status_label", "Activa"),
    ("es", "labels_label", "Organización"),
    ("es", "membership_base_label", "Productores"),
    ("en", "sector_label", "Craftmanship and manufacturing"),
    ("en", "themes_label", "Women|Solidarity and responsible production, commerce and consumption"),
    ("en", "kind_label", "SSE initiative"),
    ("en", "labels_label", "Organization"),
]


def _csv_tables(G: nx.MultiDiGraph, path: Path, lang: str) -> tuple[list[str], list[dict], list[str], list[dict]]:
    with zipfile.ZipFile(export(G, "csv", path, lang=lang)) as archive:
        tables = [csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig")))
                  for name in ("nodes.csv", "relationships.csv")]
        nodes, rels = (list(t) for t in tables)
    return list(tables[0].fieldnames or []), nodes, list(tables[1].fieldnames or []), rels


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_bundled_csv_export_has_labels_beside_the_codes(real_graph: nx.MultiDiGraph, tmp_path: Path,
                                                            lang: str) -> None:
    node_columns, nodes, rel_columns, rels = _csv_tables(real_graph, tmp_path / "mapa.zip", lang)
    aam = next(n for n in nodes if n["id"] == "aam")
    assert (aam["sector"], aam["themes"], aam["kind"]) == ("a03", "T14|T9", "initiative")  # the codes stay
    assert {column: aam[column] for wanted, column, _ in AAM if wanted == lang} == {
        column: label for wanted, column, label in AAM if wanted == lang}
    gresp = next(n for n in nodes if n["id"] == "gresp")
    assert gresp["labels_label"] == {"es": "Organización|Red", "en": "Organization|Network"}[lang]
    member = next(r for r in rels if r["type"] == "MEMBER_OF")
    assert member["type_label"] == {"es": "Miembro de", "en": "Member of"}[lang]
    assert member["evidence_label"] == {"es": "Declarado en el informe", "en": "Stated in the report"}[lang]
    # every label column sits right after its code column, and every coded cell has its label
    coded = {p.name for spec in NODE_SPECS.values() for p in spec.properties if p.vocabulary} | {"labels"}
    rel_coded = {p.name for p in RELATIONSHIP_PROPERTIES if p.vocabulary} | {"type"}
    for columns, rows, codes in ((node_columns, nodes, coded), (rel_columns, rels, rel_coded)):
        labels = [c for c in columns if c.endswith("_label")]
        assert labels and all(columns[columns.index(c) - 1] == c.removesuffix("_label") for c in labels)
        for row in rows:
            assert all(row[f"{c}_label"] for c in codes & set(columns) if row[c]), row


def test_label_columns_are_extra_columns_a_program_reading_the_export_ignores(real_graph: nx.MultiDiGraph,
                                                                              tmp_path: Path) -> None:
    H = nx.read_graphml(export(real_graph, "graphml", tmp_path / "mapa.graphml", lang="en"))
    assert H.number_of_nodes() == real_graph.number_of_nodes()
    assert H.number_of_edges() == real_graph.number_of_edges()
    aam = H.nodes["aam"]
    assert (aam["sector"], aam["sector_label"]) == ("a03", "Craftmanship and manufacturing")
    assert aam["labels"] == "Organization" and aam["labels_label"] == "Organization"
    assert {d["rel_type"] for _, _, d in H.edges(data=True)} == {t for _, _, t in real_graph.edges(data="type")}
    assert {d["type_label"] for _, _, d in H.edges(data=True) if d["rel_type"] == "SUPPORTS"} == {"Supports"}


def test_the_gexf_export_speaks_the_language_asked(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    for lang, kind, edge in (("es", "Iniciativa de ESS", "Miembro de"), ("en", "SSE initiative", "Member of")):
        root = ET.parse(export(real_graph, "gexf", tmp_path / f"mapa-{lang}.gexf", lang=lang)).getroot()
        aam = next(n for n in root.iter(f"{{{GEXF_NS}}}node") if n.get("id") == "aam")
        values = {v.get("for"): v.get("value") for v in aam.iter(f"{{{GEXF_NS}}}attvalue")}
        assert (values["kind"], values["kind_label"]) == ("initiative", kind)
        assert edge in {e.get("label") for e in root.iter(f"{{{GEXF_NS}}}edge") if e.get("kind") == "MEMBER_OF"}
