"""Readers: encodings, separators, size limit, XLSX traps, and properties over arbitrary input."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from essgraph.errors import EssgraphError
from essgraph.loaders import ReadError, read_table, validate
from essgraph.loaders.readers import MAX_BYTES

from loaders_helpers import write_csv, write_xlsx


def _read(path: Path) -> tuple[object, list[dict[str, str]]]:
    table = read_table(path)
    return table, [row.values for row in table.rows]


def _code(path: Path) -> str:
    with pytest.raises(ReadError) as info:
        table = read_table(path)
        list(table.rows)
    return info.value.code


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_windows_1252_falls_back_with_a_note(tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "regions.csv",
                     [["id", "name"], ["a", "Asociación"], ["b", "Mórrope"], ["c", "Cañete"]], encoding=encoding)
    table, rows = _read(path)
    assert [r["name"] for r in rows] == ["Asociación", "Mórrope", "Cañete"]
    assert table.encoding == "cp1252"
    [note] = table.notes
    assert (note.code, note.params["file"]) == ("encoding-fallback", "regions.csv")


def test_tiny_latin1_file(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(b"id,name\nx,\xd1a\n")
    table, rows = _read(path)
    assert rows == [{"id": "x", "name": "Ña"}] and table.encoding == "cp1252"


def test_encoding_fallback_is_a_warning_naming_the_file_and_an_error_under_strict(valid_dir: Path) -> None:
    text = (valid_dir / "regions.csv").read_text(encoding="utf-8")
    (valid_dir / "regions.csv").write_bytes(text.encode("cp1252"))
    [problem] = validate(valid_dir).problems
    assert (problem.type, problem.severity, problem.file) == ("encoding-fallback", "warning", "regions.csv")
    assert "regions.csv" in problem.message("en") and "UTF-8" in problem.fix("en")
    assert not validate(valid_dir, strict=True).valid


def test_utf8_bom_is_dropped_without_a_note(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "regions.csv", [["id", "name"], ["junin", "Junín"]], encoding="utf-8-sig")
    table, rows = _read(path)
    assert table.columns == ("id", "name") and table.encoding == "utf-8-sig" and table.notes == []
    assert rows == [{"id": "junin", "name": "Junín"}]


def test_bytes_that_are_neither_utf8_nor_cp1252_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "regions.csv"
    path.write_bytes(b"id,name\nx,\x81\x8d\n")
    assert _code(path) == "bad-encoding"


@pytest.mark.parametrize("delimiter, shown", [(";", ";"), ("\t", "TAB")])
def test_semicolon_and_tab_separators_are_detected_and_reported(tmp_path: Path, delimiter: str, shown: str) -> None:
    path = write_csv(tmp_path / "regions.csv", [["id", "name"], ["lima", "Lima, Perú"]], delimiter=delimiter)
    table, rows = _read(path)
    assert table.delimiter == delimiter and rows == [{"id": "lima", "name": "Lima, Perú"}]
    assert [(n.code, n.params["value"]) for n in table.notes] == [("delimiter", shown)]


def test_a_single_column_is_an_error_suggesting_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "regions.csv"
    path.write_text("id|name\nlima|Lima\n", encoding="utf-8")
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "single-column"
    assert str(info.value) == ("regions.csv has a single column ('id|name'): the separator was not recognised: "
                               "save it with commas as separator ('CSV UTF-8 (Comma delimited)'); "
                               "';' and tab are accepted too")


@pytest.mark.parametrize("content, code", [
    (b"", "empty-file"),
    (b"\r\n  \n", "empty-file"),
    (b"\xef\xbb\xbf", "empty-file"),
    (b"id,name\x00\n", "binary-file"),
    (b'id,name\na,"b"c\n', "bad-csv"),
    (b"id,,name\na,b,c\n", "blank-header"),
    (b"id,name,id\n", "duplicate-header"),
])
def test_broken_csv_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "regions.csv"
    path.write_bytes(content)
    assert _code(path) == code


def test_unsupported_format(tmp_path: Path) -> None:
    path = tmp_path / "regions.ods"
    path.write_bytes(b"x")
    assert _code(path) == "unsupported-format"


@pytest.mark.parametrize("name, limit_mb", [("organizations.csv", "1024.0"), ("organizations.xlsx", "20.0")])
def test_a_file_over_its_format_limit_is_refused_by_size(tmp_path: Path, name: str, limit_mb: str) -> None:
    path = tmp_path / name
    with path.open("wb") as handle:  # sparse: the size is refused before a byte is read
        handle.write(b"\xff\x00garbage;")
        handle.truncate(MAX_BYTES[path.suffix[1:]] + 1)
    with pytest.raises(ReadError) as info:
        read_table(path)
    assert info.value.code == "too-large"
    fmt = path.suffix[1:].upper()
    assert str(info.value).startswith(f"{name} is {float(limit_mb):.1f} MB, over the {limit_mb} MB limit of a {fmt} file: "
                                      "an XLSX workbook is loaded whole into memory: save a table this large as CSV "
                                      "UTF-8 (read row by row, up to 1024.0 MB a file)")


def test_a_csv_larger_than_the_xlsx_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "relationships.csv"
    row = "ALLIED_WITH,org-0000001,org-0000002,stated,sintético,ALLIED_WITH org-0000001 org-0000002\n"
    count = MAX_BYTES["xlsx"] // len(row.encode()) + 1000
    path.write_text("type,start,end,evidence,section,quote\n" + row * count, encoding="utf-8")
    table = read_table(path)
    assert path.stat().st_size > MAX_BYTES["xlsx"]
    assert sum(1 for _ in table.rows) == count


def test_a_chunk_boundary_inside_a_quoted_cell_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("essgraph.loaders.csv_reader.CHUNK_BYTES", 7)
    path = tmp_path / "regions.csv"
    path.write_text('\nid,name\r\na,"Cañete\nsegunda línea"\r\nb,Mórrope\n', encoding="utf-8")
    table = read_table(path)
    assert [(r.number, r.values["name"]) for r in table.rows] == [(3, "Cañete\nsegunda línea"), (4, "Mórrope")]


def test_bytes_that_are_not_utf8_late_in_a_file_fall_back_to_cp1252(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("essgraph.loaders.csv_reader.CHUNK_BYTES", 16)
    path = tmp_path / "regions.csv"
    path.write_bytes("id,name\n".encode() + b"a,A\n" * 20 + "c,Cañete\n".encode("cp1252"))
    table = read_table(path)
    assert table.encoding == "cp1252" and [r.values["name"] for r in table.rows][-1] == "Cañete"


def test_blank_rows_are_skipped_but_keep_their_numbers(tmp_path: Path) -> None:
    path = tmp_path / "regions.csv"
    path.write_text('id,name\n\na,"A\nsecond line"\n,\nb,B\n\n\n', encoding="utf-8")
    table = read_table(path)
    assert [(r.number, r.values["name"]) for r in table.rows] == [(3, "A\nsecond line"), (5, "B")]


# XLSX traps


def test_xlsx_phone_numbers_become_text_without_point_zero(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "people.xlsx", [
        ["id", "name", "phone"], ["person-a", "A", 987654321], ["person-b", "B", 51984316053.0],
        ["person-c", "C", "+51 984 316 053"], [None, None, None], [None, None, None]])
    table, rows = _read(path)
    assert [r["phone"] for r in rows] == ["987654321", "51984316053", "+51 984 316 053"]
    assert table.format == "xlsx" and table.sheet == "Hoja1" and table.encoding is None


def test_xlsx_formula_without_saved_value_names_sheet_and_cell(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "regions.xlsx", [["id", "name", "ubigeo"], ["lima", "Lima", "=10+5"]], title="Datos")
    with pytest.raises(ReadError) as info:
        list(read_table(path).rows)
    assert info.value.code == "formula-without-value"
    assert str(info.value).startswith("regions.xlsx: cell Datos!C2 has a formula without a saved value (=10+5)")


def test_xlsx_hidden_and_extra_sheets_are_ignored_with_a_note(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    hidden = book.active
    hidden.title = "Vieja"
    hidden.append(["id", "name"])
    hidden.sheet_state = "hidden"
    data = book.create_sheet("Regiones")
    data.append(["id", "name"])
    data.append(["cusco", "Cusco"])
    book.create_sheet("Notas").append(["free text"])
    book.save(tmp_path / "regions.xlsx")
    table, rows = _read(tmp_path / "regions.xlsx")
    assert table.sheet == "Regiones" and rows == [{"id": "cusco", "name": "Cusco"}]
    assert [(n.code, n.params["value"]) for n in table.notes] == [("hidden-sheet", "Vieja"), ("extra-sheet", "Notas")]


def test_xlsx_merged_header_cells_are_an_error(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Hoja1"
    sheet.append(["id", "name", None, "quote"])
    sheet.merge_cells("B1:C1")
    sheet.append(["lima", "Lima", "", "q"])
    book.save(tmp_path / "regions.xlsx")
    with pytest.raises(ReadError) as info:
        read_table(tmp_path / "regions.xlsx")
    assert info.value.code == "blank-header" and info.value.params["cell"] == "Hoja1!C1"


@pytest.mark.parametrize("content, code", [
    (b"PK\x03\x04 not really a zip", "bad-xlsx"),
    (b"id,name\nlima,Lima\n", "bad-xlsx"),
])
def test_broken_xlsx_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "regions.xlsx"
    path.write_bytes(content)
    assert _code(path) == code


def test_an_empty_workbook_is_an_empty_file(tmp_path: Path) -> None:
    assert _code(write_xlsx(tmp_path / "regions.xlsx", [])) == "empty-file"


# Properties

_TEXT = st.text(alphabet=st.sampled_from(list("abcXYZ019 ,;\"'\n\r-|áéíóúñÑ¿¡")), max_size=12)
_NAME = st.text(alphabet="abcdefghij_", min_size=1, max_size=6)


@st.composite
def _tables(draw: st.DrawFn) -> tuple[list[str], list[list[str]]]:
    header = draw(st.lists(_NAME, min_size=2, max_size=5, unique=True))
    rows = draw(st.lists(st.lists(_TEXT, min_size=len(header), max_size=len(header)), max_size=6))
    return header, [row for row in rows if any(cell.strip() for cell in row)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=_tables(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]))
def test_csv_round_trip(tmp_path: Path, table: tuple[list[str], list[list[str]]], encoding: str) -> None:
    header, rows = table
    path = write_csv(tmp_path / "t.csv", [header] + rows, encoding=encoding)
    read = read_table(path)
    assert read.columns == tuple(header)
    assert [[r.values[c] for c in header] for r in read.rows] == rows


_CSV_LIKE = st.text(alphabet=',;"\n\r\tab \x00éÃ³\ufeff', max_size=120)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300) | _CSV_LIKE.map(lambda t: t.encode("utf-8")))
def test_only_essgraph_errors_escape_the_csv_reader(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.csv"
    path.write_bytes(data)
    try:
        table = read_table(path)
        values = [v for row in table.rows for v in row.values.values()]
    except EssgraphError:
        return
    assert all(isinstance(v, str) for v in values)
    assert not any("\ufffd" in v for v in values) or b"\xef\xbf\xbd" in data


def _workbook_bytes(tmp_path: Path) -> bytes:
    return write_xlsx(tmp_path / "base.xlsx", [["id", "name"], ["lima", "Lima"]]).read_bytes()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cuts=st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=255)), max_size=6),
       member=st.integers(min_value=0))
def test_only_essgraph_errors_escape_the_xlsx_reader(tmp_path: Path, cuts: list[tuple[int, int]], member: int) -> None:
    source = zipfile.ZipFile(io.BytesIO(_workbook_bytes(tmp_path)))
    names = source.namelist()
    target = names[member % len(names)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            data = bytearray(source.read(name))
            if name == target:
                for position, byte in cuts:
                    if data:
                        data[position % len(data)] = byte
            archive.writestr(name, bytes(data))
    path = tmp_path / "fuzz.xlsx"
    path.write_bytes(buffer.getvalue())
    try:
        list(read_table(path).rows)
    except EssgraphError:
        pass


def test_utf8_cut_short_at_the_end_with_a_byte_cp1252_lacks_is_located(tmp_path: Path) -> None:
    """Found by the fuzz test: b"\\xe1\\x81" is UTF-8 cut short, and 0x81 is not Windows-1252."""
    path = tmp_path / "cut.csv"
    path.write_bytes(b"id\n\xe1\x81")
    with pytest.raises(EssgraphError, match="0x81"):
        read_table(path)
