#!/usr/bin/env bash
# model.network (an MLP trained by DL4J through a workflow) vs scikit-learn's MLPRegressor (Debian python3-sklearn) on
# the same generated CSVs: 20 standard-normal features, y = sin(x1) + 0.5·x2·x3 + 0.3·x4² + 0.1·Σ rest + noise; ROWS
# training rows, ROWS/4 test rows. Same network on both sides: 20 → 64 tanh → 32 tanh → 1 linear, Adam (rate RATE),
# squared error, no weight penalty, EPOCHS epochs of batch BATCH, shuffled; one native/BLAS thread each. Anneal's time is
# the train.fit node's seconds from the results JSON (the network's whole training, listener and per-epoch loss
# included); scikit-learn's is MLPRegressor.fit. Peak memory: each process's maximum resident set (GNU time / getrusage),
# JVM and Python interpreter included; and each process's CPU time (user + system), which other processes sharing the
# cores do not inflate as they inflate wall time. The sides alternate REPS times; medians; the load is recorded before each run.
#   bench/network-bench.sh [OUT_TXT]   (default bench/network-bench-$(date -u +%F).txt)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/network-bench-$(date -u +%F).txt}"
ROWS=${ROWS:-8000} EPOCHS=${EPOCHS:-10} BATCH=${BATCH:-64} RATE=${RATE:-0.001} REPS=${REPS:-2}
DIR="$ROOT/bench/out/network"
mkdir -p "$DIR"
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
/usr/bin/python3 "$ROOT/bench/network_bench.py" data "$DIR" "$ROWS" 20
"$ROOT/anneal" validate "$ROOT/workflows/01-linear-regression.json" > /dev/null  # builds the jars first when needed
/usr/bin/python3 - "$DIR" "$EPOCHS" "$BATCH" "$RATE" <<'PY'
import json, sys
d, epochs, batch, rate = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
cols = [f"x{j + 1}" for j in range(20)]
nodes = [("train", "data.csv", {"path": "train.csv", "target": "y"}), ("test", "data.csv", {"path": "test.csv", "target": "y"}),
         ("input", "nn.input", {}), ("h1", "nn.dense", {"units": 64, "activation": "tanh"}),
         ("h2", "nn.dense", {"units": 32, "activation": "tanh"}), ("mlp", "model.network", {"epochs": epochs, "batchSize": batch}),
         ("adam", "optim.adam", {"learningRate": rate}), ("fit", "train.fit", {}), ("score", "evaluate.regression", {})]
links = [("train:table", "input:table"), ("input:network", "h1:in"), ("h1:out", "h2:in"), ("h2:out", "mlp:network"),
         ("mlp:learner", "fit:learner"), ("adam:optimizer", "fit:optimizer"), ("train:table", "fit:train"),
         ("fit:model", "score:model"), ("test:table", "score:data")]
w = {"format": "anneal-workflow", "version": 1, "meta": {"title": "network benchmark", "seed": 42, "device": "cpu"},
     "nodes": [{"id": i, "type": t, "params": p} for i, t, p in nodes], "links": [{"from": a, "to": b} for a, b in links]}
json.dump(w, open(f"{d}/mlp.json", "w"), indent=1)
PY
: > "$DIR/runs.txt"
for ((i = 1; i <= REPS; i++)); do
  echo "load before anneal $i: $(uptime)" >> "$DIR/runs.txt"
  /usr/bin/time -f "%U %S %M" -o "$DIR/anneal-time.txt" \
    env ANNEAL_OPTS="-Danneal.nativeThreads=1" "$ROOT/anneal" run "$DIR/mlp.json" --device cpu --out "$DIR/anneal-$i.json" > "$DIR/anneal-$i.log" 2>&1
  /usr/bin/python3 - "$DIR/anneal-$i.json" "$DIR/anneal-time.txt" >> "$DIR/runs.txt" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
fit = next(n["seconds"] for n in r["nodes"] if n["id"] == "fit")
user, system, rss = open(sys.argv[2]).read().split()[-3:]
print("anneal", json.dumps({"fitSeconds": fit, "processCpuSeconds": float(user) + float(system), "testR2": r["metrics"]["score"]["r2"],
                            "peakRssMiB": int(rss) / 1024}))
PY
  echo "load before sklearn $i: $(uptime)" >> "$DIR/runs.txt"
  echo "sklearn $(/usr/bin/python3 "$ROOT/bench/network_bench.py" train "$DIR" "$EPOCHS" "$BATCH" "$RATE")" >> "$DIR/runs.txt"
done
/usr/bin/python3 - "$DIR/runs.txt" "$OUT" "$ROWS" "$EPOCHS" "$BATCH" "$RATE" <<'PY'
import json, statistics, sys
runs = {"anneal": [], "sklearn": []}
loads = []
for line in open(sys.argv[1]):
    side, _, rest = line.partition(" ")
    if side in runs:
        runs[side].append(json.loads(rest))
    else:
        loads.append(line.strip())
med = {s: {k: statistics.median(r[k] for r in runs[s]) for k in ("fitSeconds", "processCpuSeconds", "peakRssMiB", "testR2")} for s in runs}
rows, epochs, batch, rate = sys.argv[3:7]
lines = [f"# bench/network-bench.sh — model.network (DL4J 1.0.0-M2.1, CPU) vs scikit-learn MLPRegressor, one thread each",
         f"data: {rows} training rows x 20 features, {int(rows) // 4} test rows (generated, seed 7); network 20-64-32-1 tanh, "
         f"Adam {rate}, {epochs} epochs, batch {batch}; medians of {len(runs['anneal'])} alternating runs",
         f"training time   anneal {med['anneal']['fitSeconds']:.2f} s   sklearn {med['sklearn']['fitSeconds']:.2f} s   "
         f"ratio anneal/sklearn {med['anneal']['fitSeconds'] / med['sklearn']['fitSeconds']:.2f}",
         f"process CPU     anneal {med['anneal']['processCpuSeconds']:.2f} s   sklearn {med['sklearn']['processCpuSeconds']:.2f} s   "
         f"ratio {med['anneal']['processCpuSeconds'] / med['sklearn']['processCpuSeconds']:.2f}  (user+system of the whole process: "
         "start-up, CSV reading and scoring included; robust to other processes sharing the cores)",
         f"peak memory     anneal {med['anneal']['peakRssMiB']:.0f} MiB   sklearn {med['sklearn']['peakRssMiB']:.0f} MiB   "
         f"ratio {med['anneal']['peakRssMiB'] / med['sklearn']['peakRssMiB']:.2f}  (whole process: JVM + ND4J natives vs Python + NumPy)",
         f"test R²         anneal {med['anneal']['testR2']:.3f}   sklearn {med['sklearn']['testR2']:.3f}",
         "runs:"] + [f"  {s} {json.dumps(r)}" for s in runs for r in runs[s]] + ["loads:"] + [f"  {l}" for l in loads]
open(sys.argv[2], "w").write("\n".join(lines) + "\n")
print("\n".join(lines[:7]))
PY
echo "wrote $OUT"
