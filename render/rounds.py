"""Planner wording of the mapping rounds: survey coverage and what changed between two maps.

:func:`coverage_text` words ``essgraph survey status``. What changed
(:class:`~essgraph.analysis.diff.NetworkDiff`'s fields in a plain dict:
``dataclasses.asdict``, or read back from an analysis JSON) is worded here once,
as plain text: the HTML report escapes it, :func:`essgraph.render.markdown.changes_markdown`
makes it literal Markdown for ``essgraph diff`` and the summary.

>>> from dataclasses import asdict
>>> import networkx as nx
>>> from essgraph.analysis.diff import compare
>>> d = asdict(compare(nx.Graph([("a", "b")]), nx.Graph([("a", "b"), ("b", "c")])))
>>> changes_title("en"), change_lists(d, "en", empty=False)[0]
('What changed since the previous round', ('New organizations (1)', ['c']))
>>> round_text("r3", "r2", "es"), round_text("r2", None, "en")
('Ronda r3, comparada con la ronda r2.', 'Round r2, compared with the data before any survey (round one).')
"""
from __future__ import annotations

from typing import Any, Mapping

from essgraph.analysis.coverage import Coverage
from essgraph.i18n import Catalog

__all__ = ["ROUND_TEXTS", "LISTS", "LIST_LIMIT", "coverage_text", "changes_title", "round_text", "sizes_text",
           "change_lists"]

ROUND_TEXTS = Catalog({
    "status_title": ("Encuesta: quién respondió", "Survey: who answered"),
    "status_rounds": ("Rondas: {rounds}", "Rounds: {rounds}"),
    "status_counts": ("{answered} de {total} organizaciones respondieron; {not_answered} aún no.",
                      "{answered} of {total} organizations answered; {not_answered} not yet."),
    "status_no_tie": ("Sin vínculos registrados: {isolated} aislada(s) (respondieron y no declaran vínculos) y "
                      "{not_asked} sin vínculos registrados (no respondieron: no se sabe si están aisladas).",
                      "Without recorded ties: {isolated} isolated (answered and name no tie) and {not_asked} "
                      "without recorded ties (not answered: whether they are isolated is unknown)."),
    "status_region": ("Por región (respondieron / organizaciones):", "By region (answered / organizations):"),
    "status_confirmations": ("Vínculos declarados en encuestas: {mutual} confirmados por ambas partes, {one_sided} "
                             "por una sola, {disputed} en disputa.",
                             "Ties reported in surveys: {mutual} confirmed by both sides, {one_sided} by one side, "
                             "{disputed} disputed."),
    "status_next": ("A quién preguntar ahora:", "Whom to ask next:"),
    "reason.cut_point_neighbour": ("vecina de {cut_point}, que sostiene sola a {cut_off} organización(es): su "
                                   "respuesta confirma o niega el vínculo del que depende la red",
                                   "neighbour of {cut_point}, which alone holds {cut_off} organization(s): its answer "
                                   "confirms or denies the tie the network hangs on"),
    "reason.region_without_answers": ("nadie respondió aún en {region} ({organizations} organizaciones)",
                                      "nobody in {region} has answered yet ({organizations} organizations)"),
    "reason.largest_unasked_group": ("el grupo de {size} organizaciones donde nadie respondió",
                                     "the group of {size} organizations where nobody answered"),
    "reason.no_tie_not_asked": ("sin vínculos registrados y nunca consultada", "no recorded tie and never asked"),
    "diff.title": ("Cambios desde la ronda anterior", "What changed since the previous round"),
    "diff.round": ("Ronda {round}, comparada con {previous}.", "Round {round}, compared with {previous}."),
    "diff.round_previous": ("la ronda {name}", "round {name}"),
    "diff.round_first": ("los datos anteriores a las encuestas (la primera ronda)",
                    "the data before any survey (round one)"),
    "diff.sizes": ("Organizaciones: {o1} → {o2}. Vínculos: {t1} → {t2}. Sin vínculos registrados: {i1} → {i2}. Grupos: {g1} → {g2}. "
              "Puntos únicos de falla: {c1} → {c2}. Asientos de la Mesa: {m1} → {m2}.",
              "Organizations: {o1} → {o2}. Ties: {t1} → {t2}. Without recorded ties: {i1} → {i2}. Groups: {g1} → {g2}. "
              "Single points of failure: {c1} → {c2}. Mesa seats: {m1} → {m2}."),
    "diff.organizations_added": ("Organizaciones nuevas", "New organizations"),
    "diff.organizations_removed": ("Organizaciones que ya no están", "Organizations no longer there"),
    "diff.ties_added": ("Vínculos nuevos", "New ties"),
    "diff.ties_removed": ("Vínculos que ya no están", "Ties no longer there"),
    "diff.found_partner": ("Organizaciones que ya no están sin vínculos registrados",
                      "Organizations no longer without recorded ties"),
    "diff.cut_points_gone": ("Puntos únicos de falla que dejaron de serlo", "Single points of failure no longer"),
    "diff.cut_points_appeared": ("Nuevos puntos únicos de falla", "New single points of failure"),
    "diff.bridges_gone": ("Puentes que ya no son únicos", "Bridges no longer single"),
    "diff.bridges_appeared": ("Nuevos puentes únicos", "New single bridges"),
    "diff.groups_merged": ("Grupos que se unieron", "Groups that merged"),
    "diff.regions_newly_national": ("Regiones ahora unidas a una red nacional", "Regions now tied to a national network"),
    "diff.mesa_joined": ("Nuevas en la Mesa propuesta", "New in the proposed Mesa"),
    "diff.mesa_left": ("Ya no están en la Mesa propuesta", "No longer in the proposed Mesa"),
    "diff.merged": ("grupos de {sizes} organizaciones son ahora uno de {size} (p. ej. {example})",
               "groups of {sizes} organizations are now one of {size} (e.g. {example})"),
    "none": ("ninguno", "none"),
    "no_region": ("Sin región", "No region"),
})


#: The lists of a diff, in the order they are told.
LISTS = ("organizations_added", "organizations_removed", "ties_added", "ties_removed", "found_partner",
         "cut_points_gone", "cut_points_appeared", "bridges_gone", "bridges_appeared", "groups_merged",
         "regions_newly_national", "mesa_joined", "mesa_left")
#: Most items told per list (the rest is counted).
LIST_LIMIT = 50


def changes_title(lang: str) -> str:
    """``Cambios desde la ronda anterior``."""
    return ROUND_TEXTS.t("diff.title", lang)


def round_text(round_name: str, previous: str | None, lang: str) -> str:
    """Which rounds are compared: ``previous`` None is the data before any survey."""
    before = (ROUND_TEXTS.t("diff.round_previous", lang, name=previous) if previous is not None
              else ROUND_TEXTS.t("diff.round_first", lang))
    return ROUND_TEXTS.t("diff.round", lang, round=round_name, previous=before)


def sizes_text(d: Mapping[str, Any], lang: str) -> str:
    """The size, fragmentation and Mesa of both maps in one sentence."""
    b, a = d["before"], d["after"]
    return ROUND_TEXTS.t("diff.sizes", lang, o1=b["organizations"], o2=a["organizations"], t1=b["ties"],
                         t2=a["ties"], i1=b["isolated"], i2=a["isolated"], g1=b["groups"], g2=a["groups"],
                         c1=b["articulation_points"], c2=a["articulation_points"], m1=d["mesa_seats"]["before"],
                         m2=d["mesa_seats"]["after"])


def change_lists(d: Mapping[str, Any], lang: str, *, empty: bool = True,
                 region_names: Mapping[str, str] | None = None) -> list[tuple[str, list[str]]]:
    """``(heading with its count, items)`` per list of :data:`LISTS`, items as plain text.

    At most :data:`LIST_LIMIT` items each (then ``… (+n)``); an empty list is
    told as ``ninguno``, or left out when not ``empty``. Regions are named
    from ``region_names`` (id → name) when given.
    """
    out = []
    for key in LISTS:
        items = d.get(key, [])
        if not items and not empty:
            continue
        if key == "regions_newly_national":
            items = [(region_names or {}).get(region, region) for region in items]
        lines = [_item(item, lang) for item in items[:LIST_LIMIT]] or [ROUND_TEXTS.t("none", lang)]
        if len(items) > LIST_LIMIT:
            lines.append(f"… (+{len(items) - LIST_LIMIT})")
        out.append((f"{ROUND_TEXTS.t('diff.' + key, lang)} ({len(items)})", lines))
    return out


def coverage_text(c: Coverage, lang: str, *, region_names: dict[str, str] | None = None) -> str:
    """The survey status as plain text for the terminal."""
    t = ROUND_TEXTS.t
    names = {"?": t("no_region", lang), **(region_names or {})}
    total = len(c.answered) + len(c.not_answered)
    lines = [t("status_title", lang), t("status_rounds", lang, rounds=", ".join(c.rounds) or t("none", lang)),
             t("status_counts", lang, answered=len(c.answered), total=total, not_answered=len(c.not_answered)),
             t("status_no_tie", lang, isolated=len(c.isolated), not_asked=len(c.not_asked)),
             t("status_confirmations", lang, mutual=c.confirmations.get("mutual", 0),
               one_sided=c.confirmations.get("one-sided", 0), disputed=c.confirmations.get("disputed", 0)),
             "", t("status_region", lang)]
    lines += [f"  {names.get(row['group'], row['group']):<28} {row['answered']:>4} / {row['organizations']}"
              for row in c.by_group["region"]]
    lines += ["", t("status_next", lang)]
    for row in c.ask_next:
        detail = {k: names.get(str(v), v) for k, v in row.items()}
        lines.append(f"  - {row['name']} ({row['id']}): " + t(f"reason.{row['reason']}", lang, **detail))
    return "\n".join(lines)


def _item(item: Any, lang: str) -> str:
    if isinstance(item, str):
        return item
    if "a" in item:
        return f"{item['a']['name']} — {item['b']['name']}"
    if "sizes" in item:
        return ROUND_TEXTS.t("diff.merged", lang, sizes=" + ".join(map(str, item["sizes"])), size=item["size_after"],
                             example=item["example"]["name"])
    return str(item["name"])
