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
import itertools
import math
import re
import zipfile
from xml.sax.saxutils import escape as xml_escape
from typing import Any, Iterable, Mapping, Sequence

__all__ = ["runs_as_formula", "safe_cell", "csv_text", "csv_bytes", "xlsx_bytes", "Sheet", "PROPERTIES"]

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
    (and a float that is not a number, an empty text) is an empty cell; a list is
    joined with ``|``; characters XML cannot hold are left out. ``properties`` are the
    workbook's document properties (:data:`PROPERTIES`: ``title``, ``keywords``…).

    The Office Open XML package is written here, not through a general library
    (openpyxl took ~45 µs a cell: 20 s for the report's 100,000 organizations):
    one worksheet part per sheet with inline texts, one style part; the same
    bytes on every run (no timestamp).

    >>> import io, openpyxl
    >>> book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes([("T", ["x"], [["+51 984"]])], properties={"title": "Mapa"})))
    >>> book["T"]["A2"].value, book["T"]["A2"].quotePrefix, book.properties.title, book["T"].freeze_panes
    ('+51 984', True, 'Mapa', 'A2')
    """
    unknown = sorted(set(properties or {}) - set(PROPERTIES))
    if unknown:
        raise ValueError(f"unknown workbook properties {unknown}: use {sorted(PROPERTIES)}")
    titles: list[str] = []
    parts = []
    for title, columns, rows in sheets or [("Hoja", [], [])]:
        titles.append(_unique_title(_sheet_title(title), titles))
        parts.append(_worksheet(columns, rows))
    numbers = range(1, len(titles) + 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        _part(package, "[Content_Types].xml", _CONTENT_TYPES.format(sheets="".join(_SHEET_TYPE.format(n=n) for n in numbers)))
        _part(package, "_rels/.rels", _PACKAGE_RELS)
        _part(package, "docProps/core.xml", _CORE.format(properties="".join(
            f"<{PROPERTIES[k]}>{_text(str(v))}</{PROPERTIES[k]}>" for k, v in sorted((properties or {}).items()))))
        _part(package, "xl/workbook.xml", _WORKBOOK.format(sheets="".join(
            f'<sheet name="{_text(t, quote=True)}" sheetId="{n}" r:id="rId{n}"/>' for n, t in zip(numbers, titles))))
        _part(package, "xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(
            sheets="".join(_SHEET_REL.format(n=n) for n in numbers), styles=len(titles) + 1))
        _part(package, "xl/styles.xml", _STYLES)
        for n, part in zip(numbers, parts):
            _part(package, f"xl/worksheets/sheet{n}.xml", part)
    return out.getvalue()


#: The document properties :func:`xlsx_bytes` writes, and their elements in ``docProps/core.xml``.
PROPERTIES = {"title": "dc:title", "subject": "dc:subject", "creator": "dc:creator", "keywords": "cp:keywords",
              "description": "dc:description", "category": "cp:category"}


def _worksheet(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A worksheet part: the header (style 1, bold), then each row's cells (style 2: quote prefix)."""
    letters: list[str] = []
    chunks = [_SHEET_START]
    for r, row in enumerate(itertools.chain([list(map(str, columns))], rows), 1):
        cells = []
        for c, value in enumerate(row):
            if c == len(letters):
                letters.append(_column(c))
            ref = f"{letters[c]}{r}"
            if value is None:
                continue
            kind = type(value)
            if kind is bool:
                cells.append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int):
                cells.append(f'<c r="{ref}"><v>{int.__repr__(value)}</v></c>')
            elif isinstance(value, float):
                if math.isfinite(value):
                    cells.append(f'<c r="{ref}"><v>{float.__repr__(value)}</v></c>')
            else:
                text = _xml_chars("|".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value))
                if not text:
                    continue
                style = ' s="1"' if r == 1 else ' s="2"' if runs_as_formula(text) else ""
                space = ' xml:space="preserve"' if text != text.strip() else ""
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_escaped(text)}</t></is></c>')
        chunks.append(f'<row r="{r}">{"".join(cells)}</row>')
    chunks.append("</sheetData></worksheet>")
    return "".join(chunks).encode("utf-8")


def _text(value: str, *, quote: bool = False) -> str:
    """``value`` as XML text (or, ``quote``, a quoted attribute): see :func:`_xml_chars` and :func:`_escaped`."""
    return _escaped(_xml_chars(value), quote=quote)


def _xml_chars(value: str) -> str:
    """``value`` without the characters XML cannot hold (looked for only in a text that is not all printable)."""
    return value if value.isprintable() else _NOT_XML.sub("", value)


def _escaped(value: str, *, quote: bool = False) -> str:
    """``value`` escaped for XML, a carriage return too (a parser would read it as a line end)."""
    if "&" in value or "<" in value or ">" in value or "\r" in value or (quote and '"' in value):
        return xml_escape(value, _QUOTED if quote else _KEEP_CR)
    return value


def _column(index: int) -> str:
    """The letters of the 0-based column ``index`` (``0`` → ``A``, ``26`` → ``AA``)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _unique_title(title: str, taken: Sequence[str]) -> str:
    """``title``, or with a number when a sheet already has it (Excel compares titles ignoring case)."""
    used = {t.casefold() for t in taken}
    found, n = title, 1
    while found.casefold() in used:
        suffix = str(n)
        found, n = title[:31 - len(suffix)] + suffix, n + 1
    return found


def _part(package: zipfile.ZipFile, name: str, data: str | bytes) -> None:
    """Add one part, dated 1980-01-01 (a fixed date: the same bytes on every run), compressed fast
    (zlib level 1: a worksheet of a million cells in a quarter of level 6's time, a quarter larger)."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    package.writestr(info, data, compresslevel=1)


#: Characters XML 1.0 cannot hold (controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_KEEP_CR = {"\r": "&#13;"}
_QUOTED = {**_KEEP_CR, '"': "&quot;"}
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_SHEET_START = (_XML + f'<worksheet xmlns="{_MAIN}"><sheetViews><sheetView workbookViewId="0">'
                '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft"/></sheetView></sheetViews><sheetData>')
_SHEET_TYPE = ('<Override PartName="/xl/worksheets/sheet{n}.xml" '
               'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
_CONTENT_TYPES = (
    _XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{sheets}'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '</Types>')
_PACKAGE_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
    'core-properties" Target="docProps/core.xml"/></Relationships>')
_CORE = (
    _XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">{properties}</cp:coreProperties>')
_WORKBOOK = (_XML + f'<workbook xmlns="{_MAIN}" xmlns:r="{_RELATIONSHIPS}">'
             '<bookViews><workbookView/></bookViews><sheets>{sheets}</sheets></workbook>')
_SHEET_REL = (f'<Relationship Id="rId{{n}}" Type="{_RELATIONSHIPS}/worksheet" '
              'Target="worksheets/sheet{n}.xml"/>')
_WORKBOOK_RELS = (
    _XML + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{sheets}'
    f'<Relationship Id="rId{{styles}}" Type="{_RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>')
#: Cell styles: 0 plain, 1 the header (bold), 2 a text that would run as a formula (quote prefix).
_STYLES = (
    _XML + f'<styleSheet xmlns="{_MAIN}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>')


def _sheet_title(title: str) -> str:
    """A valid sheet title: no ``[]:*?/\\``, at most 31 characters."""
    return re.sub(r"[\[\]:*?/\\]", " ", title)[:31].strip() or "Hoja"
