"""Over time: the network as of a year and what changed between two years."""
from __future__ import annotations

from essgraph.analysis import changes, network_as_of, summary, timeline


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
