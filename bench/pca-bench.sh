#!/usr/bin/env bash
# PCA and NMF on wide spectral tables (issue 11): prepare.pca with solver full and randomized (10 components) and
# prepare.nmf (5 parts, at most 200 rounds as scikit-learn's max_iter, tolerance 1e-4; and 20 rounds flat) against scikit-learn's
# PCA(svd_solver=full|randomized) and NMF (its defaults) on the same matrices, fit + transform, best of 3 in one warm
# process each; then each method once more in a process of its own for the peak resident memory (/usr/bin/time,
# the runtime included: a JVM and a Python with NumPy). Prints times, ratios anneal / sklearn (below 1 = anneal
# faster), the NMF errors reached, and the machine load before and after.
#   bench/pca-bench.sh [SIZES...]     default 240x5000 1000x5000; memory is measured on the last size
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZES=("$@")
[[ $# -eq 0 ]] && SIZES=(240x5000 1000x5000)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes -am compile > /dev/null)
(cd "$ROOT" && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
JAVA=(java -Xmx3g -cp "$CP" "$ROOT/bench/PcaBench.java")
echo "date: $(date -u '+%F %H:%M') UTC  cores: $(nproc)  load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/python3 "$ROOT/bench/pca_bench.py" "$TMP" "${SIZES[@]}" | tee "$TMP/sklearn.txt"
files=(); for s in "${SIZES[@]}"; do files+=("$TMP/$s.f32"); done
"${JAVA[@]}" "${files[@]}" | tee "$TMP/anneal.txt"
seconds() { grep "$1" "$2" | sed 's/.*best of 3 \([0-9.]*\) s.*/\1/'; }
for s in "${SIZES[@]}"; do
  for m in "PCA(full)" "PCA(randomized)" "NMF"; do
    a=$(seconds "anneal $m ${s/x/ x }" "$TMP/anneal.txt")
    k=$(seconds "sklearn $m ${s/x/ x }" "$TMP/sklearn.txt")
    echo "ratio anneal / sklearn $m at $s: $(/usr/bin/python3 -c "print(f'{$a / $k:.2f}')")"
  done
  a=$(seconds "anneal NMF20 ${s/x/ x }" "$TMP/anneal.txt")
  echo "ratio anneal NMF, 20 rounds / sklearn NMF at $s: $(/usr/bin/python3 -c "print(f'{$a / $k:.2f}')")"
done
last="${SIZES[-1]}"
for m in full randomized nmf; do
  a=$(/usr/bin/time -f %M "${JAVA[@]}" --once "$m" "$TMP/$last.f32" 2>&1 >/dev/null | tail -1)
  k=$(/usr/bin/time -f %M /usr/bin/python3 "$ROOT/bench/pca_bench.py" --once "$m" "$TMP/$last.f32" 2>&1 >/dev/null | tail -1)
  echo "peak resident memory $m at $last: anneal $((a / 1024)) MB, sklearn $((k / 1024)) MB"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
