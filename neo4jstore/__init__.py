"""Neo4j as the shared store: connect, load (all or nothing), pull back.

The caller creates one driver at the edge and passes it in::

    with open_driver(Neo4jSettings(uri, user, password)) as driver:
        summary = load(driver, G, replace=False)
        H = pull(driver)
        write_analysis(driver, **vars(writeback(analyze(H), date=…, version=…, backend="neo4j")))
        result = analyze(G, engine=GdsEngine(driver))  # structure measured by Graph Data Science

>>> from essgraph.neo4jstore import check_uri
>>> check_uri("bolt://127.0.0.1:7687")
'bolt://127.0.0.1:7687'
"""
from essgraph.neo4jstore.connection import DEFAULT_URI, Neo4jSettings, check_uri, is_loopback, open_driver, redact_uri, verify
from essgraph.neo4jstore.cypher import fill
from essgraph.neo4jstore.gds import GdsEngine, GdsTies, gds_version
from essgraph.neo4jstore.writer import LoadSummary, ensure_constraints, load
from essgraph.neo4jstore.analysis_writer import AnalysisWriteSummary, check_analysis, write_analysis
from essgraph.neo4jstore.reader import graph_from_records, pull
from essgraph.neo4jstore.rows import DEFAULT_BATCH_SIZE, canonical_labels, check_graph, node_batches, rel_batches

__all__ = [
    "DEFAULT_URI", "Neo4jSettings", "check_uri", "is_loopback", "open_driver", "redact_uri", "verify", "fill",
    "GdsEngine", "GdsTies", "gds_version",
    "LoadSummary", "ensure_constraints", "load", "graph_from_records", "pull", "DEFAULT_BATCH_SIZE",
    "canonical_labels", "check_graph", "node_batches", "rel_batches", "AnalysisWriteSummary", "check_analysis",
    "write_analysis",
]
