#!/usr/bin/env bash
# PCA on wide spectral tables (issue 11): prepare.pca (the Gram route of PrincipalAxes when columns outnumber rows)
# against scikit-learn's PCA with full and randomized SVD on the same float32 matrices, 10 components, fit + project,
# best of 3 in one warm process each. Prints the times and the ratios anneal / sklearn (below 1 = anneal faster).
#   bench/pca-bench.sh [SIZES...]     default 240x5000 1000x5000
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("${@:-240x5000}")
[[ $# -eq 0 ]] && SIZES=(240x5000 1000x5000)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
[[ -d "$ROOT/nodes/target/classes/org/anneal/nodes/prepare" ]] || (cd "$ROOT" && mvn -o -B -pl nodes -am -DskipTests install > /dev/null)
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
echo "date: $(date -u +%F) cores: $(nproc) load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$ROOT/bench/pca_bench.py" "$TMP" "${SIZES[@]}" | tee "$TMP/sklearn.txt"
files=(); for s in "${SIZES[@]}"; do files+=("$TMP/$s.f32"); done
java -Xmx3g -cp "$CP" "$ROOT/bench/PcaBench.java" "${files[@]}" | tee "$TMP/anneal.txt"
for s in "${SIZES[@]}"; do
  a=$(grep "prepare.pca ${s/x/ x }" "$TMP/anneal.txt" | sed 's/.* \([0-9.]*\) s$/\1/')
  for solver in full randomized; do
    k=$(grep "PCA($solver) ${s/x/ x }" "$TMP/sklearn.txt" | sed 's/.* \([0-9.]*\) s$/\1/')
    echo "ratio anneal / sklearn-$solver at $s: $(/usr/bin/python3 -c "print(f'{$a / $k:.2f}')")"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
