"""The report's static picture of the network: the main group with its hubs, cut points and bridges.

Drawn with matplotlib as an SVG the page embeds (it prints as vector graphics),
from what the interactive views draw: the positions are the whole view's own
(:func:`essgraph.render.interactive.layout`, passed in by the report), the marks are
those of :class:`~essgraph.render.structure.Structure` (hubs by the analyses' rule,
cut points, drawn bridges), the ties those of the analyses' tie graph, and the names
shown are picked by the views' label rule (:mod:`essgraph.render.labels`), so no
two overlap. Past :data:`PICTURE_NODES` organizations only the best-connected of
the main group are drawn (the alternative text says so), so the picture and its
cost stay small at 100,000 organizations. The same input gives the same bytes
(matplotlib's ``svg.hashsalt`` is fixed and the file carries no date).

Examples
--------
>>> import networkx as nx
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> from essgraph.render.interactive import layout, prepared
>>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node(i, ("Organization",), {"name": i.upper(), "kind": "ngo"}) for i in "abcdefg"],
...                 [Relationship("SUPPORTS", "a", x, ev) for x in "bcd"] + [Relationship("SUPPORTS", "d", "e", ev)])
>>> shared = prepared(G)
>>> nodes = main_group(shared.structure)
>>> nodes
['a', 'd', 'b', 'c', 'e']
>>> picture = network_picture(shared.graph, shared.structure, layout(shared.graph, nodes), "en")
>>> picture.svg.startswith("<svg") and 'role="img"' in picture.svg and "<title" in picture.svg
True
>>> print(picture.alt.split(". ")[0])
Drawing of the 5 organizations of the main group, those joined to each other by some path of ties
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import escape
from typing import Mapping

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
import networkx as nx  # noqa: E402

from essgraph.analysis.projection import tie_graph  # noqa: E402
from essgraph.render.encoding import STYLE, component_colour, node_size, shape_of  # noqa: E402
from essgraph.render.findings import names_list  # noqa: E402
from essgraph.render.labels import Label, named_first, shown_labels  # noqa: E402
from essgraph.render.pagedata import kind_group, short_label  # noqa: E402
from essgraph.render.structure import Structure  # noqa: E402
from essgraph.render.texts import TEXTS  # noqa: E402
from essgraph.render.views import induced  # noqa: E402

__all__ = ["PICTURE_NODES", "Picture", "main_group", "network_picture"]

#: At most this many organizations are drawn: the main group's best-connected past it.
PICTURE_NODES = 300

#: Fill of a hub (the other organizations of the main group have the gaps view's colour of it).
HUB_COLOUR = "#e8a33d"

#: Drawn size in inches (the printable width of an A4 page) and font size in points (12 px and more).
_WIDTH, _HEIGHT, _FONT = 7.2, 6.4, 10
_MARKERS = {"dot": "o", "diamond": "D", "square": "s", "triangle": "^"}


@dataclass(frozen=True)
class Picture:
    """The picture as an inline SVG element (every data string escaped) and the sentence that says what it shows."""

    svg: str
    alt: str


def main_group(structure: Structure, limit: int = PICTURE_NODES) -> list[str]:
    """The organizations the picture draws: the main group (the largest connected group, of two or more),
    the ``limit`` with the most ties past that size, most ties first (then id)."""
    if not structure.component_sizes or structure.component_sizes[0] < 2:
        return []
    members = [n for n, group in structure.component.items() if group == 0]
    return sorted(members, key=lambda n: (-structure.degree.get(n, 0), n))[:limit]


def network_picture(S: nx.MultiDiGraph, structure: Structure, positions: Mapping[str, tuple[float, float]],
                    lang: str = "es", *, nodes: list[str] | None = None) -> Picture | None:
    """The picture of ``nodes`` (default :func:`main_group`) at ``positions`` (page coordinates, y down).

    ``S`` is the graph the views draw (public unless personal data was asked for), ``structure`` its
    marks. ``None`` when the network has no group of two or more organizations.
    """
    drawn = main_group(structure) if nodes is None else nodes
    if not drawn:
        return None
    T, _ = tie_graph(induced(S, set(drawn)))  # the ties between them, by the analyses' rule
    hubs = [n for n in named_first(structure, drawn) if n in structure.hubs]
    cuts = [n for n in named_first(structure, drawn) if n in structure.articulation]
    bridges = [tuple(sorted(pair)) for pair in structure.bridges if pair <= set(drawn)]
    name = {n: str(S.nodes[n].get("name", n)) for n in drawn}
    total = structure.component_sizes[0]
    of = TEXTS.t("picture_of", lang, shown=len(drawn), total=total) if len(drawn) < total else ""
    none = TEXTS.t("picture_none", lang)
    alt = TEXTS.t("picture_alt", lang, shown=len(drawn), of=of, hubs=len(hubs), cuts=len(cuts), bridges=len(bridges),
                  hub_names=names_list([{"name": name[n]} for n in hubs], 10) or none,
                  cut_names=names_list([{"name": name[n]} for n in cuts], 10) or none)
    with plt.rc_context({"svg.hashsalt": "essgraph", "svg.fonttype": "none", "text.parse_math": False,
                         "font.size": _FONT, "font.family": "sans-serif"}):
        svg = _draw(S, T, structure, positions, drawn, set(hubs), bridges, lang)
    return Picture(_inline(svg, TEXTS.t("picture_title", lang), alt), alt)


def _draw(S: nx.MultiDiGraph, T: nx.Graph, structure: Structure, positions: Mapping[str, tuple[float, float]],
          drawn: list[str], hubs: set[str], bridges: list[tuple[str, ...]], lang: str) -> str:
    xs, ys = [positions[n][0] for n in drawn], [positions[n][1] for n in drawn]
    fig = plt.figure(figsize=(_WIDTH, _HEIGHT))
    ax = fig.add_axes((0.01, 0.2, 0.98, 0.79))
    ax.set_axis_off()
    pad = 0.06 * max(max(xs) - min(xs), max(ys) - min(ys), 1.0)
    x0, x1, y0, y1 = min(xs) - pad, max(xs) + pad, min(ys) - pad, max(ys) + 2.5 * pad
    ax.set_xlim(x0, x1)
    ax.set_ylim(y1, y0)  # y grows downwards, as on the page
    ax.set_aspect("equal", adjustable="box")
    box = ax.get_position()
    unit = max((x1 - x0) / (box.width * _WIDTH * 72), (y1 - y0) / (box.height * _HEIGHT * 72))  # data per point
    ties = sorted(tuple(sorted(edge)) for edge in T.edges())
    bridge_set = set(bridges)
    plain = [(positions[u], positions[v]) for u, v in ties if (u, v) not in bridge_set]
    ax.add_collection(LineCollection(plain, colors=STYLE["edge"], linewidths=0.6, zorder=1))
    ax.add_collection(LineCollection([(positions[u], positions[v]) for u, v in sorted(bridges)],
                                     colors=STYLE["bridge"], linewidths=2.4, zorder=2))
    diameter = {n: 4 + 0.3 * node_size(structure.score.get(n, 0.0)) for n in drawn}  # points
    for shape in sorted({shape_of(kind_group(S.nodes[n])) for n in drawn}):
        group = [n for n in drawn if shape_of(kind_group(S.nodes[n])) == shape]
        ax.scatter([positions[n][0] for n in group], [positions[n][1] for n in group],
                   s=[diameter[n] ** 2 for n in group], marker=_MARKERS.get(shape, "o"), zorder=3,
                   c=[HUB_COLOUR if n in hubs else component_colour(0) for n in group],
                   edgecolors=[STYLE["articulation_border"] if n in structure.articulation else "#555555"
                               for n in group],
                   linewidths=[2.2 if n in structure.articulation else 0.5 for n in group])
    candidates = (Label(n, *positions[n], diameter[n] / 2 * unit, short_label(S.nodes[n], n), _FONT * unit)
                  for n in named_first(structure, drawn))
    for label in shown_labels(candidates):
        ax.text(label.x, label.y + label.radius + 0.25 * label.font, label.text, ha="center", va="top",
                fontsize=_FONT, zorder=4, bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.8})
    handles = [
        Line2D([], [], marker="o", ls="", ms=10, mfc=HUB_COLOUR, mec="#555555", label=TEXTS.t("picture_hub", lang)),
        Line2D([], [], marker="o", ls="", ms=10, mfc=component_colour(0), mec="#555555",
               label=TEXTS.t("picture_other", lang)),
        Line2D([], [], marker="o", ls="", ms=10, mfc="white", mec=STYLE["articulation_border"], mew=2.2,
               label=TEXTS.t("picture_cut", lang)),
        Line2D([], [], marker="D", ls="", ms=8, mfc="white", mec="#555555", label=TEXTS.t("shape_network", lang)),
        Line2D([], [], color=STYLE["bridge"], lw=2.4, label=TEXTS.t("picture_bridge", lang)),
        Line2D([], [], color=STYLE["edge"], lw=1, label=TEXTS.t("picture_tie", lang)),
    ]
    fig.legend(handles=handles, loc="lower center", ncol=2, frameon=False, fontsize=_FONT,
               title=TEXTS.t("legend", lang), title_fontsize=_FONT, bbox_to_anchor=(0.5, 0.0))
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    plt.close(fig)
    return buffer.getvalue()


def _inline(svg: str, title: str, alt: str) -> str:
    """matplotlib's SVG file as an element of the page: no XML prolog or metadata, a fluid size, a name."""
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, count=1, flags=re.S)
    return re.sub(r'<svg[^>]*?(viewBox="[^"]*")[^>]*>',
                  lambda m: (f'<svg xmlns="http://www.w3.org/2000/svg" {m.group(1)} class="network-picture" role="img" '
                             f'aria-labelledby="network-picture-title" aria-describedby="network-picture-desc">'
                             f'<title id="network-picture-title">{escape(title)}</title>'
                             f'<desc id="network-picture-desc">{escape(alt)}</desc>'),
                  svg, count=1)
