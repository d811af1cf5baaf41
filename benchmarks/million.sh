#!/usr/bin/env bash
# One million synthetic organizations (issue 16): build, load into Neo4j, analyze --engine gds,
# and the report (the overview). Not a test: each step under /usr/bin/time -v (wall time and peak
# memory), logs in WORK. Needs what the test server needs (Java 17, Maven) and ~25 GB of disk.
#
#   bash benchmarks/million.sh [WORK] [STEPS...]     steps: synth build load gds report (default: all)
#
# The server is the project's GDS test server with a larger heap (ESSGRAPH_NEO4J_JAVA_OPTS).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WORK="${1:-/tmp/essgraph-1m}"; shift || true
STEPS="${*:-synth build load gds report}"
N="${ESSGRAPH_BENCH_ORGS:-1000000}"
mkdir -p "$WORK"
timed() {  # timed NAME CMD... : the command's output in WORK/NAME.log, its time and peak memory in WORK/NAME.time
  local name="$1"; shift
  echo "== $name: $*" >&2
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1 || { echo "$name failed: see $WORK/$name.log" >&2; return 1; }
  grep -E "Elapsed|Maximum resident" "$WORK/$name.time" >&2
}
for step in $STEPS; do
  case "$step" in
    synth)  timed synth essgraph synth --orgs "$N" --seed 1 -o "$WORK/data" ;;
    build)  timed build essgraph build --data "$WORK/data" --snapshot "$WORK/graph.json" -q ;;
    load|gds)
      # one private server for the step; the Neo4j store lives in the server's own temporary home
      ESSGRAPH_NEO4J_JAVA_OPTS="${ESSGRAPH_NEO4J_JAVA_OPTS:--Xmx8g}" \
        bash "$ROOT/scripts/neo4j-test-server" run --gds -- bash -c "
          set -e
          $(declare -f timed); WORK='$WORK'
          timed neo4j-load essgraph neo4j load --snapshot '$WORK/graph.json' -q
          if [ '$step' = gds ]; then
            timed analyze-gds essgraph analyze --snapshot '$WORK/graph.json' --engine gds --json '$WORK/analysis-gds.json' -q
          fi" ;;
    report) timed report essgraph report --snapshot "$WORK/graph.json" -o "$WORK/report" -q ;;
    *) echo "unknown step $step" >&2; exit 2 ;;
  esac
done
