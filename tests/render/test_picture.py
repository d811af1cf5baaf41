"""The report's static picture of the network (render/picture.py) and the label rule it shares with the views."""
from __future__ import annotations

import re
import time
from html import unescape

import networkx as nx
import pytest

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.render import report
from essgraph.render.interactive import layout, prepared
from essgraph.render.labels import Label, label_box, named_first, overlaps, shown_labels
from essgraph.render.picture import main_group, network_picture
from essgraph.render.views import actor_ids

from render_helpers import HOSTILE

#: The <text> elements matplotlib wrote (fonttype "none": the names as text), unescaped.
TEXTS = re.compile(r"<text\b[^>]*>([^<]*)</text>")


def _section(html: str) -> str:
    match = re.search(r'<section id="network-picture">.*?</section>', html, re.S)
    assert match, "no picture section"
    return match.group(0)


def _picture(G: nx.MultiDiGraph, lang: str = "es", nodes: list[str] | None = None):
    shared = prepared(G)
    return network_picture(shared.graph, shared.structure, layout(shared.graph, actor_ids(shared.graph)), lang,
                           nodes=nodes)


def test_the_report_embeds_the_main_group_with_its_hubs_and_cut_points(bundled_report) -> None:
    section = _section(bundled_report.read_text(encoding="utf-8"))
    svg = section[section.index("<svg"):section.index("</svg>")]
    assert 'role="img"' in svg and 'viewBox="0 0 518.4 460.8"' in svg and "<script" not in svg
    names = {unescape(t) for t in TEXTS.findall(svg)}
    assert {"GRESP", "CxD", "CIAP", "Asociación Pachamama", "REMURPE", "Leyenda", "Nodo central (más vínculos)",
            "Borde negro grueso: punto único de falla", "Línea roja: puente (única conexión)"} <= names
    assert svg.count("fill: #e8a33d") == 13 + 1  # the 13 hubs (degree 5 or more) and the legend's swatch
    assert svg.count("stroke: #111111") >= 14  # the 14 cut points of the main group have the thick black border
    assert svg.count("stroke: #c0392b") == 3 + 1  # its 3 bridges, and the legend's line
    desc = unescape(re.search(r"<desc[^>]*>(.*?)</desc>", svg, re.S).group(1))
    assert desc.startswith("Dibujo de las 56 organizaciones del grupo principal")
    assert "13 nodos centrales" in desc and "14 puntos únicos de falla" in desc and "3 puente(s)" in desc
    assert "Grupo Red de Economía Solidaria del Perú" in desc and "Consumidores por el Desarrollo" in desc
    assert unescape(re.search(r"<figcaption>(.*?)</figcaption>", section, re.S).group(1)) == desc


def test_the_picture_is_the_same_bytes_twice_and_english_with_lang_en(real_graph) -> None:
    first, second = _picture(real_graph), _picture(real_graph)
    assert first is not None and first.svg == second.svg and first.alt == second.alt
    english = _picture(real_graph, "en")
    assert english.alt.startswith("Drawing of the 56 organizations of the main group")
    assert "Hub (most ties)" in english.svg and "Leyenda" not in english.svg


def test_every_name_in_the_picture_is_escaped_text() -> None:
    ev = {"section": "s", "quote": "q", "evidence": "stated"}
    hub = HOSTILE[1] + " $x^2$ & co"
    G = build_graph([Node("h", ("Organization",), {"name": hub, "acronym": HOSTILE[0], "kind": "ngo"})]
                    + [Node(f"o{i}", ("Organization",), {"name": f"O{i}", "kind": "ngo"}) for i in range(6)],
                    [Relationship("SUPPORTS", "h", f"o{i}", ev) for i in range(6)])
    picture = _picture(G)
    assert "<script>" not in picture.svg and "<img" not in picture.svg
    assert HOSTILE[0] in {unescape(t) for t in TEXTS.findall(picture.svg)}  # the acronym, as text (not TeX either)
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; $x^2$ &amp; co" in picture.svg  # in the <desc>
    assert hub in picture.alt


def test_a_large_main_group_draws_only_its_best_connected(real_graph) -> None:
    shared = prepared(real_graph)
    top = main_group(shared.structure, limit=12)
    assert top[0] == "gresp" and len(top) == 12
    assert [shared.structure.degree[n] for n in top] == sorted((shared.structure.degree[n] for n in top), reverse=True)
    picture = network_picture(shared.graph, shared.structure, layout(shared.graph, top), "es", nodes=top)
    assert "las 12 con más vínculos de 56" in picture.alt


def test_a_report_too_large_for_the_whole_view_still_has_the_picture(real_graph, tmp_path) -> None:
    started = time.perf_counter()
    html = report(real_graph, tmp_path / "r", max_elements=50).read_text(encoding="utf-8")
    section = _section(html)
    assert "Dibujo de las 56 organizaciones" in section and "GRESP" in section
    assert time.perf_counter() - started < 60


def test_no_network_no_picture() -> None:
    G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo"})], [])
    assert _picture(G) is None


def test_the_views_label_rule_keeps_rank_order_and_never_overlaps(real_graph) -> None:
    shared = prepared(real_graph)
    S = shared.graph
    positions = layout(S, actor_ids(S))
    order = named_first(shared.structure, list(positions))
    assert order[:3] == ["gresp", "cxd", "genero-y-economia"]  # the hubs first, most ties first
    assert set(order) == (shared.structure.hubs | shared.structure.articulation) & set(positions)
    labels = shown_labels(Label(n, *positions[n], 20, str(S.nodes[n]["name"]), 14) for n in order)
    boxes = [label_box(label) for label in labels]
    assert labels and labels[0].node == "gresp"
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])


@pytest.mark.parametrize(("view", "lang"), [("whole", "es"), ("whole", "en"), ("gaps", "es")])
def test_the_whole_view_names_at_first_only_hubs_cut_points_without_overlap(real_graph, tmp_path, view, lang) -> None:
    from essgraph.render import ViewRequest, render
    from render_helpers import embedded_data

    path = render(real_graph, tmp_path / "whole.html", ViewRequest(view=view, lang=lang)).path
    data = embedded_data(path.read_text(encoding="utf-8"))
    assert data["meta"]["physics"] is False  # the whole view's layout is Python's, as the report's picture
    named = [n for n in data["nodes"] if not n.get("quiet")]
    assert {"GRESP", "CxD", "CIAP", "SINERGIA"} <= {n["label"] for n in named}
    assert all("articulation" in n["marks"] or n["degree"] >= 5 for n in named)  # hubs and cut points only
    boxes = [label_box(Label(n["id"], n["x"], n["y"], n["size"], n["label"], n["font"]["size"])) for n in named]
    assert not any(overlaps(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
