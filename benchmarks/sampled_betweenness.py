"""How good is the sampled betweenness ``analyze`` uses at scale? (issue 7; not a test)

``analyze`` estimates betweenness from :data:`~essgraph.analysis.engine.BETWEENNESS_SAMPLE`
seeded sources above :data:`~essgraph.analysis.engine.BETWEENNESS_EXACT_UP_TO`
organizations. This script builds the default tie graph of a snapshot (e.g. the
10k synthetic one of ``benchmarks/scale.py``), computes the exact and the sampled
measure on igraph, and reports the overlap of their top-20 (the issue asks for
≥ 0.85 at 10k), the top-100 overlap and the seconds of each.

Usage::

    python3 benchmarks/sampled_betweenness.py /tmp/essgraph-scale/graph-10000.json --json benchmarks/results/sampled-betweenness-10k.json
"""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def overlap(exact: dict, sampled: dict, top: int) -> float:
    """Share of the exact top-``top`` nodes that the sampled measure also ranks in its top-``top``."""
    rank = lambda d: set(sorted(d, key=lambda v: (-d[v], str(v)))[:top])  # noqa: E731
    return len(rank(exact) & rank(sampled)) / top


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("snapshot", type=Path)
    ap.add_argument("--seeds", type=int, nargs="+", default=[42, 1, 2])
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()

    from essgraph.analysis import engine, tie_graph
    from essgraph.graphmodel import public_graph
    from essgraph.loaders import load_graph

    T, _ = tie_graph(public_graph(load_graph(snapshot=args.snapshot)))
    k = engine.auto_sample(T.number_of_nodes()) or engine.BETWEENNESS_SAMPLE
    t = time.perf_counter()
    exact = engine.betweenness(T, engine="igraph")
    result = {"nodes": T.number_of_nodes(), "ties": T.number_of_edges(), "k": k,
              "exact_seconds": round(time.perf_counter() - t, 3), "samples": []}
    for seed in args.seeds:
        t = time.perf_counter()
        sampled = engine.betweenness(T, k=k, seed=seed, engine="igraph")
        result["samples"].append({"seed": seed, "seconds": round(time.perf_counter() - t, 3),
                                  "top20_overlap": overlap(exact, sampled, 20),
                                  "top100_overlap": overlap(exact, sampled, 100)})
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
