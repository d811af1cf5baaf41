"""The overview: what a page shows instead of a view too large for a browser."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis.projection import tie_graph
from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.render import MAX_ELEMENTS, ViewRequest, render
from essgraph.render.interactive import prepare, prepared, view_size
from essgraph.render.overview import overview_data
from essgraph.render.report_folder import report_views
from essgraph.render.views import select

from render_helpers import HOSTILE, PERSON_NAME, embedded_data

REGIONS = ("cusco", "puno", "lima")


def just_above(limit: int) -> nx.MultiDiGraph:
    """Organizations in three regions, four ties each: just over ``limit`` nodes + ties in the whole view."""
    n = limit // 5 + 10
    places = [Node(r, ("Region",), {"name": r.title(), "macro_region": "sur"}) for r in REGIONS]
    orgs = [Node(f"o{i}", ("Organization",), {"name": f"Org {i}", "kind": "initiative", "region": REGIONS[i % 3]})
            for i in range(n)]
    ev = {"quote": "q", "evidence": "stated"}
    rels = [Relationship("COORDINATES_WITH", f"o{i}", f"o{(i * k + 1) % n}", ev)
            for i in range(n) for k in (2, 3, 5, 7) if (i * k + 1) % n != i]
    return build_graph(places + orgs, rels)


def test_a_view_just_above_the_threshold_becomes_the_overview(tmp_path) -> None:
    G = just_above(MAX_ELEMENTS)
    nodes, ties = view_size(G)
    assert MAX_ELEMENTS < nodes + ties < MAX_ELEMENTS * 1.05
    drawn = render(G, tmp_path / "whole.html")
    notices = list(drawn.notices)
    data = embedded_data(drawn.path.read_text(encoding="utf-8"))
    assert drawn.view == "overview"
    assert data["meta"]["aggregated"] is True and data["meta"]["requested"] == "whole"
    assert len(data["nodes"]) + len(data["edges"]) <= 2000
    members = {n["name"]: n["aggregate"]["members"] for n in data["nodes"] if "aggregate" in n}
    assert members == {"Cusco": (nodes + 2) // 3, "Lima": nodes // 3, "Puno": (nodes + 1) // 3}
    assert notices == [f"La vista whole tendría {nodes:,} nodos y {ties:,} vínculos: demasiado para que un "
                       .replace(",", "\u202f") + notices[0].split(" vínculos: demasiado para que un ", 1)[1]]


def test_the_same_view_just_below_is_drawn_whole(tmp_path) -> None:
    G = just_above(MAX_ELEMENTS // 20)
    data = embedded_data(render(G, tmp_path / "whole.html", ViewRequest(max_elements=MAX_ELEMENTS // 20 + 100)).path
                         .read_text(encoding="utf-8"))
    assert data["meta"]["aggregated"] is False and len(data["nodes"]) == G.number_of_nodes() - len(REGIONS)


@pytest.mark.parametrize(("lang", "words"), [
    ("es", ("La vista gaps tendría", "Se muestra el resumen por regiones", "--full")),
    ("en", ("The gaps view would have", "Showing the overview by region", "--full")),
])
def test_the_page_and_the_caller_say_why_and_how_to_see_more(graph, tmp_path, lang, words) -> None:
    drawn = render(graph, tmp_path / "gaps.html", ViewRequest(view="gaps", lang=lang, max_elements=5))
    notices, html = drawn.notices, drawn.path.read_text(encoding="utf-8")
    assert len(notices) == 1 and all(w in notices[0] for w in words)
    assert f'<p id="notice" class="notice">{notices[0]}</p>' in html
    assert embedded_data(html)["meta"]["view"] == "overview"


def test_full_draws_the_whole_view(graph, tmp_path) -> None:
    drawn = render(graph, tmp_path / "whole.html", ViewRequest(max_elements=5, full=True))
    data = embedded_data(drawn.path.read_text(encoding="utf-8"))
    assert drawn.notices == () and data["meta"]["aggregated"] is False
    assert len(data["nodes"]) == select(prepare(graph), "whole").graph.number_of_nodes()


def test_overview_regions_hubs_and_ties(graph, tmp_path) -> None:
    data = embedded_data(render(graph, tmp_path / "o.html", ViewRequest(view="overview", lang="en")).path.read_text(encoding="utf-8"))
    regions = {n["name"]: n["aggregate"] for n in data["nodes"] if "aggregate" in n}
    assert set(regions) == {"Cusco", "Lima", "No region"}
    assert regions["Cusco"]["command"] == "essgraph render --view region --focus cusco -o cusco.html"
    assert regions["No region"]["command"] == ""
    hubs = {n["name"] for n in data["nodes"] if "aggregate" not in n}
    assert HOSTILE[0] in hubs and "Grupo Red de Economía Solidaria del Perú" in hubs
    between = [e for e in data["edges"] if e["id"].startswith("a-")]
    ties = tie_graph(graph)[0].number_of_edges()
    assert sum(e["n"] for e in between) + sum(r["inside"] for r in regions.values()) == ties > len(between) > 0
    assert all(" ties between organizations of the two regions" in e["type"] for e in between)


def test_overview_escapes_data_and_hides_personal_data(graph, tmp_path) -> None:
    html = render(graph, tmp_path / "o.html", ViewRequest(view="overview")).path.read_text(encoding="utf-8")
    for attack in HOSTILE:
        assert attack not in html
    assert html.count("</script>") == 3
    assert PERSON_NAME not in html and "4234567" not in html


def test_report_links_the_overview_instead_of_the_whole_network(graph) -> None:
    from essgraph.analysis import analyze

    result = analyze(graph)
    files = [s["file"] for s in report_views(graph, result, large=True)]
    assert files[0] == "overview" and not {"whole", "gaps", "geo"} & set(files)
    assert [s["file"] for s in report_views(graph, result)][:3] == ["whole", "gaps", "geo"]


def test_the_hostile_region_and_hub_names_reach_the_overview_as_data(tmp_path) -> None:
    ev = {"quote": "q", "evidence": "stated"}
    G = build_graph([Node("r", ("Region",), {"name": HOSTILE[1]}),
                     Node("a", ("Organization",), {"name": HOSTILE[2], "kind": "ngo", "region": "r"}),
                     Node("b", ("Organization",), {"name": "B", "kind": "ngo", "region": "r"})],
                    [Relationship("SUPPORTS", "a", "b", ev)])
    html = render(G, tmp_path / "o.html", ViewRequest(max_elements=1)).path.read_text(encoding="utf-8")
    assert HOSTILE[1] not in html and HOSTILE[2] not in html
    names = {n["name"] for n in embedded_data(html)["nodes"]}
    assert names == {HOSTILE[1], HOSTILE[2], "B"}


@pytest.mark.parametrize("lang, words", [("es", "genérelo con este comando"), ("en", "make it with this command")])
def test_a_large_report_names_the_export_commands_instead_of_writing_graphml_and_gexf(graph, tmp_path, lang,
                                                                                   words) -> None:
    from essgraph.render import report

    index = report(graph, tmp_path / "r", lang=lang, max_elements=5)
    exports = sorted(p.suffix for p in (tmp_path / "r" / "exports").iterdir())
    assert exports == [".csv", ".json", ".xlsx"]
    html = index.read_text(encoding="utf-8")
    stem = {"es": "grafo", "en": "graph"}[lang]
    assert f"essgraph export --format graphml -o {stem}.graphml" in html and words in html
    small = report(graph, tmp_path / "s", lang=lang)
    assert sorted(p.suffix for p in (small.parent / "exports").iterdir()) == [".csv", ".gexf", ".graphml", ".json", ".xlsx"]


def test_a_large_report_draws_the_overview_once_and_says_how_to_draw_the_rest(graph, tmp_path) -> None:
    from essgraph.render import report

    index = report(graph, tmp_path / "r", lang="es", max_elements=5)
    pages = sorted(p.name for p in (tmp_path / "r" / "views").iterdir())
    assert pages == ["overview.html"]  # the ego, network and region views would be the same overview again
    html = index.read_text(encoding="utf-8")
    assert html.count('href="views/overview.html"') == 4
    assert html.count("el enlace abre el resumen por regiones") == 3
    assert "essgraph render --view ego --focus " in html and " --full -o ego.html" in html
    assert "essgraph render --view region --focus " in html


@pytest.mark.parametrize("personal", [False, True])
def test_the_report_s_tie_graph_and_measures_give_the_same_overview(real_graph, personal) -> None:
    shared = prepared(real_graph, include_personal_data=personal)
    given = overview_data(real_graph, personal=personal, measured=(shared.tie, shared.structure))
    assert given == overview_data(real_graph, personal=personal)
