#!/usr/bin/env bash
# Grading benchmark (issues 13 and 14): a class of N hand-ins made from bundled workflows (01 ridge on elements.csv, 11 logistic
# regression + 200-tree forest on glass.csv, puzzle 01 handed in unfixed, and a few broken or hostile files: see
# bench/grade_class.py) graded
#   A. with one child JVM per hand-in, JOBS at once (`anneal grade --jobs JOBS`, the default way),
#   B. in one process, one hand-in after another (`anneal grade --in-process`),
# and, as the peer baseline, the same fits in Debian's python3-scikit-learn:
#   C. every honest hand-in's fits in one Python process (imports paid once: the analogue of B),
#   D. one Python process per hand-in, JOBS at once (the analogue of A), on the first SAMPLE hand-ins, scaled to the class.
# Wall time, CPU time (user + sys of the whole process tree) and peak memory (the sum of the tree's RSS, sampled every
# 0.25 s; GNU time's %M is the largest single process only). The machine is shared: the load average is printed before
# and after, and CPU times are the numbers to compare when it is high.
#   bench/grade-bench.sh [N] [JOBS] [SAMPLE]      default 60 hand-ins, 2 jobs, a sample of 10 for D
# Output: bench/grade-bench-<date>.txt
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-60}"
JOBS="${2:-2}"
SAMPLE="${3:-10}"
PY=/usr/bin/python3 # Debian's, with python3-sklearn (not a pyenv shim)
OUT="$ROOT/bench/grade-bench-$(date -u +%F).txt"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# the RSS (KB) of a process and all its descendants
tree_rss() {
  local all="$1" level="$1"
  while [[ -n "$level" ]]; do
    level="$(ps -o pid= --ppid "$(echo $level | tr ' ' ',')" 2>/dev/null | tr '\n' ' ' | xargs || true)"
    all="$all $level"
  done
  ps -o rss= -p "$(echo $all | tr -s ' ' ',')" 2>/dev/null | awk '{s += $1} END {print s + 0}' || true # a process may end meanwhile
}

# measure LABEL CMD...: runs CMD under GNU time, samples the tree's memory; appends "LABEL wall cpu peakKB" to $TMP/m.txt
measure() {
  local label="$1"
  shift
  /usr/bin/time -f "%e %U %S" -o "$TMP/time.txt" "$@" > "$TMP/$label.out" 2>&1 &
  local pid=$! peak=0 rss
  while kill -0 "$pid" 2> /dev/null; do
    rss="$(tree_rss "$pid")" || rss=0
    if ((rss > peak)); then peak=$rss; fi
    sleep 0.25
  done
  wait "$pid" || { echo "$label failed:"; tail -20 "$TMP/$label.out"; exit 1; }
  read -r wall user sys < "$TMP/time.txt"
  echo "$label $wall $(echo "$user + $sys" | bc) $peak" >> "$TMP/m.txt"
  printf '%-44s %7.1f s wall %7.1f s CPU %8.0f MB peak\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((peak / 1024))"
}

{
echo "bench/grade-bench.sh $N $JOBS $SAMPLE   $(date -u '+%F %H:%M UTC')   $(nproc) cores   $(java -version 2>&1 | head -1)"
echo "scikit-learn $($PY -c 'import sklearn; print(sklearn.__version__)')   load before: $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$TMP/handed"
for w in workflows/01-linear-regression.json workflows/11-glass-classification.json workflows/puzzles/01-scaler-before-split.json; do
  "$ROOT/anneal" handin "$ROOT/$w" --author "Student" -o "$TMP/handed/$(basename "$w")" > /dev/null
done
$PY "$ROOT/bench/grade_class.py" make "$TMP/handed" "$TMP/inbox" "$N"
cat > "$TMP/rubric.json" <<JSON
{ "format": "anneal-rubric", "version": 1, "datasets": ["$ROOT/datasets"], "tolerance": 1e-9, "timeLimitSeconds": 300,
  "criteria": [ { "id": "r2", "text": "Ridge R2 on the test rows at least 0.2", "points": 2, "metric": "score.r2", "min": 0.2 },
                { "id": "forest", "text": "Forest accuracy at least 0.6", "points": 2, "metric": "score_forest.accuracy", "min": 0.6 },
                { "id": "honest", "text": "No leakage", "points": 3, "noFindings": ["errors", "L2"] },
                { "id": "split", "text": "Holds out test rows", "points": 1, "requiresNodeType": "split.holdout" } ] }
JSON
echo
measure "A. anneal grade --jobs $JOBS (child JVM each)" "$ROOT/anneal" grade "$TMP/inbox" --rubric "$TMP/rubric.json" --jobs "$JOBS" -o "$TMP/out-proc"
measure "B. anneal grade --in-process" "$ROOT/anneal" grade "$TMP/inbox" --rubric "$TMP/rubric.json" --in-process -o "$TMP/out-inproc"
# the fits of every hand-in that runs (honest and leaky; the broken ones are refused before any fit in both tools)
KINDS="$(cat "$TMP/inbox.kinds")"
RUNS="$(echo "$KINDS" | wc -l)"
measure "C. scikit-learn, the $RUNS runs' fits, one process" $PY "$ROOT/bench/grade_class.py" sklearn "$ROOT/datasets" $KINDS
measure "D. scikit-learn, a process each, $SAMPLE of them" sh -c "echo '$(echo "$KINDS" | head -n "$SAMPLE" | tr '\n' ' ')' | tr ' ' '\n' | grep . \
  | xargs -P $JOBS -n 1 $PY '$ROOT/bench/grade_class.py' sklearn '$ROOT/datasets'"
echo
echo "Statuses (A): $(python3 -c "
import collections, csv
print(dict(collections.Counter(r['status'] for r in csv.DictReader(open('$TMP/out-proc/grades.csv')))))")"
cmp -s "$TMP/out-proc/grades.csv" "$TMP/out-inproc/grades.csv" && echo "grades.csv of A and B: identical" || echo "grades.csv of A and B: DIFFER"
python3 - "$TMP/m.txt" "$N" "$JOBS" "$RUNS" "$SAMPLE" <<'PY'
import sys
m = {line.split()[0]: [float(x) for x in line.split()[-3:]] for line in open(sys.argv[1])}
n, jobs, runs, sample = (int(x) for x in sys.argv[2:6])
a, b, c, d = m["A."], m["B."], m["C."], m["D."]
d_class = [d[0] * runs / sample, d[1] * runs / sample, d[2]]
print("A / B (process per hand-in vs one process):      wall %.2fx, CPU %.2fx, peak memory %.2fx" % (a[0] / b[0], a[1] / b[1], a[2] / b[2]))
print("child-process overhead per hand-in: %.2f s CPU ((CPU A - CPU B) / %d hand-ins)" % ((a[1] - b[1]) / n, n))
print("B / C (Anneal in one process vs scikit-learn in one process): wall %.2fx, CPU %.2fx, peak memory %.2fx"
      % (b[0] / c[0], b[1] / c[1], b[2] / c[2]))
print("D scaled to the class's %d runs: %.1f s wall, %.1f s CPU (from %d processes)" % (runs, d_class[0], d_class[1], sample))
print("A / D scaled (a process per hand-in, both sides): wall %.2fx, CPU %.2fx" % (a[0] / d_class[0], a[1] / d_class[1]))
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$OUT"
