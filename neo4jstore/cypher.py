"""The one place where a name is put into Cypher text.

Cypher cannot take a label or a relationship type as a parameter, so statements
that need one are templates with ``«label»``-style slots. :func:`fill` is the
only function that fills them, and it accepts only names of the graph model's
whitelist (:data:`~essgraph.graphmodel.LABELS`, :data:`~essgraph.graphmodel.REL_TYPES`, and the analysis
write-back's :data:`~essgraph.graphmodel.schema.ANALYSIS_NAMES`).
Every *value* is a ``$parameter``; a test scans the package for Cypher built any
other way.

>>> fill("MATCH (n:«label») RETURN n", label="Organization")
'MATCH (n:Organization) RETURN n'
>>> fill("MATCH (n:«label») RETURN n", label="x) DETACH DELETE n //")
Traceback (most recent call last):
...
ValueError: not a whitelisted label or relationship type: 'x) DETACH DELETE n //'
"""
from __future__ import annotations

from essgraph.graphmodel import LABELS, REL_TYPES
from essgraph.graphmodel.schema import ANALYSIS_NAMES

__all__ = ["fill", "WHITELIST"]

#: Every name that may appear in Cypher text.
WHITELIST: frozenset[str] = LABELS | REL_TYPES | ANALYSIS_NAMES


def fill(template: str, **names: str) -> str:
    """``template`` with each ``«slot»`` replaced by a whitelisted name.

    Raises ``ValueError`` for a name outside the whitelist or a slot left empty.
    """
    text = template
    for slot, name in names.items():
        if name not in WHITELIST:
            raise ValueError(f"not a whitelisted label or relationship type: {name!r}")
        text = text.replace("«" + slot + "»", name)
    if "«" in text:
        raise ValueError("template slot left unfilled")
    return text
