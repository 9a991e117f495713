#!/usr/bin/env bash
# The run-time leakage checks as a cold `anneal run` meets them (issue 16, "Performance"): this checkout against a base
# one (BASE=/dir with a built app), sides alternating, each run with -Danneal.phases=true; prints per run the checks
# phase (wall and CPU, from org.anneal.util.Phases) and the whole process (wall and CPU from /usr/bin/time), then medians.
# Then COLD runs a side (default REPS) of org.anneal.bench.LeakageChecksBench with one repetition: the workflow run once
# in-process, then the checks once, in a JVM that has not run them yet (wall, and CPU of all threads, compiler threads too).
#   BASE=/tmp/base bench/coldchecks-ab.sh [REPS] >> OUT     (needs bench/out from bench/leakage-bench.sh)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REPS=${1:-5}
WF="$ROOT/bench/out/leakage-pipeline.json"
T=$(mktemp -d)
one() { # side home: one run; prints "side checks_wall checks_cpu nodes_wall process_wall process_cpu load1"
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  ANNEAL_OPTS="-Danneal.phases=true" /usr/bin/time -f "%e %U %S %M" -o "$T/time" "$2/anneal" run "$WF" -o "$T/r.json" > "$T/out" 2> "$T/err"
  local checks nodes; checks=$(grep "run-time checks" "$T/err" | awk '{print $4, $9}' | tr -d '+')
  nodes=$(grep "nodes ran" "$T/err" | awk '{print $4}' | tr -d '+')
  read -r w u s m < "$T/time"
  echo "$1 $checks $nodes $w $(echo "$u + $s" | bc) $((m / 1024)) $load"
}
echo "# bench/coldchecks-ab.sh $(date -u '+%F %T') UTC, commit $(git -C "$ROOT" rev-parse --short HEAD), base $BASE, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# side checks_wall_s checks_cpu_s nodes_wall_s process_wall_s process_cpu_s peak_rss_mb load1"
one base "$BASE" > /dev/null; one this "$ROOT" > /dev/null # the first run after a build records the class-data archive
for ((i = 1; i <= REPS; i++)); do
  one base "$BASE" | tee -a "$T/rows"
  one this "$ROOT" | tee -a "$T/rows"
done
python3 - "$T/rows" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for side in ("base", "this"):
    r = [x for x in rows if x[0] == side]
    m = lambda k: statistics.median(float(x[k]) for x in r)
    print(f"# median {side}: checks wall {m(1):.3f} s, checks CPU {m(2):.3f} s, nodes wall {m(3):.3f} s, process wall {m(4):.2f} s, process CPU {m(5):.2f} s, peak RSS {m(6):.0f} MB")
PY
grep -E "^  (done|checking)" "$T/out" | sed 's/^/# last run: /' || true
echo "# the checks alone, once in a fresh JVM (LeakageChecksBench WORKFLOW 1): side checks_wall_s checks_cpu_s load1"
for ((i = 1; i <= ${COLD:-$REPS}; i++)); do
  for side in base this; do
    home=$ROOT; [[ $side == base ]] && home=$BASE
    load=$(cut -d' ' -f1 /proc/loadavg)
    java -cp "$home/app/target/anneal-app.jar:$home/app/target/lib/*" org.anneal.bench.LeakageChecksBench "$WF" 1 2>/dev/null | tail -1 \
      | python3 -c "import json, sys; r = json.load(sys.stdin)['reps'][0]; print('cold-$side', r['checksSeconds'], r['checksCpuSeconds'], '$load')"
  done
done | tee "$T/cold"
python3 - "$T/cold" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for side in ("cold-base", "cold-this"):
    r = [x for x in rows if x[0] == side]
    print(f"# median {side}: checks wall {statistics.median(float(x[1]) for x in r):.3f} s, CPU {statistics.median(float(x[2]) for x in r):.3f} s")
PY
rm -rf "$T"
