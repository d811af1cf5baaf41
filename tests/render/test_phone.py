"""The report and the views on a phone 390 px wide (Chromium's mobile emulation)."""
from __future__ import annotations

from typing import Iterator

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}

#: Every visible element with text of its own, and the size its text is drawn at, in CSS pixels
#: (SVG text scaled by its picture; hidden and empty elements left out).
TEXT_SIZES = """
var out = [];
document.querySelectorAll('body *').forEach(function (e) {
  var own = Array.prototype.some.call(e.childNodes, function (c) { return c.nodeType === 3 && c.textContent.trim(); });
  if (!own || !e.getClientRects().length || e.closest('[hidden], script, style, title, desc')) { return; }
  var style = getComputedStyle(e);
  if (style.visibility === 'hidden' || style.display === 'none') { return; }
  var size = parseFloat(style.fontSize);
  if (e instanceof SVGElement) { size *= e.getScreenCTM().a; }
  out.push([e.tagName + (e.id ? '#' + e.id : '') + ' ' + e.textContent.trim().slice(0, 30), size]);
});
return out;
"""


@pytest.fixture()
def phone(browser) -> Iterator[None]:
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        yield
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _small_text(page) -> list:
    return [(what, round(size, 1)) for what, size in page.js(TEXT_SIZES) if size < 12]


def test_the_report_fits_a_phone_and_its_tables_scroll_in_their_own_box(bundled_report, open_page, phone) -> None:
    page = open_page(bundled_report, ready=False)
    assert page.js("return document.documentElement.scrollWidth") <= 390
    boxes = page.js("return Array.from(document.querySelectorAll('table')).map(function (t) {"
                    " var box = t.parentElement; return [box.className, box.clientWidth, box.scrollWidth,"
                    " getComputedStyle(box).overflowX, box.tabIndex]; })")
    assert boxes and all(cls.startswith("scroll") and width <= 390 and overflow == "auto" and tab == 0
                         for cls, width, _, overflow, tab in boxes)
    assert any(inner > width for _, width, inner, _, _ in boxes)  # the Mesa table is wider: it scrolls, not the page
    # charts keep their drawn size (matplotlib's smallest text, 8 pt at 110 dpi, is 12.2 px) and scroll in their box
    charts = page.js("return Array.from(document.images).map(function (i) {"
                     " return [i.getBoundingClientRect().width, i.naturalWidth]; })")
    assert len(charts) == 3 and all(shown >= natural - 0.5 for shown, natural in charts)
    assert _small_text(page) == []


def test_the_network_picture_keeps_readable_text_on_a_phone_and_scrolls_in_its_box(bundled_report, open_page,
                                                                                   phone) -> None:
    page = open_page(bundled_report, ready=False)
    box = page.js("var b = document.querySelector('#network-picture .scroll'); b.scrollIntoView();"
                  " return [b.clientWidth, b.scrollWidth, getComputedStyle(b).overflowX, b.tabIndex,"
                  " b.getAttribute('aria-label'), document.documentElement.scrollWidth]")
    assert box[0] <= 390 < box[1] and box[2:5] == ["auto", 0, "El grupo principal de la red"] and box[5] <= 390
    sizes = page.js("return Array.from(document.querySelectorAll('#network-picture svg text')).map(function (t) {"
                    " return parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a; })")
    assert len(sizes) > 10 and min(sizes) >= 12


def test_a_view_on_a_phone_has_a_bottom_sheet_and_no_sideways_scroll(bundled_report, open_page, phone) -> None:
    for path in sorted((bundled_report.parent / "views").glob("*.html")):
        page = open_page(path)
        assert page.js("return document.documentElement.scrollWidth") <= 390, path.name
        sheet = "var r = document.getElementById('side').getBoundingClientRect();" \
                "return [getComputedStyle(document.getElementById('side')).position, r.left, r.width, r.bottom, r.height];"
        position, left, width, bottom, folded = page.js(sheet)
        assert (position, left, width, bottom) == ("fixed", 0, 390, 844) and folded <= 60, path.name
        handle = page.driver.find_element(By.ID, "sheet-toggle")
        assert handle.get_attribute("aria-expanded") == "false"
        handle.click()
        *_, opened = page.js(sheet)
        assert 200 < opened <= 0.6 * 844 + 1 and handle.get_attribute("aria-expanded") == "true", path.name
        assert page.driver.find_element(By.ID, "legend").is_displayed()
        assert _small_text(page) == [], path.name
        graph = page.js("return document.getElementById('graph').getBoundingClientRect().height")
        assert graph > 400, path.name  # the drawing keeps the screen; the sheet lies over its lower part


def test_picking_a_node_from_the_list_opens_the_sheet_on_it(bundled_report, open_page, phone) -> None:
    page = open_page(bundled_report.parent / "views" / "whole.html")
    page.driver.find_element(By.ID, "sheet-toggle").click()
    page.driver.find_element(By.CSS_SELECTOR, "#node-list summary").click()
    first = WebDriverWait(page.driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, "#node-items button"))
    name = first.text
    page.driver.find_element(By.ID, "sheet-toggle").click()  # fold the sheet again
    assert not first.is_displayed()
    page.js("arguments[0].click()", first)
    assert page.driver.find_element(By.ID, "sheet-toggle").get_attribute("aria-expanded") == "true"
    assert name.startswith(page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text)
    assert len(page.js("return essgraph.network.getSelectedNodes()")) == 1
