"""The data commands through click's CliRunner: exit codes, Error lines, JSON equal to the library's."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from essgraph import loaders
from essgraph.cli import main

VALID_DIR = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "valid"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VALID_DIR, tmp_path / "data"))


@pytest.fixture
def bad_data(data: Path) -> Path:
    (data / "regions.csv").write_text("id,name,section,quote\narequipa,Arequipa,3.1,\n", encoding="utf-8")
    return data


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_validate_valid_data_prints_one_line(data: Path) -> None:
    result = run("validate", "--data", str(data), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout == f"{data}: 0 error(s), 0 warning(s)\n"


def test_validate_invalid_data_prints_the_report_and_an_error_line(bad_data: Path) -> None:
    result = run("validate", "--data", str(bad_data), "--lang", "en")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[-1] == f"Error: {bad_data}: 2 error(s), 0 warning(s)"
    assert "ERROR   regions.csv:2  quote  [empty-quote]" in lines
    assert "Traceback" not in result.output


def test_validate_speaks_spanish_by_default(bad_data: Path) -> None:
    result = run("validate", "--data", str(bad_data))
    assert result.stderr.splitlines()[-1] == f"Error: {bad_data}: 2 error(es), 0 aviso(s)"
    assert "        la cita está vacía" in result.stderr.splitlines()


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("fixture", ["data", "bad_data"])
def test_validate_json_equals_the_library_result(request: pytest.FixtureRequest, fixture: str, lang: str) -> None:
    folder = request.getfixturevalue(fixture)
    result = run("validate", "--data", str(folder), "--json", "--lang", lang)
    expected = loaders.validate(folder).to_dict(lang)
    assert json.loads(result.stdout) == expected
    assert result.exit_code == int(not expected["valid"])


def test_validate_strict_fails_on_a_cp1252_file(data: Path) -> None:
    path = data / "regions.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1252"))
    assert run("validate", "--data", str(data)).exit_code == 0
    result = run("validate", "--data", str(data), "--strict", "--lang", "en")
    assert result.exit_code == 1
    assert "regions.csv is not UTF-8: it was read as Windows-1252 (Latin-1)" in result.stderr


def test_build_prints_counts_and_saves_the_snapshot(data: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "graph.json"
    result = run("build", "--data", str(data), "--snapshot", str(snapshot), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "  Organization      3" in result.stdout.splitlines()
    assert "  LOCATED_IN          7" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == f"Graph saved to {snapshot}"
    assert snapshot.is_file()


def test_build_with_bad_data_writes_nothing(bad_data: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "out" / "graph.json"
    result = run("build", "--data", str(bad_data), "--snapshot", str(snapshot), "--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: {bad_data}: 2 error(s), 0 warning(s): fix the errors listed above")
    assert not snapshot.parent.exists()


def test_stats_json_equals_the_library_result(data: Path) -> None:
    result = run("stats", "--data", str(data), "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == loaders.stats(loaders.load_graph(data_dir=data))


def test_stats_reads_the_snapshot(data: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "graph.json"
    assert run("build", "--data", str(data), "--snapshot", str(snapshot)).exit_code == 0
    result = run("stats", "--snapshot", str(snapshot), "--lang", "en")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "10 nodes, 12 relationships, 2 census records"


def test_a_missing_snapshot_is_an_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = run("stats", "--snapshot", str(missing))
    assert result.exit_code == 1
    assert result.stderr == f"Error: no snapshot at {missing}: build the graph first (essgraph build) [--snapshot]\n"


@pytest.mark.parametrize("fmt, name", [("json", "g.json"), ("graphml", "g.graphml"), ("gexf", "g.gexf"),
                                       ("csv", "g.zip"), ("essglobal", "g.ttl"), ("essglobal-jsonld", "g.jsonld")])
def test_export(data: Path, tmp_path: Path, fmt: str, name: str) -> None:
    out = tmp_path / name
    result = run("export", "--data", str(data), "--format", fmt, "-o", str(out), "--lang", "en")
    assert result.exit_code == 0 and result.stdout == f"Exported to {out}\n"
    assert b"Ana Prueba" not in out.read_bytes()
    assert run("export", "--data", str(data), "--format", fmt, "-o", str(out), "--include-personal-data").exit_code == 0
    if fmt != "csv":
        assert b"Ana Prueba" in out.read_bytes()


@pytest.mark.parametrize("fmt, syntax", [("essglobal", "turtle"), ("essglobal-jsonld", "json-ld")])
def test_export_essglobal_with_a_base_url(data: Path, tmp_path: Path, fmt: str, syntax: str) -> None:
    from rdflib import Graph, URIRef

    out = tmp_path / "mapa"
    result = run("export", "--data", str(data), "--format", fmt, "-o", str(out),
                 "--base-url", "https://datos.example.pe/ess/")
    assert result.exit_code == 0
    graph = Graph().parse(out, format=syntax)
    assert (URIRef("https://datos.example.pe/ess/red-sur"), None, None) in graph


@pytest.mark.parametrize("fmt, options, error", [
    ("essglobal", ["--base-url", "datos/ess"], "Error: the base URL 'datos/ess' is not an http(s) address: write it "
                                               "whole, e.g. https://example.org/perfiles/ [--base-url]"),
    ("json", ["--base-url", "https://datos.example.pe/ess/"], "Error: a base URL applies to the murmurations and "
                                                             "essglobal formats only [--base-url]"),
])
def test_export_refuses_a_base_url_it_cannot_use(data: Path, tmp_path: Path, fmt: str, options: list[str],
                                                 error: str) -> None:
    out = tmp_path / "mapa"
    result = run("export", "--data", str(data), "--format", fmt, "-o", str(out), *options)
    assert result.exit_code == 1 and result.stderr == error + "\n" and not out.exists()


def test_export_needs_a_format_and_an_output(data: Path) -> None:
    result = run("export", "--data", str(data), "-o", "x.json")
    assert result.exit_code == 2 and "Missing option '--format'" in result.stderr
