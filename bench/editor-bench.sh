#!/usr/bin/env bash
# Editor benchmarks under a real X display (Xvfb): start-up to first frame (Anneal vs an empty JavaFX window,
# measured in the same run), and open + lay out + pan a 500-node workflow vs the 8-node first example.
# Needs Debian's xvfb and libgtk-3-0. Writes bench/editor-bench-<date>[$ANNEAL_BENCH_SUFFIX].txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./anneal nodes > /dev/null   # builds when needed
CP="app/target/anneal-app.jar:app/target/lib/*"
OUT="bench/editor-bench-$(date +%F)${ANNEAL_BENCH_SUFFIX:-}.txt"   # ANNEAL_BENCH_SUFFIX=-name keeps earlier runs of the day
{
  echo "# $(date -Is) $(nproc) cores, $(java -version 2>&1 | head -1)"
  echo "# load before: $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; other builds on this machine slow every number down)"
  # the class-data-sharing archive `./anneal edit` keeps (see the launcher), recorded once here
  JSA="$(mktemp -d)/edit.jsa"
  xvfb-run -a -s "-screen 0 1280x800x24" java -XX:ArchiveClassesAtExit="$JSA" -Xlog:cds=off -Xlog:cds+dynamic=off -Danneal.home="$ROOT" \
    -Danneal.startupProbe=true -cp "$CP" org.anneal.editor.EditorLauncher workflows/01-linear-regression.json > /dev/null 2>&1 || true
  for i in 1 2 3 4 5; do
    a=$(xvfb-run -a -s "-screen 0 1280x800x24" java -Danneal.home="$ROOT" -Danneal.startupProbe=true -cp "$CP" org.anneal.editor.EditorLauncher workflows/01-linear-regression.json 2>/dev/null | grep -o '[0-9]* ms' || true)
    c=$(xvfb-run -a -s "-screen 0 1280x800x24" java -XX:SharedArchiveFile="$JSA" -Xlog:cds=off -Danneal.home="$ROOT" -Danneal.startupProbe=true -cp "$CP" org.anneal.editor.EditorLauncher workflows/01-linear-regression.json 2>/dev/null | grep -o '[0-9]* ms' || true)
    b=$(xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$CP" org.anneal.editor.EmptyWindow 2>/dev/null | grep -o '[0-9]* ms' || true)
    echo "startup run $i: anneal first frame $a, with the launcher's class-data-sharing archive $c, empty JavaFX window $b"
  done
  xvfb-run -a -s "-screen 0 1280x800x24" java -Danneal.home="$ROOT" -cp "$CP" org.anneal.editor.EditorBench 2>/dev/null
  echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"
