"""Tables for spreadsheets, written one way: CSV (UTF-8 with a BOM, CRLF) and XLSX, no cell a spreadsheet would run.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
a formula to Excel, LibreOffice and Google Sheets (OWASP "CSV injection"): an
organization named ``=HYPERLINK("http://…")`` would run when a planner opens the
file. :func:`csv_text` prefixes such a text cell with an apostrophe, which the
spreadsheet shows as the text itself. Numbers stay numbers: a value that is an
``int``/``float``, or a text that is only a number (``-12.5``), is written as is.

Examples
--------
>>> print(csv_text(["name", "degree"], [{"name": "=1+2", "degree": -3}, {"name": "Coop", "degree": 2}]), end="")
name,degree
'=1+2,-3
Coop,2
>>> safe_cell("@SUM(A1)"), safe_cell("-12.5"), safe_cell(" = not a formula")
("'@SUM(A1)", '-12.5', ' = not a formula')

XLSX (:func:`xlsx_bytes`) reads right in any locale: numbers are typed numbers (no
decimal comma or ``;`` separator to guess), every text is a text cell — ids such as
``ubigeo`` ``"01"`` keep their zero and ``=1+2`` is shown, never run.

>>> import io, openpyxl
>>> book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([("Tabla", ["id", "n"], [["01", 2.5], ["=1+2", 3]])])))
>>> [[c.value for c in row] for row in book["Tabla"].iter_rows()], book["Tabla"]["A3"].data_type
([['id', 'n'], ['01', 2.5], ['=1+2', 3]], 's')
"""
from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable, Mapping, Sequence

__all__ = ["runs_as_formula", "safe_cell", "csv_text", "csv_bytes", "xlsx_bytes", "Sheet"]

#: One sheet of a workbook: its title (at most 31 characters), column headers and rows.
Sheet = tuple[str, Sequence[str], Iterable[Sequence[Any]]]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def runs_as_formula(value: Any) -> bool:
    """Whether a spreadsheet would take the text ``value``, typed in a cell, for a formula (see the module).

    >>> runs_as_formula("=1+2"), runs_as_formula("+51 984 316 053"), runs_as_formula("-12.5"), runs_as_formula(3)
    (True, True, False, False)
    """
    return isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value)


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it (see the module)."""
    return "'" + value if runs_as_formula(value) else value


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> str:
    """CSV text (CRLF line ends, the header first) of dict or list rows, every cell through :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        values = [row.get(c, "") for c in columns] if isinstance(row, Mapping) else list(row)
        writer.writerow([safe_cell(v) for v in values])
    return out.getvalue()


def csv_bytes(columns: Sequence[str], rows: Iterable[Mapping[str, Any] | Sequence[Any]]) -> bytes:
    """:func:`csv_text` as UTF-8 with a BOM, so that Excel reads the accents right."""
    return ("\ufeff" + csv_text(columns, rows)).encode("utf-8")


def xlsx_bytes(sheets: Sequence[Sheet], *, properties: Mapping[str, str] | None = None) -> bytes:
    """An XLSX workbook of ``sheets``: bold frozen header, typed numbers and booleans, every other value as text.

    A text is written as a text cell whatever it starts with, so nothing runs as a
    formula, and one that would run if typed (:func:`runs_as_formula`) also gets the
    cell's quote prefix (a leading apostrophe typed in Excel), so that editing the
    cell does not turn it into a formula either; its value is unchanged. ``None``
    is an empty cell; a list is joined with ``|``. ``properties`` are the
    workbook's document properties (``title``, ``keywords``…).

    >>> import io, openpyxl
    >>> book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([("T", ["x"], [["+51 984"]])], properties={"title": "Mapa"})))
    >>> book["T"]["A2"].value, book["T"]["A2"].quotePrefix, book.properties.title
    ('+51 984', True, 'Mapa')
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, columns, rows in sheets:
        ws = book.create_sheet(_sheet_title(title))
        ws.freeze_panes = "A2"
        header = []
        for name in columns:
            cell = WriteOnlyCell(ws, value=str(name))
            cell.font = bold
            cell.data_type = "s"
            header.append(cell)
        ws.append(header)
        for row in rows:
            ws.append([_xlsx_cell(ws, value, WriteOnlyCell) for value in row])
    for name, value in (properties or {}).items():
        setattr(book.properties, name, value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_cell(ws: Any, value: Any, make: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float)):
        return value
    cell = make(ws, value="|".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value))
    cell.data_type = "s"  # a text, even one that starts with "="
    if runs_as_formula(cell.value):
        cell.quotePrefix = True
    return cell


def _sheet_title(title: str) -> str:
    """A valid sheet title: no ``[]:*?/\\``, at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Hoja"
