"""axe-core (the accessibility checker web teams use, fetched from npm by scripts/install-browser) in Chromium:
no serious or critical violation on the report or on any view, in the states a person brings them to."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from essgraph.render import ViewRequest, render

from render_helpers import axe_violations

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}


def test_the_report_has_no_serious_accessibility_violation(bundled_report, open_page, axe) -> None:
    page = open_page(bundled_report, ready=False)
    assert axe_violations(page, axe) == []
    page.js("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
    assert axe_violations(page, axe) == []


def test_every_view_of_the_report_has_no_serious_accessibility_violation(bundled_report, open_page, axe) -> None:
    views = sorted((bundled_report.parent / "views").glob("*.html"))
    assert len(views) == 6
    for path in views:
        page = open_page(path)
        assert axe_violations(page, axe) == [], path.name
        # a node picked from the keyboard list: its panel, its ties and quotes
        page.driver.find_element(By.CSS_SELECTOR, "#node-list summary").click()
        buttons = WebDriverWait(page.driver, 10).until(  # the list is built when it is opened
            lambda d: d.find_elements(By.CSS_SELECTOR, "#node-items button"))
        assert len(buttons) == page.js("return essgraph.visibleNodeIds().length")
        busiest = page.js("var d = essgraph.data.nodes.slice().sort(function (a, b) { return b.degree - a.degree; })[0];"
                          " return d.acronym ? d.name + ' (' + d.acronym + ')' : d.name;")
        next(b for b in buttons if b.text == busiest).click()
        assert page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text in busiest
        assert axe_violations(page, axe) == [], path.name


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_overview_and_a_phone_view_have_no_serious_accessibility_violation(real_graph, tmp_path, open_page, axe,
                                                                                 browser, lang) -> None:
    overview = open_page(render(real_graph, tmp_path / "o.html", ViewRequest(view="overview", lang=lang)).path)
    assert axe_violations(overview, axe) == []
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        page = open_page(render(real_graph, tmp_path / "g.html", ViewRequest(view="gaps", lang=lang,
                                                                            show_recommendations=True)).path)
        assert axe_violations(page, axe) == []
        page.driver.find_element(By.ID, "sheet-toggle").click()
        assert axe_violations(page, axe) == []
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_no_view_shifts_its_layout_after_load(bundled_report, open_page) -> None:
    """The toolbar has its final width before the script runs (its filters were filled by it: a 0.55 shift)."""
    for path in sorted((bundled_report.parent / "views").glob("*.html")):
        page = open_page(path)
        shift = page.driver.execute_async_script(
            "var done = arguments[arguments.length - 1], total = 0;"
            "new PerformanceObserver(function (list) { list.getEntries().forEach(function (e) { total += e.value; }); })"
            ".observe({type: 'layout-shift', buffered: true});"
            "setTimeout(function () { done(total); }, 300);")
        assert shift < 0.01, path.name
