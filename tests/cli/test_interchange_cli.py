"""``export --format kumu``, ``import`` and ``template`` through click's CliRunner: exit codes and exact Error lines."""
from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.loaders import load_graph

VALID_DIR = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "valid"


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def workbook(tmp_path: Path) -> Path:
    data = shutil.copytree(VALID_DIR, tmp_path / "data")
    result = run("export", "--format", "kumu", "--data", str(data), "-o", str(tmp_path / "mapa.xlsx"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"Exported to {tmp_path / 'mapa.xlsx'}\n"
    return tmp_path / "mapa.xlsx"


def test_export_import_build(workbook: Path, tmp_path: Path) -> None:
    result = run("import", "kumu", str(workbook), "-o", str(tmp_path / "datos"), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == f"Next: essgraph build --data {tmp_path / 'datos'}"
    assert result.stdout.splitlines()[-2].startswith(f"Imported from mapa.xlsx (kumu) into {tmp_path / 'datos'}: "
                                                     "organizations.csv: ")
    built = run("build", "--data", str(tmp_path / "datos"), "--snapshot", str(tmp_path / "g.json"))
    assert built.exit_code == 0, built.output
    assert load_graph(data_dir=tmp_path / "datos").number_of_nodes() > 0


def test_a_folder_with_data_needs_force(workbook: Path, tmp_path: Path) -> None:
    (tmp_path / "datos").mkdir()
    (tmp_path / "datos" / "organizations.csv").write_text("id\n", encoding="utf-8")
    result = run("import", "kumu", str(workbook), "-o", str(tmp_path / "datos"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'datos'} is not empty: choose a new or empty folder, or force it to "
                             "replace its data files (nothing was written) [--output, --force]\n")
    assert run("import", "kumu", str(workbook), "-o", str(tmp_path / "datos"), "--force").exit_code == 0


def test_a_workbook_with_errors_prints_the_report_and_writes_nothing(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.title = "Elements"
    book["Elements"].append(["Label", "Type"])
    book["Elements"].append(["Red Sur", "Rojo"])
    book.create_sheet("Connections").append(["From", "To", "Type"])
    book["Connections"].append(["Red Sur", "Red Norte", "Aliado con"])
    book.save(tmp_path / "mapa.xlsx")
    result = run("import", "kumu", str(tmp_path / "mapa.xlsx"), "-o", str(tmp_path / "datos"), "--lang", "en")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == "Error: mapa.xlsx: 2 error(s), 0 warning(s): fix the source and import again (nothing was written)"
    assert "ERROR   mapa.xlsx [Connections]:2  To  [unknown-reference]" in lines
    assert "ERROR   mapa.xlsx [Elements]:2  Type  [bad-enum]" in lines
    assert "Traceback" not in result.output and not (tmp_path / "datos").exists()
    spanish = run("import", "kumu", str(tmp_path / "mapa.xlsx"), "-o", str(tmp_path / "datos"))
    assert "        'Rojo' no es un valor permitido de Type" in spanish.stderr.splitlines()


def test_a_missing_source_is_one_error_line(tmp_path: Path) -> None:
    result = run("import", "kumu", str(tmp_path / "nada.xlsx"), "-o", str(tmp_path / "datos"))
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {tmp_path / 'nada.xlsx'} does not exist: give a Kumu workbook (.xlsx) with "
                             "Elements and Connections sheets\n")


def test_an_unknown_format_is_refused_by_the_command_line(tmp_path: Path) -> None:
    result = run("import", "gexf", "x", "-o", str(tmp_path / "datos"))
    assert result.exit_code == 2 and "'gexf' is not one of 'essglobal', 'kumu', 'murmurations', 'template'" in result.output


def test_template_then_import_template(tmp_path: Path) -> None:
    result = run("template", "-o", str(tmp_path / "plantilla.xlsx"))
    assert result.exit_code == 0
    assert result.stdout == (f"Plantilla escrita en {tmp_path / 'plantilla.xlsx'}; al completarla: essgraph import "
                             f"template {tmp_path / 'plantilla.xlsx'} -o datos/\n")
    empty = run("import", "template", str(tmp_path / "plantilla.xlsx"), "-o", str(tmp_path / "datos"))
    assert empty.exit_code == 1
    assert empty.stderr.splitlines()[-1] == ("Error: plantilla.xlsx: 1 error(s), 0 warning(s): fix the source and "
                                             "import again (nothing was written)")
    book = openpyxl.load_workbook(tmp_path / "plantilla.xlsx")
    book["organizations"].append(["red-sur", "Red Sur", "", "", "network"] + [""] * 8 + ["active"] + [""] * 7
                                 + ["Encuesta", "Red Sur"])
    book.save(tmp_path / "plantilla.xlsx")
    done = run("import", "template", str(tmp_path / "plantilla.xlsx"), "-o", str(tmp_path / "datos"), "--lang", "en")
    assert done.exit_code == 0, done.output
    assert "organizations.csv: 1" in done.stdout
    assert load_graph(data_dir=tmp_path / "datos").nodes["red-sur"]["kind"] == "network"
