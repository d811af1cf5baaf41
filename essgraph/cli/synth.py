"""``essgraph synth``: write a synthetic data folder for scale tests."""
from __future__ import annotations

from pathlib import Path

import click

from essgraph.loaders.synthetic import synth as write_synthetic

__all__ = ["COMMANDS", "synth"]


@click.command()
@click.option("--orgs", type=click.IntRange(min=10), default=1000, show_default=True,
              help="Number of organizations.")
@click.option("--seed", type=int, default=0, show_default=True, help="Random seed (same seed, same files).")
@click.option("-o", "--output", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder to write the data files into.")
@click.option("--force", is_flag=True, help="Overwrite the data files of a folder that already has some.")
def synth(orgs: int, seed: int, out_dir: Path, force: bool) -> None:
    """Write a realistic synthetic ESS directory in essgraph's data format.

    Example: essgraph synth --orgs 10000 --seed 1 -o /tmp/ess10k && essgraph validate --data /tmp/ess10k
    """
    counts = write_synthetic(out_dir, orgs=orgs, seed=seed, force=force)
    click.echo(", ".join(f"{k}: {v}" for k, v in counts.items()) + f" → {out_dir}")


COMMANDS = [synth]
