"""``essgraph import``: another map's data as an essgraph data folder, validated, written whole or not at all.

:data:`IMPORT_FORMATS` is the registry of what can be imported: each entry an
:class:`ImportFormat` whose ``read(source, date=…)`` returns
:class:`~essgraph.loaders.imported.Imported` (rows per data file, the reader's
problems, where each row comes from). A format is added by adding one entry.

:func:`import_data` runs a reader, then

1. adds Peru's ``regions.csv`` and ``macro_regions.csv`` (the bundled ones) when
   the source brings none, and writes a region or macro-region given by its name
   as its id;
2. validates the rows with the usual validation
   (:func:`~essgraph.loaders.validation.check_records`): every problem at once,
   located where the user wrote it (``mapa.xlsx [Elements]`` row 12, column
   ``Tipo``), with "did you mean" for unknown values and ids — a source whose
   shape is wrong (a formula, a missing sheet or column) is reported alone;
3. with no error, writes the data files, those reference tables and a
   ``dataset.toml`` (title, source file, its date, the day of the import) into a
   temporary folder beside the target, validates that folder again as it will be
   read, and swaps it in (:func:`essgraph.files.atomic_folder`). With an error
   nothing is written.

The target must be new or empty; ``force`` replaces a data folder (one holding
only data files: ``.csv``, ``.xlsx``, ``dataset.toml``) whole, never anything else.

Examples
--------
>>> import tempfile, openpyxl
>>> folder = Path(tempfile.mkdtemp())
>>> wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Elements"
>>> ws.append(["Label", "Type", "Región"]); ws.append(["Red Sur", "Red", "Arequipa"])
>>> ws.append(["Coop Norte", "Cooperativa", "Cuzco"])
>>> ws = wb.create_sheet("Connections"); ws.append(["From", "To", "Type"]); ws.append(["Coop Norte", "Red Sur", "Miembro de"])
>>> wb.save(folder / "mapa.xlsx")
>>> try:
...     import_data("kumu", folder / "mapa.xlsx", folder / "datos", date="2027-03-01")
... except ValidationFailed as exc:
...     print(exc); print(exc.report.render("en"))
mapa.xlsx: 1 error(s), 0 warning(s): fix the source and import again (nothing was written)
ERROR   mapa.xlsx [Elements]:3  Región  [unknown-reference]
        'Cuzco' in Región is not a known Region id — did you mean cusco (Cusco)?
        fix: use the id of an existing Region row, or add that row
mapa.xlsx: 1 error(s), 0 warning(s)
>>> (folder / "datos").exists()
False
>>> ws = wb["Elements"]; ws["C3"] = "Cusco"; wb.save(folder / "mapa.xlsx")
>>> result = import_data("kumu", folder / "mapa.xlsx", folder / "datos", date="2027-03-01")
>>> result.counts
{'organizations.csv': 2, 'regions.csv': 25, 'macro_regions.csv': 5, 'relationships.csv': 1}
>>> sorted(p.name for p in result.data_dir.iterdir())
['.essgraph-import', 'dataset.toml', 'macro_regions.csv', 'organizations.csv', 'regions.csv', 'relationships.csv']
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Mapping, Protocol

from essgraph.errors import DataError, ValidationFailed
from essgraph.files import atomic_folder

from essgraph.loaders.data_entry import read_template
from essgraph.loaders.folder import CONFIG_FILE, DEFAULT_FILES, FILE_KINDS, DatasetConfig, bundled_rows, data_file_bytes
from essgraph.loaders.imported import Imported, Origin
from essgraph.loaders.murmurations import read_murmurations
from essgraph.loaders.kumu import read_kumu
from essgraph.loaders.problems import ERROR, Problem, TableInfo, ValidationReport
from essgraph.loaders.readers import ReadError
from essgraph.loaders.records import Record, Records, read_problem
from essgraph.loaders.text import name_key
from essgraph.loaders.validation import check_records, validate

__all__ = ["Reader", "ImportFormat", "IMPORT_FORMATS", "IMPORT_MARKER", "ImportedFolder", "import_data"]


class Reader(Protocol):
    """A format's reader: the source (a file or folder) and the day of the import → :class:`Imported`."""

    def __call__(self, source: Path, *, date: str) -> Imported: ...


@dataclass(frozen=True)
class ImportFormat:
    """An importable format: its reader and what its source is (for help texts and errors)."""

    read: Reader
    source: str


def _murmurations(source: Path, *, date: str) -> Imported:
    """A folder of Murmurations profiles (:func:`~essgraph.loaders.murmurations.read_murmurations`).

    Each row is located by its profile file, which the reader writes as the row's section.
    """
    rows, report = read_murmurations(source, date=date)
    origins = {name: [Origin(row.get("section") or name, None) for row in file_rows] for name, file_rows in rows.items()}
    return Imported(rows, list(report.problems), origins,
                    metadata={"title": f"Perfiles Murmurations de {source.name}", "source_format": "murmurations"})


def _essglobal(source: Path, *, date: str) -> Imported:
    """An ESSGlobal Turtle or RDF/XML file (:func:`~essgraph.loaders.essglobal.read_essglobal`).

    The reader checks its rows itself, each problem located by subject URI and property;
    a file that cannot be parsed is one problem. rdflib is imported only when this runs.
    """
    from essgraph.loaders.essglobal import read_essglobal

    try:
        read = read_essglobal(source, date=date)
    except ReadError as exc:
        return Imported({}, [read_problem(exc, source)])
    rows = {name: file_rows for name, file_rows in read.rows.items() if file_rows}
    metadata = {str(k): str(v) for k, v in read.metadata.items() if not isinstance(v, (dict, list))}
    return Imported(rows, list(read.report.problems), metadata={"title": f"ESSGlobal {source.name}", **metadata,
                                                                  "source_format": "essglobal"}, checked=True)


#: What ``essgraph import FORMAT`` reads. Add a format by adding its entry.
IMPORT_FORMATS: dict[str, ImportFormat] = {
    "essglobal": ImportFormat(_essglobal, "an ESSGlobal file: Turtle (.ttl) or RDF/XML (.rdf)"),
    "kumu": ImportFormat(read_kumu, "a Kumu workbook (.xlsx) with Elements and Connections sheets"),
    "murmurations": ImportFormat(_murmurations, "a folder of Murmurations profiles (.json), or one profile"),
    "template": ImportFormat(read_template, "the data-entry workbook of essgraph template, filled in"),
}

#: The file that marks a folder written by an import.
IMPORT_MARKER = ".essgraph-import"
#: The reference tables an import adds from the bundled data when the source brings none.
REFERENCE_FILES = ("regions.csv", "macro_regions.csv")
_DATA_SUFFIXES = (".csv", ".xlsx")


@dataclass(frozen=True)
class ImportedFolder:
    """What an import wrote: the folder, rows per data file, and the warnings (errors stop it)."""

    data_dir: Path
    counts: dict[str, int]
    report: ValidationReport
    metadata: dict[str, Any] = field(default_factory=dict)


def import_data(fmt: str, source: str | Path, out_dir: str | Path, *, force: bool = False,
                date: str | None = None) -> ImportedFolder:
    """Read ``source`` in format ``fmt`` and write it as the data folder ``out_dir`` (see the module).

    Parameters
    ----------
    fmt : str
        A key of :data:`IMPORT_FORMATS`.
    source : str or Path
        What to import (a workbook, a folder of profiles…).
    out_dir : str or Path
        The data folder to write: new or empty, or with ``force`` a data folder to replace.
    force : bool
        Replace a folder that holds data files.
    date : str, optional
        Day of the import (``AAAA-MM-DD``, default today), in each row's note and in dataset.toml.

    Returns
    -------
    ImportedFolder
        The folder, its rows per data file and the warnings.

    Raises
    ------
    essgraph.errors.ValidationFailed
        The source has errors: ``exc.report`` lists every one, located in the
        source; nothing was written.
    essgraph.errors.DataError
        An unknown format, a missing source, or a target folder that may not be written.
    """
    entry = IMPORT_FORMATS.get(fmt)
    if entry is None:
        raise DataError(f"unknown import format '{fmt}': use one of {', '.join(sorted(IMPORT_FORMATS))}",
                        options=("fmt",))
    source, out = Path(source), Path(out_dir)
    if not source.exists():
        raise DataError(f"{source} does not exist: give {entry.source}", options=("source",))
    _check_target(out, source, force)
    day = date or dt.date.today().isoformat()
    imported = entry.read(source, date=day)
    given = {**_reference_rows(imported), **imported.rows}
    rows = {name: given[name] for names in DEFAULT_FILES.values() for name in names if name in given}
    _names_as_ids(rows)
    report = _validate(imported, rows, out, source)
    if not report.valid:
        raise ValidationFailed(f"{report.summary('en')}: fix the source and import again (nothing was written)",
                               report)
    metadata = {"title": f"Importado de {source.name}", "source": source.name, "source_format": fmt,
                **imported.metadata, "imported": day, "mapped_by": "essgraph import", "language": "es"}
    with atomic_folder(out, marker=IMPORT_MARKER, what="an essgraph import", error=DataError, replace=force) as work:
        for name, file_rows in rows.items():
            (work / name).write_bytes(data_file_bytes(FILE_KINDS[_kind(name)].column_names, file_rows))
        (work / CONFIG_FILE).write_text(_dataset_toml(metadata, rows), encoding="utf-8")
        written = validate(work)
        if not written.valid:  # the rows validated: a folder that does not is a bug of the writing
            raise ValidationFailed(f"the imported folder does not validate: {written.summary('en')}", written)
    return ImportedFolder(out, {name: len(r) for name, r in rows.items()}, report, metadata)


def _check_target(out: Path, source: Path, force: bool) -> None:
    """Refuse a target that is a file, holds the source, or holds anything and ``force`` is not given."""
    if out.exists() and not out.is_dir():
        raise DataError(f"{out} is a file: give a folder to write the data into", options=("out_dir",))
    if not out.exists() or not any(out.iterdir()):
        return
    if source.resolve().is_relative_to(out.resolve()):
        raise DataError(f"{source} is inside {out}, which the import would replace: write into another folder",
                        options=("out_dir",))
    if not force:
        raise DataError(f"{out} is not empty: choose a new or empty folder, or force it to replace its data files "
                        "(nothing was written)", options=("out_dir", "force"))
    others = sorted(p.name for p in out.iterdir() if not (p.is_file() and (
        p.suffix.lower() in _DATA_SUFFIXES or p.name in (CONFIG_FILE, IMPORT_MARKER) or p.name.startswith("."))))
    if others:
        raise DataError(f"{out} holds more than data files ({', '.join(others[:3])}…): an import replaces a data "
                        "folder whole, so choose another folder (nothing was written)", options=("out_dir",))


def _reference_rows(imported: Imported) -> dict[str, list[dict[str, str]]]:
    """The bundled regions and macro-regions, for the files the source does not bring."""
    return {name: bundled_rows(name) for name in REFERENCE_FILES if name not in imported.rows}


def _names_as_ids(rows: dict[str, list[dict[str, str]]]) -> None:
    """Write, in place, a region or macro-region given by its name (any case, spacing) as its id."""
    by_name: dict[str, dict[str, str]] = {}
    for name, file_rows in rows.items():
        label = FILE_KINDS[_kind(name)].label
        if label in ("Region", "MacroRegion"):
            for row in file_rows:
                by_name.setdefault(label, {}).setdefault(name_key(row.get("name", "")), row.get("id", ""))
                by_name[label][row.get("id", "")] = row.get("id", "")
    for name, file_rows in rows.items():
        refs = [(p.name, by_name.get(p.ref, {})) for p in FILE_KINDS[_kind(name)].columns if p.ref]
        for row in file_rows:
            for column, ids in refs:
                value = row.get(column, "")
                if value and value not in ids:
                    row[column] = ids.get(name_key(value), value)


def _validate(imported: Imported, rows: Mapping[str, list[dict[str, str]]], out: Path, source: Path
              ) -> ValidationReport:
    """The report of the rows, every problem located in the source (the reader's own problems first)."""
    if imported.checked or any(p.severity == ERROR for p in imported.problems):  # the source's shape: fix it first
        return ValidationReport(source.name, imported.problems)
    if not any(imported.rows.values()):
        return ValidationReport(source.name, imported.problems + [Problem("import-empty", ERROR, source.name)])
    records = Records(DatasetConfig(out, {}, {_kind(name): [out / name] for name in rows}, listed=True))
    for name, file_rows in rows.items():
        kind = _kind(name)
        origins = (imported.origin(name, i) for i in range(len(file_rows)))  # the bundled tables: their own rows
        records.rows.setdefault(kind, []).extend(
            Record(kind, origin.place, origin.row or 0, row) for origin, row in zip(origins, file_rows))
        records.tables.append(TableInfo(name, kind, "csv", None, None, None, FILE_KINDS[kind].column_names,
                                        len(file_rows)))
    report = check_records(records, imported.problems)
    return ValidationReport(source.name, [replace(p, column=imported.header(p.file, p.column)) if p.column else p
                                          for p in report.problems], report.tables)


def _kind(name: str) -> str:
    """The kind of data file ``name`` (``organizations.csv`` → ``organizations``)."""
    for kind, names in DEFAULT_FILES.items():
        if name in names:
            return kind
    raise ValueError(f"{name} is not a data file of data/SCHEMA.md")


def _dataset_toml(metadata: Mapping[str, Any], rows: Mapping[str, list[dict[str, str]]]) -> str:
    """dataset.toml: the ``[dataset]`` table and the ``[files]`` written (strings as JSON, which TOML reads)."""
    lines = ["# Written by essgraph import.", "", "[dataset]"]
    lines += [f"{key} = {json.dumps(str(value), ensure_ascii=False)}" for key, value in metadata.items()]
    lines += ["", "[files]"]
    files: dict[str, list[str]] = {}
    for name in rows:
        files.setdefault(_kind(name), []).append(name)
    lines += [f"{kind} = {json.dumps(names)}" for kind, names in files.items()]
    return "\n".join(lines) + "\n"

