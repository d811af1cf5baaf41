"""stats and export: counts, the four formats read back, privacy, UTF-8."""
from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from essgraph.errors import RenderError
from essgraph.loaders import EXPORT_FORMATS, export, load_graph, stats


@pytest.fixture
def G(valid_dir: Path) -> nx.MultiDiGraph:
    return load_graph(data_dir=valid_dir)


def test_stats(G: nx.MultiDiGraph) -> None:
    assert stats(G) == {
        "nodes": 10, "relationships": 12, "census": 2,
        "labels": {"MacroRegion": 2, "Municipality": 1, "Network": 1, "Organization": 3, "Person": 1, "Region": 3},
        "types": {"ALLIED_WITH": 1, "LOCATED_IN": 7, "MEMBER_OF": 1, "REPRESENTS": 1, "SHARES_CONTACT": 1,
                  "WORKS_WITH": 1},
        "evidence": {"inferred": 1, "stated": 11},
        "regions": {"arequipa": 3, "cusco": 1},
        "macro_regions": {"sur": 4},
        "kinds": {"cooperative": 1, "network": 1, "ngo": 1},
    }


def test_stats_of_an_empty_graph() -> None:
    assert stats(nx.MultiDiGraph())["nodes"] == 0


def _edge_types(fmt: str, path: Path, H: nx.MultiDiGraph) -> list[str]:
    if fmt == "graphml":
        return sorted(d["rel_type"] for _, _, d in H.edges(data=True))
    from xml.etree import ElementTree as ET  # NetworkX does not read GEXF's edge kind
    return sorted(e.get("kind") for e in ET.parse(path).iter("{http://gexf.net/1.3}edge"))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_networkx(G: nx.MultiDiGraph, tmp_path: Path, fmt: str) -> None:
    path = export(G, fmt, tmp_path / f"map.{fmt}")
    H = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path, version="1.3")
    assert H.number_of_nodes() == G.number_of_nodes() and H.number_of_edges() == G.number_of_edges()
    casa = H.nodes["casa-sol"]
    assert casa["labels"] == "Organization" and casa["label"] == "Asociación Casa del Sol"
    assert casa["aliases"] == "Casa Sol|Casa del Sol" and int(casa["founded_year"]) == 1995
    assert H.nodes["red-sur"]["labels"] == "Organization|Network"
    assert _edge_types(fmt, path, H) == sorted(t for _, _, t in G.edges(data="type"))
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")


def test_csv_export_is_a_zip_of_nodes_and_relationships(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = export(G, "csv", tmp_path / "map.zip")
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["nodes.csv", "relationships.csv"]
        nodes = list(csv.DictReader(io.StringIO(archive.read("nodes.csv").decode("utf-8-sig"))))
        rels = list(csv.DictReader(io.StringIO(archive.read("relationships.csv").decode("utf-8-sig"))))
    by_id = {n["id"]: n for n in nodes}
    assert by_id["casa-sol"]["themes"] == "T14|T15" and by_id["red-sur"]["labels"] == "Organization|Network"
    assert len(rels) == 12 and list(rels[0])[:4] == ["type", "type_label", "start", "end"]


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_shared_exports_leave_personal_data_out(G: nx.MultiDiGraph, tmp_path: Path, fmt: str) -> None:
    public, private = (_read(export(G, fmt, tmp_path / f"{kind}.{fmt}", include_personal_data=kind == "private",
                                    **({"base_url": "https://example.org/p/"} if fmt == "murmurations" else {})))
                       for kind in ("public", "private"))
    people = fmt != "murmurations"  # profiles are organizations': no person, public or not
    org_phone = b"+51 999 000 111"
    for secret in (b"Ana Prueba", b"999 111 222", b"ana@example.org", org_phone):
        assert secret not in public
        assert (secret in private) == (people or secret == org_phone)
    assert (b"entrevistado-1" in public) == people and b"person-ana-prueba" not in public


def _read(path: Path) -> bytes:
    """The bytes of an export: a file, the files of a zip, or the files of a folder."""
    if path.is_dir():
        return b"".join(p.read_bytes() for p in sorted(path.iterdir()))
    return _unzip(path.read_bytes()) if path.suffix == ".csv" else path.read_bytes()


def _unzip(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return b"".join(archive.read(name) for name in archive.namelist())


def test_json_export_is_the_to_json_dict_shape(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    data = json.loads(export(G, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert set(data) == {"dataset", "nodes", "relationships", "census"}
    assert set(data["nodes"][0]) == {"id", "labels", "properties"}
    assert set(data["relationships"][0]) == {"type", "start", "end", "properties"}
    assert "Mórrope" in (tmp_path / "g.json").read_bytes().decode("utf-8")


def test_unknown_format_and_unwritable_path(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown export format 'pdf': use one of json, graphml, gexf, csv, "
                                          "murmurations"):
        export(G, "pdf", tmp_path / "x.pdf")
    (tmp_path / "file").write_text("x")
    with pytest.raises(RenderError, match="cannot write .*choose another path with -o"):
        export(G, "json", tmp_path / "file" / "g.json")


@pytest.mark.parametrize("value", [0.5, -12.0464, 0.0, 1e-4, 123456789012345.6, 1e-05, 2.5e-9, 1e16, 3e300,
                                   float("nan"), float("inf"), 2 ** 70, [1.5, None, True, "x"], {"a": 1e-7}])
def test_json_export_is_what_the_standard_library_writes(G: nx.MultiDiGraph, tmp_path: Path, value) -> None:
    """The fast writer (orjson, re-indented) or, for values it writes otherwise, the standard library: same bytes."""
    from essgraph.loaders.snapshot import graph_to_dict
    G.nodes["coop-andina"]["share"] = value
    G.graph["dataset"]["scale"] = value
    written = export(G, "json", tmp_path / "g.json", include_personal_data=True).read_bytes()
    expected = json.dumps(graph_to_dict(G), ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    assert written == expected
    public = export(G, "json", tmp_path / "p.json").read_bytes()
    assert public == json.dumps(graph_to_dict(G, public=True), ensure_ascii=False, indent=1, sort_keys=True).encode()
