"""Labels of the whole view at its first zoom, as Chromium draws them: the hubs, cut points and searched node
are named, no two names overlap, the others appear on hover and when zooming in."""
from __future__ import annotations

from selenium.webdriver.common.by import By

from essgraph.render import render

#: Each drawn node's label box as vis-network laid it out (canvas units), its text and whether it is see-through.
LABELS = """
var out = [];
essgraph.visibleNodeIds().forEach(function (id) {
  var node = essgraph.network.body.nodes[id], size = node.labelModule.size;
  out.push({id: id, text: node.options.label, box: [size.left, size.top, size.left + size.width, size.top + size.height],
            colour: node.labelModule.fontOptions.color});
});
return out;
"""


def _overlapping(labels: list[dict]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(labels) for b in labels[i + 1:]
            if a["box"][0] < b["box"][2] and b["box"][0] < a["box"][2] and a["box"][1] < b["box"][3]
            and b["box"][1] < a["box"][3]]


def test_the_whole_view_names_hubs_and_cut_points_without_overlap(real_graph, tmp_path, open_page) -> None:
    page = open_page(render(real_graph, tmp_path / "whole.html").path)
    labels = page.js(LABELS)
    quiet = set(page.js("return essgraph.data.nodes.filter(function (n) { return n.quiet; }).map(function (n) { return n.id; })"))
    named = [label for label in labels if label["id"] not in quiet]
    assert {"GRESP", "CxD", "CIAP", "SINERGIA", "Asociación Pachamama"} <= {label["text"] for label in named}
    assert 10 <= len(named) <= 40 and len(quiet) > 100
    assert _overlapping(named) == []
    assert all(label["colour"] == "rgba(0,0,0,0)" for label in labels if label["id"] in quiet)
    assert all(label["colour"] != "rgba(0,0,0,0)" for label in named)
    page.js("essgraph.network.moveTo({scale: 2.5 * essgraph.network.getScale()});"
            "essgraph.network.emit('zoom', {scale: essgraph.network.getScale()})")
    assert all(label["colour"] != "rgba(0,0,0,0)" for label in page.js(LABELS))  # zoomed in: every name
    assert page.errors == []


def test_a_searched_organization_is_named(real_graph, tmp_path, open_page) -> None:
    page = open_page(render(real_graph, tmp_path / "whole.html").path)
    quiet = page.js("return essgraph.data.nodes.filter(function (n) { return n.quiet; }).map(function (n) { return n.name; })")
    page.driver.find_element(By.ID, "search").send_keys(quiet[0] + "\n")
    picked = page.js("return essgraph.network.getSelectedNodes()")
    assert len(picked) == 1
    colour = page.js("var n = essgraph.network.body.nodes[arguments[0]], ctx = document.createElement('canvas').getContext('2d');"
                     " return [n.selected, n.labelModule.getFormattingValues(ctx, n.selected, n.hover, 'normal').color,"
                     " n.labelModule.getFormattingValues(ctx, false, false, 'normal').color]", picked[0])
    assert colour == [True, "#222222", "rgba(0,0,0,0)"]  # drawn while picked, see-through otherwise
