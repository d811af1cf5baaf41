"""Write Murmurations profiles: one per organization and municipality, and the Batch Importer's CSV.

The format, its mapping and what it cannot carry: :mod:`essgraph.loaders.murmurations`
and ``docs/formats.md#murmurations``. :func:`essgraph.loaders.export` calls
:func:`write_murmurations` with the public graph (unless personal data is asked for).

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network",
...                                                               "web": "www.gresp.org.pe", "status": "active"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "kind": "union", "themes": ["T13"]})],
...                 [Relationship("MEMBER_OF", "joc", "gresp", ev)])
>>> joc = profiles(G, base_url="https://example.org/perfiles")["joc"]
>>> joc["primary_url"], joc["tags"]
('https://example.org/perfiles/joc.json', ['Sindicato', 'Trabajo decente/digno y autogestión'])
>>> joc["relationships"]
[{'predicate_url': 'https://schema.org/memberOf', 'object_url': 'http://www.gresp.org.pe'}]
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping
from urllib.parse import urlsplit

import networkx as nx

from essgraph.errors import RenderError
from essgraph.files import atomic_folder, atomic_write
from essgraph.graphmodel import ACTOR_LABELS, SYMMETRIC_TYPES, has_label, iter_relationships
from essgraph.graphmodel.vocab import MUNICIPALITY_LEVELS, ORG_KINDS, SECTORS, THEMES, evidence_counts
from essgraph.spreadsheet import csv_text

from essgraph.loaders.murmurations import (COUNTRY, MARKER, MUNICIPALITY_TAG, PREDICATES, SCHEMA, STATUS_OUT,
                                           url_key)

__all__ = ["BATCH_ROWS", "MURMURATIONS_INDEX", "MURMURATIONS_TEST_INDEX", "MURMURATIONS_IMPORTER", "profiles",
           "profile_files", "write_murmurations", "check_base_url", "web_urls"]

#: Profiles per Batch Importer CSV (the importer takes at most 1,000 rows a batch).
BATCH_ROWS = 1000
#: Where a profile's address is registered (POST ``{"profile_url": …}``), the index to try first,
#: and the tool that turns the batch CSV into hosted profiles.
MURMURATIONS_INDEX = "https://index.murmurations.network/v2/nodes"
MURMURATIONS_TEST_INDEX = "https://test-index.murmurations.network/v2/nodes"
MURMURATIONS_IMPORTER = "https://tools.murmurations.network/batch-importer"
# A URL has no brackets in its path: a web the public graph redacted ("…/Conamovidi-[teléfono]") is none.
_WEB_TOKEN = re.compile(r"^(?:https?://[^\s\[\]]+|[\w-]+(?:\.[\w-]+)+(?:[/?#][^\s\[\]]*)?)$", re.IGNORECASE)
_CSV_INDEX = re.compile(r"\[(\d+)\]")
#: Profile fields in the order of the schema (the batch CSV's column order).
_FIELDS = ("oid", "linked_schemas", "name", "nickname", "primary_url", "tags", "urls", "description", "status",
           "full_address", "country_iso_3166", "contact_details", "telephone", "geographic_scope", "unique_id",
           "relationships")


def profiles(G: nx.MultiDiGraph, *, base_url: str, include_reported: bool = False) -> dict[str, dict[str, Any]]:
    """One Murmurations profile per organization and municipality of ``G``, by node id.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The graph as it is to be published (:func:`essgraph.loaders.export` passes the public graph).
    base_url : str
        Where the profiles will be hosted (``BASE/ID.json``): the ``primary_url`` of
        an actor without a web address of its own.
    include_reported : bool
        Publish the ties organizations reported in a survey round too (evidence
        ``reported``); by default only the ties the report states.

    Returns
    -------
    dict
        ``{id: profile}``, each a JSON-ready dict valid against :data:`SCHEMA`.
    """
    base = check_base_url(base_url)
    actors = sorted(n for n in G if has_label(G, n, *ACTOR_LABELS))
    webs = {n: web_urls(str(G.nodes[n].get("web") or "")) for n in actors}
    # A web address is a primary_url only where no other actor has it (two share a directory's web).
    firsts = Counter(url_key(urls[0]) for urls in webs.values() if urls)
    primary = {n: urls[0] if urls and firsts[url_key(urls[0])] == 1 else f"{base}{n}.json" for n, urls in webs.items()}
    said: dict[str, set[tuple[str, str]]] = {n: set() for n in actors}
    for rel in iter_relationships(G):
        predicate = PREDICATES.get(rel.type)
        evidence = str(rel.properties.get("evidence", ""))
        if predicate is None or not evidence_counts(evidence, include_reported=include_reported):
            continue  # the one evidence rule: stated ties, reported ones when asked, never inferred
        if rel.start == rel.end or rel.start not in said or rel.end not in said:
            continue
        subject, obj = (rel.start, rel.end) if predicate.subject == "start" else (rel.end, rel.start)
        said[subject].add((predicate.url, primary[obj]))
        if rel.type in SYMMETRIC_TYPES:
            said[obj].add((predicate.url, primary[subject]))
    return {n: _profile(G, n, primary[n], webs[n], said[n]) for n in actors}


def profile_files(G: nx.MultiDiGraph, *, base_url: str, include_reported: bool = False) -> dict[str, bytes]:
    """The files of the export: ``ID.json`` per profile, and the batch CSV (``murmurations.csv``,
    or ``murmurations-1.csv``, ``-2`` … past :data:`BATCH_ROWS` profiles).

    The CSV is UTF-8 without a byte-order mark (the importer reads its first column's name, ``oid``, as is),
    its cells made safe for a spreadsheet (:func:`essgraph.spreadsheet.csv_text`).
    """
    found = profiles(G, base_url=base_url, include_reported=include_reported)
    files = {f"{n}.json": (json.dumps(p, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
             for n, p in found.items()}
    # The importer adds linked_schemas itself (the schemas are chosen when uploading).
    rows = [dict(_flatten({"oid": n, **{k: v for k, v in p.items() if k != "linked_schemas"}}))
            for n, p in found.items()]
    batches = [rows[i:i + BATCH_ROWS] for i in range(0, len(rows), BATCH_ROWS)] or [[]]
    for number, batch in enumerate(batches, start=1):
        # in the schema's order; the items of a list by index, their fields as the profiles have them
        columns = sorted(dict.fromkeys(["oid"] + [c for row in batch for c in row]), key=_column_order)
        name = "murmurations.csv" if len(batches) == 1 else f"murmurations-{number}.csv"
        files[name] = csv_text(columns, batch).encode("utf-8")
    return files


def write_murmurations(G: nx.MultiDiGraph, folder: str | Path, *, base_url: str | None,
                       include_reported: bool = False) -> Path:
    """Write the profiles of ``G`` into ``folder``, whole (see :func:`essgraph.files.atomic_folder`).

    ``folder`` must be new, empty or an earlier Murmurations export (it holds :data:`MARKER`).

    Raises
    ------
    essgraph.errors.RenderError
        No or a bad ``base_url``; ``folder`` is something else; a file cannot be written.
    """
    if not base_url:
        raise RenderError("Murmurations profiles need a base URL: the web address where they will be hosted, "
                          "e.g. https://example.org/perfiles/", options=("base_url",))
    files = profile_files(G, base_url=base_url, include_reported=include_reported)
    with atomic_folder(folder, marker=MARKER, what="an essgraph Murmurations export", error=RenderError) as work:
        for name, data in files.items():
            atomic_write(work / name, data, error=RenderError, hint="choose another folder")
    return Path(folder)


def check_base_url(base_url: str) -> str:
    """``base_url`` ending with ``/``, or RenderError if it is not an http(s) address.

    >>> check_base_url("https://example.org/perfiles")
    'https://example.org/perfiles/'
    >>> check_base_url("example.org")
    Traceback (most recent call last):
    ...
    essgraph.errors.RenderError: the base URL 'example.org' is not an http(s) address: write it whole, e.g. https://example.org/perfiles/
    """
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment or re.search(
            r"\s", base_url):
        raise RenderError(f"the base URL '{base_url}' is not an http(s) address: write it whole, "
                          "e.g. https://example.org/perfiles/", options=("base_url",))
    return base_url if base_url.endswith("/") else base_url + "/"


def web_urls(web: str) -> list[str]:
    """The web addresses a ``web`` cell holds, as URLs (a bare ``www.x.org`` gets ``http://``, as a browser does).

    >>> web_urls("www.manosperu.org www.fairtradeperu.com")
    ['http://www.manosperu.org', 'http://www.fairtradeperu.com']
    >>> web_urls("https://cecycap.org"), web_urls("ver directorio"), web_urls("https://fb.com/x-[teléfono]")
    (['https://cecycap.org'], [], [])
    """
    tokens = web.split()
    if not tokens or not all(_WEB_TOKEN.match(t) for t in tokens):
        return []
    return [t if t.lower().startswith(("http://", "https://")) else "http://" + t for t in tokens]


def _profile(G: nx.MultiDiGraph, node_id: str, primary_url: str, webs: list[str],
             said: Iterable[tuple[str, str]]) -> dict[str, Any]:
    attrs = G.nodes[node_id]
    aliases = list(attrs.get("aliases") or ())
    municipality = has_label(G, node_id, "Municipality")
    profile: dict[str, Any] = {"linked_schemas": [SCHEMA], "name": str(attrs.get("name") or node_id)}
    nickname = attrs.get("acronym") or (aliases[0] if aliases else "")
    if nickname:
        profile["nickname"] = nickname
    profile["primary_url"] = primary_url
    profile["tags"] = _tags(attrs, municipality)
    others = [{"name": "web", "url": url} for url in webs if url != primary_url]
    if others:
        profile["urls"] = others
    if attrs.get("description"):
        profile["description"] = attrs["description"]
    if attrs.get("status") in STATUS_OUT:
        profile["status"] = STATUS_OUT[attrs["status"]]
    region = attrs.get("region")
    region_name = G.nodes[region].get("name") if region in G else None
    place = [p for p in (attrs.get("locality"), region_name) if p]
    if place:
        profile["full_address"] = ", ".join(place + ["Perú"])  # "Cusco, Cusco, Perú": city, department
    profile["country_iso_3166"] = COUNTRY
    if attrs.get("email") and not municipality:
        profile["contact_details"] = {"email": attrs["email"]}
    if attrs.get("phone"):  # personal data: only in a graph that keeps it (--include-personal-data)
        profile["telephone"] = attrs["phone"]
    if attrs.get("scope"):
        profile["geographic_scope"] = attrs["scope"]
    profile["unique_id"] = node_id
    if said:
        profile["relationships"] = [{"predicate_url": p, "object_url": o} for p, o in sorted(said)]
    return profile


def _tags(attrs: Mapping[str, Any], municipality: bool) -> list[str]:
    """Spanish labels: the kind, the sectors (primary first), the themes; a municipality's label and level."""
    if municipality:
        level = MUNICIPALITY_LEVELS.get(attrs.get("level") or "")
        return [MUNICIPALITY_TAG.es] + ([level.es] if level else [])
    kind = ORG_KINDS.get(attrs.get("kind") or "")
    sectors = [attrs.get("sector")] + list(attrs.get("sectors_additional") or ())
    labels = ([kind.es] if kind else []) + [SECTORS[s].es for s in sectors if s in SECTORS] + [
        THEMES[t].es for t in attrs.get("themes") or () if t in THEMES]
    return list(dict.fromkeys(labels))


def _flatten(value: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """The batch CSV's columns of a profile: ``tags[0]``, ``geolocation.lat``, ``urls[0].url``."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{prefix}.{key}" if prefix else key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{prefix}[{index}]")
    else:
        yield prefix, value


def _column_order(column: str) -> tuple[int, list[int]]:
    top = re.split(r"[.\[]", column, maxsplit=1)[0]
    return _FIELDS.index(top), [int(i) for i in _CSV_INDEX.findall(column)]
