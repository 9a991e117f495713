#!/usr/bin/env bash
# Intervals for any model on 100,000 rows (issue 12): model.bootstrap-ensemble and evaluate.conformal (split) around a
# depth-8 regression tree, against scikit-learn's BaggingRegressor of the same tree (10 members, n_jobs=1) on the same
# rows, best of 3 in one warm process each. Prints the times and the ratios anneal / sklearn (below 1 = anneal faster).
#   bench/uncertainty-bench.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
[[ -d "$ROOT/nodes/target/classes/org/anneal/nodes/uncertainty" ]] || (cd "$ROOT" && mvn -o -B -pl nodes -am -DskipTests install > /dev/null)
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
echo "date: $(date -u +%F) cores: $(nproc) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$ROOT/bench/uncertainty_bench.py" "$TMP" | tee "$TMP/sklearn.txt"
java -Xmx3g -cp "$CP" "$ROOT/bench/UncertaintyBench.java" "$TMP/data.f64" | tee "$TMP/anneal.txt"
seconds() { grep "$1" "$2" | sed 's/.*best of 3 \([0-9.]*\) s.*/\1/'; }
bag=$(seconds "sklearn bagging" "$TMP/sklearn.txt")
conf=$(seconds "sklearn tree" "$TMP/sklearn.txt")
aboot=$(seconds "anneal bootstrap" "$TMP/anneal.txt")
aconf=$(seconds "anneal evaluate.conformal" "$TMP/anneal.txt")
echo "ratio anneal bootstrap-ensemble / sklearn bagging: $(/usr/bin/python3 -c "print(f'{$aboot / $bag:.2f}')")"
echo "ratio anneal conformal / sklearn bagging: $(/usr/bin/python3 -c "print(f'{$aconf / $bag:.2f}')")"
echo "ratio anneal conformal / sklearn tree + numpy conformal: $(/usr/bin/python3 -c "print(f'{$aconf / $conf:.2f}')")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
