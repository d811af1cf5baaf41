"""The survey form as a respondent uses it: real headless Chromium, network off, a real download."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from render_helpers import HOSTILE, hostile_graph

from essgraph.loaders.survey import check_responses
from essgraph.render.survey_form import make_survey


@pytest.fixture()
def kit(tmp_path):
    G = hostile_graph()
    return G, make_survey(G, tmp_path / "kit", round_name="ronda-2")


def _download(browser, folder: Path, click) -> Path:
    folder.mkdir(exist_ok=True)
    browser.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(folder)})
    click()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == ".json"]
        if done:
            return done[0]
        time.sleep(0.2)
    raise AssertionError("no response file was downloaded")


def test_a_respondent_answers_saves_and_the_file_checks(kit, open_page, browser, tmp_path) -> None:
    G, made = kit
    page = open_page(made.index.parent / "coop-andina.html")
    assert page.js("return document.querySelectorAll('[data-org]').length") == 7  # every other actor of the map
    page.js("document.getElementById('tie-0-confirm').click(); document.getElementById('tie-1-deny').click();")
    page.js("""document.getElementById('org-gresp').click();
               document.getElementById('org-gresp-answer').value = 'supported_by';
               document.getElementById('org-gresp-since').value = '2019';
               document.getElementById('org-gresp-how').value = 'capacitaciones';
               document.getElementById('add-org').click();
               document.getElementById('neworg-0-name').value = 'Asociación Nueva';
               document.getElementById('who-role').value = 'tesorera';
               document.getElementById('survey-form').dispatchEvent(new Event('input'));""")
    saved = _download(browser, tmp_path / "downloads",
                      lambda: page.js("document.querySelector('[data-action=save]').click()"))
    assert saved.name.startswith("respuesta-coop-andina-")
    responses, report = check_responses([saved], G)
    assert report.valid, report.render("en")
    (response,) = responses
    assert [(t.type, t.start, t.end, t.year, t.how) for t in response.ties] == [
        ("SUPPORTS", "gresp", "coop-andina", 2019, "capacitaciones")]
    assert sorted(v["verdict"] for v in response.verdicts) == ["confirm", "deny"]
    assert [o["name"] for o in response.new_orgs] == ["Asociación Nueva"]
    assert response.answerer["name"] == "" and page.js("return window.__dialogs") == 0


def test_a_half_filled_answer_survives_closing_the_tab(kit, open_page) -> None:
    _, made = kit
    page = open_page(made.index.parent / "gresp.html")
    page.js("document.getElementById('who-role').value = 'coordinador';"
            "document.getElementById('survey-form').dispatchEvent(new Event('input'));")
    again = open_page(made.index.parent / "gresp.html")
    assert again.js("return document.getElementById('who-role').value") == "coordinador"
    assert again.js("return document.getElementById('status').textContent")


def test_hostile_names_and_quotes_run_nothing_and_the_phone_does_not_scroll_sideways(kit, open_page, browser) -> None:
    _, made = kit
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        for name in ("evil.html", "coop-andina.html", "index.html"):
            page = open_page(made.index.parent / name, ready=name != "index.html")
            text = page.js("return document.body.innerText")
            assert page.js("return window.__dialogs") == 0
            assert page.js("return document.querySelectorAll('img, svg[onload], [onerror]').length") == 0
            assert page.js("return document.documentElement.scrollWidth") <= 390, name
            if name == "evil.html":
                assert HOSTILE[0] in text
            assert not page.remote_requests
    finally:
        browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
