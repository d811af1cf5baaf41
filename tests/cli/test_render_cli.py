"""The render and report commands through click's CliRunner: files written, exit codes, Error lines."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.cli.render import COMMANDS
from essgraph.loaders import load_graph
from essgraph.render import ViewRequest, render


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(autouse=True)
def _no_snapshot(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no .essgraph/graph.json: the bundled data


def _data(html: str) -> str:
    return re.search(r'id="essgraph-data">(.*?)</script>', html, re.S)[1]


def test_render_writes_the_same_page_as_the_library(tmp_path: Path) -> None:
    result = run("render", "--view", "ego", "--focus", "gresp", "--steps", "2", "--size-by", "betweenness",
                 "--lang", "en", "-o", str(tmp_path / "gresp.html"))
    assert result.exit_code == 0, result.output
    assert result.stdout == f"View saved to {tmp_path / 'gresp.html'}\n"
    expected = render(load_graph(), tmp_path / "lib.html", ViewRequest(view="ego", focus="gresp", steps=2, size_by="betweenness", lang="en")).path
    assert _data((tmp_path / "gresp.html").read_text(encoding="utf-8")) == _data(expected.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("args", "error"), [
    (["--view", "ego"], "Error: the ego view needs an organization to centre on, e.g. gresp [--focus]\n"),
    (["--view", "network", "--focus", "nadie"],
     "Error: no organization 'nadie': give an id or a name from the data (e.g. gresp)\n"),
])
def test_render_errors_are_one_line(tmp_path: Path, args: list[str], error: str) -> None:
    result = run("render", *args, "-o", str(tmp_path / "x.html"))
    assert result.exit_code == 1
    assert result.stderr == error
    assert not (tmp_path / "x.html").exists()


def test_render_with_personal_data_warns_and_renames(tmp_path: Path) -> None:
    result = run("render", "--include-personal-data", "-o", str(tmp_path / "red.html"))
    assert result.exit_code == 0
    assert (tmp_path / "red-CONFIDENCIAL.html").is_file() and not (tmp_path / "red.html").exists()
    assert "contiene datos personales" in result.stderr


def test_render_recommendations_overlay(tmp_path: Path) -> None:
    result = run("render", "--view", "gaps", "--show-recommendations", "-o", str(tmp_path / "gaps.html"))
    assert result.exit_code == 0
    html = (tmp_path / "gaps.html").read_text(encoding="utf-8")
    assert 'id="show-proposals"' in html and '"proposals":[{' in html


def test_report_writes_the_folder(tmp_path: Path) -> None:
    result = run("report", "-q", "-o", str(tmp_path / "informe"))
    assert result.exit_code == 0, result.output
    index = tmp_path / "informe" / "index.html"
    assert result.stdout == f"Informe guardado en {index}: ábralo con un navegador (funciona sin internet)\n"
    assert index.is_file() and len(list((tmp_path / "informe" / "views").glob("*.html"))) == 6


def test_report_into_a_file_path_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "informe").write_text("", encoding="utf-8")
    result = run("report", "-q", "-o", str(tmp_path / "informe"))
    assert result.exit_code == 2 and f"Directory '{tmp_path / 'informe'}' is a file." in result.stderr


def test_report_never_replaces_a_folder_that_is_not_a_report(tmp_path: Path) -> None:
    (tmp_path / "informe").mkdir()
    (tmp_path / "informe" / "notas.txt").write_text("mis notas", encoding="utf-8")
    result = run("report", "-q", "-o", str(tmp_path / "informe"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path / 'informe'} exists and is not an essgraph report folder")
    assert sorted(p.name for p in (tmp_path / "informe").iterdir()) == ["notas.txt"]
    assert [p.name for p in tmp_path.iterdir()] == ["informe"]  # no temporary folder left


def test_every_command_has_help_with_an_example() -> None:
    for command in COMMANDS:
        result = run(command.name, "--help")
        assert result.exit_code == 0
        assert re.search(rf"Example: essgraph {command.name} .*-o ", result.output), command.name


@pytest.fixture()
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("essgraph.render.interactive.MAX_ELEMENTS", 50)


@pytest.mark.parametrize(("lang", "start"), [("es", "La vista gaps tendría "), ("en", "The gaps view would have ")])
def test_render_too_large_says_so_and_writes_the_overview(tmp_path: Path, small_limit: None, lang: str,
                                                          start: str) -> None:
    result = run("render", "--view", "gaps", "--lang", lang, "-o", str(tmp_path / "gaps.html"))
    assert result.exit_code == 0, result.output
    assert result.stderr.startswith(start) and "--full" in result.stderr
    html = (tmp_path / "gaps.html").read_text(encoding="utf-8")
    assert '"aggregated":true' in html and '"requested":"gaps"' in html


def test_render_full_draws_the_view_anyway(tmp_path: Path, small_limit: None) -> None:
    result = run("render", "--view", "gaps", "--full", "-o", str(tmp_path / "gaps.html"))
    assert result.exit_code == 0 and result.stderr == ""
    assert '"aggregated":false' in (tmp_path / "gaps.html").read_text(encoding="utf-8")


def test_render_overview_on_request(tmp_path: Path) -> None:
    result = run("render", "--view", "overview", "-o", str(tmp_path / "o.html"))
    assert result.exit_code == 0 and result.stderr == ""
    assert '"view":"overview"' in (tmp_path / "o.html").read_text(encoding="utf-8")


def test_report_of_a_large_network_links_the_overview(tmp_path: Path, small_limit: None) -> None:
    result = run("report", "-q", "-o", str(tmp_path / "informe"))
    assert result.exit_code == 0, result.output
    views = sorted(p.name for p in (tmp_path / "informe" / "views").glob("*.html"))
    assert "overview.html" in views and not {"whole.html", "gaps.html", "geo.html"} & set(views)
    index = (tmp_path / "informe" / "index.html").read_text(encoding="utf-8")
    assert 'href="views/overview.html"' in index
