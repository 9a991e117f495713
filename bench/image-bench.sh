#!/usr/bin/env bash
# Anneal vs numpy/scipy/PIL on the same folder of generated PNG micrographs (N images of SIZE x SIZE, grey): loading the
# folder (data.images vs PIL + numpy), phase segmentation (image.segment: Otsu, dark phase, 4-connected particles vs the
# same algorithm with numpy and scipy.ndimage.label) and the Fourier spectrum (image.fft: Hann window, power, 16 rings,
# dominant period vs numpy.fft). Anneal's times are the nodes' own (the results JSON), without JVM start; Python's are
# perf_counter around the same steps; loading is also timed against a plain ImageIO.read loop in a fresh JVM. The sides alternate, REPS runs each, medians reported; the machine load is logged.
#   bench/image-bench.sh [OUT_TXT]      (default bench/image-bench-$(date -u +%F).txt; N=500 SIZE=256 REPS=3)
# Needs Debian's python3-numpy, python3-scipy, python3-pil (/usr/bin/python3) and a built app (./anneal builds it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/image-bench-$(date -u +%F).txt}"
N=${N:-500} SIZE=${SIZE:-256} REPS=${REPS:-3}
DIR="$ROOT/bench/out/images"
IMG="$DIR/png-$N-$SIZE"
PY=/usr/bin/python3
mkdir -p "$DIR"
if [[ ! -d "$IMG" || $(ls "$IMG" | wc -l) -ne $N ]]; then
  rm -rf "$IMG"
  $PY "$ROOT/bench/image_bench.py" make "$IMG" "$N" "$SIZE" 15
fi
cat > "$DIR/image-bench.json" <<JSON
{ "format": "anneal-workflow", "version": 1, "meta": { "title": "image bench", "seed": 1, "device": "cpu" },
  "nodes": [ { "id": "load", "type": "data.images", "params": { "path": "png-$N-$SIZE", "labels": "none" } },
             { "id": "segment", "type": "image.segment" },
             { "id": "fft", "type": "image.fft", "params": { "bins": 16 } } ],
  "links": [ { "from": "load:table", "to": "segment:table" }, { "from": "segment:out", "to": "fft:table" } ] }
JSON
"$ROOT/anneal" validate "$DIR/image-bench.json" > /dev/null
: > "$DIR/anneal-runs.jsonl"; : > "$DIR/python-runs.jsonl"; : > "$DIR/loop-runs.jsonl"; LOADS=()
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
for ((i = 1; i <= REPS; i++)); do
  LOADS+=("anneal $i: $(uptime)")
  "$ROOT/anneal" run "$DIR/image-bench.json" -o "$DIR/anneal-$i.json" > /dev/null
  $PY -c "import json,sys; d=json.load(open(sys.argv[1])); t={n['id']: n['seconds'] for n in d['nodes']}; print(json.dumps({'load': t['load'], 'segment': t['segment'], 'fft': t['fft']}))" \
    "$DIR/anneal-$i.json" >> "$DIR/anneal-runs.jsonl"
  LOADS+=("imageio loop $i: $(uptime)")
  java -cp "$CP" "$ROOT/bench/ImageLoadLoop.java" "$IMG" >> "$DIR/loop-runs.jsonl"
  LOADS+=("python $i: $(uptime)")
  $PY "$ROOT/bench/image_bench.py" run "$IMG" >> "$DIR/python-runs.jsonl"
done
{
  echo "Image benchmark $(date -u +%FT%TZ): $N grey PNG micrographs of ${SIZE}x${SIZE} (bench/image_bench.py make, seed 15), $REPS runs per side, medians"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java $(java -version 2>&1 | head -1); python $($PY -c 'import sys,numpy,scipy,PIL; print(sys.version.split()[0], "numpy", numpy.__version__, "scipy", scipy.__version__, "PIL", PIL.__version__)')"
  $PY - "$DIR/anneal-runs.jsonl" "$DIR/python-runs.jsonl" "$N" "$DIR/loop-runs.jsonl" <<'PYEND'
import json, statistics, sys
a = [json.loads(l) for l in open(sys.argv[1])]
p = [json.loads(l) for l in open(sys.argv[2])]
n = int(sys.argv[3])
print("%-10s %12s %12s %14s %s" % ("step", "anneal s", "python s", "anneal img/s", "ratio anneal/python (lower is faster)"))
total_a = total_p = 0
for step in ("load", "segment", "fft"):
    ma = statistics.median(r[step] for r in a)
    mp = statistics.median(r[step] for r in p)
    total_a += ma
    total_p += mp
    print("%-10s %12.3f %12.3f %14.0f %.2f" % (step, ma, mp, n / ma, ma / mp))
print("%-10s %12.3f %12.3f %14.0f %.2f" % ("total", total_a, total_p, n / total_a, total_a / total_p))
loop = statistics.median(json.loads(l)["loop"] for l in open(sys.argv[4]))
print("load vs a plain javax.imageio.ImageIO.read loop in a fresh JVM (bench/ImageLoadLoop.java): %.3f s, ratio data.images/loop %.2f"
      % (loop, statistics.median(r["load"] for r in a) / loop))
print("python check values: mean area fraction %.4f, mean particles %.2f" % (p[0]["meanAreaFraction"], p[0]["meanParticles"]))
print("all runs: anneal %s" % a)
print("          python %s" % [{k: round(v, 3) for k, v in r.items() if k in ("load", "segment", "fft")} for r in p])
PYEND
  printf 'load: %s\n' "${LOADS[@]}"
} | tee "$OUT"
