"""Printed pages, as Chromium prints them (DevTools ``Page.printToPDF``), read back from the PDF."""
from __future__ import annotations

import base64
import io
import re

import pytest
from pypdf import PdfReader
from selenium.webdriver.support.ui import Select

from essgraph.graphmodel import Node, build_graph
from essgraph.render import ViewRequest, render

from render_helpers import HOSTILE, hostile_graph

A4 = (595.28, 841.89)  # points


def _print(page) -> PdfReader:
    """The page printed as a person's Ctrl+P would (the page's own paper size, no background graphics)."""
    pdf = page.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    return PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))


def _size(reader: PdfReader, index: int) -> tuple[float, float]:
    box = reader.pages[index].mediabox
    return float(box.width), float(box.height)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_printed_report_is_a4_numbered_sourced_and_open(bundled_report, open_page) -> None:
    page = open_page(bundled_report, ready=False)
    assert page.js("return Array.from(document.querySelectorAll('details')).every(function (d) { return !d.open; })")
    folded = page.js("return [document.querySelector('details .names').textContent].concat("
                     "Array.from(document.querySelectorAll('details td')).map(function (e) { return e.textContent; }))")
    reader = _print(page)
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) > 1
    for i, text in enumerate(pages):
        assert _size(reader, i) == pytest.approx(A4, abs=1.5)
        assert f"{i + 1} / {len(pages)}" in text  # the page-margin boxes
        assert "Fuente: Mapeo de la Economía Social y Solidaria de Perú · essgraph" in text
    whole = _squash("".join(pages))
    names = folded[0].split(" · ")
    assert len(names) > 20 and all(_squash(name) in whole for name in names)  # the folded list, printed
    assert all(_squash(cell) in whole for cell in folded[1:])  # the folded tables too
    assert sum(len(p.images) for p in reader.pages) == 3  # the charts (the map and the network picture are vector)
    assert "Sindepartamento:" in whole
    # the picture of the network: its names and legend are text in the PDF, on the page of its heading
    picture = next(text for text in pages if "El grupo principal de la red" in text)
    assert all(_squash(word) in _squash(picture) for word in (
        "GRESP", "CxD", "CIAP", "Nodo central (más vínculos)", "Borde negro grueso: punto único de falla",
        "Línea roja: puente (única conexión)"))
    drawing = reader.pages[pages.index(picture)].get_contents().get_data().decode("latin-1")
    # drawn as vectors in the picture's own colours: amber hubs, red bridges, the main group's blue
    assert all(colour in drawing for colour in (".9098 .6392 .2392 rg", ".7529 .2235 .1686 RG", ".5608 .702 .7882 rg"))


def test_no_printed_table_row_is_split_across_pages(bundled_report, open_page) -> None:
    page = open_page(bundled_report, ready=False)
    rows = page.js("return Array.from(document.querySelectorAll('tbody tr')).map(function (r) {"
                   " return Array.from(r.cells).map(function (c) { return c.textContent; }); })")
    pages = [_squash(p.extract_text()) for p in _print(page).pages]
    checked = 0
    for cells in rows:
        long = [_squash(c) for c in cells if len(_squash(c)) >= 12]
        if len(long) < 2:
            continue
        ends = [part for cell in long for part in (cell[:10], cell[-10:])]
        assert any(all(part in text for part in ends) for text in pages), cells
        checked += 1
    assert checked > 50


def test_a_printed_view_shows_the_network_picture_from_the_drawn_positions(graph, tmp_path, open_page) -> None:
    page = open_page(render(graph, tmp_path / "whole.html").path)
    Select(page.driver.find_element("id", "filter-region")).select_by_visible_text("Cusco")
    reader = _print(page)
    shown = page.js("return essgraph.visibleNodeIds()")
    drawn = page.js("return Array.from(document.querySelectorAll('#print-picture svg circle, #print-picture svg polygon,"
                    " #print-picture svg rect')).length")
    assert drawn == len(shown) == 4  # only the nodes the filter leaves
    position = page.js("var p = essgraph.network.getPositions()[arguments[0]]; return [p.x, p.y];", shown[0])
    centres = page.js(  # the shapes' centres, from their attributes (the figure is hidden again on screen)
        "return Array.from(document.querySelectorAll('#print-picture svg > :is(circle, polygon, rect)')).map("
        " function (e) { var a = function (k) { return parseFloat(e.getAttribute(k)); };"
        "  if (e.tagName === 'circle') { return [a('cx'), a('cy')]; }"
        "  if (e.tagName === 'rect') { return [a('x') + a('width') / 2, a('y') + a('height') / 2]; }"
        "  var xy = e.getAttribute('points').split(' ').map(parseFloat);"
        "  var xs = xy.filter(function (v, i) { return i % 2 === 0; }), ys = xy.filter(function (v, i) { return i % 2; });"
        "  return [(Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2, (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2]; })")
    assert any(abs(x - position[0]) < 0.01 and abs(y - position[1]) < 5 for x, y in centres)
    assert len(reader.pages) >= 1 and _size(reader, 0) == pytest.approx(A4[::-1], abs=1.5)  # landscape
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Leyenda" in text and "Red Sur" in text and "Buscar" not in text  # the legend; no toolbar
    assert sum(len(p.images) for p in reader.pages) == 0  # the canvas is not printed: the vector picture is
    assert page.errors == []


def test_the_printed_source_line_is_the_data_as_text_and_personal_pages_say_so(tmp_path, open_page) -> None:
    title = HOSTILE[1] + ' \\" ;} @page { }'
    G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo"})], [], {"title": title})
    page = open_page(render(G, tmp_path / "v.html").path)
    text = _print(page).pages[0].extract_text()
    assert f"Fuente: {title} · essgraph" in text
    assert page.js("return window.__dialogs") == 0
    personal = open_page(render(hostile_graph(), tmp_path / "p.html", ViewRequest(include_personal_data=True)).path)
    reader = _print(personal)
    assert all("CONFIDENCIAL – contiene datos personales" in p.extract_text() for p in reader.pages)
