"""survey status and diff through the CLI, after a fictional round merged into a copy of the bundled data."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from essgraph.cli import main
from essgraph.loaders.folder import bundled_data_dir


def _round(tmp_path: Path) -> Path:
    folder = Path(shutil.copytree(bundled_data_dir(), tmp_path / "ronda-2", ignore=shutil.ignore_patterns("__*")))
    answer = {"format": "essgraph-survey-response", "version": 1, "round": "r2", "date": "2027-03-01",
              "respondent": {"org": "aam"}, "answerer": {"role": "presidenta"},
              "ties": [{"org": "gresp", "answer": "member_of", "since": 2019}]}
    path = tmp_path / "aam.json"
    path.write_text(json.dumps(answer), encoding="utf-8")
    result = CliRunner().invoke(main, ["survey", "merge", str(path), "--data", str(folder), "--round", "r2"])
    assert result.exit_code == 0, result.output
    return folder


def test_status_tells_answered_from_not_asked(tmp_path) -> None:
    folder = _round(tmp_path)
    result = CliRunner().invoke(main, ["survey", "status", "--data", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert [r["id"] for r in status["answered"]] == ["aam"] and status["rounds"] == ["r2"]
    assert status["confirmations"] == {"one-sided": 1}
    text = CliRunner().invoke(main, ["survey", "status", "--data", str(folder)]).output
    assert "no respondieron" in text and "A quién preguntar ahora" in text


def test_diff_between_the_rounds(tmp_path) -> None:
    folder = _round(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(bundled_data_dir()), str(folder), "--json", "-"])
    assert result.exit_code == 0, result.output
    changes = json.loads(result.output)
    assert [(t["a"]["id"], t["b"]["id"]) for t in changes["ties_added"]] == [("aam", "gresp")]
    assert [r["id"] for r in changes["found_partner"]] == ["aam"]
    md = tmp_path / "cambios.md"
    assert CliRunner().invoke(main, ["diff", str(bundled_data_dir()), str(folder), "--md", str(md)]).exit_code == 0
    assert md.read_text(encoding="utf-8").startswith("# Cambios desde la ronda anterior")
