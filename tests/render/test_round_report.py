"""The report and its Markdown summary tell what the latest survey round changed (fictional round r2)."""
from __future__ import annotations

from html import unescape

import pytest

from essgraph.analysis import analyze
from essgraph.loaders import load_graph
from essgraph.render import report
from essgraph.render.markdown import to_markdown


@pytest.fixture(scope="module")
def round_graph(fictional_round):
    return load_graph(data_dir=fictional_round)


def _names(G, *ids):
    return [G.nodes[n]["name"] for n in ids]


def test_the_analysis_compares_the_round_with_the_data_before_it(round_graph, real_graph) -> None:
    changed = analyze(round_graph).survey["changes"]
    assert (changed["round"], changed["previous"]) == ("r2", None)
    d = changed["changes"]
    assert {(t["a"]["id"], t["b"]["id"]) for t in d["ties_added"]} == {("aam", "gresp"), ("ceas", "cxd")}
    assert [r["id"] for r in d["found_partner"]] == ["aam"] and d["ties_removed"] == []
    assert d["organizations_added"] == []  # the organizations the round proposes wait for a curator
    before = analyze(real_graph).summary
    assert (d["before"]["ties"], d["before"]["isolated"]) == (before["ties"], before["isolated"])
    assert d["after"]["ties"] == before["ties"] + 2 and d["after"]["isolated"] == before["isolated"] - 1


def test_the_markdown_summary_has_the_section_only_with_a_round(round_graph, real_graph) -> None:
    md = to_markdown(analyze(round_graph))
    aam, gresp = _names(round_graph, "aam", "gresp")
    section = md.split("## Cambios desde la ronda anterior\n", 1)[1].split("\n## ", 1)[0]
    assert "Ronda r2, comparada con los datos anteriores a las encuestas" in section
    assert f"### Vínculos nuevos (2)\n\n- {aam} — {gresp}\n" in section
    assert f"### Organizaciones que ya no están sin vínculos registrados (1)\n\n- {aam}\n" in section
    assert "ninguno" not in section  # only what changed
    assert md.index("## Cambios desde la ronda anterior") < md.index("## Principales nodos")
    assert "Cambios desde la ronda anterior" not in to_markdown(analyze(real_graph))
    assert "## What changed since the previous round" in to_markdown(analyze(round_graph), "en")


@pytest.mark.parametrize("lang, title, found", [
    ("es", "Cambios desde la ronda anterior", "Organizaciones que ya no están sin vínculos registrados (1)"),
    ("en", "What changed since the previous round", "Organizations no longer without recorded ties (1)")])
def test_the_report_has_the_section(round_graph, tmp_path, lang, title, found) -> None:
    html = unescape(report(round_graph, tmp_path / "informe", lang=lang).read_text(encoding="utf-8"))
    section = html.split('<section id="changes">', 1)[1].split("</section>", 1)[0]
    aam, gresp = _names(round_graph, "aam", "gresp")
    assert f"<h2>{title}</h2>" in section and f"<h3>{found}</h3>" in section
    assert f"<li>{aam} — {gresp}</li>" in section and "<li>Piura</li>" in section  # regions by name
    assert html.index('id="changes"') < html.index('id="views"')
