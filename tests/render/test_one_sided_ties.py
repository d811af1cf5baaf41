"""A tie only one side reported in a survey is drawn dash-dot, named in the legend and its tooltip (fictional round)."""
from __future__ import annotations

import pytest
from render_helpers import embedded_data
from selenium.webdriver.common.by import By

from essgraph.graphmodel import REL_SPECS
from essgraph.loaders import load_graph
from essgraph.render import ViewRequest, render
from essgraph.render.encoding import STYLE


@pytest.fixture(scope="module")
def round_graph(fictional_round):
    return load_graph(data_dir=fictional_round)


def _page(G, path, lang="es"):
    html = render(G, path, ViewRequest(view="whole", lang=lang)).path.read_text(encoding="utf-8")
    data = embedded_data(html)
    names = {n["id"]: n["name"] for n in data["nodes"]}
    ties = {(names[e["from"]], names[e["to"]], e["type"], e.get("quote")): e for e in data["edges"]}
    return html, data, ties


@pytest.mark.parametrize("lang, says", [("es", "por una sola de las dos organizaciones"),
                                         ("en", "by only one of the two organizations")])
def test_one_sided_ties_are_dash_dot_with_a_legend_entry_and_a_tooltip(round_graph, tmp_path, lang, says) -> None:
    html, data, ties = _page(round_graph, tmp_path / "whole.html", lang)
    aam, gresp, cxd, ceas = (round_graph.nodes[n]["name"] for n in ("aam", "gresp", "cxd", "ceas"))
    member = REL_SPECS["MEMBER_OF"].term.label(lang)
    one_sided = [ties[(aam, gresp, member, "asambleas")], *(e for k, e in ties.items() if k[:2] == (ceas, cxd))]
    assert len(one_sided) == 2
    for tie in one_sided:
        assert tie["dashes"] == STYLE["one_sided_dashes"] and "one_sided" in tie["marks"]
        assert says in tie["evidence"]  # the tooltip's head: type (evidence)
    mutual = next(e for k, e in ties.items() if k[:2] == (gresp, cxd) and k[3] == "ferias")
    assert "dashes" not in mutual and "one_sided" not in mutual["marks"] and says not in mutual["evidence"]
    stated = next(e for k, e in ties.items() if k[:3] == (cxd, gresp, member))
    assert "dashes" not in stated and stated["evidence"] == ("declarado" if lang == "es" else "stated")
    (entry,) = [m for m in data["legend"]["marks"] if m["mark"] == "one_sided"]
    assert says in entry["label"] and entry["dashes"] == "12 4 2 4"
    assert '<li class="mark-one_sided"><svg class="icon" viewBox="0 0 30 20" aria-hidden="true"><line x1="1" y1="10" ' \
           'x2="29" y2="10" stroke-dasharray="12 4 2 4"/></svg>' in html


def test_the_report_data_has_no_one_sided_mark(real_graph, tmp_path) -> None:
    html, data, ties = _page(real_graph, tmp_path / "whole.html")
    assert not any("one_sided" in e["marks"] or e.get("dashes") == STYLE["one_sided_dashes"] for e in ties.values())
    assert "one_sided" not in {m["mark"] for m in data["legend"]["marks"]} and "mark-one_sided" not in html


def test_the_tooltip_says_one_side_reported_it_in_the_browser(round_graph, tmp_path, open_page) -> None:
    path = render(round_graph, tmp_path / "aam.html", ViewRequest(view="ego", focus="aam", steps=1)).path
    page = open_page(path)
    tie = page.js("return essgraph.data.edges.filter(function (e) { return e.marks.indexOf('one_sided') >= 0; })"
                  ".map(function (e) { return e.id; })")
    assert len(tie) == 1
    page.js(f"essgraph.network.emit('hoverEdge', {{edge: '{tie[0]}', pointer: {{DOM: {{x: 5, y: 5}}}}}})")
    tip = page.driver.find_element(By.ID, "tooltip").text
    assert tip.startswith(REL_SPECS["MEMBER_OF"].term.label("es") + " (declarado en una encuesta por una sola")
    assert "asambleas" in tip
