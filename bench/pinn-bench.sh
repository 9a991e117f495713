#!/usr/bin/env bash
# model.pinn's training loop against the same SameDiff graph stepped directly (issue 12): workflow 23's forward problem,
# 300 Adam steps (workflow 23 takes 1000), best of 4 alternating runs in one warm process. Prints steps/s, ms/step and the ratio trainer / direct
# (the issue asks ≤ 1.05).
#   bench/pinn-bench.sh [STEPS] [REPEATS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
[[ -d "$ROOT/nodes/target/classes/org/anneal/nn/dl4j" ]] || (cd "$ROOT" && mvn -o -B -pl nodes -am -DskipTests install > /dev/null)
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
echo "date: $(date -u +%F) cores: $(nproc) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx2g -cp "$CP" "$ROOT/bench/PinnBench.java" "${1:-300}" "${2:-4}" 2>/dev/null | grep -E "^(model|direct|ratio)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
