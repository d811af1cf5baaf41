"""``essgraph diff``: what changed between two maps (data folders or snapshots).

>>> [c.name for c in COMMANDS]
['diff']
"""
from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click
import networkx as nx

import essgraph.loaders as loaders
from essgraph.analysis.diff import diff as compare_maps
from essgraph.analysis.pipeline import group_names
from essgraph.render.markdown import changes_markdown
from essgraph.errors import RenderError
from essgraph.files import atomic_write

from essgraph.cli.options import echo_json, lang_option

__all__ = ["COMMANDS", "diff"]


def _graph(path: Path) -> nx.MultiDiGraph:
    return loaders.load_graph(data_dir=path) if path.is_dir() else loaders.load_graph(snapshot=path)


@click.command()
@click.argument("old", type=click.Path(exists=True, path_type=Path))
@click.argument("new", type=click.Path(exists=True, path_type=Path))
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the changes as JSON to this file ('-' for standard output).")
@click.option("--md", "md_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write a Markdown summary to this file.")
@lang_option
def diff(old: Path, new: Path, json_path: Path | None, md_path: Path | None, lang: str) -> None:
    """What changed from OLD to NEW: organizations, ties, cut points, bridges, groups, regions, the Mesa.

    OLD and NEW are data folders or snapshots (essgraph build).

    Example: essgraph diff ronda-1/ ronda-2/ --md cambios.md
    """
    after = _graph(new)
    found = compare_maps(_graph(old), after)
    page = changes_markdown(asdict(found), lang, region_names=group_names(after)["region"])
    if json_path is not None and str(json_path) == "-":
        echo_json(asdict(found))
    elif json_path is not None:
        data = json.dumps(asdict(found), ensure_ascii=False, indent=1, sort_keys=True, default=str)
        atomic_write(json_path, data.encode("utf-8"), error=RenderError, hint="choose another path with --json")
    if md_path is not None:
        atomic_write(md_path, page.encode("utf-8"), error=RenderError, hint="choose another path with --md")
    if json_path is None and md_path is None:
        click.echo(page)


COMMANDS = [diff]
