"""``essgraph neo4j load`` and ``essgraph neo4j pull``: Neo4j as the shared store.

Connection options are written once (:func:`neo4j_options`) and also used by
``essgraph query --backend neo4j`` and ``essgraph analyze --backend neo4j / --write-neo4j``. The password comes only from
``NEO4J_PASSWORD`` or a hidden prompt, never from argv.
"""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator, TypeVar

import click

from essgraph.neo4jstore import DEFAULT_BATCH_SIZE, DEFAULT_URI, Neo4jSettings, open_driver, verify
from essgraph.neo4jstore import load as load_into_neo4j
from essgraph.neo4jstore import pull as pull_from_neo4j
from essgraph.neo4jstore.messages import SUMMARY
from essgraph.cli.options import echo_json, graph_options, json_flag, lang_option, progress_bar, quiet_option

__all__ = ["neo4j", "neo4j_options", "connect", "pull_graph", "COMMANDS"]

F = TypeVar("F", bound=Callable[..., Any])


def neo4j_options(f: F) -> F:
    """``--uri``, ``--user``, ``--database``, ``--allow-insecure``, ``--verbose`` (env: NEO4J_*)."""
    for option in reversed([
        click.option("--uri", envvar="NEO4J_URI", default=DEFAULT_URI, show_default=True,
                     help="Neo4j URI (env NEO4J_URI); neo4j+s://… for a remote server."),
        click.option("--user", envvar="NEO4J_USER", default="neo4j", show_default=True,
                     help="Neo4j user (env NEO4J_USER). The password comes from NEO4J_PASSWORD or a prompt."),
        click.option("--database", envvar="NEO4J_DATABASE", default=None,
                     help="Database name (env NEO4J_DATABASE; default: the server's default)."),
        click.option("--allow-insecure", is_flag=True,
                     help="Allow an unencrypted bolt:// or neo4j:// URI to a non-local host."),
        click.option("-v", "--verbose", is_flag=True, help="Log the driver's activity on stderr (no secrets)."),
    ]):
        f = option(f)
    return f


def _password(user: str, lang: str) -> str:
    import os

    password = os.environ.get("NEO4J_PASSWORD")
    if password is None:
        password = click.prompt(SUMMARY.t("password", lang, user=user), hide_input=True, default="",
                                show_default=False, err=True)
    return password


@contextmanager
def connect(uri: str, user: str, database: str | None, allow_insecure: bool, verbose: bool,
            lang: str) -> Iterator[tuple[Any, Neo4jSettings]]:
    """Open the one driver for a command (checked URI, verified credentials)."""
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
        logger = logging.getLogger("neo4j")
        logger.addHandler(handler)
        logger.setLevel(logging.DEBUG)
    from essgraph.neo4jstore import check_uri

    check_uri(uri, allow_insecure=allow_insecure, lang=lang)  # before asking for a password
    settings = Neo4jSettings(uri, user, _password(user, lang), database or None)
    with open_driver(settings, allow_insecure=allow_insecure, lang=lang) as driver:
        verify(driver, settings, lang=lang)
        yield driver, settings


def pull_graph(driver: Any, settings: Neo4jSettings, data_dir: Path | None, lang: str) -> Any:
    """The graph in Neo4j, with the dataset metadata and census figures of ``data_dir`` (Neo4j holds neither)."""
    from essgraph.loaders import load_dataset

    dataset = load_dataset(data_dir)
    return pull_from_neo4j(driver, database=settings.database, metadata=dict(dataset.metadata),
                           graph_attrs={"census": list(dataset.census)}, lang=lang)


@click.group()
def neo4j() -> None:
    """Neo4j as the shared store: load the graph into it, pull it back.

    Example: NEO4J_URI=bolt://localhost:7687 essgraph neo4j load --replace
    """


@neo4j.command("load")
@graph_options
@neo4j_options
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=DEFAULT_BATCH_SIZE, show_default=True,
              help="Rows per UNWIND batch.")
@click.option("--replace", is_flag=True,
              help="Delete the project's own nodes (its labels only) before loading, in the same transaction.")
@quiet_option
@json_flag
@lang_option
def load_command(data_dir: Path | None, snapshot: Path | None, uri: str, user: str, database: str | None,
                 allow_insecure: bool, verbose: bool, batch_size: int, replace: bool, quiet: bool,
                 as_json: bool, lang: str) -> None:
    """Load the graph into Neo4j: validated first, then all or nothing.

    Every node MERGEs on its id (uniqueness constraints are created first), every
    relationship on its key; loading twice changes nothing. If the load fails,
    the database is left as it was.

    Example: NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io essgraph neo4j load --batch-size 2000
    """
    from essgraph.loaders import load_graph

    G = load_graph(data_dir=data_dir, snapshot=snapshot)  # validation happens here, before any write
    with connect(uri, user, database, allow_insecure, verbose, lang) as (driver, settings):
        # rows (nodes + relationships) done / in all; the commit (or the swap) follows the last batch
        with progress_bar("neo4j load", quiet, unit=" rows") as progress:
            summary = load_into_neo4j(driver, G, database=settings.database, batch_size=batch_size,
                                      replace=replace, progress=progress, lang=lang)
    if as_json:
        echo_json(summary.as_dict())
    else:
        click.echo(summary.describe(lang))


@neo4j.command("pull")
@graph_options
@neo4j_options
@json_flag
@lang_option
def pull_command(data_dir: Path | None, snapshot: Path | None, uri: str, user: str, database: str | None,
                 allow_insecure: bool, verbose: bool, as_json: bool, lang: str) -> None:
    """Read the graph back from Neo4j (with edits made there) and save it as the snapshot.

    Later commands (analyze, render, query) then work on what is in the database.
    Dataset metadata and census figures come from the data folder (--data).

    Example: essgraph neo4j pull --snapshot .essgraph/graph.json
    """
    from essgraph.loaders import write_snapshot
    from essgraph.loaders.snapshot import default_snapshot_path

    with connect(uri, user, database, allow_insecure, verbose, lang) as (driver, settings):
        G = pull_graph(driver, settings, data_dir, lang)
    path = write_snapshot(G, snapshot if snapshot is not None else default_snapshot_path())
    if as_json:
        echo_json({"nodes": G.number_of_nodes(), "relationships": G.number_of_edges(), "snapshot": str(path)})
    else:
        click.echo(SUMMARY.t("pulled", lang, nodes=G.number_of_nodes(), rels=G.number_of_edges(), path=path))


COMMANDS = [neo4j]
