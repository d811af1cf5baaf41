"""Fixtures of the loaders' tests: the synthetic valid dataset, and writers of mutated copies."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import Callable

import pytest
from loaders_helpers import VALID_DIR, Tables

@pytest.fixture
def tables() -> Tables:
    """An editable copy of the valid synthetic dataset."""
    return Tables()


@pytest.fixture
def valid_dir(tmp_path: Path) -> Path:
    """A copy of the valid synthetic dataset in a temporary folder."""
    return Path(shutil.copytree(VALID_DIR, tmp_path / "data"))


@pytest.fixture
def write_tables(tmp_path: Path) -> Callable[[Tables, str], Path]:
    """Write ``tables`` as ``fmt`` (csv or xlsx) into a fresh temporary folder."""
    counter = iter(range(1000))

    def write(tables: Tables, fmt: str = "csv") -> Path:
        return tables.write(tmp_path / f"data{next(counter)}", fmt)

    return write
