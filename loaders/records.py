"""Read every file of a data folder into normalised records, collecting reading problems.

This is the step between the readers (bytes → rows) and validation (rows →
problems): each row becomes a :class:`Record` whose text values are in Unicode
NFC without surrounding spaces; a file that cannot be read becomes a problem
and the other files are still read.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "regions.csv").write_text("id,name\\nmoq,Moquegua\\n\\n", encoding="utf-8")
>>> records, problems = read_records(folder)
>>> [(r.file, r.row, r.values) for r in records.rows["regions"]], problems
([('regions.csv', 2, {'id': 'moq', 'name': 'Moquegua'})], [])
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any, Callable, NamedTuple
from unicodedata import is_normalized

from essgraph.loaders.folder import FILE_KINDS, DatasetConfig, read_config
from essgraph.loaders.readers import ReadError, Table, read_table
from essgraph.loaders.problems import ERROR, WARNING, Problem, TableInfo
from essgraph.loaders.text import INVISIBLE, clean

__all__ = ["PROGRESS_ROWS", "Record", "Records", "read_records", "read_problem"]


class Record(NamedTuple):
    """One data row: its kind, file, 1-based row number and cleaned values by column.

    A named tuple: made by the hundred thousand, it must be cheap to create.
    """

    kind: str
    file: str
    row: int
    values: dict[str, str]
    extra: tuple[str, ...] = ()

    def get(self, column: str) -> str:
        """The value of ``column`` ('' when empty or absent)."""
        return self.values.get(column, "")


@dataclass
class Records:
    """Every record of a data folder, by kind, with the folder's metadata and how files were read."""

    config: DatasetConfig
    rows: dict[str, list[Record]] = field(default_factory=dict)
    tables: list[TableInfo] = field(default_factory=list)

    @property
    def metadata(self) -> dict[str, Any]:
        """The ``[dataset]`` table of dataset.toml."""
        return self.config.metadata


#: Rows between two calls of a ``progress`` callback.
PROGRESS_ROWS = 4096


def read_records(data_dir: str | Path, *, progress: Callable[[int], None] | None = None) -> tuple[Records, list[Problem]]:
    """Read every data file of ``data_dir`` into :class:`Records`.

    Parameters
    ----------
    data_dir : str or Path
        A data folder (see :mod:`essgraph.loaders.folder`).
    progress : callable, optional
        Called as ``progress(rows)`` with the number of rows read since the
        last call, every :data:`PROGRESS_ROWS` rows and at the end of each file.

    Returns
    -------
    (Records, list of Problem)
        The records of every readable file (rows read before a file's error
        are kept), and the problems met while reading: configuration problems,
        read errors and readers' notes (as warnings).
    """
    config, problems = read_config(Path(data_dir))
    records = Records(config, {kind: [] for kind in config.files})
    for kind, paths in config.files.items():
        for path in paths:
            try:
                table = read_table(path)
            except ReadError as exc:
                problems.append(read_problem(exc, path))
                continue
            problems += [Problem(n.code, WARNING, path.name, value=str(n.params.get("value", "")), params=n.params)
                         for n in table.notes]
            columns = tuple(clean(c) for c in table.columns)
            shared = tuple(i for i, c in enumerate(columns) if c in _shared_columns(kind))
            rows = _read_rows(table, columns, shared, kind, records.rows[kind], problems, progress)
            records.tables.append(TableInfo(path.name, kind, table.format, table.encoding, table.delimiter,
                                            table.sheet, columns, rows))
    return records, problems


def _shared_columns(kind: str) -> set[str]:
    """Columns whose values repeat from row to row: vocabularies, references to ids, sections, endpoints."""
    return {p.name for p in FILE_KINDS[kind].columns if p.vocabulary or p.ref} | {"type", "start", "end", "section"}


def _read_rows(table: Table, columns: tuple[str, ...], shared: tuple[int, ...], kind: str, into: list[Record],
               problems: list[Problem], progress: Callable[[int], None] | None) -> int:
    name = table.path.name
    count = 0
    try:
        for row in table.rows:
            cells = row.values.values()
            # One check per row: text already in NFC (nearly always) only needs its spaces trimmed.
            joined = "\n".join(cells)
            trimmed = list(map(str.strip, cells) if joined.isascii() or (
                is_normalized("NFC", joined) and not INVISIBLE.search(joined)) else map(clean, cells))
            for i in shared:  # one string object per distinct value: at 100k rows, ~100 MB less
                trimmed[i] = intern(trimmed[i])
            extra = tuple(clean(x) for x in row.extra) if row.extra else ()
            into.append(Record(kind, name, row.number, dict(zip(columns, trimmed)), extra))
            count += 1
            if progress is not None and not count % PROGRESS_ROWS:
                progress(PROGRESS_ROWS)
    except ReadError as exc:
        problems.append(read_problem(exc, table.path))
    if progress is not None:
        progress(count % PROGRESS_ROWS)
    return count


def read_problem(exc: ReadError, path: Path) -> Problem:
    """The validation problem of a file that cannot be read (located by its row, sheet and cell when known)."""
    params = dict(exc.params)
    params.setdefault("file", path.name)
    return Problem(exc.code, ERROR, path.name, row=params.get("row"),
                   value=str(params.get("value", "")), params=params)
