"""Fixtures of the rendering tests: the hostile graph and a real headless Chromium, network off.

Without chromium the browser tests skip with a hint, unless ``ESSGRAPH_REQUIRE_BROWSER=1``
(CI), where they fail.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from render_helpers import CHROMEDRIVER, CHROMIUM, CHROMIUM_FLAGS, Page, axe_path, hostile_graph, missing_browser


@pytest.fixture()
def graph():
    return hostile_graph()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless Chromium (Selenium) with the network disabled, shared by the session."""
    reason = missing_browser()
    if reason:
        if os.environ.get("ESSGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (ESSGRAPH_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="essgraph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    # Any dialog or script injection would flip this flag (set before any page script runs).
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__dialogs = 0;"
        "window.alert = window.confirm = window.prompt = function () { window.__dialogs += 1; };")})
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture()
def open_page(browser):
    def _open(path: Path, *, ready: bool = True) -> Page:
        page = Page(browser, path)
        return page.wait_ready() if ready else page
    return _open


@pytest.fixture(scope="session")
def axe(browser) -> str:
    """The source of axe-core (``bash scripts/install-browser`` fetches it from npm), to inject into pages."""
    path = axe_path()
    if not path.is_file():
        reason = f"{path} missing: run `bash scripts/install-browser` (it fetches axe-core from npm)"
        if os.environ.get("ESSGRAPH_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " (ESSGRAPH_REQUIRE_BROWSER=1)")
        pytest.skip(reason)
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def bundled_report(real_graph, tmp_path_factory) -> Path:
    """The report of the bundled data (its ``index.html``), written once for the session."""
    from essgraph.render import report

    return report(real_graph, tmp_path_factory.mktemp("report") / "informe")
