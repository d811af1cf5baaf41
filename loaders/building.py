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

import contextlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from operator import attrgetter, itemgetter
from typing import Any, Callable

import networkx as nx

from essgraph.graphmodel.graph import EDGE_TYPE_ATTR, NODE_LABELS_ATTR, graph_from_attrs

from essgraph.loaders.dataset import Dataset, load_dataset
from essgraph.loaders.folder import bundled_data_dir, read_config
from essgraph.gcpause import paused_gc
from essgraph.loaders.problems import ValidationReport
from essgraph.loaders.snapshot import default_snapshot_path, read_snapshot, write_snapshot

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
        Called as ``progress(done, total)`` every few thousand rows, for a
        progress bar (nothing is printed here): ``total`` is the number of data
        rows (counted from the CSV files' lines before reading), and ``done``
        goes from 0 to ``total`` across the four stages (read, validate, make
        the model, build the graph and save it), a quarter each.

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
    folder = Path(data_dir) if data_dir is not None else bundled_data_dir()
    bar = _Progress(progress, _count_rows(folder)) if progress is not None else None
    with paused_gc():
        dataset = load_dataset(data_dir, progress=bar.rows if bar is not None else None)
        G = graph_from_dataset(dataset)
        report = dataset.report
        del dataset  # the model objects are in G now: free them before the snapshot is encoded
    if bar is not None:
        bar.rows("graph", bar.total // 2)
    path = write_snapshot(G, snapshot if snapshot is not None else default_snapshot_path())
    if bar is not None:
        bar.finish()
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
    """The NetworkX graph of a dataset, with its census records in ``G.graph["census"]``.

    The graph is :func:`~essgraph.graphmodel.build_graph`'s, but the dataset is
    consumed: its property dicts become the graph's attribute dicts (one dict per
    node and relationship instead of two at once, at 100k organizations
    hundreds of MB) and its node and relationship lists are emptied.

    >>> from essgraph.graphmodel import Node, Relationship, build_graph, to_json_dict
    >>> from essgraph.loaders.problems import ValidationReport
    >>> def dataset():
    ...     return Dataset(ValidationReport("x"), [Node("b", ("Region",), {"name": "B"}), Node("a", ("Region",))],
    ...                    [Relationship("NEXT_TO", "a", "b", {"quote": "q", "year": 2020})], {"title": "t"})
    >>> d = dataset()
    >>> G = graph_from_dataset(d)
    >>> to_json_dict(G) == to_json_dict(build_graph(dataset().nodes, dataset().relationships, {"title": "t"}))
    True
    >>> d.nodes, d.relationships, G.graph["census"]
    ([], [], [])
    """
    nodes = sorted(dataset.nodes, key=attrgetter("id"))
    dataset.nodes = []
    node_rows = [(node.id, _attrs(node.properties, NODE_LABELS_ATTR, tuple(node.labels))) for node in nodes]
    del nodes
    keyed = sorted(((rel.key, rel) for rel in dataset.relationships), key=itemgetter(0))
    dataset.relationships = []
    edges = ((rel.start, rel.end, key, _attrs(rel.properties, EDGE_TYPE_ATTR, rel.type)) for key, rel in keyed)
    G = graph_from_attrs(node_rows, edges, dataset.metadata)
    G.graph["census"] = list(dataset.census)
    return G


def _attrs(properties: dict[str, Any], name: str, value: Any) -> dict[str, Any]:
    """``properties`` (in place) without empty values, plus ``name: value``: a NetworkX attribute dict."""
    empty = [k for k, v in properties.items() if not v and (v is None or v == "" or v == [] or v == ())]
    for k in empty:
        del properties[k]
    properties[name] = value
    return properties


class _Progress:
    """Rows done per stage as one ``progress(done, total)`` over the build (each stage a quarter of ``total``)."""

    STAGES = ("read", "check", "model", "graph")

    def __init__(self, callback: Callable[[int, int], None], total: int) -> None:
        self.callback, self.total = callback, max(total, 1)
        self.stage, self.in_stage = 0, 0

    def rows(self, stage: str, rows: int) -> None:
        index = self.STAGES.index(stage)
        if index != self.stage:
            self.stage, self.in_stage = index, 0
        self.in_stage += rows
        done = (index * self.total + min(self.in_stage, self.total)) // len(self.STAGES)
        self.callback(min(done, self.total - 1), self.total)

    def finish(self) -> None:
        self.callback(self.total, self.total)


def _count_rows(folder: Path) -> int:
    """Data rows of the CSV files of ``folder``, estimated by their lines (XLSX files count 0)."""
    config, _ = read_config(folder)
    rows = 0
    for path in (p for paths in config.files.values() for p in paths if p.suffix.lower() == ".csv"):
        with contextlib.suppress(OSError), path.open("rb") as handle:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: handle.read(1 << 20), b""))
            rows += max(lines - 1, 0)
    return rows
