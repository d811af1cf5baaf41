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
>>> one_sided({"evidence": "reported", "confirmation": "one-sided"}), one_sided({"evidence": "stated"})
(True, False)
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from essgraph.graphmodel.schema import PropertySpec
from essgraph.graphmodel.vocab import CONFIRMATIONS, Term

__all__ = [
    "RESPONSE_FORMAT", "RESPONSE_VERSION", "TieAnswer", "TIE_ANSWERS", "VERDICTS", "CONFIRMATIONS",
    "confirmation", "one_sided", "SURVEY_TIE_PROPERTIES", "RESPONSE_PROPERTIES", "REVIEW_PROPERTIES",
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

#: Extra columns of a relationship reported in a survey round (``survey_ties.csv``).
SURVEY_TIE_PROPERTIES: tuple[PropertySpec, ...] = (
    PropertySpec("round", description="survey round of a reported tie"),
    PropertySpec("respondent", "list", description="organizations that reported the tie in that round"),
    PropertySpec("confirmation", vocabulary="confirmation", description="mutual, one-sided or disputed"),
)

#: Who answered a round (``survey_responses.csv``): one row per response merged.
RESPONSE_PROPERTIES: tuple[PropertySpec, ...] = (
    PropertySpec("round", required=True),
    PropertySpec("respondent", required=True, description="id of the organization that answered"),
    PropertySpec("date", required=True, description="day the answer was saved (AAAA-MM-DD)"),
    PropertySpec("role", description="role of the person who answered"),
    PropertySpec("person_name", personal=True, description="kept only with consent; never shared"),
    PropertySpec("person_contact", personal=True, description="kept only with consent; never shared"),
    PropertySpec("file", description="the response file merged"),
    PropertySpec("corrections", description="what the organization asks to correct in its own data"),
)

#: Verdicts of respondents on ties already on record (``survey_reviews.csv``).
REVIEW_PROPERTIES: tuple[PropertySpec, ...] = (
    PropertySpec("round", required=True),
    PropertySpec("respondent", required=True),
    PropertySpec("date", required=True),
    PropertySpec("type", required=True),
    PropertySpec("start", required=True),
    PropertySpec("end", required=True),
    PropertySpec("key", required=True, description="stable key of the relationship reviewed"),
    PropertySpec("verdict", required=True, description="confirm, correct or deny"),
    PropertySpec("answer", description="for 'correct': the kind of tie the respondent gives"),
    PropertySpec("year", "int", description="for 'correct': the year the respondent gives"),
)


def confirmation(*, reported_by: set[str], denied_by: set[str], ends: tuple[str, str]) -> str:
    """``disputed`` if an end denies the tie, ``mutual`` if both ends report it, else ``one-sided``."""
    if denied_by & set(ends):
        return "disputed"
    if set(ends) <= reported_by:
        return "mutual"
    return "one-sided"


def one_sided(attrs: Mapping[str, Any]) -> bool:
    """Whether a relationship is a reported tie that only one of its ends reported.

    Reads the ``confirmation`` that :func:`confirmation` gave the tie when its
    round was merged: a tie one end reports and the other denies is
    ``disputed``, not one-sided.
    """
    return attrs.get("evidence") == "reported" and attrs.get("confirmation") == "one-sided"
