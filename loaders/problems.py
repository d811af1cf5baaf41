"""The validation report: every problem found in a data folder, with where and how to fix it.

Validation never stops at the first bad row: it returns a :class:`ValidationReport`
listing every :class:`Problem`, sorted by file and row. A problem has a stable
type slug, a severity, a location and a message and fix from
:data:`~essgraph.loaders.messages.CATALOG` (Spanish by default, English with
``lang="en"``).

Examples
--------
>>> p = Problem("bad-enum", "error", "organizations.csv", 4, "kind", "ong",
...             {"allowed": ["academic", "ngo"]})
>>> p.message("en"), p.fix("en")
("'ong' is not an allowed value of kind", 'use one of: academic, ngo')
>>> report = ValidationReport("data", [p])
>>> report.valid, report.summary("en")
(False, 'data: 1 error(s), 0 warning(s)')
>>> print(report.render("en"))
ERROR   organizations.csv:4  kind  [bad-enum]
        'ong' is not an allowed value of kind
        fix: use one of: academic, ngo
data: 1 error(s), 0 warning(s)
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from essgraph.i18n import DEFAULT_LANG

from essgraph.loaders.messages import CATALOG

__all__ = ["ERROR", "WARNING", "Problem", "TableInfo", "ValidationReport"]

ERROR = "error"
WARNING = "warning"

_SUMMARY = {
    "es": "{where}: {errors} error(es), {warnings} aviso(s)",
    "en": "{where}: {errors} error(s), {warnings} warning(s)",
}
_SEVERITY = {"es": {ERROR: "ERROR", WARNING: "AVISO"}, "en": {ERROR: "ERROR", WARNING: "WARNING"}}
_FIX = {"es": "arreglo", "en": "fix"}


@dataclass(frozen=True)
class Problem:
    """One problem: type slug, severity, location (file, 1-based row, column, value) and template values.

    ``params`` may hold ``suggestions`` (a list of ids, rendered as "did you
    mean …") and ``allowed`` (a list of values, rendered comma-separated).
    """

    type: str
    severity: str
    file: str = ""
    row: int | None = None
    column: str = ""
    value: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = DEFAULT_LANG) -> str:
        """What is wrong, in ``lang``."""
        return CATALOG.t(self.type, lang, **self._values(lang))

    def fix(self, lang: str = DEFAULT_LANG) -> str:
        """How to fix it, in ``lang``."""
        return CATALOG.t(self.type + ".fix", lang, **self._values(lang))

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """A JSON-ready dict: type, severity, location, message and fix."""
        return {
            "type": self.type, "severity": self.severity, "file": self.file, "row": self.row,
            "column": self.column, "value": self.value,
            "message": self.message(lang), "fix": self.fix(lang),
        }

    def _values(self, lang: str) -> dict[str, Any]:
        values: dict[str, Any] = {"file": self.file, "row": self.row, "column": self.column, "value": self.value}
        values.update(self.params)
        suggestions = values.pop("suggestions", None)
        values["hint"] = CATALOG.t("did-you-mean", lang, options=", ".join(suggestions)) if suggestions else ""
        if isinstance(values.get("allowed"), (list, tuple)):
            values["allowed"] = ", ".join(values["allowed"])
        if "what" in values:
            values["what"] = CATALOG.t(f"what.{values['what']}", lang)
        if "swap" in values:
            values["swap"] = CATALOG.t("swap", lang) if values["swap"] else ""
        return values


@dataclass(frozen=True)
class TableInfo:
    """How one data file was read: format, encoding, separator, sheet and number of data rows."""

    file: str
    kind: str
    format: str
    encoding: str | None
    delimiter: str | None
    sheet: str | None
    columns: tuple[str, ...]
    rows: int


@dataclass
class ValidationReport:
    """Every problem of a data folder, sorted by file then row; ``valid`` when none is an error."""

    data_dir: str
    problems: list[Problem] = field(default_factory=list)
    tables: list[TableInfo] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.problems = sorted(self.problems, key=lambda p: (p.file, p.row or 0, p.column, p.type, p.value))

    @property
    def valid(self) -> bool:
        """True when no problem is an error (warnings allowed)."""
        return self.errors == 0

    @property
    def errors(self) -> int:
        """Number of errors."""
        return sum(p.severity == ERROR for p in self.problems)

    @property
    def warnings(self) -> int:
        """Number of warnings."""
        return sum(p.severity == WARNING for p in self.problems)

    def escalated(self) -> ValidationReport:
        """The report with every warning turned into an error (``strict`` mode)."""
        return ValidationReport(self.data_dir, [replace(p, severity=ERROR) for p in self.problems], self.tables)

    def summary(self, lang: str = DEFAULT_LANG) -> str:
        """One line: where, how many errors and warnings."""
        return _SUMMARY.get(lang, _SUMMARY["en"]).format(
            where=self.data_dir, errors=self.errors, warnings=self.warnings)

    def to_dict(self, lang: str = DEFAULT_LANG) -> dict[str, Any]:
        """A JSON-ready dict (what ``essgraph validate --json`` prints)."""
        return {
            "data_dir": self.data_dir,
            "valid": self.valid,
            "errors": self.errors,
            "warnings": self.warnings,
            "problems": [p.to_dict(lang) for p in self.problems],
            "tables": [
                {"file": t.file, "kind": t.kind, "format": t.format, "encoding": t.encoding,
                 "delimiter": t.delimiter, "sheet": t.sheet, "columns": list(t.columns), "rows": t.rows}
                for t in self.tables
            ],
        }

    def render(self, lang: str = DEFAULT_LANG) -> str:
        """A readable table: one block per problem (severity, place, type, message, fix), then the summary."""
        lines = []
        for p in self.problems:
            place = p.file + (f":{p.row}" if p.row else "")
            head = f"{_SEVERITY[lang][p.severity]:<8}{place}" + (f"  {p.column}" if p.column else "")
            lines += [f"{head}  [{p.type}]", f"        {p.message(lang)}", f"        {_FIX[lang]}: {p.fix(lang)}"]
        lines.append(self.summary(lang))
        return "\n".join(lines)
