"""``report``: the planners' report, one folder that opens offline.

``DIR/index.html`` tells the headline findings of :func:`essgraph.analysis.analyze`
(hubs, disconnected groups, single points of failure, regions left out, isolated
initiatives, recommended alliances, the Mesa proposal and, when the data holds a
survey round, what the latest round changed) as short text, tables, small
charts and a static picture of the network's main group (:mod:`essgraph.render.picture`); it links to one interactive view of each kind (``DIR/views/``) and to
the exports (``DIR/exports/``: organizations with their measures as CSV, the
analysis as JSON, the graph as GraphML and GEXF for Gephi). Nothing is computed
here that the analyses or the loaders already compute.

With personal data every file name carries ``-CONFIDENCIAL`` and the page a banner.

Examples
--------
>>> import tempfile
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph(
...     [Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network", "scope": "national",
...                                                 "region": "lima"}),
...      Node("joc", ("Organization",), {"name": "JOC", "kind": "union", "region": "lima"}),
...      Node("aam", ("Organization",), {"name": "AAM", "kind": "initiative"}),
...      Node("lima", ("Region",), {"name": "Lima", "macro_region": "lima-centro"}),
...      Node("lima-centro", ("MacroRegion",), {"name": "Lima Centro"})],
...     [Relationship("MEMBER_OF", "joc", "gresp", ev)])
>>> index = report(G, Path(tempfile.mkdtemp()) / "informe")
>>> index.name, sorted(p.name for p in (index.parent / "exports").iterdir())
('index.html', ['analisis.json', 'grafo.gexf', 'grafo.graphml', 'organizaciones.csv', 'tablas.xlsx'])
"""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Callable

import networkx as nx
from markupsafe import Markup

from essgraph.analysis.result import AnalysisResult
from essgraph.analysis import analyze
from essgraph.errors import RenderError
from essgraph.files import atomic_folder, atomic_write
from essgraph.gcpause import paused_gc
from essgraph.graphmodel import has_label
from essgraph.graphmodel.vocab import SECTORS
from essgraph.i18n import check_lang
from essgraph.loaders import export
from essgraph.render import interactive
from essgraph.render.gephi import gephi_viz
from essgraph.render.kumu import node_measures
from essgraph.render.charts import (
    chart, degree_alt, degree_histogram, heat_map, heat_map_alt, isolation_alt, isolation_bars, macro_region_matrix,
)
from essgraph.render.findings import (
    alliance_text, best_partners, kind_label, names_list, other_groups, partner_text, seat_text, top_bridges,
    top_cut_points, type_names,
)
from essgraph.render.interactive import (
    Prepared, ViewRequest, layout, prepare, prepared, proposals_from, render, thousands, view_size,
)
from essgraph.render.page import asset, confidential_path, print_css, write_html
from essgraph.render.peru import departments_map
from essgraph.render.picture import Picture, main_group, network_picture
from essgraph.render.report_texts import REPORT_TEXTS as R
from essgraph.render.rounds import change_lists, changes_title, round_text, sizes_text
from essgraph.spreadsheet import Sheet, csv_bytes, xlsx_bytes
from essgraph.render.texts import TEXTS
from essgraph.render.views import actor_ids

__all__ = ["report", "report_views", "organization_rows"]

_TOP = 10


@paused_gc()  # see render()
def report(
    G: nx.MultiDiGraph,
    out_dir: str | Path,
    *,
    lang: str = "es",
    include_personal_data: bool = False,
    seed: int = 42,
    progress: Callable[[int, int], None] | None = None,
    max_elements: int | None = None,
) -> Path:
    """Write the report folder for ``G`` and return the path of its main page.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph (personal data is removed unless asked for).
    out_dir : str or Path
        The folder. The report is written into a temporary folder beside it and
        swapped in whole at the end, so a failed or killed run leaves the previous
        report as it was, and a report never keeps files of an earlier one (a
        public report leaves no ``-CONFIDENCIAL`` file behind). An existing
        ``out_dir`` must be empty or an essgraph report (its ``.essgraph-report``
        marker): anything else is refused, never deleted.
    lang : {"es", "en"}
        Language of the page, the views and the charts.
    include_personal_data : bool
        Keep names and phones: every file name gets ``-CONFIDENCIAL``.
    seed : int
        Seed of the analyses' randomized steps and of precomputed layouts.
    progress : callable, optional
        Called as ``progress(done, total)`` after each step (the CLI draws the bar).
    max_elements : int, optional
        Views with more nodes + ties become the overview by region (default
        :data:`essgraph.render.MAX_ELEMENTS`); when the whole network is that
        large, the report links the overview instead of the whole, gaps and map views.

    Raises
    ------
    RenderError
        A file cannot be written.
    essgraph.errors.GraphError
        The graph has no organization to analyse.
    """
    try:
        check_lang(lang)
    except ValueError as exc:
        raise RenderError(str(exc)) from None
    out = Path(out_dir)
    with atomic_folder(out, marker=REPORT_MARKER, what="an essgraph report folder", error=RenderError) as work:
        index = _write_report(G, work, lang=lang, include_personal_data=include_personal_data, seed=seed,
                              progress=progress, max_elements=max_elements)
    return out / index.name


#: The file that marks a folder as an essgraph report (so that the next report may replace it).
REPORT_MARKER = ".essgraph-report"


def _write_report(G: nx.MultiDiGraph, out: Path, *, lang: str, include_personal_data: bool, seed: int,
                  progress: Callable[[int, int], None] | None, max_elements: int | None) -> Path:
    """The report's files in ``out``: analysis, views, charts, map, exports and the main page."""
    name = _namer(include_personal_data)
    done, total = 0, 10

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(min(done, total), total)

    shared = prepared(G, include_personal_data=include_personal_data)  # the views', the picture's and the table's
    result = analyze(G, include_personal_data=include_personal_data, seed=seed, public=shared.graph, tie=shared.tie)
    step()
    nodes, relationships = view_size(G, "whole", include_personal_data=include_personal_data)
    limit = interactive.MAX_ELEMENTS if max_elements is None else max_elements
    large = nodes + relationships > limit
    views, specs = [], report_views(G, result, large=large, lang=lang)
    total = 5 + len(specs)
    overview: dict[str, str] = {}  # the overview's card, once drawn: a view too large to draw links to it
    for spec in specs:
        options = spec["options"]
        about = R.t(spec["about"], lang)
        size = None if options["view"] == "overview" else view_size(
            G, options["view"], focus=options.get("focus"), steps=options.get("steps", 1),
            include_personal_data=include_personal_data)
        drawable = size is not None and sum(size) <= limit
        if size is not None and not drawable and overview:  # the same overview again: not drawn twice
            views.append({**overview, "about": R.t("view_in_overview", lang, about=about, nodes=thousands(size[0]),
                                                    edges=thousands(size[1]), command=_view_command(options, name))})
            step()
            continue
        request = ViewRequest(lang=lang, seed=seed, include_personal_data=include_personal_data, max_elements=limit,
                              full=drawable, **options)  # size checked above
        drawn = render(G, out / "views" / f"{spec['file']}.html", request, shared=shared)
        card = {"href": f"views/{drawn.path.name}", "title": drawn.title, "about": about}
        if drawn.view == "overview" and not overview:
            overview.update(href=card["href"], title=card["title"])
        views.append(card)
        step()
    macro = result.labels.get("macro_region", {})
    gaps, by_macro, roles = result.group_gaps["macro_region"], result.isolated["by_group"]["macro_region"], result.roles["roles"]
    charts = {"heat_map": chart(heat_map(gaps, macro, lang), TEXTS.t("chart_heat_map", lang), heat_map_alt(gaps, macro, lang)),
              "isolation": chart(isolation_bars(by_macro, macro, lang), TEXTS.t("chart_isolation", lang),
                                 isolation_alt(by_macro, macro, lang)),
              "degrees": chart(degree_histogram(roles, lang), TEXTS.t("chart_degree", lang), degree_alt(roles, lang))}
    names, matrix = macro_region_matrix(gaps, macro)
    picture = _picture(shared, large=large, include_personal_data=include_personal_data, seed=seed, lang=lang)
    step()
    peru = departments_map(G, lang, tie=shared.tie)
    step()
    findings = _findings(result, lang, whole=(nodes, relationships))
    organizations = organization_rows(G, result, lang, include_personal_data, public=shared.graph)
    exports = _exports(G, result, out / "exports", name, include_personal_data, lang, large=large,
                       organizations=organizations, tables=_tables(findings, organizations, lang))
    step()
    confidential = TEXTS.t("confidential", lang) if include_personal_data else ""
    source = TEXTS.t("print_source", lang, source=result.meta["dataset"] or TEXTS.t("subtitle", lang))
    index = write_html(
        out / name("index.html"), "report.html", scripts={}, css=asset("report.css") + print_css(source, confidential),
        lang=lang, confidential=confidential, views=views, charts=charts, peru_map=Markup(peru), exports=exports,
        picture=picture and {"svg": Markup(picture.svg), "alt": picture.alt, "title": TEXTS.t("picture_title", lang)},
        heat_table={"names": names, "rows": list(zip(names, matrix))}, **findings)
    step()
    return index


def _picture(shared: Prepared, *, large: bool, include_personal_data: bool, seed: int, lang: str) -> Picture | None:
    """The static picture of the main group, at the whole view's positions (its own layout when the whole
    network is too ``large`` to draw: then only the best-connected are drawn, see :mod:`essgraph.render.picture`)."""
    S = shared.graph
    nodes = main_group(shared.structure)
    positions = layout(S, nodes if large else actor_ids(S, people=include_personal_data), seed=seed)
    return network_picture(S, shared.structure, positions, lang, nodes=nodes)


def report_views(G: nx.MultiDiGraph, result: AnalysisResult, *, large: bool = False, lang: str = "es"
                 ) -> list[dict[str, Any]]:
    """One interactive view of each kind: whole, gaps (with the proposed alliances), map,
    the top hub's neighbourhood, the largest network, the region with most organizations.

    When the whole network is ``large`` (too large to draw, see
    :data:`essgraph.render.MAX_ELEMENTS`), the overview by region replaces the
    whole, gaps and map views; the smaller views stay (each becomes the overview
    too if it is itself too large).
    """
    specs: list[dict[str, Any]] = [
        {"file": "whole", "about": "view_whole_about", "options": {"view": "whole"}},
        {"file": "gaps", "about": "view_gaps_about",
         "options": {"view": "gaps", "show_recommendations": True, "proposals": tuple(proposals_from(result, lang))}},
        {"file": "geo", "about": "view_geo_about", "options": {"view": "geo"}},
    ]
    if large:
        specs = [{"file": "overview", "about": "view_overview_about", "options": {"view": "overview"}}]
    hubs = result.hubs["overall"]
    if hubs:
        specs.append({"file": _slug("ego", hubs[0]["id"]), "about": "view_ego_about",
                      "options": {"view": "ego", "focus": hubs[0]["id"], "steps": 1}})
    members = {n: sum(t == "MEMBER_OF" for _, _, t in G.in_edges(n, data="type"))
               for n in G if has_label(G, n, "Network")}
    if members:
        network = max(sorted(members), key=lambda n: members[n])
        specs.append({"file": _slug("network", network), "about": "view_network_about",
                      "options": {"view": "network", "focus": network}})
    regions = [r for r in result.group_gaps["regions"] if r["organizations"]]
    if regions:
        region = max(regions, key=lambda r: (r["organizations"], r["region"]))["region"]
        specs.append({"file": _slug("region", region), "about": "view_region_about",
                      "options": {"view": "region", "focus": region}})
    return specs


def organization_rows(G: nx.MultiDiGraph, result: AnalysisResult, lang: str,
                      include_personal_data: bool = False, *, public: nx.MultiDiGraph | None = None
                      ) -> list[dict[str, Any]]:
    """One row per analysed organization: its details and its measures from ``result``.

    ``public`` is ``prepare(G, include_personal_data=...)`` when already made.
    """
    S = prepare(G, include_personal_data=include_personal_data) if public is None else public
    labels = result.labels
    measures = node_measures(result, lang)
    rows = []
    for role in result.roles["roles"]:
        attrs = S.nodes[role["id"]] if role["id"] in S else {}
        measure = measures[role["id"]]
        row = {
            "id": role["id"], "name": role["name"], "acronym": attrs.get("acronym", ""),
            "kind": kind_label(attrs.get("kind"), lang),
            "region": labels.get("region", {}).get(attrs.get("region", ""), attrs.get("region", "")),
            "macro_region": labels.get("macro_region", {}).get(attrs.get("macro_region", ""),
                                                               attrs.get("macro_region", "")),
            "sector": SECTORS[attrs["sector"]].label(lang) if attrs.get("sector") in SECTORS else "",
            "web": attrs.get("web", ""), "degree": measure["degree"], "betweenness": measure["betweenness"],
            "role": measure["network_role"], "articulation_point": measure["articulation_point"],
            "component": measure["component"], "community": measure["community"],
        }
        if include_personal_data:
            row.update({"phone": attrs.get("phone", ""), "email": attrs.get("email", "")})
        rows.append(row)
    return rows


def _view_command(options: dict[str, Any], name: Callable[[str], str]) -> str:
    """The ``essgraph render`` command that draws a view too large for the report, whole."""
    focus = f" --focus {options['focus']}" if options.get("focus") else ""
    return f"essgraph render --view {options['view']}{focus} --full -o {name(options['view'] + '.html')}"


def _namer(personal: bool) -> Callable[[str], str]:
    return (lambda name: confidential_path(Path(name)).name) if personal else (lambda name: name)


def _slug(prefix: str, node_id: str) -> str:
    return f"{prefix}-{re.sub(r'[^a-z0-9-]+', '-', node_id.lower()).strip('-')}"


def _exports(G: nx.MultiDiGraph, result: AnalysisResult, folder: Path, name: Callable[[str], str],
             personal: bool, lang: str, *, large: bool, organizations: list[dict[str, Any]], tables: list[Sheet]
             ) -> list[dict[str, str]]:
    """Write the report's exports; past the view size limit, GraphML and GEXF are left to ``essgraph export``.

    (At 100,000 organizations each took ~40 s and several GiB: the report names the command instead.)
    ``organizations`` are written as CSV and ``tables`` (the page's tables) as one XLSX workbook.
    """
    stem = {"es": ("organizaciones", "analisis", "grafo", "tablas"), "en": ("organizations", "analysis", "graph", "tables")}[lang]
    files = [
        (folder / name(f"{stem[0]}.csv"), csv_bytes(list(organizations[0]) if organizations else ["id"], organizations),
         "export_csv"),
        (folder / name(f"{stem[3]}.xlsx"), xlsx_bytes(tables), "export_xlsx"),
        (folder / name(f"{stem[1]}.json"),
         result.json_bytes(), "export_json"),
    ]
    out = []
    for path, data, key in files:
        atomic_write(path, data, error=RenderError, hint="choose another report folder")
        out.append({"href": f"exports/{path.name}", "label": R.t(key, lang), "size": _size(path)})
    for fmt in ("graphml", "gexf"):
        if large:
            command = f"essgraph export --format {fmt} -o {name(f'{stem[2]}.{fmt}')}"
            out.append({"href": "", "label": R.t(f"export_{fmt}", lang), "command": command, "size": R.t("export_on_request", lang)})
            continue
        path = export(G, fmt, folder / name(f"{stem[2]}.{fmt}"), include_personal_data=personal,
                      viz=gephi_viz(G) if fmt == "gexf" else None, lang=lang)
        out.append({"href": f"exports/{path.name}", "label": R.t(f"export_{fmt}", lang), "size": _size(path)})
    return out


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"


#: The page's tables as workbook sheets: (title key, its rows in the page's findings, column keys).
_TABLES = (
    ("hubs_title", "hubs", ("col_name", "col_degree", "col_betweenness")),
    ("groups_title", "groups", ("col_group", "col_size", "col_members", "col_regions")),
    ("failures_title", "cut_points", ("col_name", "col_cut_off", "col_examples")),
    ("col_tie", "bridges", ("col_tie", "col_cut_off", "col_examples")),
    ("isolated_title", "isolated_by_macro", ("col_macro_region", "col_organizations", "col_isolated", "col_one_tie")),
    ("alliances_title", "alliances", ("col_between", "col_reason")),
    ("col_partner", "partners", ("col_target", "col_partner", "col_reason")),
    ("mesa_title", "mesa", ("col_name", "col_kind", "col_macro_region", "col_represents", "col_reason")),
)


def _tables(findings: dict[str, Any], organizations: list[dict[str, Any]], lang: str) -> list[Sheet]:
    """The page's tables, each with its headers, and every organization with its measures, as workbook sheets.

    The rows are the page's own (the same numbers); the organizations' sheet has
    one column per field of the CSV, its header in the report's language.
    """
    sheets: list[Sheet] = [(R.t(title, lang), [R.t(c, lang) for c in columns], findings[key])
                           for title, key, columns in _TABLES]
    fields = list(organizations[0]) if organizations else ["id"]
    sheets.insert(0, (R.t("col_organizations", lang), [R.t(f"field_{f}", lang) for f in fields],
                      [[row.get(f) for f in fields] for row in organizations]))
    return sheets


def _findings(result: AnalysisResult, lang: str, *, whole: tuple[int, int]) -> dict[str, Any]:
    """The page's text and tables, from the analysis result and the whole view's (nodes, relationships)."""
    s = result.summary
    labels = result.labels
    macro = labels.get("macro_region", {})
    key = [(s["organizations"], "key_organizations"), (s["ties"], "key_ties"), (s["isolated"], "key_isolated"),
           (s["groups"], "key_groups"), (s["articulation_points"], "key_articulation"),
           (s["new_alliances"], "key_alliances"), (s["mesa_seats"], "key_mesa")]
    others = other_groups(result)
    regions = result.group_gaps["regions"]
    augmentation = result.recommendations["augmentation"]
    partners = best_partners(result)
    mesa = result.mesa
    coverage = mesa["coverage"]
    t = lambda k, **kw: R.t(k, lang, **kw)  # noqa: E731
    return {
        "t": {k: R.t(k, lang) for k, (es, _) in R.messages.items() if "{" not in es},
        "title": t("title"),
        "subtitle": t("subtitle", source=result.meta["dataset"] or ""),
        "key": [{"value": v, "label": t(k)} for v, k in key],
        "key_note": t("key_note", counted=result.projection["counts"]["relationships"], ties=s["ties"],
                      organizations=s["organizations"], nodes=whole[0], edges=whole[1],
                      other=whole[1] - result.projection["counts"]["relationships"]),
        "lead": t("lead", organizations=s["organizations"], isolated=s["isolated"], one_tie=s["one_tie"],
                  largest=s["largest_group"], groups=s["groups"], articulation=s["articulation_points"]),
        "hubs": [(h["name"], h["degree"], h["betweenness"]) for h in result.hubs["overall"][:_TOP]],
        "groups_text": t("groups_text", groups=len(others) + 1, largest=s["largest_group"]),
        "groups": [(c["index"], c["size"], names_list(c["members"], 4),
                    ", ".join(labels.get("region", {}).get(r, r) for r in c["regions"]) or "—") for c in others],
        "cut_points": [(a["name"], a["cut_off_count"], names_list(a["cut_off"], 4)) for a in top_cut_points(result, _TOP)],
        "bridges": [(f"{b['u']['name']} — {b['v']['name']}", b["cut_off_count"], names_list(b["cut_off"], 4))
                    for b in top_bridges(result, _TOP)],
        "regions_out": t("regions_text", names=", ".join(
            r["name"] for r in regions if r["left_out"] and r["organizations"]) or t("none")),
        "regions_empty": t("regions_empty", names=", ".join(
            r["name"] for r in regions if not r["organizations"]) or t("none")),
        "isolated_text": t("isolated_text", isolated=s["isolated"], one_tie=s["one_tie"]),
        "isolated_by_macro": [(macro.get(r["group"], TEXTS.t("no_region", lang)), r["organizations"], r["isolated"],
                               r["one_tie"]) for r in result.isolated["by_group"]["macro_region"]],
        "isolated_list": t("isolated_list", n=len(result.isolated["isolated"])),
        "isolated_names": sorted(r["name"] for r in result.isolated["isolated"]),
        "alliances_text": t("alliances_text", bound=augmentation.get("lower_bound", "—")),
        "alliances": [(f"{a['a']['name']} — {a['b']['name']}", alliance_text(a, labels, lang))
                      for a in augmentation["new_ties"]],
        "partners": [(target["name"], best["partner"]["name"], partner_text(target, best, labels, lang))
                     for target, best in partners],
        "partners_more": t("partners_more", n=max(0, len(partners) - _TOP)),
        "alliances_more": t("partners_more", n=max(0, len(augmentation["new_ties"]) - _TOP)),
        "top": _TOP,
        "mesa_text": t("mesa_text", seats=len(mesa["seats"]), covered=coverage["organizations"]["covered"],
                       total=coverage["organizations"]["total"],
                       macro=f"{coverage['macro_regions']['covered']}/{coverage['macro_regions']['total']}",
                       sectors=f"{coverage['main_sectors']['covered']}/{coverage['main_sectors']['total']}"),
        "mesa": [(m["name"], kind_label(m["kind"], lang),
                  macro.get(m.get("macro_region") or "", "—"), m["represents"], seat_text(m, labels, lang)) for m in mesa["seats"]],
        "method": t("method_text", types=type_names(result.projection["relationship_types"], lang),
                    date=dt.date.today().isoformat()),
        "changes": _changes(result.survey.get("changes"), labels.get("region", {}), lang),
    }


def _changes(changed: dict[str, Any] | None, regions: dict[str, str], lang: str) -> dict[str, Any] | None:
    """The section "Cambios desde la ronda anterior", when the data holds a survey round (worded as the summary)."""
    if not changed:
        return None
    return {"title": changes_title(lang), "round": round_text(changed["round"], changed["previous"], lang),
            "sizes": sizes_text(changed["changes"], lang),
            "lists": change_lists(changed["changes"], lang, empty=False, region_names=regions)}
