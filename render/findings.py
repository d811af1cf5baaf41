"""What the analyses found, in a planner's words: the one place where results become sentences.

:func:`essgraph.analysis.analyze` returns codes and numbers (a role's ``rule``,
each recommendation's ``reason``, what a pair shares in ``why``); this module
words them in Spanish (English with ``lang="en"``) and picks, sorts and
shortens the findings that both the Markdown summary (:mod:`essgraph.render.markdown`)
and the HTML report (:mod:`essgraph.render.report_folder`) show, so the two
always say the same thing.

Examples
--------
>>> rule_text({"code": "hub", "degree": 5, "threshold": 5, "percentile": 90, "minimum": 3}, "en")
'hub: 5 ties, at least 5 (degree percentile 90 and minimum 3)'
>>> why = [{"kind": "region", "value": "cusco"}, {"kind": "network", "value": "red", "name": "Red X"}]
>>> shared_text(why, {"region": {"cusco": "Cusco"}}, "es")
'la región Cusco y la red Red X'
>>> names_list([{"name": "A"}, {"name": "B"}, {"name": "C"}], 2)
'A, B (+1)'
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from essgraph.analysis.result import AnalysisResult, BridgeRow, Candidate, ComponentRow, CutPoint, NewTie, Ref, Seat
from essgraph.graphmodel import REL_SPECS
from essgraph.graphmodel.terms import node_label_names, term_label, type_label
from essgraph.graphmodel.vocab import SECTORS
from essgraph.i18n import Catalog

__all__ = ["FINDINGS", "Labels", "kind_label", "type_names", "role_label", "rule_text", "group_name", "shared_text", "alliance_text", "partner_text",
           "seat_text", "names_list", "top_cut_points", "top_bridges", "other_groups", "best_partners"]

#: Display names of group values in a result (``result.labels``): ``{"region": {"cusco": "Cusco"}, ...}``.
Labels = Mapping[str, Mapping[str, str]]

FINDINGS = Catalog({
    # roles and the rules that assign them
    "role.hub": ("nodo central", "hub"),
    "role.broker": ("articulador", "broker"),
    "role.peripheral": ("periférica", "peripheral"),
    "role.isolate": ("aislada", "isolate"),
    "rule.isolate": ("aislada: no tiene ningún vínculo", "isolate: it has no tie"),
    "rule.hub": ("nodo central: {degree} vínculos, al menos {threshold} (percentil {percentile} del grado y mínimo {minimum})",
                 "hub: {degree} ties, at least {threshold} (degree percentile {percentile} and minimum {minimum})"),
    "rule.broker-cut": ("articulador: es punto de articulación (si desaparece, la red se parte)",
                        "broker: an articulation point (if it goes, the network splits)"),
    "rule.broker-between": (
        "articulador: intermediación {betweenness} en el percentil {percentile} o más y vínculos con {reached} comunidades",
        "broker: betweenness {betweenness} at or above percentile {percentile} and ties into {reached} communities"),
    "rule.peripheral": ("periférica: {degree} vínculo(s), sin ser nodo central ni articulador",
                        "peripheral: {degree} tie(s), neither hub nor broker"),
    # what a pair shares
    "shared.region": ("la región {value}", "the region {value}"),
    "shared.sector": ("el sector {value}", "the sector {value}"),
    "shared.network": ("la red {value}", "the network {value}"),
    "shared.partner": ("el vínculo con {value}", "a tie with {value}"),
    "and": (" y ", " and "),
    # weaving recommendations
    "reason.augment": (
        "Una alianza entre {a} y {b}, que comparten {why}, cerraría {what}.",
        "An alliance between {a} and {b}, which share {why}, would close {what}."),
    "reason.prepares": (
        "Una alianza entre {a} y {b}, que comparten {why}, prepara el cierre de los puntos únicos de falla que quedan.",
        "An alliance between {a} and {b}, which share {why}, prepares closing the remaining single points of failure."),
    "and_more": (" y {n} más", " and {n} more"),
    "what.cut-points": ("el punto único de falla en {names}", "the single point of failure at {names}"),
    "what.bridges": ("{n} puente(s) cuya pérdida parte la red", "{n} bridge(s) whose loss splits the network"),
    "reason.partner": (
        "{partner} comparte con {target} {why}; ya tiene {degree} vínculo(s){reach}.",
        "{partner} shares {why} with {target}; it already has {degree} tie(s){reach}."),
    "reach.national": (" y llega a una red nacional en {hops} paso(s)", " and reaches a national network in {hops} step(s)"),
    "reach.is_national": (" y es una red nacional", " and is a national network"),
    # the Mesa
    "reason.seat": (
        "Primer asiento de la tabla que representa a {n} organización(es){extra}.",
        "The first seat in the table to represent {n} organization(s){extra}."),
    "seat.macro_region": (", de la macro región {value}", ", from macro-region {value}"),
    "seat.sector": (", del sector {value}", ", from sector {value}"),
    "no_group": ("sin macro región", "no macro-region"),
})


def kind_label(kind: str | None, lang: str = "es") -> str:
    """The name of an organization's kind (the code itself when the vocabulary lacks it).

    >>> kind_label("ngo", "en"), kind_label(None)
    ('NGO', '')
    """
    return str(term_label("org_kind", kind or "", lang))


def type_names(names: Sequence[str], lang: str = "es") -> str:
    """Relationship types or node labels in words, as the model names them (the code when it has no name).

    >>> type_names(["MEMBER_OF", "ALLIED_WITH"], "es"), type_names(["Organization"], "en")
    ('Miembro de, Aliado con', 'Organization')
    """
    return ", ".join(type_label(n, lang) if n in REL_SPECS else node_label_names([n], lang)[0] for n in names)


def role_label(role: str, lang: str = "es") -> str:
    """The name of a role (``hub``, ``broker``, ``peripheral``, ``isolate``).

    >>> role_label("broker", "es")
    'articulador'
    """
    return FINDINGS.t(f"role.{role}", lang)


def rule_text(rule: Mapping[str, Any], lang: str = "es") -> str:
    """The rule that gave an organization its role (``roles[...]["rule"]``), with its numbers."""
    return FINDINGS.t(f"rule.{rule['code']}", lang, **{k: v for k, v in rule.items() if k != "code"})


def group_name(kind: str, value: str | None, labels: Labels, lang: str = "es") -> str:
    """The display name of a region, macro-region or sector (``value`` when unnamed; a mark when missing).

    >>> group_name("sector", "a01", {}, "en") != "a01", group_name("macro_region", None, {}, "en")
    (True, 'no macro-region')
    """
    if not value or value == "?":
        return FINDINGS.t("no_group", lang)
    if kind == "sector" and value in SECTORS:
        return str(term_label("sector", value, lang))
    return str(labels.get(kind, {}).get(value, value))


def shared_text(why: Sequence[Mapping[str, Any]], labels: Labels, lang: str = "es", *, limit: int = 3) -> str:
    """One phrase for what a pair shares (``why`` of a recommendation; at most ``limit`` items)."""
    parts = [FINDINGS.t(f"shared.{w['kind']}", lang,
                        value=w["name"] if "name" in w else group_name(w["kind"], w["value"], labels, lang))
             for w in why[:limit]]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + FINDINGS.t("and", lang) + parts[-1]


def alliance_text(tie: NewTie, labels: Labels, lang: str = "es") -> str:
    """Why a new alliance is proposed (a row of ``recommendations.augmentation.new_ties``)."""
    values = {"a": tie["a"]["name"], "b": tie["b"]["name"], "why": shared_text(tie["why"], labels, lang)}
    reason = tie["reason"]
    if reason["code"] == "cut-points":
        closes = tie["closes"]
        listed = ", ".join(str(c["name"]) for c in closes[:3])
        if len(closes) > 3:
            listed += FINDINGS.t("and_more", lang, n=len(closes) - 3)
        return FINDINGS.t("reason.augment", lang, what=FINDINGS.t("what.cut-points", lang, names=listed), **values)
    if reason["code"] == "bridges":
        return FINDINGS.t("reason.augment", lang, what=FINDINGS.t("what.bridges", lang, n=reason["bridges"]), **values)
    return FINDINGS.t("reason.prepares", lang, **values)


def partner_text(target: Ref, candidate: Candidate, labels: Labels, lang: str = "es") -> str:
    """Why ``candidate`` (of ``recommendations.partners``) is suggested as a partner of ``target``."""
    hops = candidate["reason"]["hops_to_national"]
    reach = ("" if hops is None else FINDINGS.t("reach.is_national", lang) if hops == 0
             else FINDINGS.t("reach.national", lang, hops=hops))
    return FINDINGS.t("reason.partner", lang, partner=candidate["partner"]["name"], target=target["name"],
                      why=shared_text(candidate["why"], labels, lang), degree=candidate["reason"]["degree"], reach=reach)


def seat_text(seat: Seat, labels: Labels, lang: str = "es") -> str:
    """Why an organization has a seat at the proposed Mesa (a row of ``mesa.seats``)."""
    reason = seat["reason"]
    extra = "".join(FINDINGS.t(f"seat.{kind}", lang, value=group_name(kind, reason[kind], labels, lang))
                    for kind in ("macro_region", "sector") if reason.get(kind))
    return FINDINGS.t("reason.seat", lang, n=reason["new"], extra=extra)


def names_list(items: Sequence[Mapping[str, object]], limit: int) -> str:
    """The names of the first ``limit`` organizations, and how many more (the one way lists are shortened)."""
    names = [str(x.get("name") or x.get("id")) for x in items[:limit]]
    more = len(items) - limit
    return ", ".join(names) + (f" (+{more})" if more > 0 else "")


def top_cut_points(result: AnalysisResult, top: int) -> list[CutPoint]:
    """The ``top`` articulation points that cut off the most organizations (ties by id)."""
    return sorted(result.articulation_points, key=lambda a: (-a["cut_off_count"], str(a["id"])))[:top]


def top_bridges(result: AnalysisResult, top: int) -> list[BridgeRow]:
    """The ``top`` bridges that cut off the most organizations."""
    return sorted(result.bridges, key=lambda b: (-b["cut_off_count"], str(b["u"]["id"]), str(b["v"]["id"])))[:top]


def other_groups(result: AnalysisResult) -> list[ComponentRow]:
    """The groups of two or more organizations with no tie to the largest one, largest first."""
    return [c for c in result.components if c["size"] > 1][1:]


def best_partners(result: AnalysisResult) -> list[tuple[Ref, Candidate]]:
    """Each organization with a suggested partner, and its best candidate."""
    return [(p["target"], p["candidates"][0]) for p in result.recommendations["partners"]
            if p["candidates"]]
