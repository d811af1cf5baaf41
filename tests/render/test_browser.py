"""Pages as a person sees them: real headless Chromium, network off."""
from __future__ import annotations

import io

import networkx as nx
import pytest
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.render import ViewRequest, render
from essgraph.render.interactive import prepare
from essgraph.render.views import select

from render_helpers import HOSTILE, embedded_data


def _no_dialog(page) -> None:
    assert page.js("return window.__dialogs") == 0, "a dialog function was called"
    try:
        page.driver.switch_to.alert
    except NoAlertPresentException:
        return
    pytest.fail("an alert is open")


@pytest.mark.parametrize("view", ["whole", "gaps", "geo"])
def test_page_draws_every_node_and_tie_offline(graph, tmp_path, open_page, view) -> None:
    path = render(graph, tmp_path / f"{view}.html", ViewRequest(view=view)).path
    page = open_page(path)
    expected = select(prepare(graph), view).graph
    drawn = page.js("return [essgraph.data.nodes.length, essgraph.data.edges.length,"
                    " essgraph.visibleNodeIds().length, essgraph.network.body.nodeIndices.length]")
    assert drawn == [expected.number_of_nodes(), expected.number_of_edges(), expected.number_of_nodes(),
                     expected.number_of_nodes()]
    assert page.errors == []
    assert page.remote_requests == []
    _no_dialog(page)


def test_search_by_alias_focuses_the_organization(graph, tmp_path, open_page) -> None:
    page = open_page(render(graph, tmp_path / "whole.html").path)
    box = page.driver.find_element(By.ID, "search")
    box.send_keys("grespe")
    page.driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
    selected = page.js("return essgraph.network.getSelectedNodes()")
    names = page.js("return essgraph.network.getSelectedNodes().map(function (id) {"
                    " return essgraph.data.nodes.find(function (n) { return n.id === id; }).name; })")
    assert len(selected) == 1 and names == ["Grupo Red de Economía Solidaria del Perú"]
    assert page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == names[0]
    assert page.errors == []


def test_search_without_match_says_so(graph, tmp_path, open_page) -> None:
    page = open_page(render(graph, tmp_path / "whole.html", ViewRequest(lang="en")).path)
    page.driver.find_element(By.ID, "search").send_keys("zzz no such thing\n")
    assert page.driver.find_element(By.ID, "search-result").text == "No organization matches."
    assert page.js("return essgraph.network.getSelectedNodes()") == []


@pytest.mark.parametrize(("select_id", "label", "expected"), [
    ("filter-kind", "Red", {"Grupo Red de Economía Solidaria del Perú", "Red Sur"}),
    ("filter-region", "Cusco", {HOSTILE[0], "Red Sur", "Cooperativa Agraria Andina", "Municipalidad del Cusco"}),
    ("filter-network", "Red Sur", {"Red Sur", HOSTILE[0], "Cooperativa Agraria Andina"}),
])
def test_filter_hides_the_rest(graph, tmp_path, open_page, select_id, label, expected) -> None:
    page = open_page(render(graph, tmp_path / "whole.html").path)
    Select(page.driver.find_element(By.ID, select_id)).select_by_visible_text(label)
    shown = page.js("return essgraph.visibleNodeIds().map(function (id) {"
                    " return essgraph.data.nodes.find(function (n) { return n.id === id; }).name; })")
    assert set(shown) == expected
    assert page.js("return essgraph.network.body.nodeIndices.length") == len(expected)
    page.driver.find_element(By.ID, "reset").click()
    assert len(page.js("return essgraph.visibleNodeIds()")) == page.js("return essgraph.data.nodes.length")


def _hover_and_click_every_node(page) -> list[str]:
    canvas = page.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    size = canvas.size
    page.js("essgraph.network.fit({animation: false})")
    points = page.js(
        "var net = essgraph.network, pos = net.getPositions(), out = [];"
        "Object.keys(pos).forEach(function (id) { var p = net.canvasToDOM(pos[id]); out.push([id, p.x, p.y]); });"
        "return out;")
    tips = []
    for node_id, x, y in points:
        dx, dy = int(x - size["width"] / 2), int(y - size["height"] / 2)
        ActionChains(page.driver).move_to_element_with_offset(canvas, dx, dy).pause(0.25).perform()
        tips.append(page.driver.find_element(By.ID, "tooltip").text)
        ActionChains(page.driver).move_to_element_with_offset(canvas, dx, dy).click().perform()
        _no_dialog(page)
    return tips


@pytest.mark.parametrize("view", ["whole", "ego"])
def test_hostile_strings_show_as_text_and_run_nothing(graph, tmp_path, open_page, view) -> None:
    path = render(graph, tmp_path / "x.html", ViewRequest(view=view, focus="evil" if view == "ego" else None, show_recommendations=True, proposals=[("evil", "ong-lima", HOSTILE[3])])).path
    page = open_page(path)
    tips = _hover_and_click_every_node(page)
    assert any(tip.startswith(HOSTILE[0]) for tip in tips), tips
    page.js("essgraph.network.selectNodes([]); ")
    Select(page.driver.find_element(By.ID, "filter-kind")).select_by_index(1)
    page.driver.find_element(By.ID, "search").send_keys(HOSTILE[3] + "\n")
    assert page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == HOSTILE[0]
    panel = page.driver.find_element(By.ID, "panel").text
    assert HOSTILE[1] in panel and HOSTILE[2] in panel and "javascript:alert(1)" in panel
    assert page.driver.find_elements(By.CSS_SELECTOR, "#panel a") == []
    injected = page.js("return document.querySelectorAll('img, svg[onload], [onerror], [onmouseover], "
                       "#panel a, #tooltip *').length")
    assert injected == 0
    if view == "ego":
        assert page.driver.find_element(By.ID, "title").text.endswith(f"{HOSTILE[0]} (vínculos directos)")
    assert page.errors == []
    _no_dialog(page)


def test_personal_data_page_shows_the_banner(graph, tmp_path, open_page) -> None:
    path = render(graph, tmp_path / "red.html", ViewRequest(include_personal_data=True)).path
    assert path.name == "red-CONFIDENCIAL.html" and not (tmp_path / "red.html").exists()
    page = open_page(path)
    banner = page.driver.find_element(By.ID, "confidential")
    assert banner.is_displayed() and banner.text == "CONFIDENCIAL – contiene datos personales"
    page.driver.find_element(By.ID, "search").send_keys("Rosa Quispe\n")
    assert page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == "Rosa Quispe Mamani"


def _big_graph(n: int) -> nx.MultiDiGraph:
    nodes = [Node(f"o{i}", ("Organization",), {"name": f"Org {i}", "kind": "initiative"}) for i in range(n)]
    rels = [Relationship("COORDINATES_WITH", f"o{i}", f"o{(i * 7 + 3) % i}", {"quote": str(i), "evidence": "stated"})
            for i in range(1, n)]
    return build_graph(nodes, rels)


def test_big_graph_is_laid_out_beforehand(tmp_path, open_page) -> None:
    G = _big_graph(1500)
    page = open_page(render(G, tmp_path / "big.html", ViewRequest(lang="en")).path)
    assert page.js("return essgraph.data.meta.physics") is False
    assert page.js("return essgraph.data.nodes.length") == 1500
    assert "layout was computed beforehand" in page.driver.find_element(By.ID, "notice").text
    assert page.errors == []


def test_screenshot_is_not_blank(graph, tmp_path, open_page) -> None:
    from PIL import Image, ImageStat

    page = open_page(render(graph, tmp_path / "whole.html").path)
    canvas = page.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    image = Image.open(io.BytesIO(canvas.screenshot_as_png)).convert("RGB")
    assert max(ImageStat.Stat(image).stddev) > 10
    assert len(image.getcolors(maxcolors=1 << 20) or []) > 50


def test_page_data_in_browser_equals_embedded_json(graph, tmp_path, open_page) -> None:
    path = render(graph, tmp_path / "whole.html").path
    page = open_page(path)
    assert page.js("return essgraph.data.nodes.map(function (n) { return n.name; })") == [
        n["name"] for n in embedded_data(path.read_text(encoding="utf-8"))["nodes"]]


def test_the_dialog_trap_catches_a_script(tmp_path, open_page) -> None:
    """Control: the same checks do see a script that runs (so the tests above can fail)."""
    raw = tmp_path / "raw.html"
    raw.write_text(f"<body data-ready=1>{HOSTILE[0]}<script>alert(1)</script></body>", encoding="utf-8")
    page = open_page(raw)
    assert page.js("return window.__dialogs") >= 1


@pytest.mark.parametrize(("lang", "notice", "how"), [
    ("es", "La vista whole tendría", "Para ver sus organizaciones:"),
    ("en", "The whole view would have", "To see its organizations:"),
])
def test_too_large_view_opens_as_the_overview(graph, tmp_path, open_page, lang, notice, how) -> None:
    page = open_page(render(graph, tmp_path / "whole.html", ViewRequest(lang=lang, max_elements=5)).path)
    assert page.js("return essgraph.data.meta.aggregated") is True
    assert page.driver.find_element(By.ID, "notice").text.startswith(notice)
    drawn = page.js("return essgraph.network.body.nodeIndices.length")
    assert drawn == page.js("return essgraph.data.nodes.length") > 3
    hubs = _hover_and_click_every_node(page)
    assert any(tip.startswith(HOSTILE[0]) for tip in hubs), hubs
    cusco = page.js("return essgraph.data.nodes.filter(function (n) { return n.name === 'Cusco'; })[0].id")
    canvas = page.driver.find_element(By.CSS_SELECTOR, "#graph canvas")
    x, y = page.js("var p = essgraph.network.canvasToDOM(essgraph.network.getPositions([arguments[0]])[arguments[0]]);"
                   "return [p.x, p.y];", cusco)
    ActionChains(page.driver).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)).click().perform()
    panel = page.driver.find_element(By.ID, "panel").text
    assert panel.startswith("Cusco") and how in panel
    assert page.driver.find_element(By.CSS_SELECTOR, "#panel code").text == (
        "essgraph render --view region --focus cusco -o cusco.html")
    assert page.js("return document.querySelectorAll('img, svg[onload], [onerror], [onmouseover], #panel a').length") == 0
    assert page.errors == [] and page.remote_requests == []
    _no_dialog(page)


def test_full_view_is_drawn_whole_in_the_browser(graph, tmp_path, open_page) -> None:
    page = open_page(render(graph, tmp_path / "whole.html", ViewRequest(max_elements=5, full=True)).path)
    expected = select(prepare(graph), "whole").graph.number_of_nodes()
    assert page.js("return essgraph.network.body.nodeIndices.length") == expected
    assert page.js("return essgraph.data.meta.aggregated") is False and page.errors == []
