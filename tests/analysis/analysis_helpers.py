"""Helpers of the analysis tests: property-graph builders and seeded random graphs."""
from __future__ import annotations

import random
from typing import Any

import networkx as nx
from essgraph.graphmodel import Node, Relationship, build_graph

EV = {"section": "3.1", "quote": "q", "evidence": "stated"}


def org(node_id: str, **props: Any) -> Node:
    """An organization node (a network when ``kind`` is network/platform/mesa)."""
    props.setdefault("name", node_id.upper())
    props.setdefault("kind", "initiative")
    props.setdefault("status", "active")
    labels = ("Organization", "Network") if props["kind"] in {"network", "platform", "mesa"} else ("Organization",)
    return Node(node_id, labels, props)


def rel(type_: str, start: str, end: str, **props: Any) -> Relationship:
    """A relationship with evidence; a distinct quote per pair keeps parallel ones apart."""
    return Relationship(type_, start, end, {**EV, "quote": f"{start} {type_} {end} {props.pop('q', '')}", **props})


def property_graph_from(T: nx.Graph, *, type_: str = "ALLIED_WITH", **node_props: Any) -> nx.MultiDiGraph:
    """The property graph whose default tie graph is ``T`` (string ids)."""
    nodes = [org(str(v), **{**node_props, **{k: val for k, val in d.items()}}) for v, d in T.nodes(data=True)]
    return build_graph(nodes, [rel(type_, str(u), str(v)) for u, v in T.edges()])




def random_graphs(count: int = 30) -> list[nx.Graph]:
    """Seeded random graphs of several shapes (sparse, clustered, tree-like, disconnected)."""
    graphs = []
    for seed in range(count):
        rng = random.Random(seed)
        n = rng.randint(5, 60)
        kind = seed % 3
        if kind == 0:
            g = nx.gnp_random_graph(n, rng.choice([0.03, 0.06, 0.1]), seed=seed)
        elif kind == 1:
            g = nx.powerlaw_cluster_graph(n, 2, 0.3, seed=seed)
        else:
            g = nx.disjoint_union(nx.random_labeled_tree(n, seed=seed), nx.gnp_random_graph(8, 0.3, seed=seed))
        graphs.append(g)
    return graphs
