"""survey merge on a copy of the bundled data: reported ties, confirmations, flags, all or nothing, idempotent."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from essgraph.errors import ValidationFailed
from essgraph.loaders import export, load_graph
from essgraph.loaders.folder import bundled_data_dir
from essgraph.loaders.survey import check_responses
from essgraph.loaders.survey_rounds import merge_responses


@pytest.fixture()
def folder(tmp_path) -> Path:
    return Path(shutil.copytree(bundled_data_dir(), tmp_path / "data", ignore=shutil.ignore_patterns("__*")))


def _response(tmp_path: Path, name: str, org: str | None, **answers) -> Path:
    body = {"format": "essgraph-survey-response", "version": 1, "round": "r2", "date": "2027-03-01",
            "respondent": {"org": org} if org else {"org": None, "new": {"name": "Red Nueva Ficticia"}},
            "answerer": {"role": "coordinación"}, **answers}
    path = tmp_path / name
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def _merge(paths, folder):
    G = load_graph(data_dir=folder)
    responses, report = check_responses(paths, G)
    assert report.valid, report.render("en")
    names = [(n, str(t)) for n, a in G.nodes(data=True) for t in (n, a.get("name"), a.get("acronym")) if t]
    return merge_responses(responses, folder, round_name="r2", entities=names)


def test_a_round_end_to_end(folder, tmp_path) -> None:
    G = load_graph(data_dir=folder)
    (recorded,) = [k for u, v, k, t in G.edges(keys=True, data="type") if (u, v, t) == ("anpe", "gresp", "ALLIED_WITH")]
    paths = [
        _response(tmp_path, "gresp.json", "gresp", ties=[{"org": "cxd", "answer": "allied_with", "how": "ferias"}],
                  recorded=[{"key": recorded, "verdict": "deny"}],
                  answerer={"role": "coordinación", "name": "Persona Ficticia", "contact": "999 000 111",
                            "consent": True}),
        _response(tmp_path, "cxd.json", "cxd", ties=[{"org": "gresp", "answer": "allied_with"},
                                                     {"org": "ceas", "answer": "supported_by", "since": 2019}]),
        _response(tmp_path, "nueva.json", None, ties=[{"org": "gresp", "answer": "member_of"}]),
    ]
    summary = _merge(paths, folder)
    assert (summary.new_ties, summary.mutual, summary.one_sided, summary.denied_on_record) == (3, 1, 2, 1)
    assert summary.to_review == ("red-nueva-ficticia",)
    H = load_graph(data_dir=folder)
    reported = {(u, v, t): d for u, v, d in H.edges(data=True) if d.get("evidence") == "reported" for t in [d["type"]]}
    assert reported[("gresp", "cxd", "ALLIED_WITH")]["confirmation"] == "mutual"
    assert reported[("ceas", "cxd", "SUPPORTS")]["confirmation"] == "one-sided"
    assert reported[("red-nueva-ficticia", "gresp", "MEMBER_OF")]["round"] == "r2"
    assert H.edges["anpe", "gresp", recorded]["review"] == "disputed"  # flagged, never deleted
    assert H.nodes["gresp"]["survey_rounds"] == ["r2"] and H.nodes["red-nueva-ficticia"]["status"] == "proposed"
    public = export(H, "json", tmp_path / "public.json").read_text(encoding="utf-8")
    assert "Persona Ficticia" not in public and "999 000 111" not in public
    assert "Persona Ficticia" in (folder / "survey_responses.csv").read_text(encoding="utf-8")  # kept, with consent


def test_merging_twice_changes_nothing(folder, tmp_path) -> None:
    path = _response(tmp_path, "gresp.json", "gresp", ties=[{"org": "cxd", "answer": "coordinates_with"}])
    _merge([path], folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    summary = _merge([path], folder)
    assert summary.changed_files == () and summary.new_ties == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_a_bad_merge_writes_nothing(folder, tmp_path) -> None:
    before = sorted(p.name for p in folder.iterdir())
    path = _response(tmp_path, "x.json", "cxd", new_orgs=[{"name": "Grupo Red de Economía Solidaria del Perú"}])
    with pytest.raises(ValidationFailed) as caught:
        _merge([path], folder)
    assert [p.type for p in caught.value.report.problems] == ["survey-near-duplicate"]
    assert sorted(p.name for p in folder.iterdir()) == before
    other_round = _response(tmp_path, "y.json", "cxd")
    other_round.write_text(other_round.read_text().replace('"r2"', '"r3"'))
    with pytest.raises(ValidationFailed):
        _merge([other_round], folder)
    assert sorted(p.name for p in folder.iterdir()) == before
