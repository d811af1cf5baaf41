"""Scrub personal data out of free text (quotes, notes, descriptions) for shared outputs.

:func:`essgraph.graphmodel.public_graph` drops personal properties and the quotes
of people's own ties; a tie between two organizations may still quote a name or
a directory phone. Shared pages run every free text through a :class:`Redactor`.

Examples
--------
>>> r = Redactor(["Ana Díaz"])
>>> r("Entrevista a Ana Díaz, tel. (+51) 984 316 053, desde 2016")
'Entrevista a [persona], tel. [teléfono], desde 2016'
>>> Redactor([])("periodo 2016-2017, 01 4234567")
'periodo 2016-2017, [teléfono]'
"""
from __future__ import annotations

import re
from typing import Iterable

import networkx as nx

__all__ = ["PHONE_PATTERN", "TEXT_PROPERTIES", "Redactor", "redact_graph"]

#: Free-text properties of nodes and relationships that may quote a name or a phone.
TEXT_PROPERTIES = ("quote", "note", "description")

#: A phone number as the directory writes them: optional ``+51``/``(+51)``, area code,
#: then groups of digits; at least 6 digits in all (years and counts stay).
PHONE_PATTERN = re.compile(r"(?:\(?\+\d{1,3}\)?[\s.-]*)?(?:\(?\d{1,3}\)[\s.-]*)?\d(?:[\s.-]?\d){5,}")

_YEARS = re.compile(r"(?:19|20)\d\d[\s.-](?:19|20)\d\d")


class Redactor:
    """Replace the given people's names and any phone number in a text."""

    def __init__(self, names: Iterable[str]) -> None:
        words = sorted({n.strip() for n in names if n and len(n.strip()) > 2}, key=len, reverse=True)
        self._names = re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None

    def __call__(self, text: str) -> str:
        """``text`` without names and phone numbers."""
        if self._names is not None:
            text = self._names.sub("[persona]", text)
        return PHONE_PATTERN.sub(_phone, text)


def _phone(match: re.Match[str]) -> str:
    return match[0] if _YEARS.fullmatch(match[0]) else "[teléfono]"


def redact_graph(G: nx.MultiDiGraph, redactor: Redactor) -> nx.MultiDiGraph:
    """A copy of ``G`` whose free texts (:data:`TEXT_PROPERTIES`) went through ``redactor``.

    >>> from essgraph.graphmodel import Node, build_graph
    >>> G = build_graph([Node("a", ("Organization",), {"name": "A", "note": "tel. 01 4234567"})], [])
    >>> redact_graph(G, Redactor([])).nodes["a"]["note"], G.nodes["a"]["note"]
    ('tel. [teléfono]', 'tel. 01 4234567')
    """
    H = G.copy()
    items = [attrs for _, attrs in H.nodes(data=True)] + [attrs for *_, attrs in H.edges(keys=True, data=True)]
    for attrs in items:
        for name in TEXT_PROPERTIES:
            if isinstance(attrs.get(name), str):
                attrs[name] = redactor(attrs[name])
    return H
