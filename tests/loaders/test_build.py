"""Dataset model, build, snapshot and load_graph."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import networkx as nx
import pytest

from essgraph.errors import SnapshotError, ValidationFailed
from essgraph.graphmodel import iter_relationships
from essgraph.loaders import build, load_dataset, load_graph, read_snapshot
from essgraph.loaders.snapshot import DEFAULT_SNAPSHOT, SNAPSHOT_VERSION, graph_to_dict


def test_dataset_turns_rows_into_model_objects(valid_dir: Path) -> None:
    dataset = load_dataset(valid_dir)
    nodes = {n.id: n for n in dataset.nodes}
    casa = nodes["casa-sol"]
    assert casa.labels == ("Organization",) and nodes["red-sur"].labels == ("Organization", "Network")
    assert casa.properties["aliases"] == ["Casa Sol", "Casa del Sol"]
    assert casa.properties["themes"] == ["T14", "T15"] and casa.properties["founded_year"] == 1995
    assert casa.properties["description"] == 'Promueve ferias, créditos y "trueque" entre productoras'
    assert "id" not in casa.properties and "legal_form" not in nodes["red-sur"].properties
    assert dataset.metadata["title"] == "Mapa sintético de prueba"
    assert dataset.census[0] == {"table": "census_type", "dimension": "type", "category": "Ahorro y crédito",
                                 "count": 120, "percent": 25.5, "year": 2016, "section": "Anexo 1",
                                 "quote": "120 cooperativas de ahorro y crédito"}


def test_region_columns_become_located_in(valid_dir: Path) -> None:
    located = {(r.start, r.end): r.properties for r in load_dataset(valid_dir).relationships
               if r.type == "LOCATED_IN"}
    assert set(located) == {("casa-sol", "arequipa"), ("coop-andina", "cusco"), ("red-sur", "arequipa"),
                            ("muni-majes", "arequipa"), ("arequipa", "sur"), ("cusco", "sur"), ("junin", "centro")}
    assert located[("casa-sol", "arequipa")] == {
        "section": "3.1 Macro Región Sur", "quote": "Asociación Casa del Sol, ferias y créditos",
        "evidence": "stated", "note": "from the region column", "note_es": "de la columna region"}


def test_build_writes_the_snapshot_and_counts(valid_dir: Path, tmp_path: Path) -> None:
    result = build(valid_dir, snapshot=tmp_path / "out" / "graph.json")
    assert result.labels == {"MacroRegion": 2, "Municipality": 1, "Network": 1, "Organization": 3,
                             "Person": 1, "Region": 3}
    assert result.types == {"ALLIED_WITH": 1, "LOCATED_IN": 7, "MEMBER_OF": 1, "REPRESENTS": 1,
                            "SHARES_CONTACT": 1, "WORKS_WITH": 1}
    assert result.report.valid and result.snapshot == tmp_path / "out" / "graph.json"
    G = read_snapshot(result.snapshot)
    assert graph_to_dict(G) == graph_to_dict(result.graph)
    assert G.graph["census"][1]["category"] == "Agrarias"
    assert "Mórrope" in result.snapshot.read_text(encoding="utf-8")


def test_build_progress_counts_rows_up_to_the_total(valid_dir: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("essgraph.loaders.records.PROGRESS_ROWS", 2)
    monkeypatch.setattr("essgraph.loaders.validation.PROGRESS_ROWS", 2)
    monkeypatch.setattr("essgraph.loaders.dataset.PROGRESS_ROWS", 2)
    calls: list[tuple[int, int]] = []
    result = build(valid_dir, snapshot=tmp_path / "graph.json", progress=lambda done, total: calls.append((done, total)))
    rows = sum(table.rows for table in result.report.tables)
    totals = {total for _, total in calls}
    assert len(totals) == 1 and rows <= totals.pop() <= rows + len(result.report.tables)
    dones = [done for done, _ in calls]
    assert dones == sorted(dones) and dones[-1] == calls[-1][1] and len(set(dones)) > 8


def test_build_defaults_to_dot_essgraph_in_the_current_folder(valid_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert build(valid_dir).snapshot == tmp_path / DEFAULT_SNAPSHOT
    assert (tmp_path / ".essgraph" / "graph.json").is_file()


def test_a_failed_validation_writes_nothing(valid_dir: Path, tmp_path: Path) -> None:
    (valid_dir / "regions.csv").write_text("id,name,section,quote\nlima,Lima,3.1,\n", encoding="utf-8")
    out = tmp_path / "out"
    with pytest.raises(ValidationFailed) as info:
        build(valid_dir, snapshot=out / "graph.json")
    assert not info.value.report.valid
    assert str(info.value).startswith(f"{valid_dir}: ")
    assert not out.exists()


def test_a_failed_validation_keeps_the_previous_snapshot(valid_dir: Path, tmp_path: Path) -> None:
    snapshot = build(valid_dir, snapshot=tmp_path / "graph.json").snapshot
    before = snapshot.read_bytes()
    (valid_dir / "relationships.csv").write_text("type,start,end\nLIKES,a,b\n", encoding="utf-8")
    with pytest.raises(ValidationFailed):
        build(valid_dir, snapshot=snapshot)
    assert snapshot.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".graph")] == []


def test_two_builds_at_once_leave_a_valid_snapshot(valid_dir: Path, tmp_path: Path) -> None:
    snapshot = tmp_path / "shared" / "graph.json"
    code = ("import sys; from essgraph.loaders import build; "
            "[build(sys.argv[1], snapshot=sys.argv[2]) for _ in range(5)]")
    processes = [subprocess.Popen([sys.executable, "-c", code, str(valid_dir), str(snapshot)]) for _ in range(2)]
    with ThreadPoolExecutor(max_workers=3) as pool:
        list(pool.map(lambda _: build(valid_dir, snapshot=snapshot), range(6)))
    assert [p.wait(timeout=120) for p in processes] == [0, 0]
    assert graph_to_dict(read_snapshot(snapshot)) == graph_to_dict(load_graph(data_dir=valid_dir))
    assert [p.name for p in snapshot.parent.iterdir()] == ["graph.json"]


def test_disk_full_is_a_clear_snapshot_error(valid_dir: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(SnapshotError) as info:
        build(valid_dir, snapshot=tmp_path / "graph.json")
    assert str(info.value) == (f"cannot write {tmp_path / 'graph.json'}: No space left on device; check free disk "
                               "space and write permission, or choose another snapshot path")
    assert list(tmp_path.glob(".graph.json.*")) == []


def test_a_snapshot_under_a_file_is_a_snapshot_error(valid_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(SnapshotError, match="cannot write"):
        build(valid_dir, snapshot=tmp_path / "file" / "graph.json")


@pytest.mark.parametrize("content, message", [
    (None, "no snapshot at"),
    ("{not json", "is not a readable essgraph snapshot"),
    ('{"nodes": 3}', "is not a readable essgraph snapshot"),
    ("[]", "is not a readable essgraph snapshot"),
])
def test_bad_snapshots(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "graph.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(SnapshotError, match=message):
        load_graph(snapshot=path)


def _same_structure(G: nx.MultiDiGraph, H: nx.MultiDiGraph) -> None:
    """Equal down to insertion order: nodes, adjacency (both ways), keys and attributes."""
    assert list(H.nodes(data=True)) == list(G.nodes(data=True))
    assert list(H.edges(keys=True, data=True)) == list(G.edges(keys=True, data=True))
    assert {n: list(p) for n, p in H.pred.items()} == {n: list(p) for n, p in G.pred.items()}
    assert H.graph == G.graph


def test_graph_from_attrs_is_what_networkx_add_calls_make(valid_dir: Path) -> None:
    from essgraph.graphmodel.graph import graph_from_attrs

    G = load_graph(data_dir=valid_dir)
    nodes = [(n, dict(a)) for n, a in G.nodes(data=True)] + [("casa-sol", {"extra": 1})]
    edges = [(u, v, k, dict(a)) for u, v, k, a in G.edges(keys=True, data=True)]
    edges += [("casa-sol", "nowhere", "X:1", {"type": "X"}), ("new", "casa-sol", "X:2", {"type": "X"}),
              edges[0][:3] + ({"type": edges[0][3]["type"], "year": 1999},)]
    reference = nx.MultiDiGraph()
    reference.graph["dataset"] = dict(G.graph["dataset"])
    for n, a in nodes:
        reference.add_node(n, **a)
    for u, v, k, a in edges:
        reference.add_edge(u, v, key=k, **a)
    fast = graph_from_attrs([(n, dict(a)) for n, a in nodes], [(u, v, k, dict(a)) for u, v, k, a in edges],
                            G.graph["dataset"])
    _same_structure(reference, fast)
    assert list(fast.adj) == list(reference.adj) and fast.nodes["casa-sol"]["extra"] == 1


def test_snapshot_round_trip_is_the_built_graph(valid_dir: Path, tmp_path: Path) -> None:
    result = build(valid_dir, snapshot=tmp_path / "graph.json")
    H = read_snapshot(result.snapshot)
    _same_structure(result.graph, H)
    assert all(isinstance(labels, tuple) for _, labels in H.nodes(data="labels"))
    assert graph_to_dict(H) == graph_to_dict(load_graph(data_dir=valid_dir))
    data = json.loads(result.snapshot.read_bytes())
    assert (data["format"], data["version"]) == ("essgraph-snapshot", SNAPSHOT_VERSION)
    assert [n[0] for n in data["nodes"]] == sorted(result.graph.nodes)


def test_a_snapshot_written_in_chunks_is_one_orjson_document(valid_dir: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import orjson

    path = build(valid_dir, snapshot=tmp_path / "whole.json").snapshot
    monkeypatch.setattr("essgraph.loaders.snapshot.CHUNK_ROWS", 2)
    chunked = build(valid_dir, snapshot=tmp_path / "chunked.json").snapshot
    assert chunked.read_bytes() == path.read_bytes()
    assert orjson.dumps(orjson.loads(path.read_bytes()), option=orjson.OPT_SORT_KEYS) == path.read_bytes()


def test_a_snapshot_that_cannot_be_encoded_leaves_the_previous_one(valid_dir: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from essgraph.loaders import write_snapshot

    monkeypatch.setattr("essgraph.loaders.snapshot.CHUNK_ROWS", 2)
    result = build(valid_dir, snapshot=tmp_path / "out" / "graph.json")
    before = result.snapshot.read_bytes()
    G = result.graph
    G.nodes[sorted(G.nodes)[-1]]["bad"] = object()  # encoded in the last chunk, after earlier ones were written
    with pytest.raises(TypeError):
        write_snapshot(G, result.snapshot)
    assert result.snapshot.read_bytes() == before
    assert [p.name for p in result.snapshot.parent.iterdir()] == ["graph.json"]


def test_a_json_export_is_still_read_as_a_snapshot(valid_dir: Path, tmp_path: Path) -> None:
    G = load_graph(data_dir=valid_dir)
    path = tmp_path / "old.json"
    path.write_text(json.dumps(graph_to_dict(G)), encoding="utf-8")
    assert graph_to_dict(read_snapshot(path)) == graph_to_dict(G)


@pytest.mark.parametrize("version", [1, 3, None])
def test_a_snapshot_of_another_version_says_to_rebuild(valid_dir: Path, tmp_path: Path, version: int | None) -> None:
    path = build(valid_dir, snapshot=tmp_path / "graph.json").snapshot
    data = json.loads(path.read_bytes())
    data["version"] = version
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SnapshotError, match=rf"graph.json is a snapshot of format 'essgraph-snapshot' version "
                                            rf"{version}; this essgraph reads version 2: rebuild it with essgraph build"):
        read_snapshot(path)


@pytest.mark.parametrize("damage", [
    lambda d: d["relationships"][0][3].pop("type"),
    lambda d: d["relationships"][0].pop(),
    lambda d: d["nodes"][0][1].pop("labels"),
    lambda d: d.pop("census"),
    lambda d: d["relationships"][0].__setitem__(3, ["type"]),
])
def test_a_damaged_snapshot_is_a_snapshot_error(valid_dir: Path, tmp_path: Path, damage: object) -> None:
    path = build(valid_dir, snapshot=tmp_path / "graph.json").snapshot
    data = json.loads(path.read_bytes())
    damage(data)  # type: ignore[operator]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(SnapshotError, match="is not a readable essgraph snapshot"):
        read_snapshot(path)


def test_a_truncated_snapshot_is_a_snapshot_error(valid_dir: Path, tmp_path: Path) -> None:
    path = build(valid_dir, snapshot=tmp_path / "graph.json").snapshot
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(SnapshotError, match=r"is not a readable essgraph snapshot \(JSONDecodeError\)"):
        read_snapshot(path)


def test_load_graph_prefers_data_then_snapshot_then_bundled(valid_dir: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("essgraph.loaders.dataset.bundled_data_dir", lambda: valid_dir)
    bundled = load_graph()
    assert "casa-sol" in bundled and not (tmp_path / ".essgraph").exists()
    (tmp_path / ".essgraph").mkdir()
    (tmp_path / ".essgraph" / "graph.json").write_text(
        json.dumps({"nodes": [{"id": "only", "labels": ["Region"], "properties": {}}], "relationships": []}))
    assert list(load_graph()) == ["only"]
    assert "casa-sol" in load_graph(data_dir=valid_dir)


def test_data_to_graph_to_json_export_to_graph_is_equal(valid_dir: Path, tmp_path: Path) -> None:
    from essgraph.loaders import export

    G = load_graph(data_dir=valid_dir)
    path = export(G, "json", tmp_path / "graph.json", include_personal_data=True)
    H = read_snapshot(path)
    assert graph_to_dict(H) == graph_to_dict(G)
    assert sorted(H.edges(keys=True)) == sorted(G.edges(keys=True))
    assert [r.properties for r in iter_relationships(H)] == [r.properties for r in iter_relationships(G)]
