"""Survey responses of a mapping round: read and check them, every problem at once.

A response is the JSON file the survey form saves (:mod:`essgraph.render.survey_form`),
or the same questionnaire filled in as an XLSX workbook (``.xlsx``, read by
:mod:`essgraph.loaders.survey_xlsx` into the same JSON, its problems located by
sheet and cell); its format is documented in ``docs/survey.md`` and as a JSON
Schema shipped beside this module (``survey-response.schema.json``). :func:`check_responses` reads any
number of files against the map and returns the parsed responses with one
:class:`~essgraph.loaders.problems.ValidationReport` that locates each problem by
file and field (``ties[2].org``), like ``essgraph validate``.

Examples
--------
>>> import json, tempfile
>>> from pathlib import Path
>>> from essgraph.graphmodel import Node, build_graph
>>> G = build_graph([Node("a", ("Organization",), {"name": "A"}), Node("b", ("Organization",), {"name": "B"})], [])
>>> path = Path(tempfile.mkdtemp()) / "r.json"
>>> _ = path.write_text(json.dumps({"format": "essgraph-survey-response", "version": 1, "round": "r2",
...     "date": "2027-03-01", "respondent": {"org": "a"}, "answerer": {"role": "coordinadora"},
...     "ties": [{"org": "bx", "answer": "allied_with"}]}))
>>> responses, report = check_responses([path], G)
>>> print(report.render("en").splitlines()[1])
        'bx' in ties[0].org is not an organization of the map — did you mean b?
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

import networkx as nx

from essgraph.graphmodel import has_label, iter_relationships
from essgraph.graphmodel.survey import RESPONSE_FORMAT, RESPONSE_VERSION, TIE_ANSWERS, VERDICTS
from essgraph.graphmodel.vocab import ORG_KINDS
from essgraph.loaders.problems import ERROR, WARNING, Problem, ValidationReport
from essgraph.loaders.survey_xlsx import Workbook, read_workbook

__all__ = ["Response", "ReportedTie", "check_responses", "MAX_TEXT", "MAX_FILE_BYTES"]

#: Longest free text accepted in an answer, and the largest response file.
MAX_TEXT = 5_000
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_YEAR = 2100
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TOP = {"format", "version", "round", "date", "lang", "respondent", "corrections", "answerer", "recorded", "ties",
        "new_orgs"}
_ACTORS = ("Organization", "Municipality")


@dataclass(frozen=True)
class ReportedTie:
    """One tie a respondent reports, already as the relationship it stands for.

    A respondent not on the map yet (the blank form) stands as ``new:<name>``
    until the merge gives it an id.
    """

    type: str
    start: str
    end: str
    year: int | None
    how: str


@dataclass(frozen=True)
class Response:
    """A checked response: who answered which round, and what."""

    file: str
    round: str
    date: str
    respondent: str | None
    new_respondent: Mapping[str, str] | None
    answerer: Mapping[str, Any]
    verdicts: tuple[Mapping[str, Any], ...]
    ties: tuple[ReportedTie, ...]
    new_orgs: tuple[Mapping[str, str], ...]
    corrections: str


def check_responses(paths: Iterable[str | Path], G: nx.MultiDiGraph) -> tuple[list[Response], ValidationReport]:
    """Read and check response files against the map ``G``; every problem of every file at once."""
    actors = sorted(n for n in G.nodes if any(has_label(G, n, label) for label in _ACTORS))
    on_record: dict[str, set[str]] = {}
    for rel in iter_relationships(G):
        on_record.setdefault(rel.start, set()).add(rel.key)
        on_record.setdefault(rel.end, set()).add(rel.key)
    regions = {n for n in G.nodes if has_label(G, n, "Region")}
    region_names = {**{str(G.nodes[n].get("name", n)): n for n in regions}, **{n: n for n in regions}}
    problems: list[Problem] = []
    responses: list[Response] = []
    seen: dict[tuple[str, str], str] = {}
    for path in map(Path, paths):
        checker = _Checker(path.name, set(actors), actors, on_record, regions)
        if path.suffix.lower() == ".xlsx":  # the same questions as a workbook: located by sheet and cell
            book = read_workbook(path, region_names)
            response = checker.response(book.raw)
            problems += book.problems + [_located(p, book) for p in checker.problems]
        else:
            response = checker.response(_read(path, checker))
            problems += checker.problems
        if response is None or checker.failed:
            continue
        who = (response.round, response.respondent or f"new:{(response.new_respondent or {}).get('name', '')}")
        if who in seen:
            problems.append(Problem("survey-duplicate-response", ERROR, path.name, None, "respondent", who[1],
                                    {"round": who[0], "other": seen[who]}))
            continue
        seen[who] = path.name
        responses.append(response)
    return responses, ValidationReport(", ".join(Path(p).name for p in paths) or "-", problems)


def _read(path: Path, checker: "_Checker") -> Any:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            checker.fail("survey-unreadable", "", reason=f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB")
            return None
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        checker.fail("survey-unreadable", "", reason=str(exc) or type(exc).__name__)
        return None


class _Checker:
    """Collects the problems of one file while turning its JSON into a :class:`Response`."""

    def __init__(self, file: str, known: set[str], actors: list[str], on_record: Mapping[str, set[str]],
                 regions: set[str]) -> None:
        self.file, self.known, self.actors, self.on_record, self.regions = file, known, actors, on_record, regions
        self.problems: list[Problem] = []

    @property
    def failed(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    def fail(self, kind: str, column: str, value: Any = "", severity: str = ERROR, **params: Any) -> None:
        self.problems.append(Problem(kind, severity, self.file, None, column, _short(value), params))

    def response(self, raw: Any) -> Response | None:
        if raw is None:
            return None
        if not isinstance(raw, dict) or raw.get("format") != RESPONSE_FORMAT:
            value = raw.get("format", "") if isinstance(raw, dict) else type(raw).__name__
            self.fail("survey-not-a-response", "format", value)
            return None
        if raw.get("version") != RESPONSE_VERSION:
            self.fail("survey-version", "version", raw.get("version"), expected=RESPONSE_VERSION)
            return None
        for key in sorted(set(raw) - _TOP):
            self.fail("survey-unknown-field", key, severity=WARNING)
        round_name, date = self.text(raw, "round", required=True), self.text(raw, "date", required=True)
        if date and not _DATE.match(date):
            self.fail("survey-bad-value", "date", date, allowed=["AAAA-MM-DD"])
        respondent, new = self.respondent(raw.get("respondent"))
        speaker = respondent or (f"new:{new['name']}" if new else None)
        answerer: dict[str, Any] = raw["answerer"] if isinstance(raw.get("answerer"), dict) else {}
        self.text(answerer, "role", required=True, prefix="answerer.")
        return Response(self.file, round_name, date, respondent, new, answerer,
                        tuple(self.verdicts(_items(raw, "recorded"), respondent)),
                        tuple(self.ties(_items(raw, "ties"), speaker)),
                        tuple(self.new_orgs(_items(raw, "new_orgs"))), self.text(raw, "corrections"))

    def text(self, obj: Mapping[str, Any], key: str, *, required: bool = False, prefix: str = "") -> str:
        value = obj.get(key)
        if value is None or value == "":
            if required:
                self.fail("survey-missing", prefix + key)
            return ""
        if not isinstance(value, str):
            self.fail("survey-bad-value", prefix + key, value, allowed=["text"])
            return ""
        if len(value) > MAX_TEXT:
            self.fail("survey-too-long", prefix + key, value, length=len(value), limit=MAX_TEXT)
            return ""
        return value.strip()

    def org(self, value: Any, column: str) -> str | None:
        if value in self.known:
            return str(value)
        close = difflib.get_close_matches(str(value), self.actors, n=3)
        self.fail("survey-unknown-org", column, value, suggestions=close)
        return None

    def year(self, value: Any, column: str) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= MAX_YEAR:
            self.fail("survey-bad-year", column, value, max_year=MAX_YEAR)
            return None
        return value

    def choice(self, value: Any, column: str, allowed: Iterable[str]) -> str | None:
        allowed = list(allowed)
        if value in allowed:
            return str(value)
        self.fail("survey-bad-value", column, value, allowed=allowed)
        return None

    def respondent(self, raw: Any) -> tuple[str | None, Mapping[str, str] | None]:
        if not isinstance(raw, dict):
            self.fail("survey-missing", "respondent")
            return None, None
        if raw.get("org") is not None:
            return self.org(raw["org"], "respondent.org"), None
        new: dict[str, Any] = raw["new"] if isinstance(raw.get("new"), dict) else {}
        return None, self.new_org(new, "respondent.new.")

    def verdicts(self, items: list[Any], respondent: str | None) -> Iterable[Mapping[str, Any]]:
        for i, item in enumerate(items):
            at = f"recorded[{i}]."
            if not isinstance(item, dict):
                self.fail("survey-bad-value", at[:-1], item, allowed=["{…}"])
                continue
            key = item.get("key")
            if respondent is not None and key not in self.on_record.get(respondent, set()):
                self.fail("survey-unknown-tie", at + "key", key)
                continue
            verdict = self.choice(item.get("verdict"), at + "verdict", VERDICTS)
            answer = item.get("answer")
            if verdict == "correct" and answer not in (None, ""):
                self.choice(answer, at + "answer", TIE_ANSWERS)
            yield {"key": key, "verdict": verdict, "answer": answer or None, "year": self.year(item.get("year"), at + "year")}

    def ties(self, items: list[Any], respondent: str | None) -> Iterable[ReportedTie]:
        first: dict[tuple[str, str], int] = {}
        for i, item in enumerate(items):
            at = f"ties[{i}]."
            if not isinstance(item, dict):
                self.fail("survey-bad-value", at[:-1], item, allowed=["{…}"])
                continue
            other, answer = self.org(item.get("org"), at + "org"), self.choice(item.get("answer"), at + "answer", TIE_ANSWERS)
            year, how = self.year(item.get("since"), at + "since"), self.text(item, "how", prefix=at)
            if other is None or answer is None or respondent is None:
                continue
            if other == respondent:
                self.fail("survey-self-tie", at + "org", other)
                continue
            if (other, answer) in first:
                self.fail("survey-duplicate", at[:-1], other, other=f"ties[{first[other, answer]}]")
                continue
            first[other, answer] = i
            kind = TIE_ANSWERS[answer]
            start, end = (respondent, other) if kind.outgoing else (other, respondent)
            yield ReportedTie(kind.type, start, end, year, how or kind.term.es)

    def new_orgs(self, items: list[Any]) -> Iterable[Mapping[str, str]]:
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                self.fail("survey-bad-value", f"new_orgs[{i}]", item, allowed=["{…}"])
                continue
            org = self.new_org(item, f"new_orgs[{i}].")
            if org:
                yield org

    def new_org(self, raw: Mapping[str, Any], at: str) -> dict[str, str] | None:
        name = self.text(raw, "name", required=True, prefix=at)
        region, kind = raw.get("region") or "", raw.get("kind") or ""
        if region and region not in self.regions:
            self.fail("survey-bad-value", at + "region", region, allowed=sorted(self.regions))
        if kind and kind not in ORG_KINDS:
            self.fail("survey-bad-value", at + "kind", kind, allowed=sorted(ORG_KINDS))
        return {"name": name, "region": region, "kind": kind, "contact": self.text(raw, "contact", prefix=at)} if name else None


def _located(problem: Problem, book: Workbook) -> Problem:
    """A workbook's problem located by its row and cell (``Vínculos!B5``) instead of the field's path,
    its allowed values as the workbook's dropdowns show them."""
    found = book.cells.get(problem.column)
    if found is None:
        return problem
    params = problem.params
    if isinstance(params.get("allowed"), list):
        params = {**params, "allowed": [book.labels.get(v, v) for v in params["allowed"]]}
    return replace(problem, row=found[0], column=found[1], params=params)


def _items(raw: Mapping[str, Any], key: str) -> list[Any]:
    value = raw.get(key) or []
    return value if isinstance(value, list) else [value]


def _short(value: Any) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= 80 else text[:77] + "…"
