#!/usr/bin/env bash
# Issue 15's two ratio goals, both sides in one JVM, alternating, after warm-up, medians (bench/ImageMeasureBench.java):
#   Otsu + connected components on a 2048x2048 micrograph: image.segment vs ImageJ 1 called directly (goal <= 1.1);
#   loading N PNG micrographs of 256x256: data.images vs a plain javax.imageio.ImageIO.read loop (goal <= 1.2), and the
#   bytes per pixel the loaded table holds. The machine load before and after is logged (the CPU is shared).
# bench/image-bench.sh compares the same blocks with numpy/scipy/PIL instead.
#   bench/image-measure-bench.sh [OUT_TXT]   (default bench/image-measure-bench-$(date -u +%F).txt; N=2000 REPS=5)
# Needs a built app (./anneal builds it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/image-measure-bench-$(date -u +%F).txt}"
N=${N:-2000} REPS=${REPS:-5}
DIR="$ROOT/bench/out/images/gen-png-$N-256"
"$ROOT/anneal" nodes > /dev/null # builds the app when its jar is missing or stale
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
{
  echo "Image measurement benchmark $(date -u +%FT%TZ): $REPS runs per side after warm-up, medians, both sides in one JVM (-Xmx3g)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | head -1)"
  echo "load before: $(uptime)"
  java -Xmx3g -cp "$CP" "$ROOT/bench/ImageMeasureBench.java" "$DIR" "$N" "$REPS"
  echo "load after: $(uptime)"
} | tee "$OUT"
