"""Run a named query on either backend: the NetworkX graph or Neo4j.

>>> from essgraph.graphmodel import Node, build_graph
>>> G = build_graph([Node("coop", ("Organization",), {"name": "Coop", "kind": "cooperative", "region": "cusco"})], [])
>>> query("orgs_by_region", {"region": "cusco"}, graph=G).rows
[['coop', 'Coop', 'cooperative']]
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

import networkx as nx
from neo4j import Driver, RoutingControl
from neo4j import exceptions as nx4j

from essgraph.errors import Neo4jConnectionError, QueryError
from essgraph.graphmodel.privacy import PERSONAL_REL_TEXTS, Redactor, is_personal_node, number_interviewees
from essgraph.queries.embedded import EMBEDDED
from essgraph.queries.library import QuerySpec, get_query, parse_params

__all__ = ["QueryResult", "query", "run_cypher", "run_embedded", "check_values", "public_rows"]


@dataclass(frozen=True)
class QueryResult:
    """The answer of a named query: its columns and its rows (lists in column order)."""

    name: str
    columns: tuple[str, ...]
    rows: list[list[Any]]

    def as_dicts(self) -> list[dict[str, Any]]:
        """Rows as ``{column: value}`` dicts (for JSON)."""
        return [dict(zip(self.columns, row)) for row in self.rows]


def check_values(spec: QuerySpec, params: dict[str, Any]) -> None:
    """Checks beyond types that both backends need (same errors on both).

    >>> check_values(get_query("neighbourhood"), {"id": "gresp", "steps": 11})
    Traceback (most recent call last):
    ...
    essgraph.errors.QueryError: steps must be between 1 and 10, not 11
    """
    if spec.name == "neighbourhood" and not 1 <= params["steps"] <= 10:
        raise QueryError(f"steps must be between 1 and 10, not {params['steps']}")
    if spec.name == "shortest_chain" and params["from"] == params["to"]:
        raise QueryError("from and to must be two different organizations")


def run_embedded(spec: QuerySpec, G: nx.MultiDiGraph, params: dict[str, Any]) -> list[list[Any]]:
    """Rows of ``spec`` over the NetworkX graph."""
    return EMBEDDED[spec.name](G, **params)


def run_cypher(spec: QuerySpec, driver: Driver, params: dict[str, Any], *, database: str | None = None) -> list[list[Any]]:
    """Rows of ``spec`` from Neo4j (one read statement; values only as parameters)."""
    try:
        records, _, keys = driver.execute_query(spec.cypher, parameters_=params, database_=database,
                                                routing_=RoutingControl.READ)
    except (nx4j.ServiceUnavailable, nx4j.SessionExpired, nx4j.AuthError) as exc:
        raise Neo4jConnectionError(f"query {spec.name}: Neo4j is not available ({type(exc).__name__})") from None
    except nx4j.Neo4jError as exc:
        raise QueryError(f"query {spec.name} failed in Neo4j: {exc.code}") from None
    if tuple(keys) != spec.columns:
        raise QueryError(f"query {spec.name} returned columns {list(keys)}, its header says {list(spec.columns)}")
    return [list(record.values()) for record in records]


def public_rows(columns: tuple[str, ...], rows: list[list[Any]], *, marks: Mapping[str, str],
                redact: Redactor) -> list[list[Any]]:
    """Rows without personal data, as the public exports have them.

    People (by id or by name) become their unlinkable marks
    (:func:`~essgraph.graphmodel.privacy.interviewee_marks`), the quote of a
    person's own tie is left out, and free-text columns pass through the one
    :class:`~essgraph.graphmodel.privacy.Redactor` (names, phones, e-mails).
    Rows that named a person are sorted again by what they show.

    >>> rows = [["REPRESENTS", "person-ana-diaz", "Ana Díaz"], ["MEMBER_OF", "gresp", "Ana Díaz, tel. 01 4234567"]]
    >>> public_rows(("type", "other", "quote"), rows, marks={"person-ana-diaz": "entrevistado-1"},
    ...             redact=Redactor(["Ana Díaz"]))
    [['MEMBER_OF', 'gresp', '[persona], tel. [teléfono]'], ['REPRESENTS', 'entrevistado-1', None]]
    """
    out, mapped = [], False
    for row in rows:
        personal_tie = dict(zip(columns, row)).get("type") == "REPRESENTS"
        clean = []
        for column, value in zip(columns, row):
            if isinstance(value, str) and value in marks:
                value, mapped = marks[value], True
            elif column in FREE_TEXT_COLUMNS and isinstance(value, str):
                value = None if personal_tie and column in PERSONAL_REL_TEXTS else redact(value)
            clean.append(value)
        out.append(clean)
    return sorted(out, key=lambda r: [str(v) for v in r]) if mapped else out


#: Every person with the organizations it speaks for: what the public form of a Neo4j answer needs.
PEOPLE_QUERY = ("MATCH (p:Person) OPTIONAL MATCH (p)-[:REPRESENTS]->(o) "
                "RETURN p.id AS id, p.name AS name, collect(o.id) AS orgs")

#: Query columns that hold free text (quotes, notes, descriptions, sections, webs).
FREE_TEXT_COLUMNS = frozenset({"quote", "note", "note_es", "description", "section", "web"})


def _people(graph: nx.MultiDiGraph | None, driver: Driver | None, database: str | None
            ) -> tuple[dict[str, str], Redactor]:
    """Marks for every person (by id and by name) and the redactor of their names, from either store."""
    if graph is not None:
        speaks_for = {p: [str(o) for o in graph.successors(p)] for p in graph if is_personal_node(graph, p)}
        names = {p: str(graph.nodes[p].get("name", "")) for p in speaks_for}
    else:
        records, _, _ = driver.execute_query(  # type: ignore[union-attr]
            PEOPLE_QUERY, database_=database, routing_=RoutingControl.READ)
        speaks_for = {r["id"]: list(r["orgs"]) for r in records}
        names = {r["id"]: str(r["name"] or "") for r in records}
    marks = number_interviewees(speaks_for)
    marks.update({name: marks[p] for p, name in names.items() if name})
    return marks, Redactor(names.values())


def query(
    name: str,
    params: Mapping[str, Any] | None = None,
    *,
    graph: nx.MultiDiGraph | None = None,
    driver: Driver | None = None,
    database: str | None = None,
    include_personal_data: bool = False,
) -> QueryResult:
    """Answer the named query over ``graph`` (embedded) or through ``driver`` (Neo4j); give exactly one.

    Rows carry no personal data (see :func:`public_rows`) unless ``include_personal_data``.
    """
    if (graph is None) == (driver is None):
        raise ValueError("give exactly one of graph= (embedded) or driver= (neo4j)")
    spec = get_query(name)
    values = parse_params(spec, dict(params or {}))
    check_values(spec, values)
    rows = run_embedded(spec, graph, values) if graph is not None else run_cypher(spec, driver, values, database=database)  # type: ignore[arg-type]
    if include_personal_data:
        return QueryResult(spec.name, spec.columns, rows)
    marks, redact = _people(graph, driver, database)
    return QueryResult(spec.name, spec.columns, public_rows(spec.columns, rows, marks=marks, redact=redact))
