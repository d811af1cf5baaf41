"""Read an XLSX data file: the first visible sheet, values as the spreadsheet shows them.

The workbook is opened read-only with the values the spreadsheet saved
(``data_only``). Spreadsheet traps are handled explicitly:

* a number stored in a text column (a phone typed as ``987654321``) becomes text
  without ``.0``; text such as ``+51 984 316 053`` is kept as typed;
* a formula whose value was never saved (a file written by a program, not by a
  spreadsheet) is an error naming the sheet and cell, never an empty value;
* hidden sheets and sheets after the first visible one are ignored, with a note;
* blank or merged header cells are an error; trailing empty rows are skipped.

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> path = pathlib.Path(tempfile.mkdtemp()) / "people.xlsx"
>>> wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Hoja1"
>>> ws.append(["id", "name", "phone"]); ws.append(["person-ana", "Ana", 987654321.0]); ws.append([])
>>> wb.save(path)
>>> table = read_xlsx(path)
>>> table.format, table.sheet, [(r.number, r.values["phone"]) for r in table.rows]
('xlsx', 'Hoja1', [(2, '987654321')])
"""
from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any, Generator, Iterator
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from essgraph.loaders.readers import Note, ReadError, Row, Table, header_columns, make_row

__all__ = ["read_xlsx", "read_sheets", "cell_text", "check_inflation", "BROKEN_FILE", "ERROR_VALUES"]

# What a damaged or foreign file makes openpyxl raise while opening or reading it. With lxml installed
# openpyxl parses with it, and lxml's XMLSyntaxError is a SyntaxError (as the standard library's ParseError is).
BROKEN_FILE = (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError, ParseError, SyntaxError,
               OSError, EOFError)


def read_xlsx(path: Path) -> Table:
    """Read the first visible sheet of an XLSX workbook.

    Parameters
    ----------
    path : Path
        The workbook (size already checked by :func:`~essgraph.loaders.readers.read_table`).

    Returns
    -------
    Table
        ``sheet`` names the sheet read; ``notes`` list ignored sheets.

    Raises
    ------
    ReadError
        ``bad-xlsx``, ``no-sheet``, ``empty-file``, ``blank-header``,
        ``duplicate-header``; while iterating, ``formula-without-value``.
    """
    values_book, formula_book = _open(path)
    notes: list[Note] = []
    visible = []
    for sheet in values_book.worksheets:
        if sheet.sheet_state == "visible":
            visible.append(sheet.title)
        else:
            notes.append(Note("hidden-sheet", {"file": path.name, "value": sheet.title}))
    if not visible:
        _close(values_book, formula_book)
        raise ReadError("no-sheet", file=path.name)
    title = visible[0]
    notes += [Note("extra-sheet", {"file": path.name, "sheet": title, "value": t}) for t in visible[1:]]
    return _table(path, values_book, formula_book, title, notes, close=True)


def read_sheets(path: Path, *, formulas: bool = True) -> dict[str, list[Row] | ReadError]:
    """Every sheet of a small workbook, visible or hidden, opened once and read at once.

    For workbooks that hold several tables (a survey's, see
    :mod:`essgraph.loaders.survey_xlsx`): each sheet's rows after its header, or
    the :class:`ReadError` that stopped it (a formula without a saved value, an
    error cell, a blank header…), so that every sheet's problem is known.
    Without ``formulas`` a formula is an error (``formula-cell``) even with a
    saved value: where every cell should be typed, a formula is a mistake.

    Raises
    ------
    ReadError
        ``bad-xlsx``, ``xlsx-inflates``: the workbook itself cannot be opened.
    """
    values_book, formula_book = _open(path)
    out: dict[str, list[Row] | ReadError] = {}
    try:
        for title in values_book.sheetnames:
            try:
                if not formulas:
                    _refuse_formulas(formula_book[title], title, path.name)
                out[title] = list(_table(path, values_book, formula_book, title, [], close=False).rows)
            except ReadError as exc:
                out[title] = exc
    finally:
        _close(values_book, formula_book)
    return out


def _refuse_formulas(sheet: Any, title: str, name: str) -> None:
    """Raise ``formula-cell`` at the sheet's first formula, saved value or not."""
    try:
        for row in sheet.iter_rows(min_row=1, min_col=1):
            for cell in row:
                if getattr(cell, "data_type", None) == "f":
                    raise ReadError("formula-cell", file=name, sheet=title, row=cell.row, cell=cell.coordinate,
                                    value=str(cell.value)[:60])
    except BROKEN_FILE as exc:
        raise ReadError("bad-xlsx", file=name, reason=type(exc).__name__) from exc


def _open(path: Path) -> tuple[Any, Any]:
    """The workbook read-only twice: with the values a spreadsheet saved, and with its formulas."""
    check_inflation(path)
    try:
        return (load_workbook(path, read_only=True, data_only=True),
                load_workbook(path, read_only=True, data_only=False))
    except BROKEN_FILE as exc:
        raise ReadError("bad-xlsx", file=path.name, reason=type(exc).__name__) from exc


def _table(path: Path, values_book: Any, formula_book: Any, title: str, notes: list[Note], *, close: bool) -> Table:
    """Sheet ``title`` as a :class:`Table` (its header read now, its rows lazily); ``close`` the books at its end."""
    lines = _lines(values_book, formula_book, title, path.name, close=close)
    try:
        for number, cells in lines:
            if any(cells):
                break
        else:
            raise ReadError("empty-file", file=path.name)
        columns = header_columns(cells, file=path.name, cell=lambda i: f"{title}!{get_column_letter(i)}{number}")
    except ReadError:
        lines.close()
        raise
    return Table(path, "xlsx", columns, _rows(lines, columns), sheet=title, notes=notes)


def cell_text(value: Any) -> str:
    """A cell value as the text a planner typed.

    >>> cell_text(987654321.0), cell_text("+51 984 316 053"), cell_text(2016), cell_text(None)
    ('987654321', '+51 984 316 053', '2016', '')
    >>> cell_text(12.5), cell_text(True), cell_text(dt.datetime(2018, 9, 1))
    ('12.5', 'TRUE', '2018-09-01')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _lines(values_book: Any, formula_book: Any, title: str, name: str, *,
           close: bool = True) -> Generator[tuple[int, list[str]], None, None]:
    """Rows of the sheet as text cells, with formulas checked for a saved value; ``close`` the books at the end."""
    try:
        value_rows = values_book[title].iter_rows(min_row=1, min_col=1, values_only=True)
        formula_rows = formula_book[title].iter_rows(min_row=1, min_col=1, values_only=True)
        for number, (values, formulas) in enumerate(zip(value_rows, formula_rows), start=1):
            for index, (value, formula) in enumerate(zip(values, formulas), start=1):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    raise ReadError("formula-without-value", file=name, sheet=title, row=number,
                                    cell=f"{get_column_letter(index)}{number}", value=formula[:60])
                if isinstance(value, str) and value in ERROR_VALUES:
                    raise ReadError("error-cell", file=name, sheet=title, row=number,
                                    cell=f"{get_column_letter(index)}{number}", value=value)
            yield number, [cell_text(v) for v in values]
    except BROKEN_FILE as exc:
        raise ReadError("bad-xlsx", file=name, reason=type(exc).__name__) from exc
    finally:
        if close:
            _close(values_book, formula_book)


#: What a spreadsheet shows in a cell whose formula failed: never data.
ERROR_VALUES = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#GETTING_DATA",
                          "#SPILL!", "#CALC!"})
#: Most that a workbook may inflate to, and the largest compression ratio of one of its parts: a small file
#: whose shared strings inflate to hundreds of MiB is refused before openpyxl reads it.
MAX_INFLATED = 400 * 1024 * 1024
MAX_RATIO = 200


def check_inflation(path: Path) -> None:
    """Refuse a workbook that would inflate past :data:`MAX_INFLATED` (read from its zip directory only)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise ReadError("bad-xlsx", file=path.name, reason=type(exc).__name__) from exc
    total = sum(p.file_size for p in parts)
    worst = max((p.file_size / max(p.compress_size, 1) for p in parts if p.file_size > 1024 * 1024), default=0)
    if total > MAX_INFLATED or worst > MAX_RATIO:
        raise ReadError("xlsx-inflates", file=path.name, size=f"{total / 1024 / 1024:.0f}")


def _rows(lines: Iterator[tuple[int, list[str]]], columns: tuple[str, ...]) -> Iterator[Row]:
    for number, cells in lines:
        row = make_row(number, columns, cells)
        if row is not None:
            yield row


def _close(*books: Any) -> None:
    for book in books:
        book.close()
