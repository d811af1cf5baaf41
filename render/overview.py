"""The overview: what a page shows instead of a view too large to draw in a browser.

One node per region (or per macro-region for organizations known only by it, and
one for those without any), placed at its capital on the outline of Peru and
sized by its organizations; one line between two regions weighted by the ties
between their organizations; and the best-connected organizations themselves
(with their ties among them), next to their region. About a hundred elements
whatever the size of the network. Clicking a region says how to draw it alone
(``essgraph render --view region --focus ID``).

It is computed from the analyses' tie graph of the whole network (so the counts are
the report's) and never copies the whole graph: only the hubs, their networks and the
places go through :func:`~essgraph.graphmodel.public_graph`, with the free texts
(descriptions, quotes, notes) left out rather than redacted (redacting them means
matching every text against every person's name: 25,000 names take seconds to
compile at 100k). The hubs' panels show their details and ties without quotes;
``--view ego --focus ID`` shows them in full.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"quote": "q", "evidence": "stated"}
>>> G = build_graph(
...     [Node("cusco", ("Region",), {"name": "Cusco", "macro_region": "sur"}),
...      Node("a", ("Organization",), {"name": "A", "kind": "ngo", "region": "cusco"}),
...      Node("b", ("Organization",), {"name": "B", "kind": "ngo", "region": "cusco"}),
...      Node("c", ("Organization",), {"name": "C", "kind": "ngo"})],
...     [Relationship("SUPPORTS", "a", "b", ev), Relationship("SUPPORTS", "c", "a", ev)])
>>> data = overview_data(G, hubs=1)
>>> [(n["name"], n.get("aggregate", {}).get("members")) for n in data["nodes"]]
[('A', None), ('Cusco', 2), ('Sin región', 1)]
>>> [(e["from"], e["to"], e["n"]) for e in data["edges"] if e["id"].startswith("a-")]
[('g-1', 'g-0', 1)]
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Any, Callable

import networkx as nx

from essgraph.graphmodel import carries_label
from essgraph.analysis.projection import tie_graph
from essgraph.graphmodel import public_graph

from essgraph.render.encoding import colour_of
from essgraph.render.positions import GEO_SPACING, geo_layout, map_point, outline_points
from essgraph.render.pagedata import page_data
from essgraph.render.structure import Structure, measure
from essgraph.render.texts import TEXTS
from essgraph.render.views import View

__all__ = ["HUBS", "overview_data"]

#: How many of the best-connected organizations the overview draws one by one.
HUBS = 40

_PLACES = {"Region", "MacroRegion"}
_MEMBERSHIP = ("MEMBER_OF", "PART_OF")


def overview_data(
    G: nx.MultiDiGraph, *, hubs: int = HUBS, lang: str = "es", personal: bool = False, size_by: str = "degree",
    colour_by: str = "kind", progress: Callable[[str], None] | None = None,
    measured: tuple[nx.Graph, Structure] | None = None,
) -> dict[str, Any]:
    """The page data of the overview of ``G`` (the property graph as loaded).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The whole graph (personal data is removed here unless ``personal``).
    hubs : int
        How many organizations to draw one by one (the most ties first).
    lang : {"es", "en"}
        Language of names of places without one, labels and panels.
    personal : bool
        Keep personal data in the hubs' details.
    size_by, colour_by : str
        As for :func:`essgraph.render.render` (size and colour of the hubs).
    progress : callable, optional
        Called with the name of each step done.
    measured : (networkx.Graph, Structure), optional
        The tie graph of ``G`` or of its public form (:func:`~essgraph.analysis.projection.tie_graph`'s
        defaults: people are no nodes of it, so it is the same) and its :func:`~essgraph.render.structure.measure`
        by ``size_by``, when already made (:class:`essgraph.render.interactive.Prepared`).
    """
    step = progress or (lambda _name: None)
    T, structure = measured if measured is not None else (tie_graph(G)[0], None)
    step("ties")
    if structure is None:
        structure = measure(T, size_by=size_by)
    step("measures")
    places = {n: a for n, a in G.nodes(data=True) if carries_label(a, *_PLACES)}
    group = {node: _group(attrs, places) for node, attrs in T.nodes(data=True)}
    members = Counter(group.values())
    inside: Counter[str] = Counter()
    between: Counter[tuple[str, str]] = Counter()
    for u, v in T.edges():
        a, b = sorted((group[u], group[v]))
        if a == b:
            inside[a] += 1
        else:
            between[(a, b)] += 1
    top = sorted(T, key=lambda n: (-structure.degree.get(n, 0), str(n)))[:hubs]
    around = _around(G, top, places)
    S = around if personal else public_graph(around, texts="drop")  # no free texts: see the module's docstring
    names = {g: _group_name(g, places, S, lang) for g in members}
    order = sorted(members, key=lambda g: (g == "", names[g].casefold()))
    gid = {g: f"g-{i}" for i, g in enumerate(order)}
    anchors = {g: _anchor(g, places) for g in order}
    biggest = max(members.values(), default=1)
    positions = _hub_positions(top, group, anchors, members, biggest)
    shown = View("overview", TEXTS.t("view_overview", lang), S.subgraph(top))
    data = page_data(shown, S, structure, colour_by=colour_by, size_by=size_by, lang=lang, personal=personal,
                     positions=positions)
    step("hubs")
    for g in order:
        x, y = anchors[g]
        size = _radius(members[g], biggest)
        macro = _macro_of(g, places)
        colour = colour_of("macro_region", macro)
        command = f"essgraph render --view region --focus {g} -o {g}.html" if g else ""
        partners = sorted(((n, b if a == g else a) for (a, b), n in between.items() if g in (a, b)), reverse=True)
        data["nodes"].append({
            "id": gid[g], "label": f"{names[g]} ({members[g]:,})".replace(",", "\u202f"), "shape": "dot",
            "size": size, "x": x, "y": y, "marks": [], "degree": inside[g],
            "color": {"background": colour + "99", "border": colour, "highlight": {"background": colour,
                                                                                  "border": "#000000"}},
            "font": {"size": 28 + size // 3, "color": "#222222"}, "name": names[g],
            "f": {"region": g if g in places and carries_label(places[g], "Region") else "",
                  "macro_region": macro or "", "kind": "", "sector": "", "network": []},
            "q": names[g].casefold(),
            "aggregate": {"members": members[g], "inside": inside[g], "command": command,
                          "partners": [[names[p], n] for n, p in partners[:5]]},
        })
    most = max(between.values(), default=1)
    for i, ((a, b), n) in enumerate(sorted(between.items())):
        data["edges"].append({
            "id": f"a-{i}", "from": gid[a], "to": gid[b], "marks": [], "n": n,
            "type": TEXTS.t("aggregate_ties", lang, n=n), "evidence": "",
            "width": round(1 + 23 * n / most, 1),
            "color": {"color": "#9c917c", "opacity": round(0.15 + 0.75 * n / most, 2), "highlight": "#222222"},
        })
    macros = sorted({m for m in (_macro_of(g, places) for g in order) if m})
    data["legend"]["colours"] += [
        {"colour": colour_of("macro_region", m), "label": TEXTS.t("legend_regions_of", lang, name=_group_name(m, places, S, lang))}
        for m in macros]
    data["map"] = {"outline": outline_points(), "labels": []}
    data["filters"] = {}  # a filter would hide regions, not show organizations: none on the overview
    return data


def _around(G: nx.MultiDiGraph, top: list[str], places: dict[str, dict[str, Any]]) -> nx.MultiDiGraph:
    """The hubs, their ties among them and to the networks they belong to, and the places,
    copied from ``G`` without scanning all of it."""
    hubs = set(top)
    networks = {v for u in top for _, v, t in G.out_edges(u, data="type") if t in _MEMBERSHIP}
    keep = hubs | networks | set(places)
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in keep)
    H.add_edges_from((u, v, k, d) for u in top for _, v, k, d in G.out_edges(u, keys=True, data=True)
                     if v in hubs or (v in networks and d.get("type") in _MEMBERSHIP))
    return H


def _group(attrs: dict[str, Any], places: dict[str, dict[str, Any]]) -> str:
    region = attrs.get("region")
    if region and region in places:
        return str(region)
    return str(attrs.get("macro_region") or region or "")  # the macro-region as the model derived it


def _macro_of(group: str, places: dict[str, dict[str, Any]]) -> str | None:
    attrs = places.get(group)
    if attrs is None:
        return None
    return group if carries_label(attrs, "MacroRegion") else attrs.get("macro_region")


def _group_name(group: str, places: dict[str, dict[str, Any]], S: nx.MultiDiGraph, lang: str) -> str:
    if not group:
        return TEXTS.t("no_region", lang)
    return str(S.nodes[group].get("name", group)) if group in S else group


def _anchor(group: str, places: dict[str, dict[str, Any]]) -> tuple[float, float]:
    attrs = places.get(group, {})
    if carries_label(attrs, "MacroRegion"):
        return map_point(None, macro_region=group)
    return map_point(group or None, attrs.get("ubigeo"), macro_region=attrs.get("macro_region"))


def _radius(members: int, biggest: int) -> int:
    return int(round(20 + 130 * math.sqrt(members / max(biggest, 1))))


def _hub_positions(top: list[str], group: dict[str, str], anchors: dict[str, tuple[float, float]],
                   members: Counter[str], biggest: int) -> dict[str, tuple[float, float]]:
    """Each hub on a small sunflower just outside its region's circle."""
    by_group: dict[str, list[str]] = {}
    for node in top:
        by_group.setdefault(group[node], []).append(node)
    out: dict[str, tuple[float, float]] = {}
    for g, nodes in by_group.items():
        ax, ay = anchors[g]
        offset = _radius(members[g], biggest) + 2 * GEO_SPACING
        out.update(geo_layout({(ax + offset, ay): nodes}, spacing=GEO_SPACING))
    return out
