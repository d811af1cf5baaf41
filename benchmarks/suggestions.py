"""How long validation takes with many bad references ("did you mean" for each).

    python3 benchmarks/suggestions.py [--orgs 2000] [--bad 400]

Writes a synthetic folder, breaks ``--bad`` relationship ends and times ``validate`` (median of 3).
"""
from __future__ import annotations

import argparse
import csv
import statistics
import tempfile
import time
from pathlib import Path

from essgraph.loaders import validate
from essgraph.loaders.synthetic import synth


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--orgs", type=int, default=2000)
    parser.add_argument("--bad", type=int, default=400)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp()) / "data"
    synth(folder, orgs=args.orgs, seed=1)
    path = folder / "relationships.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    end = rows[0].index("end")
    for row in rows[1:args.bad + 1]:
        row[end] = "no-such-org-" + row[end]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        report = validate(folder)
        times.append(time.perf_counter() - start)
    bad = sum(p.type == "unknown-reference" for p in report.problems)
    print(f"{args.orgs} organizations, {bad} bad references: validate {statistics.median(times):.2f} s (median of 3)")


if __name__ == "__main__":
    main()
