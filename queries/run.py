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
from essgraph.graphmodel.privacy import PHONE_PATTERN, pseudonym
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


def public_rows(columns: tuple[str, ...], rows: list[list[Any]]) -> list[list[Any]]:
    """Rows without personal data: people as pseudonyms, no quote of a person's own tie, no phones.

    Person ids are slugs of names, so every ``person-…`` value becomes its
    :func:`~essgraph.graphmodel.privacy.pseudonym` (the same one the public exports use).

    >>> public_rows(("type", "other", "quote"), [["REPRESENTS", "person-ana-diaz", "Ana Díaz"],
    ...                                          ["MEMBER_OF", "gresp", "tel. 01 4234567"]])
    [['REPRESENTS', 'person-9fdb5557', None], ['MEMBER_OF', 'gresp', 'tel. [teléfono]']]
    """
    out = []
    for row in rows:
        cells = dict(zip(columns, row))
        personal_tie = cells.get("type") == "REPRESENTS"
        clean = []
        for column, value in zip(columns, row):
            if isinstance(value, str) and value.startswith("person-"):
                value = pseudonym(value)
            elif column in ("quote", "note") and isinstance(value, str):
                value = None if personal_tie else PHONE_PATTERN.sub("[teléfono]", value)
            clean.append(value)
        out.append(clean)
    return out


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
    return QueryResult(spec.name, spec.columns, rows if include_personal_data else public_rows(spec.columns, rows))
