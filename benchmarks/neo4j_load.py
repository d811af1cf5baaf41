"""Benchmark of the Neo4j loader (not a test): batched UNWIND load vs. one query per row.

Run against the project's own server (or any empty test server given by NEO4J_*):

    scripts/neo4j-test-server run -- python3 benchmarks/neo4j_load.py [--sizes 10000 100000]

For each size a synthetic graph (about 5 ties per node) is loaded into an emptied database with
``essgraph.neo4jstore.load`` at each batch size, and timed end to end (building the rows,
constraints, every batch, the swap or the single commit); the swap (staged path) is also timed on
its own. The baseline runs one auto-commit MERGE per row on a subset of ``--baseline-rows`` rows
(the loader's MERGE statements with a one-row UNWIND: nodes first, then ties) and is extrapolated
to rows/second; it is measured in the same run on the same server. Prints a Markdown table.

``--no-rust`` hides the driver's Rust extension (``neo4j-rust-ext``) so that the pure-Python
packstream encoder is measured on the same machine (run it as a separate process);
``--repeat N`` loads each size N times per batch size (the machine is shared: report the median).
"""
from __future__ import annotations

import argparse
from importlib.metadata import version
import os
import platform
import statistics
import sys
import time


class _NoRust:
    """A meta-path finder that makes ``import neo4j._rust`` fail (the driver then packs in Python)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> None:
        if name == "neo4j._rust" or name.startswith("neo4j._rust."):
            raise ImportError(f"{name} hidden by --no-rust")
        return None


if "--no-rust" in sys.argv:  # before the driver is imported
    sys.meta_path.insert(0, _NoRust())

from neo4j import GraphDatabase  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "neo4j"))
from synthetic_graph import synthetic_graph  # noqa: E402  (the tests' generator)

from essgraph.neo4jstore import load
from essgraph.neo4jstore.writer import DEFAULT_STAGED_THRESHOLD, _node_statement, _rel_statement
from essgraph.neo4jstore.rows import node_batches, rel_batches
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


def _timed_load(driver, G, batch_size: int, replace: bool, staged_threshold: int) -> tuple[float, float, bool]:
    """Seconds of one load end to end, seconds after the last batch (the swap), whether it was staged."""
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if done == total:
            last[0] = time.perf_counter()

    t0 = time.perf_counter()
    summary = load(driver, G, batch_size=batch_size, replace=replace, progress=progress,
                   staged_threshold=staged_threshold)
    end = time.perf_counter()
    assert summary.nodes["created"] == G.number_of_nodes()
    return end - t0, end - last[0], summary.staged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[500, 1000, 5000])
    parser.add_argument("--baseline-rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=1, help="loads per size and batch size (median reported)")
    parser.add_argument("--no-replace", action="store_true", help="skip the --replace load")
    parser.add_argument("--no-baseline", action="store_true", help="skip the one-query-per-row baseline")
    parser.add_argument("--warmup", type=int, default=10_000,
                        help="nodes of an untimed load first, to warm up the server's JIT (0: none)")
    parser.add_argument("--no-rust", action="store_true", help="hide the driver's Rust extension")
    parser.add_argument("--staged-threshold", type=int, default=DEFAULT_STAGED_THRESHOLD,
                        help="rows above which the load is staged (default: the loader's)")
    args = parser.parse_args()
    uri = os.environ.get("NEO4J_URI", "bolt://localhost:7687")
    auth = (os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    print(f"machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
          f"load average {os.getloadavg()[0]:.1f}")
    with GraphDatabase.driver(uri, auth=auth) as driver:
        info = driver.get_server_info()
        from neo4j._codec.packstream import v1

        rust = v1._rust_pack is not None
        print(f"driver: neo4j {version('neo4j')}; rust extension: "
              f"{'yes (neo4j-rust-ext ' + version('neo4j-rust-ext') + ')' if rust else 'no'}")
        print(f"server: {info.agent} at {uri}")
        print("\n| nodes | relationships | rows | batch size | path | seconds (swap) | rows/s | × baseline |")
        print("|---|---|---|---|---|---|---|---|")
        if args.warmup:
            _empty(driver)
            load(driver, synthetic_graph(args.warmup, ties_per_node=5, seed=1), staged_threshold=args.staged_threshold)
        for n in args.sizes:
            G = synthetic_graph(n, ties_per_node=5, seed=42)
            rows = G.number_of_nodes() + G.number_of_edges()
            base = float("nan")
            if not args.no_baseline:
                base = _baseline(driver, G, args.baseline_rows)
                print(f"| {n:,} | {G.number_of_edges():,} | {args.baseline_rows:,} (subset) | 1 row/query | baseline | "
                      f"{rows / base:,.0f} (extrapolated) | {base:,.0f} | 1 |", flush=True)
            runs = [(b, False) for b in args.batch_sizes] + ([] if args.no_replace else [(args.batch_sizes[-1], True)])
            for batch_size, replace in runs:
                times, swaps, staged = [], [], False
                for _ in range(args.repeat):
                    if not replace:
                        _empty(driver)
                    seconds, swap, staged = _timed_load(driver, G, batch_size, replace, args.staged_threshold)
                    times.append(seconds)
                    swaps.append(swap)
                    print(f"  run: {seconds:.1f} s (swap {swap:.1f}), load average {os.getloadavg()[0]:.1f}",
                          file=sys.stderr, flush=True)
                seconds, swap = statistics.median(times), statistics.median(swaps)
                path = ("staged" if staged else "one transaction") + (" --replace over the same data" if replace else "")
                spread = f" [{min(times):.1f}–{max(times):.1f}]" if len(times) > 1 else ""
                print(f"| {n:,} | {G.number_of_edges():,} | {rows:,} | {batch_size:,} | {path} | "
                      f"{seconds:.1f}{f' ({swap:.1f})' if staged else ''}{spread} | "
                      f"{rows / seconds:,.0f} | {rows / seconds / base:.0f} |", flush=True)
            print(f"machine load average after {n:,}: {os.getloadavg()[0]:.1f}", flush=True)
        _empty(driver)


if __name__ == "__main__":
    main()
