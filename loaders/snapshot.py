"""The graph snapshot: the JSON form of the graph that ``essgraph build`` saves and later commands read.

The snapshot is :func:`~essgraph.graphmodel.to_json_dict` of the graph plus the
cooperative census records (``"census"``), written as UTF-8 JSON atomically.
It holds personal data (it is the working copy); shared outputs go through
:mod:`essgraph.loaders.exporters`.

Examples
--------
>>> import tempfile
>>> from essgraph.graphmodel import Node, build_graph
>>> G = build_graph([Node("lima", ("Region",), {"name": "Lima"})], [], {"title": "t"})
>>> G.graph["census"] = [{"table": "t1", "count": 3}]
>>> path = write_snapshot(G, Path(tempfile.mkdtemp()) / "graph.json")
>>> H = read_snapshot(path)
>>> H.nodes["lima"]["name"], H.graph["census"], graph_to_dict(H) == graph_to_dict(G)
('Lima', [{'count': 3, 'table': 't1'}], True)
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from essgraph.errors import SnapshotError
from essgraph.graphmodel import from_json_dict, to_json_dict

from .atomic import atomic_write

__all__ = ["DEFAULT_SNAPSHOT", "default_snapshot_path", "graph_to_dict", "graph_from_dict",
           "write_snapshot", "read_snapshot"]

#: Where ``build`` saves the graph, relative to the current folder.
DEFAULT_SNAPSHOT = Path(".essgraph") / "graph.json"


def default_snapshot_path() -> Path:
    """``.essgraph/graph.json`` under the current folder."""
    return Path.cwd() / DEFAULT_SNAPSHOT


def graph_to_dict(G: nx.MultiDiGraph) -> dict[str, Any]:
    """:func:`~essgraph.graphmodel.to_json_dict` of ``G`` plus its census records."""
    data = to_json_dict(G)
    data["census"] = [dict(record) for record in G.graph.get("census", [])]
    return data


def graph_from_dict(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph of :func:`graph_to_dict`'s shape (census records in ``G.graph["census"]``)."""
    G = from_json_dict(data)
    G.graph["census"] = [dict(record) for record in data.get("census", [])]
    return G


def write_snapshot(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Save ``G`` to ``path`` as UTF-8 JSON, atomically.

    Raises
    ------
    essgraph.errors.SnapshotError
        The file cannot be written (disk full, no permission…); any previous
        snapshot is left as it was.
    """
    text = json.dumps(graph_to_dict(G), ensure_ascii=False, indent=1, sort_keys=True)
    return atomic_write(path, text.encode("utf-8"), error=SnapshotError,
                        hint="choose another path with --snapshot")


def read_snapshot(path: str | Path) -> nx.MultiDiGraph:
    """Read a snapshot written by :func:`write_snapshot` (or a JSON export).

    Raises
    ------
    essgraph.errors.SnapshotError
        The file is missing, unreadable or not a snapshot.
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return graph_from_dict(data)
    except FileNotFoundError as exc:
        raise SnapshotError(f"no snapshot at {path}: run essgraph build --snapshot {path}") from exc
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(
            f"{path} is not a readable essgraph snapshot ({type(exc).__name__}): rebuild it with essgraph build") from exc
