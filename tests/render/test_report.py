"""The report folder: content, links, privacy, offline; and in real Chromium."""
from __future__ import annotations

import csv
import re
import zipfile
from html import unescape
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from render_helpers import PERSON_NAME
from selenium.webdriver.common.by import By

from essgraph.analysis import analyze
from essgraph.render import report, report_folder
from essgraph.render.report_folder import REPORT_MARKER

REMOTE = re.compile(r"""<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?https?:""", re.I)


@pytest.fixture(scope="module")
def bundled(bundled_report, real_graph) -> tuple[Path, dict]:
    return bundled_report, analyze(real_graph).to_json()


def test_report_tells_the_findings_in_spanish(bundled) -> None:
    index, result = bundled
    html = unescape(index.read_text(encoding="utf-8"))
    s = result["summary"]
    assert '<html lang="es">' in html and "Lo principal" in html
    assert f"De {s['organizations']} organizaciones, {s['isolated']} no tienen ningún vínculo" in html
    for heading in ("Quiénes articulan la red", "Grupos desconectados", "Puntos únicos de falla",
                    "Regiones que quedan fuera", "Iniciativas sin vínculos registrados", "Alianzas recomendadas",
                    "Mesa de Economía Solidaria propuesta", "Datos para descargar"):
        assert f"<h2>{heading}</h2>" in html
    assert result["hubs"]["overall"][0]["name"] in html
    assert html.count("data:image/png;base64,") == 3
    # one round (the report's): no "what changed" section (tests/render/test_round_report.py has two)
    assert "changes" not in result["survey"] and 'id="changes"' not in html and "ronda anterior" not in html


def test_every_chart_says_what_it_shows(bundled) -> None:
    index, result = bundled
    html = unescape(index.read_text(encoding="utf-8"))
    alts = re.findall(r'<img src="data:image/png;base64,[^"]+" width="(\d+)" height="(\d+)" alt="([^"]+)"', html)
    assert len(alts) == 3 and all(int(w) > 300 and int(h) > 200 for w, h, _ in alts)
    s = result["summary"]
    degree = next(alt for *_, alt in alts if alt.startswith("Barras: cuántas organizaciones"))
    assert f"Ningún vínculo: {s['isolated']}; uno: {s['one_tie']};" in degree
    heat = next(alt for *_, alt in alts if alt.startswith("Mapa de calor"))
    assert re.search(r"Más vínculos: [^.]+ con [^.]+: \d+", heat)
    assert "<summary>Datos del gráfico</summary>" in html


def test_report_links_resolve_and_nothing_is_remote(bundled) -> None:
    index, _ = bundled
    html = index.read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)"', html)
    assert len(links) == 11  # six views, five exports
    for href in links:
        assert (index.parent / unquote(href)).is_file(), href
    for path in index.parent.rglob("*.html"):
        assert not REMOTE.search(path.read_text(encoding="utf-8")), path
    assert not list(index.parent.rglob("*CONFIDENCIAL*"))


def test_organizations_csv_has_the_measures(bundled) -> None:
    index, result = bundled
    with open(index.parent / "exports" / "organizaciones.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(result["roles"]["roles"])
    assert {"id", "name", "degree", "betweenness", "role", "articulation_point", "component"} <= set(rows[0])
    assert "phone" not in rows[0] and "email" not in rows[0]


def test_the_tables_open_in_a_spreadsheet_as_the_page_shows_them(bundled) -> None:
    """XLSX for any locale: typed numbers, ids as text, the page's rows and headers in Spanish."""
    import openpyxl

    index, result = bundled
    book = openpyxl.load_workbook(index.parent / "exports" / "tablas.xlsx", read_only=True)
    orgs = [list(r) for r in book["Organizaciones"].iter_rows(values_only=True)]
    assert orgs[0][:3] == ["id", "Nombre", "Sigla"] and "Intermediación" in orgs[0]
    assert len(orgs) - 1 == len(result["roles"]["roles"])
    degree, betweenness = orgs[0].index("Vínculos"), orgs[0].index("Intermediación")
    assert all(isinstance(r[degree], int) and isinstance(r[betweenness], (int, float)) for r in orgs[1:])
    assert any(isinstance(r[betweenness], float) and r[betweenness] > 0 for r in orgs[1:])
    assert all(isinstance(r[0], str) for r in orgs[1:])
    hubs = [list(r) for r in book["Quiénes articulan la red"].iter_rows(values_only=True)]
    html = index.read_text(encoding="utf-8")
    top = result["hubs"]["overall"][0]
    assert hubs[1] == [top["name"], top["degree"], top["betweenness"]] and f"{top['betweenness']:.3f}" in html
    assert book.sheetnames[-1] == "Mesa de Economía Solidaria prop"  # 31 characters
    mesa = list(book[book.sheetnames[-1]].iter_rows(values_only=True))
    assert len(mesa) - 1 == len(result["mesa"]["seats"]) and mesa[0][-1] == "Por qué"


def test_english_report(graph, tmp_path) -> None:
    index = report(graph, tmp_path, lang="en")
    html = index.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "At a glance" in html and "Lo principal" not in html
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "analysis.json", "graph.gexf", "graph.graphml", "organizations.csv", "tables.xlsx"]


def test_personal_report_is_marked_everywhere(graph, tmp_path) -> None:
    index = report(graph, tmp_path, include_personal_data=True)
    assert index.name == "index-CONFIDENCIAL.html"
    assert "CONFIDENCIAL – contiene datos personales" in index.read_text(encoding="utf-8")
    files = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != REPORT_MARKER]
    assert files and all(p.stem.endswith("-CONFIDENCIAL") for p in files), files


def test_a_public_report_after_a_personal_one_leaves_no_personal_file(graph, tmp_path) -> None:
    report(graph, tmp_path / "informe", include_personal_data=True)
    report(graph, tmp_path / "informe")
    left = [p.name for p in (tmp_path / "informe").rglob("*") if "CONFIDENCIAL" in p.name]
    assert left == [] and sorted(p.name for p in tmp_path.iterdir()) == ["informe"]


def test_a_report_that_fails_halfway_leaves_the_previous_one_whole(graph, tmp_path, monkeypatch) -> None:
    index = report(graph, tmp_path / "informe")
    before = {p: p.read_bytes() for p in (tmp_path / "informe").rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(report_folder, "departments_map", broken)  # a step after the views are written
    with pytest.raises(OSError):
        report(graph, tmp_path / "informe")
    assert {p: p.read_bytes() for p in (tmp_path / "informe").rglob("*") if p.is_file()} == before
    assert index.is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["informe"]


def test_public_report_has_no_personal_data(graph, tmp_path) -> None:
    index = report(graph, tmp_path)
    for path in tmp_path.rglob("*"):
        if path.suffix == ".xlsx":  # a zip of XML parts
            with zipfile.ZipFile(path) as book:
                assert not any(PERSON_NAME in book.read(n).decode("utf-8") for n in book.namelist()), path
        elif path.is_file():
            assert PERSON_NAME not in path.read_text(encoding="utf-8-sig"), path
    assert index.name == "index.html"


def test_report_opens_offline_and_every_link_works(bundled, open_page) -> None:
    index, result = bundled
    page = open_page(index, ready=False)
    hrefs = page.js("return Array.from(document.querySelectorAll('a[href]')).map(function (a) { return a.href; })")
    images = page.js("return Array.from(document.images).map(function (i) { return i.naturalWidth; })")
    assert len(images) == 3 and all(w > 100 for w in images)
    page.driver.set_window_size(1400, 900)
    shot = page.driver.get_screenshot_as_png()
    assert len(shot) > 20_000
    assert page.errors == [] and page.remote_requests == []
    for href in hrefs:
        path = Path(unquote(urlparse(href).path))
        assert path.is_file(), href
        if path.suffix == ".html":
            view = open_page(path)
            assert view.errors == [], (href, view.errors)
            assert view.remote_requests == []
            assert view.js("return essgraph.data.nodes.length") > 0
            assert view.driver.find_element(By.ID, "title").text


def test_degree_histogram_gathers_large_degrees_in_one_last_bar() -> None:
    from essgraph.render.charts import DEGREE_BARS, degree_histogram

    roles = lambda hub: [{"degree": d} for d in (0, 1, 1, 2, 5, hub)]  # noqa: E731
    assert degree_histogram(roles(100_000), "es") == degree_histogram(roles(DEGREE_BARS), "es")
    assert degree_histogram(roles(DEGREE_BARS - 1), "es") != degree_histogram(roles(DEGREE_BARS), "es")
