"""Named queries share no personal data unless asked."""
from __future__ import annotations

from essgraph.graphmodel import Node, Relationship, build_graph
from essgraph.queries import query


def _graph():
    return build_graph(
        [Node("person-ana-diaz", ("Person",), {"name": "Ana Díaz"}),
         Node("a", ("Organization",), {"name": "A", "kind": "ngo", "status": "active"}),
         Node("b", ("Organization",), {"name": "B", "kind": "ngo", "status": "active"})],
        [Relationship("REPRESENTS", "person-ana-diaz", "a", {"quote": "Ana Díaz", "section": "3.1", "evidence": "stated"}),
         Relationship("REPRESENTS", "person-ana-diaz", "b", {"quote": "Ana Díaz", "section": "3.1", "evidence": "stated"}),
         Relationship("ALLIED_WITH", "a", "b", {"quote": "alianza, tel. 01 4234567", "section": "3.1", "evidence": "stated"})],
    )


def test_public_mode_hides_people_and_phones() -> None:
    G = _graph()
    shared = query("shared_interviewees", graph=G).rows
    assert shared == [[shared[0][0], "a", "b"]] and shared[0][0] != "person-ana-diaz"
    evidence = query("tie_evidence", {"id": "a"}, graph=G).as_dicts()
    assert "Ana Díaz" not in str(evidence) and "4234567" not in str(evidence)
    assert [e["type"] for e in evidence] == ["ALLIED_WITH", "REPRESENTS"]


def test_personal_data_on_request() -> None:
    G = _graph()
    assert query("shared_interviewees", graph=G, include_personal_data=True).rows == [["person-ana-diaz", "a", "b"]]
    evidence = query("tie_evidence", {"id": "a"}, graph=G, include_personal_data=True).as_dicts()
    assert {e["quote"] for e in evidence} == {"Ana Díaz", "alianza, tel. 01 4234567"}
