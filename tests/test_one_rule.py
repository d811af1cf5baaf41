"""Rules the graph model holds once: every layer answers the same (issue 11's divergences, kept fixed)."""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx
import pytest

from essgraph.analysis import tie_graph
from essgraph.graphmodel import has_label
from essgraph.loaders import export, load_graph, stats
from essgraph.loaders.folder import bundled_data_dir
from essgraph.render import render

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
    page = render(G, tmp_path / "whole.html", view="whole").read_text(encoding="utf-8")
    data = json.loads(page.split('id="essgraph-data">', 1)[1].split("</script>", 1)[0])
    by_name = {G.nodes[n]["name"]: m for n, m in truth.items()}
    drawn = [(node["name"], node["f"]["macro_region"] or None) for node in data["nodes"] if node["name"] in by_name]
    assert len(drawn) > 150 and all(by_name[name] == macro for name, macro in drawn)
