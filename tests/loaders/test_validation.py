"""Validation: a table of bad data, each problem type in CSV and XLSX, and the report."""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Callable

import pytest

from essgraph.graphmodel import REL_TYPES
from essgraph.loaders import ValidationReport, validate
from essgraph.loaders.messages import CATALOG, PROBLEM_TYPES
from essgraph.loaders.problems import Problem

from loaders_helpers import Tables, write_csv

INJECTION = "X]->() DETACH DELETE n //"

# (case id, mutation of the valid tables, expected (type, file stem, row, column, severity))
BAD_DATA: list[tuple[str, Callable[[Tables], object], tuple[str, str, int, str, str]]] = [
    ("missing-column", lambda t: t.drop_column("organizations", "status"),
     ("missing-column", "organizations", 1, "status", "error")),
    ("unknown-column", lambda t: t.add_column("organizations", "colour", "red"),
     ("unknown-column", "organizations", 1, "colour", "warning")),
    ("missing-value", lambda t: t.set("organizations", 1, "name", ""),
     ("missing-value", "organizations", 3, "name", "error")),
    ("bad-enum", lambda t: t.set("organizations", 0, "kind", "ong"),
     ("bad-enum", "organizations", 2, "kind", "error")),
    ("bad-enum-in-list", lambda t: t.set("organizations", 0, "themes", "T14|T99"),
     ("bad-enum", "organizations", 2, "themes", "error")),
    ("bad-id", lambda t: t.set("macro_regions", 1, "id", "Centro Sur"),
     ("bad-id", "macro_regions", 3, "id", "error")),
    ("duplicate-id-across-files", lambda t: t.set("networks", 0, "id", "casa-sol"),
     ("duplicate-id", "networks", 2, "id", "error")),
    ("alias-is-another-name", lambda t: t.set("organizations", 1, "aliases", "Red del Sur"),
     ("alias-conflict", "organizations", 3, "aliases", "error")),
    ("alias-claimed-twice", lambda t: t.set("networks", 0, "aliases", "Casa Sol"),
     ("alias-conflict", "networks", 2, "aliases", "error")),
    ("unknown-region", lambda t: t.set("organizations", 0, "region", "arequipaa"),
     ("unknown-reference", "organizations", 2, "region", "error")),
    ("unknown-macro-region", lambda t: t.set("regions", 2, "macro_region", "centr"),
     ("unknown-reference", "regions", 4, "macro_region", "error")),
    ("unknown-endpoint", lambda t: t.set("relationships", 0, "end", "red-surr"),
     ("unknown-reference", "relationships", 2, "end", "error")),
    ("bad-endpoint-label", lambda t: t.set("relationships", 1, "start", "muni-majes").set(
        "relationships", 1, "end", "casa-sol"),
     ("bad-endpoint-label", "relationships", 3, "type", "error")),
    ("unknown-relationship-type", lambda t: t.set("relationships", 0, "type", "MEMBER"),
     ("unknown-relationship-type", "relationships", 2, "type", "error")),
    ("cypher-injection-type", lambda t: t.set("relationships", 0, "type", INJECTION),
     ("unknown-relationship-type", "relationships", 2, "type", "error")),
    ("bad-year", lambda t: t.set("relationships", 1, "year", "20166"),
     ("bad-year", "relationships", 3, "year", "error")),
    ("bad-founded-year", lambda t: t.set("organizations", 0, "founded_year", "199x"),
     ("bad-year", "organizations", 2, "founded_year", "error")),
    ("year-too-old", lambda t: t.set("organizations", 0, "year", "1850"),
     ("bad-year", "organizations", 2, "year", "error")),
    ("empty-quote", lambda t: t.set("regions", 0, "quote", ""),
     ("empty-quote", "regions", 2, "quote", "error")),
    ("bad-evidence", lambda t: t.set("relationships", 2, "evidence", "probable"),
     ("bad-evidence", "relationships", 4, "evidence", "error")),
    ("shares-contact-stated", lambda t: t.set("contacts", 0, "evidence", "stated"),
     ("bad-evidence", "contacts", 2, "evidence", "error")),
    ("shares-contact-imported", lambda t: t.set("contacts", 0, "evidence", "imported"),
     ("bad-evidence", "contacts", 2, "evidence", "error")),
    ("missing-evidence", lambda t: t.set("contacts", 0, "evidence", ""),
     ("missing-value", "contacts", 2, "evidence", "error")),
    ("self-relationship", lambda t: t.set("relationships", 2, "end", "coop-andina"),
     ("self-relationship", "relationships", 4, "end", "error")),
    ("duplicate-relationship", lambda t: t.copy_row("relationships", 2, start="casa-sol", end="coop-andina"),
     ("duplicate-relationship", "relationships", 5, "quote", "warning")),
    ("duplicate-symmetric-tie", lambda t: t.copy_row("relationships", 2, start="casa-sol", end="coop-andina",
                                                     quote="Casa del Sol y la Cooperativa Andina, aliadas"),
     ("duplicate-symmetric-tie", "relationships", 5, "end", "warning")),
    ("duplicate-symmetric-tie-same-direction", lambda t: t.copy_row("relationships", 1, quote="ferias en Majes"),
     ("duplicate-symmetric-tie", "relationships", 5, "end", "warning")),
    ("mojibake", lambda t: t.set("organizations", 0, "name", "AsociaciÃ³n Casa del Sol"),
     ("mojibake", "organizations", 2, "name", "warning")),
    ("replacement-character", lambda t: t.set("regions", 2, "name", "Jun\ufffdn"),
     ("replacement-character", "regions", 4, "name", "warning")),
    ("possible-duplicate", lambda t: t.add("networks", id="red-sur-2", name="red  del SUR", kind="network",
                                           status="active", section="3.1", quote="Red del Sur"),
     ("possible-duplicate", "networks", 3, "name", "warning")),
    ("census-bad-number", lambda t: t.set("cooperative_census", 0, "count", "12a"),
     ("bad-number", "cooperative_census", 2, "count", "error")),
    ("census-bad-percent", lambda t: t.set("cooperative_census", 0, "percent", "25,5"),
     ("bad-number", "cooperative_census", 2, "percent", "error")),
]


def _matches(problem: Problem, expected: tuple[str, str, int, str, str]) -> bool:
    type_, stem, row, column, severity = expected
    return (problem.type, Path(problem.file).stem, problem.row, problem.column, problem.severity) == expected


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("case, mutate, expected", BAD_DATA, ids=[c[0] for c in BAD_DATA])
def test_bad_data_is_reported(tables: Tables, write_tables, fmt: str, case: str,
                              mutate: Callable[[Tables], object], expected: tuple) -> None:
    mutate(tables)
    report = validate(write_tables(tables, fmt))
    assert [p for p in report.problems if _matches(p, expected)], report.render("en")
    assert report.valid == (expected[4] == "warning")
    for problem in report.problems:
        assert problem.message("es") and problem.fix("en")


def test_the_valid_fixture_has_no_problem(tables: Tables, write_tables) -> None:
    for fmt in ("csv", "xlsx"):
        report = validate(write_tables(tables, fmt))
        assert report.problems == [], report.render("en")


def test_a_symmetric_tie_written_twice_cites_the_first_row_and_fails_strict_validation(
        tables: Tables, write_tables) -> None:
    folder = write_tables(tables.copy_row("relationships", 2, start="casa-sol", end="coop-andina", quote="otra cita"))
    [problem] = validate(folder).problems
    assert (problem.type, problem.severity) == ("duplicate-symmetric-tie", "warning")
    assert problem.message("en") == (
        "ALLIED_WITH is symmetric and the pair 'casa-sol'–'coop-andina' is already in relationships.csv row 4")
    assert problem.message("es").startswith("ALLIED_WITH es simétrica")
    assert not validate(folder, strict=True).valid


def test_a_directed_tie_written_twice_with_two_quotes_is_two_facts(tables: Tables, write_tables) -> None:
    tables.copy_row("relationships", 0, quote="otra cita de la misma membresía")
    assert validate(write_tables(tables)).problems == []


def test_duplicate_id_cites_both_rows(tables: Tables, write_tables) -> None:
    report = validate(write_tables(tables.set("networks", 0, "id", "casa-sol")))
    [problem] = [p for p in report.problems if p.type == "duplicate-id"]
    assert (problem.file, problem.row) == ("networks.csv", 2)
    assert problem.message("en") == "id 'casa-sol' is already used in organizations.csv row 2"


def test_unknown_reference_suggests_the_close_name(tables: Tables, write_tables) -> None:
    tables.set("relationships", 0, "end", "Red del Surr").set("organizations", 0, "region", "arequipaa")
    report = validate(write_tables(tables))
    messages = [p.message("en") for p in report.problems if p.type == "unknown-reference"]
    assert "did you mean red-sur (Red del Sur)?" in messages[0] + messages[1]
    assert any("did you mean arequipa (Arequipa)?" in m for m in messages)


def test_reference_written_as_a_name_suggests_its_id(tables: Tables, write_tables) -> None:
    report = validate(write_tables(tables.set("relationships", 0, "start", "Casa Sol")))
    [problem] = [p for p in report.problems if p.type == "unknown-reference"]
    assert problem.params["suggestions"][0] == "casa-sol (Asociación Casa del Sol)"


def test_cypher_injection_type_is_rejected_and_listed_with_the_allowed_types(tables: Tables, write_tables) -> None:
    report = validate(write_tables(tables.set("relationships", 0, "type", INJECTION)))
    [problem] = [p for p in report.problems if p.type == "unknown-relationship-type"]
    assert problem.value == INJECTION
    assert all(t in problem.fix("en") for t in REL_TYPES)


def test_bad_endpoint_label_suggests_swapping_a_reversed_tie(tables: Tables, write_tables) -> None:
    tables.set("relationships", 1, "start", "muni-majes").set("relationships", 1, "end", "casa-sol")
    [problem] = [p for p in validate(write_tables(tables)).problems if p.type == "bad-endpoint-label"]
    assert problem.fix("en") == "WORKS_WITH goes from Organization to Municipality; swap start and end?"


def test_bad_enum_lists_allowed_values_and_suggests(tables: Tables, write_tables) -> None:
    [problem] = validate(write_tables(tables.set("organizations", 0, "kind", "ong"))).problems
    assert "ngo" in problem.message("en") and "cooperative, federation" in problem.fix("en")


def test_many_errors_in_one_file_are_all_reported_sorted(tables: Tables, write_tables) -> None:
    tables.set("relationships", 2, "evidence", "maybe").set("relationships", 0, "type", "LIKES")
    tables.set("relationships", 1, "quote", "").set("relationships", 0, "end", "nobody")
    tables.set("organizations", 1, "status", "")
    report = validate(write_tables(tables))
    located = [(p.file, p.row, p.type) for p in report.problems]
    assert located == [
        ("organizations.csv", 3, "missing-value"),
        ("relationships.csv", 2, "unknown-reference"),
        ("relationships.csv", 2, "unknown-relationship-type"),
        ("relationships.csv", 3, "empty-quote"),
        ("relationships.csv", 4, "bad-evidence"),
    ]
    assert report.errors == 5 and not report.valid


def test_nfc_and_nfd_spellings_are_one_entity(tables: Tables, write_tables) -> None:
    nfd = unicodedata.normalize("NFD", "Asociación Casa del Sol")
    assert nfd != "Asociación Casa del Sol"
    tables.add("networks", id="casa-sol-bis", name=nfd, kind="network", status="active", section="3.1", quote="q")
    report = validate(write_tables(tables))
    [problem] = report.problems
    assert problem.type == "possible-duplicate" and problem.params["other_id"] == "casa-sol"
    assert problem.value == "Asociación Casa del Sol"  # stored in NFC


def test_nfd_reference_matches_the_nfc_alias(tables: Tables, write_tables) -> None:
    tables.set("organizations", 1, "aliases", unicodedata.normalize("NFD", "Casa Sol"))
    [problem] = validate(write_tables(tables)).problems
    assert problem.type == "alias-conflict" and problem.value == "Casa Sol"


def test_mojibake_is_a_warning_and_an_error_under_strict(tables: Tables, write_tables) -> None:
    folder = write_tables(tables.set("organizations", 0, "locality", "MÃ³rrope"))
    report = validate(folder)
    [problem] = report.problems
    assert (problem.type, problem.severity, problem.file, problem.row, problem.column) == (
        "mojibake", "warning", "organizations.csv", 2, "locality")
    assert "'Mórrope'" in problem.fix("en")
    assert report.valid
    strict = validate(folder, strict=True)
    assert not strict.valid and strict.problems[0].severity == "error"


def test_extra_cells_beyond_the_header_are_an_error(valid_dir: Path) -> None:
    write_csv(valid_dir / "macro_regions.csv", [["id", "name", "section", "quote"],
                                                ["sur", "Sur", "3.1", "Macro Región Sur", "Lima, Centro"],
                                                ["centro", "Centro", "3.1", "Macro Región Centro"]])
    [problem] = validate(valid_dir).problems
    assert (problem.type, problem.row, problem.value) == ("extra-cells", 2, "Lima, Centro")


@pytest.mark.parametrize("toml, expected", [
    ("[files]\nregions = ['ghost.csv']\n", "missing-file"),
    ("[files]\nplaces = ['regions.csv']\n", "bad-files-table"),
    ("[files]\nregions = ['../regions.csv']\n", "bad-files-table"),
    ("[dataset\ntitle = 'x'\n", "bad-dataset-toml"),
    ("dataset = 3\n", "bad-dataset-toml"),
    ("files = 'regions.csv'\n", "bad-files-table"),
])
def test_dataset_toml_problems(valid_dir: Path, toml: str, expected: str) -> None:
    (valid_dir / "dataset.toml").write_text(toml, encoding="utf-8")
    report = validate(valid_dir)
    assert expected in {p.type for p in report.problems}
    assert not report.valid


def test_unlisted_file_is_a_warning(valid_dir: Path) -> None:
    write_csv(valid_dir / "notas.csv", [["a", "b"]])
    [problem] = validate(valid_dir).problems
    assert (problem.type, problem.severity, problem.file) == ("unlisted-file", "warning", "notas.csv")


def test_without_dataset_toml_the_default_files_are_read(valid_dir: Path) -> None:
    (valid_dir / "dataset.toml").unlink()
    (valid_dir / "people.csv").unlink()
    report = validate(valid_dir)
    assert [p.type for p in report.problems] == ["unknown-reference"]  # REPRESENTS from a missing person
    assert {t.file for t in report.tables} >= {"organizations.csv", "networks.csv", "cooperative_census.csv"}


def test_an_empty_folder_has_no_data(tmp_path: Path) -> None:
    [problem] = validate(tmp_path).problems
    assert problem.type == "no-data" and problem.severity == "error"


def test_an_unreadable_file_does_not_hide_the_others(valid_dir: Path) -> None:
    (valid_dir / "regions.csv").write_bytes(b"")
    report = validate(valid_dir)
    types = {p.type for p in report.problems}
    assert "empty-file" in types and "unknown-reference" in types  # macro-regions still read, regions missing


def test_report_to_dict_and_render_in_both_languages(tables: Tables, write_tables) -> None:
    report = validate(write_tables(tables.set("regions", 0, "quote", "")))
    data = report.to_dict("en")
    assert data["valid"] is False and data["errors"] == 1 and data["warnings"] == 0
    assert data["problems"][0] == {
        "type": "empty-quote", "severity": "error", "file": "regions.csv", "row": 2, "column": "quote",
        "value": "", "message": "the quote is empty",
        "fix": "copy the exact words of the report that prove this row"}
    assert {t["file"]: t["encoding"] for t in data["tables"]}["regions.csv"] == "utf-8"
    assert "la cita está vacía" in report.render()
    assert report.render("en").splitlines()[0].startswith("ERROR   regions.csv:2  quote  [empty-quote]")


def test_every_problem_type_has_both_languages() -> None:
    for slug in PROBLEM_TYPES:
        es, en = CATALOG.messages[slug]
        assert es and en and es != en or slug in {"bad-files-table"}


def test_report_sorts_by_file_then_row() -> None:
    problems = [Problem("empty-quote", "error", "b.csv", 3), Problem("empty-quote", "error", "a.csv", 9),
                Problem("empty-quote", "error", "b.csv", 2)]
    report = ValidationReport("x", problems)
    assert [(p.file, p.row) for p in report.problems] == [("a.csv", 9), ("b.csv", 2), ("b.csv", 3)]
