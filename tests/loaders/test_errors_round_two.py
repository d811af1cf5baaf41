"""Issue 12, "every error a sentence": each input that used to crash is now a located problem or simply works."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from loaders_helpers import write_xlsx

from essgraph.loaders import export, load_graph, validate
from essgraph.loaders.readers import ReadError
from essgraph.loaders.xlsx_reader import read_xlsx


def _append_org(folder: Path, row: str) -> None:
    with open(folder / "organizations.csv", "a", encoding="utf-8") as handle:
        handle.write(row + "\n")


def _org_row(org_id: str, name: str, quote: str = "cita") -> str:
    return f'{org_id},"{name}",,,ngo,,,,,,,,,active,,,,,,,,2.1,"{quote}",,'


def test_a_dataset_toml_saved_by_notepad_with_a_bom_reads(valid_dir) -> None:
    toml = valid_dir / "dataset.toml"
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes())
    assert validate(valid_dir).valid


def test_a_deeply_nested_toml_is_a_located_problem(valid_dir) -> None:
    toml = valid_dir / "dataset.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "\n[extra]\nx = " + "[" * 5000 + "]" * 5000 + "\n",
                    encoding="utf-8")
    report = validate(valid_dir)
    assert not report.valid and [p.type for p in report.problems if p.severity == "error"] == ["bad-dataset-toml"]


def test_a_toml_date_is_iso_text_in_every_export(valid_dir, tmp_path) -> None:
    toml = valid_dir / "dataset.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('date = "2018-09"', "date = 2018-09-01"), encoding="utf-8")
    G = load_graph(data_dir=valid_dir)
    data = json.loads(export(G, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert data["dataset"]["date"] == "2018-09-01"
    export(G, "graphml", tmp_path / "g.graphml")


def test_a_long_quote_reads(valid_dir) -> None:
    _append_org(valid_dir, _org_row("larga", "Organización de cita larga", "x" * 200_000))
    report = validate(valid_dir)
    assert "bad-csv" not in {p.type for p in report.problems}
    assert len(load_graph(data_dir=valid_dir).nodes["larga"]["quote"]) == 200_000


def test_invisible_names_and_zero_width_twins_are_caught(valid_dir) -> None:
    _append_org(valid_dir, _org_row("fantasma", "\u200b\u2060"))
    _append_org(valid_dir, _org_row("casa-sol-2", "Asociación\u200bCasa del Sol"))
    report = validate(valid_dir)
    found = {(p.type, p.row) for p in report.problems}
    assert any(kind in ("missing-value", "required") for kind, _ in found), found
    assert any("duplicate" in kind for kind, _ in found), found


@pytest.mark.parametrize("error", ["#N/A", "#REF!"])
def test_a_formula_error_cell_is_not_data(tmp_path, error) -> None:
    path = write_xlsx(tmp_path / "organizations.xlsx", [["id", "name", "quote"], ["a", "A", error]])
    with pytest.raises(ReadError) as caught:
        list(read_xlsx(path).rows)
    assert caught.value.code == "error-cell" and caught.value.params["cell"] == "C2"


def test_a_workbook_that_inflates_is_refused_before_it_is_read(tmp_path) -> None:
    good = write_xlsx(tmp_path / "good.xlsx", [["id", "name"], ["a", "A"]])
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/sharedStrings2.xml", b"0" * (40 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(ReadError) as caught:
        read_xlsx(bomb)
    assert caught.value.code == "xlsx-inflates"


def test_a_windows_console_gets_every_message(tmp_path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "organizations.csv").write_bytes(  # Windows-1252: the fallback warning's fix holds "→"
        "id,name,kind,status,section,quote\nc,Cañete,ngo,actve,2.1,q\n".encode("cp1252"))
    env = dict(os.environ, PYTHONIOENCODING="cp1252")
    run = subprocess.run([sys.executable, "-m", "essgraph.cli", "validate", "--data", str(folder)],
                         capture_output=True, env=env, timeout=120)
    output = run.stdout + run.stderr
    assert run.returncode == 1 and b"Traceback" not in run.stderr and b"bad-enum" in output
    assert b"Guardar como ? " in output  # the arrow the console cannot show


def test_chart_text_from_data_is_never_tex_math() -> None:
    from essgraph.analysis import analyze
    from essgraph.graphmodel import Node, Relationship, build_graph
    from essgraph.render.charts import heat_map, isolation_bars

    ev = {"section": "s", "quote": "q", "evidence": "stated"}
    nodes = [Node("m1", ("MacroRegion",), {"name": "$\\frac{1}{$"}), Node("m2", ("MacroRegion",), {"name": "Sur $x^$"}),
             Node("r1", ("Region",), {"name": "$", "macro_region": "m1"}), Node("r2", ("Region",), {"name": "R", "macro_region": "m2"}),
             Node("a", ("Organization",), {"name": "A", "region": "r1"}), Node("b", ("Organization",), {"name": "B", "region": "r2"}),
             Node("c", ("Organization",), {"name": "C", "region": "r2"})]
    result = analyze(build_graph(nodes, [Relationship("ALLIED_WITH", "a", "b", ev), Relationship("ALLIED_WITH", "b", "c", ev)])).to_json()
    macro = result["labels"]["macro_region"]
    assert heat_map(result["group_gaps"]["macro_region"], macro, "es").startswith("data:image/png")
    assert isolation_bars(result["isolated"]["by_group"]["macro_region"], macro, "es").startswith("data:image/png")


def test_did_you_mean_compares_a_few_names_not_all(monkeypatch) -> None:
    import difflib

    from essgraph.loaders.entities import Entities, Entity
    from essgraph.loaders.records import Record

    entities = Entities(Entity(f"org-{i:04d}", ("Organization",), f"Organización número {i}", (),
                               Record("organizations", "organizations.csv", i + 2, {}, ())) for i in range(2000))
    seen: list[int] = []
    real = difflib.get_close_matches
    monkeypatch.setattr(difflib, "get_close_matches", lambda w, p, **kw: seen.append(len(p)) or real(w, p, **kw))
    assert entities.suggest("org-0412x", {"Organization"})[0].startswith("org-0412")
    assert seen and max(seen) <= 60
