"""The XLSX writer (``essgraph.spreadsheet.xlsx_bytes``), read back by openpyxl: types, styles, titles, texts."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from essgraph.spreadsheet import runs_as_formula, xlsx_bytes


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_cells_keep_their_type_and_texts_never_run() -> None:
    rows = [["01", 2.5, True, None, ["a", "b"]], ["=1+2", 3, False, 1e-05, "-12.5"], ["@x", 10 ** 20, '&<>"', None, " x "]]
    sheet = _book(xlsx_bytes([("Tabla", ["id", "n", "b", "f", "l"], rows)]))["Tabla"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["id", "n", "b", "f", "l"], ["01", 2.5, True, None, "a|b"], ["=1+2", 3, False, 1e-05, "-12.5"],
        ["@x", 10 ** 20, '&<>"', None, " x "]]
    assert [c.data_type for c in sheet[3]] == ["s", "n", "b", "n", "s"]  # "=1+2" is a text, not a formula
    assert [c.quotePrefix for c in sheet[3]] == [True, False, False, False, False]  # "-12.5" is a number typed
    assert all(c.font.b for c in sheet[1]) and not any(c.font.b for c in sheet[2])
    assert sheet.freeze_panes == "A2"


def test_a_float_that_is_no_number_is_an_empty_cell_and_controls_are_dropped() -> None:
    sheet = _book(xlsx_bytes([("T", ["a", "b", "c"], [[float("nan"), float("inf"), "a\x01b\x0bc\ud800"]])]))["T"]
    assert [c.value for c in sheet[2]] == [None, None, "abc"]


def test_titles_are_valid_and_unique_and_properties_are_written() -> None:
    data = xlsx_bytes([("a/b:c", ["x"], []), ("A B C", ["x"], []), ("x" * 40, ["x"], []), ("x" * 40, ["x"], [])],
                      properties={"title": "Mapa & ESS", "keywords": "confidencial"})
    book = _book(data)
    assert book.sheetnames == ["a b c", "A B C1", "x" * 31, "x" * 30 + "1"]
    assert (book.properties.title, book.properties.keywords) == ("Mapa & ESS", "confidencial")
    with pytest.raises(ValueError, match="unknown workbook properties"):
        xlsx_bytes([("T", ["x"], [])], properties={"author": "x"})


def test_the_same_tables_give_the_same_bytes() -> None:
    tables = [("T", ["x", "y"], [["a", 1], ["b", 2.5]])]
    assert xlsx_bytes(tables) == xlsx_bytes(tables)
    names = zipfile.ZipFile(io.BytesIO(xlsx_bytes(tables))).namelist()
    assert names[0] == "[Content_Types].xml" and "xl/worksheets/sheet1.xml" in names


def test_no_sheets_is_one_empty_sheet() -> None:
    assert _book(xlsx_bytes([])).sheetnames == ["Hoja"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.none(), st.booleans(), st.integers(-10 ** 15, 10 ** 15),
                          st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12)), max_size=6))
def test_any_row_reads_back_as_written(row) -> None:
    sheet = _book(xlsx_bytes([("T", [f"c{i}" for i in range(len(row))], [row])]))["T"]
    expected = [None if v is None else "".join(ch for ch in v if ch in "\t\n\r" or ch >= " ") or None
                if isinstance(v, str) else v for v in row]
    got = [sheet.cell(row=2, column=i + 1).value for i in range(len(row))]
    assert got == expected
    assert [sheet.cell(row=2, column=i + 1).quotePrefix for i, v in enumerate(row) if isinstance(v, str) and got[i]] == [
        runs_as_formula(v) for i, v in enumerate(row) if isinstance(v, str) and got[i]]
