"""The drawing's marks are the analyses' answer: same cut points, the documented subset of bridges."""
from __future__ import annotations

import networkx as nx
import pytest

from essgraph.analysis import articulation_points, bridges, isolation, tie_graph
from essgraph.analysis.engine import TieStructure
from essgraph.render.interactive import prepared
from essgraph.render.structure import SIZE_MEASURES, measure


@pytest.fixture(scope="module")
def bundled(real_graph) -> nx.MultiDiGraph:
    return real_graph


def test_render_marks_the_cut_points_and_bridges_the_analyses_report(bundled) -> None:
    T, _ = tie_graph(bundled)
    drawn = prepared(bundled).structure  # the drawing's own tie graph, of the public graph
    cut_points = {str(c.id) for c in articulation_points(T)}
    assert cut_points and drawn.articulation == cut_points
    one_tie = {str(r["id"]) for r in isolation(T).one_tie}
    reported = {frozenset((str(b.u["id"]), str(b.v["id"]))) for b in bridges(T)}
    # the documented subset (render.structure.drawn_bridges): a one-tie organization's tie is marked on it
    assert drawn.bridges == {b for b in reported if not b & one_tie}
    assert drawn.bridges and drawn.bridges < reported


@pytest.mark.parametrize("size_by", SIZE_MEASURES)
def test_sizes_come_from_the_engines_measures(bundled, size_by: str) -> None:
    T, _ = tie_graph(bundled)
    S = TieStructure(T)
    s = measure(T, size_by=size_by, structure=S)
    values = {"degree": S.degree, "betweenness": S.betweenness, "eigenvector": S.eigenvector}[size_by]()
    top = max(values.values())
    assert s.score == {str(v): x / top for v, x in values.items()} and max(s.score.values()) == 1.0
    assert s.degree == {str(v): d for v, d in S.degree().items()}
