#!/usr/bin/env bash
# Grading benchmark (issue 14): N hand-ins of example 06 graded with one child JVM per hand-in (--jobs J) against the
# same folder graded in one process (--in-process), wall time and peak memory of each; the per-hand-in overhead of the
# child process is (wall of the process mode * jobs - wall of the in-process mode) / N.
#   bench/grade-bench.sh [N] [JOBS]        default 60 hand-ins, 2 jobs
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
N="${1:-60}"
JOBS="${2:-2}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$ROOT/anneal" handin "$ROOT/workflows/06-forest-vs-linear.json" --author "Student 0" -o "$TMP/first.json" > /dev/null
mkdir -p "$TMP/inbox"
for i in $(seq 1 "$N"); do cp "$TMP/first.json" "$TMP/inbox/student-$i.json"; done
cat > "$TMP/rubric.json" <<JSON
{ "format": "anneal-rubric", "version": 1, "datasets": ["$ROOT/datasets"], "tolerance": 1e-9, "timeLimitSeconds": 300,
  "criteria": [ { "id": "r2", "text": "forest R2 at least 0", "points": 1, "metric": "score_forest.r2", "min": 0 } ] }
JSON
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
/usr/bin/time -f "process mode (--jobs $JOBS): %e s wall, %U s user, peak RSS of the grader %M KB" \
  "$ROOT/anneal" grade "$TMP/inbox" --rubric "$TMP/rubric.json" --jobs "$JOBS" -o "$TMP/out-proc" > "$TMP/proc.txt"
grep -c '^  .* ok ' "$TMP/proc.txt" | sed 's/^/  rows ok: /'
/usr/bin/time -f "in-process (one after another): %e s wall, %U s user, peak RSS %M KB" \
  "$ROOT/anneal" grade "$TMP/inbox" --rubric "$TMP/rubric.json" --in-process -o "$TMP/out-inproc" > "$TMP/inproc.txt"
grep -c '^  .* ok ' "$TMP/inproc.txt" | sed 's/^/  rows ok: /'
rm -rf "$TMP/out-proc/work"/*.json
/usr/bin/time -f "one child alone (JVM start + grading one hand-in, CDS warm): %e s wall, %U s user, peak RSS %M KB" \
  java -Xmx1536m -XX:+UseSerialGC -XX:SharedArchiveFile="$(ls "$TMP"/out-proc/work/*.jsa | head -1)" -Xlog:cds=off \
  -cp "$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*" org.anneal.handin.GradeWorker "$TMP/inbox/student-1.json" "$TMP/rubric.json" "$TMP/one.json"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
