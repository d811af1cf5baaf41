"""ESSGlobal linked data: the export (Turtle, JSON-LD, SHACL, the vocabularies) and the import (round trip, other
maps' files, hostile files)."""
from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS

from essgraph.errors import RenderError
from essgraph.graphmodel import NODE_SPECS, REL_SPECS, SYMMETRIC_TYPES, iter_relationships, public_graph, to_json_dict
from essgraph.graphmodel.vocab import NETWORK_KINDS
from essgraph.loaders import DEFAULT_BASE_URL, export, load_graph
from essgraph.loaders import rdfparse
from essgraph.loaders.dataset import LOCATION_NOTE
from essgraph.loaders.essglobal import (
    DATASET_TERMS, ESSG, ESSGLOBAL, GR, PREDICATES, VCARD, essglobal_graph, read_essglobal, shapes_file,
    tie_predicate, vocabulary_file,
)
from essgraph.loaders.essglobal_terms import FROM_END, in_column
from essgraph.loaders.folder import FILE_KINDS, RELATIONSHIP_COLUMNS
from essgraph.loaders.readers import ReadError

BASE = "https://datos.example.pe/ess/"
DAY = "2025-01-31"
ESSGLOBAL_STANDARD = "http://purl.org/essglobal/standard/"


@pytest.fixture(scope="module")
def public_export(real_graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(real_graph, "essglobal", tmp_path_factory.mktemp("essglobal") / "mapa.ttl", base_url=BASE)


@pytest.fixture(scope="module")
def rdf(public_export: Path) -> Graph:
    return Graph().parse(public_export, format="turtle")


def _ties(G: nx.MultiDiGraph) -> list[Any]:
    """The relationships an export writes as ties: all but the LOCATED_IN the region column makes."""
    return [r for r in iter_relationships(G)
            if not (r.type == "LOCATED_IN" and r.properties.get("note") == LOCATION_NOTE)]


# -- export ---------------------------------------------------------------------------------------

def _triple(rel: Any) -> tuple[str, str, str]:
    """The triple a relationship is written as: ``schema:founder`` runs from the founded to its founder."""
    start, end = (rel.end, rel.start) if rel.type in FROM_END else (rel.start, rel.end)
    return BASE + start, str(tie_predicate(rel.type)), BASE + end


def test_turtle_and_jsonld_are_the_same_graph(real_graph: nx.MultiDiGraph, public_export: Path, rdf: Graph,
                                              tmp_path: Path) -> None:
    jsonld = export(real_graph, "essglobal-jsonld", tmp_path / "mapa.jsonld", base_url=BASE)
    assert isomorphic(rdf, Graph().parse(jsonld, format="json-ld"))
    again = export(real_graph, "essglobal-jsonld", tmp_path / "again.jsonld", base_url=BASE)
    assert again.read_bytes() == jsonld.read_bytes()
    assert public_export.read_bytes().startswith(b"@prefix dcat: <http://www.w3.org/ns/dcat#> .")


def test_every_organization_is_an_initiative_or_a_network_by_its_kind(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    organizations = {n: d["kind"] for n, d in real_graph.nodes(data=True) if "Organization" in d["labels"]}
    networks = {str(s) for s in rdf.subjects(RDF.type, ESSGLOBAL.Network)}
    initiatives = {str(s) for s in rdf.subjects(RDF.type, ESSGLOBAL.SSEInitiative)}
    assert networks == {BASE + n for n, kind in organizations.items() if kind in NETWORK_KINDS}
    assert initiatives == {BASE + n for n, kind in organizations.items() if kind not in NETWORK_KINDS}
    gresp = URIRef(BASE + "gresp")
    assert rdf.value(gresp, GR.name) == Literal(real_graph.nodes["gresp"]["name"])
    assert rdf.value(gresp, DCTERMS.identifier) == Literal("gresp")


def test_codes_are_the_concepts_of_the_essglobal_vocabularies(rdf: Graph, shared_file) -> None:
    concepts: set[Any] = set()
    for scheme in ("legal-form", "activities", "themes", "qualifiers", "base-membership-type"):
        skos = Graph().parse(shared_file(f"vocab/essglobal/{scheme}.skos"), format="xml")
        concepts |= set(skos.subjects(RDF.type, SKOS.Concept))
    used = {o for o in rdf.objects() if str(o).startswith(ESSGLOBAL_STANDARD)}
    assert len(used) > 40 and used <= concepts
    vocabulary = Graph().parse(shared_file("vocab/essglobal/essglobal-vocab.ttl"), format="turtle")
    terms = {t for triple in rdf for t in triple if str(t).startswith(str(ESSGLOBAL))} - {URIRef(str(ESSGLOBAL))}
    assert terms == {t for t in terms if (t, None, None) in vocabulary}
    assert {ESSGLOBAL.SSEInitiative, ESSGLOBAL.Network, ESSGLOBAL.legalForm, ESSGLOBAL.hasAddress} <= terms
    casa = URIRef(BASE + "casa-betania")
    assert set(rdf.objects(casa, ESSGLOBAL.qualifier)) == {URIRef(ESSGLOBAL_STANDARD + "qualifiers/q08"),
                                                            URIRef(ESSGLOBAL_STANDARD + "qualifiers/q05")}
    assert rdf.value(casa, ESSGLOBAL.primarySector) == URIRef(ESSGLOBAL_STANDARD + "activities/a03")


def test_membership_triples_are_the_member_of_ties(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    member_of = {(BASE + r.start, BASE + r.end) for r in iter_relationships(real_graph) if r.type == "MEMBER_OF"}
    assert len(member_of) > 30
    assert {(str(s), str(o)) for s, o in rdf.subject_objects(DCTERMS.isPartOf)} == member_of
    assert {(str(s), str(o)) for o, s in rdf.subject_objects(DCTERMS.hasPart)} == member_of


def test_every_tie_is_asserted_and_keeps_its_evidence_in_a_statement(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    public = public_graph(real_graph)
    ties = _ties(public)
    statements = list(rdf.subjects(RDF.type, RDF.Statement))
    assert len(statements) == len(ties) == len(set(statements))
    found = Counter()
    for statement in statements:
        s, p, o = (rdf.value(statement, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        assert (s, p, o) in rdf
        evidence = {c: "".join(str(v) for v in rdf.objects(statement, PREDICATES[c]) if in_column(c, v))
                    for c in _STATEMENT_COLUMNS}
        found[(str(s), str(p), str(o), tuple(evidence.values()))] += 1
    expected = Counter((*_triple(r), tuple(str(r.properties.get(c, "")) for c in _STATEMENT_COLUMNS)) for r in ties)
    assert found == expected
    spanish = {str(v) for v in rdf.objects(None, SKOS.editorialNote) if getattr(v, "language", None) == "es"}
    assert "participación en el proceso de integración regional (agenda de la ESS)" in spanish  # note_es: tagged @es
    assert "participation in the regional integration process (ESS agenda)" not in spanish


_STATEMENT_COLUMNS = ("section", "quote", "year", "evidence", "note", "note_es")


def test_addresses_name_the_region_and_the_country(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    address = rdf.value(URIRef(BASE + "gies-san-juan-de-lurigancho"), ESSGLOBAL.hasAddress)
    vcard = VCARD
    assert (address, RDF.type, ESSGLOBAL.Address) in rdf
    assert [str(rdf.value(address, p)) for p in (vcard.region, vcard.locality, vcard["country-name"])] == [
        real_graph.nodes["lima"]["name"], "San Juan de Lurigancho", "Perú"]


def test_the_dataset_carries_the_metadata_of_dataset_toml(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    dataset = URIRef(BASE)
    metadata = real_graph.graph["dataset"]
    assert (dataset, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in rdf
    assert str(rdf.value(dataset, ESSG.inclusionCriteria)) == metadata["inclusion_criteria"]
    assert str(rdf.value(dataset, ESSG.mappedBy)) == metadata["mapped_by"]
    assert rdf.value(dataset, DCTERMS.issued) == Literal("2018-09", datatype=URIRef("http://www.w3.org/2001/XMLSchema#gYearMonth"))
    creators = {str(rdf.value(agent, URIRef("http://xmlns.com/foaf/0.1/name"))) for agent in rdf.objects(dataset, DCTERMS.creator)}
    assert creators == set(metadata["authors"])


def test_the_public_export_has_no_personal_data_and_the_private_one_has(real_graph: nx.MultiDiGraph,
                                                                         public_export: Path, tmp_path: Path) -> None:
    person = next(d for n, d in real_graph.nodes(data=True) if "Person" in d["labels"] and d.get("name"))
    private = export(real_graph, "essglobal", tmp_path / "private.ttl", include_personal_data=True, base_url=BASE)
    assert person["name"].encode() in private.read_bytes()
    assert person["name"].encode() not in public_export.read_bytes()


def test_the_export_conforms_to_the_application_profile_shapes(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, results, _ = shacl_validate(rdf, shacl_graph=shapes, allow_warnings=True)
    networks = {n for n, d in real_graph.nodes(data=True) if d.get("kind") in NETWORK_KINDS}
    with_members = {r.end for r in iter_relationships(real_graph) if r.type == "MEMBER_OF"}
    warned = set(results.objects(None, URIRef("http://www.w3.org/ns/shacl#focusNode")))
    assert conforms and warned == {URIRef(BASE + n) for n in networks - with_members}


def test_the_shapes_catch_what_the_application_profile_forbids(rdf: Graph) -> None:
    broken = Graph()
    for triple in rdf:
        broken.add(triple)
    broken.remove((URIRef(BASE + "gresp"), GR.name, None))  # no name
    broken.add((URIRef(BASE + "casa-betania"), GR.name, Literal("Otra Casa")))  # two names
    broken.remove((URIRef(BASE + "inpet"), RDF.type, None))  # no class
    shapes = Graph().parse(shapes_file(), format="turtle")
    conforms, results, _ = shacl_validate(broken, shacl_graph=shapes, allow_warnings=True)
    violations = {str(node).removeprefix(BASE) for result in results.subjects(
        URIRef("http://www.w3.org/ns/shacl#resultSeverity"), URIRef("http://www.w3.org/ns/shacl#Violation"))
        for node in results.objects(result, URIRef("http://www.w3.org/ns/shacl#focusNode"))}
    assert not conforms and violations == {"gresp", "casa-betania", "inpet"}


def test_base_urls(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    g = essglobal_graph(real_graph, base_url="https://datos.example.pe/ess")  # the final / is added
    assert (URIRef("https://datos.example.pe/ess/gresp"), RDF.type, ESSGLOBAL.Network) in g
    path = export(real_graph, "essglobal", tmp_path / "default.ttl")
    assert f"<{DEFAULT_BASE_URL}gresp> a essglobal:Network".encode() in path.read_bytes()
    for bad in ("datos/ess/", "urn:example:ess#", "https://datos example/"):
        with pytest.raises(RenderError, match=f"^the base URL '{bad}' is not an http\\(s\\) address") as info:
            export(real_graph, "essglobal", tmp_path / "bad.ttl", base_url=bad)
        assert info.value.options == ("base_url",)
    with pytest.raises(RenderError, match="^a base URL applies to the murmurations and essglobal formats only$"):
        export(real_graph, "json", tmp_path / "bad.json", base_url=BASE)
    with pytest.raises(RenderError, match="^choosing the reported ties applies to the murmurations format only"):
        export(real_graph, "essglobal", tmp_path / "bad.ttl", include_reported=True)
    assert not (tmp_path / "bad.ttl").exists() and not (tmp_path / "bad.json").exists()


# -- essgraph's vocabulary ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def essg_vocabulary() -> Graph:
    return Graph().parse(vocabulary_file(), format="turtle")


def test_every_column_and_relationship_type_has_its_term() -> None:
    columns = {p.name for spec in NODE_SPECS.values() for p in spec.properties} | {p.name for p in RELATIONSHIP_COLUMNS}
    assert columns - set(PREDICATES) == {"id", "type", "start", "end"}
    assert len({tie_predicate(t) for t in REL_SPECS}) == len(REL_SPECS)


def test_ties_use_the_murmurations_profiles_predicates(real_graph: nx.MultiDiGraph, rdf: Graph) -> None:
    from essgraph.loaders.murmurations import PREDICATES as PROFILE_PREDICATES

    assert {t: str(tie_predicate(t)) for t in PROFILE_PREDICATES if t != "MEMBER_OF"} == {
        t: p.url for t, p in PROFILE_PREDICATES.items() if t != "MEMBER_OF"}
    founded = [r for r in iter_relationships(real_graph) if r.type == "FOUNDED"]
    assert founded and FROM_END == {"FOUNDED"}
    founder = URIRef("https://schema.org/founder")
    assert {(str(s), str(o)) for s, o in rdf.subject_objects(founder)} == {(BASE + r.end, BASE + r.start) for r in founded}


def test_the_vocabulary_file_defines_exactly_the_terms_used(rdf: Graph, essg_vocabulary: Graph) -> None:
    defined = {s for s in essg_vocabulary.subjects(RDF.type, None) if str(s).startswith(str(ESSG)) and s != URIRef(str(ESSG))}
    meant = ({t for t in PREDICATES.values() if str(t).startswith(str(ESSG))}
             | {tie_predicate(t) for t in REL_SPECS if str(tie_predicate(t)).startswith(str(ESSG))}
             | {t for t in DATASET_TERMS.values() if str(t).startswith(str(ESSG))}
             | {ESSG.Municipality, ESSG.Region, ESSG.MacroRegion})
    used = {t for triple in rdf for t in triple if isinstance(t, URIRef) and str(t).startswith(str(ESSG))}
    assert defined == meant and used <= defined
    assert all((t, RDFS.label, None) in essg_vocabulary for t in defined)


def test_tie_terms_carry_the_model_s_names_and_symmetry(essg_vocabulary: Graph) -> None:
    for rel_type, spec in REL_SPECS.items():
        term = tie_predicate(rel_type)
        if not str(term).startswith(str(ESSG)):  # dcterms:isPartOf, schema.org's
            continue
        labels = {(str(label), label.language) for label in essg_vocabulary.objects(term, RDFS.label)}
        assert labels == {(spec.term.es, "es"), (spec.term.en, "en")}, rel_type
        assert ((term, RDF.type, OWL.SymmetricProperty) in essg_vocabulary) == (rel_type in SYMMETRIC_TYPES), rel_type


# -- import: round trip ---------------------------------------------------------------------------

def _write_folder(rows: dict[str, list[dict[str, str]]], folder: Path) -> Path:
    """The rows as a data folder (plain CSV: the test compares values exactly)."""
    folder.mkdir()
    for name, found in rows.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, FILE_KINDS[name.removesuffix(".csv")].column_names)
            writer.writeheader()
            writer.writerows(found)
    return folder


def _canonical(G: nx.MultiDiGraph) -> tuple[dict[str, Any], dict[tuple[str, ...], dict[str, Any]]]:
    """Nodes and relationships with list values as sets (RDF keeps no order among a property's values)."""
    data = to_json_dict(G)
    def flat(props: dict[str, Any]) -> dict[str, Any]:
        return {k: frozenset(v) if isinstance(v, list) else v for k, v in props.items()}
    nodes = {n["id"]: (tuple(n["labels"]), flat(n["properties"])) for n in data["nodes"]}
    rels = {(r["type"], r["start"], r["end"], r["properties"].get("quote", "")): flat(r["properties"])
            for r in data["relationships"]}
    return nodes, rels


def test_round_trip_keeps_every_organization_tie_and_evidence_field(real_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    path = export(real_graph, "essglobal", tmp_path / "mapa.ttl", include_personal_data=True, base_url=BASE)
    result = read_essglobal(path, date=DAY)
    assert result.report.problems == []
    back = load_graph(data_dir=_write_folder(result.rows, tmp_path / "data"))
    nodes, rels = _canonical(real_graph)
    nodes_back, rels_back = _canonical(back)
    evidence = {"section", "quote", "year", "evidence", "note"}
    counts = {"nodes": len(nodes), "organizations": sum("Organization" in labels for labels, _ in nodes.values()),
              "relationships": len(rels), "ties written as statements": len(_ties(real_graph)),
              "node evidence fields": sum(len(set(props) & evidence) for _, props in nodes.values()),
              "relationship evidence fields": sum(len(set(props) & evidence) for props in rels.values())}
    # The other 101 relationships are the LOCATED_IN the region columns make: written as addresses, made again.
    assert counts == {"nodes": 318, "organizations": 169, "relationships": 395, "ties written as statements": 294,
                      "node evidence fields": 798, "relationship evidence fields": 1449}
    assert nodes_back == nodes  # list values compared as sets: their order is not kept (docs/formats.md)
    assert rels_back == rels
    metadata = {k: v for k, v in real_graph.graph["dataset"].items() if k in DATASET_TERMS}
    assert result.metadata == {**metadata, "authors": sorted(metadata["authors"])}


def test_the_public_export_imports_with_its_marks_and_no_error(real_graph: nx.MultiDiGraph, public_export: Path,
                                                               tmp_path: Path) -> None:
    result = read_essglobal(public_export, date=DAY)
    assert result.report.problems == []
    people = result.rows["people.csv"]
    assert people and all(p["name"] == p["id"] and p["id"].startswith("entrevistado-") for p in people)
    assert all(p["note"] == f"importado de mapa.ttl el {DAY}" for p in people)
    back = load_graph(data_dir=_write_folder(result.rows, tmp_path / "data"))
    assert back.number_of_nodes() == real_graph.number_of_nodes()
    assert Counter(t for *_, t in back.edges(data="type")) == Counter(t for *_, t in real_graph.edges(data="type"))


# -- import: another map's file -------------------------------------------------------------------

OTHER_MAP = """\
@prefix essglobal: <http://purl.org/essglobal/vocab/> .
@prefix gr: <http://purl.org/goodrelations/v1#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix geo: <http://www.w3.org/2003/01/geo/wgs84_pos#> .
@prefix : <https://otro-mapa.example/ess/> .

:R001 a essglobal:SSEInitiative ;
    gr:name "Cooperativa Agraria Los Andes" ;
    essglobal:legalForm <http://purl.org/essglobal/standard/legal-form/L22> ;
    essglobal:primarySector <http://purl.org/essglobal/standard/activities/a01> ;
    dcterms:type <http://purl.org/essglobal/standard/themes/T2> ;
    essglobal:baseMembershipType "Producers" ;
    essglobal:hasAddress [ a essglobal:Address ; vcard:region "Cuzko" ; vcard:locality "Quillabamba" ; geo:lat "-12.8" ] ;
    dcterms:isPartOf :RED1 .

:R002 a essglobal:SSEInitiative ;
    gr:name "Feria Solidaria", "Feria Solidaria de Puno" ;
    essglobal:hasAddress [ vcard:region "Junín" ] .

:R003 a essglobal:SSEInitiative ; essglobal:legalForm <http://purl.org/essglobal/standard/legal-form/L2> .

:RED1 a essglobal:Network ; gr:name "Red de Economía Solidaria del Sur" ; dcterms:hasPart :R002, :R999 .

:SHOP a essglobal:LocationOfSale ; dcterms:title "Tienda" .
"""


@pytest.fixture
def other_map(tmp_path: Path) -> Path:
    path = tmp_path / "otro.ttl"
    path.write_text(OTHER_MAP, encoding="utf-8")
    return path


def test_another_map_s_file_gives_rows_with_their_provenance(other_map: Path) -> None:
    result = read_essglobal(other_map, date=DAY)
    organizations = {r["id"]: r for r in result.rows["organizations.csv"]}
    assert sorted(organizations) == ["r001", "r002", "r003", "red1"]
    andes = organizations["r001"]
    assert (andes["kind"], andes["status"], andes["sector"], andes["themes"], andes["membership_base"]) == (
        "initiative", "unknown", "a01", "T2", "BMT20")  # "Producers" is the English label of BMT20
    assert (andes["region"], andes["locality"]) == ("cuzko", "Quillabamba")
    assert organizations["r002"]["region"] == "junin" and organizations["red1"]["kind"] == "network"
    assert andes["section"] == "otro.ttl" and andes["quote"] == (
        '<https://otro-mapa.example/ess/R001> gr:name "Cooperativa Agraria Los Andes"')
    assert andes["note"] == f"importado de otro.ttl el {DAY}"
    ties = [(r["type"], r["start"], r["end"], r["evidence"], r["quote"]) for r in result.rows["relationships.csv"]]
    assert ties == [
        ("MEMBER_OF", "r001", "red1", "imported",
         "<https://otro-mapa.example/ess/R001> dcterms:isPartOf <https://otro-mapa.example/ess/RED1>"),
        ("MEMBER_OF", "r002", "red1", "imported",
         "<https://otro-mapa.example/ess/RED1> dcterms:hasPart <https://otro-mapa.example/ess/R002>"),
        ("MEMBER_OF", "r999", "red1", "imported",
         "<https://otro-mapa.example/ess/RED1> dcterms:hasPart <https://otro-mapa.example/ess/R999>"),
    ]
    assert len(result.rows["regions.csv"]) == 25  # Peru's departments, for the rows' region ids


def test_every_problem_at_once_located_by_subject_and_property(other_map: Path) -> None:
    result = read_essglobal(other_map, date=DAY)
    report = result.report
    # what only RDF shows; the rest is the data folder's own validation of the rows
    assert {p.type for p in result.problems} == {"rdf-property-not-read", "rdf-type-not-read", "rdf-several-values"}
    found = [(p.severity, p.type, p.column, p.value) for p in report.problems]
    other = "https://otro-mapa.example/ess/"
    assert found == [
        ("warning", "rdf-property-not-read", "", "geo:lat"),
        ("warning", "rdf-type-not-read", "", "essglobal:LocationOfSale"),
        ("error", "unknown-reference", f"<{other}R001> essglobal:hasAddress/vcard:region", "cuzko"),
        ("error", "bad-enum", f"<{other}R001> essglobal:legalForm", "L22"),
        ("error", "rdf-several-values", f"<{other}R002> gr:name", "Feria Solidaria | Feria Solidaria de Puno"),
        ("error", "missing-value", f"<{other}R003> gr:name", ""),
        ("error", "unknown-reference", f"<{other}RED1> dcterms:hasPart", "r999"),
    ]
    text = report.render("en")
    assert "'cuzko' in <https://otro-mapa.example/ess/R001> essglobal:hasAddress/vcard:region is not a known " \
           "Region id — did you mean cusco (Cusco)?" in text
    assert "'L22' is not an allowed value of <https://otro-mapa.example/ess/R001> essglobal:legalForm — " \
           "did you mean L2?" in text
    assert "¿quiso decir L2?" in report.render("es")


def test_a_file_without_organizations_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "vacio.ttl"
    path.write_text("", encoding="utf-8")
    report = read_essglobal(path).report
    assert [(p.type, p.severity) for p in report.problems] == [("rdf-no-organizations", "error")]


# -- import: hostile files ------------------------------------------------------------------------

def test_blank_node_cycles_are_read_without_looping(tmp_path: Path) -> None:
    path = tmp_path / "ciclo.ttl"
    path.write_text("""\
@prefix essglobal: <http://purl.org/essglobal/vocab/> .
@prefix gr: <http://purl.org/goodrelations/v1#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
_:a a essglobal:SSEInitiative ; gr:name "Iniciativa A" ; dcterms:isPartOf _:b ; essglobal:hasAddress _:x .
_:b a essglobal:Network ; gr:name "Red B" ; dcterms:isPartOf _:a ; dcterms:hasPart _:a, _:b .
_:x essglobal:hasAddress _:y . _:y essglobal:hasAddress _:x .
_:l <http://www.w3.org/1999/02/22-rdf-syntax-ns#rest> _:l .
""", encoding="utf-8")
    result = read_essglobal(path, date=DAY)
    assert [r["id"] for r in result.rows["organizations.csv"]] == ["red-b", "iniciativa-a"]
    ties = sorted((r["start"], r["end"]) for r in result.rows["relationships.csv"])
    assert ties == [("iniciativa-a", "red-b"), ("red-b", "iniciativa-a"), ("red-b", "red-b")]
    assert {p.type for p in result.report.problems} == {"self-relationship", "rdf-property-not-read", "rdf-type-not-read"}


@pytest.mark.parametrize(("name", "content", "message"), [
    ("roto.ttl", '@prefix : <http://x/> .\n:a :b "sin cerrar .\n',
     "cannot read roto.ttl as Turtle: line 2: newline found in string literal: correct the file at that point"),
    ("prefijo.ttl", ":a :b :c .", 'cannot read prefijo.ttl as Turtle: line 1: Prefix ":" not bound'),
    ("hondo.ttl", "@prefix : <http://x/> . :a :p " + "[ :p " * 50000 + ":b" + " ]" * 50000 + " .",
     "cannot read hondo.ttl as Turtle: brackets or lists nested too deeply"),
    ("binario.ttl", b"\xff\xfe\x00<a", "cannot read binario.ttl as Turtle: 'utf-8' codec can't decode byte 0xff"),
    ("roto.rdf", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
                 '<rdf:Description></rdf:RDF>', "cannot read roto.rdf as RDF/XML: line 1, column 105: mismatched tag"),
    ("corto.ttl", '<http://x/a> <http://x/b> "c', "cannot read corto.ttl as Turtle: Quote expected in string"),
    ("mapa.jsonld", "{}", "mapa.jsonld: '.jsonld' files are not imported: convert it to Turtle (.ttl)"),
])
def test_unreadable_files_are_one_clear_error(tmp_path: Path, name: str, content: str | bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(ReadError, match=re.escape(message)):
        read_essglobal(path)


def test_missing_and_too_large_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ReadError, match="cannot read nada.ttl: No such file or directory"):
        read_essglobal(tmp_path / "nada.ttl")
    path = tmp_path / "grande.ttl"
    path.write_bytes(b"#" * 3 * 2**20)
    monkeypatch.setattr(rdfparse, "MAX_BYTES", 2**20)
    with pytest.raises(ReadError, match="grande.ttl is 3 MB, over the 1 MB limit of an RDF file: split it"):
        read_essglobal(path)


RDF_XML = ('<?xml version="1.0"?>{doctype}<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:gr="http://purl.org/goodrelations/v1#" xmlns:essglobal="http://purl.org/essglobal/vocab/">'
           '<essglobal:SSEInitiative rdf:about="http://x/a"><gr:name>{name}</gr:name></essglobal:SSEInitiative></rdf:RDF>')


def test_rdf_xml_entity_bombs_stop_and_external_entities_are_never_read(tmp_path: Path) -> None:
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(f'<!ENTITY {c} "{("&" + p + ";") * 10}">'
                                                     for p, c in zip("abcdefgh", "bcdefghi"))
    bomb = tmp_path / "bomba.rdf"
    bomb.write_text(RDF_XML.format(doctype=f"<!DOCTYPE rdf:RDF [{entities}]>", name="&i;"), encoding="utf-8")
    with pytest.raises(ReadError, match="cannot read bomba.rdf as RDF/XML: .*limit on input amplification"):
        read_essglobal(bomb)
    secret = tmp_path / "secreto.txt"
    secret.write_text("SECRETO-123", encoding="utf-8")
    xxe = tmp_path / "xxe.rdf"
    xxe.write_text(RDF_XML.format(doctype=f'<!DOCTYPE rdf:RDF [<!ENTITY s SYSTEM "{secret.as_uri()}">]>', name="&s;"),
                   encoding="utf-8")
    result = read_essglobal(xxe)
    assert "SECRETO" not in repr(result)
    assert [p.type for p in result.report.problems] == ["missing-value"]  # the name the entity would have given


def test_rdf_xml_text_reaches_rdflib_in_large_pieces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """rdflib joins each piece of a text to the rest: a piece per line made a 1 MB literal take minutes."""
    pieces: list[str] = []
    characters = rdfparse.RDFXMLHandler.characters
    monkeypatch.setattr(rdfparse.RDFXMLHandler, "characters",
                        lambda self, content: (pieces.append(content), characters(self, content))[-1])
    path = tmp_path / "lineas.rdf"
    path.write_text(RDF_XML.format(doctype='<!DOCTYPE rdf:RDF [<!ENTITY e "x">]>', name="&e;línea\n" * 5000),
                    encoding="utf-8")
    result = read_essglobal(path)
    assert result.rows["organizations.csv"][0]["name"] == ("xlínea\n" * 5000).strip()
    assert len(pieces) < 10
