"""Which nodes and ties each view shows, and what the encoding marks."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis.projection import tie_graph
from essgraph.render.interactive import prepare
from essgraph.render.positions import force_layout, map_point
from essgraph.render.pagedata import page_data
from essgraph.render.structure import measure
from essgraph.render.views import select


@pytest.fixture()
def public(graph):
    return prepare(graph)


@pytest.mark.parametrize(("view", "focus", "steps", "expected"), [
    ("ego", "red-sur", 1, {"red-sur", "gresp", "coop-andina", "evil"}),
    ("ego", "Red Sur", 2, {"red-sur", "gresp", "coop-andina", "evil", "ong-lima", "muni-cusco"}),
    ("network", "GRESPE", 1, {"gresp", "red-sur", "coop-andina", "evil"}),
    ("region", "cusco", 1, {"red-sur", "coop-andina", "evil", "muni-cusco", "gresp", "ong-lima"}),
    ("region", "sur", 1, {"red-sur", "coop-andina", "evil", "muni-cusco", "gresp", "ong-lima"}),
])
def test_focused_views(public, view, focus, steps, expected) -> None:
    assert set(select(public, view, focus=focus, steps=steps).graph) == expected


def test_region_view_fades_partners_elsewhere(public) -> None:
    assert select(public, "region", focus="cusco").context == {"gresp", "ong-lima"}


def test_whole_view_is_every_actor_without_people_or_places(public, graph) -> None:
    shown = select(public, "whole").graph
    assert set(shown) == {"gresp", "red-sur", "evil", "coop-andina", "ong-lima", "aislada", "propuesta", "muni-cusco"}
    actor_ties = [e for e in graph.edges(data="type") if e[2] not in ("REPRESENTS", "LOCATED_IN")]
    assert shown.number_of_edges() == len(actor_ties)
    assert "person-rosa" in set(select(graph, "whole", people=True).graph)


def test_marks_follow_the_analyses_tie_graph(public) -> None:
    T, _ = tie_graph(public)
    s = measure(T)
    data = page_data(select(public, "whole"), public, s)
    marks = {n["name"]: n["marks"] for n in data["nodes"]}
    assert marks["Iniciativa Aislada de Puno"] == ["isolated"]
    assert marks["Mesa propuesta"] == []  # proposed: outside the analyses
    assert marks["Red Sur"] == ["articulation"] and marks["Cooperativa Agraria Andina"] == []
    assert marks["Municipalidad del Cusco"] == []  # municipalities: outside the analyses' default
    inferred = [e for e in data["edges"] if "inferred" in e["marks"]]
    assert len(inferred) == 1 and inferred[0]["dashes"]


def test_gaps_view_colours_connected_groups(public) -> None:
    T, _ = tie_graph(public)
    data = page_data(select(public, "gaps"), public, measure(T))
    labels = [c["label"] for c in data["legend"]["colours"]]
    assert labels[0].startswith("Grupo 1 (") and "Aisladas (sin vínculos)" in labels


def test_legend_explains_what_is_drawn(public) -> None:
    T, _ = tie_graph(public)
    data = page_data(select(public, "whole"), public, measure(T), lang="en",
                     proposals=[("aislada", "gresp", "same region")])
    legend = data["legend"]
    assert {m["mark"] for m in legend["marks"]} >= {"articulation", "isolated", "one_tie", "inferred", "proposed"}
    assert {s["shape"] for s in legend["shapes"]} == {"dot", "diamond", "square"}
    assert legend["size"] == "Size: number of ties"
    assert {c["label"] for c in legend["colours"]} >= {"Network", "NGO", "Municipality", "Cooperative"}


def test_layouts_are_deterministic_and_map_like() -> None:
    ring = nx.cycle_graph(30)
    assert force_layout(30, list(ring.edges()), seed=3) == force_layout(30, list(ring.edges()), seed=3)
    tumbes, tacna, loreto = map_point("tumbes"), map_point("tacna"), map_point("loreto")
    assert tumbes[1] < tacna[1] and loreto[0] > tumbes[0]  # north is up, east is right
    assert map_point(None, "08") == map_point("cusco")
