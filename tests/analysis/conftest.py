"""Fixtures of the analysis tests: a small ESS map with known answers (the real data is tests/conftest.py's)."""
from __future__ import annotations

import networkx as nx
import pytest

from analysis_helpers import org, rel
from essgraph.graphmodel import Node, build_graph


@pytest.fixture
def ess_graph() -> nx.MultiDiGraph:
    """A small ESS map with every feature the projection must handle.

    Main group: GRESP (national network) with members a, b (Cusco, agriculture) and
    c (Lima, craft); c founded d; d — e allied (Puno): d holds e to the rest.
    Separate pair: coop1 (cooperative, Arequipa) — coop2. Isolated: lonely (Cusco).
    Extras: a proposed Mesa (left out), an inferred shared contact lonely–a, parallel
    relationships a–gresp, a self-loop on b, a person speaking for lonely and coop1,
    a municipality working with a, a region and a macro-region.
    """
    nodes = [
        org("gresp", name="GRESP", kind="network", scope="national", region="lima", macro_region="lima-nacional",
            sector="a19"),
        org("a", region="cusco", macro_region="sur", sector="a01", founded_year=2005),
        org("b", region="cusco", macro_region="sur", sector="a01"),
        org("c", region="lima", macro_region="lima-centro", sector="a03"),
        org("d", region="lima", macro_region="lima-centro", sector="a03", founded_year=2012),
        org("e", region="puno", macro_region="sur", sector="a03"),
        org("coop1", kind="cooperative", legal_form="L2", region="arequipa", macro_region="sur", sector="a11"),
        org("coop2", kind="cooperative", legal_form="L2", region="arequipa", macro_region="sur", sector="a11"),
        org("lonely", region="cusco", macro_region="sur", sector="a01"),
        org("mes", name="Mesa de Economía Solidaria", kind="mesa", status="proposed", scope="national"),
        Node("person-ana-diaz", ("Person",), {"name": "Ana Díaz", "phone": "999"}),
        Node("muni-cusco", ("Municipality",), {"name": "Municipalidad del Cusco", "region": "cusco"}),
        Node("cusco", ("Region",), {"name": "Cusco", "macro_region": "sur"}),
        Node("sur", ("MacroRegion",), {"name": "Sur"}),
    ]
    rels = [
        rel("MEMBER_OF", "a", "gresp", year=2008),
        rel("ALLIED_WITH", "gresp", "a", q="again"),
        rel("MEMBER_OF", "b", "gresp"),
        rel("COORDINATES_WITH", "b", "b"),
        rel("MEMBER_OF", "c", "gresp", year=2010),
        rel("FOUNDED", "c", "d", year=2012),
        rel("ALLIED_WITH", "d", "e", year=2015),
        rel("COORDINATES_WITH", "coop1", "coop2"),
        rel("FOUNDED", "gresp", "mes"),
        rel("SHARES_CONTACT", "lonely", "a", evidence="inferred"),
        rel("SUPPORTS", "b", "lonely", evidence="inferred"),
        rel("REPRESENTS", "person-ana-diaz", "lonely"),
        rel("REPRESENTS", "person-ana-diaz", "coop1"),
        rel("WORKS_WITH", "a", "muni-cusco"),
        rel("LOCATED_IN", "a", "cusco"),
        rel("LOCATED_IN", "cusco", "sur"),
    ]
    return build_graph(nodes, rels, {"title": "fixture"})
