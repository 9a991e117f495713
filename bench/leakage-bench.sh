#!/usr/bin/env bash
# The run-time leakage checks as a user meets them (issue 16, "Performance"): `anneal run` of split -> standardize ->
# ridge -> score on a generated 1,000,000 x 20 CSV, against the same pipeline as a scikit-learn script
# (bench/leakage_sklearn.py, Debian's python3-sklearn), both whole processes with JVM and interpreter start, timed by
# /usr/bin/time -v (wall time, peak RSS); the sides alternate, REPS runs each, medians compared. Then the checks alone
# against the nodes' own time in one JVM (org.anneal.bench.LeakageChecksBench), per check.
#   bench/leakage-bench.sh [OUT]          (default bench/leakage-bench-$(date -u +%F).txt; an existing file is appended to)
#   BASE=/other/checkout bench/...       also times that checkout's ./anneal run, interleaved (before/after on the same load)
# After the timed runs, one more `anneal run` (and one of BASE) with -Danneal.phases=true prints where the whole process spends
# its wall and CPU time: JVM start, command line, workflow, registry, validation, static findings, keys, nodes, checks, results;
# and one more with the file digest memo off, as the first run of a new data file meets it. Before the timed runs, one
# untimed run of each checkout records the launcher's class data sharing archive after a build.
# Needs a built app (mvn -o -B -DskipTests package -pl nodes,app -am). The CSV and workflow go to bench/out (not committed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/leakage-bench-$(date -u +%F).txt}"
REPS=${REPS:-3}
DIR="$ROOT/bench/out"
CSV="$DIR/synthetic-1000000x20.csv"
WF="$DIR/leakage-pipeline.json"
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
mkdir -p "$DIR"
java -cp "$CP" org.anneal.bench.GenerateCsv "$CSV" 1000000 20 "$WF" # the workflow of bench/Bench: split, standardize, ridge, score
measure() { # label command...: one whole process under /usr/bin/time -v; prints "label wall_s rss_mb cpu_s load"
  local label=$1; shift
  local load; load=$(uptime | sed 's/.*load average: //')
  /usr/bin/time -v "$@" > "$DIR/$label.stdout" 2> "$DIR/$label.time"
  local wall rss cpu
  wall=$(grep "Elapsed (wall clock)" "$DIR/$label.time" | awk '{print $NF}' | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  rss=$(grep "Maximum resident set size" "$DIR/$label.time" | awk '{print $NF / 1024}')
  cpu=$(grep -E "(User|System) time" "$DIR/$label.time" | awk '{s += $NF} END {print s}')
  echo "$label $wall $rss $cpu $load"
}
# one untimed run of each checkout first: after a build the launcher records its class data sharing archive (and the
# digest memo of FileMemo learns the CSV) in that run, which a user meets once per build or per new file, not every time
"$ROOT/anneal" run "$WF" -o "$DIR/leakage-pipeline.results.json" > /dev/null 2>&1 || true
if [[ -n "${BASE:-}" ]]; then
  "$BASE/anneal" run "$WF" -o "$DIR/leakage-pipeline.base-results.json" > /dev/null 2>&1 || true
fi
{
  echo "# bench/leakage-bench.sh, $(date -u '+%F %T') UTC, $(nproc) cores, commit $(git -C "$ROOT" rev-parse --short HEAD)"
  echo "# machine load at the start: $(uptime)"
  echo "# whole processes, sides alternating: label wall_seconds peak_rss_MB cpu_seconds(user+system, all threads) load_average_before(1,5,15 min)"
  for ((i = 1; i <= REPS; i++)); do
    measure "anneal-run-$i" "$ROOT/anneal" run "$WF" -o "$DIR/leakage-pipeline.results.json"
    if [[ -n "${BASE:-}" ]]; then
      measure "base-anneal-run-$i" "$BASE/anneal" run "$WF" -o "$DIR/leakage-pipeline.base-results.json"
    fi
    measure "sklearn-$i" /usr/bin/python3 "$ROOT/bench/leakage_sklearn.py" "$CSV"
  done
} | tee "$DIR/leakage-whole.txt"
grep -A6 "^Metrics" "$DIR/anneal-run-1.stdout" | sed 's/^/# anneal:  /'
grep -A6 "^Metrics" "$DIR/sklearn-1.stdout" | sed 's/^/# sklearn: /'
# the checks alone against the nodes' time: one JVM, the workflow run once, the checks REPS times on its outputs
echo "# checks alone (org.anneal.bench.LeakageChecksBench), load before: $(uptime | sed 's/.*load average: //')"
java -cp "$CP" org.anneal.bench.LeakageChecksBench "$WF" "$REPS" 2>/dev/null | tail -1 > "$DIR/leakage-checks.json"
/usr/bin/python3 - "$DIR/leakage-whole.txt" "$DIR/leakage-checks.json" "$DIR/anneal-run-1.stdout" <<'PY' | tee -a "$DIR/leakage-whole.txt"
import json, statistics, sys
rows = [l.split() for l in open(sys.argv[1]) if l[0] != "#"]
side = lambda p, k: statistics.median(float(r[k]) for r in rows if r[0].startswith(p))
aw, sw, ar, sr = side("anneal", 1), side("sklearn", 1), side("anneal", 2), side("sklearn", 2)
print(f"median wall: anneal run {aw:.2f} s, scikit-learn script {sw:.2f} s, ratio {aw / sw:.2f} (goal <= 1.0)")
print(f"median peak RSS: anneal run {ar:.0f} MB, scikit-learn script {sr:.0f} MB, ratio {ar / sr:.2f}")
ac, sc = side("anneal", 3), side("sklearn", 3)
print(f"median CPU time (user+system): anneal run {ac:.2f} s, scikit-learn script {sc:.2f} s, ratio {ac / sc:.2f} "
      "(under a shared machine's load the CPU time says more than the wall time)")
if any(r[0].startswith("base-") for r in rows):
    bw, br, bc = side("base-anneal", 1), side("base-anneal", 2), side("base-anneal", 3)
    print(f"base checkout (BASE), same runs interleaved: wall {bw:.2f} s (ratio to sklearn {bw / sw:.2f}), peak RSS {br:.0f} MB "
          f"({br / sr:.2f}), CPU {bc:.2f} s ({bc / sc:.2f})")
c = json.load(open(sys.argv[2]))
best = min(c["reps"], key=lambda r: r["checksSeconds"])
med = statistics.median(r["checksSeconds"] for r in c["reps"])
print(f"checks alone: median {med:.3f} s, best {best['checksSeconds']:.3f} s; node time {c['nodeSeconds']:.3f} s; "
      f"ratio checks/nodes median {med / c['nodeSeconds']:.2f}, best {best['checksSeconds'] / c['nodeSeconds']:.2f} (goal <= 0.25)")
print("per check (best rep): " + ", ".join(f"{k} {v:.3f} s" for k, v in best["perCheck"].items()))
if "checksCpuSeconds" in best:
    print(f"checks alone, CPU time of all threads: median {statistics.median(r['checksCpuSeconds'] for r in c['reps']):.3f} s, "
          f"best {min(r['checksCpuSeconds'] for r in c['reps']):.3f} s (two threads share the checks; the load inflates it less than the wall time)")
print("findings: " + (best["findings"] or "none"))
for line in open(sys.argv[3]):
    if line.strip().startswith(("done", "checking")) or line.startswith("Results written"):
        print("# anneal run 1: " + line.rstrip())
PY
# where the time goes: one more run (of each checkout) with the phase marks of org.anneal.util.Phases, and how many of the
# classes it loads come from the launcher's class data sharing archive (a stale or unusable archive is silently ignored);
# then one with the file digest memo off (-Danneal.digests.dir=off): a first run of a new or changed file
for side in ${BASE:+base} this this-new-file; do
  home=$ROOT; [[ $side == base ]] && home=$BASE
  extra=""; [[ $side == this-new-file ]] && extra="-Danneal.digests.dir=off"
  echo "# phases of one more anneal run ($side: $home), load before: $(uptime | sed 's/.*load average: //')"
  ANNEAL_OPTS="${ANNEAL_OPTS:-} -Danneal.phases=true $extra -Xlog:class+load=info:file=$DIR/phases.classes" /usr/bin/time -f "%e %U %S %M" \
    -o "$DIR/phases.time" "$home/anneal" run "$WF" -o "$DIR/leakage-pipeline.phases.json" > "$DIR/phases.stdout" 2> "$DIR/phases.stderr" || true
  grep -E "^  done" "$DIR/phases.stdout" | sed 's/^/#   node /'
  grep "^phase" "$DIR/phases.stderr" | sed 's/^/#   /'
  read -r w u s m < "$DIR/phases.time"
  echo "#   process ended: wall $w s, CPU $(echo "$u + $s" | bc) s, peak RSS $((m / 1024)) MB (exit = wall after 'command returned')"
  echo "#   classes loaded: $(grep -c . "$DIR/phases.classes"), from the class data sharing archives: $(grep -c 'shared objects file' "$DIR/phases.classes")," \
    "from jars: $(grep -c 'source: file:' "$DIR/phases.classes") ($(grep 'source: file:' "$DIR/phases.classes" | grep -c picocli) of picocli; a dynamic archive cannot keep their Java 5 class files, the static one ./anneal builds for run can)"
done | tee -a "$DIR/leakage-whole.txt"
{ cat "$DIR/leakage-whole.txt"; echo "# end: $(uptime)"; echo; } >> "$OUT"
echo "appended to $OUT"
