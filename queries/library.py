"""The named queries: ``.cypher`` files in this package, each with a header.

A header is a block of ``//`` comment lines at the top of the file::

    // name: orgs_by_region
    // question: Which organizations are based in a region?
    // param: region: str — region id (e.g. lima-metropolitana)
    // columns: id, name, kind

>>> spec = get_query("orgs_by_region")
>>> spec.question, [p.name for p in spec.params], spec.columns
('Which organizations are based in a region?', ['region'], ('id', 'name', 'kind'))
>>> parse_params(get_query("neighbourhood"), {"id": "gresp", "steps": "2"})
{'id': 'gresp', 'steps': 2}
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Mapping

from essgraph.errors import QueryError

__all__ = ["Param", "QuerySpec", "list_queries", "get_query", "parse_params", "parse_header"]

_PARAM = re.compile(r"^(?P<name>\w+):\s*(?P<type>str|int)\s*—\s*(?P<description>.*)$")
_EXAMPLE = re.compile(r"\(e\.g\. (?P<example>[^)]+)\)")


@dataclass(frozen=True)
class Param:
    """A query parameter: name, type (``str`` or ``int``), description and an example value."""

    name: str
    type: str
    description: str
    example: str


@dataclass(frozen=True)
class QuerySpec:
    """A named query: its question, parameters, result columns, notes and Cypher text."""

    name: str
    question: str
    params: tuple[Param, ...]
    columns: tuple[str, ...]
    notes: str
    cypher: str


def parse_header(name: str, text: str) -> QuerySpec:
    """Parse one ``.cypher`` file (raises ``ValueError`` on a malformed header)."""
    fields: dict[str, str] = {}
    params: list[Param] = []
    notes: list[str] = []
    body: list[str] = []
    for line in text.splitlines():
        if line.startswith("//") and not body:
            content = line[2:].strip()
            key, _, value = content.partition(":")
            if key == "param":
                match = _PARAM.match(value.strip())
                if not match:
                    raise ValueError(f"{name}: bad param line {content!r}")
                example = _EXAMPLE.search(match["description"])
                params.append(Param(match["name"], match["type"], match["description"],
                                    example["example"] if example else ""))
            elif key in {"name", "question", "columns"}:
                fields[key] = value.strip()
            else:
                notes.append(content)
        else:
            body.append(line)
    if fields.get("name") != name or "question" not in fields or "columns" not in fields:
        raise ValueError(f"{name}: the header needs name (= file name), question and columns")
    columns = tuple(c.strip() for c in fields["columns"].split(","))
    return QuerySpec(name, fields["question"], tuple(params), columns, " ".join(notes), "\n".join(body).strip())


@lru_cache(maxsize=1)
def _load() -> dict[str, QuerySpec]:
    specs = {}
    for entry in resources.files("essgraph.queries").iterdir():
        if entry.name.endswith(".cypher"):
            name = entry.name[: -len(".cypher")]
            specs[name] = parse_header(name, entry.read_text(encoding="utf-8"))
    return dict(sorted(specs.items()))


def list_queries() -> list[QuerySpec]:
    """Every named query, sorted by name."""
    return list(_load().values())


def get_query(name: str) -> QuerySpec:
    """The query called ``name`` (:class:`QueryError` with the list of names if unknown)."""
    try:
        return _load()[name]
    except KeyError:
        raise QueryError(f"unknown query {name!r}: use one of {', '.join(_load())} (essgraph query --list)") from None


def parse_params(spec: QuerySpec, raw: Mapping[str, Any]) -> dict[str, Any]:
    """Check and convert ``raw`` (strings from the command line, or values) to the query's parameters.

    >>> parse_params(get_query("orgs_by_kind"), {})
    Traceback (most recent call last):
    ...
    essgraph.errors.QueryError: query orgs_by_kind needs --param kind=… (organization kind (e.g. cooperative))
    """
    known = {p.name for p in spec.params}
    extra = sorted(set(raw) - known)
    if extra:
        raise QueryError(f"query {spec.name} has no parameter {extra[0]!r}"
                         f" (parameters: {', '.join(sorted(known)) or 'none'})")
    values: dict[str, Any] = {}
    for p in spec.params:
        if p.name not in raw or raw[p.name] in (None, ""):
            raise QueryError(f"query {spec.name} needs --param {p.name}=… ({p.description})")
        value = raw[p.name]
        if p.type == "int":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise QueryError(f"parameter {p.name} of query {spec.name} must be an integer, not {value!r}") from None
        else:
            value = str(value)
        values[p.name] = value
    return values
