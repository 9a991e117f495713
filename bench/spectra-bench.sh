#!/usr/bin/env bash
# Issue 11, performance items 2 and 3, in one run:
#  1. spectra.smooth (Savitzky–Golay 11/3) -> spectra.baseline (ALS, lambda 1e5, p 0.01, 10 rounds, clip) -> spectra.peaks
#     (prominence 20, widths at half prominence, no profile fit) on NCHAIN of the N generated EDS-like spectra of C
#     channels (spectra/s is per spectrum, so it extrapolates to all N): spectra/s
#     with the JVM limited to 1 and to 2 processors (-XX:ActiveProcessorCount; the blocks size their pool from it), node
#     execute only, median of REPS after a warm-up (bench/SpectraBench.java). The scipy peer (bench/spectra_bench.py,
#     Debian's python3-scipy, one thread) runs the same chain on the first PY spectra of the same bytes, with ALS solved
#     both as the common scipy.sparse recipe and with solveh_banded. Both sides also report CPU time: on a shared machine
#     spectra per CPU-second is the fairer single-thread comparison; the thread scaling needs wall time and a quiet machine.
#  2. Loading: data.spectra on FILES two-column CSV files (a slice of the N; MB/s does not depend on the count),
#     data.csv on one CSV holding the same lines, data.spectrum-image on the N spectra as a HyperSpy map (float32).
# The machine load is logged before and after (2 cores shared with other work).
#   bench/spectra-bench.sh [OUT_TXT]   (default bench/spectra-bench-$(date -u +%F).txt; N=10000 C=4000 NCHAIN=2000 FILES=1000 PY=300 REPS=3)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/spectra-bench-$(date -u +%F).txt}"
N=${N:-10000} C=${C:-4000} NCHAIN=${NCHAIN:-2000} FILES=${FILES:-1000} PY=${PY:-300} REPS=${REPS:-3}
DIR="$ROOT/bench/out/spectra"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes compile > /dev/null && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
JAVA=(java -Xmx3g -cp "$CP")
mkdir -p "$DIR"
"${JAVA[@]}" "$ROOT/bench/SpectraBench.java" gen "$DIR" "$N" "$C" "$FILES"
{
  echo "Spectra benchmark $(date -u +%FT%TZ): $N generated spectra x $C channels (the chain times the first $NCHAIN, scipy the first $PY; per spectrum);"
  echo "anneal node execute, median of $REPS after warm-up; loading: $FILES two-column files (MB/s), the map holds all $N"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); scipy $(/usr/bin/python3 -c 'import scipy; print(scipy.__version__)')"
  echo "load before: $(uptime)"
  for t in 1 2; do
    "${JAVA[@]}" -XX:ActiveProcessorCount=$t "$ROOT/bench/SpectraBench.java" chain "$DIR" "$NCHAIN" "$C" "$REPS" "$PY"
  done
  /usr/bin/python3 "$ROOT/bench/spectra_bench.py" "$DIR" "$N" "$C" "$PY"
  for t in 1 2; do
    echo "loading with $t processor(s):"
    "${JAVA[@]}" -XX:ActiveProcessorCount=$t "$ROOT/bench/SpectraBench.java" load "$DIR" "$REPS" 2>&1 \
      | grep -v -e ' io.jhdf' -e 'buffer still has' # jHDF reading its own files: harmless notes on attribute padding
  done
  echo "load after: $(uptime)"
} | tee "$TMP/out.txt"
{
  cat "$TMP/out.txt"
  num() { grep "$1" "$TMP/out.txt" | head -1 | sed "s|.* \([0-9.]*\) $2.*|\1|"; }
  a1=$(num "threads=1 chain" "spectra/s;"); a2=$(num "threads=2 chain" "spectra/s;")
  c1=$(num "threads=1 chain" "spectra per CPU-s")
  banded=$(num "scipy als-banded" "spectra/s (") sparse=$(num "scipy als-sparse" "spectra/s (")
  cb=$(num "scipy als-banded" "spectra per CPU-s")
  /usr/bin/python3 -c "
a1, a2, c1, b, s, cb = $a1, $a2, $c1, $banded, $sparse, $cb
print(f'chain spectra/s (wall): anneal 1 thread {a1:.0f}, 2 threads {a2:.0f} (scaling {a2 / a1:.2f}x); scipy banded ALS {b:.0f}, sparse ALS {s:.0f}')
print(f'ratio anneal / scipy, above 1 = anneal faster: per CPU-second, 1 thread vs banded {c1 / cb:.2f}; wall, 1 thread vs banded {a1 / b:.2f}, '
      f'2 threads vs banded {a2 / b:.2f}, 1 thread vs sparse {a1 / s:.2f}')
print(f'10,000 spectra: anneal {1e4 / a2:.1f} s on 2 threads, scipy {1e4 / b:.1f} s (banded ALS, one thread)')"
} > "$OUT"
tail -3 "$OUT"
