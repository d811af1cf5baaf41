"""An analysis result as rows a database can hold: measures per organization, proposals, the run.

:func:`writeback` reads an :class:`~essgraph.analysis.result.AnalysisResult` and returns plain rows
whose property names are the graph model's write-back whitelist
(:data:`~essgraph.graphmodel.schema.ANALYSIS_NODE_PROPERTIES`, ``MESA_SEAT_PROPERTIES``,
``PROPOSED_TIE_PROPERTIES``, ``ANALYSIS_RUN_PROPERTIES``). Every value is taken from the result as
it is: nothing is recomputed, so what Neo4j shows is what ``analysis.json`` and the report say.
:func:`essgraph.neo4jstore.write_analysis` writes the rows (the CLI hands them over: ``analysis``
and ``neo4jstore`` do not import each other). A value the result does not hold for a node (the
community of an isolated organization, an unknown macro-region) is left out of its row.

>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> from essgraph.analysis.pipeline import analyze
>>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node(i, ("Organization",), {"name": i.upper(), "sector": "a03"}) for i in "abcd"],
...                 [Relationship("ALLIED_WITH", "a", "b", ev), Relationship("ALLIED_WITH", "b", "c", ev)])
>>> rows = writeback(analyze(G), date="2024-05-01T12:00:00Z", version="0.1.0", backend="embedded")
>>> [(r["id"], r["props"]["network_role"], r["props"]["cut_point"]) for r in rows.nodes]
[('a', 'peripheral', False), ('b', 'broker', True), ('c', 'peripheral', False), ('d', 'isolate', False)]
>>> rows.nodes[1]["props"]["cut_off_count"], "community" in rows.nodes[3]["props"]
(1, False)
>>> [(t["start"], t["end"], t["props"]["proposal"]) for t in rows.proposals]
[('a', 'c', True)]
>>> rows.run["backend"], rows.run["organizations"], rows.run["proposed_ties"]
('embedded', 4, 1)
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from essgraph.analysis.result import AnalysisResult

__all__ = ["WriteBack", "writeback"]


@dataclass(frozen=True)
class WriteBack:
    """The rows of one analysis: ``{"id", "props"}`` per organization and seat, ``{"start", "end", "props"}``
    per proposed tie, and the run's properties."""

    nodes: list[dict[str, Any]]
    mesa_seats: list[dict[str, Any]]
    proposals: list[dict[str, Any]]
    run: dict[str, Any]


def writeback(result: AnalysisResult, *, date: str, version: str, backend: str) -> WriteBack:
    """The rows that put ``result`` into a database.

    Parameters
    ----------
    result : AnalysisResult
        What :func:`~essgraph.analysis.pipeline.analyze` returned.
    date : str
        When the analysis is written (ISO 8601), for the run's node.
    version : str
        The essgraph version that ran it.
    backend : str
        Where the analysed graph was read (``embedded`` or ``neo4j``).

    Returns
    -------
    WriteBack
        Rows sorted as the result lists them: organizations by id, proposals and seats in the
        order the analysis chose them (``rank`` and ``mesa_seat`` count from 1).
    """
    return WriteBack(_nodes(result), _seats(result), _proposals(result), _run(result, date, version, backend))


def _nodes(result: AnalysisResult) -> list[dict[str, Any]]:
    community = {m["id"]: c["index"] for c in result.communities["communities"] for m in c["members"]}
    core = {m["id"] for m in result.core_periphery["core"]}
    cut_off = {c["id"]: c["cut_off_count"] for c in result.articulation_points}
    isolated = {r["id"] for r in result.isolated["isolated"]}
    one_tie = {r["id"] for r in result.isolated["one_tie"]}
    rows = []
    for role in result.roles["roles"]:
        node = role["id"]
        props: dict[str, Any] = {
            "degree": role["degree"], "betweenness": role["betweenness"], "pagerank": role["pagerank"],
            "network_role": role["role"], "community": community.get(node), "in_core": node in core,
            "cut_point": node in cut_off, "cut_off_count": cut_off.get(node, 0), "isolated": node in isolated,
            "one_tie": node in one_tie, "analysis_macro_region": role["macro_region"],
        }
        rows.append({"id": node, "props": _present(props)})
    return rows


def _seats(result: AnalysisResult) -> list[dict[str, Any]]:
    return [{"id": seat["id"], "props": {"mesa_seat": place, "mesa_represents": seat["represents"]}}
            for place, seat in enumerate(result.mesa["seats"], start=1)]


def _proposals(result: AnalysisResult) -> list[dict[str, Any]]:
    return [{"start": tie["a"]["id"], "end": tie["b"]["id"],
             "props": {"proposal": True, "rank": rank, "reason": tie["reason"]["code"],
                       "closes": [c["id"] for c in tie["closes"]],
                       "why": [f"{w['kind']}:{w['value']}" for w in tie["why"]]}}
            for rank, tie in enumerate(result.recommendations["augmentation"]["new_ties"], start=1)]


def _run(result: AnalysisResult, date: str, version: str, backend: str) -> dict[str, Any]:
    projection = result.projection
    return _present({
        "date": date, "essgraph_version": version, "backend": backend, "engine": result.meta.get("engine"),
        "seed": result.meta["seed"],
        "dataset": result.meta["dataset"], "projection": json.dumps(projection, sort_keys=True, ensure_ascii=False),
        "relationship_types": list(projection["relationship_types"]),
        "include_inferred": projection["include_inferred"], "include_reported": projection["include_reported"],
        "year": projection["year"], "organizations": result.summary["organizations"], "ties": result.summary["ties"],
        "betweenness_sampled": result.hubs["betweenness_sampled"], "core_k": result.core_periphery["k"],
        "modularity": result.communities["modularity"],
        "proposed_ties": len(result.recommendations["augmentation"]["new_ties"]),
        "mesa_seats": len(result.mesa["seats"]),
    })


def _present(props: dict[str, Any]) -> dict[str, Any]:
    """``props`` without the values the result does not hold (``None``)."""
    return {k: v for k, v in props.items() if v is not None}
