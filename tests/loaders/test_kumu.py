"""The Kumu workbook: what is written (typed, never a formula, Kumu's fields), what is read back, what is refused."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import openpyxl
import pytest

from essgraph.errors import ValidationFailed
from essgraph.graphmodel import Node, Relationship, build_graph, public_graph
from essgraph.loaders.interchange import import_data
from essgraph.loaders.kumu import kumu_workbook, read_kumu

EV = {"section": "3.1", "quote": "q", "evidence": "stated"}


def _graph() -> Any:
    return build_graph(
        [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "acronym": "GRESP", "kind": "network", "status": "active",
                                                     "themes": ["T15", "T3"], "region": "lima", **EV}),
         Node("2018", ("Organization",), {"name": '=HYPERLINK("http://x")', "kind": "cooperative", "status": "active",
                                          "founded_year": 2016, "phone": "+51 984 316 053", **EV}),
         Node("muni-majes", ("Municipality",), {"name": "Municipio de Majes", "level": "district", **EV}),
         Node("person-ana", ("Person",), {"name": "Ana Díaz", **EV}),
         Node("lima", ("Region",), {"name": "Lima", "macro_region": "lima-centro", **EV}),
         Node("lima-centro", ("MacroRegion",), {"name": "Lima Centro", **EV})],
        [Relationship("MEMBER_OF", "2018", "gresp", {**EV, "year": 2017}),
         Relationship("WORKS_WITH", "gresp", "muni-majes", EV),
         Relationship("REPRESENTS", "person-ana", "2018", EV),
         Relationship("SHARES_CONTACT", "2018", "gresp", {**EV, "evidence": "inferred"}),
         Relationship("LOCATED_IN", "gresp", "lima", EV)])


def _write(tmp_path: Path, graph: Any = None, **kw: Any) -> Path:
    path = tmp_path / "mapa.xlsx"
    path.write_bytes(kumu_workbook(_graph() if graph is None else graph, **kw))
    return path


def _rows(path: Path, sheet: str) -> list[tuple[Any, ...]]:
    return list(openpyxl.load_workbook(path)[sheet].values)


def test_elements_and_connections_carry_kumus_fields_then_spanish_ones(tmp_path: Path) -> None:
    path = _write(tmp_path)
    elements, connections = _rows(path, "Elements"), _rows(path, "Connections")
    assert elements[0][:5] == ("Label", "ID", "Type", "Description", "Tags")
    assert {"Sigla", "Estado", "Región", "Macro región", "Año de fundación", "Sección", "Cita", "Nivel"} <= set(elements[0])
    assert connections[0][:4] == ("From", "To", "Type", "Description")
    assert {"Evidencia", "Sección", "Año", "Direction", "ID"} <= set(connections[0])
    gresp = dict(zip(elements[0], next(r for r in elements if r[1] == "gresp")))
    assert (gresp["Type"], gresp["Tags"], gresp["Estado"], gresp["Región"], gresp["Macro región"]) == (
        "Red", "Redes y organización del movimiento de ESS|Finanzas solidarias", "Activa", "Lima", "Lima Centro")
    english = _rows(_write(tmp_path, lang="en"), "Elements")[0]
    assert {"Label", "Status", "Region", "Year founded"} <= set(english) and "Estado" not in english


def test_numbers_are_numbers_ids_are_text_and_no_cell_runs(tmp_path: Path) -> None:
    path = _write(tmp_path, people=True)
    book = openpyxl.load_workbook(path)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    elements = book["Elements"]
    header = [c.value for c in elements[1]]
    coop = next(row for row in elements.iter_rows(min_row=2) if row[1].value == "2018")
    by = dict(zip(header, coop))
    assert (by["ID"].value, by["ID"].data_type) == ("2018", "s")
    assert (by["Año de fundación"].value, by["Año de fundación"].data_type) == (2016, "n")
    assert by["Label"].value == '=HYPERLINK("http://x")' and by["Label"].quotePrefix
    assert by["Teléfono"].value == "+51 984 316 053" and by["Teléfono"].quotePrefix
    year = dict(zip([c.value for c in book["Connections"][1]], book["Connections"][2]))["Año"]
    assert (year.value, year.data_type) == (2017, "n")


def test_people_and_their_ties_only_with_personal_data(tmp_path: Path) -> None:
    public = _write(tmp_path, public_graph(_graph()))
    assert [r[1] for r in _rows(public, "Elements")[1:]] == ["2018", "gresp", "muni-majes"]
    assert "Teléfono" not in _rows(public, "Elements")[0]  # an empty column is left out
    assert {r[2] for r in _rows(public, "Connections")[1:]} == {"Miembro de", "Trabaja con", "Comparte contacto"}
    personal = _write(tmp_path, people=True, confidential="CONFIDENCIAL")
    book = openpyxl.load_workbook(personal)
    assert book.sheetnames == ["CONFIDENCIAL (ignore)", "Elements", "Connections"]
    assert "person-ana" in [r[1] for r in book["Elements"].values]
    assert "Representa a" in [r[2] for r in book["Connections"].values]


def test_measures_are_typed_fields_of_the_elements(tmp_path: Path) -> None:
    path = _write(tmp_path, measures={"gresp": {"degree": 2, "betweenness": 0.25, "network_role": "nodo central",
                                                "articulation_point": True, "community": 1, "component": 1}})
    rows = _rows(path, "Elements")
    gresp = dict(zip(rows[0], next(r for r in rows if r[1] == "gresp")))
    assert [gresp[h] for h in ("Grado (vínculos)", "Intermediación", "Rol en la red", "Punto de corte", "Comunidad",
                               "Grupo conectado")] == [2, 0.25, "nodo central", "sí", 1, 1]


def test_the_workbook_reads_back_as_the_same_rows(tmp_path: Path) -> None:
    imported = read_kumu(_write(tmp_path, people=True), date="2027-03-01")
    assert imported.problems == []
    orgs = {r["id"]: r for r in imported.rows["organizations.csv"]}
    assert (orgs["gresp"]["kind"], orgs["gresp"]["themes"], orgs["gresp"]["region"]) == ("network", "T15|T3", "Lima")
    assert (orgs["2018"]["name"], orgs["2018"]["founded_year"], orgs["2018"]["phone"]) == (
        '=HYPERLINK("http://x")', "2016", "+51 984 316 053")
    assert [(r["id"], r["level"]) for r in imported.rows["municipalities.csv"]] == [("muni-majes", "district")]
    assert [r["id"] for r in imported.rows["people.csv"]] == ["person-ana"]
    ties = {(r["type"], r["start"], r["end"]): r for r in imported.rows["relationships.csv"]}
    assert set(ties) == {("MEMBER_OF", "2018", "gresp"), ("WORKS_WITH", "gresp", "muni-majes"),
                         ("REPRESENTS", "person-ana", "2018"), ("SHARES_CONTACT", "2018", "gresp")}
    member = ties["MEMBER_OF", "2018", "gresp"]
    assert (member["evidence"], member["section"], member["quote"], member["year"]) == ("imported", "3.1", "q", "2017")
    assert "evidencia en el mapa de origen: stated" in member["note"]
    assert "importado de mapa.xlsx (Connections, fila " in member["note"] and member["note"].endswith("el 2027-03-01")
    assert ties["SHARES_CONTACT", "2018", "gresp"]["evidence"] == "inferred"


def _kumu(path: Path, elements: list[list[Any]], connections: list[list[Any]] | None,
          change: Callable[[openpyxl.Workbook], None] | None = None) -> Path:
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Elements"
    for row in elements:
        ws.append(row)
    if connections is not None:
        other = book.create_sheet("Connections")
        for row in connections:
            other.append(row)
    if change is not None:
        change(book)
    book.save(path)
    return path


ELEMENTS = [["Label", "ID", "Type", "Tags", "Status", "Color", "Degree (ties)"],
            ["Red Sur", "Wave 1", "Network", "Women|Mapping", "Active", "red", 4],
            ["Coop A", "coop-a", "cooperative", "", "", "", ""],
            ["Coop A", "", "Cooperativa", "", "", "", ""],
            ["Casa", "", "", "", "", "", ""]]
CONNECTIONS = [["From", "To", "Type", "Evidence"],
               ["coop-a", "Red Sur|Casa", "member of", "Stated in the report"],
               ["Red Sur", "coop-a", "COORDINATES_WITH", "inferred"]]


def test_a_foreign_map_is_read_by_labels_or_codes_ids_or_labels(tmp_path: Path) -> None:
    imported = read_kumu(_kumu(tmp_path / "ajeno.xlsx", ELEMENTS, CONNECTIONS), date="2027-03-01")
    assert [(p.type, p.severity, p.file, p.column) for p in imported.problems] == [
        ("unknown-column", "warning", "ajeno.xlsx [Elements]", "Color")]  # a measure column is not read, silently
    orgs = imported.rows["organizations.csv"]
    assert [(r["id"], r["kind"], r["status"], r["themes"]) for r in orgs] == [
        ("wave-1", "network", "active", "T14"), ("coop-a", "cooperative", "unknown", ""),
        ("coop-a-2", "cooperative", "unknown", ""), ("casa", "initiative", "unknown", "")]
    assert "id en el mapa de origen: Wave 1" in orgs[0]["note"] and "etiquetas: Mapping" in orgs[0]["note"]
    assert "tipo no indicado" in orgs[3]["note"]
    assert [(r["section"], r["quote"]) for r in orgs][:1] == [("ajeno.xlsx", "Red Sur")]
    ties = [(r["type"], r["start"], r["end"], r["evidence"]) for r in imported.rows["relationships.csv"]]
    assert ties == [("MEMBER_OF", "coop-a", "wave-1", "imported"), ("MEMBER_OF", "coop-a", "casa", "imported"),
                    ("COORDINATES_WITH", "wave-1", "coop-a", "inferred")]
    assert [o.row for o in imported.origins["relationships.csv"]] == [2, 2, 3]
    assert imported.header("ajeno.xlsx [Connections]", "evidence") == "Evidence"


def _formula(book: openpyxl.Workbook) -> None:
    book["Elements"]["C3"] = "=B2"


def _merged(book: openpyxl.Workbook) -> None:
    book["Elements"].merge_cells("C2:C3")


def _hidden_first(book: openpyxl.Workbook) -> None:
    book.create_sheet("Notas", 0).sheet_state = "hidden"


def _hidden_connections(book: openpyxl.Workbook) -> None:
    book["Connections"].sheet_state = "hidden"


def _error_value(book: openpyxl.Workbook) -> None:
    book["Elements"]["D2"] = "#REF!"


# (case, elements, connections, change, expected problems (type, file, row, column, value))
HOSTILE = [
    ("formula", ELEMENTS, CONNECTIONS, _formula, [("import-formula", "m.xlsx [Elements]", 3, "Type", "=B2")]),
    ("merged-cells", ELEMENTS, CONNECTIONS, _merged, [("merged-cells", "m.xlsx [Elements]", 2, "", "C2:C3")]),
    ("hidden-first-sheet", ELEMENTS, CONNECTIONS, _hidden_first, [("hidden-import-sheet", "m.xlsx", None, "", "Notas")]),
    ("hidden-sheet-read", ELEMENTS, CONNECTIONS, _hidden_connections,
     [("hidden-import-sheet", "m.xlsx", None, "", "Connections")]),
    ("error-value", ELEMENTS, CONNECTIONS, _error_value, [("error-cell", "m.xlsx [Elements]", 2, "Tags", "#REF!")]),
    ("import-missing-sheet", ELEMENTS, None, None, [("import-missing-sheet", "m.xlsx", None, "", "Connections")]),
    ("missing-label", [["Título", "Type"], ["Red Sur", "Red"]], CONNECTIONS, None,
     [("unknown-column", "m.xlsx [Elements]", 1, "Título", "Título"),
      ("missing-column", "m.xlsx [Elements]", 1, "Label", "")]),
    ("missing-to-and-type", ELEMENTS, [["From", "Target"], ["coop-a", "casa"]], None,
     [("unknown-column", "m.xlsx [Elements]", 1, "Color", "Color"),
      ("unknown-column", "m.xlsx [Connections]", 1, "Target", "Target"),
      ("missing-column", "m.xlsx [Connections]", 1, "To", ""),
      ("missing-column", "m.xlsx [Connections]", 1, "Type", "")]),
    ("no-element", [["Label"]], [["From", "To", "Type"]], None, [("import-empty", "m.xlsx [Elements]", None, "", "")]),
    ("empty-connections", ELEMENTS, [], None,
     [("unknown-column", "m.xlsx [Elements]", 1, "Color", "Color"),
      ("missing-column", "m.xlsx [Connections]", 1, "From", ""), ("missing-column", "m.xlsx [Connections]", 1, "To", ""),
      ("missing-column", "m.xlsx [Connections]", 1, "Type", "")]),
]


@pytest.mark.parametrize("elements, connections, change, expected", [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_hostile_workbooks_are_refused_located_and_nothing_is_written(tmp_path: Path, elements, connections, change,
                                                                      expected) -> None:
    path = _kumu(tmp_path / "m.xlsx", elements, connections, change)
    imported = read_kumu(path)
    assert [(p.type, p.file, p.row, p.column, p.value) for p in imported.problems] == expected
    assert not any(imported.rows.values())
    with pytest.raises(ValidationFailed) as failed:
        import_data("kumu", path, tmp_path / "datos")
    assert sorted(p.type for p in failed.value.report.problems) == sorted(e[0] for e in expected)
    assert not (tmp_path / "datos").exists()
    assert all(p.message("en") and p.fix("en") for p in failed.value.report.problems)


@pytest.mark.parametrize("content, expected", [(b"not a workbook", "bad-xlsx"), (b"", "empty-file")])
def test_a_file_that_is_no_workbook_is_one_problem(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "m.xlsx"
    path.write_bytes(content)
    assert [(p.type, p.file) for p in read_kumu(path).problems] == [(expected, "m.xlsx")]
