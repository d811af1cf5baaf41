"""The bundled data: it validates, its ties hold, and every quote is verbatim from the report."""
from __future__ import annotations

import re

import pytest

from essgraph.graphmodel import is_valid_id
from essgraph.loaders import bundled_data_dir, validate
from essgraph.loaders.folder import FILE_KINDS
from essgraph.loaders.records import Record, read_records
from essgraph.loaders.text import name_key, split_list



@pytest.fixture(scope="module")
def rows() -> dict[str, list[Record]]:
    records, _ = read_records(bundled_data_dir())
    return records.rows


def _nodes(rows: dict[str, list[Record]]) -> list[Record]:
    return [r for kind, spec in FILE_KINDS.items() if spec.label for r in rows.get(kind, [])]


def _collapse(text: str) -> str:
    return " ".join(text.split())


def test_bundled_data_validates_without_errors() -> None:
    report = validate()
    assert report.errors == 0, report.render("en")


def test_every_relationship_endpoint_exists(rows: dict[str, list[Record]]) -> None:
    ids = {r.get("id") for r in _nodes(rows)}
    dangling = [(r.file, r.row, end) for r in rows.get("relationships", [])
                for end in (r.get("start"), r.get("end")) if end not in ids]
    assert dangling == []


def test_every_quote_is_verbatim_from_the_report(shared_file, rows: dict[str, list[Record]]) -> None:
    text = _collapse(shared_file("seed/000_40728b99a9ab95ad.txt").read_text(encoding="utf-8"))
    missing = [(r.file, r.row, r.get("quote")[:70]) for kind_rows in rows.values() for r in kind_rows
               if r.get("quote") and _collapse(r.get("quote")) not in text]
    assert missing == [], "\n".join(f"{f}:{n} {q}" for f, n, q in missing)


def test_no_alias_is_another_entitys_id_or_name(rows: dict[str, list[Record]]) -> None:
    owners: dict[str, str] = {}
    for r in _nodes(rows):
        owners.setdefault(name_key(r.get("id")), r.get("id"))
        owners.setdefault(name_key(r.get("name")), r.get("id"))
    orphans = [(r.file, r.row, alias) for r in _nodes(rows) for alias in split_list(r.get("aliases"))
               if owners.get(name_key(alias), r.get("id")) != r.get("id")]
    assert orphans == []


def test_every_id_is_a_valid_slug(rows: dict[str, list[Record]]) -> None:
    assert [(r.file, r.row, r.get("id")) for r in _nodes(rows) if not is_valid_id(r.get("id"))] == []


def test_people_ids_and_municipality_ids_follow_the_conventions(rows: dict[str, list[Record]]) -> None:
    assert all(re.match(r"^person-", r.get("id")) for r in rows.get("people", []))
    assert all(re.match(r"^muni-", r.get("id")) for r in rows.get("municipalities", []))
