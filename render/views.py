"""The views a planner can open: which nodes and ties each one shows.

Every view shows *actors* (organizations, networks, municipalities; people only
with personal data) and the ties between them. Regions and macro-regions are not
drawn as nodes: they colour, filter and place the actors instead.

================  ===========================================================
``whole``         every actor and every tie
``ego``           one organization and everyone within ``steps`` ties of it
``network``       a network, platform or mesa, its members, and the members of
                  the networks that belong to it
``region``        the actors of a region (or macro-region), plus their partners
                  elsewhere drawn faded
``gaps``          every actor, coloured by connected group, with the cut points,
                  bridges and isolated initiatives standing out
``geo``           every actor placed at its region on a map of Peru
================  ===========================================================

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph(
...     [Node("red", ("Organization", "Network"), {"name": "Red Sur", "kind": "network", "region": "cusco"}),
...      Node("coop", ("Organization",), {"name": "Coop", "kind": "cooperative", "region": "cusco"}),
...      Node("ong", ("Organization",), {"name": "ONG Lima", "kind": "ngo", "region": "lima"}),
...      Node("cusco", ("Region",), {"name": "Cusco"})],
...     [Relationship("MEMBER_OF", "coop", "red", {"quote": "q1", "evidence": "stated"}),
...      Relationship("SUPPORTS", "ong", "coop", {"quote": "q2", "evidence": "stated"})])
>>> v = select(G, "network", focus="Red Sur")
>>> v.title, sorted(v.graph)
('Miembros de Red Sur', ['coop', 'red'])
>>> v = select(G, "region", focus="cusco", lang="en")
>>> v.title, sorted(v.graph), sorted(v.context)
('Region Cusco', ['coop', 'ong', 'red'], ['ong'])
>>> select(G, "whole").graph.number_of_nodes()
3
"""
from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from essgraph.graphmodel import carries_label, has_label
from essgraph.analysis.projection import ACTOR_LABELS
from essgraph.errors import RenderError

from essgraph.render.texts import TEXTS

__all__ = ["VIEWS", "View", "select", "actor_ids", "induced"]

#: Names of the views, in the order the report lists them.
VIEWS = ("whole", "ego", "network", "region", "gaps", "geo")

_NEEDS_FOCUS = {"ego", "network", "region"}
_MEMBERSHIP = ("MEMBER_OF", "PART_OF")


@dataclass(frozen=True)
class View:
    """A view: its name, title, the graph it draws and the nodes drawn faded."""

    name: str
    title: str
    graph: nx.MultiDiGraph
    focus: str | None = None
    context: frozenset[str] = field(default_factory=frozenset)


def actor_ids(G: nx.MultiDiGraph, *, people: bool = False) -> list[str]:
    """Ids of the nodes views draw: organizations and municipalities (and people if asked)."""
    wanted = ACTOR_LABELS | ({"Person"} if people else set())
    return sorted(n for n, labels in G.nodes(data="labels") if wanted & set(labels or ()))


def select(
    G: nx.MultiDiGraph, view: str, *, focus: str | None = None, steps: int = 1, people: bool = False,
    lang: str = "es", copy: bool = True,
) -> View:
    """The nodes and ties of ``view``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph (its public form unless personal data was asked for).
    view : str
        One of :data:`VIEWS`.
    focus : str, optional
        The organization (``ego``), network (``network``) or region or macro-region
        (``region``): an id, or a name, acronym or alias.
    steps : int
        How many ties away from ``focus`` the ``ego`` view reaches.
    people : bool
        Draw people too (only when personal data is included).
    lang : {"es", "en"}
        Language of the title.
    copy : bool
        The view's graph as a copy (to draw); ``False``: a read-only subgraph view
        of ``G`` (to count, see :func:`essgraph.render.interactive.view_size`).

    Raises
    ------
    RenderError
        Unknown view, missing or unknown focus, a ``network`` focus that is no network.
    """
    if view not in VIEWS:
        raise RenderError(f"unknown view {view!r}: use one of {', '.join(VIEWS)}")
    if view in _NEEDS_FOCUS and not focus:
        raise RenderError(f"the {view} view needs an organization to centre on, e.g. {_example(view)}", options=("focus",))
    ids = actor_ids(G, people=people)
    A = G.subgraph(ids)
    actors = set(ids)
    if view == "ego":
        if steps < 1:
            raise RenderError("steps must be 1 or more", options=("steps",))
        center = _resolve_actor(A, focus or "")
        shown, frontier = {center}, {center}
        for _ in range(steps):  # breadth-first over ties in either direction, actors only
            frontier = {m for n in frontier for m in nx.all_neighbors(G, n) if m in actors} - shown
            shown |= frontier
        title = TEXTS.t("view_ego_1" if steps == 1 else "view_ego", lang, name=_name(A, center), steps=steps)
        return View(view, title, induced(G, shown) if copy else G.subgraph(shown), center)
    if view == "network":
        center = _resolve_actor(A, focus or "")
        if not has_label(A, center, "Network"):
            raise RenderError(f"{center!r} is not a network, platform or mesa: try the ego view centred on it",
                              options=("view",))
        title = TEXTS.t("view_network", lang, name=_name(A, center))
        members = _members(A, center)
        return View(view, title, induced(G, members) if copy else G.subgraph(members), center)
    if view == "region":
        region, name = _resolve_region(G, focus or "")
        inside = {n for n in ids if region in (G.nodes[n].get("region"), G.nodes[n].get("macro_region"))}
        outside = {m for n in inside for m in nx.all_neighbors(G, n) if m in actors} - inside
        title = TEXTS.t("view_region", lang, name=name)
        return View(view, title, induced(G, inside | outside) if copy else G.subgraph(inside | outside), region,
                    frozenset(outside))
    return View(view, TEXTS.t(f"view_{view}", lang), A)  # a read-only view: copying 40k ties costs a second


def induced(G: nx.MultiDiGraph, nodes: set[str]) -> nx.MultiDiGraph:
    """A copy of the subgraph of ``G`` on ``nodes``, in ``G``'s node and tie order.

    The same graph as ``G.subgraph(nodes).copy()``, built straight from ``G``'s
    adjacency: copying through subgraph views took over a minute for a hub's
    67,000-neighbour ego view at 100,000 organizations.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> H = induced(G, {"a", "b"})
    >>> list(H), list(H.edges(keys=True)), nx.utils.graphs_equal(H, G.subgraph({"a", "b"}).copy())
    (['a', 'b'], [('a', 'b', 0)], True)
    """
    H = G.__class__()
    H.graph.update(G.graph)
    H.add_nodes_from((n, G.nodes[n]) for n in G if n in nodes)
    H.add_edges_from((u, v, key, data) for u in H for v, keyed in G._adj[u].items() if v in nodes
                     for key, data in keyed.items())
    return H


def _example(view: str) -> str:
    return {"ego": "gresp", "network": "gresp", "region": "cusco"}[view]


def _name(G: nx.MultiDiGraph, node: str) -> str:
    return str(G.nodes[node].get("name", node))


def _names(attrs: dict) -> set[str]:
    values = [attrs.get("name"), attrs.get("acronym"), *attrs.get("aliases", ())]
    return {str(v).casefold() for v in values if v}


def _resolve_actor(G: nx.MultiDiGraph, focus: str) -> str:
    if focus in G:
        return focus
    wanted = focus.casefold()
    for node in sorted(G):
        if wanted in _names(G.nodes[node]):
            return node
    raise RenderError(f"no organization {focus!r}: give an id or a name from the data (e.g. gresp)")


def _resolve_region(G: nx.MultiDiGraph, focus: str) -> tuple[str, str]:
    places = {n: a for n, a in G.nodes(data=True) if carries_label(a, "Region", "MacroRegion")}
    for node, attrs in sorted(places.items()):
        if focus == node or focus.casefold() in _names(attrs):
            return node, str(attrs.get("name", node))
    used = {str(a[k]) for _, a in G.nodes(data=True) for k in ("region", "macro_region") if a.get(k)}
    if focus in used:
        return focus, focus
    known = ", ".join(sorted(set(places) | used)[:8]) or "none in the data"
    raise RenderError(f"no region {focus!r}: use a region or macro-region id ({known}…)")


def _members(G: nx.MultiDiGraph, network: str) -> set[str]:
    members, todo = {network}, [network]
    while todo:
        current = todo.pop()
        for start, _, rel_type in G.in_edges(current, data="type"):
            if rel_type in _MEMBERSHIP and start not in members:
                members.add(start)
                if has_label(G, start, "Network"):
                    todo.append(start)
    return members
