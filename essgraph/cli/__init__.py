"""The ``essgraph`` command line: a thin layer over the library, one module per area (each exports ``COMMANDS``).

Each command parses its options, calls one library function of the same name and
renders the result. Errors of type :class:`essgraph.errors.EssgraphError` become
one ``Error: …`` line and a non-zero exit code, here and nowhere else. A command
function takes one parameter per option (click's way), so some take more than ten.
"""
from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from essgraph.errors import EssgraphError, ValidationFailed

__all__ = ["main", "COMMAND_MODULES"]

#: Each command and the module under ``essgraph.cli`` whose ``COMMANDS`` list defines it.
#: A module is imported only when one of its commands runs (or ``--help`` lists them all), so
#: ``essgraph build`` does not pay for importing igraph, matplotlib and pandas.
COMMAND_MODULES = {"validate": "data", "build": "data", "stats": "data", "export": "data",
                   "analyze": "analyze", "render": "render", "report": "render", "neo4j": "neo4j",
                   "query": "query", "synth": "synth", "survey": "survey", "diff": "diff",
                   "import": "interchange", "template": "interchange"}


class _Group(click.Group):
    """A group that loads its commands lazily and turns user errors into ``Error: …`` lines.

    >>> main.list_commands(None)[:3], main.get_command(None, "build").name
    (['analyze', 'build', 'diff'], 'build')
    """

    def list_commands(self, ctx: click.Context | None) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context | None, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is None:
            return None
        commands = importlib.import_module(f"essgraph.cli.{module}").COMMANDS
        return next(command for command in commands if command.name == cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        _tolerant_streams()
        try:
            return super().invoke(ctx)
        except ValidationFailed as exc:
            report = exc.report
            if getattr(report, "render", None) is not None:
                click.echo(report.render(lang=ctx.meta.get("essgraph.lang", "es")), err=True)
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except EssgraphError as exc:
            command = self.get_command(ctx, ctx.invoked_subcommand or "")
            click.echo(f"Error: {exc}{_flags(exc.options, command)}", err=True)
            ctx.exit(exc.exit_code)


def _flags(options: tuple[str, ...], command: click.Command | None) -> str:
    """The flags of ``command`` (and its subcommands) for the library parameters an error names, as a suffix.

    >>> @click.command()
    ... @click.option("--data", "data_dir")
    ... @click.option("--focus")
    ... def view(data_dir, focus): pass
    >>> _flags(("focus", "data_dir", "year"), view), _flags((), view)
    (' [--focus, --data]', '')
    """
    commands = [command] if command is not None else []
    if isinstance(command, click.Group):
        commands += [c for name in command.list_commands(click.Context(command))
                     if (c := command.get_command(click.Context(command), name)) is not None]
    flags = {p.name: max(p.opts, key=len) for c in commands for p in c.params if isinstance(p, click.Option)}
    named = [flags[o] for o in options if o in flags]
    return f" [{', '.join(named)}]" if named else ""


def _tolerant_streams() -> None:
    """A console that cannot show a character (Windows code pages: "→", "ñ" in cp437) shows "?" instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and (getattr(stream, "encoding", "") or "").lower().replace("-", "") != "utf8":
            reconfigure(errors="replace")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="essgraph")
def main() -> None:
    """essgraph: the map of Peru's Social and Solidarity Economy as a graph.

    Example: essgraph report -o informe/
    """


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
