"""Round trip through Kumu: the bundled map and a 1,000-organization one → workbook → import → the same graph.

What the format carries must come back exactly: every organization and municipality with every
property (the note gains the import's provenance), every tie between them with its type, ends,
section, quote and year. Evidence comes back as ``imported`` (``inferred`` stays ``inferred``),
which counts like ``stated``: the analysis of the imported map is the analysis of the original.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import openpyxl
import pytest

from essgraph.analysis import analyze
from essgraph.graphmodel import iter_nodes, iter_relationships, public_graph
from essgraph.loaders import load_graph
from essgraph.loaders.interchange import import_data
from essgraph.loaders.synthetic import synth
from essgraph.render.kumu import kumu_export, node_measures

DAY = "2027-03-01"


def _actors(G: nx.MultiDiGraph, labels: tuple[str, ...]) -> dict[str, tuple[tuple[str, ...], dict[str, Any]]]:
    return {n.id: (n.labels, {k: v for k, v in n.properties.items() if k not in ("note", "note_es")})
            for n in iter_nodes(G) if set(n.labels) & set(labels)}


def _ties(G: nx.MultiDiGraph, among: set[str]) -> Counter[tuple[Any, ...]]:
    """The ties between ``among`` (geography is a field of the elements, not a connection) and their evidence."""
    return Counter((r.type, r.start, r.end, *(r.properties.get(k) for k in ("section", "quote", "year")))
                   for r in iter_relationships(G) if r.start in among and r.end in among and r.type != "LOCATED_IN")


def _evidence(G: nx.MultiDiGraph, among: set[str]) -> Counter[str]:
    return Counter(r.properties.get("evidence") for r in iter_relationships(G)
                   if r.start in among and r.end in among and r.type != "LOCATED_IN")


def _round_trip(G: nx.MultiDiGraph, tmp_path: Path, **options: Any) -> tuple[Path, nx.MultiDiGraph]:
    workbook = kumu_export(G, tmp_path / "mapa.xlsx", **options)
    result = import_data("kumu", workbook, tmp_path / "datos", date=DAY)
    assert result.report.errors == 0
    return workbook, load_graph(data_dir=result.data_dir)


def test_the_bundled_map_comes_back_whole(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    workbook, B = _round_trip(real_graph, tmp_path)
    A = public_graph(real_graph)
    labels = ("Organization", "Municipality")
    before, after = _actors(A, labels), _actors(B, labels)
    assert after == before
    assert Counter(lab[0] for lab, _ in before.values()) == {"Organization": 169, "Municipality": 5}
    ids = set(before)
    assert _ties(B, ids) == _ties(A, ids) and sum(_ties(A, ids).values()) == 153
    assert _evidence(A, ids) == {"stated": 132, "inferred": 21}
    assert _evidence(B, ids) == {"imported": 132, "inferred": 21}
    notes = {n.id: n.properties["note"] for n in iter_nodes(B) if n.id in ids}
    assert all("importado de mapa.xlsx (Elements, fila " in note and note.endswith(f"el {DAY}")
               for note in notes.values())
    spanish = {n.id: (n.properties["note_es"], B.nodes[n.id].get("note_es", "")) for n in iter_nodes(A)
               if n.id in ids and n.properties.get("note_es")}
    assert len(spanish) > 100  # a Spanish note comes back with the import's provenance too: the Spanish views show it
    assert all(after.startswith(f"{before}; importado de mapa.xlsx (Elements, fila ") for before, after in spanish.values())
    assert analyze(B).summary == analyze(real_graph).summary  # imported ties count like stated ones
    assert workbook.name == "mapa.xlsx"


def test_with_personal_data_people_come_back_and_the_file_says_confidential(real_graph: nx.MultiDiGraph,
                                                                            tmp_path: Path) -> None:
    workbook, B = _round_trip(real_graph, tmp_path, include_personal_data=True)
    assert workbook.name == "mapa-CONFIDENCIAL.xlsx"
    assert openpyxl.load_workbook(workbook).sheetnames[0] == "CONFIDENCIAL (ignore)"
    labels = ("Organization", "Municipality", "Person")
    before, after = _actors(real_graph, labels), _actors(B, labels)
    assert after == before and sum(lab[0] == "Person" for lab, _ in after.values()) > 0
    ids = set(before)
    represents = [k for k in _ties(real_graph, ids).elements() if k[0] == "REPRESENTS"]
    assert represents and Counter(represents) == Counter(k for k in _ties(B, ids).elements() if k[0] == "REPRESENTS")


def test_the_elements_carry_the_analysis_measures(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    result = analyze(real_graph)
    workbook = kumu_export(real_graph, tmp_path / "mapa.xlsx", lang="en", result=result)
    rows = list(openpyxl.load_workbook(workbook)["Elements"].values)
    by_id = {row[1]: dict(zip(rows[0], row)) for row in rows[1:]}
    measures = node_measures(result, "en")
    assert len(measures) == 166 and set(measures) <= set(by_id)
    for node_id, measure in measures.items():
        row = by_id[node_id]
        assert (row["Degree (ties)"], row["Betweenness"], row["Role in the network"]) == (
            measure["degree"], measure["betweenness"], measure["network_role"])
        assert row["Cut point"] == ("yes" if measure["articulation_point"] else "no")
        assert (row["Community"], row["Connected group"]) == (measure["community"], measure["component"])
    hub = max(measures, key=lambda n: measures[n]["degree"])
    assert by_id[hub]["Macro-region"] and isinstance(by_id[hub]["Betweenness"], float)


@pytest.mark.parametrize("orgs", [1000])
def test_a_synthetic_map_of_a_thousand_organizations_comes_back_whole(tmp_path: Path, orgs: int) -> None:
    synth(tmp_path / "synth", orgs=orgs, seed=3)
    A = load_graph(data_dir=tmp_path / "synth")
    _, B = _round_trip(A, tmp_path)
    labels = ("Organization", "Municipality")
    shared = public_graph(A)  # what the workbook holds: quotes without what looks like a phone
    before = _actors(shared, labels)
    assert _actors(B, labels) == before
    ids = set(before)
    ties = _ties(shared, ids)
    assert _ties(B, ids) == ties and _evidence(B, ids).keys() <= {"imported", "inferred"}
    assert sum(lab[0] == "Organization" for lab, _ in before.values()) == orgs + orgs // 40
    rows = sum(len((tmp_path / "synth" / name).read_text(encoding="utf-8").splitlines()) - 1
               for name in ("relationships.csv", "contacts.csv"))  # every tie but people's (personal data)
    assert sum(ties.values()) == rows > 3 * orgs
