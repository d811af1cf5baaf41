"""Person bridges: the two-mode projection, with names only on request."""
from __future__ import annotations

from essgraph.analysis import person_bridges, tie_graph
from essgraph.graphmodel import interviewee_marks, public_graph


def test_unlinkable_marks_by_default_names_on_request(ess_graph):
    T, _ = tie_graph(ess_graph)
    pb = person_bridges(ess_graph, T=T)
    assert pb.people == [{"id": interviewee_marks(ess_graph)["person-ana-diaz"], "name": None, "role": None,
                          "organizations": [{"id": "coop1", "name": "COOP1"}, {"id": "lonely", "name": "LONELY"}]}]
    assert pb.pairs == [{"a": {"id": "coop1", "name": "COOP1"}, "b": {"id": "lonely", "name": "LONELY"},
                         "people": [interviewee_marks(ess_graph)["person-ana-diaz"]], "already_tied": False, "same_component": False}]
    assert (pb.new_links, pb.joins_components) == (1, 1)
    named = person_bridges(ess_graph, include_personal_data=True)
    assert named.people[0]["name"] == "Ana Díaz" and named.people[0]["id"] == "person-ana-diaz"


def test_a_public_graph_keeps_its_marks(ess_graph):
    pb = person_bridges(public_graph(ess_graph))
    assert pb.people[0]["id"] == interviewee_marks(ess_graph)["person-ana-diaz"]


def test_one_organization_is_no_bridge(ess_graph):
    ess_graph.remove_edge("person-ana-diaz", "coop1", key=next(iter(ess_graph["person-ana-diaz"]["coop1"])))
    pb = person_bridges(ess_graph)
    assert pb.people == [] and pb.pairs == [] and pb.people_count == 1


def test_representation_counts_by_the_one_evidence_rule(ess_graph):
    """Inferred and survey-reported REPRESENTS count as ties do (graphmodel.vocab.evidence_counts)."""
    for _, _, data in ess_graph.out_edges("person-ana-diaz", data=True):
        data["evidence"] = "reported"
    assert person_bridges(ess_graph).people_count == 1
    assert person_bridges(ess_graph, include_reported=False).people_count == 0
    assert person_bridges(ess_graph, include_inferred=True, include_reported=False).people_count == 0  # was counted
    for _, _, data in ess_graph.out_edges("person-ana-diaz", data=True):
        data["evidence"] = "inferred"
    assert person_bridges(ess_graph).people_count == 0
    assert person_bridges(ess_graph, include_inferred=True).people_count == 1
