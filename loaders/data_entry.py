"""The data-entry template: one workbook to fill in by hand, and its reader for ``essgraph import template``.

:func:`template` writes an empty workbook with one sheet per data file a planner
fills (``organizations``, ``municipalities``, ``people``, ``relationships``),
each headed by the columns of the graph model (:data:`essgraph.loaders.folder.FILE_KINDS`:
the same columns as the data folder's files). Required columns are bold, every
header has a comment saying what goes in it, and every column with a
vocabulary — and ``region``, ``macro_region`` (Peru's departments and the
report's macro-regions) and a tie's ``type`` — has a drop-down list of its codes,
whose meanings a ``Vocabularios`` sheet lists. An ``Instrucciones`` sheet (Spanish;
English with ``lang="en"``) comes first.

A data folder holds one table per file, and a data folder's workbook one sheet,
so the filled-in template is not a data folder: :func:`read_template` reads its
sheets for :func:`essgraph.loaders.interchange.import_data`, which validates every
sheet at once, locating each problem by sheet, row and column, and writes the
folder only when nothing is wrong.

Examples
--------
>>> import tempfile, openpyxl
>>> path = template(Path(tempfile.mkdtemp()) / "plantilla.xlsx")
>>> book = openpyxl.load_workbook(path)
>>> book.sheetnames
['Instrucciones', 'organizations', 'municipalities', 'people', 'relationships', 'Vocabularios']
>>> ws = book["organizations"]
>>> [c.value for c in ws[1]][:5], ws["A1"].font.b, ws["C1"].font.b
(['id', 'name', 'acronym', 'aliases', 'kind'], True, False)
>>> ws.append(["red-sur", "Red Sur", "", "", "network", "", "", "", "", "", "", "", "", "active", "arequipa"])
>>> book["organizations"]["V2"], book["organizations"]["W2"] = "Encuesta 2027", "Red Sur"
>>> book.save(path)
>>> imported = read_template(path, date="2027-03-01")
>>> row = imported.rows["organizations.csv"][0]
>>> row["id"], row["kind"], row["region"], row["section"], imported.origin("organizations.csv", 0)
('red-sur', 'network', 'arequipa', 'Encuesta 2027', Origin(place='plantilla.xlsx [organizations]', row=2))
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Mapping

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from essgraph.errors import DataError
from essgraph.files import atomic_write
from essgraph.graphmodel import NODE_SPECS, REL_SPECS, PropertySpec, Term
from essgraph.graphmodel.survey import SURVEY_TIE_PROPERTIES
from essgraph.graphmodel.vocab import VOCABULARIES
from essgraph.i18n import check_lang

from essgraph.loaders.folder import DEFAULT_FILES, FILE_KINDS, bundled_rows, departments
from essgraph.loaders.imported import Imported, Origin, add_note, file_date, provenance
from essgraph.loaders.messages import CATALOG
from essgraph.loaders.problems import ERROR, Problem
from essgraph.loaders.text import name_key
from essgraph.loaders.workbook import read_named_sheets

__all__ = ["TEMPLATE_SHEETS", "TEMPLATE_ROWS", "template", "template_columns", "read_template"]

#: The sheets of the template: data file kinds, in the order a planner fills them.
TEMPLATE_SHEETS = ("organizations", "municipalities", "people", "relationships")
#: Rows of each sheet that carry the drop-down lists.
TEMPLATE_ROWS = 5000
#: Sheets the reader also takes (a planner may add Peru's tables of their own).
_READ = TEMPLATE_SHEETS + ("regions", "macro_regions")
#: Columns the template leaves out: the survey rounds' own, and ``note_es`` (a planner writes one note, in
#: ``note``, in Spanish: every output shows it when there is no ``note_es``, see ``graphmodel.note_text``).
_LEFT_OUT = {p.name for p in SURVEY_TIE_PROPERTIES} | {"note_es"}


def template_columns(kind: str) -> tuple[PropertySpec, ...]:
    """The columns of the template's sheet ``kind``: the data file's, without the survey rounds' own nor ``note_es``.

    >>> [p.name for p in template_columns("relationships")]
    ['type', 'start', 'end', 'section', 'quote', 'year', 'evidence', 'note']
    """
    return tuple(p for p in FILE_KINDS[kind].columns if p.name not in _LEFT_OUT)


def template(path: str | Path, *, lang: str = "es") -> Path:
    """Write the empty data-entry workbook (see the module) to ``path``.

    Raises
    ------
    essgraph.errors.DataError
        ``lang`` is not supported or the file cannot be written.
    """
    try:
        check_lang(lang)
    except ValueError as exc:
        raise DataError(str(exc), options=("lang",)) from None
    path = Path(path)
    book = Workbook()
    instructions = book.active
    instructions.title = CATALOG.t("template.instructions", lang)
    lists_title = CATALOG.t("template.vocabularies", lang)
    lists = _lists(lang)
    ranges = {name: f"'{lists_title}'!${get_column_letter(2 * i + 1)}$2:${get_column_letter(2 * i + 1)}${len(terms) + 1}"
              for i, (name, terms) in enumerate(lists.items())}
    for kind in TEMPLATE_SHEETS:
        _data_sheet(book.create_sheet(kind), kind, lang, ranges)
    vocabularies = book.create_sheet(lists_title)
    users = _users()
    for i, (name, terms) in enumerate(lists.items()):
        vocabularies.cell(1, 2 * i + 1, users.get(name, name)).font = Font(bold=True)
        vocabularies.cell(1, 2 * i + 2, CATALOG.t("template.meaning", lang)).font = Font(bold=True)
        for row, (code, term) in enumerate(terms.items(), start=2):
            vocabularies.cell(row, 2 * i + 1, code).data_type = "s"
            vocabularies.cell(row, 2 * i + 2, term.label(lang)).data_type = "s"
    instructions.column_dimensions["A"].width = 120
    instructions.cell(1, 1, CATALOG.t("template.title", lang)).font = Font(bold=True, size=14)
    for row, step in enumerate(range(1, 9), start=3):
        instructions.cell(row, 1, f"{step}. " + CATALOG.t(f"template.step{step}", lang, file=path.name))
    buffer = io.BytesIO()
    book.save(buffer)
    return atomic_write(path, buffer.getvalue(), error=DataError, hint="choose another path with -o")


def read_template(source: str | Path, *, date: str | None = None) -> Imported:
    """Read a filled-in template (see the module) as rows of a data folder.

    Each sheet named like a data file kind (:data:`TEMPLATE_SHEETS`, and
    ``regions`` or ``macro_regions`` if the planner adds them) becomes that data
    file's rows, located by sheet and row; headers are the data columns'
    names. A tie with no ``evidence`` gets ``imported``; every row's note says
    where it comes from. Other sheets (the instructions, the vocabularies) are
    not read.
    """
    path = Path(source)
    book = read_named_sheets(path, _READ)
    imported = Imported({}, list(book.problems))
    if not book.valid:
        return imported
    if not book.sheets:
        imported.problems.append(Problem("import-missing-sheet", ERROR, path.name, value=TEMPLATE_SHEETS[0], params={
            "allowed": list(book.titles), "suggestions": []}))
        return imported
    day = date or dt.date.today().isoformat()
    saved = file_date(path, book.saved)
    for kind, sheet in book.sheets.items():
        spec = FILE_KINDS[kind]
        names = list(spec.column_names)
        columns = imported.match_columns(sheet.place, sheet.columns, {name_key(c): c for c in names},
                                         {p.name: p.name for p in spec.columns if p.required}, names)
        file = DEFAULT_FILES[kind][0]
        for row in sheet.rows:
            values = dict.fromkeys(names, "")
            values.update({column: row.values.get(header, "") for column, header in columns.items()})
            if kind == "relationships" and not values["evidence"]:
                values["evidence"] = "imported"
            add_note(values, provenance(path.name, date=day, file_date=saved, place=sheet.title, row=row.number))
            imported.rows.setdefault(file, []).append(values)
            imported.origins.setdefault(file, []).append(Origin(sheet.place, row.number))
    imported.metadata = {"title": book.title or f"Plantilla {path.name}", "source": path.name,
                         "source_format": "template", "source_date": saved}
    return imported


def _data_sheet(ws: Worksheet, kind: str, lang: str, ranges: Mapping[str, str]) -> None:
    """A sheet's header (bold when required, a comment each) and its drop-down lists."""
    for index, p in enumerate(template_columns(kind), start=1):
        letter = get_column_letter(index)
        head = ws.cell(1, index, p.name)
        head.font = Font(bold=p.required)
        head.comment = Comment(_comment(p, kind, lang), "essgraph", width=320, height=110)
        ws.column_dimensions[letter].width = max(12, len(p.name) + 4)
        source = ranges.get(_list_of(p, kind) or "")
        if source is not None:
            listed = DataValidation(type="list", formula1=source, allow_blank=True,
                                    showErrorMessage=p.type != "list")  # a list cell holds several codes
            listed.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            ws.add_data_validation(listed)
    ws.freeze_panes = "A2"


def _list_of(p: PropertySpec, kind: str) -> str | None:
    """The drop-down list a column takes: its vocabulary, the references to Peru's places, a tie's type."""
    if kind == "relationships" and p.name == "type":
        return "type"
    return p.vocabulary or (p.name if p.ref in ("Region", "MacroRegion") else None)


def _comment(p: PropertySpec, kind: str, lang: str) -> str:
    t = lambda key, **kw: CATALOG.t(f"template.{key}", lang, **kw)  # noqa: E731
    parts = [CATALOG.t(f"column.{p.name}", lang), t("required" if p.required else "optional")]
    if p.type == "int":
        parts.append(t("year" if p.name == "year" or p.name.endswith("_year") else "int"))
    if p.type == "list":
        parts.append(t("list"))
    if _list_of(p, kind):
        parts.append(t("vocabulary") if p.vocabulary or p.name == "type" else
                     t("ref", target=NODE_SPECS[str(p.ref)].term.label(lang)))
    if kind == "relationships" and p.name in ("start", "end"):
        parts.append(t("end"))
    if p.personal:
        parts.append(t("personal"))
    return parts[0] + ": " + "; ".join(parts[1:]) + "."


def _lists(lang: str) -> dict[str, Mapping[str, Term]]:
    """Every drop-down list of the template by its name: the vocabularies its columns use, the places, the tie types."""
    lists: dict[str, Mapping[str, Term]] = {
        str(p.vocabulary): VOCABULARIES[str(p.vocabulary)]
        for kind in TEMPLATE_SHEETS for p in template_columns(kind) if p.vocabulary}
    lists["type"] = {t: spec.term for t, spec in sorted(REL_SPECS.items())}
    lists["region"] = {d.id: Term(d.name, d.name) for d in departments()}
    lists["macro_region"] = {row["id"]: Term(row["name"], row["name"]) for row in bundled_rows("macro_regions.csv")}
    return lists


def _users() -> dict[str, str]:
    """Each drop-down list's name → the columns that take it (``sector`` → ``sector / sectors_additional``)."""
    users: dict[str, list[str]] = {}
    for kind in TEMPLATE_SHEETS:
        for p in template_columns(kind):
            name = _list_of(p, kind)
            if name and p.name not in users.setdefault(name, []):
                users[name].append(p.name)
    return {name: " / ".join(columns) for name, columns in users.items()}
