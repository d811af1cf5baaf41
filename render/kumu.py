"""``essgraph export --format kumu``: the Kumu workbook with the map's measures, from the analysis.

The workbook itself — sheets, columns, labels — is :mod:`essgraph.loaders.kumu`,
which also reads it back. Here the graph is analysed once
(:func:`essgraph.analysis.analyze`) and each analysed organization's measures,
as the analysis computed and named them (:func:`node_measures`), become fields
of its element: degree, betweenness, role, cut point, community and connected
group (its macro-region is a field of every element already). The workbook is
made from the public graph unless personal data is asked for; then the people
are elements too, the file name gets ``-CONFIDENCIAL`` and its first sheet says so.

Examples
--------
>>> import tempfile, openpyxl
>>> from essgraph.graphmodel import Node, Relationship, build_graph
>>> ev = {"section": "3.1", "quote": "q", "evidence": "stated"}
>>> G = build_graph([Node("gresp", ("Organization", "Network"), {"name": "GRESP", "kind": "network", **ev}),
...                  Node("joc", ("Organization",), {"name": "JOC", "kind": "union", **ev}),
...                  Node("aam", ("Organization",), {"name": "AAM", "kind": "initiative", **ev})],
...                 [Relationship("MEMBER_OF", "joc", "gresp", ev)])
>>> path = kumu_export(G, Path(tempfile.mkdtemp()) / "mapa.xlsx", lang="en")
>>> rows = list(openpyxl.load_workbook(path)["Elements"].values)
>>> rows[0][:3], rows[0][-6:]
(('Label', 'ID', 'Type'), ('Degree (ties)', 'Betweenness', 'Role in the network', 'Cut point', 'Community', 'Connected group'))
>>> [(r[1], r[-6], r[-3]) for r in rows[1:]]
[('aam', 0, 'no'), ('gresp', 1, 'no'), ('joc', 1, 'no')]
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from essgraph.analysis import AnalysisResult, analyze
from essgraph.errors import RenderError
from essgraph.files import atomic_write
from essgraph.graphmodel import public_graph
from essgraph.i18n import check_lang
from essgraph.loaders.kumu import kumu_workbook
from essgraph.render.findings import role_label
from essgraph.render.page import confidential_path
from essgraph.render.texts import TEXTS

__all__ = ["node_measures", "kumu_export"]


def node_measures(result: AnalysisResult, lang: str = "es") -> dict[str, dict[str, Any]]:
    """Each analysed organization's measures, read from :func:`~essgraph.analysis.analyze`'s ``result``.

    Keys: ``degree``, ``betweenness``, ``network_role`` (the role's name in
    ``lang``, :func:`~essgraph.render.findings.role_label`), ``articulation_point``,
    ``community`` and ``component`` (the indexes of its community and connected
    group; ``None`` for an isolated organization, which is in no community).
    """
    community = {m["id"]: c["index"] for c in result.communities["communities"] for m in c["members"]}
    component = {m["id"]: c["index"] for c in result.components for m in c["members"]}
    return {r["id"]: {"degree": r["degree"], "betweenness": r["betweenness"], "network_role": role_label(r["role"], lang),
                      "articulation_point": r["articulation_point"], "community": community.get(r["id"]),
                      "component": component.get(r["id"])}
            for r in result.roles["roles"]}


def kumu_export(G: nx.MultiDiGraph, path: str | Path, *, lang: str = "es", include_personal_data: bool = False,
                seed: int = 42, result: AnalysisResult | None = None) -> Path:
    """Write the Kumu workbook of ``G`` with its measures (see the module) and return its path.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        The property graph.
    path : str or Path
        The ``.xlsx`` file; with personal data its name gets ``-CONFIDENCIAL``.
    lang : {"es", "en"}
        Language of the headers, the labels of codes and the roles.
    include_personal_data : bool
        Keep people (as elements), their names, phones and e-mails.
    seed : int
        Seed of the analysis (communities, sampled betweenness).
    result : mapping, optional
        :func:`~essgraph.analysis.analyze`'s result for ``G``, when already at hand.

    Raises
    ------
    essgraph.errors.RenderError
        ``lang`` is not supported or the file cannot be written.
    essgraph.errors.GraphError
        The graph has no organization to analyse.
    """
    try:
        check_lang(lang)
    except ValueError as exc:
        raise RenderError(str(exc), options=("lang",)) from None
    if result is None:
        result = analyze(G, include_personal_data=include_personal_data, seed=seed)
    graph = G if include_personal_data else public_graph(G)
    out = confidential_path(Path(path)) if include_personal_data else Path(path)
    data = kumu_workbook(graph, lang=lang, measures=node_measures(result, lang), people=include_personal_data,
                         confidential=TEXTS.t("confidential", lang) if include_personal_data else "")
    return atomic_write(out, data, error=RenderError, hint="choose another path with -o")
