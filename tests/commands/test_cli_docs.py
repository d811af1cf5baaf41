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
    for name, command in sorted(group.commands.items()):
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
    assert "essgraph " + path[0] in " ".join(example.split()), "help text needs an 'Example: … essgraph …' line"
    assert f"essgraph {' '.join(path)}" in README
