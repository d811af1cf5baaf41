"""Mapping rounds: what an organization can answer about its ties, and how answers become ties.

The 2018 report is round one. Later rounds ask each organization whom it works
with; the answers are ties with evidence ``reported``. This module holds the
rules every layer shares: the kinds of tie a respondent can name in plain words
(and the relationship type and direction each stands for), the verdicts on a
tie already on record, and the confirmation a reported tie earns.

Examples
--------
>>> TIE_ANSWERS["supported_by"].type, TIE_ANSWERS["supported_by"].outgoing
('SUPPORTS', False)
>>> TIE_ANSWERS["member_of"].term.es
'Somos miembros de'
>>> confirmation(reported_by={"a", "b"}, denied_by=set(), ends=("a", "b"))
'mutual'
>>> confirmation(reported_by={"a"}, denied_by={"b"}, ends=("a", "b"))
'disputed'
"""
from __future__ import annotations

from dataclasses import dataclass

from essgraph.graphmodel.vocab import Term

__all__ = [
    "RESPONSE_FORMAT", "RESPONSE_VERSION", "TieAnswer", "TIE_ANSWERS", "VERDICTS", "CONFIRMATIONS",
    "confirmation",
]

#: The ``format`` value of a response file, and the version this essgraph reads.
RESPONSE_FORMAT = "essgraph-survey-response"
RESPONSE_VERSION = 1


@dataclass(frozen=True)
class TieAnswer:
    """A kind of tie as a respondent names it: the relationship type and who is its start."""

    type: str
    outgoing: bool  # True: the respondent is the start (``we`` → ``them``)
    term: Term


#: What a respondent can say of another organization, in its own words.
TIE_ANSWERS: dict[str, TieAnswer] = {
    "member_of": TieAnswer("MEMBER_OF", True, Term("Somos miembros de", "We are members of")),
    "coordinates_with": TieAnswer("COORDINATES_WITH", True, Term("Coordinamos con", "We coordinate with")),
    "allied_with": TieAnswer("ALLIED_WITH", True, Term("Tenemos una alianza con", "We have an alliance with")),
    "supported_by": TieAnswer("SUPPORTS", False, Term("Nos apoya", "Supports us")),
    "supports": TieAnswer("SUPPORTS", True, Term("Les apoyamos", "We support them")),
    "works_with": TieAnswer("WORKS_WITH", True, Term("Trabajamos con", "We work with")),
}

#: What a respondent can say of a tie already on record.
VERDICTS: dict[str, Term] = {
    "confirm": Term("Es correcto", "It is right"),
    "correct": Term("Es correcto con cambios", "Right, with changes"),
    "deny": Term("No es correcto", "It is not right"),
}

#: How far a reported tie is confirmed.
CONFIRMATIONS: dict[str, Term] = {
    "mutual": Term("Confirmado por ambas", "Confirmed by both"),
    "one-sided": Term("Declarado por una sola", "Reported by one side"),
    "disputed": Term("En disputa", "Disputed"),
}


def confirmation(*, reported_by: set[str], denied_by: set[str], ends: tuple[str, str]) -> str:
    """``disputed`` if an end denies the tie, ``mutual`` if both ends report it, else ``one-sided``."""
    if denied_by & set(ends):
        return "disputed"
    if set(ends) <= reported_by:
        return "mutual"
    return "one-sided"
