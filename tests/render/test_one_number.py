"""One number: the counts on a page agree with each other, or the page says in one line why they differ.

The bundled map has all three cases the issue saw: the proposed MES (its panel listed 9 relationships
under "Vínculos 0"), the Mesa table ("Representa a 17" beside "Representa a 2 … aún no
representada(s)"), and the report's ties against the whole view's relationships.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import networkx as nx
from selenium.webdriver.common.by import By

from essgraph.analysis import analyze
from essgraph.render import ViewRequest, render
from essgraph.render.findings import seat_text
from essgraph.render.interactive import prepared
from essgraph.render.pagedata import page_data, view_counts
from essgraph.render.views import select

from render_helpers import embedded_data


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", text)]


def test_every_panel_of_the_whole_view_adds_up_to_the_nodes_ties(real_graph: nx.MultiDiGraph) -> None:
    shared = prepared(real_graph)
    data = page_data(select(shared.graph, "whole"), shared.graph, shared.structure)
    listed: dict[str, list[dict]] = defaultdict(list)
    for edge in data["edges"]:
        listed[edge["from"]].append(edge)
        listed[edge["to"]].append(edge)
    by_name = {n["name"]: n for n in data["nodes"]}
    mes = by_name["Mesa de Economía Solidaria"]
    assert mes["outside"] == "proposed" and mes["degree"] == 0
    assert len(listed[mes["id"]]) == 10 and all(e.get("uncounted") for e in listed[mes["id"]])
    for node in data["nodes"]:
        counted = [e for e in listed[node["id"]] if not e.get("uncounted")]
        partners = {e["to"] if e["from"] == node["id"] else e["from"] for e in counted}
        # the whole view draws every tie: the organizations the counted relationships reach are the degree
        assert len(partners) == node["degree"], node["name"]
    assert sum("outside" not in n for n in data["nodes"]) == len(shared.structure.degree) == 166
    gresp = by_name["Grupo Red de Economía Solidaria del Perú"]
    assert gresp["degree"] == 24 and len(listed[gresp["id"]]) > 24  # parallel and uncounted relationships too


def test_the_report_and_the_whole_view_name_the_same_figures(real_graph: nx.MultiDiGraph, bundled_report: Path) -> None:
    shared = prepared(real_graph)
    counts = view_counts(select(shared.graph, "whole").graph, shared.structure)
    result = analyze(real_graph)
    assert counts["ties"] == result.summary["ties"] and counts["organizations"] == result.summary["organizations"]
    assert counts["counted"] == result.projection["counts"]["relationships"]
    assert counts["counted"] + counts["other"] == counts["edges"]
    page = bundled_report.read_text(encoding="utf-8")
    note = re.search(r'<p class="key-note">([^<]*)</p>', page)[1]
    view = (bundled_report.parent / "views" / "whole.html").read_text(encoding="utf-8")
    line = re.search(r'<span id="counts">([^<]*)</span>', view)[1]
    view_note = re.search(r'<p class="counts-note">([^<]*)</p>', view)[1]
    assert _numbers(note) == [counts[k] for k in ("counted", "ties", "organizations", "edges", "nodes", "other")]
    assert _numbers(line) == [counts[k] for k in ("nodes", "edges", "ties")]
    assert _numbers(view_note) == [counts[k] for k in ("edges", "counted", "ties", "organizations", "other")]
    assert f"<strong>{counts['ties']}</strong><span>vínculos entre ellas" in page
    assert len(embedded_data(view)["edges"]) == counts["edges"]


def test_the_mesa_table_says_what_each_number_counts(real_graph: nx.MultiDiGraph, bundled_report: Path) -> None:
    result = analyze(real_graph)
    seats, covered = result.mesa["seats"], result.mesa["coverage"]["organizations"]["covered"]
    assert sum(s["reason"]["new"] for s in seats) == covered  # "Por qué" counts each organization once
    assert any(s["represents"] > s["reason"]["new"] for s in seats)  # "Representa a" does not
    assert all(seat_text(s, result.labels).startswith(
        f"Primer asiento de la tabla que representa a {s['reason']['new']} organización(es)") for s in seats)
    page = bundled_report.read_text(encoding="utf-8")
    assert "<th class=\"n\">Representa a (ella y sus vínculos directos)</th>" in page
    assert f"esas cifras suman {covered}." in page


def test_the_panel_says_how_its_relationships_make_its_ties(real_graph, tmp_path, open_page) -> None:
    page = open_page(render(real_graph, tmp_path / "red.html", ViewRequest(view="network", focus="mes")).path)
    panel = page.driver.find_element(By.ID, "panel").text
    assert "Vínculos en el análisis" in panel and "ninguno: es una organización propuesta" in panel
    heading = page.driver.find_element(By.CSS_SELECTOR, "#panel h3").text
    line = page.driver.find_element(By.CSS_SELECTOR, "#panel .tie-counts").text
    listed = _numbers(heading)[0]
    assert listed == 9 and line.startswith(f"{listed} no cuentan")
    page.driver.find_element(By.ID, "search").send_keys("Grupo Red de Economía Solidaria del Perú\n")
    heading = page.driver.find_element(By.CSS_SELECTOR, "#panel h3").text
    line = page.driver.find_element(By.CSS_SELECTOR, "#panel .tie-counts").text
    counted, partners, other, hidden = _numbers(line)
    assert counted + other == _numbers(heading)[0]
    assert partners + hidden == 24  # the degree the panel and the report show
    assert page.errors == []
