"""``essgraph analyze`` through click's CliRunner: files written, JSON equal to the library's, Error lines."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from essgraph import analysis, loaders
from essgraph.cli import main
from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.render.markdown import to_markdown

VALID_DIR = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "valid"


def run(*args: str) -> object:
    return CliRunner().invoke(main, ["analyze", *args])


@pytest.fixture
def small_graph(monkeypatch: pytest.MonkeyPatch):
    """Make the command analyze a small known graph instead of the bundled data."""
    ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
    G = build_graph(
        [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network", "scope": "national"}),
         Node("a", ("Organization",), {"name": "Asociación A", "region": "cusco"}),
         Node("b", ("Organization",), {"name": "B", "region": "cusco"}),
         Node("c", ("Organization",), {"name": "C"})],
        [Relationship("MEMBER_OF", "a", "gresp", ev), Relationship("MEMBER_OF", "b", "gresp", {**ev, "year": 2015}),
         Relationship("SHARES_CONTACT", "c", "a", {**ev, "evidence": "inferred"})])
    calls = []

    def fake_load_graph(*, data_dir=None, snapshot=None):
        calls.append((data_dir, snapshot))
        return G

    monkeypatch.setattr(loaders, "load_graph", fake_load_graph)
    return G, calls


def test_json_file_equals_the_library_result(small_graph, tmp_path: Path) -> None:
    G, calls = small_graph
    out = tmp_path / "out" / "analysis.json"
    result = run("--json", str(out), "--include-inferred", "--year", "2016", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"Analysis (JSON) saved to {out}\n"
    expected = analysis.analyze(G, include_inferred=True, year=2016).to_json()
    assert json.loads(out.read_text(encoding="utf-8")) == expected
    assert calls == [(None, None)]


def test_markdown_to_stdout_by_default_in_spanish(small_graph) -> None:
    G, _ = small_graph
    result = run()
    assert result.exit_code == 0
    assert result.stdout == to_markdown(analysis.analyze(G))
    assert result.stdout.startswith("# Análisis de la red de Economía Social y Solidaria")


def test_both_outputs_and_options_reach_the_library(small_graph, tmp_path: Path) -> None:
    G, calls = small_graph
    md, js = tmp_path / "r.md", tmp_path / "r.json"
    result = run("--md", str(md), "--json", str(js), "--lang", "en", "--include-people", "--seed", "7",
                 "--since", "2000", "--year", "2018", "--data", str(tmp_path), "--top", "2")
    assert result.exit_code == 0, result.output
    data = json.loads(js.read_text(encoding="utf-8"))
    assert data == analysis.analyze(G, include_people=True, seed=7, since=2000, year=2018, top=2).to_json()
    assert md.read_text(encoding="utf-8") == to_markdown(analysis.AnalysisResult.from_json(data), "en")
    assert data["timeline"]["changes"]["since"] == 2000 and calls[-1][0] == tmp_path


def test_json_to_stdout(small_graph) -> None:
    result = run("--json", "-")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["projection"]["relationship_types"][0] == "ALLIED_WITH"


def test_empty_graph_is_an_error_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loaders, "load_graph", lambda **kw: build_graph([], []))
    result = run("--lang", "en")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no organization in the tie graph: check the data folder")
    assert "Traceback" not in result.output


def test_missing_snapshot_is_an_error_line(tmp_path: Path) -> None:
    missing = tmp_path / "nope.json"
    result = run("--snapshot", str(missing))
    assert result.exit_code == 1
    assert result.stderr == f"Error: no snapshot at {missing}: build the graph first (essgraph build) [--snapshot]\n"


def test_real_loader_on_a_data_folder(tmp_path: Path) -> None:
    data = Path(shutil.copytree(VALID_DIR, tmp_path / "data"))
    result = run("--data", str(data), "--json", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == analysis.analyze(loaders.load_graph(data_dir=data)).to_json()


def test_bundled_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a folder without .essgraph/graph.json: the command reads the bundled data
    result = CliRunner().invoke(main, ["analyze", "--md", str(tmp_path / "resumen.md")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "resumen.md").read_text(encoding="utf-8")
    assert "Grupo Red de Economía Solidaria del Perú" in text


def test_the_embedded_engine_never_connects(small_graph, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example.org:7687")  # refused if it were used
    result = run("--json", "-", "--engine", "embedded")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["meta"]["engine"] == "embedded"


@pytest.mark.parametrize("flag", ["--write-neo4j", "--backend=neo4j", "--engine=gds"])
def test_neo4j_flags_connect_first_and_fail_cleanly_without_a_server(small_graph, monkeypatch, flag) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "not-shown-anywhere")
    result = run(flag, "--uri", "bolt://127.0.0.1:1", "--lang", "en", "-q")
    assert result.exit_code == 1
    assert result.output == "Error: no Neo4j at bolt://127.0.0.1:1: start it (scripts/neo4j-test-server, " \
                            "Neo4j Desktop or Docker) or set NEO4J_URI\n"
    assert small_graph[1] == []  # nothing was loaded or analysed before the connection was checked
