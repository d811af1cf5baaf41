"""Survey answers in an XLSX workbook: its layout, and a filled one read as the response it stands for.

``essgraph survey make --xlsx`` writes beside each HTML form the same questionnaire
as a workbook (:mod:`essgraph.render.survey_xlsx`): answer sheets with dropdowns,
a hidden sheet of the dropdowns' lists (:data:`LISTS_SHEET`) and a hidden sheet
:data:`META_SHEET` saying what the workbook is (format, version, round, language,
respondent) and the title of each answer sheet. :func:`read_workbook` turns a
filled workbook into the JSON a form saves, so that
:func:`essgraph.loaders.survey.check_responses` checks both alike, and says which
cell each answer came from, so that every problem is located by sheet and cell.

Every answer sheet has its column keys (:data:`COLUMNS`) in row 1 (hidden), the
header the respondent reads in row 2, and the answers from row :data:`FIRST_ROW`.
Choices are written as their labels (``Somos miembros de``) and read back in
either language; an organization as ``Name (id)`` (:func:`org_choice`). Cells are
read by :mod:`essgraph.loaders.xlsx_reader`: a formula (with a saved value or not)
or an error cell is a problem naming the file, sheet and cell.

Examples
--------
>>> org_choice("gresp", "Grupo Red"), _org_id("Grupo Red (Lima) (gresp)"), _org_id("gresp")
('Grupo Red (gresp)', 'gresp', 'gresp')
>>> _code("tenemos una alianza con ", choice_codes(TIE_ANSWERS)), _code("Yes", choice_codes(YES_NO))
('allied_with', 'yes')
"""
from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from openpyxl.utils import get_column_letter

from essgraph.graphmodel.survey import TIE_ANSWERS, VERDICTS, TieAnswer
from essgraph.graphmodel.vocab import ORG_KINDS, Term
from essgraph.loaders.problems import Problem
from essgraph.loaders.readers import ReadError, Row, checked_format
from essgraph.loaders.records import read_problem
from essgraph.loaders.text import name_key
from essgraph.loaders.xlsx_reader import read_sheets

__all__ = ["META_SHEET", "LISTS_SHEET", "FIRST_ROW", "COLUMNS", "ABOUT", "YES_NO", "WRITTEN_STAMP", "Workbook",
           "org_choice", "choice_codes", "read_workbook"]

#: The hidden sheet that says what the workbook is, and the hidden sheet of the dropdowns' lists.
META_SHEET = "essgraph"
LISTS_SHEET = "listas"
#: The first row of answers in an answer sheet (row 1: column keys, hidden; row 2: the header).
FIRST_ROW = 3
#: The columns of each answer sheet, by key.
COLUMNS: dict[str, tuple[str, ...]] = {
    "about": ("field", "question", "answer"),
    "recorded": ("key", "tie", "quote", "section", "year", "verdict", "answer", "new_year"),
    "ties": ("org", "answer", "since", "how"),
    "new_orgs": ("name", "region", "kind", "contact"),
}
#: The rows of the ``about`` sheet a respondent answers (its ``field`` column), and where each goes in a response.
ABOUT: dict[str, str] = {
    "name": "respondent.new.name", "acronym": "respondent.new.acronym", "region": "respondent.new.region",
    "kind": "respondent.new.kind", "corrections": "corrections", "role": "answerer.role",
    "person": "answerer.name", "contact": "answerer.contact", "consent": "answerer.consent", "date": "date",
}
#: The consent box as a dropdown.
YES_NO: dict[str, Term] = {"yes": Term("Sí", "Yes"), "no": Term("No", "No")}

_ORG_ID = re.compile(r"\(([^()]+)\)\s*$")
#: The last-saved time essgraph writes into a workbook's properties (a fixed one: the same form is the same file).
WRITTEN_STAMP = "2000-01-01T00:00:00Z"


@dataclass
class Workbook:
    """A filled workbook read: the response it stands for (None when unreadable), where each answer came from."""

    raw: dict[str, Any] | None
    cells: dict[str, tuple[int, str]] = field(default_factory=dict)  # field path → (row, "Sheet!C5")
    problems: list[Problem] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # a code → its label in the workbook's dropdowns


def org_choice(org_id: str, name: str) -> str:
    """An organization as its dropdown shows it: ``Name (id)``."""
    return f"{name} ({org_id})"


def choice_codes(terms: Mapping[str, Term] | Mapping[str, TieAnswer]) -> dict[str, str]:
    """``{label or code, case-folded: code}`` for a vocabulary of :class:`Term` (or of :class:`TieAnswer`)."""
    out: dict[str, str] = {}
    for code, item in terms.items():
        term = _term(item)
        out.update({name_key(code): code, name_key(term.es): code, name_key(term.en): code})
    return out


def read_workbook(path: Path, region_names: Mapping[str, str]) -> Workbook:
    """Read a filled survey workbook as the response it stands for (see the module).

    ``region_names`` maps a region's name (or id) to its id. A workbook that
    cannot be read, is not a survey's, or has a cell that cannot be read (one
    problem per sheet) gives its problems and no response.
    """
    try:
        checked_format(path)
        found = read_sheets(path, formulas=False)
        meta = {row.values.get("key", ""): row.values.get("value", "") for row in _sheet(found, META_SHEET, path)}
    except ReadError as exc:
        return Workbook(None, problems=[read_problem(exc, path)])
    titles = {key: meta.get(f"sheet.{key}", "") for key in COLUMNS}
    sheets, problems = {}, []
    for key, title in titles.items():
        try:
            sheets[key] = [row for row in _sheet(found, title, path) if row.number >= FIRST_ROW]
        except ReadError as exc:
            problems.append(read_problem(exc, path))
    if problems:
        return Workbook(None, problems=problems)
    reader = _Reader(titles, region_names)
    lang = meta.get("lang") or "es"
    labels = {code: _term(item).label(lang) for vocabulary in (TIE_ANSWERS, VERDICTS, ORG_KINDS)
              for code, item in vocabulary.items()}
    labels.update({region: name for name, region in region_names.items() if name != region})
    return Workbook(reader.response(sheets, meta, saved=_saved_day(path)), reader.cells, labels=labels)


class _Reader:
    """Turns the rows of each answer sheet into the fields of a response, noting each answer's cell."""

    def __init__(self, titles: Mapping[str, str], region_names: Mapping[str, str]) -> None:
        self.titles = titles
        self.regions = {name_key(k): v for k, v in region_names.items()}
        self.answers, self.verdicts = choice_codes(TIE_ANSWERS), choice_codes(VERDICTS)
        self.kinds, self.yes_no = choice_codes(ORG_KINDS), choice_codes(YES_NO)
        self.cells: dict[str, tuple[int, str]] = {}

    def at(self, sheet: str, row: Row, *paths: tuple[str, str]) -> None:
        """Note the cell of each ``(field path, column)`` of ``row``."""
        for path, column in paths:
            letter = get_column_letter(COLUMNS[sheet].index(column) + 1)
            self.cells[path] = (row.number, f"{self.titles[sheet]}!{letter}{row.number}")

    def response(self, sheets: Mapping[str, list[Row]], meta: Mapping[str, str], *, saved: str) -> dict[str, Any]:
        about = {row.values["field"]: row for row in sheets["about"] if row.values.get("field") in ABOUT}
        for name, row in about.items():
            self.at("about", row, (ABOUT[name], "answer"))

        def answer(name: str) -> str:
            return about[name].values.get("answer", "").strip() if name in about else ""

        respondent: dict[str, Any] = {"org": meta.get("respondent") or None}
        if respondent["org"] is None:
            respondent["new"] = {"name": answer("name"), "acronym": answer("acronym"),
                                 "region": _code(answer("region"), self.regions),
                                 "kind": _code(answer("kind"), self.kinds)}
        return {
            "format": meta.get("format"), "version": _number(meta.get("version", "")), "round": meta.get("round", ""),
            "date": answer("date") or saved, "lang": meta.get("lang"), "respondent": respondent,
            "corrections": answer("corrections"),
            "answerer": {"role": answer("role"), "name": answer("person"), "contact": answer("contact"),
                         "consent": _code(answer("consent"), self.yes_no) == "yes"},
            "recorded": self.recorded(sheets["recorded"]), "ties": self.ties(sheets["ties"]),
            "new_orgs": self.new_orgs(sheets["new_orgs"]),
        }

    def recorded(self, rows: list[Row]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in rows:
            v = {k: row.values.get(k, "").strip() for k in ("key", "verdict", "answer", "new_year")}
            if not v["key"] or not (v["verdict"] or v["answer"] or v["new_year"]):
                continue  # a tie on record left unanswered
            at = f"recorded[{len(out)}]"
            self.at("recorded", row, (at, "verdict"), (f"{at}.key", "key"), (f"{at}.verdict", "verdict"),
                    (f"{at}.answer", "answer"), (f"{at}.year", "new_year"))
            out.append({"key": v["key"], "verdict": _code(v["verdict"], self.verdicts),
                        "answer": _code(v["answer"], self.answers) or None, "year": _number(v["new_year"])})
        return out

    def ties(self, rows: list[Row]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in rows:
            at = f"ties[{len(out)}]"
            self.at("ties", row, (at, "org"), (f"{at}.org", "org"), (f"{at}.answer", "answer"),
                    (f"{at}.since", "since"), (f"{at}.how", "how"))
            v = row.values
            out.append({"org": _org_id(v.get("org", "")), "answer": _code(v.get("answer", ""), self.answers),
                        "since": _number(v.get("since", "")), "how": v.get("how", "").strip()})
        return out

    def new_orgs(self, rows: list[Row]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for row in rows:
            at = f"new_orgs[{len(out)}]"
            self.at("new_orgs", row, (at, "name"), *((f"{at}.{c}", c) for c in COLUMNS["new_orgs"]))
            v = {k: row.values.get(k, "").strip() for k in COLUMNS["new_orgs"]}
            out.append({**v, "region": _code(v["region"], self.regions), "kind": _code(v["kind"], self.kinds)})
        return out


def _sheet(found: Mapping[str, list[Row] | ReadError], title: str, path: Path) -> list[Row]:
    """The rows of sheet ``title``; the :class:`ReadError` that stopped it, or of its absence, is raised."""
    rows = found.get(title)
    if rows is None:
        raise ReadError("missing-sheet", file=path.name, sheet=title)
    if isinstance(rows, ReadError):
        raise rows
    return rows


def _saved_day(path: Path) -> str:
    """The day a spreadsheet last saved the workbook (``AAAA-MM-DD``); empty when only essgraph wrote it."""
    try:
        with zipfile.ZipFile(path) as archive:
            core = archive.read("docProps/core.xml").decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile):
        return ""
    match = re.search(r"<dcterms:modified[^>]*>\s*(\d{4}-\d{2}-\d{2})", core)
    return match[1] if match and match[1] != WRITTEN_STAMP[:10] else ""


def _term(item: Term | TieAnswer) -> Term:
    return item.term if isinstance(item, TieAnswer) else item


def _code(value: str, codes: Mapping[str, str]) -> str:
    """The code of a dropdown's label; what the respondent typed when it is none (the check then says so)."""
    return codes.get(name_key(value), value.strip()) if value.strip() else ""


def _org_id(value: str) -> str:
    match = _ORG_ID.search(value)
    return match[1].strip() if match else value.strip()


def _number(value: str) -> int | str | None:
    value = value.strip()
    if not value:
        return None
    return int(value) if re.fullmatch(r"\d{1,9}", value) else value
