#!/usr/bin/env bash
# data.csv read and node-phase memory (issue 16, "Performance"): `anneal run` of bench/leakage-bench.sh's workflow
# (1,000,000 x 20 CSV: split -> standardize -> ridge -> score) by this checkout and by BASE, alternating, as whole
# processes timed by /usr/bin/time (wall, CPU of all threads, peak RSS), with data.csv's and the other nodes' own times
# from the run's output and the load before each run. Medians per side at the end.
#   BASE=/other/checkout [REPS=5] [OPTS_A="..."] [OPTS_B="..."] bench/csvmem-bench.sh [OUT]
# OPTS_A / OPTS_B: ANNEAL_OPTS for this checkout / BASE (JVM flags to compare; default none).
# Needs both checkouts built (mvn -o -B -DskipTests package -pl nodes,app -am) and bench/out made by bench/leakage-bench.sh
# (or org.anneal.bench.GenerateCsv as that script calls it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/leakage-bench-$(date -u +%F)-csvmem10.txt}"
BASE="${BASE:?set BASE to a built checkout to compare with}"
REPS=${REPS:-5}
WF="$ROOT/bench/out/leakage-pipeline.json"
TMP="$(mktemp -d)"
run() { # label home opts
  local label=$1 home=$2 opts=$3 load
  load=$(uptime | sed 's/.*load average: //; s/,.*//')
  ANNEAL_OPTS="$opts" /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$home/anneal" run "$WF" -o "$TMP/$label.json" > "$TMP/out" 2>&1
  read -r w u s m < "$TMP/time"
  local csv nodes
  csv=$(awk '$2 == "load" {print $4}' "$TMP/out")
  nodes=$(awk '$1 == "done" {s += $4} END {printf "%.3f", s}' "$TMP/out")
  local digest
  digest=$(grep -o '"resultsDigest" *: *"[0-9a-f]*"' "$TMP/$label.json" | grep -o '[0-9a-f]\{16,\}' | cut -c1-12 || true)
  printf "%-6s wall %6.2f s  cpu %6.2f s  rss %5d MB  data.csv %6.3f s  nodes %6.3f s  load %5s  digest %s\n" \
    "$label" "$w" "$(echo "$u + $s" | bc)" "$((m / 1024))" "$csv" "$nodes" "$load" "${digest:-?}"
}
{
  echo "# bench/csvmem-bench.sh, $(date -u '+%F %T') UTC, $(nproc) cores; this: $(git -C "$ROOT" rev-parse --short HEAD) [${OPTS_A:-}], base: $(git -C "$BASE" rev-parse --short HEAD) [${OPTS_B:-}]"
  echo "# load at the start: $(uptime)"
  for ((i = 1; i <= REPS; i++)); do
    run this "$ROOT" "${OPTS_A:-}"
    run base "$BASE" "${OPTS_B:-}"
  done
} | tee "$TMP/rows"
/usr/bin/python3 - "$TMP/rows" <<'PY' | tee -a "$TMP/rows"
import statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if not l.startswith("#")]
def med(side, key):
    return statistics.median(float(r[r.index(key) + 1]) for r in rows if r[0] == side)
for key, unit in (("wall", "s"), ("cpu", "s"), ("rss", "MB"), ("data.csv", "s"), ("nodes", "s")):
    a, b = med("this", key), med("base", key)
    print(f"# median {key}: this {a:.3f} {unit}, base {b:.3f} {unit}, this/base {a / b:.2f}")
PY
{ cat "$TMP/rows"; echo "# end: $(uptime)"; echo; } >> "$OUT"
rm -rf "$TMP"
echo "appended to $OUT"
