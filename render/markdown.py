"""A five-minute Markdown summary of :func:`essgraph.analysis.pipeline.analyze` for planners.

Spanish by default, English with ``lang="en"``. It reads only the JSON-ready
result, so a saved ``analysis.json`` can be rendered again later, in either
language; the findings are picked and worded by :mod:`essgraph.render.findings`,
as in the HTML report. Sections: the changes since the previous round (when the
data holds a survey round, worded by :mod:`essgraph.render.rounds`), the
main hubs, the disconnected groups, the single points of failure, the regions
left out, communities, person bridges, the proposed new alliances and Mesa,
and how it was computed.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> from essgraph.analysis.pipeline import analyze
>>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...                  Node("a", ("Organization",), {"name": "A"})], [Relationship("MEMBER_OF", "a", "gresp", ev)])
>>> md = to_markdown(analyze(G))
>>> md.splitlines()[0]
'# Análisis de la red de Economía Social y Solidaria'
>>> "## Mesa de Economía Solidaria propuesta" in md
True
"""
from __future__ import annotations

import re

from dataclasses import dataclass
from typing import Any, Mapping

from essgraph.analysis.result import AnalysisResult
from essgraph.graphmodel.vocab import evidence_counts
from essgraph.i18n import Catalog
from essgraph.render.rounds import change_lists, changes_title, round_text, sizes_text
from essgraph.render.findings import (
    Labels, alliance_text, best_partners, group_name, kind_label, names_list, partner_text, role_label, top_bridges,
    top_cut_points, type_names,
)

__all__ = ["to_markdown", "changes_markdown", "markdown_literal", "markdown_text"]

T = Catalog({
    "title": ("# Análisis de la red de Economía Social y Solidaria", "# Analysis of the Social and Solidarity Economy network"),
    "source": ("Fuente: {dataset}.", "Source: {dataset}."),
    "summary": ("## En cinco minutos", "## In five minutes"),
    "s.size": ("- **{organizations}** organizaciones ({networks} redes, plataformas o mesas) y **{ties}** vínculos entre ellas.",
               "- **{organizations}** organizations ({networks} networks, platforms or mesas) and **{ties}** ties among them."),
    "s.isolated": ("- **{isolated}** organizaciones no tienen ningún vínculo registrado (el informe no preguntó a cada una: no quiere decir aisladas) y **{one_tie}** dependen de uno solo.",
                   "- **{isolated}** organizations have no recorded tie (the report did not ask each one: it does not mean isolated) and **{one_tie}** hang on a single one."),
    "s.groups": ("- Las organizaciones conectadas forman **{groups}** grupos que no se comunican entre sí; el mayor reúne {largest_group}.",
                 "- Connected organizations form **{groups}** groups that do not reach each other; the largest has {largest_group}."),
    "s.cuts": ("- **{articulation_points}** organizaciones y **{bridges}** vínculos son puntos únicos de falla: si faltan, la red se parte.",
               "- **{articulation_points}** organizations and **{bridges}** ties are single points of failure: without them the network splits."),
    "s.proposal": ("- Proponemos **{new_alliances}** alianzas nuevas para que el grupo principal no tenga puntos únicos de falla, y una Mesa de **{mesa_seats}** asientos.",
                   "- We propose **{new_alliances}** new alliances so the main group has no single point of failure, and a Mesa of **{mesa_seats}** seats."),
    "hubs": ("## Principales nodos", "## Main hubs"),
    "hubs.head": ("| # | Organización | Vínculos | Intermediación | Rol |\n|---|---|---|---|---|",
                  "| # | Organization | Ties | Betweenness | Role |\n|---|---|---|---|---|"),
    "groups": ("## Grupos desconectados", "## Disconnected groups"),
    "groups.main": ("El grupo principal reúne **{size}** organizaciones; sus redes nacionales: {networks}.",
                    "The main group has **{size}** organizations; its national networks: {networks}."),
    "groups.other": ("Otros grupos, sin vínculo con el principal:", "Other groups, with no tie to the main one:"),
    "groups.isolated": ("Sin ningún vínculo registrado: **{n}** organizaciones; por macro región: {where}.",
                        "With no recorded tie: **{n}** organizations; by macro-region: {where}."),
    "cuts": ("## Puntos únicos de falla", "## Single points of failure"),
    "cuts.head": ("| Organización | Si falta, quedan aisladas | Entre ellas |\n|---|---|---|",
                  "| Organization | Without it, cut off | Among them |\n|---|---|---|"),
    "cuts.none": ("No hay puntos únicos de falla.", "There is no single point of failure."),
    "bridges": ("Vínculos puente (su pérdida parte la red): {list}.", "Bridge ties (their loss splits the network): {list}."),
    "left": ("## Regiones y sectores que quedan fuera", "## Regions and sectors left out"),
    "left.regions": ("Regiones sin ningún vínculo directo con una red nacional: {list}.",
                     "Regions with no direct tie to a national network: {list}."),
    "left.empty": ("Regiones sin organizaciones en el mapeo: {list}.", "Regions with no organization in the mapping: {list}."),
    "left.ei": ("Índice E-I entre macro regiones: {ei} (−1: todos los vínculos quedan dentro de cada macro región; +1: todos cruzan).",
                "E-I index between macro-regions: {ei} (−1: every tie stays inside a macro-region; +1: every tie crosses)."),
    "left.sector_ei": ("Índice E-I entre sectores: {ei}.", "E-I index between sectors: {ei}."),
    "left.coop": ("Cooperativas y redes de ESS: {coops} cooperativas, {networks} redes; {direct} vínculo(s) directo(s) entre ambos mundos; {reach} cooperativa(s) llegan por algún camino a una red de ESS.",
                  "Cooperatives and ESS networks: {coops} cooperatives, {networks} networks; {direct} direct tie(s) between the two worlds; {reach} cooperative(s) reach an ESS network by some path."),
    "communities": ("## Comunidades y núcleo", "## Communities and core"),
    "communities.line": ("Louvain (semilla {seed}) encuentra {n} comunidades, modularidad {q}. Las mayores:",
                         "Louvain (seed {seed}) finds {n} communities, modularity {q}. The largest:"),
    "communities.line.gds": ("Louvain, en Neo4j Graph Data Science, encuentra {n} comunidades, modularidad {q}. Las mayores:",
                             "Louvain, in Neo4j Graph Data Science, finds {n} communities, modularity {q}. The largest:"),
    "communities.item": ("- {size} organizaciones, sobre todo de {region} ({sector}): {members}",
                         "- {size} organizations, mostly from {region} ({sector}): {members}"),
    "core": ("Núcleo ({k}-core, cada miembro con al menos {k} vínculos dentro): {members}.",
             "Core ({k}-core, each member with at least {k} ties inside): {members}."),
    "core.none": ("La red no tiene núcleo denso (máximo {k}-core).", "The network has no dense core (at most a {k}-core)."),
    "people": ("## Puentes personales", "## Person bridges"),
    "people.line": ("{n} personas entrevistadas hablan por dos o más organizaciones; unen {pairs} pares, {new} de ellos sin otro vínculo declarado.",
                    "{n} interviewees speak for two or more organizations; they join {pairs} pairs, {new} of them with no other stated tie."),
    "alliances": ("## Nuevas alianzas propuestas", "## Proposed new alliances"),
    "alliances.line": ("Para que ninguna organización ni vínculo del grupo principal sea punto único de falla ({n} alianzas; mínimo teórico {lb}):",
                       "So that no organization or tie of the main group is a single point of failure ({n} alliances; theoretical minimum {lb}):"),
    "alliances.left": ("Quedan sin resolver con pares plausibles: {list}.", "Left unresolved with plausible pairs: {list}."),
    "partners": ("Socios sugeridos para iniciativas aisladas o con un solo vínculo (el mejor de tres; la lista completa está en el JSON):",
                 "Suggested partners for isolated or one-tie initiatives (the best of three; the full list is in the JSON):"),
    "mesa": ("## Mesa de Economía Solidaria propuesta", "## Proposed Mesa de Economía Solidaria"),
    "mesa.head": ("| # | Organización | Tipo | Macro región | Representa a |\n|---|---|---|---|---|",
                  "| # | Organization | Kind | Macro-region | Represents |\n|---|---|---|---|---|"),
    "mesa.coverage": ("Cobertura: {org} de las organizaciones conectadas a un paso; {macro} macro regiones; {sector} sectores principales.",
                      "Coverage: {org} of connected organizations within one step; {macro} macro-regions; {sector} main sectors."),
    "mesa.out": ("Quedan sin representar **{n}** organizaciones (todas sin vínculos{extra}).",
                 "**{n}** organizations stay unrepresented (all without ties{extra})."),
    "mesa.out_extra": (", salvo {list}", ", except {list}"),
    "time": ("## Evolución", "## Over time"),
    "time.line": ("- Hasta {year}: {organizations} organizaciones, {ties} vínculos, {groups} grupos, {isolated} aisladas.",
                  "- Up to {year}: {organizations} organizations, {ties} ties, {groups} groups, {isolated} isolated."),
    "time.undated": ("{n} relaciones no tienen año y se cuentan en todos los años.",
                     "{n} relationships have no year and count in every year."),
    "time.changes": ("Entre {since} y {until}: {ties} vínculos nuevos, {orgs} organizaciones nuevas, {conn} organizaciones salen del aislamiento.",
                     "Between {since} and {until}: {ties} new ties, {orgs} new organizations, {conn} organizations leave isolation."),
    "method": ("## Cómo se calculó", "## How it was computed"),
    "method.ties": ("Vínculos: {types} entre nodos {labels}, en ambos sentidos; evidencia {evidence}; {year}. Organizaciones excluidas por estado: {status}.",
                    "Ties: {types} between {labels} nodes, both directions; evidence {evidence}; {year}. Organizations excluded by status: {status}."),
    "method.stated": ("declarada en el informe", "stated in the report"),
    "method.reported": ("declarada por las organizaciones en una encuesta", "reported by the organizations in a survey"),
    "method.imported": ("importada de otro mapa", "imported from another map"),
    "method.inferred": ("inferida (contactos o entrevistados compartidos)", "inferred (shared contacts or interviewees)"),
    "method.or": (" o ", " or "),
    "method.year_all": ("todos los años", "all years"),
    "method.year": ("red hasta {year} (las relaciones sin año se mantienen)", "network up to {year} (undated relationships kept)"),
    "method.roles": ("Roles: nodo central con al menos {hub} vínculos; articulador si es punto de articulación o tiene intermediación ≥ {broker} y vínculos con dos o más comunidades; aisladas sin vínculos; periféricas las demás.",
                     "Roles: hub with at least {hub} ties; broker if an articulation point or betweenness ≥ {broker} with ties into two or more communities; isolates without ties; peripheral the rest."),
    "method.more": ("Detalle de cada medida en docs/analysis.md; todos los resultados, en el JSON.",
                    "Each measure is described in docs/analysis.md; every result is in the JSON."),
    "none": ("ninguna", "none"),
})


def markdown_literal(value: Any) -> Any:
    r"""``value`` with every text from data made literal Markdown: one line, markup characters escaped.

    Names, reasons and the dataset's metadata come from data files: a line break
    would start a heading, ``|`` a table cell, ``<img onerror>`` or ``[x](javascript:…)``
    markup. Lists and dicts are escaped throughout (their keys and numbers stay).

    >>> markdown_literal({"name": "Coop\n# Hack | <img src=x onerror=alert(1)> [x](javascript:y)"})["name"]
    'Coop \\# Hack \\| \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:y)'
    """
    if isinstance(value, str):
        return markdown_text(value)
    if isinstance(value, dict):
        return {k: markdown_literal(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(markdown_literal(v) for v in value)
    return value


def markdown_text(value: object) -> str:
    """``value`` as one line of literal Markdown text (:func:`markdown_literal` of its ``str``).

    >>> markdown_text("A | B")
    'A \\\\| B'
    """
    return _MARKUP.sub(r"\\\g<0>", " ".join(str(value).split()))


_MARKUP = re.compile(r"[\\`*_{}\[\]<>#|!]")


def to_markdown(result: AnalysisResult, lang: str = "es", *, top: int = 10) -> str:
    """Render :func:`analyze`'s result as a Markdown summary a planner reads in five minutes.

    Every text from data goes through :func:`markdown_literal` first.

    Parameters
    ----------
    result : dict
        The result of :func:`essgraph.analysis.pipeline.analyze` (or its JSON read back).
    lang : {"es", "en"}
        Language of the summary.
    top : int
        How many rows per table.

    Returns
    -------
    str
        Markdown, ending with a newline.
    """
    changes = _changes(result, lang)  # from the result as it is: changes_markdown makes its texts literal
    result = AnalysisResult.from_json(markdown_literal(result.to_json()))
    w = _Words(lang, result.labels)
    sections = (_hubs, _groups, _cuts, _left_out, _communities, _alliances, _mesa, _timeline, _method)
    return "\n".join(_headline(result, w, top) + changes + [line for section in sections
                                                              for line in section(result, w, top)])


def changes_markdown(d: Mapping[str, Any], lang: str, *, level: int = 1, empty: bool = True,
                     round_name: str | None = None, previous: str | None = None,
                     region_names: Mapping[str, str] | None = None) -> str:
    """What changed, in Markdown: a heading of ``level``, the rounds compared (when ``round_name``), the lists.

    ``d`` holds the fields of a :class:`~essgraph.analysis.diff.NetworkDiff`
    (``dataclasses.asdict``), worded by :mod:`essgraph.render.rounds`; every
    text from data goes through :func:`markdown_text`. ``essgraph diff`` writes
    it as a page, :func:`to_markdown` as the section "Cambios desde la ronda anterior".

    >>> from dataclasses import asdict
    >>> import networkx as nx
    >>> from essgraph.analysis.diff import compare
    >>> d = asdict(compare(nx.Graph([("a", "b")]), nx.Graph([("a", "b"), ("b", "<c>")])))
    >>> md = changes_markdown(d, "en", level=2, empty=False, round_name="r2").splitlines()
    >>> md[0], md[2]
    ('## What changed since the previous round', 'Round r2, compared with the data before any survey (round one).')
    >>> md[6:9]
    ['### New organizations (1)', '', '- \\\\<c\\\\>']
    """
    out = [f"{'#' * level} {changes_title(lang)}", ""]
    if round_name is not None:
        out += [markdown_text(round_text(round_name, previous, lang)), ""]
    out.append(sizes_text(d, lang))
    for heading, lines in change_lists(d, lang, empty=empty, region_names=region_names):
        out += ["", f"{'#' * (level + 1)} {heading}", ""] + [f"- {markdown_text(line)}" for line in lines]
    return "\n".join(out) + "\n"


@dataclass(frozen=True)
class _Words:
    """How one summary speaks: its language and the result's names of regions."""

    lang: str
    labels: Labels

    def t(self, key: str, **values: Any) -> str:
        return T.t(key, self.lang, **values)

    def group(self, kind: str, value: str | None) -> str:
        return group_name(kind, value, self.labels, self.lang)


def _headline(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    s = result.summary
    out = [w.t("title"), ""]
    if result.meta["dataset"]:
        out += [w.t("source", dataset=result.meta["dataset"]), ""]
    return out + [w.t("summary"), "", w.t("s.size", **s), w.t("s.isolated", **s), w.t("s.groups", **s),
                  w.t("s.cuts", **s), w.t("s.proposal", **s), ""]


def _hubs(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    roles = {r["id"]: role_label(r["role"], w.lang) for r in result.roles["roles"]}
    return [w.t("hubs"), "", w.t("hubs.head")] + [
        f"| {h['rank']} | {h['name']} | {h['degree']} | {h['betweenness']:.3f} | {roles.get(h['id'], '')} |"
        for h in result.hubs["overall"][:top]]


def _groups(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    comps = [c for c in result.components if c["size"] > 1]
    out = ["", w.t("groups"), ""]
    if comps:
        out.append(w.t("groups.main", size=comps[0]["size"],
                       networks=names_list(comps[0]["national_networks"], 6) or w.t("none")))
    if len(comps) > 1:
        out += ["", w.t("groups.other")] + [f"- {names_list(c['members'], 5)}" for c in comps[1:top + 1]]
    iso = result.isolated
    where = sorted((r for r in iso["by_group"]["macro_region"] if r["isolated"]), key=lambda r: -r["isolated"])
    return out + ["", w.t("groups.isolated", n=len(iso["isolated"]), where=", ".join(
        f"{w.group('macro_region', r['group'])} ({r['isolated']})" for r in where) or "?"), ""]


def _cuts(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    out = [w.t("cuts"), ""]
    if result.articulation_points:
        out.append(w.t("cuts.head"))
        out += [f"| {c['name']} | {c['cut_off_count']} | {names_list(c['cut_off'], 4)} |"
                for c in top_cut_points(result, top)]
    else:
        out.append(w.t("cuts.none"))
    if result.bridges:
        listed = "; ".join(f"{b['u']['name']} – {b['v']['name']} ({b['cut_off_count']})" for b in top_bridges(result, 5))
        out += ["", w.t("bridges", list=listed)]
    return out


def _left_out(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    gaps = result.group_gaps
    left = [r for r in gaps["regions"] if r["left_out"] and r["organizations"]]
    empty = [r for r in gaps["regions"] if not r["organizations"]]
    coop = gaps["cooperatives_vs_networks"]
    out = ["", w.t("left"), "",
           w.t("left.regions", list=", ".join(f"{r['name']} ({r['organizations']})" for r in left) or w.t("none"))]
    if empty:
        out.append("\n" + w.t("left.empty", list=", ".join(r["name"] for r in empty)))
    return out + ["", w.t("left.ei", ei=_num(gaps["macro_region"]["ei_index"])), "",
                  w.t("left.sector_ei", ei=_num(gaps["sector"]["ei_index"])), "",
                  w.t("left.coop", coops=len(coop["cooperatives"]), networks=len(coop["ess_networks"]),
                      direct=len(coop["direct_ties"]), reach=coop["cooperatives_reaching_networks"]), ""]


def _communities(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    com, core = result.communities, result.core_periphery
    line = "communities.line.gds" if result.meta.get("engine") == "gds" else "communities.line"  # older results: no engine
    out = [w.t("communities"), "", w.t(line, seed=com["seed"], n=len(com["communities"]), q=_num(com["modularity"])), ""]
    for c in com["communities"][:5]:
        dom = c["dominant"]
        out.append(w.t("communities.item", size=c["size"], region=w.group("region", (dom.get("region") or {}).get("value")),
                       sector=w.group("sector", (dom.get("sector") or {}).get("value")),
                       members=names_list(c["members"], 4)))
    out += ["", w.t("core", k=core["k"], members=names_list(core["core"], 8)) if core["core"]
            else w.t("core.none", k=core["k"]), ""]
    pb = result.person_bridges
    return out + [w.t("people"), "", w.t("people.line", n=len(pb["people"]), pairs=len(pb["pairs"]),
                                         new=pb["new_links"]), ""]


def _alliances(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    aug = result.recommendations["augmentation"]
    out = [w.t("alliances"), "", w.t("alliances.line", n=len(aug["new_ties"]), lb=aug["lower_bound"]), ""]
    out += [f"{i}. {alliance_text(a, w.labels, w.lang)}" for i, a in enumerate(aug["new_ties"], start=1)]
    if aug["remaining"]:
        out += ["", w.t("alliances.left", list=names_list(aug["remaining"], 8))]
    return out + ["", w.t("partners"), ""] + [f"- {partner_text(target, best, w.labels, w.lang)}"
                                              for target, best in best_partners(result)[:top]]


def _mesa(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    m = result.mesa
    out = ["", w.t("mesa"), "", w.t("mesa.head")]
    out += [f"| {i} | {seat['name']} | {kind_label(seat['kind'], w.lang)} | "
            f"{w.group('macro_region', seat['macro_region'])} | {seat['represents']} |"
            for i, seat in enumerate(m["seats"], start=1)]
    cov = m["coverage"]
    pct = lambda c: f"{c['covered']}/{c['total']}"  # noqa: E731
    isolated_ids = {r["id"] for r in result.isolated["isolated"]}
    tied_out = [u for u in m["unrepresented"] if u["id"] not in isolated_ids]
    extra = w.t("mesa.out_extra", list=names_list(tied_out, 6)) if tied_out else ""
    return out + ["", w.t("mesa.coverage", org=pct(cov["organizations"]), macro=pct(cov["macro_regions"]),
                          sector=pct(cov["main_sectors"])), "",
                  w.t("mesa.out", n=len(m["unrepresented"]), extra=extra), ""]


def _timeline(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    timeline = result.timeline
    if not timeline.get("years"):
        return []
    out = [w.t("time"), ""] + [w.t("time.line", **y) for y in timeline["years"]]
    out += ["", w.t("time.undated", n=timeline["years"][-1]["undated_relationships"])]
    ch = timeline.get("changes")
    if ch:
        out += ["", w.t("time.changes", since=ch["since"], until=ch["until"], ties=len(ch["new_ties"]),
                        orgs=len(ch["new_organizations"]), conn=len(ch["newly_connected"]))]
    return out + [""]


def _method(result: AnalysisResult, w: _Words, top: int) -> list[str]:
    p = result.projection
    year = w.t("method.year", year=p["year"]) if p["year"] is not None else w.t("method.year_all")
    evidence = [e for e in ("stated", "imported", "reported", "inferred") if evidence_counts(
        e, include_inferred=p["include_inferred"], include_reported=p.get("include_reported", True))]
    return [w.t("method"), "",
            w.t("method.ties", types=type_names(p["relationship_types"], w.lang), labels=type_names(p["node_labels"], w.lang),
                evidence=w.t("method.or").join(w.t(f"method.{e}") for e in evidence), year=year,
                status=", ".join(p["exclude_status"]) or w.t("none")), "",
            w.t("method.roles", hub=result.roles["thresholds"].get("hub_degree"),
                broker=_num(result.roles["thresholds"].get("broker_betweenness"), 3)), "", w.t("method.more"), ""]


def _changes(result: AnalysisResult, lang: str) -> list[str]:
    """The section "Cambios desde la ronda anterior", when the data holds a survey round."""
    changed = result.survey.get("changes")
    if not changed:
        return []
    return [changes_markdown(changed["changes"], lang, level=2, empty=False, round_name=changed["round"],
                             previous=changed["previous"], region_names=result.labels.get("region", {}))]


def _num(x: float | None, digits: int = 2) -> str:
    return "–" if x is None else f"{x:.{digits}f}"

