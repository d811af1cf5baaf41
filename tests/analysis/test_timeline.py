"""Over time: the network as of a year and what changed between two years."""
from __future__ import annotations

from essgraph.analysis import changes, network_as_of, summary, tie_graph, timeline


def test_as_of_and_changes(ess_graph):
    T, proj = network_as_of(ess_graph, 2010)
    assert proj.year == 2010 and "d" not in T and summary(T)["undated_relationships"] == 3
    ch = changes(ess_graph, 2016, 2009)  # order does not matter
    assert (ch.since, ch.until) == (2009, 2016)
    assert [(t["a"]["id"], t["b"]["id"], t["years"]) for t in ch.new_ties] == [
        ("c", "d", [2012]), ("c", "gresp", [2010]), ("d", "e", [2015])]
    assert [o["id"] for o in ch.new_organizations] == ["d"]
    assert [o["id"] for o in ch.newly_connected] == ["c", "e"]
    assert ch.before["isolated"] == 3 and ch.after["isolated"] == 1


def test_timeline_lists_the_years_ties_state(ess_graph):
    years = timeline(ess_graph)
    assert [y["year"] for y in years] == [2008, 2010, 2012, 2015]
    assert [y["ties"] for y in years] == [3, 4, 5, 6]
    assert years[-1]["groups"] == 2 and years[-1]["largest_group"] == 6


def _dated_graph(seed: int):
    """A seeded property graph with founding years, dated and undated ties, parallel ties and a self-loop."""
    import random

    from analysis_helpers import org, rel
    from essgraph.graphmodel import build_graph
    rng = random.Random(seed)
    ids = [f"o{i:02d}" for i in range(40)]
    nodes = [org(v, **({"founded_year": rng.choice([2004, 2009, 2013])} if rng.random() < 0.3 else {})) for v in ids]
    rels = []
    for i in range(90):
        u, v = rng.choice(ids), rng.choice(ids)
        year = {"year": rng.choice([2005, 2008, 2010, 2012, 2016])} if rng.random() < 0.6 else {}
        rels.append(rel(rng.choice(["ALLIED_WITH", "MEMBER_OF", "SUPPORTS"]), u, v, q=str(i), **year))
    return build_graph(nodes, rels)


def test_timeline_equals_summary_of_each_year(ess_graph, real_graph):
    from essgraph.analysis.projection import as_of_years
    graphs = [(ess_graph, {}), (ess_graph, {"include_inferred": True, "include_people": True}),
              (real_graph, {}), (real_graph, {"include_people": True, "include_municipalities": True})]
    graphs += [(_dated_graph(seed), {}) for seed in range(8)]
    for G, options in graphs:
        years = [y["year"] for y in timeline(G, **options)]
        assert timeline(G, **options) == [summary(T) for T in as_of_years(G, years, **options)]
        T, _ = tie_graph(G, **options)
        assert timeline(G, tie=T, **options) == timeline(G, **options)
