"""The terms of essgraph's ESSGlobal linked data: namespaces, the predicate of each column, the classes.

One table each way: :mod:`essgraph.loaders.essglobal` writes with them and
:mod:`essgraph.loaders.essglobal_reader` reads with them. ``docs/formats.md``
(section ESSGlobal) shows them as a mapping table.

>>> PREDICATES["legal_form"], TIE_TYPES[tie_predicate("SUPPORTS")]
(rdflib.term.URIRef('http://purl.org/essglobal/vocab/legalForm'), 'SUPPORTS')
"""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from essgraph.graphmodel import REL_TYPES
from essgraph.graphmodel.vocab import ESSGRAPH_BASE

from essgraph.loaders.murmurations import PREDICATES as PROFILE_PREDICATES

__all__ = [
    "ESSGLOBAL", "ESSG", "GR", "VCARD", "SCHEMA", "PREFIXES", "COUNTRY", "PREDICATES", "DATASET_TERMS", "AGENT_KEYS",
    "NODE_CLASSES", "READ_CLASSES", "TIE_TYPES", "FROM_END", "tie_predicate", "vocabulary_file", "shapes_file",
    "LANGUAGE_TAGS", "in_column",
]

ESSGLOBAL = Namespace("http://purl.org/essglobal/vocab/")
#: essgraph's own terms, the ones its Murmurations profiles use too (defined by ``essgraph-vocab.ttl``).
ESSG = Namespace(ESSGRAPH_BASE)
GR = Namespace("http://purl.org/goodrelations/v1#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
#: schema.org as its site and essgraph's Murmurations profiles write it (the 2014 profile wrote ``http:``).
SCHEMA = Namespace("https://schema.org/")

#: Prefixes of the files written (and of the property names in import problems).
PREFIXES: dict[str, Namespace] = {
    "essglobal": ESSGLOBAL, "essg": ESSG, "gr": GR, "dcterms": Namespace(str(DCTERMS)), "dcat": Namespace(str(DCAT)),
    "foaf": Namespace(str(FOAF)), "skos": Namespace(str(SKOS)), "vcard": VCARD, "schema": SCHEMA,
    "rdf": Namespace(str(RDF)), "xsd": Namespace(str(XSD)),
}

#: ``vcard:country-name`` of every address: the data is Peru's.
COUNTRY = "Perú"

#: The predicate of every node and relationship column the format carries.
PREDICATES: dict[str, URIRef] = {
    "name": GR.name, "acronym": ESSG.acronym, "aliases": SKOS.altLabel, "kind": ESSG.kind,
    "description": DCTERMS.description, "legal_form": ESSGLOBAL.legalForm, "sector": ESSGLOBAL.primarySector,
    "sectors_additional": ESSGLOBAL.additionalSectors, "themes": DCTERMS.type, "qualifiers": ESSGLOBAL.qualifier,
    "membership_base": ESSGLOBAL.baseMembershipType, "scope": ESSG.scope, "status": ESSG.status,
    "region": ESSG.region, "macro_region": ESSG.macroRegion, "locality": VCARD.locality,
    "founded_year": SCHEMA.foundingDate, "web": ESSG.web, "email": SCHEMA.email, "phone": SCHEMA.telephone,
    "level": ESSG.level, "ubigeo": ESSG.ubigeo, "role": ESSG.role,
    "section": ESSG.section, "quote": ESSG.quote, "year": ESSG.year, "evidence": ESSG.evidence,
    "note": SKOS.editorialNote, "note_es": SKOS.editorialNote,
    "round": ESSG.round, "respondent": ESSG.respondent, "confirmation": ESSG.confirmation,
}
#: Columns that share their predicate with another and are told apart by the literal's language tag:
#: ``note_es`` is the ``skos:editorialNote`` tagged ``@es``; ``note`` the untagged one (its language is
#: not declared: English in the bundled data, Spanish in imported rows' provenance).
LANGUAGE_TAGS: dict[str, str] = {"note_es": "es"}

#: ``dataset.toml`` keys → predicates of the ``dcat:Dataset``; ``publisher`` and ``authors`` are ``foaf:Agent`` s.
DATASET_TERMS: dict[str, URIRef] = {
    "title": DCTERMS.title, "source": DCTERMS.source, "source_file": ESSG.sourceFile,
    "publisher": DCTERMS.publisher, "authors": DCTERMS.creator, "mapped_by": ESSG.mappedBy,
    "inclusion_criteria": ESSG.inclusionCriteria, "method": ESSG.method, "interview_period": DCTERMS.temporal,
    "validation": ESSG.validation, "date": DCTERMS.issued, "geographic_coverage": DCTERMS.spatial,
    "update_policy": DCTERMS.accrualPolicy, "licence": DCTERMS.rights, "language": DCTERMS.language,
}
AGENT_KEYS = frozenset({"publisher", "authors"})

#: The class of every node label but Organization's (an ``essglobal:SSEInitiative`` or ``essglobal:Network``).
NODE_CLASSES: dict[str, URIRef] = {
    "Municipality": ESSG.Municipality, "Region": ESSG.Region, "MacroRegion": ESSG.MacroRegion, "Person": FOAF.Person,
}
#: Classes read, in the order their subjects get ids, and the label of their rows.
READ_CLASSES: dict[URIRef, str] = {
    ESSG.MacroRegion: "MacroRegion", ESSG.Region: "Region", ESSGLOBAL.Network: "Organization",
    ESSGLOBAL.SSEInitiative: "Organization", ESSG.Municipality: "Municipality", FOAF.Person: "Person",
}


def in_column(name: str, value: object) -> bool:
    """Whether ``value``, an object of ``PREDICATES[name]``, is the column ``name``'s (by its language tag).

    >>> from rdflib import Literal
    >>> in_column("note_es", Literal("nota", lang="es")), in_column("note", Literal("nota", lang="es"))
    (True, False)
    >>> in_column("note", Literal("a note")), in_column("note", Literal("a note", lang="en")), in_column("quote", Literal("q"))
    (True, True, True)
    """
    language = getattr(value, "language", None)
    if name in LANGUAGE_TAGS:
        return language == LANGUAGE_TAGS[name]
    return not any(PREDICATES[other] == PREDICATES[name] and language == tag for other, tag in LANGUAGE_TAGS.items())


def tie_predicate(rel_type: str) -> URIRef:
    """The predicate of a relationship type.

    Membership is ``dcterms:isPartOf``, as the ESSGlobal application profile has
    it; the other types take the predicate of essgraph's Murmurations profiles
    (``schema:parentOrganization``, ``schema:founder``, essgraph's terms), and the
    types profiles do not publish, essgraph's term named after the type.

    >>> [str(tie_predicate(t)) for t in ("MEMBER_OF", "PART_OF", "COORDINATES_WITH", "SHARES_CONTACT")]
    ['http://purl.org/dc/terms/isPartOf', 'https://schema.org/parentOrganization', 'https://w3id.org/essgraph/coordinatesWith', 'https://w3id.org/essgraph/sharesContact']
    """
    if rel_type == "MEMBER_OF":
        return DCTERMS.isPartOf
    if rel_type in PROFILE_PREDICATES:
        return URIRef(PROFILE_PREDICATES[rel_type].url)
    head, *rest = rel_type.lower().split("_")
    return ESSG[head + "".join(word.title() for word in rest)]


#: Relationship type of every tie predicate.
TIE_TYPES: dict[URIRef, str] = {tie_predicate(t): t for t in sorted(REL_TYPES)}
#: Types whose triple runs from the tie's end to its start (``<founded> schema:founder <founder>``).
FROM_END: frozenset[str] = frozenset(t for t, p in PROFILE_PREDICATES.items() if p.subject == "end")


def vocabulary_file() -> Path:
    """essgraph's vocabulary (Turtle) for the ``essg:`` terms, shipped with the package."""
    return Path(str(files("essgraph.loaders") / "essgraph-vocab.ttl"))


def shapes_file() -> Path:
    """SHACL shapes of what the ESSGlobal application profile requires, shipped with the package."""
    return Path(str(files("essgraph.loaders") / "essglobal-shapes.ttl"))
