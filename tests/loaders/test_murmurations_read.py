"""read_murmurations: profiles as data-folder rows; hostile profiles refused with nothing to write, every
problem at once and located by profile file and field."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from essgraph.loaders import read_murmurations
from essgraph.loaders.murmurations import MAX_PROFILE_BYTES, MAX_TEXT, PREDICATES

MEMBER_OF = PREDICATES["MEMBER_OF"].url


def _profile(name: str, **fields: Any) -> dict[str, Any]:
    return {"linked_schemas": ["organizations_schema-v1.0.0"], "name": name, **fields}


def _folder(tmp_path: Path, **profiles: Any) -> Path:
    folder = tmp_path / "perfiles"
    folder.mkdir(exist_ok=True)
    for stem, content in profiles.items():
        path = folder / f"{stem}.json"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return folder


def _red() -> dict[str, Any]:
    return _profile("Red Sur", nickname="RDS", primary_url="https://redsur.example", tags=["Red"])


def _located(report: Any) -> list[tuple[str, str, str, str]]:
    return [(p.file, p.column, p.type, p.severity) for p in report.problems]


@pytest.mark.parametrize("profile, where", [
    (_profile("Coop", primary_url="javascript:alert(1)"), ("coop.json", "primary_url", "murmurations-bad-url")),
    (_profile("Coop", urls=[{"name": "web", "url": "javascript:alert(document.cookie)"}]),
     ("coop.json", "urls[0].url", "murmurations-bad-url")),
    (_profile("Coop", relationships=[{"predicate_url": MEMBER_OF, "object_url": "JavaScript:alert(1)"}]),
     ("coop.json", "relationships[0].object_url", "murmurations-bad-url")),
    (_profile("Coop", relationships=[{"predicate_url": "data:text/html,<script>", "object_url": "https://redsur.example"}]),
     ("coop.json", "relationships[0].predicate_url", "murmurations-bad-url")),
    (_profile("Coop", primary_url="https://coop.example", relationships=[
        {"predicate_url": MEMBER_OF, "object_url": "https://coop.example/"}]),
     ("coop.json", "relationships[0].object_url", "murmurations-self-tie")),
    (_profile("Coop", description="x" * (MAX_TEXT + 1)), ("coop.json", "description", "murmurations-too-long")),
    (_profile("C" * 201), ("coop.json", "name", "murmurations-too-long")),
    (_profile("Coop", status="asleep"), ("coop.json", "status", "murmurations-bad-value")),
    (_profile("Coop", tags="Cooperativa"), ("coop.json", "tags", "murmurations-bad-value")),
    (_profile("Coop", relationships=[{"predicate_url": MEMBER_OF}]),
     ("coop.json", "relationships[0].object_url", "murmurations-missing")),
    ({"linked_schemas": ["organizations_schema-v1.0.0"], "name": {"es": "Coop"}},
     ("coop.json", "name", "murmurations-bad-value")),
    ({"linked_schemas": ["organizations_schema-v1.0.0"]}, ("coop.json", "name", "murmurations-missing")),
    (["not", "a", "profile"], ("coop.json", "", "murmurations-not-a-profile")),
    ('{"name": "Coop", ', ("coop.json", "", "murmurations-unreadable")),
    (b'{"name": "Cooperativa Ca\xf1ete"}', ("coop.json", "", "murmurations-unreadable")),
], ids=["javascript-primary-url", "javascript-in-urls", "javascript-object", "data-predicate", "tie-to-itself",
        "long-description", "long-name", "status", "tags-not-a-list", "object-missing", "name-not-text",
        "no-name", "a-list", "invalid-json", "latin-1"])
def test_a_hostile_profile_is_refused_and_nothing_is_written(tmp_path: Path, profile: Any,
                                                             where: tuple[str, str, str]) -> None:
    rows, report = read_murmurations(_folder(tmp_path, red=_red(), coop=profile))
    assert not report.valid and rows == {"organizations.csv": [], "municipalities.csv": [], "relationships.csv": []}
    assert _located(report) == [(*where, "error")]


def test_a_10_mb_description_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    huge = json.dumps(_profile("Coop", description="x" * 10 * 1024 * 1024))
    rows, report = read_murmurations(_folder(tmp_path, coop=huge, red=_red()))
    assert not any(rows.values()) and _located(report) == [("coop.json", "", "murmurations-unreadable", "error")]
    assert report.problems[0].message("en") == f"the profile cannot be read: larger than {MAX_PROFILE_BYTES // 2**20} MB"


def test_a_device_named_json_is_refused(tmp_path: Path) -> None:
    folder = _folder(tmp_path, red=_red())
    os.symlink("/dev/zero", folder / "zero.json")  # read whole, it would never end
    rows, report = read_murmurations(folder)
    assert _located(report) == [("zero.json", "", "murmurations-unreadable", "error")]
    assert "not a regular file" in report.problems[0].message("en")


def test_every_problem_at_once_located_and_in_both_languages(tmp_path: Path) -> None:
    folder = _folder(tmp_path, red=_red(), a="[1, 2", b=_profile("B", primary_url="javascript:x", status="zzz", relationships=[
        {"predicate_url": "https://schema.org/knows", "object_url": "https://redsur.example"},
        {"predicate_url": MEMBER_OF, "object_url": "https://elsewhere.example"}]))
    rows, report = read_murmurations(folder)
    assert _located(report) == [
        ("a.json", "", "murmurations-unreadable", "error"),
        ("b.json", "primary_url", "murmurations-bad-url", "error"),
        ("b.json", "relationships[0].predicate_url", "murmurations-unknown-predicate", "warning"),
        ("b.json", "relationships[1].object_url", "murmurations-unknown-object", "warning"),
        ("b.json", "status", "murmurations-bad-value", "error")]
    lines = report.render("en").splitlines()
    assert "ERROR   b.json  primary_url  [murmurations-bad-url]" in lines
    assert "        'javascript:x' in primary_url is not an http(s) web address" in lines
    assert "        'javascript:x' en primary_url no es una dirección web http(s)" in report.render("es").splitlines()
    assert lines[-1] == f"{folder}: 3 error(s), 2 warning(s)" and not any(rows.values())


def test_ties_that_cannot_be_read_are_left_out_with_a_warning(tmp_path: Path) -> None:
    muni = _profile("Municipalidad de Majes", primary_url="https://majes.example", tags=["Municipalidad", "Distrital"])
    folder = _folder(tmp_path, red=_red(), muni=muni, twin1=_profile("T1", primary_url="https://twin.example"),
                     twin2=_profile("T2", primary_url="https://twin.example/"), coop=_profile(
                         "Coop", tags=["Cooperativa"], relationships=[
                             {"predicate_url": MEMBER_OF, "object_url": "https://twin.example"},
                             {"predicate_url": "https://schema.org/memberOf", "object_url": "https://majes.example"},
                             {"predicate_url": "http://schema.org/memberOf/", "object_url": "https://redsur.example"}]))
    rows, report = read_murmurations(folder, date="2027-03-01")
    assert report.valid and _located(report) == [
        ("coop.json", "relationships[0].object_url", "murmurations-ambiguous-object", "warning"),
        ("coop.json", "relationships[1].predicate_url", "murmurations-bad-ends", "warning")]
    assert "twin1.json, twin2.json" in report.problems[0].message("en")
    assert report.problems[1].message("en") == ("relationships[1].predicate_url: MEMBER_OF cannot go from "
                                                "Organization 'coop' to Municipality 'municipalidad-de-majes' (left out)")
    assert [(r["type"], r["start"], r["end"], r["quote"]) for r in rows["relationships.csv"]] == [
        ("MEMBER_OF", "coop", "rds", "http://schema.org/memberOf/ https://redsur.example")]
    assert rows["municipalities.csv"][0]["level"] == "district"


def test_a_symmetric_tie_stated_by_both_ends_is_one_row(tmp_path: Path) -> None:
    allied = PREDICATES["ALLIED_WITH"].url
    folder = _folder(tmp_path,
                     a=_profile("A", primary_url="https://a.example", relationships=[
                         {"predicate_url": allied, "object_url": "https://b.example"}]),
                     b=_profile("B", primary_url="https://b.example", relationships=[
                         {"predicate_url": allied, "object_url": "https://a.example"}]))
    rows, report = read_murmurations(folder)
    assert [(r["type"], r["start"], r["end"], r["section"]) for r in rows["relationships.csv"]] == [
        ("ALLIED_WITH", "a", "b", "a.json")]


def test_founder_is_read_from_the_founded_side(tmp_path: Path) -> None:
    folder = _folder(tmp_path, red=_red(), hija=_profile("Hija", relationships=[
        {"predicate_url": "https://schema.org/founder", "object_url": "https://redsur.example"}]))
    rows, _ = read_murmurations(folder)
    assert [(r["type"], r["start"], r["end"]) for r in rows["relationships.csv"]] == [("FOUNDED", "rds", "hija")]


def test_ids_tags_place_and_provenance(tmp_path: Path) -> None:
    folder = _folder(
        tmp_path,
        a=_profile("Asociación Casa del Sol", nickname="Casa Sol", unique_id="casa-sol",
                   primary_url="https://p.example/perfiles/a.json", urls=[{"name": "web", "url": "https://sol.example"}],
                   tags=["NGO", "Women", "Mujeres", "Finanzas solidarias", "artesanía"], status="on_hold",
                   geographic_scope="regional", full_address="Mórrope, Lambayeque, Perú", country_iso_3166="PE",
                   contact_details={"email": "info@sol.example"}),
        b=_profile("Otra Casa", unique_id="casa-sol", full_address="Lima, Ohio", country_iso_3166="US"),
        c=_profile("Cooperación Sur", nickname="COOP SUR", tags=["Cooperación internacional"]),
        d=_profile("Ayuda", tags=["ONG", "Cooperación internacional"]))
    rows, report = read_murmurations(folder, date="2027-03-01")
    assert _located(report) == [("b.json", "unique_id", "murmurations-duplicate-id", "warning")]
    a, b, c, d = rows["organizations.csv"]
    assert (a["id"], a["acronym"], a["aliases"], a["kind"], a["themes"]) == ("casa-sol", "", "Casa Sol", "ngo", "T14|T3")
    assert (a["region"], a["locality"], a["status"], a["scope"]) == ("lambayeque", "Mórrope", "inactive", "regional")
    assert a["web"] == "https://sol.example" and a["email"] == "info@sol.example"  # the own address is no website
    assert (a["section"], a["quote"]) == ("a.json", "Asociación Casa del Sol")
    assert a["note"] == "importado de un perfil Murmurations el 2027-03-01; otras etiquetas: artesanía"
    assert (b["id"], b["kind"], b["region"], b["locality"], b["status"]) == ("casa-sol-2", "initiative", "", "Lima, Ohio",
                                                                            "unknown")
    assert "ninguna etiqueta dice el tipo de organización" in b["note"]
    assert (c["id"], c["acronym"], c["kind"], c["themes"]) == ("coop-sur", "COOP SUR", "cooperation_agency", "")
    assert (d["kind"], d["themes"]) == ("ngo", "T11")  # the label of a kind is a theme once the kind is known


def test_no_profile_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notas.txt").write_text("x")
    rows, report = read_murmurations(tmp_path)
    assert _located(report) == [(str(tmp_path), "", "murmurations-no-profiles", "error")]
    assert report.problems[0].message("es") == f"no hay perfiles Murmurations (archivos .json) en {tmp_path}"
    assert _located(read_murmurations(tmp_path / "missing")[1]) == [
        (str(tmp_path / "missing"), "", "murmurations-no-profiles", "error")]


def test_one_profile_file_can_be_read(tmp_path: Path) -> None:
    folder = _folder(tmp_path, red=_red())
    rows, report = read_murmurations(folder / "red.json")
    assert report.valid and [r["id"] for r in rows["organizations.csv"]] == ["rds"]
