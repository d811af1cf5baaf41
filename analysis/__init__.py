"""Network analyses of the ESS graph: pure functions from a graph to plain data.

Every analysis runs on a tie graph made by :func:`tie_graph` (the documented
projection of the property graph), takes the graph first and options as
keywords, draws randomness only from a ``seed``, and returns dataclasses,
DataFrames or dicts, sorted, with no sentence in any language: rules and
reasons are codes with numbers. :func:`analyze` runs them all for ``essgraph
analyze``; :mod:`essgraph.render.findings` words them for planners.

One module per topic: ``projection``, ``centrality`` (hubs), ``roles``,
``isolation``, ``cuts`` (articulation points, bridges, components), ``gaps``
(between groups), ``communities`` (Louvain, k-core), ``people`` (person
bridges), ``augmentation`` and ``partners`` (weaving recommendations), ``mesa``,
``timeline``, ``coverage`` (survey rounds), ``diff``, ``pipeline`` (:func:`analyze`) and
``writeback`` (a result as rows for Neo4j); the structure they read is ``engine``'s (``external``:
measured by an engine such as Neo4j Graph Data Science).

>>> import networkx as nx
>>> from essgraph.analysis import articulation_points
>>> [c.id for c in articulation_points(nx.path_graph(3))]
[1]
"""
from essgraph.analysis.augmentation import Augmentation, augmentation
from essgraph.analysis.centrality import MEASURES, Centrality, centrality, hubs
from essgraph.analysis.communities import Communities, Community, CorePeriphery, communities, core_periphery
from essgraph.analysis.cuts import Bridge, Component, CutVertex, articulation_points, bridges, components
from essgraph.analysis.external import ExternalStructure, StructureEngine
from essgraph.analysis.gaps import (
    CooperativeGap, GroupMixing, cooperative_gap, cooperative_sector, group_mixing, regions_without_national,
)
from essgraph.analysis.isolation import Isolation, hops_to_national, isolation
from essgraph.analysis.mesa import Mesa, mesa
from essgraph.analysis.partners import partners
from essgraph.analysis.people import PersonBridges, person_bridges
from essgraph.analysis.projection import DEFAULT_RELATIONSHIP_TYPES, Projection, projection_of, tie_graph
from essgraph.analysis.pipeline import analyze
from essgraph.analysis.result import RESULT_KEYS, AnalysisResult
from essgraph.analysis.roles import Roles, roles
from essgraph.analysis.timeline import Changes, changes, network_as_of, summary, timeline
from essgraph.analysis.writeback import WriteBack, writeback

__all__ = [
    "analyze", "AnalysisResult", "RESULT_KEYS", "StructureEngine", "ExternalStructure",
    "tie_graph", "projection_of", "Projection", "DEFAULT_RELATIONSHIP_TYPES",
    "centrality", "hubs", "Centrality", "MEASURES", "roles", "Roles",
    "isolation", "hops_to_national", "Isolation",
    "articulation_points", "bridges", "components", "CutVertex", "Bridge", "Component",
    "group_mixing", "cooperative_gap", "cooperative_sector", "regions_without_national", "GroupMixing",
    "CooperativeGap",
    "communities", "core_periphery", "Communities", "Community", "CorePeriphery",
    "person_bridges", "PersonBridges",
    "augmentation", "Augmentation", "partners", "mesa", "Mesa",
    "network_as_of", "summary", "changes", "timeline", "Changes", "writeback", "WriteBack",
]
