"""``essgraph query``: the named queries, over the embedded graph or Neo4j."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from essgraph.spreadsheet import csv_text

from essgraph.errors import QueryError
from essgraph.queries import list_queries
from essgraph.queries import query as run_query
from essgraph.cli.options import graph_options, lang_option
from essgraph.cli.neo4j import connect, neo4j_options

__all__ = ["query", "COMMANDS", "render_rows"]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "|".join(_cell(v) for v in value)
    return str(value)


def render_rows(columns: tuple[str, ...], rows: list[list[Any]], fmt: str) -> str:
    """Rows as a text table, CSV or JSON (a list of objects).

    >>> print(render_rows(("id", "n"), [["a", 1], ["bb", None]], "table"))
    id  n
    --  -
    a   1
    bb
    >>> render_rows(("id",), [[["x", "y"]]], "csv")
    'id\\r\\nx|y\\r\\n'
    """
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2)
    if fmt == "csv":
        return csv_text(columns, [[_cell(v) for v in row] for row in rows])
    cells = [list(columns), ["-" * len(c) for c in columns]] + [[_cell(v) for v in row] for row in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(columns))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells)


def _parse(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise QueryError(f"--param takes key=value, not {pair!r}")
        params[key.strip()] = value
    return params


@click.command()
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
              help="Answer over the NetworkX graph (embedded) or in Neo4j.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
@click.option("--list", "list_only", is_flag=True, help="List the named queries with their parameters.")
@click.option("--include-personal-data", is_flag=True,
              help="Show people's ids and the quotes that name them (internal use only).")
@graph_options
@neo4j_options
@lang_option
def query(name: str | None, params: tuple[str, ...], backend: str, fmt: str, list_only: bool,
          include_personal_data: bool, data_dir: Path | None, snapshot: Path | None, uri: str, user: str, database: str | None,
          allow_insecure: bool, verbose: bool, lang: str) -> None:
    """Answer a named question about the map (essgraph query --list shows them all).

    Example: essgraph query network_members --param network=gresp --format csv
    """
    if list_only:
        for spec in list_queries():
            args = " ".join(f"--param {p.name}={p.example or '…'}" for p in spec.params)
            click.echo(f"{spec.name} {args}".rstrip())
            click.echo(f"    {spec.question}  [{', '.join(spec.columns)}]")
        return
    if not name:
        raise QueryError("give a query name, or --list to see them")
    values = _parse(params)
    if backend == "neo4j":
        with connect(uri, user, database, allow_insecure, verbose, lang) as (driver, settings):
            result = run_query(name, values, driver=driver, database=settings.database,
                               include_personal_data=include_personal_data)
    else:
        from essgraph.loaders import load_graph

        result = run_query(name, values, graph=load_graph(data_dir=data_dir, snapshot=snapshot),
                           include_personal_data=include_personal_data)
    click.echo(render_rows(result.columns, result.rows, fmt))


COMMANDS = [query]
