"""Fixtures of the bundled data's tests: its rows, and the report text they quote."""
from __future__ import annotations

import pytest
from dataset_helpers import REPORT, collapse_whitespace

from essgraph.loaders import bundled_data_dir
from essgraph.loaders.records import Record, read_records


@pytest.fixture(scope="session")
def rows() -> dict[str, list[Record]]:
    """The bundled data's rows by file kind."""
    records, _ = read_records(bundled_data_dir())
    return records.rows


@pytest.fixture(scope="session")
def report_text() -> str:
    """The report text under the whitespace rule (skips when the shared/ folder is absent)."""
    if not REPORT.is_file():
        pytest.skip(f"{REPORT} not present: put the shared/ folder beside the checkout to check quotes")
    return collapse_whitespace(REPORT.read_text(encoding="utf-8"))
