"""``render``: one interactive view of the graph as a single offline HTML file.

Examples
--------
>>> import tempfile
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph(
...     [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network", "region": "lima"}),
...      Node("joc", ("Organization",), {"name": "JOC", "kind": "union", "phone": "01 4234567"})],
...     [Relationship("MEMBER_OF", "joc", "gresp", {"quote": "JOC, miembro del GRESP", "evidence": "stated"})])
>>> out = Path(tempfile.mkdtemp())
>>> render(G, out / "red.html").path.name
'red.html'
>>> html = (out / "red.html").read_text(encoding="utf-8")
>>> "Toda la red" in html, "4234567" in html, "https://" in html.split("<body")[0]
(True, False, False)
>>> render(G, out / "red.html", ViewRequest(view="ego", focus="joc", include_personal_data=True)).path.name
'red-CONFIDENCIAL.html'
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import networkx as nx
from markupsafe import Markup

from essgraph.analysis.result import AnalysisResult
from essgraph.analysis import analyze
from essgraph.analysis.projection import tie_graph
from essgraph.errors import RenderError
from essgraph.graphmodel import public_graph
from essgraph.i18n import check_lang
from essgraph.gcpause import paused_gc

from essgraph.render.encoding import COLOUR_BY
from essgraph.render.findings import alliance_text, best_partners, partner_text
from essgraph.render.positions import GEO_SPACING, force_layout, geo_layout, map_point, outline_points
from essgraph.render.page import asset, confidential_path, json_for_html, print_css, write_html
from essgraph.render.overview import overview_data
from essgraph.render.pagedata import Proposal, page_data, view_counts
from essgraph.render.structure import SIZE_MEASURES, Structure, measure
from essgraph.render.texts import TEXTS
from essgraph.render.views import VIEWS, View, actor_ids, select

__all__ = ["MAX_ELEMENTS", "PHYSICS_THRESHOLD", "Prepared", "RenderResult", "ViewRequest", "render", "prepare", "prepared", "proposals_from", "thousands",
           "view_size", "layout"]

#: Past this many nodes the layout is computed beforehand and physics is off.
PHYSICS_THRESHOLD = 1000

#: Past this many nodes + ties a view is not drawn unless asked (``full=True``, ``--full``): the
#: overview is. Headless Chromium on two shared cores draws the whole view of 10,000 synthetic
#: organizations (10,650 nodes + 42,000 ties = 52,650 elements) in 4-6 s and redraws a pan in about
#: half a second (``benchmarks/scale.py``; a bare vis-network page of the same ties: 3-4.5 s); the
#: time grows with the elements, so past 60,000 a page takes longer than the ~5 s a person waits.
MAX_ELEMENTS = 60_000

_FILTERS = ("region", "macro_region", "kind", "sector", "network")


def prepare(G: nx.MultiDiGraph, *, include_personal_data: bool = False) -> nx.MultiDiGraph:
    """The graph a shared output may show.

    Public mode (the default): :func:`~essgraph.graphmodel.public_graph`, without
    personal properties, with people as unlinkable marks and scrubbed free texts.
    """
    return G if include_personal_data else public_graph(G)


@dataclass(frozen=True)
class Prepared:
    """What every view of one graph shares: its shared form and the measures behind sizes and marks.

    :func:`essgraph.render.report_folder` computes it once for its six views.
    """

    graph: nx.MultiDiGraph
    structure: Structure
    size_by: str
    personal: bool
    #: The tie graph of ``graph`` (:func:`~essgraph.analysis.projection.tie_graph`'s defaults) that ``structure`` measures.
    tie: nx.Graph


def prepared(G: nx.MultiDiGraph, *, size_by: str = "degree", include_personal_data: bool = False) -> Prepared:
    """The shared form of ``G`` and its measures (see :class:`Prepared`)."""
    S = prepare(G, include_personal_data=include_personal_data)
    T, _ = tie_graph(S)
    return Prepared(S, measure(T, size_by=size_by), size_by, include_personal_data, T)


def view_size(G: nx.MultiDiGraph, view: str = "whole", *, focus: str | None = None, steps: int = 1,
              include_personal_data: bool = False) -> tuple[int, int]:
    """Nodes and ties ``view`` would draw, counted on ``G`` as loaded (no copy, no privacy step)."""
    if view in ("whole", "gaps", "geo"):
        actors = set(actor_ids(G, people=include_personal_data))
        return len(actors), sum(1 for u, v in G.edges() if u in actors and v in actors)
    nodes = set(select(G, view, focus=focus, steps=steps, people=include_personal_data, copy=False).graph)
    return len(nodes), sum(len(keyed) for u in nodes for v, keyed in G.adj[u].items() if v in nodes)


@dataclass(frozen=True)
class ViewRequest:
    """What to draw: one view of a graph and how (every field has a sensible default).

    Attributes
    ----------
    view : {"whole", "ego", "network", "region", "gaps", "geo", "overview"}
        See :mod:`essgraph.render.views` and :mod:`essgraph.render.overview`.
    focus : str, optional
        Organization, network or region of the ``ego``, ``network`` and ``region`` views.
    steps : int
        Reach of the ``ego`` view.
    color_by : {"kind", "macro_region"}
        What node colour shows.
    size_by : {"degree", "betweenness", "eigenvector"}
        The centrality that node size shows.
    show_recommendations : bool
        Add the proposed alliances as an overlay that can be switched off.
    proposals : tuple of (id, id, reason), optional
        The alliances to propose; by default the analyses' recommendations.
    lang : {"es", "en"}
        Language of every label, legend and panel.
    include_personal_data : bool
        Keep people's names and phones (the page then says so in a banner).
    threshold : int
        Past this many nodes the layout is precomputed and physics is off.
    seed : int
        Seed of the precomputed layout.
    full : bool
        Draw the view even past ``max_elements``.
    max_elements : int, optional
        Past this many nodes + ties the overview is drawn instead (unless ``full``);
        default :data:`MAX_ELEMENTS`.

    Examples
    --------
    >>> ViewRequest(view="ego", focus="gresp", steps=2).check()
    >>> ViewRequest(size_by="pagerank").check()
    Traceback (most recent call last):
    ...
    essgraph.errors.RenderError: unknown size measure 'pagerank': use one of degree, betweenness, eigenvector
    """

    view: str = "whole"
    focus: str | None = None
    steps: int = 1
    color_by: str = "kind"
    size_by: str = "degree"
    show_recommendations: bool = False
    proposals: tuple[Proposal, ...] | None = None
    lang: str = "es"
    include_personal_data: bool = False
    threshold: int = PHYSICS_THRESHOLD
    seed: int = 42
    full: bool = False
    max_elements: int | None = None

    def check(self) -> None:
        """Raise :class:`RenderError` for an unknown language, colour, size measure or view."""
        try:
            check_lang(self.lang)
        except ValueError as exc:
            raise RenderError(str(exc)) from None
        if self.color_by not in COLOUR_BY:
            raise RenderError(f"unknown colour {self.color_by!r}: use one of {', '.join(COLOUR_BY)}",
                              options=("color_by",))
        if self.size_by not in SIZE_MEASURES:
            raise RenderError(f"unknown size measure {self.size_by!r}: use one of {', '.join(SIZE_MEASURES)}",
                              options=("size_by",))
        if self.view not in VIEWS + ("overview",):
            raise RenderError(f"unknown view {self.view!r}: use one of {', '.join(VIEWS + ('overview',))}")


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render` drew: the file, its title, the view drawn and what the caller should be told.

    ``view`` is ``"overview"`` when a view too large to draw became the overview;
    ``notices`` then says so (the page says it too).
    """

    path: Path
    title: str
    view: str
    notices: tuple[str, ...] = ()


# Drawing a big graph makes hundreds of thousands of dicts and no cycle, and each collection
# walks them all (10k organizations: a second or more of a five-second render).
@paused_gc()
def render(G: nx.MultiDiGraph, path: str | Path, request: ViewRequest | None = None, *,
           shared: Prepared | None = None, progress: Callable[[int, int], None] | None = None) -> RenderResult:
    """Write one interactive view of ``G`` to ``path``, as ``request`` asks.

    A view with more than ``request.max_elements`` nodes and ties is not drawn
    unless ``request.full``: the page shows the overview instead (regions on a map
    of Peru and the best-connected organizations, see :mod:`essgraph.render.overview`)
    and says why and how to see more.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph (as loaded; personal data is removed here unless asked for).
    path : str or Path
        The HTML file. With personal data its name gets ``-CONFIDENCIAL``.
    request : ViewRequest, optional
        What to draw and how (default: the whole network, in Spanish).
    shared : Prepared, optional
        The result of :func:`prepared` for ``G`` (to draw several views of one graph).
    progress : callable, optional
        Called as ``progress(done, total)`` after each step.

    Returns
    -------
    RenderResult
        The file written, its title, the view drawn and the notices for the caller.

    Raises
    ------
    RenderError
        Unknown view, option or focus, or a file that cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from essgraph.graphmodel import Node, build_graph
    >>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"})], [])
    >>> drawn = render(G, Path(tempfile.mkdtemp()) / "red.html", ViewRequest(lang="en"))
    >>> drawn.path.name, drawn.view, drawn.notices
    ('red.html', 'whole', ())
    """
    r = request or ViewRequest()
    r.check()
    tick = _ticker(progress, 6)
    target = confidential_path(Path(path)) if r.include_personal_data else Path(path)
    too_large: tuple[int, int] | None = None
    if r.view != "overview" and not r.full:
        n, e = view_size(G, r.view, focus=r.focus, steps=r.steps, include_personal_data=r.include_personal_data)
        if n + e > (MAX_ELEMENTS if r.max_elements is None else r.max_elements):
            too_large = (n, e)
    tick()
    if r.view == "overview" or too_large:
        measured = (shared.tie, shared.structure) if shared is not None and shared.size_by == r.size_by else None
        return _overview(G, target, r, too_large, tick, measured)
    if shared is None or shared.size_by != r.size_by or shared.personal != r.include_personal_data:
        shared = prepared(G, size_by=r.size_by, include_personal_data=r.include_personal_data)
    S, structure = shared.graph, shared.structure
    tick(3)
    shown = select(S, r.view, focus=r.focus, steps=r.steps, people=r.include_personal_data, lang=r.lang)
    n = shown.graph.number_of_nodes()
    # the whole and gaps views' layout is always Python's (one layout for both, the same nodes): the report's
    # picture of the network is drawn from it, and the labels shown at first are picked from it (render/labels.py)
    precomputed = (n > r.threshold or r.view in ("whole", "gaps")) and r.view != "geo"
    positions, map_meta = _positions(S, shown, precomputed=precomputed, seed=r.seed, lang=r.lang)
    tick()
    proposals = r.proposals
    if r.show_recommendations and proposals is None:
        proposals = tuple(proposals_from(analyze(S), r.lang))
    payload = page_data(shown, S, structure, colour_by=r.color_by, size_by=r.size_by, lang=r.lang,
                        personal=r.include_personal_data, positions=positions, proposals=proposals or (),
                        quiet_labels=precomputed)
    ids = {node: record["id"] for node, record in zip(sorted(shown.graph, key=str), payload["nodes"])}
    payload["meta"] = {"view": r.view, "physics": positions is None, "threshold": r.threshold, "map": map_meta,
                       "focus": ids.get(shown.focus) if shown.focus else None, "aggregated": False}
    tick()
    counted = view_counts(shown.graph, structure)
    written = _write(target, payload, lang=r.lang, view=r.view, title=shown.title,
                     counts=TEXTS.t("counts", r.lang, **counted), counts_note=TEXTS.t("counts_note", r.lang, **counted),
                     notice=TEXTS.t("precomputed", r.lang, n=thousands(n)) if n > r.threshold and precomputed else "",
                     personal=r.include_personal_data, source=_source(G))
    tick()
    return RenderResult(written, shown.title, r.view)


def _overview(G: nx.MultiDiGraph, target: Path, r: ViewRequest, too_large: tuple[int, int] | None,
              tick: Callable[..., None], measured: tuple[nx.Graph, Structure] | None) -> RenderResult:
    """Write the overview by region, asked for or in place of a view ``too_large`` (nodes, ties) to draw."""
    payload = overview_data(G, lang=r.lang, personal=r.include_personal_data, size_by=r.size_by,
                            colour_by=r.color_by, progress=lambda _step: tick(), measured=measured)
    payload["meta"] = {"view": "overview", "requested": r.view, "physics": False, "threshold": r.threshold,
                       "map": payload.pop("map"), "focus": None, "aggregated": True}
    hubs = sum(1 for node in payload["nodes"] if "aggregate" not in node)
    if too_large:
        notice = TEXTS.t("too_large", r.lang, view=r.view, nodes=thousands(too_large[0]), edges=thousands(too_large[1]),
                         hubs=hubs)
    else:
        notice = TEXTS.t("overview_about", r.lang, hubs=hubs)
    title = TEXTS.t("view_overview", r.lang)
    counts = TEXTS.t("counts_overview", r.lang, groups=len(payload["nodes"]) - hubs, hubs=hubs)
    tick(6)
    written = _write(target, payload, lang=r.lang, view="overview", title=title, counts=counts, notice=notice,
                     personal=r.include_personal_data, source=_source(G))
    return RenderResult(written, title, "overview", (notice,) if too_large else ())


def thousands(n: int) -> str:
    """``n`` with a narrow no-break space between thousands (read alike in Spanish and English).

    >>> thousands(102500)
    '102\u202f500'
    """
    return f"{n:,}".replace(",", "\u202f")


def _ticker(progress: Callable[[int, int], None] | None, total: int) -> Callable[..., None]:
    done = [0]

    def tick(to: int | None = None) -> None:
        done[0] = min(total, to if to is not None else done[0] + 1)
        if progress is not None:
            progress(done[0], total)
    return tick


def _source(G: nx.MultiDiGraph) -> str:
    """The dataset's title (the source line of a printed page), "" when the graph has none."""
    return str(dict(G.graph.get("dataset") or {}).get("title") or "")


def _write(target: Path, payload: dict[str, Any], *, lang: str, view: str, title: str, counts: str, notice: str,
           personal: bool, source: str, counts_note: str = "") -> Path:
    confidential = TEXTS.t("confidential", lang) if personal else ""
    footer = TEXTS.t("print_source", lang, source=source or TEXTS.t("subtitle", lang))
    return write_html(
        target, "view.html",
        scripts={"vis_js": asset("vis-network.min.js"), "view_js": asset("view.js")},
        data_json=Markup(json_for_html(payload)), css=asset("view.css") + print_css(footer, confidential), lang=lang,
        view=view, title=title, subtitle=TEXTS.t("subtitle", lang), counts=counts, counts_note=counts_note,
        notice=notice,
        confidential=confidential, ui=payload["ui"], legend=payload["legend"], has_proposals=bool(payload["proposals"]),
        filters=[(key, TEXTS.t(f"filter_{key}", lang), payload["filters"][key])
                 for key in _FILTERS if payload["filters"].get(key)],
        graph_label=TEXTS.t("graph_label", lang, title=title), node_count=len(payload["nodes"]),
        focus=bool(payload["meta"].get("focus")),
    )


def _positions(S: nx.MultiDiGraph, shown: View, *, precomputed: bool, seed: int, lang: str
               ) -> tuple[dict[str, tuple[float, float]] | None, dict[str, Any] | None]:
    H = shown.graph
    if shown.name == "geo":
        groups: dict[tuple[float, float], list[str]] = {}
        names: dict[tuple[float, float], str] = {}
        for node, attrs in H.nodes(data=True):
            region = attrs.get("region")
            ubigeo = S.nodes[region].get("ubigeo") if region in S else None
            anchor = map_point(region, ubigeo, macro_region=attrs.get("macro_region"))
            groups.setdefault(anchor, []).append(node)
            names[anchor] = _place_name(S, region or attrs.get("macro_region"), lang)
        labels = [[x, y, f"{names[(x, y)]} ({len(ids)})", round(GEO_SPACING * len(ids) ** 0.5)]
                  for (x, y), ids in sorted(groups.items())]
        return geo_layout(groups, spacing=GEO_SPACING), {"outline": outline_points(), "labels": labels}
    if not precomputed:
        return None, None
    return layout(S, H, seed=seed), None


def layout(S: nx.MultiDiGraph, nodes: Iterable[str], *, seed: int = 42) -> dict[str, tuple[float, float]]:
    """Positions of ``nodes`` as a view precomputes them: :func:`~essgraph.render.positions.force_layout`
    over the ties of ``S`` between them (the whole view's layout, and the report's picture of the network).

    >>> S = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> pos = layout(S, ["c", "b", "a"], seed=1)
    >>> sorted(pos), pos == layout(S, ["a", "b", "c"], seed=1)
    (['a', 'b', 'c'], True)
    """
    ordered = sorted(nodes, key=str)
    index = {node: i for i, node in enumerate(ordered)}
    # a view is an induced subgraph of S: its ties are read off S (a subgraph view filters every tie)
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v]))
                    for u in ordered for v in S.succ[u] if v in index and v != u})
    return dict(zip(ordered, force_layout(len(ordered), pairs, seed=seed)))


def _place_name(S: nx.MultiDiGraph, place: str | None, lang: str) -> str:
    if place in S:
        return str(S.nodes[place].get("name", place))
    return str(place or TEXTS.t("no_region", lang))


def proposals_from(result: AnalysisResult, lang: str = "es") -> list[Proposal]:
    """The alliances an :func:`essgraph.analysis.analyze` result recommends, as overlay lines with their reasons.

    The new ties that close single points of failure, then each isolated or
    one-tie organization's best candidate partner (worded by :mod:`essgraph.render.findings`).

    >>> from essgraph.graphmodel import Node, Relationship, build_graph
    >>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
    >>> G = build_graph([Node("red", ("Organization", "Network"), {"name": "Red", "kind": "network", "region": "cusco"}),
    ...                  Node("x", ("Organization",), {"name": "X", "region": "cusco"}),
    ...                  Node("z", ("Organization",), {"name": "Z", "region": "cusco"})],
    ...                 [Relationship("MEMBER_OF", "x", "red", ev)])
    >>> proposals_from(analyze(G), "en")[-1]
    ('z', 'red', 'Red shares the region cusco with Z; it already has 1 tie(s).')
    """
    labels = result.labels
    out = [(t["a"]["id"], t["b"]["id"], alliance_text(t, labels, lang))
           for t in result.recommendations["augmentation"]["new_ties"]]
    out += [(target["id"], best["partner"]["id"], partner_text(target, best, labels, lang))
            for target, best in best_partners(result)]
    return out

