"""Every analysis at once, as one JSON-ready document: :func:`analyze`.

``essgraph analyze`` calls :func:`analyze` and writes its result as JSON and,
through :func:`essgraph.render.markdown.to_markdown`, as a Markdown summary.
The result is plain data (dicts, lists, strings, numbers), deterministic for a
given graph, options and seed, with every list sorted; organizations are named
by ``{"id", "name"}``. It holds no sentence and has no language: rules and
reasons are codes with their numbers, and :mod:`essgraph.render.findings` words
them for planners.

Examples
--------
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "s", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network", "scope": "national"}),
...                  Node("a", ("Organization",), {"name": "A"}), Node("b", ("Organization",), {"name": "B"})],
...                 [Relationship("MEMBER_OF", "a", "gresp", ev)])
>>> r = analyze(G)
>>> sorted(r.to_json())[:6]
['articulation_points', 'bridges', 'communities', 'components', 'core_periphery', 'group_gaps']
>>> r.projection["include_inferred"], [x["id"] for x in r.isolated["isolated"]]
(False, ['b'])
>>> steps = []; _ = analyze(G, progress=lambda done, total: steps.append(done))
>>> steps == list(range(1, STEPS + 1))
True
"""
from __future__ import annotations

import dataclasses
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import networkx as nx

from essgraph.errors import GraphError
from essgraph.gcpause import paused_gc
from essgraph.graphmodel import carries_label, interviewee_marks, public_graph
from essgraph.analysis.result import RESULT_KEYS, AnalysisResult
from essgraph.analysis._common import actors
from essgraph.analysis.augmentation import augmentation
from essgraph.analysis.centrality import centrality, hubs
from essgraph.analysis.coverage import coverage
from essgraph.analysis.communities import communities, core_periphery
from essgraph.analysis.engine import TieStructure, auto_sample
from essgraph.analysis.external import ExternalStructure, StructureEngine
from essgraph.analysis.cuts import articulation_points, bridges, components
from essgraph.analysis.diff import round_changes
from essgraph.analysis.gaps import cooperative_gap, group_mixing, regions_without_national
from essgraph.analysis.isolation import isolation
from essgraph.analysis.mesa import mesa
from essgraph.analysis.partners import partners
from essgraph.analysis.people import person_bridges
from essgraph.analysis.projection import Projection, projection_of, tie_graph
from essgraph.analysis.roles import roles
from essgraph.analysis.timeline import changes, timeline

__all__ = ["AnalysisResult", "RESULT_KEYS", "LIST_LIMIT", "STEPS", "analyze", "betweenness_sample", "group_names", "plain"]

#: Most organizations listed as cut off by one articulation point or bridge (counts stay exact).
LIST_LIMIT = 100
#: How many steps :func:`analyze` reports to its ``progress`` callback.
STEPS = 9
#: The groups whose hubs :func:`analyze` ranks (``hubs.by_macro_region``, ``hubs.by_region``).
HUB_GROUPS = ("macro_region", "region")


def analyze(
    G: nx.MultiDiGraph,
    *,
    include_inferred: bool = False,
    include_reported: bool = True,
    include_people: bool = False,
    include_municipalities: bool = False,
    year: int | None = None,
    since: int | None = None,
    seed: int = 42,
    include_personal_data: bool = False,
    top: int = 10,
    betweenness_k: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    engine: StructureEngine | None = None,
    public: nx.MultiDiGraph | None = None,
    tie: nx.Graph | None = None,
) -> AnalysisResult:
    """Run every analysis on the tie graph of ``G`` and return one typed result.

    Its thirteen parameters are the projection's five and the run's options, one per
    ``essgraph analyze`` flag, each with its documented default; a caller sets the
    few it needs by keyword.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph.
    include_inferred, include_reported, include_people, include_municipalities, year
        The projection (see :func:`essgraph.analysis.projection.tie_graph`).
    since : int, optional
        Also report what changed from ``since`` to ``year`` (or to the latest dated tie).
    seed : int
        Seed of every randomized step (Louvain, sampled betweenness).
    include_personal_data : bool
        Name people; otherwise the analysis runs on the public graph (people as unlinkable marks).
    top : int
        How many hubs overall and per group.
    betweenness_k : int, optional
        Estimate betweenness (and closeness) from this many sampled sources. By
        default exact up to :data:`~essgraph.analysis.engine.BETWEENNESS_EXACT_UP_TO`
        organizations, sampled from :data:`~essgraph.analysis.engine.BETWEENNESS_SAMPLE`
        sources above (``hubs.betweenness_sampled``, ``betweenness_k`` and ``betweenness_seed`` say so).
    progress : callable, optional
        Called as ``progress(done, total)`` after each of the :data:`STEPS` steps
        (for a progress bar; the analyses themselves print nothing).
    engine : StructureEngine, optional
        Measure the structure (components, cut points, bridges, Louvain,
        betweenness, PageRank, closeness, core numbers) there instead of in this
        process, e.g. ``essgraph.neo4jstore.GdsEngine(driver)``: Neo4j Graph Data
        Science on the database holding ``G`` (see
        :mod:`essgraph.analysis.external`: what stays here, and the check that
        the database holds this graph). ``meta.engine`` says which measured.
    public : networkx.MultiDiGraph, optional
        The graph the analysis reads, when the caller already made it: ``G``'s
        public form (:func:`~essgraph.graphmodel.public_graph`, its texts redacted
        or dropped: the analyses read none), or ``G`` itself with
        ``include_personal_data``.
    tie : networkx.Graph, optional
        ``tie_graph`` of that graph with this run's projection, when already made
        (a report's views make it first).

    Returns
    -------
    AnalysisResult
        One field per part (:data:`~essgraph.analysis.result.RESULT_KEYS`);
        ``to_json()`` gives what ``analysis.json`` holds.

    Raises
    ------
    GraphError
        When the projection leaves no organization, or the engine's graph is not ``G``'s.
    ValueError
        When ``tie`` was projected with other options, or ``public`` is not ``G`` with ``include_personal_data``.
    """
    if include_personal_data and public is not None and public is not G:
        raise ValueError("with include_personal_data the analysis reads G itself: pass public=None")
    wanted = projection_of(include_inferred=include_inferred, include_reported=include_reported,
                           include_people=include_people, include_municipalities=include_municipalities, year=year)
    if tie is not None and tie.graph.get("projection") != wanted:
        raise ValueError("tie was projected with other options than this analysis: pass tie=None")
    with paused_gc(freeze=True):  # the analyses allocate millions of objects; see essgraph.gcpause
        return _analyze(G, include_inferred=include_inferred, include_reported=include_reported,
                        include_people=include_people, include_municipalities=include_municipalities,
                        year=year, since=since, seed=seed,
                        include_personal_data=include_personal_data, top=top,
                        betweenness_k=betweenness_k, progress=progress, engine=engine, public=public, tie=tie)


def _analyze(G: nx.MultiDiGraph, *, include_inferred: bool, include_reported: bool, include_people: bool,
             include_municipalities: bool,
             year: int | None, since: int | None, seed: int, include_personal_data: bool, top: int,
             betweenness_k: int | None, progress: Callable[[int, int], None] | None,
             engine: StructureEngine | None, public: nx.MultiDiGraph | None, tie: nx.Graph | None) -> AnalysisResult:
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, STEPS)

    P = public if public is not None else G if include_personal_data else public_graph(G, texts="drop")  # no free text read
    options: dict[str, Any] = {"include_inferred": include_inferred, "include_reported": include_reported,
                               "include_people": include_people, "include_municipalities": include_municipalities}
    T, projection = (tie, tie.graph["projection"]) if tie is not None else tie_graph(P, year=year, **options)
    if not actors(T):
        raise GraphError("no organization in the tie graph: check the data folder (validate it) "
                         "or the options (an earlier year leaves organizations out)", options=("data_dir", "year"))
    names = group_names(P)
    betweenness_k = betweenness_sample(T, betweenness_k)
    rename = {} if include_personal_data or not include_people else interviewee_marks(G)
    with _structure(T, projection, engine, rename) as S:  # T's structure, computed once for every analysis
        # when large: betweenness, closeness (whole graph and per group) and Louvain on a second core
        S.start(seed=seed, k=betweenness_k, group_by=HUB_GROUPS)
        tick()
        result: dict[str, Any] = {"projection": projection.to_dict(), **_failure_parts(T, S, names)}
        years = timeline(P, tie=T if year is None else None, **options)
        until = year if year is not None else (years[-1]["year"] if years else None)
        tick()
        result["person_bridges"] = person_bridges(G, T=T, include_personal_data=include_personal_data,
                                                  include_inferred=include_inferred, include_reported=include_reported)
        tick()
        augment = augmentation(T, structure=S)
        tick()
        result["recommendations"] = {"augmentation": augment, "partners": partners(T, structure=S)}
        result["mesa"] = mesa(T)
        changed = changes(P, since, until, **options) if since is not None and until is not None else None
        survey = _survey(G, P, T, S, top=top, include_personal_data=include_personal_data, year=year, **options)
        tick()
        result.update(_centrality_parts(T, S, seed=seed, top=top, k=betweenness_k, tick=tick))  # last: see start
    result.update({
        "timeline": {"years": years, "changes": changed},
        "survey": survey,
        "labels": names,
        "meta": {"seed": seed, "include_personal_data": include_personal_data, "top": top,
                 "dataset": dict(G.graph.get("dataset", {})).get("title"),
                 "engine": "embedded" if engine is None else engine.name},
    })
    result["summary"] = _summary(T, result)
    typed = AnalysisResult.from_json(plain(result))
    tick()
    return typed


@contextmanager
def _structure(T: nx.Graph, projection: Projection, engine: StructureEngine | None,
               rename: dict[str, str]) -> Iterator[TieStructure]:
    """``T``'s structure: computed here, or measured by ``engine`` on its projection of the same rule."""
    if engine is None:
        with TieStructure(T) as S:
            yield S
        return
    with engine.project(projection.to_dict()) as ties, ExternalStructure(T, ties, rename=rename) as S:
        yield S


def _survey(G: nx.MultiDiGraph, P: nx.MultiDiGraph, T: nx.Graph, S: TieStructure, *, top: int,
            include_personal_data: bool, **options: Any) -> dict[str, Any]:
    """Coverage of the survey rounds; with a round merged, also what the latest one changed (``changes``)."""
    found = dataclasses.asdict(coverage(P, T, top=top, structure=S))
    changed = round_changes(G, T, include_personal_data=include_personal_data, **options)
    return found if changed is None else {**found, "changes": changed}


def betweenness_sample(T: nx.Graph, k: int | None = None) -> int | None:
    """The betweenness sample size :func:`analyze` uses: ``k`` if given, else automatic by size.

    >>> betweenness_sample(nx.path_graph(3)), betweenness_sample(nx.path_graph(3), 2)
    (None, 2)
    """
    return k if k is not None else auto_sample(T.number_of_nodes())


def group_names(G: nx.MultiDiGraph) -> dict[str, dict[str, str]]:
    """Names of regions and macro-regions, as the data writes them (sectors are named by the vocabulary).

    >>> from essgraph.graphmodel import Node, build_graph
    >>> group_names(build_graph([Node("cusco", ("Region",), {"name": "Cusco"})], []))["region"]
    {'cusco': 'Cusco'}
    """
    by_label: dict[str, dict[str, str]] = {"region": {}, "macro_region": {}}
    for node, data in sorted(G.nodes(data=True), key=lambda nd: str(nd[0])):
        if carries_label(data, "Region"):
            by_label["region"][str(node)] = str(data.get("name", node))
        elif carries_label(data, "MacroRegion"):
            by_label["macro_region"][str(node)] = str(data.get("name", node))
    return by_label


def plain(value: Any) -> Any:
    """Turn dataclasses, tuples, sets and NumPy scalars into JSON-ready data.

    >>> import numpy as np
    >>> plain({"a": (1, np.int64(2)), "b": {3}})
    {'a': [1, 2], 'b': [3]}
    """
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # most values: answered first
        return value
    if kind is float:
        return None if value != value else value
    if kind is dict:
        return {str(k): plain(v) for k, v in value.items()}
    if kind is list:
        return [plain(v) for v in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return [plain(v) for v in sorted(value, key=str)]
    if hasattr(value, "item") and callable(value.item):  # NumPy scalar
        return value.item()
    if isinstance(value, float) and value != value:  # NaN
        return None
    return value


def _centrality_parts(T: nx.Graph, S: TieStructure, *, seed: int, top: int, k: int | None,
                      tick: Callable[[], None]) -> dict[str, Any]:
    """Hubs (overall and per group), roles and communities: three of :func:`analyze`'s steps."""
    cent = centrality(T, k=k, seed=seed, structure=S)
    tick()
    comms = communities(T, seed=seed, structure=S)
    role_result = roles(T, seed=seed, table=cent.table, membership=comms.membership(), structure=S)
    tick()
    tables = {"overall": hubs(T, top=top, by="degree", k=k, seed=seed, table=cent.table)}
    for attribute in HUB_GROUPS:
        tables[f"by_{attribute}"] = hubs(T, top=3, by="degree", group_by=attribute, k=k, seed=seed, structure=S)
    tick()
    return {"hubs": {"by": "degree", "betweenness_sampled": cent.betweenness_sampled, "betweenness_k": cent.betweenness_k,
                     "betweenness_seed": cent.betweenness_seed, "closeness_sampled": cent.closeness_sampled,
                     **{key: table.to_dict("records") for key, table in tables.items()}},
            "roles": role_result, "communities": comms}


def _failure_parts(T: nx.Graph, S: TieStructure, names: dict[str, dict[str, str]]) -> dict[str, Any]:
    """Isolation, single points of failure, groups, gaps between groups and the core."""
    return {
        "isolated": isolation(T, structure=S),
        "articulation_points": articulation_points(T, limit=LIST_LIMIT, structure=S),
        "bridges": bridges(T, limit=LIST_LIMIT, structure=S),
        "components": components(T, structure=S),
        "group_gaps": {
            **{a: group_mixing(T, a, structure=S) for a in ("macro_region", "region", "sector")},
            "cooperatives_vs_networks": cooperative_gap(T, structure=S),
            "regions": regions_without_national(T, regions=names["region"], structure=S),
        },
        "core_periphery": core_periphery(T, structure=S),
    }


def _summary(T: nx.Graph, result: dict[str, Any]) -> dict[str, Any]:
    orgs = actors(T)
    groups = [c for c in result["components"] if c.size > 1]
    return {
        "organizations": len(orgs),
        "networks": sum(1 for v in orgs if T.nodes[v].get("is_network")),
        "ties": T.number_of_edges(),
        "connected": sum(1 for v in orgs if T.degree(v) > 0),
        "isolated": len(result["isolated"].isolated),
        "one_tie": len(result["isolated"].one_tie),
        "groups": len(groups),
        "largest_group": groups[0].size if groups else 0,
        "articulation_points": len(result["articulation_points"]),
        "bridges": len(result["bridges"]),
        "new_alliances": len(result["recommendations"]["augmentation"].new_ties),
        "mesa_seats": len(result["mesa"].seats),
    }
