"""Survey rounds in a data folder: merge checked responses, and apply them when the graph is built.

``essgraph survey merge`` writes four files beside the curated ones (never
touching those): ``survey_ties.csv`` (each reported tie: evidence ``reported``,
the round, who reported it, their words as the quote, and its confirmation),
``survey_reviews.csv`` (verdicts on ties already on record: a denied tie is
flagged, never deleted), ``survey_responses.csv`` (who answered which round;
the answerer's name and contact only with consent, in personal columns) and
``survey_organizations.csv`` (organizations the answers name that the map lacks,
``status = proposed`` for a curator to review). Merging is all-or-nothing (the
merged folder is validated in a copy first), idempotent and atomic per file.

In the built graph, :func:`rounds_of` lists the rounds merged and
:func:`before_round` gives the map as it was before one of them (what
``Cambios desde la ronda anterior`` compares).

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship
>>> nodes = [Node("a", ("Organization",), {}), Node("b", ("Organization",), {})]
>>> rels = [Relationship("MEMBER_OF", "a", "b", {"quote": "q"})]
>>> apply_survey(nodes, rels, {"survey_responses": [{"round": "r2", "respondent": "a"}],
...     "survey_reviews": [{"round": "r2", "respondent": "a", "key": rels[0].key, "verdict": "deny"}]})
>>> nodes[0].properties["survey_rounds"], rels[0].properties["review"]
(['r2'], 'disputed')
>>> from essgraph.graphmodel import build_graph
>>> G = build_graph(nodes, rels + [Relationship("ALLIED_WITH", "a", "b", {"evidence": "reported", "round": "r2"})])
>>> rounds_of(G), before_round(G, "r2").number_of_edges(), "survey_rounds" in before_round(G, "r2").nodes["a"]
(['r2'], 1, False)
"""
from __future__ import annotations

import csv
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx
from essgraph.errors import DataError, ValidationFailed
from essgraph.files import atomic_write
from essgraph.graphmodel import Node, Relationship, SYMMETRIC_TYPES, rel_key
from essgraph.graphmodel.survey import confirmation
from essgraph.loaders.folder import FILE_KINDS, SURVEY_FILES, data_file_bytes
from essgraph.loaders.problems import ERROR, Problem, ValidationReport
from essgraph.loaders.survey import Response
from essgraph.loaders.text import LIST_SEPARATOR, name_key, slugify

__all__ = ["MergeSummary", "merge_responses", "apply_survey", "rounds_of", "before_round"]

_TIES, _REVIEWS, _RESPONSES, _ORGS = (SURVEY_FILES[k][0] for k in
                                      ("relationships", "survey_reviews", "survey_responses", "organizations"))


@dataclass(frozen=True)
class MergeSummary:
    """What a merge changed: new ties, confirmations, disputes, organizations to review."""

    responses: int
    new_ties: int
    mutual: int
    one_sided: int
    disputed: int
    denied_on_record: int
    to_review: tuple[str, ...]
    changed_files: tuple[str, ...]


def apply_survey(nodes: list[Node], relationships: list[Relationship], survey: Mapping[str, list[dict[str, Any]]]
                 ) -> None:
    """Mark, in place, the organizations that answered (``survey_rounds``) and the verdicts on ties (``review``).

    A tie on record that a respondent denies gets ``review = disputed``; one
    only confirmed ``confirmed``; one corrected ``corrected``. Nothing is removed.
    """
    rounds: dict[str, set[str]] = {}
    for row in survey.get("survey_responses", []):
        rounds.setdefault(row["respondent"], set()).add(row["round"])
    for node in nodes:
        if node.id in rounds:
            node.properties["survey_rounds"] = sorted(rounds[node.id])
    verdicts: dict[str, set[str]] = {}
    for row in survey.get("survey_reviews", []):
        verdicts.setdefault(row["key"], set()).add(row["verdict"])
    for rel in relationships:
        found = verdicts.get(rel.key)
        if found:
            rel.properties["review"] = ("disputed" if "deny" in found else "corrected" if "correct" in found
                                        else "confirmed")


def rounds_of(G: nx.MultiDiGraph) -> list[str]:
    """The survey rounds merged into ``G``, in order: by name (name rounds so that they sort, ``ronda-2027``).

    A round counts when an organization answered it or a tie was reported in it.
    The data before any survey (the 2018 report) is round one, not listed.
    """
    found = {str(r) for _, rounds in G.nodes(data="survey_rounds") for r in rounds or ()}
    found.update(str(r) for _, _, r in G.edges(data="round") if r)
    return sorted(found)


def before_round(G: nx.MultiDiGraph, round_name: str) -> nx.MultiDiGraph:
    """The map as it was before round ``round_name``: a copy of ``G`` without that round and the later ones.

    Their reported ties, the organizations they proposed and their marks of who
    answered (``survey_rounds``) are left out. Verdicts on ties on record
    (``review``) stay: they flag a tie, never remove it.
    """
    later = {r for r in rounds_of(G) if r >= round_name}
    sections = {_section(r) for r in later}
    H = G.copy()
    H.remove_edges_from([(u, v, k) for u, v, k, d in G.edges(keys=True, data=True)
                         if d.get("evidence") == "reported" and d.get("round") in later])
    H.remove_nodes_from([n for n, d in G.nodes(data=True) if d.get("section") in sections])
    for node, attrs in H.nodes(data=True):
        if attrs.get("survey_rounds"):
            kept = [r for r in attrs["survey_rounds"] if r not in later]
            if kept:
                attrs["survey_rounds"] = kept
            else:
                del attrs["survey_rounds"]
    return H


def merge_responses(responses: Iterable[Response], data_dir: Path, *, round_name: str,
                    entities: Iterable[tuple[str, str]] = ()) -> MergeSummary:
    """Write checked ``responses`` of round ``round_name`` into ``data_dir`` (see the module).

    ``entities`` are ``(id, name or alias)`` pairs of the map, to catch new
    organizations that are near-duplicates of existing ones.

    Raises
    ------
    essgraph.errors.ValidationFailed
        A response of another round, a new organization that looks like one on
        the map, or a merged folder that would not validate; nothing is written.
    """
    responses = list(responses)
    tables = {name: _read(data_dir / name, _kind_of(name)) for name in (_TIES, _REVIEWS, _RESPONSES, _ORGS)}
    before = {name: list(rows) for name, rows in tables.items()}
    problems: list[Problem] = []
    entities = list(entities)
    known = {name_key(text): entity_id for entity_id, text in entities}
    known.update({entity_id: entity_id for entity_id, _ in entities})  # a new name whose id is taken
    proposed = _merge_orgs(responses, tables[_ORGS], known, round_name, problems)
    for response in responses:
        if response.round != round_name:
            problems.append(Problem("survey-bad-value", ERROR, response.file, None, "round", response.round,
                                    {"allowed": [round_name]}))
    if problems:
        raise ValidationFailed("survey merge: nothing merged", ValidationReport(str(data_dir), problems))
    for response in responses:
        respondent = response.respondent or proposed[name_key((response.new_respondent or {})["name"])]
        _upsert(tables[_RESPONSES], ("round", "respondent"), _response_row(response, respondent))
        for verdict in response.verdicts:
            _upsert(tables[_REVIEWS], ("round", "respondent", "key"), _review_row(response, respondent, verdict))
        def resolve(end: str) -> str:  # a blank form's respondent is "new:<name>" in its ties
            return proposed[name_key(end[4:])] if end.startswith("new:") else end
        for tie in response.ties:
            _add_tie(tables[_TIES], round_name, respondent, response.date, tie.type, resolve(tie.start),
                     resolve(tie.end), tie.year, tie.how)
    denied = {row["key"] for row in tables[_REVIEWS] if row["verdict"] == "deny"}
    _confirm(tables[_TIES], denied)
    changed = {name: rows for name, rows in tables.items() if rows != before[name]}
    _write_checked(data_dir, changed)
    round_ties = [row for row in tables[_TIES] if row["round"] == round_name]
    return MergeSummary(
        responses=len(responses), new_ties=len(tables[_TIES]) - len(before[_TIES]),
        mutual=sum(r["confirmation"] == "mutual" for r in round_ties),
        one_sided=sum(r["confirmation"] == "one-sided" for r in round_ties),
        disputed=sum(r["confirmation"] == "disputed" for r in round_ties),
        denied_on_record=sum(r["verdict"] == "deny" and r["round"] == round_name for r in tables[_REVIEWS]),
        to_review=tuple(sorted(row["id"] for row in tables[_ORGS] if row.get("status") == "proposed")),
        changed_files=tuple(sorted(changed)))


def _merge_orgs(responses: list[Response], rows: list[dict[str, str]], known: Mapping[str, str], round_name: str,
                problems: list[Problem]) -> dict[str, str]:
    """Add the organizations the answers name that the map lacks; ``{name key: id}`` of every proposed one."""
    proposed = {name_key(row["name"]): row["id"] for row in rows}
    for response in responses:
        named = ([response.new_respondent] if response.new_respondent else []) + list(response.new_orgs)
        for org in named:
            key = name_key(org["name"])
            if key in proposed:  # merged before (this or an earlier round): the same proposal
                continue
            match = known.get(key) or known.get(slugify(org["name"]))
            if match:
                problems.append(Problem("survey-near-duplicate", ERROR, response.file, None, "new_orgs.name",
                                        org["name"], {"suggestions": [match]}))
                continue
            org_id = slugify(org["name"])
            proposed[key] = org_id
            rows.append({**dict.fromkeys(FILE_KINDS["organizations"].column_names, ""),
                         "id": org_id, "name": org["name"], "kind": org.get("kind") or "initiative",
                         "status": "proposed", "region": org.get("region", ""), "phone": org.get("contact", ""),
                         "section": _section(round_name), "quote": org["name"],
                         "note": f"propuesta en la encuesta por {response.respondent or 'una organización nueva'} "
                                 f"({response.date}); revisar antes de publicar"})
    return proposed


def _response_row(response: Response, respondent: str) -> dict[str, str]:
    consent = bool(response.answerer.get("consent"))
    return {"round": response.round, "respondent": respondent, "date": response.date,
            "role": str(response.answerer.get("role", "")),
            "person_name": str(response.answerer.get("name", "")) if consent else "",
            "person_contact": str(response.answerer.get("contact", "")) if consent else "",
            "file": response.file, "corrections": response.corrections}


def _review_row(response: Response, respondent: str, verdict: Mapping[str, Any]) -> dict[str, str]:
    kind, start, end = str(verdict["key"]).split(":")[:3]
    return {"round": response.round, "respondent": respondent, "date": response.date, "type": kind,
            "start": start, "end": end, "key": str(verdict["key"]), "verdict": str(verdict["verdict"]),
            "answer": str(verdict.get("answer") or ""), "year": "" if verdict.get("year") is None else str(verdict["year"])}


def _add_tie(rows: list[dict[str, str]], round_name: str, respondent: str, date: str, kind: str, start: str,
             end: str, year: int | None, words: str) -> None:
    """One row per tie and round, whoever reports it (both ends of a symmetric tie are one tie)."""
    for row in rows:
        same = (row["start"], row["end"]) == (start, end) or (
            kind in SYMMETRIC_TYPES and (row["start"], row["end"]) == (end, start))
        if row["round"] == round_name and row["type"] == kind and same:
            who = set(filter(None, row["respondent"].split(LIST_SEPARATOR))) | {respondent}
            row["respondent"] = LIST_SEPARATOR.join(sorted(who))
            if year is not None and (not row["year"] or year < int(row["year"])):
                row["year"] = str(year)
            return
    rows.append({**dict.fromkeys(FILE_KINDS["relationships"].column_names, ""),
                 "type": kind, "start": start, "end": end, "section": _section(round_name), "quote": words,
                 "year": "" if year is None else str(year), "evidence": "reported",
                 "note": f"respuesta del {date}", "round": round_name, "respondent": respondent, "confirmation": ""})


def _section(round_name: str) -> str:
    """The ``section`` of what a round adds: a reported tie, a proposed organization."""
    return f"Encuesta {round_name}"


def _confirm(rows: list[dict[str, str]], denied: set[str]) -> None:
    for row in rows:
        key = rel_key(row["type"], row["start"], row["end"], row["quote"])
        denied_by = {row["start"], row["end"]} if key in denied else set()
        row["confirmation"] = confirmation(reported_by=set(row["respondent"].split(LIST_SEPARATOR)),
                                           denied_by=denied_by, ends=(row["start"], row["end"]))


def _write_checked(data_dir: Path, changed: Mapping[str, list[dict[str, str]]]) -> None:
    """Validate the folder with the changed files in a copy; only then replace them, one atomic write each."""
    if not changed:
        return
    from essgraph.loaders.validation import validate  # validation reads this module's files

    encoded = {name: _encode(name, rows) for name, rows in changed.items()}
    with tempfile.TemporaryDirectory(prefix="essgraph-merge-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy)
        for name, data in encoded.items():
            (copy / name).write_bytes(data)
        report = validate(copy)
    if not report.valid:
        raise ValidationFailed("survey merge: the merged folder would not validate; nothing merged",
                               ValidationReport(str(data_dir), report.problems))
    for name, data in encoded.items():
        atomic_write(data_dir / name, data, error=DataError, hint="check the folder's permissions")


def _kind_of(name: str) -> str:
    return next(kind for kind, names in SURVEY_FILES.items() if name in names)


def _encode(name: str, rows: list[dict[str, str]]) -> bytes:
    columns = [c for c in FILE_KINDS[_kind_of(name)].column_names if any(row.get(c) for row in rows)]
    columns = list(dict.fromkeys(["type", "start", "end"] + columns)) if _kind_of(name) == "relationships" else columns
    return data_file_bytes(columns, rows)


def _read(path: Path, kind: str) -> list[dict[str, str]]:
    """The rows of a survey file, every column of its kind present (empty text where absent)."""
    if not path.is_file():
        return []
    empty = dict.fromkeys(FILE_KINDS[kind].column_names, "")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{**empty, **{k: v or "" for k, v in row.items() if k}} for row in csv.DictReader(handle)]


def _upsert(rows: list[dict[str, str]], key: tuple[str, ...], new: dict[str, str]) -> None:
    for i, row in enumerate(rows):
        if all(row.get(k) == new[k] for k in key):
            rows[i] = {**row, **new}
            return
    rows.append(new)
