"""Exports carry both notes: ``note`` (English in the bundled data) and ``note_es`` (Spanish)."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from essgraph.graphmodel import public_graph
from essgraph.loaders import export, read_snapshot

EN = "joint elaboration of this mapping report; the year is the edition date on the title page"
ES = "elaboración conjunta de este informe de mapeo; el año es la fecha de edición que figura en la portada"


def _gresp_gsef(props: list[dict]) -> dict:
    return next(p for p in props if str(p.get("note", "")).startswith(EN))


def test_json_keeps_both_notes_and_reads_back(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = export(real_graph, "json", tmp_path / "map.json")
    tie = _gresp_gsef([r["properties"] for r in json.loads(path.read_text(encoding="utf-8"))["relationships"]])
    assert tie["note_es"].startswith(ES)
    def notes(G: nx.MultiDiGraph) -> list[tuple[str, ...]]:
        return sorted((u, v, a.get("note", ""), a.get("note_es", "")) for u, v, a in G.edges(data=True))

    assert notes(read_snapshot(path)) == notes(public_graph(real_graph))
    assert sum(1 for *_, es in notes(real_graph) if es) > 150


def test_csv_has_both_note_columns(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    with zipfile.ZipFile(export(real_graph, "csv", tmp_path / "map.zip")) as z:
        tables = {name: list(csv.DictReader(io.StringIO(z.read(name).decode("utf-8-sig")))) for name in z.namelist()}
    assert _gresp_gsef(tables["relationships.csv"])["note_es"].startswith(ES)
    nodes = {r["id"]: r for r in tables["nodes.csv"]}
    assert nodes["gies-cusco"]["note"].startswith("Also interviewed")
    assert nodes["gies-cusco"]["note_es"].startswith("También entrevistado")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_have_both_notes(real_graph: nx.MultiDiGraph, tmp_path: Path, fmt: str) -> None:
    text = export(real_graph, fmt, tmp_path / f"map.{fmt}").read_text(encoding="utf-8")
    assert EN in text and ES in text
    assert ('attr.name="note_es"' if fmt == "graphml" else 'title="note_es"') in text
