"""Benchmark of the Neo4j loader (not a test): batched UNWIND load vs. one query per row.

Run against the project's own server (or any empty test server given by NEO4J_*):

    scripts/neo4j-test-server run -- python3 benchmarks/neo4j_load.py [--sizes 10000 100000]

For each size a synthetic graph (about 5 ties per node) is loaded into an emptied database with
``essgraph.neo4jstore.load`` at each batch size, and timed end to end (constraints, the single
transaction, commit). The baseline runs one auto-commit MERGE per row on a subset of
``--baseline-rows`` rows (the same statements, with a one-row UNWIND) and is extrapolated to
rows/second; it is measured in the same run on the same server. Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import os
import platform
import time

from neo4j import GraphDatabase

from essgraph.neo4jstore import load
from essgraph.neo4jstore.load import _node_statement, _rel_statement
from essgraph.neo4jstore.rows import node_batches, rel_batches
from essgraph.neo4jstore.synthetic import synthetic_graph
from essgraph.graphmodel import LABELS


def _empty(driver) -> None:
    with driver.session() as session:  # CALL … IN TRANSACTIONS needs an auto-commit transaction
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def _baseline(driver, G, rows: int) -> float:
    """Rows/second of one auto-commit statement per row (nodes first, then their ties)."""
    _empty(driver)
    done, t0 = 0, time.perf_counter()
    for batch in node_batches(G, 1):
        if done >= rows // 2:
            break
        driver.execute_query(_node_statement(batch), rows=batch.rows, labels=list(batch.labels),
                             whitelist=sorted(LABELS))
        done += 1
    for batch in rel_batches(G, 1):
        if done >= rows:
            break
        driver.execute_query(_rel_statement(batch), rows=batch.rows)
        done += 1
    return done / (time.perf_counter() - t0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[500, 1000, 5000])
    parser.add_argument("--baseline-rows", type=int, default=2000)
    args = parser.parse_args()
    uri = os.environ.get("NEO4J_URI", "bolt://localhost:7687")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    with GraphDatabase.driver(uri, auth=auth) as driver:
        info = driver.get_server_info()
        print(f"server: {info.agent} at {uri}")
        print("\n| nodes | relationships | rows | batch size | seconds | rows/s | × baseline |")
        print("|---|---|---|---|---|---|---|")
        for n in args.sizes:
            G = synthetic_graph(n, ties_per_node=5, seed=42)
            rows = G.number_of_nodes() + G.number_of_edges()
            base = _baseline(driver, G, args.baseline_rows)
            print(f"| {n} | {G.number_of_edges()} | {args.baseline_rows} (subset) | 1 row/query (baseline) | "
                  f"{rows / base:.1f} (extrapolated) | {base:.0f} | 1 |", flush=True)
            for batch_size in args.batch_sizes:
                _empty(driver)
                t0 = time.perf_counter()
                summary = load(driver, G, batch_size=batch_size)
                seconds = time.perf_counter() - t0
                assert summary.nodes["created"] == n
                print(f"| {n} | {G.number_of_edges()} | {rows} | {batch_size} | {seconds:.1f} | {rows / seconds:.0f} "
                      f"| {rows / seconds / base:.0f} |", flush=True)
        _empty(driver)


if __name__ == "__main__":
    main()
