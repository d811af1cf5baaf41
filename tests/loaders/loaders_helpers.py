"""Helpers of the loaders' tests: the synthetic valid dataset as tables, and file writers."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import openpyxl

VALID_DIR = Path(__file__).parent / "fixtures" / "valid"


class Tables:
    """The fixture's data files as editable tables: file stem → (columns, rows as dicts)."""

    def __init__(self) -> None:
        self.columns: dict[str, list[str]] = {}
        self.rows: dict[str, list[dict[str, str]]] = {}
        for path in sorted(VALID_DIR.glob("*.csv")):
            with path.open(encoding="utf-8", newline="") as handle:
                reader = csv.DictReader(handle)
                self.columns[path.stem] = list(reader.fieldnames or [])
                self.rows[path.stem] = list(reader)

    def set(self, stem: str, index: int, column: str, value: str) -> Tables:
        """Set a cell (``index`` 0 is spreadsheet row 2)."""
        self.rows[stem][index][column] = value
        return self

    def add(self, stem: str, **values: str) -> Tables:
        """Append a row (missing columns empty)."""
        self.rows[stem].append({c: values.get(c, "") for c in self.columns[stem]})
        return self

    def copy_row(self, stem: str, index: int, **changes: str) -> Tables:
        """Append a copy of row ``index`` with some cells changed."""
        self.rows[stem].append({**self.rows[stem][index], **changes})
        return self

    def drop_column(self, stem: str, column: str) -> Tables:
        self.columns[stem].remove(column)
        for row in self.rows[stem]:
            row.pop(column)
        return self

    def add_column(self, stem: str, column: str, value: str = "") -> Tables:
        self.columns[stem].append(column)
        for row in self.rows[stem]:
            row[column] = value
        return self

    def matrix(self, stem: str) -> list[list[str]]:
        """Header and rows as lists of cells."""
        cols = self.columns[stem]
        return [cols] + [[row.get(c, "") for c in cols] for row in self.rows[stem]]

    def write(self, folder: Path, fmt: str = "csv") -> Path:
        """Write every table (as CSV or XLSX) and dataset.toml to ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(VALID_DIR / "dataset.toml", folder / "dataset.toml")
        for stem in self.columns:
            if fmt == "csv":
                write_csv(folder / f"{stem}.csv", self.matrix(stem))
            else:
                write_xlsx(folder / f"{stem}.xlsx", self.matrix(stem))
        return folder


def write_csv(path: Path, rows: list[list[str]], *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, title: str = "Hoja1") -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
