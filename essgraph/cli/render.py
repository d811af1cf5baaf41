"""Rendering commands: ``render`` (one interactive view) and ``report`` (the planners' report).

Each loads the graph and calls the library function of the same name in
:mod:`essgraph.render`; no layout, encoding or analysis happens here.

>>> [c.name for c in COMMANDS]
['render', 'report']
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable, TypeVar

import click

import essgraph.loaders as loaders
from essgraph import render as rendering
from essgraph.i18n import Catalog

from essgraph.cli.options import graph_options, lang_option, progress_bar, quiet_option

__all__ = ["COMMANDS", "render", "report"]

F = TypeVar("F", bound=Callable[..., Any])

_TEXT = Catalog({
    "written": ("Vista guardada en {path}", "View saved to {path}"),
    "report": ("Informe guardado en {path}: ábralo con un navegador (funciona sin internet)",
               "Report saved to {path}: open it in a browser (works offline)"),
    "personal": ("Atención: {path} contiene datos personales; no lo comparta.",
                 "Warning: {path} contains personal data; do not share it."),
})


def _personal_option(f: F) -> F:
    """``--include-personal-data``: names and phones in the output (marked CONFIDENCIAL)."""
    return click.option(
        "--include-personal-data", is_flag=True,
        help="Show people's names and phones (the file name gets -CONFIDENCIAL and a banner).")(f)


@click.command()
@graph_options
@click.option("--view", type=click.Choice(rendering.VIEWS + ("overview",)), default="whole", show_default=True,
              help="What to draw: the whole network, one organization's neighbourhood (ego), a network's members, "
                   "a region, the gaps, a map of Peru (geo), or the overview by region with the top hubs. A view of "
                   f"more than {rendering.MAX_ELEMENTS:,} nodes and ties becomes the overview unless --full.")
@click.option("--focus", default=None, help="Organization, network or region id (or name) of ego/network/region.")
@click.option("--steps", type=click.IntRange(min=1), default=1, show_default=True,
              help="How many ties away the ego view reaches.")
@click.option("--color-by", type=click.Choice(["kind", "macro_region"]), default="kind", show_default=True,
              help="What node colour shows.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness", "eigenvector"]), default="degree",
              show_default=True, help="The centrality that node size shows.")
@click.option("--show-recommendations", is_flag=True, help="Overlay the proposed alliances (can be switched off).")
@click.option("--full", is_flag=True,
              help="Draw the view even when it is too large for a browser to pan smoothly (no overview).")
@lang_option
@_personal_option
@quiet_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The HTML file to write.")
def render(data_dir: Path | None, snapshot: Path | None, view: str, focus: str | None, steps: int, color_by: str,
           size_by: str, show_recommendations: bool, full: bool, lang: str, include_personal_data: bool, quiet: bool,
           output: Path) -> None:
    """Draw one interactive view as a single HTML file that opens offline.

    Example: essgraph render --view ego --focus gresp --steps 2 -o gresp.html

    A view too large for a browser to pan smoothly (see --view) becomes the overview
    by region with the best-connected organizations, and the command says so;
    --full draws the view anyway.
    """
    graph = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    request = rendering.ViewRequest(view=view, focus=focus, steps=steps, color_by=color_by, size_by=size_by,
                                    show_recommendations=show_recommendations, lang=lang,
                                    include_personal_data=include_personal_data, full=full)
    with progress_bar("render", quiet) as progress:
        drawn = rendering.render(graph, output, request, progress=progress)
    for notice in drawn.notices:
        click.echo(notice, err=True)
    path = drawn.path
    click.echo(_TEXT.t("written", lang, path=path))
    if include_personal_data:
        click.echo(_TEXT.t("personal", lang, path=path), err=True)


@click.command()
@graph_options
@lang_option
@_personal_option
@click.option("--seed", type=int, default=42, show_default=True, help="Seed of the analyses and layouts.")
@quiet_option
@click.option("-o", "--output", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="The folder to write (index.html, views/, exports/).")
def report(data_dir: Path | None, snapshot: Path | None, lang: str, include_personal_data: bool, seed: int,
           quiet: bool, output: Path) -> None:
    """Write the report: findings, charts, interactive maps and exports, in one folder.

    Example: essgraph report -o informe/
    """
    graph = loaders.load_graph(data_dir=data_dir, snapshot=snapshot)
    with progress_bar("report", quiet) as progress:
        path = rendering.report(graph, output, lang=lang, include_personal_data=include_personal_data, seed=seed,
                                progress=progress)
    click.echo(_TEXT.t("report", lang, path=path))
    if include_personal_data:
        click.echo(_TEXT.t("personal", lang, path=output), err=True)


COMMANDS = [render, report]
