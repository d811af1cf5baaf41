"""Fixtures of the bundled data's tests: its rows, and the report text they quote."""
from __future__ import annotations

import pytest
from dataset_helpers import collapse_whitespace

from essgraph.loaders import bundled_data_dir
from essgraph.loaders.records import Record, read_records


@pytest.fixture(scope="session")
def rows() -> dict[str, list[Record]]:
    """The bundled data's rows by file kind."""
    records, _ = read_records(bundled_data_dir())
    return records.rows


@pytest.fixture(scope="session")
def report_text(shared_file) -> str:
    """The report text under the whitespace rule (skips without ../shared/, fails so under CI)."""
    return collapse_whitespace(shared_file("seed/000_40728b99a9ab95ad.txt").read_text(encoding="utf-8"))
