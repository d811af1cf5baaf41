"""Build the graph from a data folder, save its snapshot, and load the graph every command uses.

Examples
--------
>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "macro_regions.csv").write_text("id,name,section,quote\\nsur,Sur,3.1,Macro Región Sur\\n")
>>> result = build(folder, snapshot=folder / "out" / "graph.json")
>>> result.labels, result.types, result.snapshot.name
({'MacroRegion': 1}, {}, 'graph.json')
>>> sorted(load_graph(snapshot=result.snapshot).nodes)
['sur']
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import networkx as nx

from essgraph.graphmodel import build_graph

from .dataset import Dataset, load_dataset
from .gcpause import paused_gc
from .report import ValidationReport
from .snapshot import default_snapshot_path, read_snapshot, write_snapshot

__all__ = ["BuildResult", "build", "load_graph", "graph_from_dataset"]


@dataclass
class BuildResult:
    """What ``build`` made: the graph, node counts per label, relationship counts per type, the snapshot path."""

    graph: nx.MultiDiGraph
    labels: dict[str, int]
    types: dict[str, int]
    snapshot: Path
    report: ValidationReport


def build(data_dir: str | Path | None = None, *, snapshot: str | Path | None = None,
          progress: Callable[[int, int], None] | None = None) -> BuildResult:
    """Validate ``data_dir``, build the graph and save its snapshot.

    Parameters
    ----------
    data_dir : str or Path, optional
        The data folder; the bundled data when omitted.
    snapshot : str or Path, optional
        Where to save the graph; ``.essgraph/graph.json`` under the current folder by default.
    progress : callable, optional
        Called as ``progress(done, 3)`` after reading and validating, building and saving
        (for a progress bar; nothing is printed here).

    Returns
    -------
    BuildResult

    Raises
    ------
    essgraph.errors.ValidationFailed
        The data has errors; nothing is written.
    essgraph.errors.SnapshotError
        The snapshot cannot be written.
    """
    tick = progress or (lambda done, total: None)
    with paused_gc():
        dataset = load_dataset(data_dir)
        tick(1, 3)
        G = graph_from_dataset(dataset)
        report = dataset.report
        del dataset  # the model objects are in G now: free them before the snapshot is encoded
        tick(2, 3)
    path = write_snapshot(G, snapshot if snapshot is not None else default_snapshot_path())
    tick(3, 3)
    labels = Counter(label for _, labels in G.nodes(data="labels") for label in labels)
    types = Counter(attrs["type"] for _, out in G.adjacency() for keyed in out.values() for attrs in keyed.values())
    return BuildResult(G, dict(sorted(labels.items())), dict(sorted(types.items())), path, report)


def load_graph(*, data_dir: str | Path | None = None, snapshot: str | Path | None = None) -> nx.MultiDiGraph:
    """The graph a command works on.

    With ``data_dir``, the graph is built in memory from that folder. Otherwise
    the snapshot is read: ``snapshot`` if given (it must exist), else
    ``.essgraph/graph.json`` if it exists; with no snapshot, the graph is built
    in memory from the bundled data.

    Raises
    ------
    essgraph.errors.ValidationFailed
        The data folder has errors.
    essgraph.errors.SnapshotError
        The snapshot given is missing or unreadable.
    """
    if data_dir is not None:
        with paused_gc():
            return graph_from_dataset(load_dataset(data_dir))
    if snapshot is not None:
        return read_snapshot(snapshot)
    default = default_snapshot_path()
    if default.is_file():
        return read_snapshot(default)
    with paused_gc():
        return graph_from_dataset(load_dataset())


def graph_from_dataset(dataset: Dataset) -> nx.MultiDiGraph:
    """The NetworkX graph of a dataset, with its census records in ``G.graph["census"]``."""
    G = build_graph(dataset.nodes, dataset.relationships, dataset.metadata)
    G.graph["census"] = list(dataset.census)
    return G
