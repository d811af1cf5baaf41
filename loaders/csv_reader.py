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

import codecs
import csv
import io
import itertools
from pathlib import Path
from typing import Iterator

from essgraph.loaders.readers import Note, ReadError, Row, Table, header_columns, make_row

__all__ = ["DELIMITERS", "CHUNK_BYTES", "read_csv"]

#: Separators recognised in a header line, the standard one first.
DELIMITERS = (",", ";", "\t")


#: Bytes read at a time: the file is checked, then parsed, a chunk at a time.
CHUNK_BYTES = 1 << 20


def read_csv(path: Path) -> Table:
    """Read a CSV file (size already checked by :func:`~essgraph.loaders.readers.read_table`).

    The file is streamed: one pass over its bytes checks the encoding (and NUL
    bytes) a chunk at a time, then the rows are parsed lazily from a second
    pass, so memory does not grow with the file.

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
        encoding, notes = _check_encoding(path)
        with open(path, encoding=encoding, newline="") as handle:
            lines = _lines(handle)
            head: list[str] = []
            first = next(lines, "")
            while first and not first.strip("\r\n"):
                head.append(first)
                first = next(lines, "")
            if not first.strip():
                raise ReadError("empty-file", file=path.name)
            delimiter = _sniff_delimiter(first)
            records = _records(csv.reader(itertools.chain(head, [first], lines), delimiter=delimiter, strict=True),
                               path.name)
            for number, cells in records:
                if any(c.strip() for c in cells):
                    break
            else:
                raise ReadError("empty-file", file=path.name)
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
    if delimiter != ",":
        notes.append(Note("delimiter", {"file": path.name, "value": "TAB" if delimiter == "\t" else delimiter}))
    columns = header_columns(cells, file=path.name)
    if len(columns) == 1:
        raise ReadError("single-column", file=path.name, value=columns[0][:60])
    return Table(path, "csv", columns, _rows(path, encoding, delimiter, number, columns), encoding=encoding,
                 delimiter=delimiter, notes=notes)


def _check_encoding(path: Path) -> tuple[str, list[Note]]:
    """The encoding the whole file decodes with: UTF-8 (with or without BOM), else Windows-1252."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    utf8 = True
    with open(path, "rb") as handle:
        bom = handle.read(3) == codecs.BOM_UTF8
        handle.seek(0)
        while chunk := handle.read(CHUNK_BYTES):
            if b"\x00" in chunk:
                raise ReadError("binary-file", file=path.name)
            if utf8:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    utf8 = False
            if not utf8:
                _check_cp1252(path, chunk, offset)
            offset += len(chunk)
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:  # a sequence cut short at the end: the whole file must read as cp1252
            utf8 = False
            with open(path, "rb") as handle:
                offset = 0
                while chunk := handle.read(CHUNK_BYTES):
                    _check_cp1252(path, chunk, offset)
                    offset += len(chunk)
    if utf8:
        return ("utf-8-sig" if bom else "utf-8"), []
    return "cp1252", [Note("encoding-fallback", {"file": path.name})]


def _check_cp1252(path: Path, chunk: bytes, offset: int) -> None:
    """Raise the located ``bad-encoding`` error when ``chunk`` (at ``offset``) has a byte Windows-1252 lacks."""
    try:
        chunk.decode("cp1252")
    except UnicodeDecodeError as exc:
        bad = chunk[exc.start:exc.start + 1].hex()
        raise ReadError("bad-encoding", file=path.name, byte=f"0x{bad}", position=offset + exc.start) from exc


def _lines(handle: io.TextIOWrapper) -> Iterator[str]:
    """The lines of ``handle``, read a chunk at a time (line ends kept, as ``csv`` wants them)."""
    while chunk := handle.read(CHUNK_BYTES):
        if not chunk.endswith("\n"):
            chunk += handle.readline()
        yield from io.StringIO(chunk, newline="")


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] > counts[","] else ","


#: Longest cell a data file may hold (Python's csv module stops at 128 KiB; a long quote is longer).
MAX_FIELD = 16 * 1024 * 1024


def _records(reader: Iterator[list[str]], name: str) -> Iterator[tuple[int, list[str]]]:
    if csv.field_size_limit() < MAX_FIELD:
        csv.field_size_limit(MAX_FIELD)
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


def _rows(path: Path, encoding: str, delimiter: str, header: int, columns: tuple[str, ...]) -> Iterator[Row]:
    """The data rows after record number ``header`` (the file is opened again, as a stream)."""
    try:
        with open(path, encoding=encoding, newline="") as handle:
            records = _records(csv.reader(_lines(handle), delimiter=delimiter, strict=True), path.name)
            for number, cells in records:
                if number > header:
                    row = make_row(number, columns, cells)
                    if row is not None:
                        yield row
    except OSError as exc:
        raise ReadError("unreadable", file=path.name, reason=exc.strerror or str(exc)) from exc
