"""Read a data file (CSV or XLSX) lazily as dicts, saying how it was read.

:func:`read_table` opens a file and returns a :class:`Table`: what was read
(format, encoding, separator, sheet), the header, notes the user should know
about (an encoding fallback, a ``;`` separator, an ignored hidden sheet) and an
iterator of :class:`Row` objects carrying their 1-based spreadsheet row number.
A file that cannot be read raises :class:`ReadError`, the only exception that
leaves a reader. Readers neither validate nor normalise values: that is
:mod:`essgraph.loaders.validation`'s job.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "regions.csv"
>>> _ = path.write_bytes("id;name\\nlima;Lima\\ncusco;Cusco\\n".encode("cp1252"))
>>> table = read_table(path)
>>> table.format, table.encoding, table.delimiter, table.columns
('csv', 'utf-8', ';', ('id', 'name'))
>>> [note.code for note in table.notes]
['delimiter']
>>> [(row.number, row.values["name"]) for row in table.rows]
[(2, 'Lima'), (3, 'Cusco')]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from essgraph.errors import DataError

from essgraph.loaders.messages import CATALOG

__all__ = ["MAX_BYTES", "FORMATS", "Row", "Note", "Table", "ReadError", "read_table", "checked_format"]

#: Largest data file accepted per format, in bytes. A CSV file is read as a stream,
#: row by row, so a directory of a million organizations (a ~400 MB relationships.csv)
#: fits; an XLSX workbook is unzipped and held in memory whole (and a small zip can
#: hide a huge sheet), so it keeps a tight limit.
MAX_BYTES: dict[str, int] = {"csv": 1024 * 1024 * 1024, "xlsx": 20 * 1024 * 1024}

#: File suffixes that :func:`read_table` reads.
FORMATS = {".csv": "csv", ".xlsx": "xlsx"}


class Row(NamedTuple):
    """One data row: its 1-based spreadsheet row number and its cells by column.

    ``extra`` holds non-empty cells found beyond the last named column. A named
    tuple: made by the hundred thousand, it must be cheap to create.
    """

    number: int
    values: dict[str, str]
    extra: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    """Something a reader did that the user should know about (a warning)."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Table:
    """A file being read: how it is read, its columns, notes and lazy rows."""

    path: Path
    format: str
    columns: tuple[str, ...]
    rows: Iterator[Row]
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    notes: list[Note] = field(default_factory=list)


class ReadError(DataError):
    """A data file cannot be read; ``code`` is a stable slug, ``params`` its location."""

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(f"{CATALOG.t(code, 'en', **params)}: {CATALOG.t(code + '.fix', 'en', **params)}")


def read_table(path: str | Path, *, max_bytes: int | None = None) -> Table:
    """Open a CSV or XLSX data file for reading.

    Parameters
    ----------
    path : str or Path
        The file; its suffix (``.csv`` or ``.xlsx``) chooses the reader.
    max_bytes : int, optional
        Size limit; a larger file is refused before it is read. By default
        :data:`MAX_BYTES` of the file's format (1 GiB for CSV, 20 MiB for XLSX).

    Returns
    -------
    Table
        The header and notes are read at once; ``rows`` is a lazy iterator
        (iterate it once). Blank rows are skipped but keep their numbers.

    Raises
    ------
    ReadError
        Unsupported format, too large, empty, unreadable encoding or layout.
        Iterating ``rows`` may raise it too (bad quoting, formula without value).

    Examples
    --------
    >>> read_table("missing.ods")
    Traceback (most recent call last):
    ...
    essgraph.loaders.readers.ReadError: missing.ods: format '.ods' is not supported: save it as CSV UTF-8 or as .xlsx
    """
    path = Path(path)
    fmt = checked_format(path, max_bytes=max_bytes)
    if fmt == "csv":
        from essgraph.loaders.csv_reader import read_csv

        return read_csv(path)
    from essgraph.loaders.xlsx_reader import read_xlsx

    return read_xlsx(path)


def checked_format(path: Path, *, max_bytes: int | None = None) -> str:
    """The format (``csv`` or ``xlsx``) of a data file that may be read: a known suffix, not empty, not too large.

    Raises
    ------
    ReadError
        ``unsupported-format``, ``unreadable``, ``too-large``, ``empty-file``.
    """
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReadError("unsupported-format", file=path.name, suffix=path.suffix or "(none)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
    limit = MAX_BYTES[fmt] if max_bytes is None else max_bytes
    if size > limit:
        raise ReadError("too-large", file=path.name, size_mb=_mb(size), limit_mb=_mb(limit), format=fmt.upper(),
                        csv_limit_mb=_mb(MAX_BYTES["csv"]))
    if size == 0:
        raise ReadError("empty-file", file=path.name)
    return fmt


def header_columns(cells: list[str], *, file: str, cell: Callable[[int], str] = str) -> tuple[str, ...]:
    """Column names from header cells: trailing blanks dropped, others must be named and unique.

    ``cell`` names the header cell of a 1-based column number (``"C1"`` in a sheet).

    >>> header_columns(["id", " name ", "", ""], file="x.csv")
    ('id', 'name')
    >>> header_columns(["id", "", "name"], file="x.csv")
    Traceback (most recent call last):
    ...
    essgraph.loaders.readers.ReadError: x.csv: header cell 2 is blank or merged: give every column a name from data/SCHEMA.md in the first row (unmerge merged cells)
    """
    names = [c.strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    seen: set[str] = set()
    for index, name in enumerate(names, start=1):
        if not name:
            raise ReadError("blank-header", file=file, cell=cell(index))
        if name in seen:
            raise ReadError("duplicate-header", file=file, cell=cell(index), value=name)
        seen.add(name)
    return tuple(names)


def make_row(number: int, columns: tuple[str, ...], cells: list[str]) -> Row | None:
    """A :class:`Row` from cells, or ``None`` when every cell is blank.

    >>> make_row(5, ("id", "name"), ["a", "A", "", "x"])
    Row(number=5, values={'id': 'a', 'name': 'A'}, extra=('x',))
    >>> make_row(6, ("id",), ["", " "]) is None
    True
    """
    if not "".join(cells).strip():
        return None
    width = len(columns)
    if len(cells) < width:
        cells = cells + [""] * (width - len(cells))
    extra = tuple(c for c in cells[width:] if c.strip()) if len(cells) > width else ()
    return Row(number, dict(zip(columns, cells)), extra)


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}"
