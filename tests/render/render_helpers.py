"""Helpers of the rendering tests: a small graph with hostile strings, a page in real Chromium.

The browser (see conftest.py) runs with the network off (Chromium flags, a host-resolver rule that
resolves nothing, and DevTools' offline emulation), so a page that needed a CDN
would break. Without chromium the browser tests skip with a hint, unless
``ESSGRAPH_REQUIRE_BROWSER=1`` (CI), where they fail.
"""
from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path
from typing import Any

from essgraph.graphmodel import Node, Relationship, build_graph

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
    "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900",
)

#: Markup and script that must show as text and never run.
HOSTILE = (
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "</select><svg onload=alert(1)>",
)

PERSON_NAME = "Rosa Quispe Mamani"
PERSON_PHONE = "(+51) 984 316 053"
ORG_PHONE = "01 4234567"


def _ev(quote: str, **extra: Any) -> dict[str, Any]:
    return {"section": "3.1 Macro Región Sur", "quote": quote, "evidence": "stated", **extra}


def org(node_id: str, name: str, kind: str = "initiative", **props: Any) -> Node:
    labels = ("Organization", "Network") if kind in ("network", "platform", "mesa") else ("Organization",)
    return Node(node_id, labels, {"name": name, "kind": kind, "status": "active", **_ev(name), **props})


def hostile_graph():
    """A small, realistic graph whose names, aliases, quotes and texts attack the page."""
    nodes = [
        Node("sur", ("MacroRegion",), {"name": "Sur", **_ev("Sur")}),
        Node("lima-centro", ("MacroRegion",), {"name": "Lima Centro", **_ev("Lima")}),
        Node("cusco", ("Region",), {"name": "Cusco", "macro_region": "sur", "ubigeo": "08", **_ev("Cusco")}),
        Node("lima", ("Region",), {"name": "Lima", "macro_region": "lima-centro", "ubigeo": "15", **_ev("Lima")}),
        org("gresp", "Grupo Red de Economía Solidaria del Perú", "network", acronym="GRESP",
            aliases=["GRE-P", "GRESPE"], region="lima", web="http://www.gresp.org.pe", phone=ORG_PHONE,
            email="gresp@example.org", sector="a19"),
        org("red-sur", "Red Sur", "network", region="cusco"),
        org("evil", HOSTILE[0], "ngo", aliases=[HOSTILE[1], HOSTILE[3]], region="cusco", sector="a01",
            description='<a href="javascript:alert(1)">href</a> ' + HOSTILE[2], web="javascript:alert(1)"),
        org("coop-andina", "Cooperativa Agraria Andina", "cooperative", region="cusco", sector="a01"),
        org("ong-lima", "Centro de Promoción Lima", "ngo", region="lima", sector="a16"),
        org("aislada", "Iniciativa Aislada de Puno", "initiative"),
        org("propuesta", "Mesa propuesta", "mesa", status="proposed"),
        Node("muni-cusco", ("Municipality",), {"name": "Municipalidad del Cusco", "region": "cusco", **_ev("Muni")}),
        Node("person-rosa", ("Person",), {"name": PERSON_NAME, "phone": PERSON_PHONE, "role": "presidenta",
                                          **_ev(PERSON_NAME)}),
    ]
    rels = [
        Relationship("MEMBER_OF", "red-sur", "gresp", _ev("la Red Sur es parte del GRESP")),
        Relationship("MEMBER_OF", "coop-andina", "red-sur", _ev("la cooperativa integra la Red Sur")),
        Relationship("MEMBER_OF", "evil", "red-sur", _ev(HOSTILE[1] + " " + HOSTILE[0])),
        Relationship("SUPPORTS", "ong-lima", "gresp", _ev(f"apoyo coordinado por {PERSON_NAME}", year=2016)),
        Relationship("ALLIED_WITH", "ong-lima", "coop-andina", _ev('convenio <a href="x">' + HOSTILE[3])),
        Relationship("WORKS_WITH", "coop-andina", "muni-cusco", _ev("ferias con la municipalidad")),
        Relationship("SHARES_CONTACT", "evil", "coop-andina",
                     {"section": "Anexo 2", "quote": f"Andina (+51) 84 245415 {HOSTILE[2]}", "evidence": "inferred"}),
        Relationship("REPRESENTS", "person-rosa", "coop-andina", _ev(f"{PERSON_NAME}, presidenta")),
        Relationship("LOCATED_IN", "cusco", "sur", _ev("Cusco")),
    ]
    return build_graph(nodes, rels, {"title": "test"})


def embedded_data(html: str) -> dict[str, Any]:
    """The JSON a page embeds (decoded: ``\\u003c`` becomes ``<`` again)."""
    match = re.search(r'<script type="application/json" id="essgraph-data">(.*?)</script>', html, re.S)
    assert match, "no embedded data block"
    return json.loads(match.group(1))


def axe_path() -> Path:
    """Where ``scripts/install-browser`` puts axe-core (``ESSGRAPH_AXE`` names another file)."""
    if os.environ.get("ESSGRAPH_AXE"):
        return Path(os.environ["ESSGRAPH_AXE"])
    cache = os.environ.get("ESSGRAPH_CACHE") or str(
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "essgraph")
    return Path(cache) / "axe-core" / "axe.min.js"


def axe_violations(page: "Page", axe_source: str, impacts: tuple[str, ...] = ("serious", "critical")) -> list[str]:
    """The page's axe-core violations of these impacts, one line per rule with its first elements."""
    page.js(axe_source)  # run through DevTools: the page's Content-Security-Policy does not apply
    page.driver.set_script_timeout(120)
    found = page.driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(function (r) { done(r.violations.map(function (v) {"
        "  return {id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(function (n) {"
        "    return n.target.join(' ') + ': ' + n.failureSummary; })}; })); },"
        " function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });")
    return [f"{v['impact']} {v['id']} ({len(v['nodes'])}): {v['help']} | " + " | ".join(v["nodes"][:3])
            for v in found if v["impact"] in impacts]


def missing_browser() -> str | None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[test]')")
    if missing:
        return f"browser tests need {', '.join(missing)}: run `bash scripts/install-browser`"
    return None


class Page:
    """A page opened in the browser, with what it logged."""

    def __init__(self, driver: Any, path: Path) -> None:
        self.driver = driver
        driver.get_log("browser")
        driver.get_log("performance")
        driver.get(path.resolve().as_uri())
        self.console: list[dict[str, Any]] = []
        self.requests: list[str] = []

    def wait_ready(self, timeout: float = 90) -> "Page":
        deadline = time.monotonic() + timeout
        while not self.driver.execute_script("return document.body && document.body.getAttribute('data-ready')"):
            assert time.monotonic() < deadline, "the page never finished drawing"
            time.sleep(0.2)
        return self

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def collect(self) -> "Page":
        self.console += self.driver.get_log("browser")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
        return self

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [e for e in self.collect().console if e["level"] == "SEVERE"]

    @property
    def remote_requests(self) -> list[str]:
        return [u for u in self.collect().requests if not u.startswith(("file:", "data:", "blob:", "about:"))]
