"""CSV for spreadsheets, written one way: UTF-8 with a BOM, CRLF, and no cell a spreadsheet would run.

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
"""
from __future__ import annotations

import csv
import io
import re
from typing import Any, Iterable, Mapping, Sequence

__all__ = ["safe_cell", "csv_text", "csv_bytes"]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet shows it without running it (see the module)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


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
