#!/usr/bin/env bash
# The run-time leakage checks alone (org.anneal.bench.LeakageChecksBench) with this tree's lineage package against a base
# commit's (default main), in one run, sides alternating, so a loaded machine loads both alike. The base's
# org.anneal.lineage classes are compiled into a temporary folder put first on the class path; everything else is this
# tree's built app. Reports per side: node time, checks wall time (median, best), checks/nodes ratio, CPU time of all
# threads, findings, and per check times of the best rep.
#   bench/leakage-checks-ab.sh [BASE] [OUT]     (needs bench/out from bench/leakage-bench.sh and a packaged app)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${1:-main}"
OUT="${2:-$ROOT/bench/leakage-bench-$(date -u +%F)-ab.txt}"
REPS=${REPS:-5}
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
CP="$ROOT/app/target/classes:$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
git -C "$ROOT" archive "$BASE" nodes/src/main/java/org/anneal/lineage | tar -x -C "$TMP"
mkdir -p "$TMP/classes"
javac -nowarn -d "$TMP/classes" -cp "$CP" "$TMP"/nodes/src/main/java/org/anneal/lineage/*.java 2>&1 | grep -v '^Note' || true
{
  echo "# bench/leakage-checks-ab.sh, $(date -u '+%F %T') UTC, $(nproc) cores, base $BASE ($(git -C "$ROOT" rev-parse --short "$BASE")) vs this tree ($(git -C "$ROOT" rev-parse --short HEAD)), $REPS reps a side"
  for side in base new base new; do
    side_cp="$CP"
    [ "$side" = base ] && side_cp="$TMP/classes:$CP"
    load=$(uptime | sed 's/.*load average: //')
    java -cp "$side_cp" org.anneal.bench.LeakageChecksBench "$ROOT/bench/out/leakage-pipeline.json" "$REPS" 2>/dev/null | tail -1 |
      /usr/bin/python3 -c "
import json, statistics, sys
c = json.load(sys.stdin); R = c['reps']
mw = statistics.median(r['checksSeconds'] for r in R); bw = min(r['checksSeconds'] for r in R)
mc = statistics.median(r['checksCpuSeconds'] for r in R); bc = min(r['checksCpuSeconds'] for r in R)
print('$side (load $load): nodes %.3f s; checks wall median %.3f s, best %.3f s; ratio checks/nodes median %.2f, best %.2f; '
      'CPU of all threads median %.3f s, best %.3f s; findings %s' % (c['nodeSeconds'], mw, bw, mw / c['nodeSeconds'], bw / c['nodeSeconds'], mc, bc, R[0]['findings'] or 'none'))
b = min(R, key=lambda r: r['checksSeconds'])
print('  per check (best rep): ' + ', '.join('%s %.3f s' % (k, v) for k, v in b['perCheck'].items()))"
  done
  echo "# end: $(uptime)"
  echo
} | tee -a "$OUT"
