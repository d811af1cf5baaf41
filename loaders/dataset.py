"""Turn validated records into model objects: nodes, relationships, metadata and census records.

List cells are split on ``|``, integers parsed, organizations get the labels of
their kind (:func:`~essgraph.graphmodel.labels_for_kind`), and the ``region``
column of organizations and municipalities and the ``macro_region`` column of
regions become ``LOCATED_IN`` relationships carrying the row's evidence.
Cooperative census rows stay plain records (``Dataset.census``); the rows of
survey rounds (``Dataset.survey``) mark who answered and the verdicts on ties
(:func:`~essgraph.loaders.survey_rounds.apply_survey`).

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "macro_regions.csv").write_text("id,name,section,quote\\nsur,Sur,3.1,Macro Región Sur\\n")
>>> _ = (folder / "regions.csv").write_text(
...     "id,name,macro_region,section,quote\\narequipa,Arequipa,sur,3.1,Arequipa\\n")
>>> dataset = load_dataset(folder)
>>> [(n.id, n.labels) for n in dataset.nodes]
[('arequipa', ('Region',)), ('sur', ('MacroRegion',))]
>>> rel = dataset.relationships[0]
>>> rel.type, rel.start, rel.end, rel.properties["note"], rel.properties["note_es"]
('LOCATED_IN', 'arequipa', 'sur', 'from the region column', 'de la columna region')
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from essgraph.errors import ValidationFailed
from essgraph.graphmodel import Node, Relationship, labels_for_kind
from essgraph.graphmodel.schema import PropertySpec

from essgraph.loaders.folder import FILE_KINDS, bundled_data_dir
from essgraph.loaders.records import PROGRESS_ROWS, Record, Records, read_records
from essgraph.loaders.problems import ValidationReport
from essgraph.loaders.survey_rounds import apply_survey
from essgraph.loaders.text import split_list
from essgraph.loaders.validation import check_records

__all__ = ["LOCATION_NOTE", "LOCATION_NOTE_ES", "Dataset", "to_model", "load_dataset"]

#: Note of the ``LOCATED_IN`` relationships derived from ``region`` / ``macro_region`` columns.
LOCATION_NOTE = "from the region column"
#: The same note in Spanish (``note_es``).
LOCATION_NOTE_ES = "de la columna region"

_LOCATION_COLUMNS = {"organizations": "region", "municipalities": "region", "regions": "macro_region"}


@dataclass
class Dataset:
    """Model objects of a data folder, its metadata, census records and validation report."""

    report: ValidationReport
    nodes: list[Node] = field(default_factory=list)
    relationships: list[Relationship] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    census: list[dict[str, Any]] = field(default_factory=list)
    survey: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def load_dataset(data_dir: str | Path | None = None, *, strict: bool = False,
                 progress: Callable[[str, int], None] | None = None) -> Dataset:
    """Validate ``data_dir`` (the bundled data when omitted) and turn it into model objects.

    ``progress``, if given, is called as ``progress(stage, rows)`` with a stage
    (``"read"``, ``"check"``, ``"model"``, in that order) and the number of
    rows that stage went through since the last call.

    >>> stages = []
    >>> _ = load_dataset(progress=lambda stage, rows: stages.append(stage))
    >>> sorted(set(stages), key=stages.index)
    ['read', 'check', 'model']

    Raises
    ------
    essgraph.errors.ValidationFailed
        When validation finds an error; ``exc.report`` lists every problem.
    """
    folder = Path(data_dir) if data_dir is not None else bundled_data_dir()
    def stage(name: str) -> Callable[[int], None] | None:
        return None if progress is None else (lambda rows: progress(name, rows))

    records, problems = read_records(folder, progress=stage("read"))
    report = check_records(records, problems, strict=strict, progress=stage("check"))
    if not report.valid:
        raise ValidationFailed(
            f"{report.summary('en')}: fix the errors listed above", report)
    return to_model(records, report, progress=stage("model"))


def to_model(records: Records, report: ValidationReport, *, progress: Callable[[int], None] | None = None) -> Dataset:
    """Model objects from records that passed validation (``report``).

    Node properties omit the id (it is the node's id) and empty values; the
    ``LOCATED_IN`` relationships are derived as described in the module.
    ``progress``, if given, is called as ``progress(rows)`` as
    :func:`~essgraph.loaders.records.read_records` does.
    """
    dataset = Dataset(report, metadata=dict(records.metadata))
    for kind, spec in FILE_KINDS.items():
        plan = _plan(spec.columns)
        location = _LOCATION_COLUMNS.get(kind)
        rows = records.rows.get(kind, [])
        for count, record in enumerate(rows, start=1):
            if progress is not None and not count % PROGRESS_ROWS:
                progress(PROGRESS_ROWS)
            values = record.values
            props = {name: convert(value) if convert else value
                     for name, convert in plan if (value := values.get(name))}
            if spec.label is not None:
                labels = labels_for_kind(values.get("kind", "")) if spec.label == "Organization" else (spec.label,)
                node_id = props.pop("id")
                dataset.nodes.append(Node(node_id, labels, props))
                if location and values.get(location):
                    dataset.relationships.append(_located_in(record, node_id, values[location]))
            elif kind == "relationships":
                dataset.relationships.append(
                    Relationship(props.pop("type"), props.pop("start"), props.pop("end"), props))
            elif kind == "census":
                dataset.census.append(props)
            else:
                dataset.survey.setdefault(kind, []).append(props)
        if progress is not None:
            progress(len(rows) % PROGRESS_ROWS)
    apply_survey(dataset.nodes, dataset.relationships, dataset.survey)
    return dataset


def _plan(columns: tuple[PropertySpec, ...]) -> list[tuple[str, Callable[[str], Any] | None]]:
    """Each column with the function that turns its non-empty text into a property value (None: kept as text)."""
    return [(p.name, _CONVERT.get(p.type)) for p in columns]


def _number(value: str) -> int | float:
    number = float(value)
    return int(number) if number.is_integer() else number


_CONVERT: dict[str, Callable[[str], Any]] = {"list": split_list, "int": int, "float": _number}


def _located_in(record: Record, start: str, end: str) -> Relationship:
    props = {"section": record.get("section"), "quote": record.get("quote"),
             "evidence": "stated", "note": LOCATION_NOTE, "note_es": LOCATION_NOTE_ES}
    return Relationship("LOCATED_IN", start, end, {k: v for k, v in props.items() if v})
