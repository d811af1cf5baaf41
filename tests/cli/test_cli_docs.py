"""Every command documents itself with an example and is named in the README."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from essgraph.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = []
    for name in group.list_commands(None):
        command = group.get_command(None, name)
        path = prefix + (name,)
        out.append(path)
        if isinstance(command, click.Group):
            out += _commands(command, path)
    return out


@pytest.mark.parametrize("path", _commands(main), ids=" ".join)
def test_help_has_an_example_and_the_readme_names_the_command(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    example = result.output.partition("Example:")[2]
    assert f"essgraph {' '.join(path)}" in " ".join(example.split()), "help needs an 'Example: … essgraph CMD' line"
    assert f"essgraph {' '.join(path)}" in README


def test_every_command_module_is_registered_and_only_its_commands() -> None:
    import importlib

    from essgraph.cli import COMMAND_MODULES

    defined = {command.name: module for module in set(COMMAND_MODULES.values())
               for command in importlib.import_module(f"essgraph.cli.{module}").COMMANDS}
    assert defined == COMMAND_MODULES


def test_build_does_not_import_the_analysis_stack() -> None:
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from essgraph.cli import main; "
            "CliRunner().invoke(main, ['build', '--help']); print(sorted(m for m in ('igraph', 'pandas', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
