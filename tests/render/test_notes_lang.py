"""The curators' notes in the views: Spanish (``note_es``) on a Spanish page, English (``note``) on an English one."""
from __future__ import annotations

import pytest
from selenium.webdriver.common.by import By
from render_helpers import embedded_data

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.render import ViewRequest, render

GIES_CUSCO_ES = "También entrevistado en el cuadro de 3.1 Macro Región Sur."
GIES_CUSCO_EN = "Also interviewed in the 3.1 Macro Región Sur table."
GRESP_GSEF_ES = "elaboración conjunta de este informe de mapeo"
GRESP_GSEF_EN = "joint elaboration of this mapping report"


def _page(G, tmp_path, lang: str, view: str = "whole", focus: str | None = None) -> dict:
    path = render(G, tmp_path / f"{view}-{lang}.html", ViewRequest(view=view, focus=focus, lang=lang)).path
    return embedded_data(path.read_text(encoding="utf-8"))


def _node(data: dict, name: str) -> dict:
    return next(n for n in data["nodes"] if n["name"] == name)


@pytest.mark.parametrize("lang,shown,hidden", [("es", (GIES_CUSCO_ES, GRESP_GSEF_ES), (GIES_CUSCO_EN, GRESP_GSEF_EN)),
                                               ("en", (GIES_CUSCO_EN, GRESP_GSEF_EN), (GIES_CUSCO_ES, GRESP_GSEF_ES))])
def test_the_whole_view_shows_the_notes_in_its_language(real_graph, tmp_path, lang: str, shown: tuple[str, str],
                                                        hidden: tuple[str, str]) -> None:
    data = _page(real_graph, tmp_path, lang)
    gies = _node(data, "GIES Cusco")
    assert gies["note"].startswith(shown[0]) and hidden[0] not in gies["note"]
    ids = {_node(data, name)["id"] for name in ("Grupo Red de Economía Solidaria del Perú", "Global Social Economy Forum")}
    notes = [e.get("note", "") for e in data["edges"] if {e["from"], e["to"]} == ids]
    assert any(n.startswith(shown[1]) for n in notes) and not any(hidden[1] in n for n in notes)
    assert data["ui"]["field_note"] == ("Nota" if lang == "es" else "Note")


def test_a_note_in_one_language_shows_in_both(tmp_path) -> None:
    """An imported row's note (Spanish provenance, no note_es) and a note_es alone both show, whatever the language."""
    ev = {"section": "s", "quote": "q", "evidence": "stated"}
    G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "ngo", "note": "importado de mapa.xlsx", **ev}),
                     Node("b", ("Organization",), {"name": "B", "kind": "ngo", "note_es": "solo en español", **ev})],
                    [Relationship("SUPPORTS", "a", "b", {**ev, "note": "only in English"})])
    for lang in ("es", "en"):
        data = _page(G, tmp_path, lang)
        assert (_node(data, "A")["note"], _node(data, "B")["note"]) == ("importado de mapa.xlsx", "solo en español")
        assert data["edges"][0]["note"] == "only in English"


@pytest.mark.parametrize("lang,label,shown,hidden", [("es", "Nota", GIES_CUSCO_ES, GIES_CUSCO_EN),
                                                     ("en", "Note", GIES_CUSCO_EN, GIES_CUSCO_ES)])
def test_the_panel_shows_the_note_in_the_page_language(real_graph, tmp_path, open_page, lang: str, label: str,
                                                       shown: str, hidden: str) -> None:
    page = open_page(render(real_graph, tmp_path / f"whole-{lang}.html", ViewRequest(view="whole", lang=lang)).path)
    page.driver.find_element(By.ID, "search").send_keys("GIES Cusco")
    page.driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
    assert page.driver.find_element(By.CSS_SELECTOR, "#panel h2").text == "GIES Cusco"
    notes = [dd.text for dt, dd in zip(page.driver.find_elements(By.CSS_SELECTOR, "#panel dt"),
                                       page.driver.find_elements(By.CSS_SELECTOR, "#panel dd")) if dt.text == label]
    assert len(notes) == 1 and notes[0].startswith(shown)
    assert hidden not in page.driver.find_element(By.ID, "panel").text
    assert page.errors == []
