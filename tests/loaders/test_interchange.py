"""``essgraph import``: every problem located in the source, nothing written on errors, the folder rules, the template."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from essgraph.errors import DataError, ValidationFailed
from essgraph.loaders import load_graph
from essgraph.loaders.data_entry import TEMPLATE_SHEETS, read_template, template, template_columns
from essgraph.loaders.imported import Imported
from essgraph.loaders.interchange import IMPORT_FORMATS, IMPORT_MARKER, import_data

DAY = "2027-03-01"


def _map(path: Path, elements: list[list[Any]], connections: list[list[Any]]) -> Path:
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    for row in elements:
        book["Elements"].append(row)
    book.create_sheet("Connections")
    for row in connections:
        book["Connections"].append(row)
    book.save(path)
    return path


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return _map(tmp_path / "mapa.xlsx",
                [["Label", "ID", "Type", "Región"], ["Red Sur", "red-sur", "Red", "Arequipa"],
                 ["Coop Norte", "coop-norte", "Cooperativa", "piura"]],
                [["From", "To", "Type", "Año"], ["coop-norte", "red-sur", "Miembro de", 2017]])


def test_every_problem_at_once_located_in_the_source_with_what_was_meant(tmp_path: Path) -> None:
    source = _map(tmp_path / "mapa.xlsx",
                  [["Label", "ID", "Tipo de organización", "Región"], ["Red Sur", "red-sur", "Red", "Arequipa"],
                   ["Coop Norte", "coop-norte", "Cooperativas", "Cuzco"], ["Red Sur", "red-sur", "Red", ""]],
                  [["From", "To", "Type", "Año"], ["Red Norte", "red-sur", "Miembro de", 1850],
                   ["coop-norte", "red-sur", "Socio de", ""]])
    with pytest.raises(ValidationFailed) as failed:
        import_data("kumu", source, tmp_path / "datos", date=DAY)
    report = failed.value.report
    assert [(p.type, p.file, p.row, p.column, p.value) for p in report.problems] == [
        ("bad-year", "mapa.xlsx [Connections]", 2, "Año", "1850"),
        ("unknown-reference", "mapa.xlsx [Connections]", 2, "From", "Red Norte"),
        ("unknown-relationship-type", "mapa.xlsx [Connections]", 3, "Type", "Socio de"),
        ("unknown-reference", "mapa.xlsx [Elements]", 3, "Región", "Cuzco"),
        ("bad-enum", "mapa.xlsx [Elements]", 3, "Tipo de organización", "Cooperativas"),
        ("duplicate-id", "mapa.xlsx [Elements]", 4, "ID", "red-sur"),
    ]
    text = report.render("en")
    assert "'Cooperativas' is not an allowed value of Tipo de organización — did you mean cooperative," in text
    assert "'Cuzco' in Región is not a known Region id — did you mean cusco (Cusco)?" in text
    assert "'Red Norte' in From is not a known Municipality/Organization id — did you mean coop-norte (Coop Norte)" in text
    assert str(failed.value) == "mapa.xlsx: 6 error(s), 0 warning(s): fix the source and import again (nothing was written)"
    assert not (tmp_path / "datos").exists()


def test_the_folder_holds_the_rows_peru_the_provenance_and_builds(good: Path, tmp_path: Path) -> None:
    result = import_data("kumu", good, tmp_path / "datos", date=DAY)
    assert result.counts == {"organizations.csv": 2, "regions.csv": 25, "macro_regions.csv": 5, "relationships.csv": 1}
    folder = result.data_dir
    dataset = tomllib.loads((folder / "dataset.toml").read_text(encoding="utf-8"))
    assert dataset["dataset"]["source"] == "mapa.xlsx" and dataset["dataset"]["source_format"] == "kumu"
    assert dataset["dataset"]["imported"] == DAY and dataset["dataset"]["title"] == "Mapa Kumu mapa.xlsx"
    assert dataset["files"]["organizations"] == ["organizations.csv"]
    assert (folder / IMPORT_MARKER).is_file()
    G = load_graph(data_dir=folder)
    assert G.nodes["red-sur"]["region"] == "arequipa" and G.nodes["red-sur"]["macro_region"] == "sur"
    tie = next(d for _, _, d in G.edges("coop-norte", data=True) if d["type"] == "MEMBER_OF")
    assert (tie["evidence"], tie["year"], tie["section"], tie["quote"]) == ("imported", 2017, "mapa.xlsx",
                                                                             "coop-norte → red-sur")
    assert tie["note"].startswith("importado de mapa.xlsx (Connections, fila 2; archivo del ")
    assert tie["note"].endswith(f") el {DAY}")


def test_a_non_empty_folder_needs_force_and_force_replaces_a_data_folder_only(good: Path, tmp_path: Path) -> None:
    folder = tmp_path / "datos"
    folder.mkdir()
    (folder / "organizations.csv").write_text("id,name\n", encoding="utf-8")
    with pytest.raises(DataError, match="is not empty: choose a new or empty folder, or force it") as refused:
        import_data("kumu", good, folder)
    assert refused.value.options == ("out_dir", "force")
    assert (folder / "organizations.csv").read_text(encoding="utf-8") == "id,name\n"
    import_data("kumu", good, folder, force=True)
    assert sorted(p.name for p in folder.iterdir()) == [IMPORT_MARKER, "dataset.toml", "macro_regions.csv",
                                                        "organizations.csv", "regions.csv", "relationships.csv"]
    (folder / "notas").mkdir()
    with pytest.raises(DataError, match="holds more than data files"):
        import_data("kumu", good, folder, force=True)
    assert (folder / "notas").is_dir()


def test_errors_leave_the_existing_folder_as_it_was(good: Path, tmp_path: Path) -> None:
    folder = import_data("kumu", good, tmp_path / "datos").data_dir
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    bad = _map(tmp_path / "malo.xlsx", [["Label", "Type"], ["Red", "Rojo"]], [["From", "To"]])
    with pytest.raises(ValidationFailed):
        import_data("kumu", bad, folder, force=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["datos", "malo.xlsx", "mapa.xlsx"]  # no temporary left


@pytest.mark.parametrize("case, message", [
    ("inside", "is inside"), ("file", "is a file"), ("missing", "does not exist"), ("format", "unknown import format")])
def test_what_cannot_be_imported_is_said_before_anything_is_read(good: Path, tmp_path: Path, case: str,
                                                                  message: str) -> None:
    folder = tmp_path / "datos"
    source, fmt = good, "kumu"
    if case == "inside":
        folder = tmp_path
    elif case == "file":
        folder = good
    elif case == "missing":
        source = tmp_path / "nada.xlsx"
    else:
        fmt = "gexf"
    with pytest.raises(DataError, match=message):
        import_data(fmt, source, folder, force=True)
    assert good.is_file()


@pytest.mark.parametrize("fmt", sorted(IMPORT_FORMATS))
def test_every_format_reads_a_broken_source_into_located_problems_not_an_exception(tmp_path: Path, fmt: str) -> None:
    broken = tmp_path / "roto.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    imported = IMPORT_FORMATS[fmt].read(broken, date=DAY)
    assert isinstance(imported, Imported) and not any(imported.rows.values())
    assert imported.problems and all(p.severity == "error" and p.message("es") for p in imported.problems)


def _fill(path: Path) -> None:
    book = openpyxl.load_workbook(path)

    def add(sheet: str, **values: Any) -> None:
        columns = [p.name for p in template_columns(sheet)]
        book[sheet].append([values.get(c, "") for c in columns])

    add("organizations", id="red-sur", name="Red Sur", kind="network", status="active", region="arequipa",
        themes="T15|T3", section="Encuesta 2027", quote="Somos una red")
    add("organizations", id="coop-norte", name="Coop Norte", kind="cooperative", status="active", founded_year=2009,
        section="Encuesta 2027", quote="Cooperativa fundada en 2009")
    add("municipalities", id="muni-majes", name="Municipio de Majes", level="district", region="arequipa",
        section="Encuesta 2027", quote="Municipio de Majes")
    add("people", id="person-ana", name="Ana Díaz", section="Encuesta 2027", quote="Ana Díaz")
    add("relationships", type="MEMBER_OF", start="coop-norte", end="red-sur", year=2017, section="Encuesta 2027",
        quote="somos miembros")
    add("relationships", type="WORKS_WITH", start="red-sur", end="muni-majes", evidence="stated", section="Informe",
        quote="trabaja con Majes")
    add("relationships", type="REPRESENTS", start="person-ana", end="coop-norte", section="Encuesta 2027",
        quote="Ana habla por la cooperativa")
    book.save(path)


def test_the_template_filled_in_imports_validates_and_builds(tmp_path: Path) -> None:
    path = template(tmp_path / "plantilla.xlsx")
    _fill(path)
    result = import_data("template", path, tmp_path / "datos", date=DAY)
    assert result.counts == {"organizations.csv": 2, "municipalities.csv": 1, "regions.csv": 25,
                             "macro_regions.csv": 5, "people.csv": 1, "relationships.csv": 3}
    assert result.report.problems == []
    G = load_graph(data_dir=result.data_dir)
    assert G.nodes["red-sur"]["themes"] == ["T15", "T3"] and G.nodes["coop-norte"]["founded_year"] == 2009
    evidence = {d["type"]: d["evidence"] for _, _, d in G.edges(data=True) if d["type"] != "LOCATED_IN"}
    assert evidence == {"MEMBER_OF": "imported", "WORKS_WITH": "stated", "REPRESENTS": "imported"}
    assert G.nodes["red-sur"]["note"].startswith("importado de plantilla.xlsx (organizations, fila 2; archivo del ")


def test_the_template_marks_required_columns_and_lists_every_vocabulary(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(template(tmp_path / "plantilla.xlsx"))
    assert book.sheetnames == ["Instrucciones", *TEMPLATE_SHEETS, "Vocabularios"]
    assert "essgraph import template plantilla.xlsx -o datos/" in " ".join(
        str(c.value) for c in book["Instrucciones"]["A"])
    for kind in TEMPLATE_SHEETS:
        ws = book[kind]
        columns = template_columns(kind)
        assert [c.value for c in ws[1]] == [p.name for p in columns]
        assert [c.font.b for c in ws[1]] == [p.required for p in columns]
        assert all(c.comment is not None and c.comment.text for c in ws[1])
        listed = {str(dv.sqref).split(":")[0][:-1] for dv in ws.data_validations.dataValidation}
        wanted = {ws.cell(1, i).column_letter for i, p in enumerate(columns, start=1)
                  if p.vocabulary or p.ref in ("Region", "MacroRegion") or (kind, p.name) == ("relationships", "type")}
        assert listed == wanted, kind
    kinds = next(dv for dv in book["organizations"].data_validations.dataValidation if str(dv.sqref).startswith("E2"))
    codes = [row[0].value for row in book["Vocabularios"][kinds.formula1.split("!")[1].replace("$", "")]]
    assert codes[:3] == ["initiative", "cooperative", "federation"] and "mesa" in codes
    english = openpyxl.load_workbook(template(tmp_path / "template.xlsx", lang="en"))
    assert english.sheetnames[0] == "Instructions" and english.sheetnames[-1] == "Vocabularies"
    assert english["organizations"]["E1"].comment.text.startswith("Kind of organization: required")


def test_a_template_is_checked_like_any_workbook(tmp_path: Path) -> None:
    path = template(tmp_path / "plantilla.xlsx")
    with pytest.raises(ValidationFailed) as empty:
        import_data("template", path, tmp_path / "datos")
    assert [(p.type, p.file) for p in empty.value.report.problems] == [("import-empty", "plantilla.xlsx")]
    _fill(path)
    book = openpyxl.load_workbook(path)
    book["organizations"]["E3"] = "coop"
    book["organizations"]["R3"] = "=2000+9"
    book["relationships"]["C4"] = "coop-nort"
    book.save(path)
    imported = read_template(path)
    assert [(p.type, p.file, p.row, p.column) for p in imported.problems] == [
        ("import-formula", "plantilla.xlsx [organizations]", 3, "founded_year")]
    book["organizations"]["R3"] = 2009
    book.save(path)
    with pytest.raises(ValidationFailed) as failed:
        import_data("template", path, tmp_path / "datos")
    assert [(p.type, p.file, p.row, p.column, p.value) for p in failed.value.report.problems] == [
        ("bad-enum", "plantilla.xlsx [organizations]", 3, "kind", "coop"),
        ("unknown-reference", "plantilla.xlsx [relationships]", 4, "end", "coop-nort")]


def test_murmurations_profiles_import_through_the_same_command(tmp_path: Path) -> None:
    from essgraph.loaders import bundled_data_dir, export

    folder = export(load_graph(data_dir=bundled_data_dir()), "murmurations", tmp_path / "perfiles",
                    base_url="https://example.org/perfiles/")
    imported = IMPORT_FORMATS["murmurations"].read(folder, date=DAY)
    assert all(o.place.endswith(".json") for o in imported.origins["organizations.csv"])  # problems name the profile
    result = import_data("murmurations", folder, tmp_path / "datos", date=DAY)
    assert result.counts == {"organizations.csv": 169, "municipalities.csv": 5, "regions.csv": 25,
                             "macro_regions.csv": 5, "relationships.csv": 131}
    assert result.metadata["source_format"] == "murmurations"
    G = load_graph(data_dir=result.data_dir)
    assert {d["evidence"] for _, _, d in G.edges(data=True) if d["type"] != "LOCATED_IN"} == {"imported"}


def test_an_essglobal_file_imports_through_the_same_command(tmp_path: Path) -> None:
    from essgraph.loaders import bundled_data_dir, export

    turtle = export(load_graph(data_dir=bundled_data_dir()), "essglobal", tmp_path / "mapa.ttl")
    result = import_data("essglobal", turtle, tmp_path / "datos", date=DAY)
    assert result.report.errors == 0 and result.metadata["source_format"] == "essglobal"
    assert result.counts["organizations.csv"] == 169 and result.counts["municipalities.csv"] == 5
    assert load_graph(data_dir=result.data_dir).number_of_nodes() > 169
    broken = tmp_path / "roto.ttl"
    broken.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(ValidationFailed) as failed:
        import_data("essglobal", broken, tmp_path / "otra")
    assert [p.file for p in failed.value.report.problems] == ["roto.ttl"] and not (tmp_path / "otra").exists()
