"""The GEXF export opened by its real client: the Gephi Toolkit 0.10.1 with default import settings.

scripts/gephi-check/run builds a small checker against the toolkit from Maven Central (Java 17 and
Maven, like the Neo4j test server); without them these tests skip, unless ESSGRAPH_REQUIRE_GEPHI=1
(scripts/test sets it) turns the skip into a failure.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.loaders import export, load_graph
from essgraph.loaders.folder import bundled_data_dir
from essgraph.loaders.gexf import NodeViz, gexf_bytes

CHECK = Path(__file__).resolve().parents[2] / "scripts" / "gephi-check" / "run"


@pytest.fixture(scope="session")
def gephi():
    """``gephi(path) -> dict``: what the Gephi Toolkit's default import made of a file."""
    missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
    if missing:
        reason = f"the Gephi Toolkit checker needs {' and '.join(missing)} (Java 17 and Maven)"
        if os.environ.get("ESSGRAPH_REQUIRE_GEPHI") == "1":
            pytest.fail(reason + " (ESSGRAPH_REQUIRE_GEPHI=1)", pytrace=False)
        pytest.skip(reason)
    subprocess.run([str(CHECK), "build"], check=True, timeout=900)

    def check(path: Path) -> dict:
        out = subprocess.run([str(CHECK), str(path)], check=True, capture_output=True, text=True, timeout=300)
        return json.loads(out.stdout.strip().splitlines()[-1])
    return check


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return load_graph(data_dir=bundled_data_dir())


def test_gephi_keeps_every_relationship_of_the_bundled_map_with_its_type(gephi, bundled, tmp_path) -> None:
    opened = gephi(export(bundled, "gexf", tmp_path / "mapa.gexf"))
    triples = Counter((u, v, t) for u, v, t in bundled.edges(data="type"))
    assert opened["nodes"] == bundled.number_of_nodes()
    # Gephi merges only repeated evidence of one tie (same ends, same type) into one weighted edge.
    assert opened["edges"] == len(triples)
    assert opened["edge_types"] == dict(sorted(Counter(t for _, _, t in triples).items()))
    assert "networkx_key" not in opened["node_columns"] and "kind_label" in opened["node_columns"]
    assert not [issue for issue in opened["issues"] if issue.startswith(("WARNING", "SEVERE"))]


def test_parallel_relationships_of_different_types_stay_apart_in_gephi(gephi, tmp_path) -> None:
    G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP"}),
                     Node("mes", ("Organization", "Network"), {"name": "MES"})],
                    [Relationship("FOUNDED", "gresp", "mes", {"quote": "fundó"}),
                     Relationship("MEMBER_OF", "gresp", "mes", {"quote": "es miembro"})])
    path = tmp_path / "two.gexf"
    path.write_bytes(gexf_bytes(G))
    assert gephi(path)["edge_types"] == {"FOUNDED": 1, "MEMBER_OF": 1}


def test_gephi_opens_the_views_picture_when_viz_is_given(gephi, tmp_path) -> None:
    G = build_graph([Node("a", ("Organization",), {"name": "A"}), Node("b", ("Organization",), {"name": "B"})], [])
    path = tmp_path / "viz.gexf"
    path.write_bytes(gexf_bytes(G, viz={"a": NodeViz(10.0, 20.0, "#e15759", 24), "b": NodeViz(-5, 0, "#59a14f", 8)}))
    opened = gephi(path)
    assert opened["coloured"] == 2 and opened["sized"] == 2


def test_hostile_text_is_escaped_and_reads_back(tmp_path) -> None:
    name = 'A <b> & "c" \n# heading ]]>'
    G = build_graph([Node("a", ("Organization",), {"name": name, "description": "x\ty"})], [])
    path = tmp_path / "h.gexf"
    path.write_bytes(gexf_bytes(G))
    assert nx.read_gexf(path, version="1.3").nodes["a"]["label"] == name


def test_the_cli_export_opens_in_gephi_with_the_views_colours_and_sizes(gephi, tmp_path) -> None:
    from click.testing import CliRunner

    from essgraph.cli import main
    from essgraph.graphmodel import ACTOR_LABELS, has_label

    path = tmp_path / "mapa.gexf"
    result = CliRunner().invoke(main, ["export", "--data", str(bundled_data_dir()), "--format", "gexf", "-o", str(path)])
    assert result.exit_code == 0, result.output
    G = load_graph(data_dir=bundled_data_dir())
    actors = sum(1 for n in G if has_label(G, n, *ACTOR_LABELS) and G.nodes[n].get("status") != "proposed")
    opened = gephi(path)
    assert opened["coloured"] == actors and opened["sized"] > 50
