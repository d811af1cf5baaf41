"""The graph model: labels, relationship types, properties and vocabularies.

One source of truth that every layer imports; it imports nothing else of essgraph.

>>> from essgraph.graphmodel import REL_TYPES, LABELS
>>> "MEMBER_OF" in REL_TYPES and "Network" in LABELS
True
"""
from essgraph.graphmodel.graph import (
    Node,
    Relationship,
    build_graph,
    carries_label,
    from_json_dict,
    has_label,
    iter_nodes,
    iter_relationships,
    rel_key,
    to_json_dict,
)
from essgraph.graphmodel.schema import (
    ACTOR_LABELS,
    ORGANIZATION_TIE_TYPES,
    TIE_TYPES,
    EVIDENCE_PROPERTIES,
    ID_PATTERN,
    LABELS,
    NETWORK_LABEL,
    NODE_SPECS,
    PERSONAL_PROPERTIES,
    REL_SPECS,
    REL_TYPES,
    SYMMETRIC_TYPES,
    NodeSpec,
    PropertySpec,
    RelSpec,
    is_valid_id,
    labels_for_kind,
    node_spec_for_labels,
    note_text,
)
from essgraph.graphmodel.privacy import Redactor, interviewee_marks, is_personal_node, public_graph
from essgraph.graphmodel.vocab import VOCABULARIES, Term

__all__ = [
    "Node", "Relationship", "build_graph", "from_json_dict", "has_label", "carries_label", "iter_nodes",
    "iter_relationships", "rel_key", "to_json_dict", "EVIDENCE_PROPERTIES", "ID_PATTERN", "LABELS",
    "ACTOR_LABELS", "ORGANIZATION_TIE_TYPES", "TIE_TYPES", "NETWORK_LABEL", "NODE_SPECS", "PERSONAL_PROPERTIES", "REL_SPECS", "REL_TYPES", "SYMMETRIC_TYPES",
    "NodeSpec", "PropertySpec", "RelSpec", "is_valid_id", "labels_for_kind", "node_spec_for_labels", "note_text",
    "VOCABULARIES", "Term", "is_personal_node", "interviewee_marks", "public_graph", "Redactor",
]
