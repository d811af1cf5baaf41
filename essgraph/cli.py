"""The ``essgraph`` command line: a thin layer over the library.

Each command parses its options, calls one library function of the same name and
renders the result. Errors of type :class:`essgraph.errors.EssgraphError` become
one ``Error: …`` line and a non-zero exit code, here and nowhere else.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .errors import EssgraphError, ValidationFailed

__all__ = ["main", "COMMAND_MODULES"]

#: Modules under ``essgraph.commands`` whose ``COMMANDS`` list is registered on ``main``.
COMMAND_MODULES = ("data", "analyze", "render", "neo4j", "query", "synth")


class _Group(click.Group):
    """A group that turns user errors into ``Error: …`` lines."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            report = exc.report
            if getattr(report, "render", None) is not None:
                click.echo(report.render(lang=ctx.meta.get("essgraph.lang", "es")), err=True)
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except EssgraphError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="essgraph")
def main() -> None:
    """essgraph: the map of Peru's Social and Solidarity Economy as a graph.

    Example: essgraph report -o informe/
    """


def _register() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"essgraph.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"essgraph.commands.{name}":
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)




_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
