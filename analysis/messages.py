"""Planner-facing text of the analyses: Spanish by default, English with ``lang="en"``.

>>> CATALOG.t("role.hub", "en")
'hub'
>>> sorted(ROLES)
['broker', 'hub', 'isolate', 'peripheral']
"""
from __future__ import annotations

from essgraph.i18n import Catalog

__all__ = ["CATALOG", "ROLES"]

#: The four roles, in the vocabulary of network weavers.
ROLES = ("hub", "broker", "peripheral", "isolate")

CATALOG = Catalog({
    # roles and the rules that assign them
    "role.hub": ("nodo central", "hub"),
    "role.broker": ("articulador", "broker"),
    "role.peripheral": ("periférica", "peripheral"),
    "role.isolate": ("aislada", "isolate"),
    "rule.isolate": ("aislada: no tiene ningún vínculo", "isolate: it has no tie"),
    "rule.hub": ("nodo central: {degree} vínculos, al menos {threshold} (percentil {pct} del grado y mínimo {minimum})",
                 "hub: {degree} ties, at least {threshold} (degree percentile {pct} and minimum {minimum})"),
    "rule.broker_cut": ("articulador: es punto de articulación (si desaparece, la red se parte)",
                        "broker: an articulation point (if it goes, the network splits)"),
    "rule.broker_between": (
        "articulador: intermediación {betweenness} en el percentil {pct} o más y vínculos con {reached} comunidades",
        "broker: betweenness {betweenness} at or above percentile {pct} and ties into {reached} communities"),
    "rule.peripheral": ("periférica: {degree} vínculo(s), sin ser nodo central ni articulador",
                        "peripheral: {degree} tie(s), neither hub nor broker"),
    # weaving recommendations
    "reason.augment": (
        "Una alianza entre {a} y {b}, que comparten {why}, cerraría {what}.",
        "An alliance between {a} and {b}, which share {why}, would close {what}."),
    "reason.augment_none": (
        "Una alianza entre {a} y {b}, que comparten {why}, prepara el cierre de los puntos únicos de falla que quedan.",
        "An alliance between {a} and {b}, which share {why}, prepares closing the remaining single points of failure."),
    "and_more": (" y {n} más", " and {n} more"),
    "what.cuts": ("el punto único de falla en {names}", "the single point of failure at {names}"),
    "what.bridges": ("{n} puente(s) cuya pérdida parte la red", "{n} bridge(s) whose loss splits the network"),
    "reason.partner": (
        "{partner} comparte con {target} {why}; ya tiene {degree} vínculo(s){reach}.",
        "{partner} shares {why} with {target}; it already has {degree} tie(s){reach}."),
    "reach.national": (" y llega a una red nacional en {hops} paso(s)", " and reaches a national network in {hops} step(s)"),
    "reach.is_national": (" y es una red nacional", " and is a national network"),
    # mesa
    "seat.reason": (
        "Representa a {n} organización(es) aún no representada(s){extra}.",
        "Represents {n} organization(s) not yet represented{extra}."),
    "seat.macro": (", de la macro región {value}", ", from macro-region {value}"),
    "seat.sector": (", del sector {value}", ", from sector {value}"),
})
