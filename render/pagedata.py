"""The data a page embeds: nodes, ties, proposals, filters and legend, as plain JSON-able dicts.

Built directly (no pyvis ``add_edge``, which scans every edge on each call), in
time linear in the view's size. Node ids are opaque (``n-0``, ``n-1``…) so no
data value ever lands in an id, a DOM attribute or a CSS selector. Only the
fields below leave the graph (an allowlist); personal ones only when asked:

* node: ``name``, ``acronym``, ``aliases``, ``kind``, ``status``, ``description``,
  ``region``, ``macro_region``, ``sector``, ``networks``, ``web``, ``note``
  (+ ``phone``, ``email``, ``role`` with personal data);
* tie: ``type``, ``evidence``, ``section``, ``quote``, ``year``, ``note``; a tie only one of
  its ends reported in a survey (:func:`essgraph.graphmodel.survey.one_sided`) is drawn
  dash-dot, and its ``evidence`` says so.

Each node carries its ``degree`` in the analyses' tie graph (the number the report
counts), and ``outside`` (``proposed`` or ``not_organization``) when it is not in that
graph; a relationship drawn that is not one of the ties the analyses count (another
type, evidence that does not count, an end outside the analysis) is ``uncounted``, so
the panel can say how the relationships it lists make the node's ties.

The graph given is already the shared form (see :func:`essgraph.render.interactive.prepare`).

Examples
--------
>>> import networkx as nx
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> from essgraph.render.views import select
>>> from essgraph.render.structure import measure
>>> G = build_graph([Node("a", ("Organization",), {"name": "<b>A</b>", "kind": "ngo", "phone": "999 111 222"}),
...                  Node("b", ("Organization",), {"name": "B", "kind": "cooperative"})],
...                 [Relationship("SUPPORTS", "a", "b", {"quote": "A apoya a B", "evidence": "stated"})])
>>> data = page_data(select(G, "whole"), G, measure(nx.Graph([("a", "b")])))
>>> [n["id"] for n in data["nodes"]], data["nodes"][0]["name"], "phone" in data["nodes"][0]
(['n-0', 'n-1'], '<b>A</b>', False)
>>> data["edges"][0]["from"], data["edges"][0]["type"], data["nodes"][0]["marks"]
('n-0', 'Apoya a', ['one_tie'])
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from essgraph.graphmodel import carries_label, has_label, note_text
from essgraph.graphmodel import REL_SPECS, SYMMETRIC_TYPES
from essgraph.graphmodel.survey import one_sided
from essgraph.graphmodel.vocab import ORG_KINDS, SECTORS, STATUSES

from essgraph.render.encoding import (
    COMPONENT_COLOURS, FADED_COLOUR, NO_GROUP_COLOUR, OTHER_GROUPS_COLOUR, STYLE, colour_of, component_colour,
    group_label, legend, node_size, shape_of,
)
from essgraph.render.labels import Label, named_first, shown_labels
from essgraph.render.structure import Structure
from essgraph.render.texts import TEXTS, ui_strings
from essgraph.render.views import View

__all__ = ["EDGE_DEFAULTS", "Proposal", "page_data", "search_text", "short_label", "counts_as_tie", "view_counts"]

#: A proposed alliance: two node ids of the graph and the reason, as text.
Proposal = tuple[str, str, str]

#: vis-network options every tie has unless its record says otherwise.
EDGE_DEFAULTS: dict[str, Any] = {"width": 1.5, "smooth": False, "color": {"color": STYLE["edge"], "highlight": "#222222"}}

_MEMBERSHIP = ("MEMBER_OF", "PART_OF")
_LABEL_MAX = 28


def search_text(*values: object) -> str:
    """Lower-case, accent-free text the page's search matches against.

    >>> search_text("Economía", ["GRE-P", "Perú"])
    'economia gre-p peru'
    """
    flat: list[str] = []
    for value in values:
        flat += [str(v) for v in value] if isinstance(value, (list, tuple)) else [str(value)] if value else []
    text = unicodedata.normalize("NFKD", " ".join(flat))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def short_label(attrs: dict[str, Any], fallback: str) -> str:
    """What is written next to a node: the acronym, else the name (shortened).

    >>> short_label({"name": "Grupo Red de Economía Solidaria del Perú", "acronym": "GRESP"}, "x")
    'GRESP'
    >>> short_label({"name": "Asociación de Productores Ecológicos de la Región"}, "x")
    'Asociación de Productores E…'
    """
    text = str(attrs.get("acronym") or attrs.get("name") or fallback)
    return text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1].rstrip() + "…"


def page_data(
    view: View,
    G: nx.MultiDiGraph,
    structure: Structure,
    *,
    colour_by: str = "kind",
    size_by: str = "degree",
    lang: str = "es",
    personal: bool = False,
    positions: dict[str, tuple[float, float]] | None = None,
    proposals: Iterable[Proposal] = (),
    quiet_labels: bool = False,
) -> dict[str, Any]:
    """Everything the page's script needs to draw and explore ``view``.

    Parameters
    ----------
    view : View
        What to draw (see :func:`essgraph.render.views.select`): its graph is an induced
        subgraph of ``G`` (every tie of ``G`` between two of its nodes is drawn).
    G : networkx.MultiDiGraph
        The whole graph the view was cut from (for region names, memberships and ties).
    structure : Structure
        Sizes and marks (see :func:`essgraph.render.structure.measure`).
    colour_by : {"kind", "macro_region"}
        What node colour shows (the ``gaps`` view always colours connected groups).
    size_by : {"degree", "betweenness", "eigenvector"}
        The measure behind ``structure.score`` (for the legend).
    personal : bool
        Include phones, e-mails and people's roles.
    positions : dict, optional
        Fixed ``(x, y)`` per graph node id (physics then only settles the rest).
    proposals : iterable of Proposal
        Proposed alliances; those with both ends in the view become the overlay.
    quiet_labels : bool
        Name at first only the focus, hubs and cut points whose labels do not overlap at
        ``positions`` (:mod:`essgraph.render.labels`): the other nodes get ``"quiet": true``
        and the page shows their labels on hover and when zoomed in.
    """
    H = view.graph
    ids = {node: f"n-{i}" for i, node in enumerate(sorted(H, key=str))}
    places = {n: str(a.get("name", n)) for n, a in G.nodes(data=True) if carries_label(a, "Region", "MacroRegion")}
    mode = "component" if view.name == "gaps" else colour_by
    groups: Counter[str] = Counter()
    nodes, marks_seen, shapes = [], set(), set()
    for node, node_id in ids.items():
        attrs = H.nodes[node]
        networks = _networks(G, node)
        kind = kind_group(attrs)
        macro = attrs.get("macro_region")  # derived once when the graph is built
        group = _colour_group(mode, node, kind, macro, structure)
        groups[group] += node not in view.context
        marks = _node_marks(node, structure) + (["faded"] if node in view.context else [])
        marks_seen.update(marks)
        colour = FADED_COLOUR if node in view.context else _group_colour(mode, group, structure)
        shapes.add(shape_of(kind))
        size = node_size(structure.score.get(node, 0.0))
        record = {
            "id": node_id, "label": short_label(attrs, node_id), "shape": shape_of(kind),
            "size": size, "marks": marks,
            "color": {"background": colour, "border": _border(marks, colour),
                      "highlight": {"background": colour, "border": "#000000"}},
            "font": {"size": 12 + size // 4, "color": "#9a9a9a" if node in view.context else "#222222"},
            "degree": structure.degree.get(node, 0),
            **({} if node in structure.degree else {"outside": _outside(attrs, structure)}),
            **_details(G, attrs, networks, kind, macro, places, lang, personal),
            "f": {"region": attrs.get("region", ""), "macro_region": macro or "", "kind": kind,
                  "sector": attrs.get("sector", ""), "network": sorted(ids[m] for m in networks if m in ids)},
            "q": search_text(attrs.get("name"), attrs.get("acronym"), attrs.get("aliases", ())),
        }
        if "articulation" in marks or {"isolated", "one_tie"} & set(marks):  # vis-network's default: 1, no dashes
            record["borderWidth"] = 5 if "articulation" in marks else 2
        if "isolated" in marks:
            record["shapeProperties"] = {"borderDashes": STYLE["isolated_dashes"]}
        if positions and node in positions:
            record["x"], record["y"] = positions[node]
        nodes.append(record)
    if quiet_labels and positions:
        _quiet(dict(zip(ids, nodes)), structure, positions, view.focus)
    edges = _edges(G, ids, structure, lang)
    marks_seen.update(m for e in edges for m in e["marks"])
    overlay = _proposals(proposals, ids)
    if overlay:
        marks_seen.add("proposed")
    colours = sorted(groups.items(), key=lambda kv: (not kv[0].isdigit(), int(kv[0]) if kv[0].isdigit() else -kv[1]))
    return {
        "nodes": nodes,
        "edges": edges,
        "proposals": overlay,
        "filters": _filters(G, H, ids, nodes, places, lang),
        "legend": legend(
            [(_group_colour(mode, g, structure), _legend_label(mode, g, places, structure, lang)) for g, _ in colours],
            title=TEXTS.t(f"legend_colour_{mode}", lang), size_by=size_by, shapes=shapes, marks=marks_seen,
            lang=lang),
        "ui": ui_strings(lang),
        "edge_defaults": EDGE_DEFAULTS,
    }


def counts_as_tie(u: str, v: str, attrs: dict[str, Any], s: Structure) -> bool:
    """Whether a relationship drawn is one the analyses count: both ends in their tie graph, its rule's type and evidence."""
    return u != v and u in s.degree and v in s.degree and s.projection.counts_relationship(attrs)


def view_counts(H: nx.MultiDiGraph, s: Structure) -> dict[str, int]:
    """What a view draws and what of it the analyses count, as the page says it in one line.

    ``nodes`` and ``edges`` (relationships) drawn; ``counted``: the relationships that count
    (:func:`counts_as_tie`), ``other`` the rest; ``ties``: the pairs they join (several
    relationships of one pair are one tie); ``organizations``: the nodes in the tie graph.

    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> from essgraph.analysis.projection import tie_graph
    >>> from essgraph.render.structure import measure
    >>> ev = {"quote": "q", "evidence": "stated"}
    >>> G = build_graph([Node(i, ("Organization",), {"name": i}) for i in "abc"],
    ...                 [Relationship("MEMBER_OF", "a", "b", ev), Relationship("FOUNDED", "a", "b", ev),
    ...                  Relationship("SHARES_CONTACT", "b", "c", {**ev, "evidence": "inferred"})])
    >>> view_counts(G, measure(tie_graph(G)[0]))
    {'nodes': 3, 'edges': 3, 'counted': 2, 'other': 1, 'ties': 1, 'organizations': 3}
    """
    counted = [(u, v) for u, v, attrs in H.edges(data=True) if counts_as_tie(str(u), str(v), attrs, s)]
    edges = H.number_of_edges()
    return {"nodes": H.number_of_nodes(), "edges": edges, "counted": len(counted), "other": edges - len(counted),
            "ties": len({frozenset(pair) for pair in counted}), "organizations": sum(1 for n in H if str(n) in s.degree)}


def kind_group(attrs: dict[str, Any]) -> str:
    """The kind a node is drawn as: its organization kind, or ``municipality`` / ``person``."""
    if carries_label(attrs, "Municipality"):
        return "municipality"
    if carries_label(attrs, "Person"):
        return "person"
    return str(attrs.get("kind", "initiative"))


def _quiet(records: dict[str, dict[str, Any]], structure: Structure, positions: dict[str, tuple[float, float]],
           focus: str | None) -> None:
    """Mark ``"quiet"`` every record whose label is not among those shown at first."""
    order = named_first(structure, [n for n in records if n in positions], focus)
    shown = {label.node for label in shown_labels(
        Label(n, *positions[n], records[n]["size"], records[n]["label"], records[n]["font"]["size"]) for n in order)}
    for node, record in records.items():
        if node not in shown:
            record["quiet"] = True


def _colour_group(mode: str, node: str, kind: str, macro: str | None, s: Structure) -> str:
    if mode == "kind":
        return kind
    if mode == "macro_region":
        return macro or ""
    if node not in s.component:
        return "outside"
    index = s.component[node]
    if s.component_sizes[index] <= 1:
        return "isolated"
    return str(index) if index < len(COMPONENT_COLOURS) else "other"


def _group_colour(mode: str, group: str, s: Structure) -> str:
    if mode != "component":
        return colour_of(mode, group)
    if group.isdigit():
        return component_colour(int(group))
    return OTHER_GROUPS_COLOUR if group == "other" else NO_GROUP_COLOUR if group == "isolated" else FADED_COLOUR


def _legend_label(mode: str, group: str, places: dict[str, str], s: Structure, lang: str) -> str:
    if mode != "component":
        return group_label(mode, group or None, places, lang)
    if group.isdigit():
        return f"{TEXTS.t('component', lang, n=int(group) + 1)} ({s.component_sizes[int(group)]})"
    return TEXTS.t(f"group_{group}", lang)


def _node_marks(node: str, s: Structure) -> list[str]:
    if node not in s.degree:
        return []
    marks = ["articulation"] if node in s.articulation else []
    if s.degree[node] == 0:
        marks.append("isolated")
    elif s.degree[node] == 1:
        marks.append("one_tie")
    return marks


def _outside(attrs: dict[str, Any], s: Structure) -> str:
    """Why a node drawn is not in the analyses' tie graph: an excluded status (``proposed``), else its label."""
    return "proposed" if attrs.get("status") in s.projection.exclude_status else "not_organization"


def _border(marks: list[str], colour: str) -> str:
    if "articulation" in marks:
        return STYLE["articulation_border"]
    if "isolated" in marks:
        return STYLE["isolated_border"]
    if "one_tie" in marks:
        return STYLE["one_tie_border"]
    return colour


def _networks(G: nx.MultiDiGraph, node: str) -> list[str]:
    return sorted({end for _, end, t in G.out_edges(node, data="type") if t in _MEMBERSHIP})


def _details(G: nx.MultiDiGraph, attrs: dict[str, Any], networks: list[str], kind: str, macro: str | None,
             places: dict[str, str], lang: str, personal: bool) -> dict[str, Any]:
    kind_label = (ORG_KINDS[kind].label(lang) if kind in ORG_KINDS
                  else TEXTS.t("shape_muni" if kind == "municipality" else "shape_person", lang))
    out: dict[str, Any] = {
        "name": str(attrs.get("name", "")) or TEXTS.t("shape_person", lang),
        "acronym": str(attrs.get("acronym", "")),
        "aliases": [str(a) for a in attrs.get("aliases", ())],
        "kind": kind_label,
        "status": STATUSES[attrs["status"]].label(lang) if attrs.get("status") in STATUSES else "",
        "description": str(attrs.get("description", "")),
        "region": places.get(attrs.get("region", ""), str(attrs.get("region", ""))),
        "macro_region": places.get(macro or "", macro or ""),
        "sector": SECTORS[attrs["sector"]].label(lang) if attrs.get("sector") in SECTORS else "",
        "networks": [str(G.nodes[m].get("name", m)) for m in networks],
        "web": str(attrs.get("web", "")),
        "note": note_text(attrs, lang),
    }
    if personal:
        out.update({k: str(attrs.get(k, "")) for k in ("phone", "email", "role")})
    return out


def _edges(G: nx.MultiDiGraph, ids: dict[str, str], s: Structure, lang: str) -> list[dict[str, Any]]:
    """One record per tie of ``G`` between two nodes of ``ids`` (the view is an induced subgraph of ``G``,
    whose own edges are read much faster than a subgraph view's); styles equal to :data:`EDGE_DEFAULTS` and
    empty details are left out (a 40,000-tie page is then half the size and vis-network builds it faster)."""
    edges, seen = [], Counter[tuple[str, str]]()
    labels = {t: spec.term.label(lang) for t, spec in REL_SPECS.items()}
    evidence = {kind: TEXTS.t(f"evidence_{kind}", lang) for kind in ("stated", "inferred", "reported", "one_sided")}
    inside = [(u, v, attrs) for u in ids for _, v, attrs in G.out_edges(u, data=True) if v in ids]
    for i, (u, v, attrs) in enumerate(sorted(inside, key=lambda e: (str(e[0]), str(e[1]), str(e[2].get("type"))))):
        pair = (min(str(u), str(v)), max(str(u), str(v)))
        rank = seen[pair]
        seen[pair] += 1
        rel_type = str(attrs.get("type", ""))
        inferred, reported_by_one = attrs.get("evidence") == "inferred", one_sided(attrs)
        marks = ["inferred"] if inferred else ["one_sided"] if reported_by_one else []
        counted = counts_as_tie(u, v, attrs, s)
        if not inferred and frozenset((u, v)) in s.bridges:
            marks.append("bridge")
        shown = "one_sided" if reported_by_one else attrs.get("evidence")
        record: dict[str, Any] = {"id": f"e-{i}", "from": ids[u], "to": ids[v], "marks": marks,
                                  "type": labels.get(rel_type, rel_type),
                                  "evidence": evidence.get(str(shown), evidence["stated"])}
        for key in ("section", "quote", "year"):
            if attrs.get(key) not in (None, ""):
                record[key] = attrs[key] if key == "year" else str(attrs[key])
        note = note_text(attrs, lang)
        if note:
            record["note"] = note
        if not counted:
            record["uncounted"] = True
        if rel_type not in SYMMETRIC_TYPES:
            record["arrows"] = "to"
        if inferred or reported_by_one:
            record["dashes"] = STYLE["inferred_dashes" if inferred else "one_sided_dashes"]
        if "bridge" in marks:
            record["width"] = 4
            record["color"] = {"color": STYLE["bridge"], "highlight": "#222222"}
        if rank:
            record["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 * rank}
        edges.append(record)
    return edges


def _proposals(proposals: Iterable[Proposal], ids: dict[str, str]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for u, v, reason in proposals:
        if u in ids and v in ids:
            out.append({"id": f"p-{len(out)}", "from": ids[u], "to": ids[v], "reason": reason,
                        "dashes": STYLE["proposed_dashes"], "width": 3, "physics": False,
                        "color": {"color": STYLE["proposed"], "highlight": STYLE["proposed"]}})
    return out


def _filters(G: nx.MultiDiGraph, H: nx.MultiDiGraph, ids: dict[str, str], nodes: list[dict[str, Any]],
             places: dict[str, str], lang: str) -> dict[str, list[tuple[str, str]]]:
    def options(key: str, label: Any) -> list[tuple[str, str]]:
        values = {n["f"][key] for n in nodes if n["f"][key]}
        return sorted(((v, label(v)) for v in values), key=lambda kv: kv[1].casefold())

    kinds = {n["f"]["kind"]: n["kind"] for n in nodes}
    networks = {ids[n]: str(H.nodes[n].get("name", n)) for n in H if has_label(H, n, "Network")}
    used = {m for n in nodes for m in n["f"]["network"]}
    return {
        "region": options("region", lambda v: places.get(v, v)),
        "macro_region": options("macro_region", lambda v: places.get(v, v)),
        "kind": options("kind", lambda v: kinds[v]),
        "sector": options("sector", lambda v: SECTORS[v].label(lang) if v in SECTORS else v),
        "network": sorted(((k, v) for k, v in networks.items() if k in used), key=lambda kv: kv[1].casefold()),
    }
