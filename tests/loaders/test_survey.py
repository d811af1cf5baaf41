"""Survey responses: each bad file a located error, nothing accepted from it; the shipped schema agrees."""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders.survey import check_responses


@pytest.fixture()
def G():
    org = lambda i, n: Node(i, ("Organization",), {"name": n})  # noqa: E731
    return build_graph([org("a", "Asociación A"), org("b", "Red B"), org("c", "Cooperativa C"),
                        Node("cusco", ("Region",), {"name": "Cusco"})],
                       [Relationship("MEMBER_OF", "a", "b", {"quote": "A es miembro de B"})])


def _good(G) -> dict:
    (key,) = [k for _, _, k in G.edges(keys=True)]
    return {"format": "essgraph-survey-response", "version": 1, "round": "r2", "date": "2027-03-01",
            "respondent": {"org": "a"}, "answerer": {"role": "presidenta", "name": "", "contact": "", "consent": False},
            "recorded": [{"key": key, "verdict": "confirm"}],
            "ties": [{"org": "c", "answer": "allied_with", "since": 2020, "how": "ferias"}],
            "new_orgs": [{"name": "Nueva", "region": "cusco", "kind": "cooperative"}]}


def _write(tmp_path: Path, name: str, data) -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_good_response_becomes_reported_ties(G, tmp_path) -> None:
    responses, report = check_responses([_write(tmp_path, "ok.json", _good(G))], G)
    assert report.valid and not report.problems
    assert [(t.type, t.start, t.end, t.year) for t in responses[0].ties] == [("ALLIED_WITH", "a", "c", 2020)]


@pytest.mark.parametrize("edit, kind, column", [
    (lambda r: r.update(version=2), "survey-version", "version"),
    (lambda r: r.update(format="kumu"), "survey-not-a-response", "format"),
    (lambda r: r["ties"][0].update(org="cc"), "survey-unknown-org", "ties[0].org"),
    (lambda r: r["ties"].append(dict(r["ties"][0])), "survey-duplicate", "ties[1]"),
    (lambda r: r["ties"][0].update(since="dos mil"), "survey-bad-year", "ties[0].since"),
    (lambda r: r["ties"][0].update(org="a"), "survey-self-tie", "ties[0].org"),
    (lambda r: r["recorded"][0].update(key="nope"), "survey-unknown-tie", "recorded[0].key"),
    (lambda r: r["answerer"].update(role=""), "survey-missing", "answerer.role"),
    (lambda r: r["new_orgs"][0].update(region="marte"), "survey-bad-value", "new_orgs[0].region"),
    (lambda r: r["ties"][0].update(how="x" * 6000), "survey-too-long", "ties[0].how"),
])
def test_each_bad_answer_is_located_and_nothing_is_accepted(G, tmp_path, edit, kind, column) -> None:
    response = _good(G)
    edit(response)
    responses, report = check_responses([_write(tmp_path, "bad.json", response)], G)
    assert not report.valid and responses == []
    assert (kind, "bad.json", column) in {(p.type, p.file, p.column) for p in report.problems}


def test_truncated_and_duplicated_files(G, tmp_path) -> None:
    good = json.dumps(_good(G))
    paths = [_write(tmp_path, "cut.json", good[: len(good) // 2]), _write(tmp_path, "one.json", good),
             _write(tmp_path, "two.json", good)]
    responses, report = check_responses(paths, G)
    assert [p.type for p in report.problems] == ["survey-unreadable", "survey-duplicate-response"]
    assert [r.file for r in responses] == ["one.json"]


def test_the_shipped_schema_accepts_a_good_response_and_rejects_a_bad_one(G) -> None:
    schema = json.loads((files("essgraph.loaders") / "survey-response.schema.json").read_text("utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(_good(G), schema)
    bad = _good(G)
    bad["ties"][0]["answer"] = "friends"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
