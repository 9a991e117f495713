#!/usr/bin/env bash
# PCA and NMF on wide spectral tables (issue 11): prepare.pca with solver full and randomized (10 components) and
# prepare.nmf (5 parts, at most 200 rounds as scikit-learn's max_iter, tolerance 1e-4; and 20 rounds flat) against scikit-learn's
# PCA(svd_solver=full|randomized) and NMF (its defaults) on the same matrices, fit + transform, best of 5 after 1.5 s of
# untimed calls (the same warm-up on both sides; each line also gives the first call) in one process each (wall time, and CPU time of all the process's threads, which a loaded machine distorts less; NMF20 is
# prepare.nmf for 20 rounds against scikit-learn's NMF); then each method once more in a process of its own for the peak resident memory (/usr/bin/time,
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
seconds() { grep "$1" "$2" | sed 's/.*best of 5 \([0-9.]*\) s.*/\1/'; }
cpu() { grep "$1" "$2" | sed 's/.*, cpu \([0-9.]*\) s.*/\1/'; }
first() { grep "$1" "$2" | sed 's/.*first call \([0-9.]*\) s.*/\1/'; }
ratio() { /usr/bin/python3 -c "print(f'{$1 / $2:.2f}')"; }
for s in "${SIZES[@]}"; do
  for m in "PCA(full)" "PCA(randomized)" "NMF" "NMF20"; do
    a="anneal $m ${s/x/ x }"
    k="sklearn ${m/NMF20/NMF} ${s/x/ x }"
    echo "ratio anneal / sklearn $m at $s: wall $(ratio "$(seconds "$a" "$TMP/anneal.txt")" "$(seconds "$k" "$TMP/sklearn.txt")")," \
      "cpu $(ratio "$(cpu "$a" "$TMP/anneal.txt")" "$(cpu "$k" "$TMP/sklearn.txt")");" \
      "first call (the JVM still compiling) $(ratio "$(first "$a" "$TMP/anneal.txt")" "$(first "$k" "$TMP/sklearn.txt")")"
  done
done
last="${SIZES[-1]}"
for m in full randomized nmf; do
  a=$(/usr/bin/time -f %M "${JAVA[@]}" --once "$m" "$TMP/$last.f32" 2>&1 >/dev/null | tail -1)
  k=$(/usr/bin/time -f %M /usr/bin/python3 "$ROOT/bench/pca_bench.py" --once "$m" "$TMP/$last.f32" 2>&1 >/dev/null | tail -1)
  echo "peak resident memory $m at $last: anneal $((a / 1024)) MB, sklearn $((k / 1024)) MB"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
