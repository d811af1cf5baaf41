"""The named queries answered over the NetworkX graph (the embedded backend).

Each function takes the graph and the query's parameters and returns the rows
(lists, in the query's column order) in the same order as the Cypher version;
a parity test runs both on the same data and requires identical rows.

>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network"}),
...                  Node("gies", ("Organization", "Network"), {"name": "GIES", "kind": "network"}),
...                  Node("joc", ("Organization",), {"name": "JOC", "kind": "union"})],
...                 [Relationship("PART_OF", "gies", "gresp", {"quote": "a"}),
...                  Relationship("MEMBER_OF", "joc", "gies", {"quote": "b"})])
>>> EMBEDDED["network_members"](G, network="gresp")
[['gies', 'GIES', 1], ['joc', 'JOC', 2]]
"""
from __future__ import annotations

from collections import deque
from typing import Any, Callable, Iterator

import networkx as nx

from essgraph.graphmodel import TIE_TYPES, has_label

__all__ = ["EMBEDDED", "TIE_TYPES"]

Row = list[Any]


def _orgs(G: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    for n in sorted(G.nodes):
        if has_label(G, n, "Organization"):
            yield n, G.nodes[n]


def _incident(G: nx.MultiDiGraph, n: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    """``(direction, other, key, attrs)`` of every relationship at ``n`` (a self-loop twice, like Cypher)."""
    out = [("out", v, k, d) for _, v, k, d in G.out_edges(n, keys=True, data=True)]
    return out + [("in", u, k, d) for u, _, k, d in G.in_edges(n, keys=True, data=True)]


def orgs_by_region(G: nx.MultiDiGraph, *, region: str) -> list[Row]:
    return [[n, a.get("name"), a.get("kind")] for n, a in _orgs(G) if a.get("region") == region]


def orgs_by_macro_region(G: nx.MultiDiGraph, *, macro_region: str) -> list[Row]:
    def region_in(rid: Any) -> bool:
        return rid in G and has_label(G, rid, "Region") and G.nodes[rid].get("macro_region") == macro_region
    return [[n, a.get("name"), a.get("region")] for n, a in _orgs(G)
            if a.get("macro_region") == macro_region or region_in(a.get("region"))]


def orgs_by_kind(G: nx.MultiDiGraph, *, kind: str) -> list[Row]:
    return [[n, a.get("name"), a.get("region")] for n, a in _orgs(G) if a.get("kind") == kind]


def orgs_by_sector(G: nx.MultiDiGraph, *, sector: str) -> list[Row]:
    return [[n, a.get("name"), a.get("sector") == sector] for n, a in _orgs(G)
            if a.get("sector") == sector or sector in (a.get("sectors_additional") or ())]


def network_members(G: nx.MultiDiGraph, *, network: str) -> list[Row]:
    if network not in G or not has_label(G, network, "Organization"):
        return []
    dist = {network: 0}
    queue = deque([network])
    while queue:  # breadth-first along PART_OF, backwards, from the network
        v = queue.popleft()
        for u, _, d in G.in_edges(v, data=True):
            if d["type"] == "PART_OF" and u not in dist:
                dist[u] = dist[v] + 1
                queue.append(u)
    steps: dict[str, int] = {}
    for x, dx in dist.items():
        for m, _, d in G.in_edges(x, data=True):
            if d["type"] in {"MEMBER_OF", "PART_OF"} and m != network:
                steps[m] = min(steps.get(m, dx + 1), dx + 1)
    return [[m, G.nodes[m].get("name"), s] for m, s in sorted(steps.items(), key=lambda ms: (ms[1], ms[0]))]


def orgs_in_no_network(G: nx.MultiDiGraph) -> list[Row]:
    return [[n, a.get("name"), a.get("kind")] for n, a in _orgs(G)
            if not has_label(G, n, "Network")
            and not any(d["type"] in {"MEMBER_OF", "PART_OF"} for _, _, d in G.out_edges(n, data=True))]


def _ties_of(G: nx.MultiDiGraph, n: str, label: str) -> list[tuple[str, str, str, dict[str, Any]]]:
    if n not in G or not has_label(G, n, label):
        return []
    rows = [t for t in _incident(G, n) if t[3]["type"] != "LOCATED_IN"]
    return sorted(rows, key=lambda t: (t[3]["type"], t[1], t[0], t[2]))


def municipality_ties(G: nx.MultiDiGraph, *, municipality: str) -> list[Row]:
    return [[d["type"], direction, other, None if has_label(G, other, "Person") else G.nodes[other].get("name"),
             d.get("year"), d.get("evidence")]
            for direction, other, _, d in _ties_of(G, municipality, "Municipality")]


def orgs_tied_to_municipalities(G: nx.MultiDiGraph, *, region: str) -> list[Row]:
    pairs: dict[tuple[str, str], set[str]] = {}
    for u, v, d in G.edges(data=True):
        if d["type"] not in TIE_TYPES:
            continue
        for o, m in ((u, v), (v, u)):
            if has_label(G, o, "Organization") and has_label(G, m, "Municipality") and G.nodes[m].get("region") == region:
                pairs.setdefault((o, m), set()).add(d["type"])
    return [[o, G.nodes[o].get("name"), m, sorted(types)] for (o, m), types in sorted(pairs.items())]


def _tie_graph(G: nx.MultiDiGraph) -> nx.Graph:
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v, d in G.edges(data=True) if d["type"] in TIE_TYPES and u != v)
    return U


def shortest_chain(G: nx.MultiDiGraph, **params: str) -> list[Row]:
    a, b = params["from"], params["to"]
    if a not in G or b not in G or not has_label(G, a, "Organization") or not has_label(G, b, "Organization"):
        return []
    try:
        paths = sorted(nx.all_shortest_paths(_tie_graph(G), a, b))
    except nx.NetworkXNoPath:
        return []
    return [[p, [G.nodes[n].get("name") for n in p], len(p) - 1] for p in paths]


def shared_interviewees(G: nx.MultiDiGraph) -> list[Row]:
    rows = set()
    for p in G.nodes:
        if not has_label(G, p, "Person"):
            continue
        orgs = sorted({v for _, v, d in G.out_edges(p, data=True)
                       if d["type"] == "REPRESENTS" and has_label(G, v, "Organization")})
        rows |= {(p, a, b) for i, a in enumerate(orgs) for b in orgs[i + 1:]}
    return [list(r) for r in sorted(rows)]


def regions_without_national_network(G: nx.MultiDiGraph) -> list[Row]:
    tied: set[Any] = set()
    for u, v, d in G.edges(data=True):
        if d["type"] not in TIE_TYPES or u == v:
            continue
        for o, n in ((u, v), (v, u)):
            if (has_label(G, n, "Network") and G.nodes[n].get("scope") == "national"
                    and (has_label(G, o, "Organization") or has_label(G, o, "Municipality"))):
                tied.add(G.nodes[o].get("region"))
    return [[r, G.nodes[r].get("name")] for r in sorted(G.nodes) if has_label(G, r, "Region") and r not in tied]


def neighbourhood(G: nx.MultiDiGraph, *, id: str, steps: int) -> list[Row]:
    if id not in G or not has_label(G, id, "Organization"):
        return []
    lengths = nx.single_source_shortest_path_length(_tie_graph(G), id, cutoff=min(steps, 10))
    return [[n, G.nodes[n].get("name"), d] for n, d in sorted(lengths.items(), key=lambda nd: (nd[1], nd[0]))
            if n != id and (has_label(G, n, "Organization") or has_label(G, n, "Municipality"))]


def ties_by_year(G: nx.MultiDiGraph) -> list[Row]:
    counts: dict[tuple[int, str], int] = {}
    for _, _, d in G.edges(data=True):
        if d["type"] in TIE_TYPES and d.get("year") is not None:
            counts[(d["year"], d["type"])] = counts.get((d["year"], d["type"]), 0) + 1
    return [[y, t, c] for (y, t), c in sorted(counts.items())]


def tie_evidence(G: nx.MultiDiGraph, *, id: str) -> list[Row]:
    return [[d["type"], direction, other, d.get("section"), d.get("quote"), d.get("year"), d.get("evidence")]
            for direction, other, _, d in _ties_of(G, id, "Organization")]


#: Query name → function over the NetworkX graph.
EMBEDDED: dict[str, Callable[..., list[Row]]] = {
    f.__name__: f for f in (
        orgs_by_region, orgs_by_macro_region, orgs_by_kind, orgs_by_sector, network_members, orgs_in_no_network,
        municipality_ties, orgs_tied_to_municipalities, shortest_chain, shared_interviewees,
        regions_without_national_network, neighbourhood, ties_by_year, tie_evidence,
    )
}
