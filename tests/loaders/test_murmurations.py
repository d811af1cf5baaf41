"""Murmurations export: profiles valid against the shipped schema, ties as relationships, the batch CSV,
the folder written whole, and the round trip of the bundled data through read_murmurations."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import jsonschema
import networkx as nx
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from essgraph.errors import RenderError
from essgraph.graphmodel import ACTOR_LABELS, SYMMETRIC_TYPES, Node, Relationship, build_graph, has_label
from essgraph.graphmodel import iter_relationships, public_graph
from essgraph.graphmodel.vocab import THEMES
from essgraph.loaders import bundled_data_dir, export, load_graph, read_murmurations, validate
from essgraph.loaders import murmurations_export
from essgraph.loaders.murmurations import MARKER, PREDICATES
from essgraph.loaders.murmurations_export import profile_files, profiles, web_urls

BASE = "https://example.org/perfiles/"
EV = {"section": "3.1", "quote": "q", "evidence": "stated"}


@pytest.fixture(scope="module")
def validator(shared_file: Callable[[str], Path]) -> jsonschema.Draft7Validator:
    """The organizations schema with its field files, every $ref resolved from ../shared (no network)."""
    schema_path = shared_file("vocab/murmurations/schemas/organizations_schema-v1.0.0.json")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    fields = schema_path.parents[1] / "fields"
    base = schema["$id"].rsplit("/schemas/", 1)[0]
    registry: Registry = Registry().with_resources(
        (f"{base}/fields/{path.name}", Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                                               default_specification=DRAFT7))
        for path in sorted(fields.glob("*.json")))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema, registry=registry)


@pytest.fixture(scope="module")
def exported(real_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(real_graph, "murmurations", tmp_path_factory.mktemp("m") / "perfiles", base_url=BASE)


def _actors(G: nx.MultiDiGraph) -> list[str]:
    return sorted(n for n in G if has_label(G, n, *ACTOR_LABELS))


def _tie(rel_type: str, start: str, end: str) -> tuple[str, ...]:
    return (rel_type, *sorted((start, end))) if rel_type in SYMMETRIC_TYPES else (rel_type, start, end)


def test_the_validator_rejects_what_the_schema_forbids(validator: jsonschema.Draft7Validator) -> None:
    good = {"linked_schemas": ["organizations_schema-v1.0.0"], "name": "X", "geolocation": {"lat": 1, "lon": 2}}
    assert not list(validator.iter_errors(good))
    bad = {**good, "primary_url": "javascript:alert(1)", "status": "asleep", "geolocation": {"lat": 100}}
    assert {e.json_path for e in validator.iter_errors(bad)} == {"$.primary_url", "$.status", "$.geolocation",
                                                                 "$.geolocation.lat"}


def test_every_profile_of_the_bundled_data_is_valid(exported: Path, real_graph: nx.MultiDiGraph,
                                                     validator: jsonschema.Draft7Validator) -> None:
    names = sorted(p.name for p in exported.glob("*.json"))
    assert names == sorted(f"{n}.json" for n in _actors(real_graph)) and len(names) > 150
    for name in names:
        profile = json.loads((exported / name).read_text(encoding="utf-8"))
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(profile)]
        assert not errors, (name, errors)
        assert profile["country_iso_3166"] == "PE" and profile["unique_id"] == name[:-5]
        assert "geolocation" not in profile  # essgraph knows no coordinates
    assert sorted(p.name for p in exported.iterdir()) == sorted([MARKER, "murmurations.csv", *names])


def test_a_profile_carries_the_organization(exported: Path) -> None:
    gresp = json.loads((exported / "gresp.json").read_text(encoding="utf-8"))
    assert gresp["name"] == "Grupo Red de Economía Solidaria del Perú" and gresp["nickname"] == "GRESP"
    assert gresp["primary_url"] == "http://www.gresp.org.pe" and gresp["status"] == "active"
    assert gresp["tags"][0] == "Red" and THEMES["T15"].es in gresp["tags"]
    assert gresp["geographic_scope"] == "national" and gresp["full_address"] == "Lima, Perú"
    assert {"predicate_url": "https://schema.org/memberOf", "object_url": BASE + "ripess.json"} in gresp["relationships"]
    muni = json.loads((exported / "muni-huamanga.json").read_text(encoding="utf-8"))
    assert muni["tags"][0] == "Municipalidad" and muni["primary_url"] == BASE + "muni-huamanga.json"


def test_relationships_are_the_stated_ties(exported: Path, real_graph: nx.MultiDiGraph) -> None:
    """Each profile states exactly the stated ties it is the subject of (both ends of a symmetric one)."""
    P = public_graph(real_graph)
    found = {n: json.loads((exported / f"{n}.json").read_text(encoding="utf-8")) for n in _actors(P)}
    by_url = {p["primary_url"]: n for n, p in found.items()}
    assert len(by_url) == len(found)  # every primary_url names one actor
    stated = {(p["unique_id"], r["predicate_url"], by_url[r["object_url"]])
              for p in found.values() for r in p.get("relationships", [])}
    expected = set()
    for rel in iter_relationships(P):
        if rel.type in PREDICATES and rel.properties["evidence"] == "stated":
            url = PREDICATES[rel.type].url
            if PREDICATES[rel.type].subject == "end":
                expected.add((rel.end, url, rel.start))
            else:
                expected.add((rel.start, url, rel.end))
            if rel.type in SYMMETRIC_TYPES:
                expected.add((rel.end, url, rel.start))
    assert stated == expected and len(stated) > 150
    # FOUNDED gresp → ripess: RIPESS names GRESP its founder; WORKS_WITH: both ends state it
    assert ("ripess", "https://schema.org/founder", "gresp") in stated
    assert {("gresp", PREDICATES["WORKS_WITH"].url, "muni-huamanga"),
            ("muni-huamanga", PREDICATES["WORKS_WITH"].url, "gresp")} <= stated


def test_round_trip_keeps_every_actor_and_stated_tie(exported: Path, real_graph: nx.MultiDiGraph,
                                                      tmp_path: Path) -> None:
    rows, report = read_murmurations(exported, date="2027-03-01")
    assert report.valid and not report.problems, report.render("en")
    actors = _actors(real_graph)
    organizations = [n for n in actors if has_label(real_graph, n, "Organization")]
    assert sorted(r["id"] for r in rows["organizations.csv"]) == organizations
    assert sorted(r["id"] for r in rows["municipalities.csv"]) == sorted(set(actors) - set(organizations))
    ties = {_tie(r.type, r.start, r.end) for r in iter_relationships(real_graph)
            if r.type in PREDICATES and r.properties["evidence"] == "stated"}
    back = [_tie(r["type"], r["start"], r["end"]) for r in rows["relationships.csv"]]
    assert sorted(back) == sorted(ties) and len(back) == len(set(back)) > 120
    assert {r["evidence"] for r in rows["relationships.csv"]} == {"imported"}
    # The rows make a data folder that validates (with Peru's regions) and builds the same actors
    folder = _data_folder(rows, tmp_path / "importado")
    assert validate(folder).valid
    H, P = load_graph(data_dir=folder), public_graph(real_graph)  # what was published: the public graph
    changed = Counter()
    for n in actors:
        a, b = P.nodes[n], H.nodes[n]
        for key in ("name", "kind", "sector", "sectors_additional", "themes", "scope", "status", "region",
                    "locality", "web", "email", "description", "level", "acronym"):
            if a.get(key) != b.get(key):
                changed[key] += 1
                _explain(key, a, b)
    assert set(changed) <= {"web", "themes", "acronym"}, changed


def _explain(key: str, a: dict[str, Any], b: dict[str, Any]) -> None:
    """Every difference of the round trip is one that docs/formats.md lists."""
    if key == "web":  # a bare www.x.org comes back with http://; a web redacted as a phone is not published
        assert " ".join(web_urls(a["web"])) == (b.get("web") or "")
    elif key == "themes":  # T11 is also the label of the kind cooperation_agency
        assert a["kind"] == "cooperation_agency" and set(a["themes"]) - set(b.get("themes") or []) == {"T11"}
    else:  # an alias as nickname comes back as an acronym, or an acronym with spaces as an alias
        assert a.get("acronym") in (b.get("aliases") or [None]) or b["acronym"] == (a.get("aliases") or [None])[0]


def _data_folder(rows: dict[str, list[dict[str, str]]], folder: Path) -> Path:
    folder.mkdir()
    for name, table in rows.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(table[0]))
            writer.writeheader()
            writer.writerows(table)
    for name in ("regions.csv", "macro_regions.csv"):
        shutil.copy(bundled_data_dir() / name, folder / name)
    return folder


def test_the_batch_csv_holds_the_same_profiles(exported: Path) -> None:
    data = (exported / "murmurations.csv").read_bytes()
    assert data.startswith(b"oid,name,nickname,primary_url,tags[0],") and b"\r\n" in data
    for row in csv.DictReader(io.StringIO(data.decode("utf-8"))):
        profile = json.loads((exported / f"{row['oid']}.json").read_text(encoding="utf-8"))
        del profile["linked_schemas"]  # chosen in the importer
        assert _unflatten({k: v for k, v in row.items() if v and k != "oid"}) == profile


def _unflatten(row: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for column, value in row.items():
        parts = [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", column)]
        target: Any = out
        for part, following in zip(parts, parts[1:]):
            if isinstance(part, int):
                while len(target) <= part:
                    target.append({} if isinstance(following, str) else [])
                target = target[part]
            else:
                target = target.setdefault(part, [] if isinstance(following, int) else {})
        if isinstance(parts[-1], int):
            target.append(value)
        else:
            target[parts[-1]] = value
    return out


def test_past_the_importer_batch_limit_the_csv_is_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(murmurations_export, "BATCH_ROWS", 2)
    G = build_graph([Node(i, ("Organization",), {"name": i.upper(), "kind": "ngo"}) for i in "abcde"], [])
    files = profile_files(G, base_url=BASE)
    assert sorted(n for n in files if n.endswith(".csv")) == ["murmurations-1.csv", "murmurations-2.csv",
                                                               "murmurations-3.csv"]
    assert files["murmurations-3.csv"].decode("utf-8").splitlines() == ["oid,name,primary_url,tags[0],"
                                                                         "country_iso_3166,unique_id",
                                                                         f"e,E,{BASE}e.json,ONG,PE,e"]


def _small(**web: str) -> nx.MultiDiGraph:
    nodes = [Node(n, ("Organization",), {"name": n.upper(), "kind": "ngo", **({"web": w} if w else {})})
             for n, w in web.items()]
    return build_graph(nodes, [])


def test_primary_url_is_the_web_where_it_is_one_and_not_shared() -> None:
    found = profiles(_small(a="www.a.org", b="http://shared.org", c="https://www.shared.org/", d="ver directorio",
                            e="www.e.org https://e.example"), base_url="https://x.org/p")
    assert {n: p["primary_url"] for n, p in found.items()} == {
        "a": "http://www.a.org", "b": "https://x.org/p/b.json", "c": "https://x.org/p/c.json",
        "d": "https://x.org/p/d.json", "e": "http://www.e.org"}
    assert found["b"]["urls"] == [{"name": "web", "url": "http://shared.org"}]
    assert found["e"]["urls"] == [{"name": "web", "url": "https://e.example"}] and "urls" not in found["d"]


def test_only_stated_ties_and_reported_ones_when_asked() -> None:
    G = build_graph([Node(n, ("Organization",), {"name": n, "kind": "ngo"}) for n in "abcd"], [
        Relationship("SUPPORTS", "a", "b", EV), Relationship("SUPPORTS", "a", "c", {**EV, "evidence": "reported"}),
        Relationship("SUPPORTS", "a", "d", {**EV, "evidence": "inferred"}),
        Relationship("SHARES_CONTACT", "a", "b", {**EV, "evidence": "inferred"}),
        Relationship("FOUNDED", "b", "c", EV)])

    def said(include_reported: bool) -> dict[str, list[str]]:
        return {n: [r["object_url"][-6:] for r in p.get("relationships", [])]
                for n, p in profiles(G, base_url=BASE, include_reported=include_reported).items()}

    assert said(False) == {"a": ["b.json"], "b": [], "c": ["b.json"], "d": []}  # c names b its founder
    assert said(True)["a"] == ["b.json", "c.json"]


def test_personal_data_only_when_asked(valid_dir: Path, tmp_path: Path) -> None:
    G = load_graph(data_dir=valid_dir)
    public = export(G, "murmurations", tmp_path / "public", base_url=BASE)
    private = export(G, "murmurations", tmp_path / "private", base_url=BASE, include_personal_data=True)
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(public.iterdir()))
    assert "999 000 111" not in text and "Ana Prueba" not in text and "entrevistado" not in text
    casa = json.loads((private / "casa-sol.json").read_text(encoding="utf-8"))
    assert casa["telephone"] == "+51 999 000 111" and casa["contact_details"] == {"email": "info@casa-sol.example"}


def test_the_folder_is_written_whole(valid_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    G = load_graph(data_dir=valid_dir)
    out = export(G, "murmurations", tmp_path / "perfiles", base_url=BASE)
    (out / "stale.json").write_text("{}")  # a profile of an earlier export: gone after the next one
    export(G, "murmurations", out, base_url=BASE)
    assert not (out / "stale.json").exists() and (out / "casa-sol.json").is_file()
    before = sorted((p.name, p.read_bytes()) for p in out.iterdir())
    calls = iter(range(1000))

    def failing(path: Path, data: bytes, **kw: Any) -> Path:  # the third file finds the disk full
        if next(calls) == 2:
            raise RenderError("cannot write: disk full")
        Path(path).write_bytes(data)
        return Path(path)

    monkeypatch.setattr(murmurations_export, "atomic_write", failing)
    with pytest.raises(RenderError, match="disk full"):
        export(G, "murmurations", out, base_url="https://other.example/")
    assert sorted((p.name, p.read_bytes()) for p in out.iterdir()) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "perfiles"]  # no temporary folder left


def test_a_folder_that_is_not_an_export_is_refused(valid_dir: Path, tmp_path: Path) -> None:
    G = load_graph(data_dir=valid_dir)
    mine = tmp_path / "mis-datos"
    mine.mkdir()
    (mine / "notas.txt").write_text("mío")
    with pytest.raises(RenderError) as info:
        export(G, "murmurations", mine, base_url=BASE)
    assert str(info.value) == (f"{mine} exists and is not an essgraph Murmurations export: choose an empty or new "
                               "folder (nothing was written)")
    assert [p.name for p in mine.iterdir()] == ["notas.txt"]
    with pytest.raises(RenderError, match="exists and is not an essgraph Murmurations export"):
        export(G, "murmurations", mine / "notas.txt", base_url=BASE)
    empty = tmp_path / "vacia"
    empty.mkdir()
    assert (export(G, "murmurations", empty, base_url=BASE) / "casa-sol.json").is_file()


@pytest.mark.parametrize("kwargs, message", [
    ({}, "Murmurations profiles need a base URL: the web address where they will be hosted, "
         "e.g. https://example.org/perfiles/"),
    ({"base_url": "example.org/perfiles"}, "the base URL 'example.org/perfiles' is not an http(s) address: write it "
                                           "whole, e.g. https://example.org/perfiles/"),
    ({"base_url": "javascript:alert(1)//"}, "the base URL 'javascript:alert(1)//' is not an http(s) address: write "
                                            "it whole, e.g. https://example.org/perfiles/"),
])
def test_base_url_is_needed_and_checked(valid_dir: Path, tmp_path: Path, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(RenderError) as info:
        export(load_graph(data_dir=valid_dir), "murmurations", tmp_path / "p", **kwargs)
    assert str(info.value) == message and info.value.options == ("base_url",) and not (tmp_path / "p").exists()


def test_murmurations_options_belong_to_murmurations(valid_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="^a base URL applies to the murmurations and essglobal formats only$"):
        export(load_graph(data_dir=valid_dir), "gexf", tmp_path / "g.gexf", base_url=BASE)


def test_every_tie_type_that_can_be_stated_has_a_predicate() -> None:
    from essgraph.graphmodel import REL_SPECS, TIE_TYPES

    assert set(PREDICATES) == {t for t in TIE_TYPES if not REL_SPECS[t].always_inferred}
    assert len({p.url for p in PREDICATES.values()}) == len(PREDICATES)
