"""What a reader of another map's format gives ``essgraph import``: rows of a data folder, located in the source.

A reader (one per format, in :data:`essgraph.loaders.interchange.IMPORT_FORMATS`)
turns a source — a Kumu workbook, the data-entry template, a folder of
Murmurations profiles… — into :class:`Imported`: the rows of each data file
(``organizations.csv``, ``relationships.csv``…; each row a dict of that file's
columns), the problems met while reading (located in the source), and where each
row comes from (:class:`Origin`, with the source's name of every column), so that
validation names the sheet, row and column the user wrote, never a file that was
not written. Every imported row carries its provenance in its ``note``
(:func:`provenance`): the source file, the file's date and the day of the import.

Examples
--------
>>> rows = {"organizations.csv": [{"id": "gresp", "name": "GRESP"}]}
>>> imported = Imported(rows, origins={"organizations.csv": [Origin("mapa.xlsx [Elements]", 2)]},
...                     headers={"mapa.xlsx [Elements]": {"name": "Label"}})
>>> imported.origin("organizations.csv", 0), imported.header("mapa.xlsx [Elements]", "name")
(Origin(place='mapa.xlsx [Elements]', row=2), 'Label')
>>> imported.origin("relationships.csv", 4)
Origin(place='relationships.csv', row=6)
>>> provenance("mapa.xlsx", date="2027-03-01", file_date="2027-02-10", place="Elements", row=12)
'importado de mapa.xlsx (Elements, fila 12; archivo del 2027-02-10) el 2027-03-01'
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, NamedTuple

from essgraph.loaders.problems import ERROR, WARNING, Problem
from essgraph.loaders.text import name_key

__all__ = ["Origin", "Imported", "provenance", "join_note", "add_note", "file_date"]


class Origin(NamedTuple):
    """Where an imported row comes from: a place of the source as the user names it, and its row there."""

    place: str
    row: int | None


@dataclass
class Imported:
    """Rows of a data folder read from a source, the reader's problems and where each row comes from.

    ``rows`` maps a data file name of :data:`essgraph.loaders.folder.DEFAULT_FILES`
    (``organizations.csv``…) to its rows. ``origins``, when the reader gives them,
    holds one :class:`Origin` per row (parallel to ``rows``); ``headers`` maps a
    place to ``{data column: the source's column}``. ``metadata`` adds to the
    ``[dataset]`` table of the folder's dataset.toml (a ``title``…). ``checked``
    says the reader applied the data folder's rules itself and located their
    problems in the source (then they are all in ``problems``, and the import
    does not check the rows again).
    """

    rows: dict[str, list[dict[str, str]]]
    problems: list[Problem] = field(default_factory=list)
    origins: dict[str, list[Origin]] = field(default_factory=dict)
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    metadata: dict[str, str] = field(default_factory=dict)
    checked: bool = False

    def origin(self, file: str, index: int) -> Origin:
        """Where row ``index`` (0-based) of ``file`` comes from: the reader's origin, else that file's own row."""
        origins = self.origins.get(file)
        return origins[index] if origins else Origin(file, index + 2)

    def header(self, place: str, column: str) -> str:
        """The source's name of data ``column`` at ``place`` (the data column's name when the reader gives none)."""
        return self.headers.get(place, {}).get(column, column)

    def match_columns(self, place: str, columns: Iterable[str], known: Mapping[str, str],
                      required: Mapping[str, str], allowed: list[str]) -> dict[str, str]:
        """``{data column: header}`` of a table at ``place`` whose headers are ``columns``, recorded in :attr:`headers`.

        ``known`` maps a header's :func:`~essgraph.loaders.text.name_key` to its data
        column (``""``: a known header that is not read). An unknown header is a
        warning (its values are left out), a missing ``required`` column (data
        column → the header it should have) an error; ``allowed`` lists the
        headers the table may have.

        >>> imported = Imported({})
        >>> imported.match_columns("t.xlsx [orgs]", ["Nombre", "Color"], {"nombre": "name", "id": "id"},
        ...                        {"id": "id", "name": "Nombre"}, ["id", "Nombre"])
        {'name': 'Nombre'}
        >>> [(p.type, p.severity, p.column) for p in imported.problems]
        [('unknown-column', 'warning', 'Color'), ('missing-column', 'error', 'id')]
        """
        found: dict[str, str] = {}
        for column in columns:
            data_column = known.get(name_key(column))
            if data_column is None:
                self.problems.append(Problem("unknown-column", WARNING, place, 1, column, column, {
                    "allowed": allowed, "suggestions": difflib.get_close_matches(column, allowed, n=1)}))
            elif data_column:
                found.setdefault(data_column, column)
        for column, shown in required.items():
            if column not in found:
                self.problems.append(Problem("missing-column", ERROR, place, 1, shown, params={"allowed": allowed}))
        self.headers[place] = found
        return found


def provenance(source: str, *, date: str, file_date: str, place: str | None = None, row: int | None = None) -> str:
    """The note an imported row carries: which file (and place, row), the file's date, the import's day.

    Notes are data and stay in the report's language (Spanish).

    >>> provenance("perfiles", date="2027-03-01", file_date="2027-01-05")
    'importado de perfiles (archivo del 2027-01-05) el 2027-03-01'
    """
    where = ", ".join(filter(None, [place, f"fila {row}" if row is not None else ""]))
    return f"importado de {source} ({where + '; ' if where else ''}archivo del {file_date}) el {date}"


def join_note(*parts: str) -> str:
    """Non-empty parts of a note, joined by ``; ``.

    >>> join_note("nota original", "", "importado de mapa.xlsx")
    'nota original; importado de mapa.xlsx'
    """
    return "; ".join(p for p in parts if p)


def add_note(values: dict[str, str], *parts: str) -> None:
    """Add ``parts`` (an import's own words, in Spanish) to a row's ``note``, and to its ``note_es`` when it has one.

    The Spanish outputs show ``note_es`` when a row has one (:func:`essgraph.graphmodel.note_text`): what an import
    says of the row is added there too, so that every reader sees where the row comes from.

    >>> row = {"note": "a note", "note_es": "una nota"}
    >>> add_note(row, "", "importado de mapa.xlsx"); row
    {'note': 'a note; importado de mapa.xlsx', 'note_es': 'una nota; importado de mapa.xlsx'}
    >>> row = {"note": "", "note_es": ""}
    >>> add_note(row, "importado de mapa.xlsx"); row
    {'note': 'importado de mapa.xlsx', 'note_es': ''}
    """
    for key in ("note", "note_es"):
        if key == "note" or values.get(key):
            values[key] = join_note(values.get(key, ""), *parts)


def file_date(path: Path, saved: dt.datetime | None = None) -> str:
    """A source file's date (``AAAA-MM-DD``): when it was saved (``saved``, from its own metadata), else its mtime.

    >>> import tempfile
    >>> file_date(Path(tempfile.mkdtemp()), dt.datetime(2027, 2, 10, 9, 30))
    '2027-02-10'
    """
    if saved is not None:
        return saved.date().isoformat()
    return dt.date.fromtimestamp(path.stat().st_mtime).isoformat()
