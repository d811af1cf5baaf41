"""Roles in the vocabulary of network weavers: hub, broker, peripheral, isolate.

Each organization gets exactly one role, by the first rule that applies:

1. **isolate** — it has no tie;
2. **hub** — its degree is at least the ``hub_quantile`` percentile of the degrees
   of organizations with ties (nearest rank), and at least ``min_hub_degree``;
3. **broker** (connector between groups) — it is an articulation point (its loss
   splits the network), or its betweenness is positive, at least the
   ``broker_quantile`` percentile, and its ties reach two or more Louvain
   communities (its own included);
4. **peripheral** — every other organization with ties.

Each result names the rule that assigned the role, as a code with its numbers
(worded by :mod:`essgraph.render.findings`).

References
----------
Holley, J. (2012). Network Weaver Handbook. Network Weaver Publishing.
Krebs, V. & Holley, J. (2006). Building smart communities through network weaving.

Examples
--------
>>> import networkx as nx
>>> T = nx.star_graph(5); T.add_node(9)
>>> r = roles(T)
>>> [(x["id"], x["role"]) for x in r.roles if x["id"] in (0, 1, 9)]
[(0, 'hub'), (1, 'peripheral'), (9, 'isolate')]
>>> r.roles[0]["rule"]
{'code': 'hub', 'degree': 5, 'threshold': 5, 'percentile': 90, 'minimum': 3}
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Hashable, Iterable

import networkx as nx
import pandas as pd

from essgraph.analysis._common import actors, group_of, nearest_rank
from essgraph.analysis.centrality import centrality
from essgraph.analysis.communities import communities
from essgraph.analysis.engine import TieStructure, structure_of

__all__ = ["ROLES", "Roles", "roles", "hub_degree"]

#: The four roles, in the vocabulary of network weavers.
ROLES = ("hub", "broker", "peripheral", "isolate")


@dataclass
class Roles:
    """One role per organization, the thresholds used, and how many got each role."""

    thresholds: dict[str, float]
    counts: dict[str, int]
    roles: list[dict[str, Any]]


def hub_degree(degrees: Iterable[int], *, quantile: float = 0.9, minimum: int = 3) -> float:
    """The fewest ties a hub has: the nearest-rank ``quantile`` of the organizations' positive
    degrees, and at least ``minimum`` (the rule of the role ``hub``; the views mark the same hubs).

    >>> hub_degree([0, 1, 1, 2, 2]), hub_degree([0, 4, 5, 6, 7, 8, 9, 10, 11, 12, 30])
    (3, 12)
    """
    return max(minimum, nearest_rank((d for d in degrees if d > 0), quantile))


def roles(
    T: nx.Graph,
    *,
    hub_quantile: float = 0.9,
    min_hub_degree: int = 3,
    broker_quantile: float = 0.9,
    seed: int | None = 42,
    k: int | None = None,
    table: pd.DataFrame | None = None,
    membership: dict[Hashable, int] | None = None,
    structure: TieStructure | None = None,
) -> Roles:
    """Assign a role to each organization and say which rule assigned it.

    Parameters
    ----------
    T : networkx.Graph
        A tie graph.
    hub_quantile, min_hub_degree, broker_quantile
        The thresholds of the rules (see the module's description).
    seed : int, optional
        Seed of the Louvain communities (and of sampled betweenness).
    k : int, optional
        Betweenness sample size, see :func:`essgraph.analysis.centrality.centrality`.
    table, membership : optional
        A :func:`centrality` table and a community membership already computed
        for ``T`` (to avoid computing them twice).
    structure : TieStructure, optional
        ``T``'s structure when already made (its articulation points).

    Returns
    -------
    Roles
        ``roles`` rows ``{id, name, role, rule, degree, betweenness, pagerank,
        communities_reached, articulation_point, macro_region}`` sorted by id (one
        per organization: the per-organization table of the analysis); ``rule`` is
        ``{"code", ...numbers}`` with code ``isolate``, ``hub`` (``degree``,
        ``threshold``, ``percentile``, ``minimum``), ``broker-cut``,
        ``broker-between`` (``betweenness``, ``percentile``, ``reached``) or
        ``peripheral`` (``degree``).

    Examples
    --------
    >>> import networkx as nx
    >>> r = roles(nx.barbell_graph(4, 1), min_hub_degree=5)
    >>> sorted((x["id"], x["role"]) for x in r.roles if x["role"] != "peripheral")
    [(3, 'broker'), (4, 'broker'), (5, 'broker')]
    """
    orgs = actors(T)
    if not orgs:
        return Roles({}, dict.fromkeys(ROLES, 0), [])
    if table is None:
        table = centrality(T, k=k, seed=seed).table
    if membership is None:
        membership = communities(T, seed=seed).membership()
    betweenness = dict(zip(table["id"], table["betweenness"]))
    pagerank = dict(zip(table["id"], table["pagerank"]))
    cuts = structure_of(T, structure).articulation_points()
    tied = [v for v in orgs if T.degree(v) > 0]
    hub_at = hub_degree((T.degree(v) for v in tied), quantile=hub_quantile, minimum=min_hub_degree)
    broker_at = nearest_rank((betweenness[v] for v in tied), broker_quantile)
    pct_hub, pct_broker = round(hub_quantile * 100), round(broker_quantile * 100)
    rows = []
    for v in orgs:
        degree, between = T.degree(v), betweenness[v]
        rule: dict[str, Any]
        reached = len({membership[w] for w in (v, *T[v]) if w in membership})
        if degree == 0:
            role, rule = "isolate", {"code": "isolate"}
        elif degree >= hub_at:
            role = "hub"
            rule = {"code": "hub", "degree": degree, "threshold": hub_at, "percentile": pct_hub, "minimum": min_hub_degree}
        elif v in cuts:
            role, rule = "broker", {"code": "broker-cut"}
        elif between > 0 and between >= broker_at and reached >= 2:
            role = "broker"
            rule = {"code": "broker-between", "betweenness": between, "percentile": pct_broker, "reached": reached}
        else:
            role, rule = "peripheral", {"code": "peripheral", "degree": degree}
        rows.append({"id": v, "name": T.nodes[v].get("name", str(v)), "role": role, "rule": rule, "degree": degree,
                     "betweenness": between, "pagerank": pagerank[v], "communities_reached": reached,
                     "articulation_point": v in cuts, "macro_region": group_of(T, v, "macro_region")})
    counts = {r: sum(1 for row in rows if row["role"] == r) for r in ROLES}
    return Roles({"hub_degree": hub_at, "broker_betweenness": broker_at}, counts, rows)
