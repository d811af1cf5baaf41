"""ESSGlobal linked data: the graph out as Turtle or JSON-LD, and an ESSGlobal file back in as data rows.

ESSGlobal is RIPESS's data standard for Social and Solidarity Economy maps: the
vocabulary ``http://purl.org/essglobal/vocab/`` (version 1.1, the namespace its
Turtle file declares; the 2014 application profile spelled it ``…/vocab/v1.0/``)
and its SKOS schemes under ``http://purl.org/essglobal/standard/``.

:func:`essglobal_graph` makes every organization an ``essglobal:SSEInitiative``
or, for the kinds the model calls networks, an ``essglobal:Network``, with
``gr:name``, ``dcterms:description``, the ESSGlobal codes essgraph holds as
SKOS concept URIs and an ``essglobal:Address`` (``vcard:region``,
``vcard:locality``, ``vcard:country-name`` "Perú"). Membership is
``dcterms:isPartOf`` / ``dcterms:hasPart`` as the application profile has it;
the other ties take the predicates of essgraph's Murmurations profiles
(``schema:parentOrganization``, ``schema:founder``, essgraph's own terms), and
municipalities, regions, people and every evidence field use essgraph's own
small vocabulary (:data:`ESSG`, defined by the package file ``essgraph-vocab.ttl``). Each tie is asserted and also described by an
``rdf:Statement`` carrying its evidence (section, quote, year, stated / inferred
/ reported / imported, note): standard RDF 1.1 reification, which every RDF
parser, JSON-LD 1.1 and SHACL read (RDF-star is none of these yet). The dataset
metadata of ``dataset.toml`` is a ``dcat:Dataset`` at the base URL.

:func:`read_essglobal` reads an ESSGlobal Turtle or RDF/XML file (essgraph's or
another map's) into the rows of a data folder and checks them with the data
folder's own rules (:func:`~essgraph.loaders.validation.check_records`): every
problem at once, located by subject URI and property. ``docs/formats.md`` has
the mapping table and what each direction loses.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> evidence = {"section": "3.1", "quote": "Integrado por JOC", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "kind": "union", "legal_form": "L4"})],
...                 [Relationship("MEMBER_OF", "joc", "gresp", evidence)])
>>> ess = "https://example.org/ess/"
>>> g = essglobal_graph(G, base_url=ess)
>>> (URIRef(ess + "joc"), DCTERMS.isPartOf, URIRef(ess + "gresp")) in g
True
>>> g.value(URIRef(ess + "joc"), ESSGLOBAL.legalForm)
rdflib.term.URIRef('http://purl.org/essglobal/standard/legal-form/L4')
>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "mapa.ttl"
>>> _ = path.write_bytes(essglobal_bytes(G, base_url=ess))
>>> result = read_essglobal(path, date="2025-01-31")
>>> [(r["type"], r["start"], r["end"], r["evidence"]) for r in result.rows["relationships.csv"]]
[('MEMBER_OF', 'joc', 'gresp', 'stated')]
>>> gresp = result.rows["organizations.csv"][0]  # what the file does not say is filled in, and the note says so
>>> result.report.valid, gresp["kind"], gresp["status"], gresp["section"], gresp["note"]
(True, 'network', 'unknown', 'mapa.ttl', 'importado de mapa.ttl el 2025-01-31')
"""
from __future__ import annotations

import json
import re
import datetime as dt
from pathlib import Path
from typing import Any, Mapping

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from essgraph.graphmodel import NETWORK_LABEL, NODE_SPECS, iter_nodes, iter_relationships
from essgraph.graphmodel.schema import PropertySpec, is_year_property
from essgraph.graphmodel.vocab import ESSGLOBAL_BASE, ESSGLOBAL_SCHEMES

from essgraph.loaders.dataset import LOCATION_NOTE
from essgraph.loaders.essglobal_reader import ImportResult, Reader
from essgraph.loaders.essglobal_terms import (
    AGENT_KEYS, COUNTRY, DATASET_TERMS, ESSG, ESSGLOBAL, FROM_END, GR, LANGUAGE_TAGS, NODE_CLASSES, PREDICATES, PREFIXES,
    SCHEMA, VCARD, shapes_file, tie_predicate, vocabulary_file,
)
from essgraph.loaders.folder import RELATIONSHIP_COLUMNS
from essgraph.loaders.murmurations_export import check_base_url
from essgraph.loaders.rdfparse import parse_rdf_file
from essgraph.loaders.text import slugify

__all__ = [
    "ESSGLOBAL", "ESSG", "GR", "VCARD", "SCHEMA", "PREFIXES", "COUNTRY", "PREDICATES", "DATASET_TERMS",
    "ImportResult", "tie_predicate", "vocabulary_file", "shapes_file", "essglobal_graph", "essglobal_bytes",
    "read_essglobal",
]

_DATES = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}
_NOT_IRI = re.compile(r'[\s<>"{}|\\^`]')


# -- export ---------------------------------------------------------------------------------------

def essglobal_graph(G: nx.MultiDiGraph, *, base_url: str) -> Graph:
    """The graph ``G`` as ESSGlobal linked data (an rdflib ``Graph``).

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph in essgraph's NetworkX form (already public where it must be).
    base_url : str
        An http(s) address, where the file will be published: the dataset's URI
        (with a final ``/`` added when missing); a node's is it followed by the id.

    Raises
    ------
    essgraph.errors.RenderError
        ``base_url`` is not an http(s) address.
    """
    base = check_base_url(base_url)
    g = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        g.bind(prefix, namespace)
    _add_dataset(g, base, G.graph.get("dataset", {}))
    for node in iter_nodes(G):
        _add_node(g, G, base, node.id, node.labels, node.properties)
    seen: dict[str, int] = {}
    for rel in iter_relationships(G):
        if not (rel.type == "LOCATED_IN" and rel.properties.get("note") == LOCATION_NOTE):  # the region column's
            _add_tie(g, base, rel.type, rel.start, rel.end, rel.key, rel.properties, seen)
    return g


def essglobal_bytes(G: nx.MultiDiGraph, *, base_url: str, syntax: str = "turtle") -> bytes:
    """:func:`essglobal_graph` serialised as ``"turtle"`` or ``"json-ld"`` (UTF-8, deterministic)."""
    g = essglobal_graph(G, base_url=base_url)
    if syntax != "json-ld":
        return g.serialize(format="turtle").encode("utf-8")
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    document = json.loads(g.serialize(format="json-ld", context=context))
    # rdflib walks its store's sets, whose order changes from run to run: sort resources and values.
    for resource in document["@graph"]:
        for key, value in resource.items():
            if isinstance(value, list):
                value.sort(key=lambda item: json.dumps(item, sort_keys=True, ensure_ascii=False))
    document["@graph"].sort(key=lambda resource: resource["@id"])
    return json.dumps(document, sort_keys=True, indent=1, ensure_ascii=False).encode("utf-8")


def _add_dataset(g: Graph, base: str, metadata: Mapping[str, Any]) -> None:
    dataset = URIRef(base)
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.conformsTo, URIRef(str(ESSGLOBAL))))
    for key, predicate in DATASET_TERMS.items():
        value = metadata.get(key)
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str) or not item:
                continue
            if key in AGENT_KEYS:
                agent = URIRef(f"{base}agent/{slugify(item) or 'agent'}")
                g.add((dataset, predicate, agent))
                g.add((agent, RDF.type, FOAF.Agent))
                g.add((agent, FOAF.name, Literal(item)))
            else:
                datatype = _DATES.get(len(item)) if key == "date" and re.fullmatch(r"[0-9-]+", item) else None
                g.add((dataset, predicate, Literal(item, datatype=datatype)))


def _add_node(g: Graph, G: nx.MultiDiGraph, base: str, node_id: str, labels: tuple[str, ...],
              props: Mapping[str, Any]) -> None:
    spec = NODE_SPECS[next(label for label in labels if label in NODE_SPECS)]
    subject = URIRef(base + node_id)
    if spec.label == "Organization":
        g.add((subject, RDF.type, ESSGLOBAL.Network if NETWORK_LABEL in labels else ESSGLOBAL.SSEInitiative))
    else:
        g.add((subject, RDF.type, NODE_CLASSES[spec.label]))
    g.add((subject, DCTERMS.identifier, Literal(node_id)))
    address = None
    region = props.get("region")
    if region or props.get("locality"):
        address = URIRef(f"{base}{node_id}/address")
        g.add((subject, ESSGLOBAL.hasAddress, address))
        g.add((address, RDF.type, ESSGLOBAL.Address))
        g.add((address, VCARD["country-name"], Literal(COUNTRY)))
        if region:
            g.add((address, VCARD.region, Literal(G.nodes[region].get("name", region) if region in G else region)))
    for p in spec.properties[1:]:
        target = address if p.name == "locality" and address is not None else subject
        for item in _items(props.get(p.name)):
            g.add((target, PREDICATES[p.name], _object(p, item, base)))
    web = props.get("web")
    homepage = web if web and "://" in web else f"http://{web}"
    if web and not _NOT_IRI.search(homepage):
        g.add((subject, FOAF.homepage, URIRef(homepage)))


def _add_tie(g: Graph, base: str, rel_type: str, start: str, end: str, key: str, props: Mapping[str, Any],
             seen: dict[str, int]) -> None:
    subject, predicate, obj = URIRef(base + start), tie_predicate(rel_type), URIRef(base + end)
    if rel_type in FROM_END:
        subject, obj = obj, subject
    g.add((subject, predicate, obj))
    if rel_type == "MEMBER_OF":
        g.add((obj, DCTERMS.hasPart, subject))
    iri = f"{base}tie/{key.replace(':', '/')}"
    seen[iri] = count = seen.get(iri, 0) + 1  # two ties whose redacted quotes became equal
    statement = URIRef(iri if count == 1 else f"{iri}-{count}")
    g.add((statement, RDF.type, RDF.Statement))
    g.add((statement, RDF.subject, subject))
    g.add((statement, RDF.predicate, predicate))
    g.add((statement, RDF.object, obj))
    for p in RELATIONSHIP_COLUMNS[3:]:
        for item in _items(props.get(p.name)):
            g.add((statement, PREDICATES[p.name], _object(p, item, base)))


def _items(value: Any) -> list[Any]:
    if value is None or value == "":
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _object(p: PropertySpec, value: Any, base: str) -> URIRef | Literal:
    if p.ref:
        return URIRef(base + str(value))
    scheme = ESSGLOBAL_SCHEMES.get(p.vocabulary or "")
    if scheme:
        return URIRef(f"{ESSGLOBAL_BASE}{scheme}/{value}")
    if p.type == "int":
        return Literal(str(value), datatype=XSD.gYear if is_year_property(p.name) else XSD.integer)
    return Literal(str(value), lang=LANGUAGE_TAGS.get(p.name))


# -- import ---------------------------------------------------------------------------------------

def read_essglobal(source: str | Path, *, date: str | None = None) -> ImportResult:
    """Read an ESSGlobal Turtle or RDF/XML file into data-folder rows, with every problem at once.

    Parameters
    ----------
    source : str or Path
        ``.ttl`` / ``.nt`` (Turtle) or ``.rdf`` / ``.owl`` / ``.xml`` (RDF/XML);
        any other name is read as what its first character says.
    date : str, optional
        Day of the import (``AAAA-MM-DD``, default today), written in the
        provenance of the rows the file gives no evidence for.

    Returns
    -------
    ImportResult
        The rows by data file (``organizations.csv``, ``relationships.csv``…),
        one an organization, municipality, region, person or tie. What
        the file does not say is filled in: ``kind`` from the class
        (``network`` / ``initiative``), ``status`` ``unknown``, evidence
        ``imported``, section the file's name, quote the triple read, and a note
        saying where and when. Regions are matched to Peru's departments by
        name when the file has no ``essg:Region``.

    Raises
    ------
    essgraph.loaders.readers.ReadError
        The file cannot be read or parsed (:func:`~essgraph.loaders.rdfparse.parse_rdf_file`):
        nothing is returned, so nothing is written.
    """
    path = Path(source)
    graph = parse_rdf_file(path)
    return Reader(graph, path, date or dt.date.today().isoformat()).result()


