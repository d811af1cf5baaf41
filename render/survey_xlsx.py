"""The survey as an XLSX workbook: the HTML form's questions, for those who prefer a spreadsheet.

``essgraph survey make --xlsx`` writes one beside each form (``<id>.xlsx``, and
``nueva-organizacion.xlsx``). Its sheets, in the language of the forms: the
instructions; the organization (what the map knows, corrections, who answers,
the consent as Sí/No, the date); the ties on record with their quotes, to
confirm, correct or deny; "we work with" (one row per partner); organizations not
on the map. Every answer whose values come from the model is a dropdown (kinds of
tie, verdicts, organizations of the map as ``Name (id)``, regions, kinds of
organization, Sí/No; years between 1900 and 2100); headers and the map's data
are protected, so only the answer cells can be written. The layout, and reading a
filled workbook back, are :mod:`essgraph.loaders.survey_xlsx`'s. Text from data
is always written as text, never as a formula; the same form is the same file.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from openpyxl import load_workbook
>>> data = {"format": "essgraph-survey-response", "version": 1, "round": "r2", "respondent": None, "recorded": [],
...         "orgs": [{"id": "a", "name": "=A"}], "answers": [{"code": "member_of", "label": "Somos miembros de"}],
...         "verdicts": [], "kinds": [], "regions": []}
>>> path = write_workbook(Path(tempfile.mkdtemp()) / "nueva.xlsx", data, title="Encuesta", lang="es")
>>> book = load_workbook(path)
>>> book.sheetnames
['Instrucciones', 'Su organización en el mapa', 'Vínculos registrados', 'Trabajamos con', 'Organizaciones nuevas', 'listas', 'essgraph']
>>> [(cell.value, cell.data_type) for row in book["listas"].iter_rows() for cell in row if cell.value == "=A (a)"]
[('=A (a)', 's')]
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from essgraph.errors import RenderError
from essgraph.files import atomic_write
from essgraph.loaders.survey import MAX_YEAR
from essgraph.loaders.survey_xlsx import (
    COLUMNS, FIRST_ROW, LISTS_SHEET, META_SHEET, WRITTEN_STAMP, YES_NO, org_choice,
)
from essgraph.render.survey_form import SURVEY_TEXTS

__all__ = ["write_workbook", "TIE_ROWS", "NEW_ORG_ROWS"]

#: Rows offered for partners and for organizations not on the map.
TIE_ROWS = 200
NEW_ORG_ROWS = 30

_HEADER = PatternFill("solid", fgColor="DDE4EE")
_LOCKED = PatternFill("solid", fgColor="F2F2F2")
_OPEN = Protection(locked=False)
_WRAP = Alignment(wrap_text=True, vertical="top")
#: Each answer sheet's title and its columns' headers and widths (keys of SURVEY_TEXTS).
_SHEETS: dict[str, tuple[str, dict[str, tuple[str, int]]]] = {
    "about": ("about", {"field": ("", 4), "question": ("xlsx_question", 60), "answer": ("xlsx_answer", 50)}),
    "recorded": ("xlsx_recorded", {"key": ("", 4), "tie": ("xlsx_tie", 40), "quote": ("xlsx_quote", 50),
                                   "section": ("xlsx_section", 14), "year": ("f_year", 8),
                                   "verdict": ("xlsx_verdict", 24), "answer": ("xlsx_corrected_kind", 28),
                                   "new_year": ("xlsx_corrected_year", 14)}),
    "ties": ("xlsx_ties", {"org": ("xlsx_org", 60), "answer": ("f_kind_of_tie", 28), "since": ("f_since", 12),
                           "how": ("f_how", 60)}),
    "new_orgs": ("xlsx_new_orgs", {"name": ("f_name", 50), "region": ("f_region", 22), "kind": ("f_kind", 30),
                                   "contact": ("f_reach", 40)}),
}


def write_workbook(path: Path, data: Mapping[str, Any], *, title: str, lang: str) -> Path:
    """Write the workbook of one form (``data`` as the HTML form embeds it) to ``path``.

    Raises
    ------
    RenderError
        The file cannot be written.
    """
    book = Workbook()
    titles = {key: SURVEY_TEXTS.t(title_key, lang) for key, (title_key, _) in _SHEETS.items()}
    book.active.title = SURVEY_TEXTS.t("xlsx_help", lang)
    _help(book.active, title, data["round"], titles, lang)
    sheets = {key: _answer_sheet(book, key, titles[key], lang) for key in _SHEETS}
    lists = _Lists(book.create_sheet(LISTS_SHEET))
    answers, regions, kinds = (lists.add(c["label"] for c in data[key]) for key in ("answers", "regions", "kinds"))
    _about(sheets["about"], data, lists, regions, kinds, lang)
    _recorded(sheets["recorded"], data, lists, answers, lang)
    orgs = lists.add(org_choice(o["id"], o["name"]) for o in data["orgs"])
    _open_rows(sheets["ties"], "ties", TIE_ROWS, lang, org=orgs, answer=answers, since=_YEAR)
    _open_rows(sheets["new_orgs"], "new_orgs", NEW_ORG_ROWS, lang, region=regions, kind=kinds)
    meta = book.create_sheet(META_SHEET)
    respondent = data["respondent"]
    for row in [("key", "value"), ("format", data["format"]), ("version", str(data["version"])),
                ("round", data["round"]), ("lang", lang), ("respondent", respondent["id"] if respondent else ""),
                *((f"sheet.{key}", titles[key]) for key in _SHEETS)]:
        _append(meta, row)
    for sheet in (lists.sheet, meta):
        sheet.sheet_state = "hidden"
        sheet.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)  # no sheet renamed, deleted or unhidden
    out = io.BytesIO()
    book.save(out)
    return atomic_write(path, _stable(out.getvalue()), error=RenderError, hint="choose another -o folder")


#: A validation that takes a year rather than a choice of a list.
_YEAR = "year"


class _Lists:
    """The hidden sheet of the dropdowns' lists: one column per list of values."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.ranges: dict[tuple[str, ...], str] = {}

    def add(self, values: Iterable[str]) -> str | None:
        """The cells holding ``values`` (``listas!$A$1:$A$9``), None when there are none."""
        key = tuple(values)
        if key and key not in self.ranges:
            column = len(self.ranges) + 1
            for row, value in enumerate(key, start=1):
                cell = self.sheet.cell(row, column)
                cell.value = value
                _as_text(cell)
            letter = get_column_letter(column)
            self.ranges[key] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$1:${letter}${len(key)}"
        return self.ranges.get(key)


def _answer_sheet(book: Workbook, key: str, title: str, lang: str) -> Worksheet:
    """A protected sheet: its column keys in hidden row 1, the header in row 2, both frozen."""
    sheet = book.create_sheet(title)
    headers = _SHEETS[key][1]
    sheet.append(list(COLUMNS[key]))
    sheet.append([SURVEY_TEXTS.t(headers[c][0], lang) if headers[c][0] else "" for c in COLUMNS[key]])
    sheet.row_dimensions[1].hidden = True
    for index, column in enumerate(COLUMNS[key], start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = headers[column][1]
        sheet.column_dimensions[letter].hidden = not headers[column][0]  # the keys only a program reads
        cell = sheet.cell(2, index)
        cell.font, cell.fill, cell.alignment = Font(bold=True), _HEADER, _WRAP
    sheet.freeze_panes = f"A{FIRST_ROW}"
    sheet.protection.sheet = True
    return sheet


def _help(sheet: Worksheet, title: str, round_name: str, titles: Mapping[str, str], lang: str) -> None:
    t = lambda key, **kw: SURVEY_TEXTS.t(key, lang, **kw)  # noqa: E731
    lines = [title, t("xlsx_round", round=round_name), "", t("xlsx_intro"), "",
             t("xlsx_help_about", sheet=titles["about"]), t("xlsx_help_recorded", sheet=titles["recorded"]),
             t("xlsx_help_ties", sheet=titles["ties"]), t("xlsx_help_new", sheet=titles["new_orgs"]), "",
             t("xlsx_help_cells"), t("xlsx_help_save")]
    sheet.column_dimensions["A"].width = 110
    for line in lines:
        _append(sheet, [line])
        sheet.cell(sheet.max_row, 1).alignment = _WRAP
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.protection.sheet = True


def _about(sheet: Worksheet, data: Mapping[str, Any], lists: _Lists, regions: str | None, kinds: str | None,
           lang: str) -> None:
    """What the map knows (locked), then the questions: a new organization's data (blank form), who answers."""
    t = lambda key: SURVEY_TEXTS.t(key, lang)  # noqa: E731
    me = data["respondent"]
    asked: list[tuple[str, str, str | None]]
    if me:
        kind = {k["code"]: k["label"] for k in data["kinds"]}.get(me["kind"], me["kind"])
        for key, value in (("f_name", me["name"]), ("f_acronym", me["acronym"]), ("f_region", me["region"]),
                           ("f_kind", kind), ("f_networks", ", ".join(me["networks"]))):
            _locked_row(sheet, ["info", t(key), value])
        asked = [("corrections", "f_corrections", None)]
    else:
        asked = [("name", "f_name", None), ("acronym", "f_acronym", None), ("region", "f_region", regions),
                 ("kind", "f_kind", kinds)]
    asked += [("role", "f_role", None), ("person", "f_person", None), ("contact", "f_contact", None),
              ("consent", "consent", lists.add(term.label(lang) for term in YES_NO.values())),
              ("date", "xlsx_date", None)]
    for field, question, choices in asked:
        _locked_row(sheet, [field, t(question) + (" *" if field in ("name", "role") else ""), None])
        answer = sheet.cell(sheet.max_row, 3)
        answer.protection, answer.fill = _OPEN, PatternFill()
        _validate(sheet, choices, answer.coordinate, lang)
        if field == "consent":  # the statement of Ley 29733, in full
            sheet.row_dimensions[sheet.max_row].height = 48


def _recorded(sheet: Worksheet, data: Mapping[str, Any], lists: _Lists, answers: str | None, lang: str) -> None:
    """Each tie on record (locked, with its quote) and the cells to confirm, correct or deny it."""
    ties = data["recorded"]
    if not ties:
        _locked_row(sheet, ["", SURVEY_TEXTS.t("recorded_none", lang)])
        return
    for tie in ties:
        _locked_row(sheet, [tie["key"], f"{tie['start_name']} — {tie['type_label']} — {tie['end_name']}",
                            tie["quote"], tie["section"], tie["year"]])
    _open_rows(sheet, "recorded", len(ties), lang, only=("verdict", "answer", "new_year"),
               verdict=lists.add(c["label"] for c in data["verdicts"]), answer=answers, new_year=_YEAR)


def _open_rows(sheet: Worksheet, key: str, count: int, lang: str, *, only: Sequence[str] | None = None,
               **choices: str | None) -> None:
    """Let ``count`` answer rows of sheet ``key`` be written (the columns ``only``, or all), each column with the
    validation of ``choices`` (a list's cells, or :data:`_YEAR`) when it has one."""
    columns = COLUMNS[key]
    opened = [c for c in columns if only is None or c in only]
    last = FIRST_ROW + count - 1
    for column in opened:
        index = columns.index(column) + 1
        for row in range(FIRST_ROW, last + 1):
            cell = sheet.cell(row, index)
            cell.protection, cell.alignment, cell.fill = _OPEN, _WRAP, PatternFill()
        letter = get_column_letter(index)
        _validate(sheet, choices.get(column), f"{letter}{FIRST_ROW}:{letter}{last}", lang)


def _validate(sheet: Worksheet, source: str | None, cells: str, lang: str) -> None:
    """A dropdown of the list at ``source`` (or a year, :data:`_YEAR`) on ``cells``; nothing when ``source`` is None."""
    if source is None:
        return
    if source == _YEAR:
        check = DataValidation(type="whole", operator="between", formula1="1900", formula2=str(MAX_YEAR),
                               allow_blank=True, showErrorMessage=True, error=SURVEY_TEXTS.t("xlsx_bad_year", lang))
    else:
        check = DataValidation(type="list", formula1=source, allow_blank=True, showErrorMessage=True,
                               error=SURVEY_TEXTS.t("xlsx_bad_choice", lang))
    sheet.add_data_validation(check)
    check.add(cells)


def _locked_row(sheet: Worksheet, values: Sequence[Any]) -> None:
    """A row of the map's data, greyed and wrapped (the sheet's protection locks it)."""
    _append(sheet, values)
    for cell in sheet[sheet.max_row]:
        cell.fill, cell.alignment = _LOCKED, _WRAP


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        _as_text(cell)


def _as_text(cell: Any) -> None:
    """Text from data stays text: openpyxl takes a text starting with ``=`` for a formula."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _stable(data: bytes) -> bytes:
    """The workbook with fixed times (of its zip entries, and as last saved): the same form is the same file.

    The fixed last-saved time (:data:`~essgraph.loaders.survey_xlsx.WRITTEN_STAMP`) also tells a
    workbook a spreadsheet saved from one only essgraph wrote.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + WRITTEN_STAMP.encode(), body)
            target.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), body,
                            compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
