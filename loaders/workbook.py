"""Workbooks of several sheets: read the named sheets of a source safely (writing is :func:`essgraph.spreadsheet.xlsx_bytes`).

:func:`read_named_sheets` reads the sheets of an XLSX workbook an import asks for (a
Kumu map's ``Elements`` and ``Connections``, the template's ``organizations``…)
and refuses, with a located problem each and nothing read, what would make the
imported data differ from what a person sees in the workbook: a formula in any
cell (its value is whatever the program that saved it computed, or nothing), a
formula's error value, merged cells (their value belongs to one row), a hidden
sheet among those read or a hidden first sheet, a missing sheet, a header that
is blank or repeated. The file is size-checked and its inflation too before
openpyxl opens it (read-only), as for a data folder's workbooks. (A survey's
workbook, whose sheets are all read and each stops at its first problem, is
:func:`essgraph.loaders.xlsx_reader.read_sheets`'s.)

Examples
--------
>>> import tempfile, openpyxl
>>> path = Path(tempfile.mkdtemp()) / "mapa.xlsx"
>>> wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Elements"
>>> ws.append(["Label", "Type"]); ws.append(["GRESP", "Red"]); ws.append(["Coop", "=A2"])
>>> wb.save(path)
>>> book = read_named_sheets(path, ["elements", "connections"], required=["elements", "connections"])
>>> [(p.type, p.file, p.row, p.column, p.value) for p in book.problems]
[('import-formula', 'mapa.xlsx [Elements]', 3, 'Type', '=A2'), ('import-missing-sheet', 'mapa.xlsx', None, '', 'connections')]
>>> book.sheets
{}
>>> ws["B3"] = "Cooperativa"; wb.save(path)
>>> sheet = read_named_sheets(path, ["elements"]).sheets["elements"]
>>> sheet.place, sheet.columns, [(r.number, r.values["Type"]) for r in sheet.rows]
('mapa.xlsx [Elements]', ('Label', 'Type'), [(2, 'Red'), (3, 'Cooperativa')])
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Collection, Iterator, Sequence
from xml.etree.ElementTree import iterparse

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from essgraph.loaders.problems import ERROR, Problem
from essgraph.loaders.records import read_problem
from essgraph.loaders.readers import MAX_BYTES, ReadError, Row, header_columns, make_row
from essgraph.loaders.text import clean, name_key
from essgraph.loaders.xlsx_reader import BROKEN_FILE, ERROR_VALUES, cell_text, check_inflation

__all__ = ["SourceSheet", "SheetBook", "read_named_sheets"]


@dataclass
class SourceSheet:
    """One sheet read: its title, where it is (``file [title]``), its header and its data rows."""

    title: str
    place: str
    columns: tuple[str, ...]
    rows: list[Row] = field(default_factory=list)


@dataclass
class SheetBook:
    """The sheets read by the name they were asked for, every problem met, and the workbook's own metadata."""

    file: str
    sheets: dict[str, SourceSheet] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    titles: tuple[str, ...] = ()
    saved: dt.datetime | None = None
    title: str = ""

    @property
    def valid(self) -> bool:
        """True when no problem is an error."""
        return not any(p.severity == ERROR for p in self.problems)


def read_named_sheets(path: str | Path, wanted: Sequence[str], *, required: Collection[str] = ()) -> SheetBook:
    """Read the sheets ``wanted`` (titles matched regardless of case and spacing) of an XLSX workbook.

    Parameters
    ----------
    path : str or Path
        The workbook.
    wanted : sequence of str
        The sheets to read; others are left alone (a Kumu ``… (ignore)`` sheet,
        the template's instructions).
    required : collection of str
        Those of ``wanted`` whose absence is an error.

    Returns
    -------
    SheetBook
        The sheets found, by the name asked for, and every problem, each located
        by ``file [sheet]``, row and column. With an error the sheets are empty:
        nothing of a workbook that cannot be trusted is imported.
    """
    path = Path(path)
    book = SheetBook(path.name)
    try:
        _check_size(path)
        check_inflation(path)
        workbook = load_workbook(path, read_only=True, data_only=False)
    except ReadError as exc:
        book.problems.append(read_problem(exc, path))
        return book
    except BROKEN_FILE as exc:
        book.problems.append(read_problem(ReadError("bad-xlsx", file=path.name, reason=type(exc).__name__), path))
        return book
    try:
        _read(workbook, book, wanted, required)
    except ReadError as exc:
        book.problems.append(read_problem(exc, path))
    except BROKEN_FILE as exc:
        book.problems.append(read_problem(ReadError("bad-xlsx", file=path.name, reason=type(exc).__name__), path))
    finally:
        workbook.close()
    if not book.valid:
        book.sheets = {}
    return book


def _check_size(path: Path) -> None:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
    if size > MAX_BYTES["xlsx"]:
        mb = lambda n: f"{n / (1024 * 1024):.1f}"  # noqa: E731
        raise ReadError("too-large", file=path.name, size_mb=mb(size), limit_mb=mb(MAX_BYTES["xlsx"]), format="XLSX",
                        csv_limit_mb=mb(MAX_BYTES["csv"]))
    if size == 0:
        raise ReadError("empty-file", file=path.name)


def _read(workbook: Any, book: SheetBook, wanted: Sequence[str], required: Collection[str]) -> None:
    book.titles = tuple(workbook.sheetnames)
    book.saved = workbook.properties.modified
    book.title = clean(str(workbook.properties.title or ""))
    worksheets = workbook.worksheets
    if worksheets and worksheets[0].sheet_state != "visible":
        book.problems.append(Problem("hidden-import-sheet", ERROR, book.file, value=worksheets[0].title))
    by_key = {name_key(ws.title): ws for ws in worksheets}
    for name in wanted:
        ws = by_key.get(name_key(name))
        if ws is None:
            if name in required:
                book.problems.append(Problem("import-missing-sheet", ERROR, book.file, value=name, params={
                    "allowed": list(book.titles), "suggestions": difflib.get_close_matches(name, book.titles, n=1)}))
            continue
        place = f"{book.file} [{ws.title}]"
        if ws.sheet_state != "visible" and ws is not worksheets[0]:
            book.problems.append(Problem("hidden-import-sheet", ERROR, book.file, value=ws.title))
        book.problems += [Problem("merged-cells", ERROR, place, _first_row(ref), value=ref) for ref in _merged(ws)]
        sheet = _sheet(ws, place, book.problems)
        if sheet is not None:
            book.sheets[name] = sheet


def _sheet(ws: Any, place: str, problems: list[Problem]) -> SourceSheet | None:
    """The sheet's header and rows; formulas and error values become problems (the header row is the first one with a value)."""
    lines = _lines(ws, place, problems)
    for number, cells in lines:
        if any(cells):
            break
    else:
        return SourceSheet(ws.title, place, ())  # no header: the reader says which columns it lacks
    try:
        columns = header_columns(cells, file=place, cell=lambda i: f"{get_column_letter(i)}{number}")
    except ReadError as exc:
        problems.append(Problem(exc.code, ERROR, place, number, value=str(exc.params.get("value", "")),
                                params=exc.params))
        for _ in lines:  # the rest of the sheet is still checked for formulas
            pass
        return None
    sheet = SourceSheet(ws.title, place, columns)
    for number, cells in lines:
        row = make_row(number, columns, cells)
        if row is not None:
            sheet.rows.append(row)
    return sheet


def _lines(ws: Any, place: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """Each row's cells as cleaned text; a formula or an error value is a problem and an empty cell."""
    header: list[str] = []
    for number, cells in enumerate(ws.iter_rows(min_row=1, min_col=1), start=1):
        texts = []
        for index, item in enumerate(cells, start=1):
            value = item.value
            if getattr(item, "data_type", None) == "f":  # a text that starts with "=" is text, shown as typed
                problems.append(Problem("import-formula", ERROR, place, number, _column(header, index),
                                        str(value)[:60], {"cell": f"{get_column_letter(index)}{number}"}))
                value = None
            elif isinstance(value, str) and value in ERROR_VALUES:
                problems.append(Problem("error-cell", ERROR, place, number, _column(header, index), value, {
                    "file": place, "sheet": ws.title, "cell": f"{get_column_letter(index)}{number}"}))
                value = None
            texts.append(clean(cell_text(value)))
        if not header and any(texts):
            header = texts
        yield number, texts


def _column(header: list[str], index: int) -> str:
    return header[index - 1] if 0 < index <= len(header) and header[index - 1] else get_column_letter(index)


def _merged(ws: Any) -> list[str]:
    """The merged ranges of a read-only sheet (openpyxl's read-only mode does not parse them: the sheet's XML does).

    Only ``<mergeCell>`` elements are kept; every other element is dropped as it is parsed.
    """
    refs = []
    with ws._get_source() as source:
        for _event, element in iterparse(source):
            if element.tag.endswith("}mergeCell"):
                refs.append(str(element.get("ref", "")))
            element.clear()
    return refs


def _first_row(ref: str) -> int | None:
    digits = "".join(ch for ch in ref.split(":")[0] if ch.isdigit())
    return int(digits) if digits else None


