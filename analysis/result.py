"""The typed result of :func:`essgraph.analysis.analyze`: one frozen dataclass whose parts a type checker sees.

:class:`AnalysisResult` has one field per part of the analysis (``summary``,
``hubs``, ``mesa``…). Each part is JSON-shaped data described by a
``TypedDict`` below, so ``result.mesa["seats"][0]["reason"]["new"]`` is checked
by mypy key by key, and the same result is what ``analysis.json`` holds:
:meth:`AnalysisResult.to_json` writes it, :meth:`AnalysisResult.from_json`
reads a saved one back (the Markdown summary and the report can be made again
later, in either language). There is no sentence and no language in it: rules
and reasons are codes with numbers, worded by :mod:`essgraph.render.findings`.

Why JSON-shaped parts rather than a dataclass per row: every consumer (the JSON
file, the Markdown and HTML reports, a Neo4j write-back) wants the rows as
mappings, and a saved result must come back without a decoder per row; the
``TypedDict`` gives the type checker every key at no conversion cost.

>>> from essgraph.graphmodel import Node, build_graph
>>> from essgraph.analysis.pipeline import analyze
>>> r = analyze(build_graph([Node("a", ("Organization",), {"name": "A"})], []))
>>> r.summary["isolated"], AnalysisResult.from_json(r.to_json()) == r
(1, True)
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping, TypedDict

from essgraph.jsonbytes import json_bytes

__all__ = ["AnalysisResult", "RESULT_KEYS", "Ref", "Summary"]


class Ref(TypedDict):
    """An organization (or a network, a person's mark) as every list names it."""

    id: str
    name: str


class Summary(TypedDict):
    organizations: int
    networks: int
    ties: int
    isolated: int
    one_tie: int
    connected: int
    groups: int
    largest_group: int
    articulation_points: int
    bridges: int
    new_alliances: int
    mesa_seats: int


class HubRow(TypedDict):
    rank: int
    id: str
    name: str
    group: str
    degree: int
    degree_centrality: float
    betweenness: float
    closeness: float
    pagerank: float


class Hubs(TypedDict):
    by: str
    betweenness_sampled: bool
    betweenness_k: int | None
    betweenness_seed: int | None
    closeness_sampled: bool
    overall: list[HubRow]
    by_macro_region: list[HubRow]
    by_region: list[HubRow]


class RoleRow(TypedDict):
    id: str
    name: str
    role: str
    rule: dict[str, Any]
    degree: int
    betweenness: float
    pagerank: float
    communities_reached: int
    articulation_point: bool
    macro_region: str | None


class Roles(TypedDict):
    thresholds: dict[str, float]
    counts: dict[str, int]
    roles: list[RoleRow]


class GroupCount(TypedDict):
    group: str
    organizations: int
    isolated: int
    one_tie: int
    unreached: int


class Isolated(TypedDict):
    isolated: list[dict[str, Any]]
    one_tie: list[dict[str, Any]]
    unreached: list[dict[str, Any]]
    national_networks: list[Ref]
    by_group: dict[str, list[GroupCount]]


class CutPoint(TypedDict):
    id: str
    name: str
    parts: int
    cut_off: list[Ref]
    cut_off_count: int
    rest_size: int


class BridgeRow(TypedDict):
    u: Ref
    v: Ref
    types: list[str]
    relationships: int
    cut_off: list[Ref]
    cut_off_count: int
    rest_size: int


class ComponentRow(TypedDict):
    index: int
    size: int
    members: list[Ref]
    networks: list[Ref]
    national_networks: list[Ref]
    regions: list[str]
    macro_regions: list[str]


class RegionReach(TypedDict):
    region: str
    name: str
    organizations: int
    tied_to_national: int
    reaching_national: int
    left_out: bool


class GroupGaps(TypedDict):
    macro_region: dict[str, Any]
    region: dict[str, Any]
    sector: dict[str, Any]
    cooperatives_vs_networks: dict[str, Any]
    regions: list[RegionReach]


class NewTie(TypedDict):
    a: Ref
    b: Ref
    why: list[dict[str, Any]]
    closes: list[Ref]
    reason: dict[str, Any]


class Augmentation(TypedDict):
    component_size: int
    cut_points_before: int
    bridges_before: int
    lower_bound: int
    new_ties: list[NewTie]
    cut_points_after: int
    bridges_after: int
    remaining: list[Ref]
    complete: bool
    stopped_early: bool


class Candidate(TypedDict):
    partner: Ref
    score: float
    why: list[dict[str, Any]]
    reason: dict[str, Any]


class PartnerRow(TypedDict):
    target: Ref
    ties: int
    candidates: list[Candidate]


class Recommendations(TypedDict):
    augmentation: Augmentation
    partners: list[PartnerRow]


class Seat(TypedDict):
    id: str
    name: str
    kind: str | None
    macro_region: str | None
    sector: str | None
    represents: int
    reason: dict[str, Any]


class Mesa(TypedDict):
    seats: list[Seat]
    coverage: dict[str, dict[str, Any]]
    main_sectors: list[str]
    unrepresented: list[Ref]
    uncovered_groups: list[dict[str, Any]]


class Timeline(TypedDict):
    years: list[dict[str, Any]]
    changes: dict[str, Any] | None


class Meta(TypedDict):
    seed: int
    include_personal_data: bool
    top: int
    dataset: str | None
    #: Who measured the structure: ``embedded`` (this process: NetworkX, igraph) or ``gds`` (Neo4j Graph Data Science).
    engine: str


@dataclass(frozen=True)
class AnalysisResult:
    """Every analysis of one graph (see the module documentation and ``docs/analysis.md``)."""

    projection: dict[str, Any]
    summary: Summary
    hubs: Hubs
    roles: Roles
    isolated: Isolated
    articulation_points: list[CutPoint]
    bridges: list[BridgeRow]
    components: list[ComponentRow]
    group_gaps: GroupGaps
    communities: dict[str, Any]
    core_periphery: dict[str, Any]
    person_bridges: dict[str, Any]
    recommendations: Recommendations
    mesa: Mesa
    timeline: Timeline
    survey: dict[str, Any]
    labels: dict[str, dict[str, str]]
    meta: Meta

    def to_json(self) -> dict[str, Any]:
        """The result as ``analysis.json`` holds it: a dict of its parts (keys sorted when written)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}

    def json_bytes(self) -> bytes:
        """What ``analysis.json`` holds, in UTF-8: :meth:`to_json` indented by two spaces, keys sorted, a final newline.

        Written straight to bytes (at 100,000 organizations the text is 145 MB, and
        a ``str`` of it with accents twice that, once more for each copy).
        """
        return json_bytes(self.to_json(), indent=2, newline=True)

    def json_text(self) -> str:
        """:meth:`json_bytes` as text."""
        return self.json_bytes().decode("utf-8")

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> "AnalysisResult":
        """A result read back from ``analysis.json`` (extra keys are refused, missing ones too)."""
        return cls(**data)


#: The top-level keys of the result (and of ``analysis.json``).
RESULT_KEYS = tuple(f.name for f in dataclasses.fields(AnalysisResult))
