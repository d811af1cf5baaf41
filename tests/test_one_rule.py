"""Rules the graph model holds once: every layer answers the same (issue 11's divergences, kept fixed)."""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from essgraph.analysis import tie_graph
from essgraph.graphmodel import ORGANIZATION_TIE_TYPES, REL_SPECS, TIE_TYPES, has_label
from essgraph.loaders import export, load_graph, stats
from essgraph.loaders.folder import bundled_data_dir
from essgraph.render import ViewRequest, render

ACTORS = ("Organization", "Municipality")


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return load_graph(data_dir=bundled_data_dir())


def _macro(G: nx.MultiDiGraph) -> dict[str, str | None]:
    return {n: a.get("macro_region") for n, a in G.nodes(data=True) if any(has_label(G, n, l) for l in ACTORS)}


def test_a_node_with_a_region_has_its_macro_region(G) -> None:
    assert G.nodes["gies-canchis"]["region"] == "cusco" and G.nodes["gies-canchis"]["macro_region"] == "sur"
    missing = [n for n, a in G.nodes(data=True)
               if a.get("region") in G and G.nodes[a["region"]].get("macro_region") and not a.get("macro_region")]
    assert missing == []


def test_stats_analysis_views_and_exports_agree_on_every_macro_region(G, tmp_path) -> None:
    truth = _macro(G)
    assert stats(G)["macro_regions"] == dict(sorted(Counter(m for m in truth.values() if m).items()))
    T, _ = tie_graph(G, include_municipalities=True)
    assert {n: T.nodes[n].get("macro_region") for n in T} == {n: truth[n] for n in T}
    exported = json.loads(export(G, "json", tmp_path / "g.json").read_text(encoding="utf-8"))
    assert {n["id"]: n["properties"].get("macro_region") for n in exported["nodes"] if n["id"] in truth} == truth
    page = render(G, tmp_path / "whole.html", ViewRequest(view="whole")).path.read_text(encoding="utf-8")
    data = json.loads(page.split('id="essgraph-data">', 1)[1].split("</script>", 1)[0])
    by_name = {G.nodes[n]["name"]: m for n, m in truth.items()}
    drawn = [(node["name"], node["f"]["macro_region"] or None) for node in data["nodes"] if node["name"] in by_name]
    assert len(drawn) > 150 and all(by_name[name] == macro for name, macro in drawn)


def test_every_tie_list_is_the_models() -> None:
    import re
    from importlib.resources import files

    from essgraph.analysis.projection import DEFAULT_RELATIONSHIP_TYPES
    from essgraph.queries import embedded

    assert embedded.TIE_TYPES is TIE_TYPES and DEFAULT_RELATIONSHIP_TYPES == ORGANIZATION_TIE_TYPES
    assert set(ORGANIZATION_TIE_TYPES) < TIE_TYPES and "LOCATED_IN" not in TIE_TYPES and "REPRESENTS" not in TIE_TYPES
    lists = [re.findall(r"'(\w+)'", m) for p in files("essgraph.queries").iterdir() if p.name.endswith(".cypher")
             for m in re.findall(r"type\(\w+\) IN \[([^\]]*)\]", p.read_text(encoding="utf-8"))]
    assert len(lists) >= 3 and all(set(found) == TIE_TYPES for found in lists)
    assert all(REL_SPECS[t].tie for t in TIE_TYPES)


def test_labels_are_checked_in_one_place() -> None:
    """Only graphmodel reads a node's label tuple: everything else calls has_label / carries_label."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    inline = re.compile(r"""["'](?:Organization|Network|Municipality|Person|Region|MacroRegion)["']\s+(?:not\s+)?in\s+[^\n]*labels""")
    found = [f"{path.relative_to(root)}:{n}" for folder in ("analysis", "render", "queries", "loaders", "neo4jstore", "essgraph")
             for path in (root / folder).rglob("*.py") for n, line in enumerate(path.read_text().splitlines(), 1)
             if inline.search(line) and ">>>" not in line]
    assert found == []


def test_one_table_of_departments() -> None:
    from essgraph.loaders.folder import departments
    from essgraph.loaders.synthetic import REGIONS
    from essgraph.render.peru import departments as shapes
    from essgraph.render.positions import REGION_COORDS

    ids = {d.id for d in departments()}
    assert len(ids) == 25 and REGIONS == departments()
    assert ids <= set(REGION_COORDS) and ids == set(shapes())
