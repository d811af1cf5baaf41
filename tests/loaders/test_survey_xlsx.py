"""The survey as an XLSX workbook: dropdowns from the model, protected headers, read back as the JSON form is.

The round trip fills the workbooks with openpyxl from the FICTIONAL answers (tests/conftest.py) and
merges them: the data folder must come out as the JSON responses' (``fictional_round``).
"""
from __future__ import annotations

import csv
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook as NewWorkbook, load_workbook

from essgraph.cli import main
from essgraph.graphmodel.survey import TIE_ANSWERS, VERDICTS
from essgraph.graphmodel.vocab import ORG_KINDS
from essgraph.loaders import load_graph
from essgraph.loaders.folder import SURVEY_FILES, bundled_data_dir
from essgraph.loaders.survey import check_responses
from essgraph.loaders.survey_xlsx import COLUMNS, FIRST_ROW, LISTS_SHEET, META_SHEET, YES_NO, org_choice
from essgraph.render.survey_form import make_survey

FORMS = {"gresp.json": "gresp", "cxd.json": "cxd", "aam.json": "aam", "nueva.json": "nueva-organizacion"}


def _kit(G, folder: Path, lang: str = "es"):
    return make_survey(G, folder, round_name="r2", orgs=["gresp", "cxd", "aam"], lang=lang, xlsx=True)


def _sheets(book) -> dict[str, Any]:
    meta = {row[0]: row[1] for row in book[META_SHEET].iter_rows(min_row=2, values_only=True)}
    return {key: book[meta[f"sheet.{key}"]] for key in COLUMNS}


def _fill(workbook: Path, answer: dict, G, lang: str, out: Path) -> Path:
    """Type a JSON response into its workbook as a respondent would: labels from the dropdowns."""
    label = lambda vocabulary, code: getattr(vocabulary[code], "term", vocabulary[code]).label(lang)  # noqa: E731
    book = load_workbook(workbook)
    sheets = _sheets(book)
    about = {row[0].value: row[2] for row in sheets["about"].iter_rows(min_row=FIRST_ROW)}
    who = answer["answerer"]
    values = {"role": who["role"], "person": who.get("name"), "contact": who.get("contact"),
              "consent": YES_NO["yes" if who.get("consent") else "no"].label(lang), "date": answer["date"],
              "corrections": answer.get("corrections")}
    new = answer["respondent"].get("new")
    if new:
        values.update(name=new["name"], region=G.nodes[new["region"]]["name"], kind=label(ORG_KINDS, new["kind"]))
    for field, value in values.items():
        if value and field in about:
            about[field].value = value
    recorded = {row[0].value: row for row in sheets["recorded"].iter_rows(min_row=FIRST_ROW)}
    for verdict in answer.get("recorded", []):
        row = recorded[verdict["key"]]
        row[5].value = label(VERDICTS, verdict["verdict"])
        row[6].value = label(TIE_ANSWERS, verdict["answer"]) if verdict.get("answer") else None
        row[7].value = verdict.get("year")
    for i, tie in enumerate(answer.get("ties", [])):
        cells = [sheets["ties"].cell(FIRST_ROW + i, c) for c in range(1, 5)]
        for cell, value in zip(cells, (org_choice(tie["org"], G.nodes[tie["org"]]["name"]),
                                       label(TIE_ANSWERS, tie["answer"]), tie.get("since"), tie.get("how"))):
            cell.value = value
    for i, org in enumerate(answer.get("new_orgs", [])):
        for c, value in enumerate((org["name"], G.nodes[org["region"]]["name"], label(ORG_KINDS, org["kind"]),
                                   org.get("contact")), start=1):
            sheets["new_orgs"].cell(FIRST_ROW + i, c).value = value
    book.save(out)
    return out


def _survey_rows(folder: Path) -> dict[str, list[dict[str, str]]]:
    out = {}
    for name in sorted(n for names in SURVEY_FILES.values() for n in names):
        with (folder / name).open(encoding="utf-8") as handle:
            out[name] = [{k: v for k, v in row.items() if k != "file"} for row in csv.DictReader(handle)]
    return out


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_filled_workbook_merges_as_the_json_response(real_graph, fictional_answers, fictional_round, merge_survey,
                                                       tmp_path, lang) -> None:
    kit = _kit(real_graph, tmp_path / "encuesta", lang)
    assert sorted(p.name for p in kit.workbooks) == sorted(f"{stem}.xlsx" for stem in FORMS.values())
    filled = [_fill(tmp_path / "encuesta" / f"{FORMS[name]}.xlsx", answer, real_graph, lang,
                    tmp_path / name.replace(".json", ".xlsx")) for name, answer in fictional_answers.items()]
    from_json, _ = check_responses(sorted((fictional_round.parent / "respuestas").iterdir()), real_graph)
    from_xlsx, report = check_responses(filled, real_graph)
    assert report.valid and not report.problems, report.render("en")
    strip = lambda r: {**r.__dict__, "file": None, "answerer": {k: v for k, v in r.answerer.items() if v}}  # noqa: E731
    assert sorted(map(strip, from_xlsx), key=str) == sorted(map(strip, from_json), key=str)
    folder = Path(shutil.copytree(bundled_data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("__*")))
    merge_survey(filled, folder)
    assert _survey_rows(folder) == _survey_rows(fictional_round)
    reported = lambda G: sorted((u, v, json.dumps(d, sort_keys=True)) for u, v, d in G.edges(data=True)  # noqa: E731
                                if d.get("evidence") == "reported")
    assert reported(load_graph(data_dir=folder)) == reported(load_graph(data_dir=fictional_round))


def test_every_answer_from_the_model_is_a_dropdown_and_the_header_is_protected(real_graph, tmp_path) -> None:
    kit = _kit(real_graph, tmp_path)
    book = load_workbook(tmp_path / "cxd.xlsx")
    sheets = _sheets(book)
    lists = book[LISTS_SHEET]
    columns = {cell.column_letter: [c.value for c in lists[cell.column_letter] if c.value is not None]
               for cell in lists[1]}

    def dropdown(sheet, cell: str) -> list[str] | str:
        (check,) = [v for v in sheet.data_validations.dataValidation if cell in v.sqref]
        return columns[check.formula1.split("$")[1]] if check.type == "list" else f"{check.formula1}-{check.formula2}"

    answers = [a.term.es for a in TIE_ANSWERS.values()]
    orgs = [org_choice(o, real_graph.nodes[o]["name"]) for o in ("gresp", "aam", "muni-huamanga")]
    ties, recorded, new_orgs, about = (sheets[k] for k in ("ties", "recorded", "new_orgs", "about"))
    assert dropdown(ties, "B3") == answers and set(orgs) <= set(dropdown(ties, "A202"))
    assert dropdown(ties, "C3") == "1900-2100" and dropdown(recorded, "H3") == "1900-2100"
    assert dropdown(recorded, "F3") == [v.es for v in VERDICTS.values()] and dropdown(recorded, "G3") == answers
    assert dropdown(new_orgs, "C3") == [k.es for k in ORG_KINDS.values()] and "Cusco" in dropdown(new_orgs, "B30")
    consent = next(r[2].coordinate for r in about.iter_rows(min_row=FIRST_ROW) if r[0].value == "consent")
    assert dropdown(about, consent) == ["Sí", "No"]
    blank = _sheets(load_workbook(kit.workbooks[-1]))["about"]
    fields = {r[0].value: r[2].coordinate for r in blank.iter_rows(min_row=FIRST_ROW)}
    assert dropdown(blank, fields["kind"]) == [k.es for k in ORG_KINDS.values()] and "Puno" in dropdown(blank, fields["region"])
    for sheet in (*sheets.values(), lists, book[META_SHEET]):
        assert sheet.protection.sheet and sheet["A2"].protection.locked and sheet["B2"].protection.locked
    assert not ties["A3"].protection.locked and recorded["B3"].protection.locked and not recorded["F3"].protection.locked
    assert book.security.lockStructure and [book[s].sheet_state for s in (LISTS_SHEET, META_SHEET)] == ["hidden"] * 2
    assert book.worksheets[0]["A4"].value.startswith("Queremos saber con quién trabaja")
    english = load_workbook(_kit(real_graph, tmp_path / "en", "en").workbooks[0])
    assert english.sheetnames[0] == "Instructions" and english.worksheets[0]["A4"].value.startswith("We want to know")
    assert english[_sheets(english)["ties"].title]["B2"].value == "Kind of tie"


def test_the_same_form_is_the_same_file(real_graph, tmp_path) -> None:
    first = _kit(real_graph, tmp_path / "a").workbooks
    second = _kit(real_graph, tmp_path / "b").workbooks
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in second]


def test_names_from_data_are_never_formulas(tmp_path) -> None:
    from essgraph.graphmodel import Node, build_graph

    G = build_graph([Node("a", ("Organization",), {"name": '=HYPERLINK("http://x","y")', "kind": "ngo"}),
                     Node("b", ("Organization",), {"name": "=1+1", "kind": "ngo"})], [])
    kit = make_survey(G, tmp_path, round_name="=r2", xlsx=True)
    for path in kit.workbooks:
        book = load_workbook(path)
        assert not [c.coordinate for s in book.worksheets for row in s.iter_rows() for c in row if c.data_type == "f"]
    book = load_workbook(kit.workbooks[0])
    assert book[book.sheetnames[1]]["C3"].value == "=1+1"  # the organization's name, as text
    assert book[META_SHEET]["B4"].value == "=r2"


def test_a_formula_or_a_wrong_choice_is_located_and_nothing_is_merged(real_graph, tmp_path) -> None:
    _kit(real_graph, tmp_path / "encuesta")
    book = load_workbook(tmp_path / "encuesta" / "aam.xlsx")
    sheets = _sheets(book)
    about = {row[0].value: row[2] for row in sheets["about"].iter_rows(min_row=FIRST_ROW)}
    about["role"].value = "presidenta"
    sheets["ties"]["A3"] = org_choice("gresp", real_graph.nodes["gresp"]["name"])
    sheets["ties"]["B3"] = "Amigos"
    sheets["ties"]["A4"] = "Red Inexistente (red-inexistente)"
    sheets["ties"]["B4"] = "Trabajamos con"
    book.save(tmp_path / "aam-choice.xlsx")
    sheets["new_orgs"]["A3"] = "=1+1"
    sheets["ties"]["D5"] = "#REF!"
    book.save(tmp_path / "aam-formula.xlsx")
    with zipfile.ZipFile(tmp_path / "aam-formula.xlsx") as source, \
            zipfile.ZipFile(tmp_path / "aam-saved.xlsx", "w") as target:  # as a spreadsheet saves it: with its value
        for info in source.infolist():
            # "<v />", or "<v></v>" when openpyxl writes with lxml (installed with the test dependencies)
            target.writestr(info, re.sub(rb"<f>1\+1</f>(<v ?/>|<v></v>)", b"<f>1+1</f><v>2</v>", source.read(info)))
    saved = load_workbook(tmp_path / "aam-saved.xlsx", data_only=True)
    assert saved[sheets["new_orgs"].title]["A3"].value == 2  # a value the reader would otherwise take
    not_ours = tmp_path / "otro.xlsx"
    NewWorkbook().save(not_ours)
    paths = [tmp_path / f"aam-{name}.xlsx" for name in ("choice", "formula", "saved")] + [not_ours]
    _, report = check_responses(paths, real_graph)
    found = {(p.file, p.type, p.row, p.column) for p in report.problems}
    assert found == {("aam-choice.xlsx", "survey-bad-value", 3, "Trabajamos con!B3"),
                     ("aam-choice.xlsx", "survey-unknown-org", 4, "Trabajamos con!A4"),
                     ("aam-formula.xlsx", "formula-cell", 3, ""), ("aam-formula.xlsx", "error-cell", 5, ""),
                     ("aam-saved.xlsx", "formula-cell", 3, ""), ("aam-saved.xlsx", "error-cell", 5, ""),
                     ("otro.xlsx", "missing-sheet", None, "")}
    text = report.render("es")
    assert "aam-saved.xlsx: la celda Organizaciones nuevas!A3 tiene una fórmula (=1+1)" in text
    assert "aam-formula.xlsx: la celda Trabajamos con!D5 muestra el error #REF!" in text
    assert "use uno de: Somos miembros de, Coordinamos con" in text  # the dropdown's words, not codes
    folder = Path(shutil.copytree(bundled_data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("__*")))
    before = sorted(p.name for p in folder.iterdir())
    result = CliRunner().invoke(main, ["survey", "merge", str(tmp_path / "aam-formula.xlsx"), "--data", str(folder),
                                       "--round", "r2"])
    assert result.exit_code == 1 and "Organizaciones nuevas!A3" in result.output
    assert sorted(p.name for p in folder.iterdir()) == before


def test_survey_make_xlsx_and_check_through_the_cli(tmp_path) -> None:
    out = tmp_path / "encuesta"
    result = CliRunner().invoke(main, ["survey", "make", "--data", str(bundled_data_dir()), "-o", str(out),
                                       "--round", "r2", "--org", "aam", "--xlsx"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.glob("*.xlsx")) == ["aam.xlsx", "nueva-organizacion.xlsx"]
    assert '<a href="aam.xlsx">XLSX</a>' in (out / "index.html").read_text(encoding="utf-8")
    check = ["survey", "check", "--data", str(bundled_data_dir()), str(out / "aam.xlsx")]
    untouched = CliRunner().invoke(main, [*check, "--json"])  # never saved by a spreadsheet: no date, no role
    book = load_workbook(out / "aam.xlsx")
    about = {row[0].value: row[2] for row in _sheets(book)["about"].iter_rows(min_row=FIRST_ROW)}
    assert untouched.exit_code == 1 and {(p["column"], p["type"]) for p in json.loads(untouched.output)["problems"]} == {
        (f"Su organización en el mapa!{about[f].coordinate}", "survey-missing") for f in ("role", "date")}
    about["role"].value = "presidenta"
    book.save(out / "aam.xlsx")  # the date: the day it was saved
    result = CliRunner().invoke(main, check)
    assert result.exit_code == 0 and "1 respuesta(s) correctas" in result.output
