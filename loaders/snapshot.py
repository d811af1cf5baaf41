"""The graph snapshot: the JSON form of the graph that ``essgraph build`` saves and later commands read.

The snapshot is compact UTF-8 JSON, written atomically, laid out to be read
back fast (every command reads it): ::

    {"format": "essgraph-snapshot", "version": 2,
     "dataset": {...}, "census": [{...}, ...],
     "nodes": [[id, {"labels": [...], property: value, ...}], ...],          # sorted by id
     "relationships": [[start, end, key, {"type": T, property: value, ...}], ...]}  # sorted by key

Each node and relationship is the attribute dict of the NetworkX form as it is,
so reading makes one dict per node and per relationship and no model objects.
A snapshot of another ``version`` is refused with a :class:`SnapshotError`
that says to rebuild it. A JSON export (:func:`graph_to_dict`'s shape, which
the snapshot was up to version 1) is read too, more slowly. The snapshot holds
personal data (it is the working copy); shared outputs go through
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

from operator import itemgetter
from pathlib import Path
from typing import Any, Iterator

import networkx as nx
import orjson

from essgraph.errors import SnapshotError
from essgraph.graphmodel import from_json_dict, json_dict, public_rows, to_json_dict
from essgraph.graphmodel.graph import EDGE_TYPE_ATTR, NODE_LABELS_ATTR, graph_from_attrs

from essgraph.files import atomic_write
from essgraph.gcpause import paused_gc

__all__ = ["DEFAULT_SNAPSHOT", "SNAPSHOT_FORMAT", "SNAPSHOT_VERSION", "default_snapshot_path", "graph_to_dict",
           "graph_from_dict", "write_snapshot", "read_snapshot"]

#: The ``format`` tag of a snapshot file.
SNAPSHOT_FORMAT = "essgraph-snapshot"

#: The snapshot layout this essgraph writes and reads (1 was the export shape, still read).
SNAPSHOT_VERSION = 2

#: Where ``build`` saves the graph, relative to the current folder.
DEFAULT_SNAPSHOT = Path(".essgraph") / "graph.json"


def default_snapshot_path() -> Path:
    """``.essgraph/graph.json`` under the current folder."""
    return Path.cwd() / DEFAULT_SNAPSHOT


def graph_to_dict(G: nx.MultiDiGraph, *, public: bool = False) -> dict[str, Any]:
    """:func:`~essgraph.graphmodel.to_json_dict` of ``G`` plus its census records.

    With ``public``, that of :func:`~essgraph.graphmodel.public_graph` of ``G``,
    made from its rows (:func:`~essgraph.graphmodel.public_rows`) without building that graph.
    """
    data = json_dict(*public_rows(G), G.graph.get("dataset", {})) if public else to_json_dict(G)
    data["census"] = [dict(record) for record in G.graph.get("census", [])]
    return data


def graph_from_dict(data: dict[str, Any]) -> nx.MultiDiGraph:
    """The graph of :func:`graph_to_dict`'s shape (census records in ``G.graph["census"]``)."""
    G = from_json_dict(data)
    G.graph["census"] = [dict(record) for record in data.get("census", [])]
    return G


def write_snapshot(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Save ``G`` to ``path`` as compact UTF-8 JSON (the layout above), atomically.

    Raises
    ------
    essgraph.errors.SnapshotError
        The file cannot be written (disk full, no permission…); any previous
        snapshot is left as it was.
    """
    nodes = sorted(G.nodes(data=True), key=itemgetter(0))
    relationships = sorted(((start, end, key, attrs) for start, out in G.adjacency()
                            for end, keyed in out.items() for key, attrs in keyed.items()), key=itemgetter(2))
    return atomic_write(path, _encode({
        "format": SNAPSHOT_FORMAT,
        "version": SNAPSHOT_VERSION,
        "dataset": G.graph.get("dataset", {}),
        "census": G.graph.get("census", []),
        "nodes": nodes,
        "relationships": relationships,
    }), error=SnapshotError, hint="choose another snapshot path")


#: Rows encoded at a time when a snapshot is written.
CHUNK_ROWS = 20_000


def _encode(data: dict[str, Any]) -> Iterator[bytes]:
    """``orjson.dumps(data, option=OPT_SORT_KEYS)``, byte for byte, in parts: lists a chunk of rows at a time."""
    yield b"{"
    for index, name in enumerate(sorted(data)):
        yield (b"," if index else b"") + orjson.dumps(name) + b":"
        value = data[name]
        if isinstance(value, list) and len(value) > CHUNK_ROWS:
            for start in range(0, len(value), CHUNK_ROWS):
                part = orjson.dumps(value[start:start + CHUNK_ROWS], option=orjson.OPT_SORT_KEYS)
                yield (b"[" if start == 0 else b",") + part[1:-1]
            yield b"]"
        else:
            yield orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    yield b"}"


def read_snapshot(path: str | Path) -> nx.MultiDiGraph:
    """Read a snapshot written by :func:`write_snapshot` (or a JSON export).

    Raises
    ------
    essgraph.errors.SnapshotError
        The file is missing, unreadable, not a snapshot, or a snapshot of
        another version.
    """
    path = Path(path)
    try:
        with paused_gc():
            data = orjson.loads(path.read_bytes())
            if isinstance(data, dict) and "format" in data:
                return _graph_from_snapshot(data, path)
            return graph_from_dict(data)
    except FileNotFoundError as exc:
        raise SnapshotError(f"no snapshot at {path}: build the graph first (essgraph build)", options=("snapshot",)) from exc
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise SnapshotError(
            f"{path} is not a readable essgraph snapshot ({type(exc).__name__}): rebuild it with essgraph build") from exc


def _graph_from_snapshot(data: dict[str, Any], path: Path) -> nx.MultiDiGraph:
    version = data.get("version")
    if data["format"] != SNAPSHOT_FORMAT or version != SNAPSHOT_VERSION:
        raise SnapshotError(f"{path} is a snapshot of format {data['format']!r} version {version!r}; this essgraph "
                            f"reads version {SNAPSHOT_VERSION}: rebuild it with essgraph build")
    G = graph_from_attrs(_nodes(data["nodes"]), _relationships(data["relationships"]), data["dataset"])
    G.graph["census"] = [dict(record) for record in data["census"]]
    return G


def _nodes(rows: list[Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for node_id, attrs in rows:
        attrs[NODE_LABELS_ATTR] = tuple(attrs[NODE_LABELS_ATTR])
        yield node_id, attrs


def _relationships(rows: list[Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    for start, end, key, attrs in rows:
        attrs[EDGE_TYPE_ATTR]  # a relationship without a type is no snapshot's (KeyError, TypeError)
        yield start, end, key, attrs
