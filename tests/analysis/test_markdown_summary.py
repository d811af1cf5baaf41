"""The Markdown summary for planners: Spanish by default, English on request."""
from __future__ import annotations

import json

from essgraph.analysis import AnalysisResult, analyze
from essgraph.render.markdown import to_markdown


def test_spanish_summary_has_what_a_planner_needs(ess_graph):
    md = to_markdown(analyze(ess_graph))
    for heading in ("## En cinco minutos", "## Principales nodos", "## Grupos desconectados",
                    "## Puntos únicos de falla", "## Regiones y sectores que quedan fuera",
                    "## Nuevas alianzas propuestas", "## Mesa de Economía Solidaria propuesta", "## Cómo se calculó"):
        assert heading in md
    assert "| 1 | GRESP | 3 |" in md
    assert "COOP1, COOP2" in md  # the disconnected group
    assert md.endswith("\n") and len(md.splitlines()) < 200


def test_english_and_rendering_from_saved_json(ess_graph):
    result = analyze(ess_graph)
    md = to_markdown(result, "en")
    assert "## Main hubs" in md and "## Proposed Mesa de Economía Solidaria" in md
    assert to_markdown(AnalysisResult.from_json(json.loads(json.dumps(result.to_json()))), "en") == md
    spanish = to_markdown(result, "es")
    assert "## Principales nodos" in spanish
    # one result, either language, never mixed: the reasons are worded where shown
    assert "Una alianza entre" in spanish and "An alliance between" not in spanish
    assert "An alliance between" in md and "Una alianza entre" not in md


def test_real_data_summary_is_short(real_graph):
    md = to_markdown(analyze(real_graph))
    assert "Grupo Red de Economía Solidaria del Perú" in md
    assert len(md.split()) < 4000  # a five-minute read


def test_long_lists_of_alliances_are_cut_and_counted(real_graph, monkeypatch):
    import essgraph.render.markdown as markdown
    result = analyze(real_graph)
    ties = result.recommendations["augmentation"]["new_ties"]
    monkeypatch.setattr(markdown, "ALLIANCES_LISTED", 5)
    md = to_markdown(result, "en")
    assert f"5. An alliance between {ties[4]['a']['name']}" in md and "\n6. An alliance" not in md
    assert f"… and {len(ties) - 5} more alliances (all in the analysis JSON)." in md
