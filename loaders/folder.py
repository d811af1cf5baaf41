"""The layout of a data folder: which files hold which kind of rows, and their columns.

``dataset.toml`` gives the dataset metadata (its ``[dataset]`` table) and the
files per kind (its ``[files]`` table). Without it, :data:`DEFAULT_FILES` (the
files named in ``data/SCHEMA.md``) are read where present. A file listed as
``x.csv`` may be given as ``x.xlsx`` instead.

Examples
--------
>>> sorted(FILE_KINDS)
['census', 'macro_regions', 'municipalities', 'organizations', 'people', 'regions', 'relationships', 'survey_responses', 'survey_reviews']
>>> FILE_KINDS["regions"].label, FILE_KINDS["relationships"].label
('Region', None)
>>> [c.name for c in FILE_KINDS["relationships"].columns][:3]
['type', 'start', 'end']
>>> bundled_data_dir().name
'data'
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from functools import lru_cache
from typing import Any, Iterable, Mapping, NamedTuple

from essgraph.graphmodel import EVIDENCE_PROPERTIES, NODE_SPECS, PropertySpec
from essgraph.graphmodel.survey import RESPONSE_PROPERTIES, REVIEW_PROPERTIES, SURVEY_TIE_PROPERTIES

from essgraph.loaders.readers import FORMATS
from essgraph.loaders.problems import ERROR, WARNING, Problem

__all__ = [
    "CONFIG_FILE", "CENSUS_COLUMNS", "RELATIONSHIP_COLUMNS", "FILE_KINDS", "DEFAULT_FILES", "SURVEY_FILES",
    "KindSpec", "DatasetConfig", "read_config", "bundled_data_dir", "Department", "departments", "bundled_rows", "data_file_bytes",
]

#: The metadata file of a data folder.
CONFIG_FILE = "dataset.toml"

#: Columns of relationship files.
RELATIONSHIP_COLUMNS: tuple[PropertySpec, ...] = (
    PropertySpec("type", required=True),
    PropertySpec("start", required=True),
    PropertySpec("end", required=True),
) + EVIDENCE_PROPERTIES + SURVEY_TIE_PROPERTIES

#: Columns of the cooperative census file (Anexo 1 figures; records, not nodes).
CENSUS_COLUMNS: tuple[PropertySpec, ...] = (
    PropertySpec("table", required=True),
    PropertySpec("dimension", required=True),
    PropertySpec("category", required=True),
    PropertySpec("count", "int"),
    PropertySpec("percent", "float"),
) + tuple(p for p in EVIDENCE_PROPERTIES if p.name != "evidence")


@dataclass(frozen=True)
class KindSpec:
    """A kind of data file: its name in ``[files]``, its columns and the node label it holds (if any)."""

    name: str
    columns: tuple[PropertySpec, ...]
    label: str | None = None

    @property
    def column_names(self) -> tuple[str, ...]:
        """The column names, in order."""
        return tuple(c.name for c in self.columns)


#: Every kind of data file, by its key in dataset.toml's ``[files]`` table.
FILE_KINDS: dict[str, KindSpec] = {
    **{spec.file_key: KindSpec(spec.file_key, spec.properties, spec.label) for spec in NODE_SPECS.values()},
    "relationships": KindSpec("relationships", RELATIONSHIP_COLUMNS),
    "census": KindSpec("census", CENSUS_COLUMNS),
    "survey_responses": KindSpec("survey_responses", RESPONSE_PROPERTIES),
    "survey_reviews": KindSpec("survey_reviews", REVIEW_PROPERTIES),
}

#: Files that ``essgraph survey merge`` writes: read wherever they exist, listed in dataset.toml or not.
SURVEY_FILES: dict[str, list[str]] = {
    "organizations": ["survey_organizations.csv"],
    "relationships": ["survey_ties.csv"],
    "survey_responses": ["survey_responses.csv"],
    "survey_reviews": ["survey_reviews.csv"],
}

#: Files read when a folder has no dataset.toml (as in data/SCHEMA.md).
DEFAULT_FILES: dict[str, list[str]] = {
    "organizations": ["organizations.csv", "networks.csv"],
    "municipalities": ["municipalities.csv"],
    "regions": ["regions.csv"],
    "macro_regions": ["macro_regions.csv"],
    "people": ["people.csv"],
    "relationships": ["relationships.csv", "people_relationships.csv", "contacts.csv"],
    "census": ["cooperative_census.csv"],
}


@dataclass
class DatasetConfig:
    """A data folder's metadata and its files per kind, as paths that exist.

    ``listed`` is True when the files come from dataset.toml (a listed file that
    does not exist is then an error), False for :data:`DEFAULT_FILES`.
    """

    data_dir: Path
    metadata: dict[str, Any] = field(default_factory=dict)
    files: dict[str, list[Path]] = field(default_factory=dict)
    listed: bool = False


def read_config(data_dir: Path) -> tuple[DatasetConfig, list[Problem]]:
    """Read ``dataset.toml`` (if any) and find the data files of ``data_dir``.

    Returns the configuration and the problems found: a broken dataset.toml,
    a bad ``[files]`` table, listed files that are missing, data files that are
    not listed, or no data file at all.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "regions.csv").write_text("id,name\\n", encoding="utf-8")
    >>> config, problems = read_config(folder)
    >>> [p.name for p in config.files["regions"]], problems
    (['regions.csv'], [])
    """
    problems: list[Problem] = []
    metadata: dict[str, Any] = {}
    wanted: dict[str, list[str]] = DEFAULT_FILES
    listed = False
    toml_path = data_dir / CONFIG_FILE
    if toml_path.is_file():
        try:
            # utf-8-sig: Windows Notepad starts the file with a byte-order mark
            document = _plain_toml(tomllib.loads(toml_path.read_text(encoding="utf-8-sig")))
        except RecursionError:
            problems.append(Problem("bad-dataset-toml", ERROR, CONFIG_FILE,
                                    params={"reason": "values nested too deeply"}))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
            problems.append(Problem("bad-dataset-toml", ERROR, CONFIG_FILE, params={"reason": str(exc)}))
        else:
            metadata = document.get("dataset", {})
            if not isinstance(metadata, dict):
                problems.append(Problem("bad-dataset-toml", ERROR, CONFIG_FILE,
                                        params={"reason": "[dataset] is not a table"}))
                metadata = {}
            if "files" in document:
                wanted, file_problems = _files_table(document["files"])
                problems += file_problems
                listed = True
    config = DatasetConfig(data_dir, metadata, {}, listed)
    used: set[str] = set()
    for kind, names in wanted.items():
        for name in names:
            path = _resolve(data_dir, name)
            if path is None:
                if listed:
                    problems.append(Problem("missing-file", ERROR, name))
                continue
            config.files.setdefault(kind, []).append(path)
            used.add(path.name)
    for kind, names in SURVEY_FILES.items():
        for name in names:
            path = _resolve(data_dir, name)
            if path is not None and path.name not in used:
                config.files.setdefault(kind, []).append(path)
                used.add(path.name)
    for path in sorted(data_dir.iterdir()) if data_dir.is_dir() else []:
        if path.suffix.lower() in FORMATS and path.name not in used and not path.name.startswith((".", "~$")):
            problems.append(Problem("unlisted-file", WARNING, path.name))
    if not config.files:
        problems.append(Problem("no-data", ERROR, str(data_dir)))
    return config, problems


def _plain_toml(value: Any) -> Any:
    """TOML dates and times as ISO text, so that the metadata is plain JSON-able data everywhere.

    >>> import datetime as dt
    >>> _plain_toml({"date": dt.date(2018, 9, 1), "list": [dt.time(9, 30)]})
    {'date': '2018-09-01', 'list': ['09:30:00']}
    """
    if isinstance(value, dict):
        return {k: _plain_toml(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_toml(v) for v in value]
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    return value


class Department(NamedTuple):
    """One of Peru's departments as the bundled data has it: id, name, macro-region (or ""), INEI code."""

    id: str
    name: str
    macro_region: str
    ubigeo: str


@lru_cache(maxsize=1)
def departments() -> tuple[Department, ...]:
    """Peru's 24 departments and Callao: the one table (``data/regions.csv``) that synth and the map read.

    >>> len(departments()), departments()[0]
    (25, Department(id='amazonas', name='Amazonas', macro_region='nor-oriente', ubigeo='01'))
    """
    return tuple(Department(r["id"], r["name"], r["macro_region"], r["ubigeo"]) for r in bundled_rows("regions.csv"))


def bundled_rows(name: str) -> list[dict[str, str]]:
    """The rows of the bundled data file ``name``, every value text (empty cells as ``""``).

    >>> [(r["id"], r["name"]) for r in bundled_rows("macro_regions.csv")][:2]
    [('lima-centro', 'Lima Centro'), ('lima-nacional', 'Lima Nacional')]
    """
    with (bundled_data_dir() / name).open(encoding="utf-8-sig", newline="") as handle:
        return [{k: v or "" for k, v in row.items()} for row in csv.DictReader(handle)]


def data_file_bytes(columns: Iterable[str], rows: Iterable[Mapping[str, object]]) -> bytes:
    """A data file as the loaders read it: CSV in UTF-8, the header first, one row per dict (other keys ignored).

    What ``essgraph synth``, ``survey merge`` and ``import`` write into a data folder.

    >>> data_file_bytes(["id", "name"], [{"id": "moq", "name": "Moquegua", "extra": 1}])
    b'id,name\\nmoq,Moquegua\\n'
    """
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue().encode("utf-8")


def bundled_data_dir() -> Path:
    """The folder of the data bundled with essgraph (package ``essgraph.data``)."""
    return Path(str(files("essgraph.data")))


def _resolve(data_dir: Path, name: str) -> Path | None:
    path = data_dir / name
    if path.is_file():
        return path
    for suffix in FORMATS:
        other = path.with_suffix(suffix)
        if other.is_file():
            return other
    return None


def _files_table(table: Any) -> tuple[dict[str, list[str]], list[Problem]]:
    allowed = sorted(FILE_KINDS)
    problems: list[Problem] = []
    wanted: dict[str, list[str]] = {}

    def bad(reason: str) -> None:
        problems.append(Problem("bad-files-table", ERROR, CONFIG_FILE, params={"reason": reason, "allowed": allowed}))

    if not isinstance(table, dict):
        bad("not a table")
        return wanted, problems
    for kind, names in table.items():
        if kind not in FILE_KINDS:
            bad(f"unknown kind '{kind}'")
            continue
        names = [names] if isinstance(names, str) else names
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            bad(f"'{kind}' is not a list of file names")
            continue
        for name in names:
            if Path(name).name != name or Path(name).suffix.lower() not in FORMATS:
                bad(f"'{name}' is not a .csv or .xlsx file name of this folder")
            else:
                wanted.setdefault(kind, []).append(name)
    return wanted, problems
