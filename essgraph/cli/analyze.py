"""The ``analyze`` command: every network analysis, as JSON and a Markdown summary.

It calls :func:`essgraph.analysis.analyze` and renders the result with
:func:`essgraph.render.markdown.to_markdown`; it holds no graph algorithm. With
``--backend neo4j`` the graph is read from Neo4j (:func:`essgraph.neo4jstore.pull`);
with ``--write-neo4j`` the result goes back into it
(:func:`essgraph.analysis.writeback` → :func:`essgraph.neo4jstore.write_analysis`); with
``--engine gds`` its structure is measured there (:class:`essgraph.neo4jstore.GdsEngine`).

>>> [c.name for c in COMMANDS]
['analyze']
"""
from __future__ import annotations

from contextlib import ExitStack
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

import click

import essgraph.loaders as loaders
from essgraph import analysis
from essgraph.errors import RenderError
from essgraph.files import atomic_write
from essgraph.i18n import Catalog
from essgraph.neo4jstore import GdsEngine, write_analysis
from essgraph.render.markdown import to_markdown

from essgraph.cli.neo4j import connect, neo4j_options, pull_graph
from essgraph.cli.options import graph_options, lang_option, progress_bar, quiet_option

__all__ = ["COMMANDS", "analyze"]

_TEXT = Catalog({
    "json": ("Análisis (JSON) guardado en {path}", "Analysis (JSON) saved to {path}"),
    "md": ("Resumen (Markdown) guardado en {path}", "Summary (Markdown) saved to {path}"),
})


@click.command()
@graph_options
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the full result as JSON to this file ('-' for stdout).")
@click.option("--md", "md_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the Markdown summary to this file ('-' for stdout; the default when no --json).")
@lang_option
@click.option("--evidence", "evidence", callback=lambda ctx, param, value: _evidence(value), default="stated,reported",
              show_default=True, help="What counts as a tie: any of stated (the report), reported (survey rounds) "
                                      "and inferred (shared contacts), comma-separated; stated always counts, "
                                      "and so do ties imported from another map (essgraph import).")
@click.option("--include-inferred", is_flag=True, hidden=True, help="Same as --evidence stated,reported,inferred.")
@click.option("--include-people", is_flag=True, help="Let interviewees link the organizations they speak for.")
@click.option("--include-municipalities", is_flag=True, help="Let municipalities and their WORKS_WITH ties take part.")
@click.option("--year", type=int, default=None, help="The network as of this year (undated ties are kept).")
@click.option("--since", type=int, default=None, help="Also report what changed from this year to --year.")
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the randomized steps (Louvain).")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True, help="How many hubs to list.")
@click.option("--betweenness-k", type=click.IntRange(min=1), default=None,
              help="Estimate betweenness from this many sampled organizations (large graphs).")
@click.option("--include-personal-data", is_flag=True, help="Name the people (personal data); otherwise unlinkable marks.")
@click.option("--backend", type=click.Choice(["embedded", "neo4j"]), default="embedded", show_default=True,
              help="Analyse the local graph (embedded: --data/--snapshot) or the shared graph in Neo4j.")
@click.option("--write-neo4j", is_flag=True,
              help="Write the result onto the project's nodes in Neo4j, replacing the previous analysis "
                   "(all or nothing; docs/neo4j.md).")
@click.option("--engine", type=click.Choice(["embedded", "gds"]), default="embedded", show_default=True,
              help="Where the structure is measured: embedded (here: NetworkX, igraph) or gds (Neo4j Graph Data "
                   "Science on the server of --uri, which must hold the graph analysed: --backend neo4j, or "
                   "essgraph neo4j load).")
@neo4j_options
@quiet_option
def analyze(data_dir: Path | None, snapshot: Path | None, json_path: Path | None, md_path: Path | None,
            lang: str, evidence: frozenset[str], include_inferred: bool, include_people: bool,
            include_municipalities: bool,
            year: int | None, since: int | None, seed: int, top: int, betweenness_k: int | None,
            include_personal_data: bool, backend: str, write_neo4j: bool, engine: str, uri: str, user: str,
            database: str | None, allow_insecure: bool, verbose: bool, quiet: bool) -> None:
    """Find hubs, isolated initiatives, single points of failure and gaps; propose alliances and a Mesa.

    Writes the full result as JSON (--json) and a summary for planners in
    Markdown (--md, Spanish by default); with neither, prints the summary
    (unless --write-neo4j, whose output is the database). Neo4j is reached
    through NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD, as by `essgraph neo4j`.
    With --engine gds the components, cut points, bridges, communities,
    centralities and cores are measured by Graph Data Science in Neo4j.

    Example: essgraph analyze --json analisis.json --md resumen.md --year 2016

    Example: NEO4J_URI=bolt://localhost:7687 essgraph analyze --backend neo4j --write-neo4j

    Example: NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io essgraph analyze --backend neo4j --engine gds --json a.json
    """
    with ExitStack() as stack:
        # connect first: a refused password fails before the analysis
        if backend == "neo4j" or write_neo4j or engine == "gds":
            driver, settings = stack.enter_context(connect(uri, user, database, allow_insecure, verbose, lang))
        if backend == "neo4j":
            graph = pull_graph(driver, settings, data_dir, lang)
        else:
            graph = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
        with progress_bar("analyze", quiet) as progress:
            result = analysis.analyze(
                graph, include_inferred=include_inferred or "inferred" in evidence,
                include_reported="reported" in evidence, include_people=include_people,
                include_municipalities=include_municipalities, year=year, since=since, seed=seed,
                include_personal_data=include_personal_data, top=top, betweenness_k=betweenness_k,
                progress=progress,
                engine=GdsEngine(driver, database=settings.database, lang=lang) if engine == "gds" else None)
        if write_neo4j:
            rows = analysis.writeback(result, date=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                                      version=version("essgraph"), backend=backend)
            with progress_bar("write-neo4j", quiet) as progress:  # batches of the one transaction
                written = write_analysis(driver, **vars(rows), database=settings.database, progress=progress,
                                         lang=lang)
            click.echo(written.describe(lang), err=True)
    if json_path is None and md_path is None and not write_neo4j:
        md_path = Path("-")
    if json_path is not None:
        _write(json_path, result.json_bytes(), _TEXT.t("json", lang, path=json_path))
    if md_path is not None:
        _write(md_path, to_markdown(result, lang), _TEXT.t("md", lang, path=md_path))


def _evidence(value: str) -> frozenset[str]:
    kinds = frozenset(v.strip() for v in value.split(",") if v.strip()) | {"stated", "imported"}
    unknown = sorted(kinds - {"stated", "imported", "reported", "inferred"})
    if unknown:
        raise click.BadParameter(f"unknown evidence {', '.join(unknown)}: use stated, reported, inferred")
    return kinds


def _write(path: Path, text: str | bytes, done: str) -> None:
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    if str(path) == "-":
        click.echo(data.decode("utf-8"), nl=False)
        return
    atomic_write(path, data, error=RenderError, hint="choose another path")
    click.echo(done, err=True)


COMMANDS: list[Any] = [analyze]
