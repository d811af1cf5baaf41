"""Issue 12, files and spreadsheets: special files refused, links followed, no CSV cell runs, counts checked."""
from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.errors import DataError, EssgraphError
from essgraph.files import atomic_write
from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders import export
from essgraph.loaders.folder import bundled_data_dir
from essgraph.loaders.synthetic import synth
from essgraph.spreadsheet import safe_cell

FORMULAS = ("=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx")


@pytest.mark.parametrize("target", ["/dev/null", "/dev/full"])
def test_a_device_is_never_replaced(target) -> None:
    with pytest.raises(EssgraphError, match="not a regular file"):
        atomic_write(target, b"x", error=EssgraphError, hint="choose a file")
    assert not Path(target).is_file()


def test_a_link_is_followed_and_stays_a_link(tmp_path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, b"new", error=EssgraphError, hint="-")
    assert link.is_symlink() and real.read_text() == "new"


def test_analyze_to_a_device_is_one_error_line() -> None:
    result = CliRunner().invoke(main, ["analyze", "--data", str(bundled_data_dir()), "--json", "/dev/full"])
    assert result.exit_code == 1 and result.output.strip().splitlines()[-1].startswith("Error: cannot write /dev/full")


@pytest.mark.parametrize("args", [["--top", "-1"], ["--top", "0"], ["--betweenness-k", "0"]])
def test_counts_below_one_are_refused_by_the_option(args) -> None:
    result = CliRunner().invoke(main, ["analyze", *args])
    assert result.exit_code == 2 and "is not in the range" in result.output


@pytest.mark.parametrize("value", FORMULAS)
def test_no_cell_a_spreadsheet_would_run(value, tmp_path) -> None:
    assert safe_cell(value) == "'" + value
    G = build_graph([Node("a", ("Organization",), {"name": value, "kind": "ngo"})], [])
    with zipfile.ZipFile(export(G, "csv", tmp_path / "g.zip")) as archive:
        rows = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8-sig"))))
    assert rows[0]["name"] == "'" + value


def test_query_csv_neutralises_formulas_too(tmp_path) -> None:
    result = CliRunner().invoke(main, ["query", "orgs_by_kind", "--param", "kind=ngo", "--format", "csv",
                                       "--data", str(_folder(tmp_path, "=1+2"))])
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.output)))[1] == ["coop", "'=1+2", ""]


def _folder(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    safe = name.replace('"', '""')
    (folder / "organizations.csv").write_text(
        f'id,name,kind,status,section,quote\ncoop,"{safe}",ngo,active,2.1,cita\n', encoding="utf-8")
    return folder


def test_numbers_stay_numbers() -> None:
    assert [safe_cell(v) for v in (-3, 2.5, "-12.5", "+51", "2016-2017")] == [-3, 2.5, "-12.5", "+51", "2016-2017"]


def test_synth_never_overwrites_a_data_folder_unless_forced(tmp_path) -> None:
    (tmp_path / "organizations.csv").write_text("id,name\ncurada,Curada\n", encoding="utf-8")
    with pytest.raises(DataError, match="already holds data files"):
        synth(tmp_path, orgs=10)
    assert (tmp_path / "organizations.csv").read_text(encoding="utf-8") == "id,name\ncurada,Curada\n"
    assert synth(tmp_path, orgs=10, force=True)["organizations"] >= 10


@pytest.mark.parametrize("name", ["Coop\n# Título inyectado", "<img src=x onerror=alert(1)>", "[clic](javascript:alert(1))",
                                  "Red | con | barras"])
def test_markdown_shows_names_as_text(name, tmp_path) -> None:
    from essgraph.analysis import analyze
    from essgraph.render.markdown import to_markdown

    ev = {"section": "2.1", "quote": "q", "evidence": "stated"}
    G = build_graph([Node("a", ("Organization",), {"name": name, "kind": "ngo"}),
                     Node("b", ("Organization",), {"name": "B", "kind": "ngo"})],
                    [Relationship("ALLIED_WITH", "a", "b", ev)], {"title": "Mapa <b>#1</b>\n# x"})
    md = to_markdown(analyze(G), "es")
    assert not [line for line in md.splitlines() if line.startswith("# ") and "nyectado" in line or line == "# x"]
    import re
    assert not re.search(r"(?<!\\)<(img|b>)", md) and not re.search(r"(?<!\\)\]\(javascript:", md)
    assert not re.search(r"(?<!\\)\| con (?<!\\)\|", md)  # a name's bars never split a table row


def test_a_page_that_cannot_be_written_leaves_the_old_one(tmp_path, monkeypatch) -> None:
    import essgraph.files
    from essgraph.errors import RenderError
    from essgraph.render import ViewRequest, render

    G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo"})], [])
    page = render(G, tmp_path / "red.html", ViewRequest(view="whole")).path
    before = page.read_bytes()

    def full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(essgraph.files.os, "fsync", full)
    with pytest.raises(RenderError, match="No space left"):
        render(G, tmp_path / "red.html", ViewRequest(view="whole", lang="en")).path
    assert page.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["red.html"]
