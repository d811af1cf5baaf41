"""The synthetic generator: deterministic, in the project's own format, realistic shape."""
from __future__ import annotations

import csv
import filecmp
from collections import Counter
from pathlib import Path

import networkx as nx
from click.testing import CliRunner

from essgraph.cli import main
from essgraph.graphmodel import NODE_SPECS
from essgraph.loaders.synthetic import synth


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    synth(tmp_path / "a", orgs=300, seed=5)
    synth(tmp_path / "b", orgs=300, seed=5)
    synth(tmp_path / "c", orgs=300, seed=6)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert filecmp.cmpfiles(tmp_path / "a", tmp_path / "b", names, shallow=False)[0] == names
    assert not filecmp.cmp(tmp_path / "a" / "relationships.csv", tmp_path / "c" / "relationships.csv", shallow=False)


def test_files_use_the_model_columns(tmp_path: Path) -> None:
    synth(tmp_path, orgs=100, seed=1)
    with (tmp_path / "organizations.csv").open(encoding="utf-8") as f:
        assert next(csv.reader(f)) == list(NODE_SPECS["Organization"].columns)


def test_shape_has_hubs_isolates_one_tie_and_clusters(tmp_path: Path) -> None:
    synth(tmp_path, orgs=2000, seed=2)
    orgs = [r["id"] for r in _rows(tmp_path / "organizations.csv")]
    ties = [r for r in _rows(tmp_path / "relationships.csv") if r["start"].startswith("org-") and r["end"].startswith("org-")]
    G = nx.Graph()
    G.add_nodes_from(orgs)
    G.add_edges_from((r["start"], r["end"]) for r in ties)
    degrees = Counter(dict(G.degree()).values())
    assert degrees[0] > 0.02 * len(orgs)  # isolated initiatives
    assert degrees[1] > 0.05 * len(orgs)  # one tie from isolation
    assert max(d for d, _ in degrees.items()) > 20  # skewed: some hubs
    assert nx.number_connected_components(G) > degrees[0] + 10  # disconnected clusters besides isolates


def test_cli_writes_the_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["synth", "--orgs", "50", "--seed", "3", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "organizations: 50" in result.output
    assert (tmp_path / "dataset.toml").exists()
