"""analyze(): one deterministic, JSON-ready document, the same whatever backend gave the graph."""
from __future__ import annotations

import json

import networkx as nx
import pytest

from analysis_helpers import org, rel
from essgraph.analysis import analyze
from essgraph.errors import GraphError
from essgraph.graphmodel import build_graph
from test_tie_projection import reordered

REQUIRED = {"projection", "hubs", "roles", "isolated", "articulation_points", "bridges", "components",
            "group_gaps", "communities", "core_periphery", "person_bridges", "recommendations", "mesa"}


def _dump(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, sort_keys=True)


def test_keys_and_plain_json(ess_graph):
    result = analyze(ess_graph).to_json()
    assert REQUIRED <= set(result)
    assert json.loads(_dump(result)) == result  # nothing but JSON types
    assert set(result["projection"]) >= {"node_labels", "relationship_types", "include_inferred", "directed"}


def test_items_name_organizations_by_id_and_name(ess_graph):
    result = analyze(ess_graph).to_json()
    assert result["hubs"]["overall"][0]["id"] == "gresp" and result["hubs"]["overall"][0]["name"] == "GRESP"
    cuts = {c["id"]: c["cut_off"] for c in result["articulation_points"]}
    assert cuts == {"c": [{"id": "d", "name": "D"}, {"id": "e", "name": "E"}],
                    "gresp": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"}], "d": [{"id": "e", "name": "E"}]}
    bridge = [b for b in result["bridges"] if (b["u"]["id"], b["v"]["id"]) == ("d", "e")]
    assert bridge[0]["cut_off"] == [{"id": "e", "name": "E"}] and bridge[0]["types"] == ["ALLIED_WITH"]
    assert result["mesa"]["seats"][0]["id"] == "gresp"


def test_deterministic_and_independent_of_backend_order(ess_graph, real_graph):
    for G in (ess_graph, real_graph):
        first = _dump(analyze(G).to_json())
        assert _dump(analyze(G).to_json()) == first
        assert _dump(analyze(reordered(G, 1)).to_json()) == first


def test_personal_data_only_on_request(ess_graph):
    public = _dump(analyze(ess_graph, include_people=True).to_json())
    assert "Ana Díaz" not in public and "person-ana-diaz" not in public and "999" not in public
    personal = _dump(analyze(ess_graph, include_people=True, include_personal_data=True).to_json())
    assert "Ana Díaz" in personal


def test_options_reach_the_projection(ess_graph):
    result = analyze(ess_graph, include_inferred=True, year=2016, since=2009).to_json()
    assert result["projection"]["include_inferred"] and result["projection"]["year"] == 2016
    assert result["timeline"]["changes"]["since"] == 2009 and "lang" not in result["meta"]
    assert result["isolated"]["isolated"] == []
    assert result["roles"]["roles"][0]["role"] in {"hub", "broker", "peripheral", "isolate"}


def test_empty_graph_is_a_clear_error():
    with pytest.raises(GraphError, match="no organization"):
        analyze(build_graph([], [])).to_json()


@pytest.mark.parametrize("nodes, rels", [
    ([org("a")], []),                                                       # single node
    ([org("a"), org("b"), org("c")], []),                                    # only isolates
    ([org("a"), org("b")], [rel("ALLIED_WITH", "a", "a"), rel("ALLIED_WITH", "a", "b"),
                            rel("ALLIED_WITH", "b", "a", q="2"), rel("SUPPORTS", "a", "b")]),  # loops, parallel
    ([org(x) for x in "abcdef"], [rel("ALLIED_WITH", "a", "b"), rel("ALLIED_WITH", "c", "d"),
                                  rel("ALLIED_WITH", "e", "f")]),            # disconnected
])
def test_edge_cases_run_and_make_sense(nodes, rels):
    G = build_graph(nodes, rels)
    result = analyze(G).to_json()
    n = len(nodes)
    assert result["summary"]["organizations"] == n
    assert result["summary"]["isolated"] + result["summary"]["connected"] == n
    assert len(result["roles"]["roles"]) == n
    assert sum(c["size"] for c in result["components"]) == n
    assert result["projection"]["counts"]["self_loops"] == sum(r.start == r.end for r in rels)
    T_edges = {tuple(sorted((r.start, r.end))) for r in rels if r.start != r.end}
    assert result["summary"]["ties"] == len(T_edges)


def test_karate_club_as_a_property_graph():
    from analysis_helpers import property_graph_from

    T = nx.relabel_nodes(nx.karate_club_graph(), str)
    result = analyze(property_graph_from(T)).to_json()
    assert [h["id"] for h in result["hubs"]["overall"][:2]] == ["33", "0"]
    assert [c["id"] for c in result["articulation_points"]] == ["0"]
    assert result["communities"]["modularity"] > 0.4


@pytest.mark.parametrize("personal", [False, True])
def test_the_report_s_public_form_and_tie_graph_give_the_same_analysis(real_graph, personal) -> None:
    from essgraph.render.interactive import prepared
    shared = prepared(real_graph, include_personal_data=personal)  # texts redacted, not dropped: none is read
    given = analyze(real_graph, include_personal_data=personal, public=shared.graph, tie=shared.tie)
    assert given.json_text() == analyze(real_graph, include_personal_data=personal).json_text()


def test_a_tie_graph_of_other_options_or_another_graph_with_names_is_refused(real_graph) -> None:
    from essgraph.analysis import tie_graph
    with pytest.raises(ValueError, match="other options"):
        analyze(real_graph, tie=tie_graph(real_graph, year=2010)[0])
    with pytest.raises(ValueError, match="reads G itself"):
        analyze(real_graph, include_personal_data=True, public=real_graph.copy())
