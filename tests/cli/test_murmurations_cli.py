"""essgraph export --format murmurations through click's CliRunner: the folder, how to publish, Error lines."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.loaders.murmurations_export import MURMURATIONS_IMPORTER, MURMURATIONS_INDEX, MURMURATIONS_TEST_INDEX

VALID_DIR = Path(__file__).resolve().parents[1] / "loaders" / "fixtures" / "valid"
BASE = "https://example.org/perfiles"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return Path(shutil.copytree(VALID_DIR, tmp_path / "data"))


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


def test_export_writes_the_profiles_and_says_how_to_publish(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "perfiles"
    result = run("export", "--data", str(data), "--format", "murmurations", "-o", str(out), "--base-url", BASE,
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [".essgraph-murmurations", "casa-sol.json", "coop-andina.json",
                                                     "muni-majes.json", "murmurations.csv", "red-sur.json"]
    assert result.stdout.splitlines() == [
        f"Exported to {out}",
        "4 Murmurations profiles. To publish them:",
        f"  1. Upload the files of {out} to {BASE}/ (each profile at {BASE}/casa-sol.json).",
        "  2. Register each profile's address with the Murmurations index: a POST of "
        f'{{"profile_url": "{BASE}/casa-sol.json"}} to {MURMURATIONS_INDEX} (try {MURMURATIONS_TEST_INDEX} first).',
        f"  Or upload murmurations.csv to the Murmurations Batch Importer ({MURMURATIONS_IMPORTER}).",
        "  Details: docs/formats.md, section Murmurations."]
    casa = json.loads((out / "casa-sol.json").read_text(encoding="utf-8"))
    assert "telephone" not in casa and casa["relationships"]


def test_export_speaks_spanish_by_default(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "perfiles"
    result = run("export", "--data", str(data), "--format", "murmurations", "-o", str(out), "--base-url", BASE)
    assert result.stdout.splitlines()[:2] == [f"Exportado a {out}", "4 perfiles Murmurations. Para publicarlos:"]


def test_reported_ties_and_personal_data_only_when_asked(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "perfiles"
    args = ["export", "--data", str(data), "--format", "murmurations", "-o", str(out), "--base-url", BASE]
    assert run(*args, "--include-personal-data", "--include-reported").exit_code == 0
    assert json.loads((out / "casa-sol.json").read_text(encoding="utf-8"))["telephone"] == "+51 999 000 111"


@pytest.mark.parametrize("extra, error", [
    ([], "Error: Murmurations profiles need a base URL: the web address where they will be hosted, "
         "e.g. https://example.org/perfiles/ [--base-url]"),
    (["--base-url", "ftp://example.org/"], "Error: the base URL 'ftp://example.org/' is not an http(s) address: write "
                                           "it whole, e.g. https://example.org/perfiles/ [--base-url]"),
])
def test_base_url_errors(data: Path, tmp_path: Path, extra: list[str], error: str) -> None:
    result = run("export", "--data", str(data), "--format", "murmurations", "-o", str(tmp_path / "p"), *extra)
    assert result.exit_code == 1 and result.stderr == error + "\n" and "Traceback" not in result.output


def test_a_folder_that_is_not_an_export_is_an_error_line(data: Path) -> None:
    result = run("export", "--data", str(data), "--format", "murmurations", "-o", str(data), "--base-url", BASE)
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {data} exists and is not an essgraph Murmurations export: choose an empty or "
                             "new folder (nothing was written)\n")


def test_murmurations_options_with_another_format_are_an_error_line(data: Path, tmp_path: Path) -> None:
    result = run("export", "--data", str(data), "--format", "gexf", "-o", str(tmp_path / "g.gexf"),
                 "--include-reported")
    assert result.exit_code == 1
    assert result.stderr == ("Error: choosing the reported ties applies to the murmurations format only (the "
                             "essglobal formats write every tie with its evidence) [--include-reported]\n")


def test_a_file_format_into_a_folder_is_an_error_line(data: Path, tmp_path: Path) -> None:
    result = run("export", "--data", str(data), "--format", "json", "-o", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: cannot write {tmp_path}: it is not a regular file")
