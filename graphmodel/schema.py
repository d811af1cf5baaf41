"""The property-graph schema: node labels, relationship types and their properties.

This module is the single source of truth that loaders, the Neo4j writer, the
NetworkX builder, the renderers and the documentation import. Labels and
relationship types used in Cypher come only from :data:`LABELS` and
:data:`REL_TYPES` (a whitelist): nothing from data files ever becomes a label.

Examples
--------
>>> NODE_SPECS["Organization"].key
'id'
>>> REL_SPECS["WORKS_WITH"].end_labels
frozenset({'Municipality'})
>>> labels_for_kind("mesa")
('Organization', 'Network')
>>> [p.name for p in EVIDENCE_PROPERTIES]
['section', 'quote', 'year', 'evidence', 'note', 'note_es']
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from essgraph.graphmodel.vocab import NETWORK_KINDS, Term

__all__ = [
    "ID_PATTERN",
    "NETWORK_LABEL",
    "PropertySpec",
    "NodeSpec",
    "RelSpec",
    "EVIDENCE_PROPERTIES",
    "NODE_SPECS",
    "REL_SPECS",
    "LABELS",
    "REL_TYPES",
    "SYMMETRIC_TYPES",
    "PERSONAL_PROPERTIES",
    "labels_for_kind",
    "note_text",
    "is_valid_id",
    "is_year_property",
    "node_spec_for_labels",
    "ANALYSIS_LABEL",
    "MESA_SEAT_LABEL",
    "PROPOSED_TIE",
    "ANALYSIS_NODE_PROPERTIES",
    "MESA_SEAT_PROPERTIES",
    "ANALYSIS_PROPERTY_NAMES",
    "PROPOSED_TIE_PROPERTIES",
    "ANALYSIS_RUN_PROPERTIES",
    "ANALYSIS_NAMES",
]

#: Ids are readable slugs: lowercase ASCII letters and digits separated by single dashes.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class PropertySpec:
    """A property: its type, whether it is required, its vocabulary, and privacy.

    ``type`` is one of ``str``, ``int``, ``list`` (of strings). ``vocabulary``
    names an entry of :data:`essgraph.graphmodel.vocab.VOCABULARIES`; ``ref``
    names the label whose ids the value must be (``region`` → ``Region``).
    ``personal`` properties are personal data and stay out of shared outputs.
    """

    name: str
    type: str = "str"
    required: bool = False
    vocabulary: str | None = None
    ref: str | None = None
    personal: bool = False
    description: str = ""


@dataclass(frozen=True)
class NodeSpec:
    """A node label: its key, its properties and the data files that hold it."""

    label: str
    properties: tuple[PropertySpec, ...]
    file_key: str
    term: Term
    key: str = "id"
    personal: bool = False
    description: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        """Column names of the node's data files, in order."""
        return tuple(p.name for p in self.properties)

    def prop(self, name: str) -> PropertySpec:
        """The :class:`PropertySpec` called ``name`` (KeyError if none)."""
        for p in self.properties:
            if p.name == name:
                return p
        raise KeyError(name)


@dataclass(frozen=True)
class RelSpec:
    """A relationship type: allowed endpoint labels, direction and meaning."""

    type: str
    start_labels: frozenset[str]
    end_labels: frozenset[str]
    term: Term
    symmetric: bool = False
    description: str = ""
    example: tuple[str, str] = field(default=("", ""))
    tie: bool = False  # a tie between actors (organizations, municipalities), not geography or people
    always_inferred: bool = False  # never stated, only deduced (a shared phone): a tie only when asked


def _p(name: str, type: str = "str", **kw: object) -> PropertySpec:
    return PropertySpec(name, type, **kw)  # type: ignore[arg-type]


#: Evidence every relationship carries (and, without ``evidence``, every node).
EVIDENCE_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("section", required=True, description="report section where the fact is stated"),
    _p("quote", required=True, description="verbatim text of the report that proves the fact"),
    _p("year", "int", description="year the report states for the fact"),
    _p("evidence", required=True, vocabulary="evidence", description="stated in the report, or inferred"),
    _p("note", description="curator's remark (English in the bundled data; an import's provenance is Spanish)"),
    _p("note_es", description="the curator's remark in Spanish: what the Spanish outputs show (`note_text`)"),
)
_NODE_EVIDENCE = tuple(p for p in EVIDENCE_PROPERTIES if p.name != "evidence")

_ORG_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("id", required=True, description="stable slug"),
    _p("name", required=True, description="name as the report writes it"),
    _p("acronym"),
    _p("aliases", "list", description="other spellings in the report"),
    _p("kind", required=True, vocabulary="org_kind"),
    _p("description"),
    _p("legal_form", vocabulary="legal_form", description="ESSGlobal legal-form"),
    _p("sector", vocabulary="sector", description="ESSGlobal primary activity"),
    _p("sectors_additional", "list", vocabulary="sector", description="ESSGlobal additional activities"),
    _p("themes", "list", vocabulary="theme", description="ESSGlobal themes"),
    _p("qualifiers", "list", vocabulary="qualifier", description="ESSGlobal qualifiers"),
    _p("membership_base", vocabulary="membership_base", description="ESSGlobal base membership type"),
    _p("scope", vocabulary="scope", description="geographic scope (Murmurations)"),
    _p("status", required=True, vocabulary="status"),
    _p("region", ref="Region"),
    _p("macro_region", ref="MacroRegion", description="the report's mapping table; when empty, the region's (derived when the graph is built)"),
    _p("locality", description="district or city as written"),
    _p("founded_year", "int"),
    _p("web"),
    _p("email"),
    _p("phone", personal=True, description="directory phone; kept out of shared outputs"),
) + _NODE_EVIDENCE

NODE_SPECS: dict[str, NodeSpec] = {
    spec.label: spec
    for spec in (
        NodeSpec(
            "Organization", _ORG_PROPERTIES, "organizations", Term("Organización", "Organization"),
            description="An ESS initiative, NGO, cooperative, union, church body, medium, university…",
        ),
        NodeSpec(
            "Municipality",
            (
                _p("id", required=True),
                _p("name", required=True),
                _p("aliases", "list"),
                _p("level", vocabulary="municipality_level"),
                _p("region", ref="Region"),
                _p("locality"),
            ) + _NODE_EVIDENCE,
            "municipalities", Term("Municipalidad", "Municipality"),
            description="A provincial or district municipality.",
        ),
        NodeSpec(
            "Region",
            (
                _p("id", required=True),
                _p("name", required=True),
                _p("macro_region", ref="MacroRegion"),
                _p("ubigeo", description="INEI department code"),
            ) + _NODE_EVIDENCE,
            "regions", Term("Región", "Region"),
            description="One of Peru's departments, Callao or Lima Metropolitana.",
        ),
        NodeSpec(
            "MacroRegion",
            (_p("id", required=True), _p("name", required=True), _p("description")) + _NODE_EVIDENCE,
            "macro_regions", Term("Macro región", "Macro-region"),
            description="A macro-region of the report's mapping tables.",
        ),
        NodeSpec(
            "Person",
            (
                _p("id", required=True),
                _p("name", required=True, personal=True),
                _p("role"),
                _p("phone", personal=True),
                _p("email", personal=True),
            ) + _NODE_EVIDENCE,
            "people", Term("Persona", "Person"), personal=True,
            description="An interviewee or contact named by the report (personal data).",
        ),
    )
}

#: Extra label carried by organizations whose kind is a network, platform or mesa.
NETWORK_LABEL = "Network"

#: Every node label essgraph writes (the Cypher whitelist).
LABELS: frozenset[str] = frozenset(NODE_SPECS) | {NETWORK_LABEL}

_ORG = frozenset({"Organization"})
_ORG_OR_MUNI = frozenset({"Organization", "Municipality"})

REL_SPECS: dict[str, RelSpec] = {
    spec.type: spec
    for spec in (
        RelSpec("MEMBER_OF", _ORG_OR_MUNI, _ORG, Term("Miembro de", "Member of"), tie=True,
                description="member of a network, platform, mesa or association of municipalities",
                example=("gies-san-juan-de-lurigancho", "gresp")),
        RelSpec("PART_OF", _ORG, _ORG, Term("Parte de", "Part of"), tie=True,
                description="a sub-network or chapter of a larger network"),
        RelSpec("FOUNDED", _ORG_OR_MUNI, _ORG, Term("Fundó", "Founded"), tie=True,
                description="founded, created or promoted the creation of"),
        RelSpec("ALLIED_WITH", _ORG_OR_MUNI, _ORG_OR_MUNI, Term("Aliado con", "Allied with"), tie=True, symmetric=True,
                description="alliance, agreement or joint activities"),
        RelSpec("COORDINATES_WITH", _ORG_OR_MUNI, _ORG_OR_MUNI, Term("Coordina con", "Coordinates with"), tie=True,
                symmetric=True, description="coordination, articulation or dialogue"),
        RelSpec("SUPPORTS", _ORG_OR_MUNI, _ORG_OR_MUNI, Term("Apoya a", "Supports"), tie=True,
                description="funds, advises, trains or promotes (supporter → supported)"),
        RelSpec("WORKS_WITH", _ORG, frozenset({"Municipality"}), Term("Trabaja con", "Works with"), tie=True,
                symmetric=True, description="a stated tie between an organization and a municipality"),
        RelSpec("PARTICIPATES_IN", _ORG_OR_MUNI, _ORG, Term("Participa en", "Participates in"), tie=True,
                description="takes part in a space, fair or campaign without membership"),
        RelSpec("LOCATED_IN", frozenset({"Organization", "Municipality", "Region"}),
                frozenset({"Region", "MacroRegion"}), Term("Ubicado en", "Located in"),
                description="where an organization or municipality is; the macro-region of a region"),
        RelSpec("REPRESENTS", frozenset({"Person"}), _ORG_OR_MUNI, Term("Representa a", "Represents"),
                description="the person was interviewed for or speaks for it"),
        RelSpec("SHARES_CONTACT", _ORG_OR_MUNI, _ORG_OR_MUNI, Term("Comparte contacto", "Shares contact"), tie=True, always_inferred=True,
                symmetric=True, description="same phone, e-mail or web in the directory (always inferred)"),
    )
}

#: Every relationship type essgraph writes (the Cypher whitelist).
REL_TYPES: frozenset[str] = frozenset(REL_SPECS)
#: Relationship types that are ties between actors: every tie list (Python and Cypher) comes from here.
TIE_TYPES: frozenset[str] = frozenset(t for t, spec in REL_SPECS.items() if spec.tie)
#: The ties between organizations the analyses count by default: stated ones ending at an organization.
ORGANIZATION_TIE_TYPES: tuple[str, ...] = tuple(sorted(
    t for t in TIE_TYPES if "Organization" in REL_SPECS[t].end_labels and not REL_SPECS[t].always_inferred))
#: Labels of the nodes that analyses rank and recommend, and that a survey asks (people only connect).
ACTOR_LABELS: frozenset[str] = frozenset({"Organization", "Municipality"})
SYMMETRIC_TYPES: frozenset[str] = frozenset(t for t, s in REL_SPECS.items() if s.symmetric)

#: ``(label, property)`` pairs that are personal data.
PERSONAL_PROPERTIES: frozenset[tuple[str, str]] = frozenset(
    (spec.label, p.name) for spec in NODE_SPECS.values() for p in spec.properties if p.personal
)


#: An analysis written back into Neo4j (``essgraph analyze --write-neo4j``, ``docs/neo4j.md``). These
#: names are not model labels or types: loading and pulling never read them, and each write replaces
#: the last one whole. The label of the one node holding the run's metadata:
ANALYSIS_LABEL = "EssgraphAnalysis"
#: The label an organization gets while it holds a seat of the proposed Mesa.
MESA_SEAT_LABEL = "MesaSeat"
#: The type of a recommended alliance: a proposal, never a stated tie (it carries ``proposal: true``).
PROPOSED_TIE = "PROPOSED_TIE"

#: The measures written onto every analysed organization (or municipality). Their names are reserved:
#: no model property has one, and ``neo4j pull`` leaves them out of the graph it reads.
ANALYSIS_NODE_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("degree", "int", description="organizations it has a tie with in the analysed tie graph"),
    _p("betweenness", "float", description="share of shortest paths through it (0–1; sampled if the run says so)"),
    _p("pagerank", "float", description="PageRank (damping 0.85) in the tie graph"),
    _p("network_role", description="hub, broker, peripheral or isolate (the roles of `analyze`)"),
    _p("community", "int", description="index of its Louvain community (1 = largest); absent when isolated"),
    _p("in_core", "bool", description="in the innermost k-core (`core_k` of the analysis node)"),
    _p("cut_point", "bool", description="an articulation point: its loss splits its group"),
    _p("cut_off_count", "int", description="organizations cut off from the rest if it goes (0 unless a cut point)"),
    _p("isolated", "bool", description="no tie in the analysed tie graph"),
    _p("one_tie", "bool", description="a single partner: one lost tie isolates it"),
    _p("analysis_macro_region", ref="MacroRegion", description="the macro-region the analysis grouped it in"),
)
#: Written, with the label :data:`MESA_SEAT_LABEL`, onto each organization holding a proposed seat.
MESA_SEAT_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("mesa_seat", "int", description="the seat's place in the proposed Mesa (1 = first chosen)"),
    _p("mesa_represents", "int", description="organizations the seat represents (itself and its tied ones)"),
)
#: Property names an analysis writes onto model nodes (reserved: the loader's change check and
#: ``neo4j pull`` leave them out).
ANALYSIS_PROPERTY_NAMES: frozenset[str] = frozenset(p.name for p in ANALYSIS_NODE_PROPERTIES + MESA_SEAT_PROPERTIES)
#: Properties of a :data:`PROPOSED_TIE` relationship (a recommended alliance).
PROPOSED_TIE_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("proposal", "bool", required=True, description="always true: a recommendation, not a stated tie"),
    _p("rank", "int", required=True, description="order of the recommendation (1 = first)"),
    _p("reason", required=True, description="why: cut-points, bridges or prepares (docs/analysis.md)"),
    _p("closes", "list", ref="Organization", description="the cut points it closes"),
    _p("why", "list", description="what the two share, as kind:value (region:cusco, sector:a03)"),
)
#: Properties of the one :data:`ANALYSIS_LABEL` node: the run's metadata.
ANALYSIS_RUN_PROPERTIES: tuple[PropertySpec, ...] = (
    _p("date", required=True, description="when the analysis was written (ISO 8601, UTC)"),
    _p("essgraph_version", required=True, description="the essgraph version that ran it"),
    _p("backend", required=True, description="where the analysed graph was read: embedded or neo4j"),
    _p("engine", description="what measured its structure: embedded (essgraph) or gds (Neo4j Graph Data Science)"),
    _p("seed", "int", required=True, description="seed of the randomized steps"),
    _p("dataset", description="the data set's title"),
    _p("projection", required=True, description="the tie graph's definition, as JSON (`projection` of analysis.json)"),
    _p("relationship_types", "list", description="relationship types counted as ties"),
    _p("include_inferred", "bool", description="inferred ties counted"),
    _p("include_reported", "bool", description="ties reported in survey rounds counted"),
    _p("year", "int", description="the network as of this year (absent: every year)"),
    _p("organizations", "int", description="organizations analysed"),
    _p("ties", "int", description="ties between them"),
    _p("betweenness_sampled", "bool", description="betweenness estimated from sampled sources"),
    _p("core_k", "int", description="k of the innermost core (`in_core`)"),
    _p("modularity", "float", description="modularity of the Louvain communities"),
    _p("proposed_ties", "int", description="recommended alliances written (PROPOSED_TIE)"),
    _p("mesa_seats", "int", description="seats of the proposed Mesa written (MesaSeat)"),
)
#: The labels and the relationship type an analysis write-back puts into Cypher (its property names
#: travel only as keys of ``$parameters``, checked against the tuples above).
ANALYSIS_NAMES: frozenset[str] = frozenset({ANALYSIS_LABEL, MESA_SEAT_LABEL, PROPOSED_TIE})


def note_text(attrs: Mapping[str, object], lang: str = "es") -> str:
    """The curator's note a reader of ``lang`` sees: ``note_es`` in Spanish, ``note`` in English.

    Each falls back to the other when it is empty, so a note written in one language only (an
    imported row's provenance, a survey response) still shows. Every output that shows a note
    reads it here.

    >>> note_text({"note": "from the region column", "note_es": "de la columna region"})
    'de la columna region'
    >>> note_text({"note": "from the region column", "note_es": "de la columna region"}, "en")
    'from the region column'
    >>> note_text({"note": "importado de mapa.xlsx"}), note_text({"note_es": "solo en español"}, "en")
    ('importado de mapa.xlsx', 'solo en español')
    """
    first, second = ("note", "note_es") if lang == "en" else ("note_es", "note")
    return str(attrs.get(first) or attrs.get(second) or "")


def labels_for_kind(kind: str) -> tuple[str, ...]:
    """Labels of an organization of the given ``kind``.

    >>> labels_for_kind("ngo")
    ('Organization',)
    >>> labels_for_kind("network")
    ('Organization', 'Network')
    """
    return ("Organization", NETWORK_LABEL) if kind in NETWORK_KINDS else ("Organization",)


def is_valid_id(value: str) -> bool:
    """Whether ``value`` is a valid slug id.

    >>> is_valid_id("gies-san-juan-de-lurigancho"), is_valid_id("GRESP"), is_valid_id("a--b")
    (True, False, False)
    """
    return bool(ID_PATTERN.match(value))


def is_year_property(name: str) -> bool:
    """Whether an integer property holds a year (``year``, ``founded_year``…): 1900–2030 in the data.

    >>> is_year_property("founded_year"), is_year_property("count")
    (True, False)
    """
    return name == "year" or name.endswith("_year")


def node_spec_for_labels(labels: tuple[str, ...] | list[str]) -> NodeSpec:
    """The :class:`NodeSpec` of a node with these labels.

    >>> node_spec_for_labels(["Organization", "Network"]).label
    'Organization'
    """
    for label in labels:
        if label in NODE_SPECS:
            return NODE_SPECS[label]
    raise KeyError(f"no node spec for labels {list(labels)}")
