"""An ESSGlobal file's triples as data-folder rows, checked with the data folder's own rules.

:class:`Reader` makes a row of every ``essglobal:SSEInitiative``,
``essglobal:Network`` and essgraph class, and of every tie (an ``rdf:Statement``
with its evidence, or a triple the file asserts without one; a network's
``dcterms:hasPart`` is its member's ``dcterms:isPartOf``). It reads no resource
twice and follows no chain of resources, so cycles of blank nodes cannot make
it loop. The rows go through :func:`~essgraph.loaders.validation.check_records`
(unknown codes, ids, references, with "did you mean"), whose problems are then
located by subject URI and property instead of file row and column; what only
RDF shows (two names, properties and classes it cannot keep) is added.
:func:`essgraph.loaders.essglobal.read_essglobal` is the entry point.
"""
from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator, Mapping

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF
from rdflib.term import Node as Term

from essgraph.graphmodel import NODE_SPECS
from essgraph.graphmodel.schema import PropertySpec
from essgraph.graphmodel.vocab import ESSGLOBAL_BASE, ESSGLOBAL_SCHEMES, VOCABULARIES

from essgraph.loaders.essglobal_terms import (
    AGENT_KEYS, DATASET_TERMS, ESSGLOBAL, FROM_END, GR, PREDICATES, PREFIXES, READ_CLASSES, TIE_TYPES, VCARD, in_column,
)
from essgraph.loaders.folder import DEFAULT_FILES, FILE_KINDS, RELATIONSHIP_COLUMNS, DatasetConfig, bundled_data_dir
from essgraph.loaders.imported import add_note
from essgraph.loaders.problems import ERROR, WARNING, Problem, ValidationReport
from essgraph.loaders.records import Record, Records, read_records
from essgraph.loaders.text import LIST_SEPARATOR, clean, name_key, slugify
from essgraph.loaders.validation import check_records

__all__ = ["ImportResult", "Reader"]


@dataclass
class ImportResult:
    """What :func:`~essgraph.loaders.essglobal.read_essglobal` read: rows by data file, dataset metadata, problems.

    ``rows`` maps a data file (``organizations.csv``, ``municipalities.csv``,
    ``regions.csv``, ``macro_regions.csv``, ``people.csv``,
    ``relationships.csv``) to its rows, each a dict of every column of its kind
    (text; lists joined with ``|``; ``""`` when empty). ``metadata`` is the
    ``[dataset]`` table the file's ``dcat:Dataset`` gives. ``report`` holds every
    problem, each located by the subject's URI and the property
    (``<https://…/gresp> essglobal:legalForm``) in its ``column``; ``problems``
    are those only RDF shows (the rest are the data folder's rules applied to
    the rows, which an import command may apply itself).
    """

    source: Path
    rows: dict[str, list[dict[str, str]]]
    metadata: dict[str, Any]
    report: ValidationReport
    problems: list[Problem]


#: The kinds of data-folder rows an ESSGlobal file gives.
_KINDS = tuple(NODE_SPECS[label].file_key for label in NODE_SPECS) + ("relationships",)


def _local_name(term: Term) -> str:
    return re.split(r"[/#:]", str(term).rstrip("/#"))[-1]


class Reader:
    """One file's graph turned into rows; the problems of RDF the data folder's rules cannot see."""

    def __init__(self, g: Graph, path: Path, day: str) -> None:
        self.g, self.path, self.file, self.day = g, path, path.name, day
        self.names = {str(namespace): prefix for prefix, namespace in PREFIXES.items()}
        self.problems: list[Problem] = []
        self.labels = self._typed_subjects()
        self.ids = self._ids()
        self.places: dict[int, tuple[str, dict[str, str]]] = {}  # row number → subject and column → property

    def result(self) -> ImportResult:
        """The rows, the dataset's metadata and every problem."""
        rows: dict[str, list[Record]] = {kind: [] for kind in _KINDS}
        if not any(label == "Region" for label in self.labels.values()):
            bundled, _ = read_records(bundled_data_dir())  # Peru's departments, with the report's evidence
            for kind in ("regions", "macro_regions"):
                rows[kind] += [Record(kind, "", 0, dict(r.values)) for r in bundled.rows[kind]]
        regions = self._regions(rows["regions"])
        for subject, label in self.labels.items():
            kind = NODE_SPECS[label].file_key
            rows[kind].append(self._record(kind, subject, *self._node_row(subject, label, regions)))
        for subject, row, columns in self._ties():
            rows["relationships"].append(self._record("relationships", subject, row, columns))
        if not any(label == "Organization" for label in self.labels.values()):
            self.problems.append(Problem("rdf-no-organizations", ERROR, self.file))
        self._not_read()
        records = Records(DatasetConfig(self.path), rows)
        checked = check_records(records)
        problems = [self._located(p) for p in checked.problems] + self.problems
        table = {DEFAULT_FILES[kind][0]: [{c: r.values.get(c, "") for c in FILE_KINDS[kind].column_names} for r in found]
                 for kind, found in records.rows.items()}
        report = ValidationReport(str(self.path), problems)
        return ImportResult(self.path, table, self._metadata(), report, self.problems)

    # -- nodes

    def _typed_subjects(self) -> dict[Term, str]:
        labels: dict[Term, str] = {}
        for cls, label in READ_CLASSES.items():
            for subject in sorted(self.g.subjects(RDF.type, cls), key=str):
                labels.setdefault(subject, label)
        return labels

    def _ids(self) -> dict[Term, str]:
        ids: dict[Term, str] = {}
        used: set[str] = set()
        for subject in self.labels:
            given = self.g.value(subject, DCTERMS.identifier)
            name = self.g.value(subject, GR.name)
            wanted = (slugify(str(given)) if given is not None else "") or (
                "" if isinstance(subject, BNode) else slugify(_local_name(subject))) or slugify(str(name or "")) or "x"
            unique, n = wanted, 1
            while unique in used:
                n += 1
                unique = f"{wanted}-{n}"
            used.add(unique)
            ids[subject] = unique
        return ids

    def _regions(self, bundled: list[Record]) -> dict[str, str]:
        """Region ids by name key and by slug of their name: the file's regions, else Peru's departments."""
        pairs = [(self.ids[s], str(self.g.value(s, GR.name) or "")) for s, label in self.labels.items()
                 if label == "Region"] + [(r.get("id"), r.get("name")) for r in bundled]
        lookup: dict[str, str] = {}
        for region_id, name in pairs:
            for key in (name_key(name), slugify(name), region_id):
                lookup.setdefault(key, region_id)
        return lookup

    def _node_row(self, subject: Term, label: str, regions: Mapping[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        spec = NODE_SPECS[label]
        row, columns = {"id": self.ids[subject]}, {}
        address = self._one(subject, ESSGLOBAL.hasAddress, "essglobal:hasAddress")
        for p in spec.properties[1:]:
            predicate = PREDICATES[p.name]
            at = address if p.name == "locality" else subject
            values = list(self.g.objects(at, predicate)) if at is not None else []
            columns[p.name] = self._curie(predicate) if at is subject else f"essglobal:hasAddress/{self._curie(predicate)}"
            if p.name == "region" and not values and address is not None:
                values = [Literal(regions.get(name_key(str(v)), regions.get(slugify(str(v)), slugify(str(v)))))
                          for v in self.g.objects(address, VCARD.region)]
                columns[p.name] = "essglobal:hasAddress/vcard:region"
            row[p.name] = self._cell(subject, p, values, columns[p.name])
        if "web" in spec.columns and not row["web"]:
            row["web"] = str(self.g.value(subject, FOAF.homepage) or "")
        if label == "Organization":
            row["kind"] = row["kind"] or ("network" if (subject, RDF.type, ESSGLOBAL.Network) in self.g else "initiative")
            row["status"] = row["status"] or "unknown"
        if label == "Person":
            row["name"] = row["name"] or row["id"]  # the public export's people are unnamed marks
        self._provenance(row, f"<{subject}> gr:name \"{row['name']}\"" if row.get("name") else f"<{subject}>")
        return row, columns

    def _cell(self, subject: Term, p: PropertySpec, values: list[Term], column: str) -> str:
        texts = [self._text(p, v) for v in values if in_column(p.name, v)]
        if p.type == "list":
            order = list(VOCABULARIES[p.vocabulary]) if p.vocabulary else []
            return LIST_SEPARATOR.join(sorted(set(texts), key=lambda t: (order.index(t) if t in order else len(order), t)))
        if len(set(texts)) > 1:
            self._several(subject, column, sorted(set(texts)))
        return min(texts) if texts else ""

    def _text(self, p: PropertySpec, value: Term) -> str:
        if isinstance(value, URIRef) and (p.ref or p.name == "respondent"):
            return self._id(value)
        scheme = ESSGLOBAL_SCHEMES.get(p.vocabulary or "")
        text = clean(str(value))
        if scheme and isinstance(value, URIRef):
            prefix = f"{ESSGLOBAL_BASE}{scheme}/"
            return text[len(prefix):] if text.startswith(prefix) else text
        if scheme:  # a code or a label written as a literal
            terms = VOCABULARIES[p.vocabulary or ""]
            by_label = {name_key(label): code for code, term in terms.items() for label in (term.es, term.en)}
            return text if text in terms else by_label.get(name_key(text), text)
        return text

    def _id(self, term: Term) -> str:
        return self.ids.get(term) or slugify(_local_name(term)) or str(term)

    def _provenance(self, row: dict[str, str], quote: str) -> None:
        """Fill section and quote the file does not give with where the row comes from, and say so in the note."""
        if row.get("section") and row.get("quote"):
            return
        row["section"] = row.get("section") or self.file
        row["quote"] = row.get("quote") or quote
        add_note(row, f"importado de {self.file} el {self.day}")  # notes are data: in the report's language

    # -- ties

    def _ties(self) -> Iterator[tuple[Term, dict[str, str], dict[str, str]]]:
        """Each tie's subject (its statement, or the node that asserts it), row and column → property."""
        covered: set[tuple[Term | None, Term, Term | None]] = set()
        spoken = {p.name: p for p in RELATIONSHIP_COLUMNS}
        for statement in sorted(self.g.subjects(RDF.type, RDF.Statement), key=str):
            predicate = self._one(statement, RDF.predicate, "rdf:predicate")
            if not isinstance(predicate, URIRef) or predicate not in TIE_TYPES:
                continue
            subject = self._one(statement, RDF.subject, "rdf:subject")
            obj = self._one(statement, RDF.object, "rdf:object")
            covered.add((subject, predicate, obj))
            row, columns = self._ends(TIE_TYPES[predicate], subject, obj, "rdf:subject", "rdf:object")
            columns["type"] = "rdf:predicate"
            for p in RELATIONSHIP_COLUMNS[3:]:
                columns[p.name] = self._curie(PREDICATES[p.name])
                row[p.name] = self._cell(statement, spoken[p.name], list(self.g.objects(statement, PREDICATES[p.name])),
                                         columns[p.name])
            row["evidence"] = row["evidence"] or "imported"
            self._provenance(row, f"<{subject}> {self._curie(predicate)} <{obj}>")
            yield statement, row, columns
        # Triples the read nodes assert without a statement; a network's dcterms:hasPart is its member's isPartOf.
        asserted = [(s, p, o, s, p) for p in TIE_TYPES for s, o in self.g.subject_objects(p) if s in self.labels]
        asserted += [(s, DCTERMS.isPartOf, o, o, DCTERMS.hasPart)
                     for o, s in self.g.subject_objects(DCTERMS.hasPart) if o in self.labels]
        for subject, predicate, obj, where, written in sorted(asserted, key=lambda t: tuple(map(str, t))):
            if (subject, predicate, obj) in covered:
                continue
            covered.add((subject, predicate, obj))
            curie = self._curie(written)
            row, columns = self._ends(TIE_TYPES[predicate], subject, obj, curie, curie)
            row["evidence"], columns["type"] = "imported", curie
            self._provenance(row, f"<{where}> {curie} <{obj if where == subject else subject}>")
            yield where, row, columns

    def _ends(self, rel_type: str, subject: Term | None, obj: Term | None, subject_place: str, object_place: str
              ) -> tuple[dict[str, str], dict[str, str]]:
        """A tie's row (type, start, end) and where start and end are written: ``schema:founder`` runs end to start."""
        ids = [self._id(t) if t is not None else "" for t in (subject, obj)]
        places = [subject_place, object_place]
        if rel_type in FROM_END:
            ids.reverse()
            places.reverse()
        return ({"type": rel_type, "start": ids[0], "end": ids[1]},
                {"start": places[0], "end": places[1]})

    # -- problems and metadata

    def _record(self, kind: str, subject: Term, row: dict[str, str], columns: dict[str, str]) -> Record:
        number = len(self.places) + 1
        self.places[number] = (str(subject), columns)
        return Record(kind, self.file, number, row)

    def _located(self, problem: Problem) -> Problem:
        """A data-folder problem, located by subject URI and property instead of file row and column."""
        if problem.file != self.file or problem.row not in self.places:
            return problem
        subject, columns = self.places[problem.row]
        params = dict(problem.params)
        if params.get("other_row") in self.places:
            params["other_row"] = f"<{self.places[params['other_row']][0]}>"
        column = f"<{subject}> {columns.get(problem.column, problem.column)}".rstrip()
        return replace(problem, row=None, column=column, params=params)

    def _one(self, subject: Term, predicate: URIRef, curie: str) -> Term | None:
        values = sorted(self.g.objects(subject, predicate), key=str)
        if len(values) > 1:
            self._several(subject, curie, [str(v) for v in values])
        return values[0] if values else None

    def _several(self, subject: Term, column: str, values: list[str]) -> None:
        self.problems.append(Problem("rdf-several-values", ERROR, self.file, None, f"<{subject}> {column}",
                                     " | ".join(values)[:200], {"count": len(values)}))

    def _curie(self, term: Term) -> str:
        """``essglobal:legalForm``: essgraph's prefixes first, then the file's own, else ``<iri>``."""
        text = str(term)
        for namespace, prefix in self.names.items():
            if text.startswith(namespace):
                return f"{prefix}:{text[len(namespace):]}"
        with contextlib.suppress(KeyError, ValueError):
            prefix, namespace, local = self.g.namespace_manager.compute_qname(text, generate=False)
            return f"{prefix}:{local}"
        return f"<{text}>"

    def _not_read(self) -> None:
        """Warn, per property and per class, about what the rows leave out."""
        known = set(PREDICATES.values()) | set(TIE_TYPES) | {
            RDF.type, DCTERMS.identifier, DCTERMS.hasPart, ESSGLOBAL.hasAddress, FOAF.homepage}
        address_known = {RDF.type, VCARD.region, VCARD.locality, VCARD["country-name"]}
        addresses = {a for s in self.labels for a in self.g.objects(s, ESSGLOBAL.hasAddress)}
        statements = {s for s in self.g.subjects(RDF.type, RDF.Statement) if self.g.value(s, RDF.predicate) in TIE_TYPES}
        properties: dict[str, int] = {}
        classes: dict[str, int] = {}
        for subject in set(self.g.subjects()):
            if subject in self.labels or subject in addresses:
                allowed = address_known if subject in addresses and subject not in self.labels else known
                for predicate in self.g.predicates(subject):
                    if predicate not in allowed:
                        name = self._curie(predicate)
                        properties[name] = properties.get(name, 0) + 1
            elif subject not in statements and not set(self.g.objects(subject, RDF.type)) & {DCAT.Dataset, FOAF.Agent}:
                for name in [self._curie(c) for c in self.g.objects(subject, RDF.type)] or ["(no rdf:type)"]:
                    classes[name] = classes.get(name, 0) + 1
        self.problems += [Problem("rdf-property-not-read", WARNING, self.file, value=name, params={"count": count})
                          for name, count in sorted(properties.items())]
        self.problems += [Problem("rdf-type-not-read", WARNING, self.file, value=name, params={"count": count})
                          for name, count in sorted(classes.items())]

    def _metadata(self) -> dict[str, Any]:
        dataset = min(self.g.subjects(RDF.type, DCAT.Dataset), key=str, default=None)
        metadata: dict[str, Any] = {}
        if dataset is None:
            return metadata
        for key, predicate in DATASET_TERMS.items():
            values = sorted(clean(str(self.g.value(v, FOAF.name) or v) if key in AGENT_KEYS else str(v))
                            for v in self.g.objects(dataset, predicate))
            if values:
                metadata[key] = values if key == "authors" else values[0]
        return metadata
