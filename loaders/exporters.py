"""Export a graph as JSON, GraphML, GEXF (Gephi), CSV, Murmurations profiles or ESSGlobal linked data, without personal
data unless asked.

Formats:

``json``
    :func:`~essgraph.graphmodel.to_json_dict`'s shape
    (``{"dataset", "nodes": [{"id", "labels", "properties"}], "relationships":
    [{"type", "start", "end", "properties"}]}``) plus ``"census"``; loss-free
    (:func:`~essgraph.loaders.snapshot.read_snapshot` reads it back).
``gexf``
    GEXF 1.3 for Gephi (:mod:`essgraph.loaders.gexf`): every relationship a typed
    edge (its type as Gephi's edge kind, its name as the edge label), code columns
    with a ``_label`` column beside them, no internal columns.
``graphml``
    For yEd, Cytoscape, NetworkX: node attributes ``labels``
    (``Organization|Network``), ``label`` (the name, what Gephi displays) and the
    properties; edge attributes ``rel_type`` and ``label`` (the relationship
    type; GEXF reserves ``type``) and the properties. List values are joined
    with ``|``. Census records are not included.
``csv``
    A ZIP file holding ``nodes.csv`` (``id``, ``labels``, then one column per
    property) and ``relationships.csv`` (``type``, ``start``, ``end``, then the
    properties), UTF-8 with a BOM so that Excel opens the accents right; lists
    joined with ``|``; a text cell a spreadsheet would run as a formula starts
    with an apostrophe (:mod:`essgraph.spreadsheet`).

GEXF, GraphML and CSV carry a ``<column>_label`` column beside every code column
(``sector`` ``a03`` → ``sector_label`` "Producción industrial y artesanal";
``themes``, ``kind``, ``status``, ``labels``; a relationship's ``type`` and
``evidence``) in the language of ``lang`` (:mod:`essgraph.graphmodel.terms`); the
codes stay, so a program reads them as before and ignores the labels.
``murmurations``
    A *folder*: one Murmurations profile per organization and municipality, and the
    Batch Importer's CSV (:mod:`essgraph.loaders.murmurations`); it needs ``base_url``.
``essglobal``, ``essglobal-jsonld``
    RIPESS's ESSGlobal linked data (:mod:`essgraph.loaders.essglobal`) as Turtle or
    as JSON-LD (the format's name chooses, not the file's suffix): every
    organization an ``essglobal:SSEInitiative`` or ``essglobal:Network``, every tie
    with its evidence, the dataset a ``dcat:Dataset``. A node's URI is
    ``base_url`` followed by its id (:data:`DEFAULT_BASE_URL`, a placeholder, when
    none is given); ``docs/formats.md`` has the mapping.

Every file is written as UTF-8, atomically. People's names, phones and e-mails
are left out (:func:`~essgraph.graphmodel.public_graph`) unless
``include_personal_data=True``.

Examples
--------
>>> import tempfile, networkx as nx
>>> from essgraph.graphmodel import Node, build_graph
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "aliases": ["GRE-P", "GRESPE"]})], [])
>>> path = export(G, "graphml", Path(tempfile.mkdtemp()) / "g.graphml")
>>> sorted(nx.read_graphml(path).nodes["gresp"].items())
[('aliases', 'GRE-P|GRESPE'), ('label', 'GRESP'), ('labels', 'Organization|Network'),
 ('labels_label', 'Organización|Red'), ('name', 'GRESP')]
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any, Callable, Mapping

import networkx as nx

from essgraph.errors import RenderError
from essgraph.graphmodel import Node, Relationship, iter_nodes, iter_relationships, public_graph
from essgraph.graphmodel.terms import LABEL_SUFFIX, node_label_columns, relationship_label_columns

from essgraph.files import atomic_write
from essgraph.jsonbytes import json_bytes
from essgraph.gcpause import paused_gc
from essgraph.spreadsheet import csv_bytes
from essgraph.loaders.gexf import NodeViz, gexf_bytes
from essgraph.loaders.murmurations_export import write_murmurations
from essgraph.loaders.snapshot import graph_to_dict
from essgraph.loaders.text import LIST_SEPARATOR

__all__ = ["DEFAULT_BASE_URL", "ESSGLOBAL_FORMATS", "EXPORT_FORMATS", "export", "check_export_options"]

#: The URIs of an ESSGlobal export without a ``base_url``: a placeholder (RFC 2606's example
#: domain), not an address to publish under.
DEFAULT_BASE_URL = "https://example.org/essgraph/"
#: The ESSGlobal formats and the RDF syntax each writes.
ESSGLOBAL_FORMATS: dict[str, str] = {"essglobal": "turtle", "essglobal-jsonld": "json-ld"}


def export(G: nx.MultiDiGraph, fmt: str, path: str | Path, *, include_personal_data: bool = False,
           viz: Mapping[str, NodeViz] | None = None, base_url: str | None = None,
           include_reported: bool = False, lang: str = "es") -> Path:
    """Write ``G`` to ``path`` in format ``fmt``.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        A graph in essgraph's NetworkX form.
    fmt : {"json", "graphml", "gexf", "csv", "murmurations", "essglobal", "essglobal-jsonld"}
        The format (see the module documentation).
    path : str or Path
        The output file (a ``.zip`` for ``csv``; a folder for ``murmurations``, new,
        empty or an earlier such export); its folder is created.
    include_personal_data : bool
        Keep people's names and contact data (default: the public graph).
    viz : mapping, optional
        GEXF only: position, colour and size per node id (``essgraph.render.gephi.gephi_viz``
        gives the views' picture), so that Gephi opens the same picture.
    base_url : str, optional
        Murmurations (needed there): where the profiles will be hosted. ESSGlobal:
        where the file will be published, the start of every node's URI.
    include_reported : bool
        Murmurations only: publish the ties reported in survey rounds too, not only the stated ones.
    lang : {"es", "en"}
        GEXF, GraphML and CSV: the language of the ``_label`` columns beside the codes (and of
        GEXF's edge labels).

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    essgraph.errors.RenderError
        Unknown format, an option the format does not take, a base URL that is
        not an http(s) address, or the file cannot be written.
    """
    if fmt not in EXPORT_FORMATS:
        raise RenderError(f"unknown export format '{fmt}': use one of {', '.join(EXPORT_FORMATS)}")
    check_export_options(fmt, base_url=base_url, include_reported=include_reported)
    with paused_gc():  # millions of dicts and strings, none in a cycle: see essgraph.gcpause
        if fmt == "json":  # the public form's dict straight from its rows, without a second graph
            data = json_bytes(graph_to_dict(G, public=not include_personal_data), indent=1)
        else:
            graph = G if include_personal_data else public_graph(G)
            if fmt == "murmurations":
                return write_murmurations(graph, path, base_url=base_url, include_reported=include_reported)
            if fmt in ESSGLOBAL_FORMATS:
                from essgraph.loaders.essglobal import essglobal_bytes  # rdflib, only when asked for

                data = essglobal_bytes(graph, base_url=base_url or DEFAULT_BASE_URL, syntax=ESSGLOBAL_FORMATS[fmt])
            else:
                data = gexf_bytes(graph, viz=viz, lang=lang) if fmt == "gexf" else _WRITERS[fmt](graph, lang)
    return atomic_write(path, data, error=RenderError, hint="choose another path with -o")


def check_export_options(fmt: str, *, base_url: str | None = None, include_reported: bool = False) -> None:
    """Refuse an option of other formats (``kumu``, written by ``essgraph.render.kumu``, takes neither).

    >>> check_export_options("kumu", base_url="https://example.org/")
    Traceback (most recent call last):
    ...
    essgraph.errors.RenderError: a base URL applies to the murmurations and essglobal formats only
    """
    if base_url is not None and fmt not in ("murmurations", *ESSGLOBAL_FORMATS):
        raise RenderError("a base URL applies to the murmurations and essglobal formats only", options=("base_url",))
    if include_reported and fmt != "murmurations":
        raise RenderError("choosing the reported ties applies to the murmurations format only (the essglobal formats "
                          "write every tie with its evidence)", options=("include_reported",))


def _flat(value: Any) -> Any:
    return LIST_SEPARATOR.join(str(v) for v in value) if isinstance(value, (list, tuple)) else value


def _flat_graph(G: nx.MultiDiGraph, lang: str) -> nx.MultiDiGraph:
    F = nx.MultiDiGraph()
    F.graph.update({k: _flat(v) for k, v in G.graph.get("dataset", {}).items() if not isinstance(v, dict)})
    for node in iter_nodes(G):
        attrs = {k: _flat(v) for k, v in _node_row(node, lang).items()}
        F.add_node(node.id, label=str(node.properties.get("name", node.id)), **attrs)
    for rel in iter_relationships(G):
        attrs = {k: _flat(v) for k, v in _rel_row(rel, lang).items()}
        F.add_edge(rel.start, rel.end, key=rel.key, rel_type=rel.type, label=rel.type, **attrs)
    return F


def _graphml(G: nx.MultiDiGraph, lang: str) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml(_flat_graph(G, lang), buffer, encoding="utf-8")
    return buffer.getvalue()


def _gexf(G: nx.MultiDiGraph, lang: str) -> bytes:
    return gexf_bytes(G, lang=lang)


def _csv(G: nx.MultiDiGraph, lang: str) -> bytes:
    node_rows = [{"id": n.id, **{k: _flat(v) for k, v in _node_row(n, lang).items()}} for n in iter_nodes(G)]
    rel_rows = [{"type": r.type, "start": r.start, "end": r.end, **{k: _flat(v) for k, v in _rel_row(r, lang).items()}}
                for r in iter_relationships(G)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("nodes.csv", _table(node_rows, ["id", "labels"]))
        archive.writestr("relationships.csv", _table(rel_rows, ["type", "start", "end"]))
    return buffer.getvalue()


def _node_row(node: Node, lang: str) -> dict[str, Any]:
    """A node's labels and properties, with the label columns beside the codes."""
    return {"labels": list(node.labels), **node.properties, **node_label_columns(node.labels, node.properties, lang)}


def _rel_row(rel: Relationship, lang: str) -> dict[str, Any]:
    """A relationship's properties, with ``type_label`` and the label columns beside the codes."""
    return {**rel.properties, **relationship_label_columns(rel.type, rel.properties, lang)}


def _table(rows: list[dict[str, Any]], first: list[str]) -> bytes:
    """The rows as CSV: the ``first`` columns, then the others by name; each label column right after its code's."""
    names = {k for row in rows for k in row}
    codes = [c for c in first if c in names] + sorted(names - set(first) - {c for c in names if _is_label_of(c, names)})
    columns = [c for code in codes for c in (code, code + LABEL_SUFFIX) if c in names]
    return csv_bytes(columns, rows)


def _is_label_of(column: str, names: set[str]) -> bool:
    return column.endswith(LABEL_SUFFIX) and column[: -len(LABEL_SUFFIX)] in names


_WRITERS: dict[str, Callable[[nx.MultiDiGraph, str], bytes]] = {
    "graphml": _graphml, "gexf": _gexf, "csv": _csv,
}

#: The formats :func:`export` writes (``murmurations`` a folder).
EXPORT_FORMATS: tuple[str, ...] = ("json", *_WRITERS, "murmurations", *ESSGLOBAL_FORMATS)
