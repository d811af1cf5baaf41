"""Codes in words: what a person reads for a vocabulary code, a relationship type or a node label.

The data keeps codes (``a03``, ``T14``, ``initiative``, ``MEMBER_OF``); every
output a person reads shows their labels in Spanish (English with
``lang="en"``). This module is the one rule for that: a code of a vocabulary
is its :class:`~essgraph.graphmodel.vocab.Term`'s label, a code the vocabulary
lacks stays as it is, a list stays a list. The exports put the labels in
``<column>_label`` columns beside the codes (:func:`node_label_columns`,
:func:`relationship_label_columns`); the views, the report and the Kumu workbook
show them in place of the codes.

Examples
--------
>>> term_label("sector", "a03"), term_label("theme", ["T14", "T99"], "en")
('Producción industrial y artesanal', ['Women', 'T99'])
>>> type_label("MEMBER_OF"), node_label_names(["Organization", "Network"], "en")
('Miembro de', ['Organization', 'Network'])
>>> node_label_columns(("Organization",), {"kind": "initiative", "themes": ["T14"], "name": "X"}, "en")
{'labels_label': ['Organization'], 'kind_label': 'SSE initiative', 'themes_label': ['Women']}
>>> relationship_label_columns("SUPPORTS", {"evidence": "stated", "quote": "q"})
{'type_label': 'Apoya a', 'evidence_label': 'Declarado en el informe'}
"""
from __future__ import annotations

from typing import Any, Iterable, Mapping

from essgraph.graphmodel.schema import EVIDENCE_PROPERTIES, NETWORK_LABEL, NODE_SPECS, REL_SPECS, PropertySpec
from essgraph.graphmodel.survey import SURVEY_TIE_PROPERTIES
from essgraph.graphmodel.vocab import VOCABULARIES, Term

__all__ = ["LABEL_SUFFIX", "term_label", "type_label", "node_label_names", "label_columns", "node_label_columns",
           "relationship_label_columns", "RELATIONSHIP_PROPERTIES"]

#: What a label column's name adds to its code column's (``sector`` → ``sector_label``).
LABEL_SUFFIX = "_label"
#: The properties a relationship may carry: its evidence, and a survey round's marks.
RELATIONSHIP_PROPERTIES: tuple[PropertySpec, ...] = EVIDENCE_PROPERTIES + SURVEY_TIE_PROPERTIES
#: Words for the node labels the model writes (``Network`` has no data file, so no node spec).
_LABEL_TERMS: dict[str, Term] = {**{label: spec.term for label, spec in NODE_SPECS.items()},
                                 NETWORK_LABEL: Term("Red", "Network")}


def term_label(vocabulary: str, value: Any, lang: str = "es") -> Any:
    """The label of ``value`` (a code, or a list of codes) in ``vocabulary``; an unknown code as it is."""
    terms = VOCABULARIES[vocabulary]
    if isinstance(value, (list, tuple)):
        return [terms[v].label(lang) if v in terms else v for v in value]
    return terms[value].label(lang) if value in terms else value


def type_label(rel_type: str, lang: str = "es") -> str:
    """The name of a relationship type (the type itself when the model has none)."""
    return REL_SPECS[rel_type].term.label(lang) if rel_type in REL_SPECS else rel_type


def node_label_names(labels: Iterable[str], lang: str = "es") -> list[str]:
    """The names of node labels (``Organization`` → ``Organización``; an unknown label as it is)."""
    return [_LABEL_TERMS[label].label(lang) if label in _LABEL_TERMS else label for label in labels]


def label_columns(properties: Mapping[str, Any], specs: Iterable[PropertySpec], lang: str = "es") -> dict[str, Any]:
    """``{name + LABEL_SUFFIX: label}`` for each property of ``specs`` with a vocabulary and a value."""
    out: dict[str, Any] = {}
    for spec in specs:
        value = properties.get(spec.name)
        if spec.vocabulary and value not in (None, "", [], ()):
            out[spec.name + LABEL_SUFFIX] = term_label(spec.vocabulary, value, lang)
    return out


def node_label_columns(labels: Iterable[str], properties: Mapping[str, Any], lang: str = "es") -> dict[str, Any]:
    """The label columns of a node: ``labels_label`` and one per coded property of its labels' spec."""
    labels = tuple(labels)
    specs = next((NODE_SPECS[label].properties for label in labels if label in NODE_SPECS), ())
    return {"labels" + LABEL_SUFFIX: node_label_names(labels, lang), **label_columns(properties, specs, lang)}


def relationship_label_columns(rel_type: str, properties: Mapping[str, Any], lang: str = "es") -> dict[str, Any]:
    """The label columns of a relationship: ``type_label`` and one per coded property (``evidence_label``…)."""
    return {"type" + LABEL_SUFFIX: type_label(rel_type, lang),
            **label_columns(properties, RELATIONSHIP_PROPERTIES, lang)}
