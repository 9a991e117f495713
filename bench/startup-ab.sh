#!/usr/bin/env bash
# What `anneal run` costs besides the pipeline's own work (issue 16, "Performance"): JVM start, class loading, classes
# generated at run time, the JIT's compile volume, logging, command line, workflow, registry, validation. A 2,000-row
# copy of the leakage pipeline keeps the nodes' share small, so the whole process is mostly that overhead; this checkout
# and BASE run alternately (both through their ./anneal launchers, class data sharing archives recorded first).
#   BASE=/other/checkout REPS=8 bench/startup-ab.sh [OUT]     (default bench/startup-ab-$(date -u +%F).txt, appended to)
# Per process: wall, user and system CPU (all threads), peak RSS; then, from one more run of each side, the classes
# defined at run time (not mapped from the archive) by source, and the JIT's compile time (-XX:+CITime).
# Needs built apps on both sides (mvn -o -B -DskipTests package -pl nodes,app -am).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${BASE:?BASE=/path/to/the/checkout to compare with}"
OUT="${1:-$ROOT/bench/startup-ab-$(date -u +%F).txt}"
REPS=${REPS:-8}
DIR="$ROOT/bench/out"
mkdir -p "$DIR"
WF="$DIR/startup-2000x20.json"
java -cp "$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*" org.anneal.bench.GenerateCsv "$DIR/startup-2000x20.csv" 2000 20 "$WF" > /dev/null
for side in "$ROOT" "$BASE"; do # the launchers record their archives on the first run after a build
  "$side/anneal" run "$WF" -o "$DIR/startup.results.json" > /dev/null 2>&1
done
label() { if [[ "$1" == "$ROOT" ]]; then echo this; else echo base; fi; }
{
  echo "# bench/startup-ab.sh, $(date -u '+%F %T') UTC, $(nproc) cores, this $(git -C "$ROOT" rev-parse --short HEAD), base $(git -C "$BASE" rev-parse --short HEAD) ($BASE)"
  echo "# anneal run of the leakage pipeline on 2,000 x 20 rows, sides alternating: side wall_s user_s sys_s peak_rss_kB load_1min"
  for ((i = 1; i <= REPS; i++)); do
    for side in "$ROOT" "$BASE"; do
      /usr/bin/time -o "$DIR/startup.time" -f "%e %U %S %M" "$side/anneal" run "$WF" -o "$DIR/startup.results.json" > /dev/null 2>&1
      echo "$(label "$side") $(cat "$DIR/startup.time") $(cut -d' ' -f1 /proc/loadavg)"
    done
  done | tee "$DIR/startup-runs.txt"
  /usr/bin/python3 - "$DIR/startup-runs.txt" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
for side in ("this", "base"):
    r = [x for x in rows if x[0] == side]
    wall = statistics.median(float(x[1]) for x in r)
    cpu = statistics.median(float(x[2]) + float(x[3]) for x in r)
    print(f"median {side}: wall {wall:.2f} s, CPU (user+system) {cpu:.2f} s, peak RSS {statistics.median(float(x[4]) for x in r) / 1024:.0f} MB")
PY
  for side in "$ROOT" "$BASE"; do
    ANNEAL_OPTS="-Xlog:class+load=info:file=$DIR/startup.classes" "$side/anneal" run "$WF" -o "$DIR/startup.results.json" > /dev/null 2>&1
    echo "# $(label "$side"): classes mapped from the archive $(grep -c 'shared objects file' "$DIR/startup.classes"); defined at run time, by source:"
    grep -v 'shared objects file' "$DIR/startup.classes" | sed 's/.*source: //; s/jar:file.*\/\([^/]*\.jar\).*/\1/; s/file:.*\/\([^/]*\.jar\)/\1/' \
      | sort | uniq -c | sort -rn | head -6 | sed 's/^/#   /'
    for k in 1 2 3; do
      ANNEAL_OPTS="-XX:+CITime" "$side/anneal" run "$WF" -o "$DIR/startup.results.json" 2>&1 | grep -E "Total compilation time|C1 Compile Time|C2 Compile Time" \
        | awk '{printf "%s %s  ", $1 == "Total" ? "jit-total" : $1, $(NF-1)} END {print ""}'
    done | sed "s/^/# $(label "$side") -XX:+CITime seconds: /"
  done
} | tee -a "$OUT"
