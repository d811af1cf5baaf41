"""Read a CSV data file: strict UTF-8 first, a reported Windows-1252 fallback, separator detection.

The encoding is never guessed: the bytes are decoded as UTF-8 (a BOM is
accepted and dropped); if they are not UTF-8 they are decoded as Windows-1252
(the superset of Latin-1 that Excel uses for "CSV" in Spanish) and the table
carries an ``encoding-fallback`` note; bytes that are neither raise
:class:`~essgraph.loaders.readers.ReadError`. Decoding never replaces a byte, so
no U+FFFD or mojibake is ever produced here. The separator is ``,``; a header
with more ``;`` (Spanish-locale Excel) or tabs than commas is read with that
separator and noted.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "municipalities.csv"
>>> _ = path.write_bytes("id,name\\nmuni-canete,Cañete\\n".encode("cp1252"))
>>> table = read_csv(path)
>>> table.encoding, [n.code for n in table.notes], next(table.rows).values["name"]
('cp1252', ['encoding-fallback'], 'Cañete')
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from .readers import Note, ReadError, Row, Table, header_columns, make_row

__all__ = ["DELIMITERS", "read_csv"]

#: Separators recognised in a header line, the standard one first.
DELIMITERS = (",", ";", "\t")


def read_csv(path: Path) -> Table:
    """Read a CSV file (size already checked by :func:`~essgraph.loaders.readers.read_table`).

    Parameters
    ----------
    path : Path
        The CSV file.

    Returns
    -------
    Table
        ``encoding`` is ``utf-8``, ``utf-8-sig`` (with BOM) or ``cp1252``.

    Raises
    ------
    ReadError
        ``binary-file``, ``bad-encoding``, ``empty-file``, ``single-column``,
        ``blank-header``, ``duplicate-header``; while iterating, ``bad-csv``.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
    text, encoding, notes = _decode(data, path.name)
    if not text.strip():
        raise ReadError("empty-file", file=path.name)
    delimiter = _sniff_delimiter(text)
    if delimiter != ",":
        notes.append(Note("delimiter", {"file": path.name, "value": "TAB" if delimiter == "\t" else delimiter}))
    records = _records(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True), path.name)
    for number, cells in records:
        if any(c.strip() for c in cells):
            break
    else:
        raise ReadError("empty-file", file=path.name)
    columns = header_columns(cells, file=path.name)
    if len(columns) == 1:
        raise ReadError("single-column", file=path.name, value=columns[0][:60])
    return Table(path, "csv", columns, _rows(records, columns), encoding=encoding, delimiter=delimiter, notes=notes)


def _decode(data: bytes, name: str) -> tuple[str, str, list[Note]]:
    if b"\x00" in data:
        raise ReadError("binary-file", file=name)
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode("utf-8-sig"), encoding, []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252", [Note("encoding-fallback", {"file": name})]
    except UnicodeDecodeError as exc:
        bad = data[exc.start:exc.start + 1].hex()
        raise ReadError("bad-encoding", file=name, byte=f"0x{bad}", position=exc.start) from exc


def _sniff_delimiter(text: str) -> str:
    first_line = text.lstrip("\r\n").splitlines()[0]
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


def _records(reader: Iterator[list[str]], name: str) -> Iterator[tuple[int, list[str]]]:
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ReadError("bad-csv", file=name, row=number, reason=str(exc)) from exc
        yield number, cells


def _rows(records: Iterator[tuple[int, list[str]]], columns: tuple[str, ...]) -> Iterator[Row]:
    for number, cells in records:
        row = make_row(number, columns, cells)
        if row is not None:
            yield row
