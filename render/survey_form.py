"""The survey kit of a mapping round: one offline HTML form per organization, an index and a blank form.

Each form opens from a file or a WhatsApp attachment, on a phone or a desktop,
and sends nothing anywhere (its Content-Security-Policy forbids every
connection). It is pre-filled with what the map knows of the organization and
each tie on record with its quote, lists every organization of the map to mark
"we work with them", takes organizations not on the map yet and who answers
(personal data optional, with consent), keeps a draft in the browser and saves
one response file (:mod:`essgraph.loaders.survey` reads it). Every
organization listed carries ``data-org="ID"``; the save button
``data-action="save"``.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("a", ("Organization",), {"name": "A", "kind": "cooperative"}),
...                  Node("b", ("Organization", "Network"), {"name": "Red B", "kind": "network"})],
...                 [Relationship("MEMBER_OF", "a", "b", {"quote": "A es miembro de la Red B", "section": "2.1",
...                                                       "evidence": "stated"})])
>>> kit = make_survey(G, Path(tempfile.mkdtemp()), round_name="ronda-2")
>>> sorted(p.name for p in kit.forms), kit.index.name, kit.blank.name
(['a.html', 'b.html'], 'index.html', 'nueva-organizacion.html')
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import networkx as nx
from markupsafe import Markup

from essgraph.analysis.projection import ACTOR_LABELS, DEFAULT_RELATIONSHIP_TYPES
from essgraph.errors import DataError
from essgraph.graphmodel import REL_SPECS, has_label, iter_relationships, public_graph
from essgraph.graphmodel.survey import RESPONSE_FORMAT, RESPONSE_VERSION, TIE_ANSWERS, VERDICTS
from essgraph.graphmodel.vocab import ORG_KINDS
from essgraph.i18n import Catalog
from essgraph.render.page import asset, json_for_html, write_html

__all__ = ["SurveyKit", "make_survey", "SURVEY_TEXTS"]

SURVEY_TEXTS = Catalog({
    "title": ("Encuesta de vínculos · {name}", "Survey of ties · {name}"),
    "title_blank": ("Encuesta de vínculos · organización nueva", "Survey of ties · new organization"),
    "index_title": ("Encuesta de vínculos · {round}", "Survey of ties · {round}"),
    "index_lead": ("Un formulario por organización: envíe a cada una el suyo (por correo o WhatsApp). "
                   "Se abre sin internet y no envía nada: la organización guarda sus respuestas en un "
                   "archivo y lo devuelve.",
                   "One form per organization: send each its own (by e-mail or WhatsApp). It opens "
                   "offline and sends nothing: the organization saves its answers in a file and sends it back."),
    "index_blank": ("Formulario para una organización que aún no está en el mapa",
                    "Form for an organization not on the map yet"),
    "no_region": ("Sin región", "No region"),
    "intro": ("Queremos saber con quién trabaja su organización para que el mapa de la Economía Social y "
              "Solidaria del Perú muestre las alianzas reales. Nada se envía por internet: al final pulse "
              "«Guardar respuestas» y devuelva el archivo que se descarga.",
              "We want to know whom your organization works with so that the map of Peru's Social and "
              "Solidarity Economy shows the real alliances. Nothing is sent over the internet: at the end "
              "press \"Save answers\" and send back the file that is downloaded."),
    "about": ("Su organización en el mapa", "Your organization on the map"),
    "recorded": ("Vínculos que el mapa ya registra", "Ties the map already records"),
    "recorded_none": ("El mapa no registra ningún vínculo de su organización.",
                      "The map records no tie of your organization."),
    "partners": ("¿Con qué organizaciones trabajan?", "Which organizations do you work with?"),
    "new_orgs": ("Organizaciones que no están en el mapa", "Organizations not on the map"),
    "who": ("Quién responde", "Who answers"),
    "f_name": ("Nombre", "Name"),
    "f_acronym": ("Siglas", "Acronym"),
    "f_region": ("Región", "Region"),
    "f_kind": ("Tipo de organización", "Kind of organization"),
    "f_networks": ("Redes", "Networks"),
    "f_corrections": ("¿Algo que corregir de estos datos?", "Anything to correct in these data?"),
    "f_kind_of_tie": ("Tipo de vínculo", "Kind of tie"),
    "f_year": ("Año", "Year"),
    "f_since": ("Desde (año)", "Since (year)"),
    "f_how": ("¿Cómo trabajan juntas?", "How do you work together?"),
    "f_reach": ("Cómo contactarla (opcional)", "How to reach it (optional)"),
    "f_role": ("Su cargo o rol en la organización", "Your role in the organization"),
    "f_person": ("Su nombre (opcional)", "Your name (optional)"),
    "f_contact": ("Teléfono o correo (opcional)", "Phone or e-mail (optional)"),
    "search": ("Buscar una organización", "Search an organization"),
    "all": ("Todas", "All"),
    "partners_hint": ("Marque las organizaciones con las que trabajan y diga cómo.",
                      "Mark the organizations you work with and say how."),
    "new_orgs_hint": ("¿Trabajan con organizaciones que no aparecen en la lista? Añádalas aquí.",
                      "Do you work with organizations missing from the list? Add them here."),
    "add_org": ("Añadir una organización", "Add an organization"),
    "new_org": ("Organización nueva", "New organization"),
    "personal": ("Datos personales (opcionales)", "Personal data (optional)"),
    "personal_hint": ("Solo para que el equipo del mapeo pueda consultarle; nunca se publican.",
                      "Only so that the mapping team can ask you; never published."),
    "need_role": ("Falta su cargo o rol.", "Your role is missing."),
    "need_consent": ("Para guardar su nombre o contacto marque la casilla de consentimiento (o bórrelos).",
                     "To keep your name or contact tick the consent box (or clear them)."),
    "need_name": ("Falta el nombre de la organización.", "The organization's name is missing."),
    "save": ("Guardar respuestas", "Save answers"),
    "saved": ("Respuestas guardadas en {file}: envíe ese archivo al equipo del mapeo.",
              "Answers saved in {file}: send that file to the mapping team."),
    "draft_restored": ("Se recuperó el borrador guardado en este navegador.", "The draft kept in this browser was restored."),
    "consent": ("Acepto que mi nombre y contacto se guarden solo para coordinar este mapeo, sin "
                "publicarse (Ley 29733 de Protección de Datos Personales).",
                "I agree that my name and contact are kept only to coordinate this mapping, never "
                "published (Peru's Personal Data Protection Law 29733)."),
    # the workbook (render/survey_xlsx.py); sheet titles at most 31 characters
    "xlsx_help": ("Instrucciones", "Instructions"),
    "xlsx_recorded": ("Vínculos registrados", "Recorded ties"),
    "xlsx_ties": ("Trabajamos con", "We work with"),
    "xlsx_new_orgs": ("Organizaciones nuevas", "New organizations"),
    "xlsx_round": ("Ronda: {round}", "Round: {round}"),
    "xlsx_intro": ("Queremos saber con quién trabaja su organización para que el mapa de la Economía Social y "
                   "Solidaria del Perú muestre las alianzas reales. Complete las hojas de este libro y devuelva el "
                   "archivo al equipo del mapeo: nada se envía por internet.",
                   "We want to know whom your organization works with so that the map of Peru's Social and "
                   "Solidarity Economy shows the real alliances. Fill in the sheets of this workbook and send the "
                   "file back to the mapping team: nothing is sent over the internet."),
    "xlsx_help_about": ("«{sheet}»: revise los datos de su organización y escriba su cargo o rol (obligatorio); su "
                        "nombre y contacto son opcionales y se guardan solo si elige «Sí» en el consentimiento.",
                        "'{sheet}': check your organization's data and write your role (required); your name and "
                        "contact are optional and kept only if you choose 'Yes' for the consent."),
    "xlsx_help_recorded": ("«{sheet}»: para cada vínculo que el mapa ya registra, elija en «¿Es correcto?» si lo es, "
                           "si lo es con cambios (y cuáles: tipo de vínculo, año) o si no lo es.",
                           "'{sheet}': for each tie the map already records, choose under 'Is it right?' whether it "
                           "is, whether it is with changes (and which: kind of tie, year) or whether it is not."),
    "xlsx_help_ties": ("«{sheet}»: una fila por organización con la que trabajan: elíjala en la lista, elija el tipo "
                       "de vínculo y diga desde qué año y cómo trabajan juntas.",
                       "'{sheet}': one row per organization you work with: choose it from the list, choose the "
                       "kind of tie and say since when and how you work together."),
    "xlsx_help_new": ("«{sheet}»: las organizaciones con las que trabajan que no están en la lista.",
                      "'{sheet}': the organizations you work with that are not in the list."),
    "xlsx_help_cells": ("Escriba solo en las celdas blancas (los encabezados y los datos del mapa están protegidos) "
                        "y no use fórmulas: escriba los valores.",
                        "Write only in the white cells (the headers and the map's data are protected) and use no "
                        "formulas: type the values."),
    "xlsx_help_save": ("Al terminar, guarde el archivo como libro de Excel (.xlsx) y envíelo al equipo del mapeo "
                       "(por correo o WhatsApp).",
                       "When done, save the file as an Excel workbook (.xlsx) and send it to the mapping team "
                       "(by e-mail or WhatsApp)."),
    "xlsx_question": ("Pregunta", "Question"),
    "xlsx_answer": ("Respuesta", "Answer"),
    "xlsx_tie": ("Vínculo", "Tie"),
    "xlsx_quote": ("Cita del informe", "Quote of the report"),
    "xlsx_section": ("Sección", "Section"),
    "xlsx_verdict": ("¿Es correcto?", "Is it right?"),
    "xlsx_corrected_kind": ("Con cambios: tipo de vínculo", "With changes: kind of tie"),
    "xlsx_corrected_year": ("Con cambios: año", "With changes: year"),
    "xlsx_org": ("Organización", "Organization"),
    "xlsx_date": ("Fecha de la respuesta (AAAA-MM-DD; si la deja vacía, el día en que guarda el archivo)",
                  "Date of the answer (YYYY-MM-DD; if left empty, the day you save the file)"),
    "xlsx_bad_choice": ("Elija un valor de la lista.", "Choose a value from the list."),
    "xlsx_bad_year": ("Escriba un año entre 1900 y 2100.", "Write a year between 1900 and 2100."),
})


#: Keys of the index page and titles, not sent to the form's script (nor the workbook's, ``xlsx_…``).
_PAGE_ONLY = frozenset({"title", "title_blank", "index_title", "index_lead", "index_blank", "no_region"})


@dataclass(frozen=True)
class SurveyKit:
    """What :func:`make_survey` wrote: the forms, the index, the blank form and, when asked, the workbooks."""

    forms: tuple[Path, ...]
    index: Path
    blank: Path
    workbooks: tuple[Path, ...] = ()


def make_survey(G: nx.MultiDiGraph, out_dir: Path, *, round_name: str, orgs: Iterable[str] | None = None,
                region: str | None = None, lang: str = "es", xlsx: bool = False) -> SurveyKit:
    """Write the survey kit of round ``round_name`` for the organizations of ``G`` into ``out_dir``.

    ``orgs`` (ids) or ``region`` (a region id) narrow the forms written; the
    list every form offers is always the whole map. The forms never carry
    personal data (they are made from :func:`~essgraph.graphmodel.public_graph`).
    With ``xlsx`` each form is also written as an XLSX workbook (``<id>.xlsx``,
    :mod:`essgraph.render.survey_xlsx`), and the index links both.
    """
    from essgraph.render.survey_xlsx import write_workbook  # it reads this module's texts

    P = public_graph(G)
    directory = _directory(P)
    chosen = set(orgs) if orgs is not None else None
    wanted = [o for o in directory if (chosen is None or o["id"] in chosen)
              and (region is None or o["region_id"] == region)]
    if chosen is not None and (missing := chosen - {o["id"] for o in directory}):
        raise DataError(f"not on the map: {', '.join(sorted(missing))}")
    ties = _recorded(P, lang)
    common = {"format": RESPONSE_FORMAT, "version": RESPONSE_VERSION, "round": round_name, "lang": lang,
              "orgs": directory, "answers": _choices(TIE_ANSWERS, lang), "verdicts": _choices(VERDICTS, lang),
              "kinds": _choices(ORG_KINDS, lang), "regions": _regions(P)}
    pages = [(org["id"], {**common, "respondent": org, "recorded": ties.get(org["id"], [])},
              SURVEY_TEXTS.t("title", lang, name=org["name"])) for org in wanted]
    pages.append(("nueva-organizacion", {**common, "respondent": None, "recorded": []},
                  SURVEY_TEXTS.t("title_blank", lang)))
    forms = [_form(out_dir / f"{name}.html", data, title, lang) for name, data, title in pages]
    books = [write_workbook(out_dir / f"{name}.xlsx", data, title=title, lang=lang)
             for name, data, title in pages] if xlsx else []
    index = write_html(out_dir / "index.html", "survey_index.html", scripts={}, css=asset("survey.css"), lang=lang,
                       title=SURVEY_TEXTS.t("index_title", lang, round=round_name), confidential="",
                       lead=SURVEY_TEXTS.t("index_lead", lang), blank_label=SURVEY_TEXTS.t("index_blank", lang),
                       groups=_by_region(wanted, SURVEY_TEXTS.t("no_region", lang)), xlsx=xlsx)
    return SurveyKit(tuple(forms[:-1]), index, forms[-1], tuple(books))


def _form(path: Path, data: dict[str, Any], title: str, lang: str) -> Path:
    # Unformatted: the script fills its own placeholders ({file}).
    texts = {key: en if lang == "en" else es for key, (es, en) in SURVEY_TEXTS.messages.items()
             if key not in _PAGE_ONLY and not key.startswith("xlsx_")}
    return write_html(path, "survey.html", scripts={"survey_js": asset("survey.js")},
                      data_json=Markup(json_for_html({**data, "texts": texts})), css=asset("survey.css"),
                      lang=lang, title=title, confidential="", texts=texts)


def _directory(P: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Every actor of the map: what a respondent needs to recognise it, sorted by name."""
    region_names = {n: a.get("name", n) for n, a in P.nodes(data=True) if has_label(P, n, "Region")}
    networks: dict[str, list[str]] = {}
    for rel in iter_relationships(P):
        if rel.type == "MEMBER_OF":
            networks.setdefault(rel.start, []).append(P.nodes[rel.end].get("name", rel.end))
    out = []
    for node, attrs in P.nodes(data=True):
        if not any(has_label(P, node, label) for label in ACTOR_LABELS):
            continue
        region = attrs.get("region")
        out.append({"id": node, "name": attrs.get("name", node), "acronym": attrs.get("acronym", ""),
                    "region_id": region or "", "region": region_names.get(region, ""),
                    "kind": attrs.get("kind", "municipality" if has_label(P, node, "Municipality") else ""),
                    "network": has_label(P, node, "Network"), "networks": sorted(set(networks.get(node, [])))})
    return sorted(out, key=lambda o: (str(o["name"]).casefold(), o["id"]))


def _recorded(P: nx.MultiDiGraph, lang: str) -> dict[str, list[dict[str, Any]]]:
    """Each actor's ties on record, with the quote that supports them."""
    ties: dict[str, list[dict[str, Any]]] = {}
    for rel in iter_relationships(P):
        if rel.type not in DEFAULT_RELATIONSHIP_TYPES:
            continue
        record = {"key": rel.key, "type": rel.type, "type_label": REL_SPECS[rel.type].term.label(lang),
                  "start": rel.start, "end": rel.end, "start_name": P.nodes[rel.start].get("name", rel.start),
                  "end_name": P.nodes[rel.end].get("name", rel.end),
                  "quote": rel.properties.get("quote", ""), "section": rel.properties.get("section", ""),
                  "year": rel.properties.get("year"), "evidence": rel.properties.get("evidence", "")}
        for me, other in ((rel.start, rel.end), (rel.end, rel.start)):
            ties.setdefault(me, []).append({**record, "other": other})
    return ties


def _choices(terms: dict[str, Any], lang: str) -> list[dict[str, str]]:
    return [{"code": code, "label": (getattr(t, "term", t)).label(lang)} for code, t in terms.items()]


def _regions(P: nx.MultiDiGraph) -> list[dict[str, str]]:
    return sorted(({"code": n, "label": a.get("name", n)} for n, a in P.nodes(data=True) if has_label(P, n, "Region")),
                  key=lambda r: r["label"])


def _by_region(orgs: list[dict[str, Any]], no_region: str) -> list[tuple[str, list[dict[str, Any]]]]:
    groups: dict[str, list[dict[str, Any]]] = {}
    for org in orgs:
        groups.setdefault(org["region"] or no_region, []).append(org)
    return sorted(groups.items(), key=lambda g: (g[0] == no_region, g[0]))
