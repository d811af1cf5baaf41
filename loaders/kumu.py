"""The Kumu workbook (https://kumu.io): the graph as Kumu's ``Elements`` and ``Connections`` sheets, and back.

Kumu maps relationships from a spreadsheet: an ``Elements`` sheet whose first
column is ``Label`` and a ``Connections`` sheet whose first columns are ``From``
and ``To``; ``Type``, ``Description``, ``Tags`` (values split by ``|``), ``URL``,
``Email`` and ``ID`` are Kumu's own fields and every other column becomes a field
of its own. With an ``ID`` column on the elements, ``From`` and ``To`` name ids.

:func:`kumu_workbook` writes the organizations, municipalities (and, with personal
data, the people) as elements — ``Label`` the name, ``ID`` essgraph's id (so that a
round trip keeps the ids), ``Type`` the kind of organization, ``Tags`` the
ESSGlobal themes — and every relationship between them as a connection
(``Description`` the quote, then the evidence, section, year, note). Codes are
written as their labels (Spanish by default), regions by name, lists joined by
``|``, numbers as numbers; the other fields' headers are Spanish (``Sigla``,
``Región``…; English with ``lang="en"``) while Kumu's own keep Kumu's names. The
map's measures (degree, betweenness, role, cut point, community, connected group),
when given, are fields of the elements too. No cell holds a formula
(:func:`essgraph.spreadsheet.xlsx_bytes`).

:func:`read_kumu` reads such a workbook (essgraph's, or any Kumu map's with
essgraph's kinds and types) back as data-folder rows for ``essgraph import``:
labels or codes, in Spanish or English, become codes; a connection names its
ends by ID or by label (several ``To`` split by ``|``). What it cannot read is
passed on as written, so that validation says where and offers what was
probably meant. Every row keeps the section, quote and year the workbook gives
(else the file's name and the row's own words) and a note of where it comes
from; a tie's evidence becomes ``imported`` (``inferred`` stays ``inferred``),
what the workbook said is kept in the note.

Examples
--------
>>> import tempfile
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network",
...                        "themes": ["T15"], "status": "active", **ev}),
...                  Node("coop", ("Organization",), {"name": "=Coop", "kind": "cooperative", "status": "active",
...                        "founded_year": 2016, **ev})],
...                 [Relationship("MEMBER_OF", "coop", "gresp", {**ev, "year": 2017})])
>>> path = Path(tempfile.mkdtemp()) / "mapa.xlsx"
>>> _ = path.write_bytes(kumu_workbook(G, measures={"coop": {"degree": 1, "articulation_point": False}}))
>>> imported = read_kumu(path, date="2027-03-01")
>>> [(r["id"], r["name"], r["kind"], r["themes"], r["founded_year"]) for r in imported.rows["organizations.csv"]]
[('coop', '=Coop', 'cooperative', '', '2016'), ('gresp', 'GRESP', 'network', 'T15', '')]
>>> tie = imported.rows["relationships.csv"][0]
>>> tie["type"], tie["start"], tie["end"], tie["evidence"], tie["year"], tie["quote"]
('MEMBER_OF', 'coop', 'gresp', 'imported', '2017', 'q')
>>> imported.origin("relationships.csv", 0), imported.header("mapa.xlsx [Connections]", "start")
(Origin(place='mapa.xlsx [Connections]', row=2), 'From')
"""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx

from essgraph.graphmodel import NODE_SPECS, REL_SPECS, carries_label, is_valid_id, iter_nodes, iter_relationships
from essgraph.graphmodel.vocab import EVIDENCE, ORG_KINDS, THEMES, VOCABULARIES, Term
from essgraph.spreadsheet import Sheet, xlsx_bytes

from essgraph.loaders.folder import FILE_KINDS, RELATIONSHIP_COLUMNS
from essgraph.loaders.imported import Imported, Origin, add_note, file_date, provenance
from essgraph.loaders.messages import CATALOG
from essgraph.loaders.problems import ERROR, Problem
from essgraph.loaders.readers import Row
from essgraph.loaders.text import LIST_SEPARATOR, name_key, slugify, split_list
from essgraph.loaders.workbook import SourceSheet, read_named_sheets

__all__ = ["SHEETS", "KUMU_FIELDS", "MEASURES", "ELEMENT_COLUMNS", "CONNECTION_COLUMNS", "header", "kumu_workbook",
           "read_kumu"]

#: Kumu's two sheets.
SHEETS = ("Elements", "Connections")
#: Data columns written in Kumu's own fields, per sheet (Kumu reads these headers by name).
KUMU_FIELDS: dict[str, dict[str, str]] = {
    "Elements": {"name": "Label", "id": "ID", "kind": "Type", "description": "Description", "themes": "Tags",
                 "web": "URL", "email": "Email"},
    "Connections": {"start": "From", "end": "To", "type": "Type", "quote": "Description", "direction": "Direction",
                    "key": "ID"},
}
#: The map's measures an element may carry (keys of ``measures`` in :func:`kumu_workbook`).
MEASURES = ("degree", "betweenness", "network_role", "articulation_point", "community", "component")
#: Labels of the nodes that are elements (people only with personal data).
_ELEMENT_LABELS = ("Organization", "Municipality", "Person")
#: Columns of the Elements sheet: Kumu's fields first, then every column of the element labels' data files.
ELEMENT_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    ["name", "id", "kind", "description", "themes"]
    + [p.name for label in _ELEMENT_LABELS for p in NODE_SPECS[label].properties]))
#: Columns of the Connections sheet: From, To, Type, the quote as Description, the rest of the evidence.
CONNECTION_COLUMNS: tuple[str, ...] = tuple(dict.fromkeys(
    ["start", "end", "type", "quote", "evidence", "section", "year", "note"]
    + [p.name for p in RELATIONSHIP_COLUMNS] + ["direction", "key"]))
_ALWAYS = {"Elements": ("name", "id", "kind", "description", "themes"),
           "Connections": ("start", "end", "type", "quote", "direction", "key")}
_FILES = {"Organization": "organizations.csv", "Municipality": "municipalities.csv", "Person": "people.csv"}
_PLACES = ("region", "macro_region")


def header(column: str, lang: str = "es", sheet: str = "Elements") -> str:
    """The header of data ``column`` in ``sheet``: Kumu's field name, else its label in ``lang``.

    >>> header("name"), header("acronym"), header("acronym", "en"), header("degree"), header("start", sheet="Connections")
    ('Label', 'Sigla', 'Acronym', 'Grado (vínculos)', 'From')
    """
    kumu = KUMU_FIELDS[sheet].get(column)
    if kumu is not None:
        return kumu
    return CATALOG.t(f"measure.{column}" if column in MEASURES else f"column.{column}", lang)


def kumu_workbook(G: nx.MultiDiGraph, *, lang: str = "es", measures: Mapping[str, Mapping[str, Any]] | None = None,
                  people: bool = False, confidential: str = "") -> bytes:
    """The Kumu workbook of ``G`` (see the module), as XLSX bytes.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph to write as it is (the caller makes it public).
    lang : {"es", "en"}
        Language of the field headers and of the labels of codes.
    measures : mapping, optional
        Per node id, values of :data:`MEASURES` to write as fields.
    people : bool
        Write people (personal data) as elements too, with their ``REPRESENTS`` ties.
    confidential : str
        When given, a first sheet ``CONFIDENCIAL (ignore)`` (Kumu skips sheets
        named ``… (ignore)``) says so, and so does the workbook's keywords.
    """
    labels = _ELEMENT_LABELS if people else _ELEMENT_LABELS[:2]
    names = {node: str(data.get("name", node)) for node, data in G.nodes(data=True)
             if carries_label(data, "Region", "MacroRegion")}
    elements = [_element_row(node.id, node.labels, node.properties, lang, names, (measures or {}).get(node.id))
                for node in iter_nodes(G) if carries_label({"labels": node.labels}, *labels)]
    written = {row["id"] for row in elements}
    connections = [_connection_row(rel.type, rel.start, rel.end, rel.key, rel.properties, lang)
                   for rel in iter_relationships(G) if rel.start in written and rel.end in written]
    extra = MEASURES if measures is not None else ()
    sheets: list[Sheet] = [("CONFIDENCIAL (ignore)", [confidential], [])] if confidential else []
    for sheet, rows, columns in (("Elements", elements, ELEMENT_COLUMNS + extra),
                                 ("Connections", connections, CONNECTION_COLUMNS)):
        shown = [c for c in columns if c in _ALWAYS[sheet] or c in extra or any(r.get(c) not in (None, "") for r in rows)]
        sheets.append((sheet, [header(c, lang, sheet) for c in shown],
                       [[None if row.get(c) == "" else row.get(c) for c in shown] for row in rows]))
    title = str(dict(G.graph.get("dataset", {})).get("title") or "")
    return xlsx_bytes(sheets, properties={"title": title, "keywords": confidential})


def read_kumu(source: str | Path, *, date: str | None = None) -> Imported:
    """Read a Kumu workbook's ``Elements`` and ``Connections`` as rows of a data folder (see the module).

    Parameters
    ----------
    source : str or Path
        The ``.xlsx`` workbook.
    date : str, optional
        Day of the import (``AAAA-MM-DD``, default today), written in each row's note.

    Returns
    -------
    Imported
        Rows for ``organizations.csv``, ``municipalities.csv``, ``people.csv`` and
        ``relationships.csv``, each located by sheet and row, with the sheets'
        headers; the problems of the workbook itself (a formula, merged cells, a
        hidden sheet, a missing sheet or column: then no row), and warnings for
        columns that are no field of essgraph (left out).
    """
    path = Path(source)
    book = read_named_sheets(path, SHEETS, required=SHEETS)
    imported = Imported({}, list(book.problems))
    if not book.valid:
        return imported
    day = date or dt.date.today().isoformat()
    made = {"source": path.name, "date": day, "file_date": file_date(path, book.saved)}
    elements, connections = book.sheets["Elements"], book.sheets["Connections"]
    element_columns = _columns(elements, "Elements", ("name",), imported)
    connection_columns = _columns(connections, "Connections", ("start", "end", "type"), imported)
    if any(p.severity == ERROR for p in imported.problems):
        return imported
    if not elements.rows:
        imported.problems.append(Problem("import-empty", ERROR, elements.place))
        return imported
    ids = _element_ids(elements.rows, element_columns)
    refs = _references(elements.rows, element_columns, ids)
    for row, node_id in zip(elements.rows, ids):
        file, values = _element_values(row, element_columns, node_id, elements, made)
        _add(imported, file, values, Origin(elements.place, row.number))
    for row in connections.rows:
        for values in _connection_values(row, connection_columns, refs, connections, made):
            _add(imported, "relationships.csv", values, Origin(connections.place, row.number))
    imported.metadata = {"title": book.title or f"Mapa Kumu {path.name}", "source": path.name,
                         "source_format": "kumu", "source_date": made["file_date"]}
    return imported


# -- writing ------------------------------------------------------------------------------------

def _element_row(node_id: str, labels: tuple[str, ...], props: Mapping[str, Any], lang: str,
                 names: Mapping[str, str], measures: Mapping[str, Any] | None) -> dict[str, Any]:
    label = next(lab for lab in _ELEMENT_LABELS if lab in labels)
    spec = NODE_SPECS[label]
    row: dict[str, Any] = {"id": node_id}
    for p in spec.properties:
        value = props.get(p.name)
        if value in (None, "", [], ()) or p.name == "id":
            continue
        if p.vocabulary and p.name != "kind":
            vocabulary = VOCABULARIES[p.vocabulary]
            value = [vocabulary[v].label(lang) if v in vocabulary else v for v in value] if p.type == "list" else (
                vocabulary[value].label(lang) if value in vocabulary else value)
        elif p.name in _PLACES:
            value = names.get(value, value)
        row[p.name] = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, (list, tuple)) else value
    kind = props.get("kind")
    row["kind"] = ORG_KINDS[kind].label(lang) if label == "Organization" and kind in ORG_KINDS else (
        kind or "" if label == "Organization" else spec.term.label(lang))
    if label != "Organization" and props.get("macro_region"):  # derived for every node: a field of the map
        row["macro_region"] = names.get(props["macro_region"], props["macro_region"])
    for key, value in (measures or {}).items():
        row[key] = CATALOG.t("yes" if value else "no", lang) if isinstance(value, bool) else value
    return row


def _connection_row(rel_type: str, start: str, end: str, key: str, props: Mapping[str, Any],
                    lang: str) -> dict[str, Any]:
    spec = REL_SPECS.get(rel_type)
    row: dict[str, Any] = {"start": start, "end": end, "type": spec.term.label(lang) if spec else rel_type,
                           "direction": "mutual" if spec and spec.symmetric else "directed", "key": key}
    for p in RELATIONSHIP_COLUMNS:
        value = props.get(p.name)
        if value in (None, "", [], ()) or p.name in row:
            continue
        if p.vocabulary:
            value = VOCABULARIES[p.vocabulary][value].label(lang) if value in VOCABULARIES[p.vocabulary] else value
        row[p.name] = LIST_SEPARATOR.join(map(str, value)) if isinstance(value, (list, tuple)) else value
    return row


# -- reading ------------------------------------------------------------------------------------

def _columns(sheet: SourceSheet, name: str, required: Iterable[str], imported: Imported) -> dict[str, str]:
    """``{data column: header}`` of a sheet (see :meth:`~essgraph.loaders.imported.Imported.match_columns`).

    A column the sheet lacks is named, in the problems of its rows, by the header it would have.
    """
    found = imported.match_columns(sheet.place, sheet.columns, _known_headers(name),
                                   {c: header(c, "en", name) for c in required}, _allowed(name))
    columns = ELEMENT_COLUMNS if name == "Elements" else CONNECTION_COLUMNS
    imported.headers[sheet.place] = {**{c: header(c, "es", name) for c in columns}, **found}
    return found


@lru_cache(maxsize=2)
def _known_headers(sheet: str) -> dict[str, str]:
    """Every header a column of ``sheet`` may have (Kumu's, Spanish, English, the data column's name) → the data column."""
    columns = ELEMENT_COLUMNS + MEASURES if sheet == "Elements" else CONNECTION_COLUMNS
    known: dict[str, str] = {}
    for column in columns:
        labels = CATALOG.messages.get(f"column.{column}", ())  # "Tipo de organización" names Kumu's Type too
        for spelling in (column, header(column, "es", sheet), header(column, "en", sheet), *labels):
            known.setdefault(name_key(spelling), "" if column in MEASURES else column)
    return known


def _allowed(sheet: str) -> list[str]:
    columns = ELEMENT_COLUMNS + MEASURES if sheet == "Elements" else CONNECTION_COLUMNS
    return list(dict.fromkeys(header(c, "es", sheet) for c in columns))


def _element_ids(rows: list[Row], columns: Mapping[str, str]) -> list[str]:
    """Each element's id: its ``ID`` when that is a valid id, else a slug of its ID or label (``-2``… when taken)."""
    given = [row.values.get(columns["id"], "") if "id" in columns else "" for row in rows]
    taken = {value for value in given if is_valid_id(value)}
    ids = []
    for row, value in zip(rows, given):
        if is_valid_id(value):
            ids.append(value)
            continue
        base = slugify(value or row.values.get(columns["name"], ""))
        node_id, n = base, 2
        while node_id in taken:
            node_id, n = f"{base}-{n}", n + 1
        if node_id:
            taken.add(node_id)
        ids.append(node_id)
    return ids


def _references(rows: list[Row], columns: Mapping[str, str], ids: list[str]) -> dict[str, str]:
    """What a connection's From or To may say → the element's id: its ID or new id, or a label only one element has."""
    refs: dict[str, str] = {}
    by_label: dict[str, set[str]] = {}
    for row, node_id in zip(rows, ids):
        if "id" in columns and row.values.get(columns["id"]):
            refs[row.values[columns["id"]]] = node_id
        refs[node_id] = node_id
        by_label.setdefault(name_key(row.values.get(columns["name"], "")), set()).add(node_id)
    for label, found in by_label.items():
        if len(found) == 1 and label:
            refs.setdefault(label, next(iter(found)))
    return refs


def _element_values(row: Row, columns: Mapping[str, str], node_id: str, sheet: SourceSheet,
                    made: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The data file of an element and its row (see the module for what each column becomes)."""
    cells = {column: row.values.get(source, "") for column, source in columns.items()}
    label, kind = _element_kind(cells.get("kind", ""))
    spec = NODE_SPECS[label]
    values = dict.fromkeys(spec.columns, "")
    values.update({p.name: _codes(cells.get(p.name, ""), p.vocabulary, p.type == "list") if p.vocabulary
                   else cells.get(p.name, "") for p in spec.properties})
    values["id"] = node_id
    notes = []
    if "id" in columns and cells.get("id") and cells["id"] != node_id:
        notes.append(f"id en el mapa de origen: {cells['id']}")
    if label == "Organization":
        values["kind"] = kind or "initiative"
        values["status"] = values["status"] or "unknown"
        if not kind:
            notes.append("tipo no indicado en el mapa de origen: iniciativa")
    tags = split_list(cells.get("themes", ""))
    themes = [_code(t, THEMES) for t in tags]
    if label == "Organization":
        values["themes"] = LIST_SEPARATOR.join(t for t in themes if t in THEMES)
    other = [tag for tag, code in zip(tags, themes) if code not in THEMES or label != "Organization"]
    if other:
        notes.append("etiquetas: " + ", ".join(other))
    values["section"] = values["section"] or made["source"]
    values["quote"] = values["quote"] or cells.get("name", "")
    add_note(values, *notes, provenance(made["source"], date=made["date"], file_date=made["file_date"],
                                        place=sheet.title, row=row.number))
    return _FILES[label], values


def _element_kind(value: str) -> tuple[str, str]:
    """(label, organization kind) of an element's ``Type``: a municipality, a person, else an organization's kind.

    >>> _element_kind("Municipalidad"), _element_kind("cooperativa"), _element_kind("Red"), _element_kind("")
    (('Municipality', ''), ('Organization', 'cooperative'), ('Organization', 'network'), ('Organization', ''))
    """
    for label in ("Municipality", "Person"):
        if name_key(value) in {name_key(label), name_key(NODE_SPECS[label].term.es), name_key(NODE_SPECS[label].term.en)}:
            return label, ""
    if name_key(value) in {name_key("Organization"), name_key(NODE_SPECS["Organization"].term.es)}:
        return "Organization", ""
    return "Organization", _code(value, ORG_KINDS)


def _connection_values(row: Row, columns: Mapping[str, str], refs: Mapping[str, str], sheet: SourceSheet,
                       made: Mapping[str, str]) -> list[dict[str, str]]:
    """The relationship rows of one connection (one per From × To when they list several elements)."""
    cells = {column: row.values.get(source, "") for column, source in columns.items()}
    base = dict.fromkeys(FILE_KINDS["relationships"].column_names, "")
    for p in RELATIONSHIP_COLUMNS:
        value = cells.get(p.name, "")
        base[p.name] = _codes(value, p.vocabulary, p.type == "list") if p.vocabulary else value
    base["type"] = _code(cells.get("type", ""), _REL_TERMS)
    said = base["evidence"]
    base["evidence"] = "imported" if said in ("", "stated", "reported", "imported") else said
    add_note(base, f"evidencia en el mapa de origen: {said}" if said in ("stated", "reported") else "",
             provenance(made["source"], date=made["date"], file_date=made["file_date"], place=sheet.title, row=row.number))
    base["section"] = base["section"] or made["source"]
    starts = split_list(cells.get("start", "")) or [""]
    ends = split_list(cells.get("end", "")) or [""]
    out = []
    for start in starts:
        for end in ends:
            values = dict(base, start=_resolve(start, refs), end=_resolve(end, refs))
            values["quote"] = values["quote"] or f"{start} → {end}"
            out.append(values)
    return out


def _resolve(value: str, refs: Mapping[str, str]) -> str:
    return refs.get(value) or refs.get(name_key(value)) or value


_REL_TERMS: dict[str, Term] = {t: spec.term for t, spec in REL_SPECS.items()}


def _codes(value: str, vocabulary: str | None, is_list: bool) -> str:
    """Labels (Spanish or English) or codes of ``vocabulary`` as codes; what is neither stays as written."""
    if not value or vocabulary is None:
        return value
    terms = VOCABULARIES[vocabulary]
    if not is_list:
        return _code(value, terms)
    return LIST_SEPARATOR.join(_code(v, terms) for v in split_list(value))


def _code(value: str, terms: Mapping[str, Term]) -> str:
    """The code whose code or label is ``value`` (regardless of case and spacing), else ``value``.

    >>> _code("Declarado en el informe", EVIDENCE), _code("member of", _REL_TERMS), _code("Coop", ORG_KINDS)
    ('stated', 'MEMBER_OF', 'Coop')
    """
    index = _INDEXES.get(id(terms))
    if index is None:
        index = _INDEXES[id(terms)] = {}
        for code, term in terms.items():
            for spelling in (code, term.es, term.en):
                index.setdefault(name_key(spelling), code)
    return index.get(name_key(value), value)


_INDEXES: dict[int, dict[str, str]] = {}  # by id() of a vocabulary: the vocabularies are module constants


def _add(imported: Imported, file: str, values: dict[str, str], origin: Origin) -> None:
    imported.rows.setdefault(file, []).append(values)
    imported.origins.setdefault(file, []).append(origin)
