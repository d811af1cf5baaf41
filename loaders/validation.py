"""Validate a data folder against the graph model and return every problem at once.

:func:`validate` never raises for a data problem: it reads every file it can and
returns a :class:`~essgraph.loaders.problems.ValidationReport` listing each problem
with a stable type slug, a severity, its location and how to fix it. The data
contract is ``data/SCHEMA.md``; the rules come from the graph model
(:data:`~essgraph.graphmodel.NODE_SPECS`, :data:`~essgraph.graphmodel.REL_SPECS`,
the vocabularies), so nothing here repeats them.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "macro_regions.csv").write_text(
...     "id,name,section,quote\\nsur,Sur,3.1,Macro Región Sur\\nsur,Sur,3.1,\\n", encoding="utf-8")
>>> report = validate(folder)
>>> report.valid, [(p.type, p.row) for p in report.problems]
(False, [('duplicate-id', 3), ('empty-quote', 3)])
>>> print(report.problems[0].message("en"))
id 'sur' is already used in macro_regions.csv row 2
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Callable, Iterable

from essgraph.graphmodel import REL_SPECS, REL_TYPES, VOCABULARIES, PropertySpec
from essgraph.graphmodel.schema import is_year_property

from essgraph.loaders.entities import Entities, index_entities
from essgraph.loaders.folder import FILE_KINDS, KindSpec, bundled_data_dir
from essgraph.loaders.records import PROGRESS_ROWS, Record, Records, read_records
from essgraph.loaders.problems import ERROR, WARNING, Problem, TableInfo, ValidationReport
from essgraph.loaders.text import may_be_garbled, repair_mojibake, split_list

__all__ = ["YEAR_RANGE", "validate", "check_records"]

#: Years a ``year`` or ``*_year`` value may take.
YEAR_RANGE = range(1900, 2031)

_INTEGER = re.compile(r"^-?[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def validate(data_dir: str | Path | None = None, *, strict: bool = False) -> ValidationReport:
    """Validate the data folder ``data_dir`` and return a report of every problem.

    Parameters
    ----------
    data_dir : str or Path, optional
        The data folder; the bundled data when omitted.
    strict : bool
        Turn every warning (encoding fallback, garbled text, possible
        duplicate…) into an error.

    Returns
    -------
    ValidationReport
        ``report.valid`` is True when no problem is an error.

    See Also
    --------
    essgraph.loaders.building.build : validates, then builds the graph.
    """
    folder = Path(data_dir) if data_dir is not None else bundled_data_dir()
    records, problems = read_records(folder)
    return check_records(records, problems, strict=strict)


def check_records(records: Records, problems: Iterable[Problem] = (), *, strict: bool = False,
                  progress: Callable[[int], None] | None = None) -> ValidationReport:
    """Check records already read (see :func:`~essgraph.loaders.records.read_records`).

    ``problems`` are the problems met while reading; they are part of the report.
    ``progress``, if given, is called as ``progress(rows)`` with the number of
    records checked since the last call, as :func:`read_records` does.
    """
    found = list(problems)
    missing: set[tuple[str, str]] = set()
    for table in records.tables:
        found += _check_columns(table, FILE_KINDS[table.kind], missing)
    seen: dict[tuple[str, str, str, str], Record] = {}  # relationships by (type, start, end, quote)
    pairs: dict[tuple[str, ...], Record] = {}  # symmetric relationships by (type, sorted pair)
    entities, entity_problems = index_entities(records.rows)
    found += entity_problems
    for kind, rows in records.rows.items():
        spec = FILE_KINDS[kind]
        # Only the columns a rule applies to are looked at in every row.
        checked = tuple(p for p in spec.columns if p.required or p.type in ("int", "float") or p.vocabulary)
        refs = tuple(p for p in spec.columns if p.ref)
        for count, record in enumerate(rows, start=1):
            _check_values(record, checked, missing, found)
            if refs:
                found += _check_refs(record, refs, entities)
            if kind == "relationships":
                _check_relationship(record, entities, seen, pairs, found)
            if progress is not None and not count % PROGRESS_ROWS:
                progress(PROGRESS_ROWS)
        if progress is not None:
            progress(len(rows) % PROGRESS_ROWS)
    report = ValidationReport(str(records.config.data_dir), found, records.tables)
    return report.escalated() if strict else report


def _check_columns(table: TableInfo, spec: KindSpec, missing: set[tuple[str, str]]) -> list[Problem]:
    names = spec.column_names
    problems = []
    for column in table.columns:
        if column not in names:
            problems.append(Problem("unknown-column", WARNING, table.file, 1, column, column, {
                "allowed": list(names), "suggestions": difflib.get_close_matches(column.lower(), names, n=1)}))
    for p in spec.columns:
        if p.required and p.name not in table.columns:
            missing.add((table.file, p.name))
            problems.append(Problem("missing-column", ERROR, table.file, 1, p.name, params={"allowed": list(names)}))
    return problems


def _check_values(record: Record, columns: tuple[PropertySpec, ...], missing: set[tuple[str, str]],
                  problems: list[Problem]) -> None:
    """Append the problems of one record's values to ``problems``."""
    values = record.values
    for p in columns:
        value = values.get(p.name, "")
        if not value:
            if p.required and (record.file, p.name) not in missing:
                _add(problems, record, "empty-quote" if p.name == "quote" else "missing-value", p.name)
            continue
        if p.type == "int" or p.type == "float":
            if p.type == "int" and is_year_property(p.name):
                if not _INTEGER.match(value) or int(value) not in YEAR_RANGE:
                    _add(problems, record, "bad-year", p.name, value)
            elif not (_INTEGER if p.type == "int" else _NUMBER).match(value):
                _add(problems, record, "bad-number", p.name, value)
        if p.vocabulary:
            vocabulary = VOCABULARIES[p.vocabulary]
            if p.type != "list" and value in vocabulary:
                continue
            for item in split_list(value) if p.type == "list" else [value]:
                if item in vocabulary:
                    continue
                if p.vocabulary == "evidence":
                    _add(problems, record, "bad-evidence", p.name, item, type=record.get("type"))
                else:
                    _add(problems, record, "bad-enum", p.name, item, allowed=sorted(vocabulary),
                         suggestions=_close(item, vocabulary))
    if may_be_garbled("\n".join(values.values())):
        for column, value in values.items():
            fixed = repair_mojibake(value)
            if fixed is not None:
                _add(problems, record, "mojibake", column, value, WARNING, fixed=fixed)
            if "\ufffd" in value:
                _add(problems, record, "replacement-character", column, value, WARNING)
    if record.extra:
        _add(problems, record, "extra-cells", "", " | ".join(record.extra)[:80], count=len(record.extra))


def _add(problems: list[Problem], record: Record, type_: str, column: str, value: str = "",
         severity: str = ERROR, **params: object) -> None:
    problems.append(Problem(type_, severity, record.file, record.row, column, value, params))


def _check_refs(record: Record, columns: tuple[PropertySpec, ...], entities: Entities) -> list[Problem]:
    problems = []
    for p in columns:
        value = record.get(p.name)
        if p.ref and value and not entities.has(value, {p.ref}):
            problems.append(Problem("unknown-reference", ERROR, record.file, record.row, p.name, value, {
                "target": p.ref, "suggestions": entities.suggest(value, {p.ref})}))
    return problems


def _check_relationship(record: Record, entities: Entities, seen: dict[tuple[str, str, str, str], Record],
                        pairs: dict[tuple[str, ...], Record], problems: list[Problem]) -> None:
    """Append the problems of one relationship row.

    ``seen`` holds the rows before it by (type, start, end, quote), ``pairs`` the
    symmetric ones by (type, pair): both find duplicates.
    """
    values = record.values
    rel_type, start, end = values.get("type", ""), values.get("start", ""), values.get("end", "")
    spec = REL_SPECS.get(rel_type)
    if rel_type and spec is None:
        _add(problems, record, "unknown-relationship-type", "type", rel_type, allowed=sorted(REL_TYPES),
             suggestions=_close(rel_type.upper(), REL_TYPES))
    start_known, end_known = start in entities, end in entities
    for column, node_id, known in (("start", start, start_known), ("end", end, end_known)):
        if node_id and not known:
            labels = (spec.start_labels if column == "start" else spec.end_labels) if spec else None
            target = "/".join(sorted(labels)) if labels else "node"
            _add(problems, record, "unknown-reference", column, node_id, target=target,
                 suggestions=entities.suggest(node_id, labels))
    if spec and start_known and end_known:
        start_entity, end_entity = entities[start], entities[end]
        start_labels, end_labels = set(start_entity.labels), set(end_entity.labels)
        if not (start_labels & spec.start_labels and end_labels & spec.end_labels):
            swap = bool(start_labels & spec.end_labels and end_labels & spec.start_labels)
            _add(problems, record, "bad-endpoint-label", "type", rel_type, type=rel_type, start=start, end=end,
                 start_label=start_entity.label, end_label=end_entity.label,
                 allowed_start="/".join(sorted(spec.start_labels)),
                 allowed_end="/".join(sorted(spec.end_labels)), swap=swap)
    if start and start == end:
        _add(problems, record, "self-relationship", "end", start, type=rel_type)
    evidence = values.get("evidence", "")
    if spec and spec.always_inferred and evidence in VOCABULARIES["evidence"] and evidence != "inferred":
        _add(problems, record, "bad-evidence", "evidence", evidence, type=rel_type)
    quote = values.get("quote", "")
    key = (rel_type, start, end, quote)
    first = seen.get(key)
    if first is None and spec and spec.symmetric:
        first = seen.get((rel_type, end, start, quote))
    if first is not None:
        _add(problems, record, "duplicate-relationship", "quote", quote[:60], WARNING, type=rel_type, start=start,
             end=end, other_file=first.file, other_row=first.row)
        return
    seen[key] = record
    if spec and spec.symmetric and start and end:
        # One fact between a pair: a second row, in either direction and with any quote, counts it twice.
        first = pairs.setdefault((rel_type, *sorted((start, end))), record)
        if first is not record:
            _add(problems, record, "duplicate-symmetric-tie", "end", end, WARNING, type=rel_type, start=start,
                 end=end, other_file=first.file, other_row=first.row)


def _close(value: str, choices: Iterable[str]) -> list[str]:
    return difflib.get_close_matches(value, list(choices), n=3, cutoff=0.6)
