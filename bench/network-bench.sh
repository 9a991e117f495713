#!/usr/bin/env bash
# Networks: Anneal vs scikit-learn, vs plain DL4J, and the editor's configure time, with ratios measured in one run.
#  1. MLP on ROWS × 20 (generated: y = sin(x1) + 0.5·x2·x3 + 0.3·x4² + 0.1·Σ rest + noise; ROWS/4 validation rows):
#     model.network through a workflow vs scikit-learn's MLPRegressor (Debian python3-sklearn). Same network on both
#     sides: 20 → 64 → 32 → 1 linear, activation ACT (relu, scikit-learn's default; tanh costs DL4J twice: libnd4j's
#     generic x86-64 build evaluates it once forward and again in its backward op), Adam (rate RATE), squared error, no penalty, EPOCHS epochs of batch BATCH
#     (scikit-learn's default batch), shuffled, one native/BLAS thread. Time = Anneal's train.fit node seconds (table to
#     arrays, first ND4J load, listener included) vs MLPRegressor.fit, in wall seconds and in CPU seconds of the training
#     thread (Anneal's trainer logs them; the 8 helpers sharing 2 cores inflate wall time, CPU time much less); both
#     validation MSEs are printed. Time to the same validation loss: the direct loop below keeps training until its
#     validation MSE reaches scikit-learn's and reports how many epochs and CPU seconds that took.
#  2. Executor overhead: that train.fit time vs the same DL4J network and loop written directly (bench/NetworkDirect.java),
#     with the ND4J settings and minibatch arrays Anneal uses ("tuned"), both including the first ND4J load (the fit node
#     pays it on first use; the direct side times it apart); and the loop a DL4J user writes ("default": DL4J as it comes,
#     a new array per minibatch), the before/after of org.anneal.device.Nd4jRuntime and the trainer's refilled arrays.
#  3. CNN on 64×64 grey images (conv 16 3×3 relu, max-pool, conv 32, max-pool, global max, dense 16 tanh, softmax):
#     images/s training and inference through a workflow (data.generate-micrographs) vs plain DL4J, 1 and 2 threads.
#  4. Editor: configure (validate, shapes of every block) of a chain of 30 dense layers, headless, no native load.
# Processes alternate; medians of REPS; the load is recorded before each run (2 cores shared with other work).
#   bench/network-bench.sh [OUT_TXT]   (default bench/network-bench-$(date -u +%F).txt)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/network-bench-$(date -u +%F).txt}"
ROWS=${ROWS:-100000} EPOCHS=${EPOCHS:-5} BATCH=${BATCH:-200} RATE=${RATE:-0.001} REPS=${REPS:-2} ACT=${ACT:-relu}
IMAGES=${IMAGES:-400} CNN_EPOCHS=${CNN_EPOCHS:-2} CNN_BATCH=${CNN_BATCH:-32}
DIR="$ROOT/bench/out/network"
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
mkdir -p "$DIR"
export OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
/usr/bin/python3 "$ROOT/bench/network_bench.py" data "$DIR" "$ROWS" 20
"$ROOT/anneal" validate "$ROOT/workflows/01-linear-regression.json" > /dev/null  # builds the jars first when needed
/usr/bin/python3 "$ROOT/bench/network_bench.py" workflows "$DIR" "$EPOCHS" "$BATCH" "$RATE" "$IMAGES" "$CNN_EPOCHS" "$CNN_BATCH" "$ACT"
RUNS="$DIR/runs.txt"
: > "$RUNS"
load() { echo "load before $1: $(uptime)" >> "$RUNS"; }
anneal_run() {  # label workflow threads; its own temp folder, so the trainer's log line is this run's
  rm -rf "$DIR/tmp-$1" && mkdir -p "$DIR/tmp-$1"
  /usr/bin/time -f "%U %S %M" -o "$DIR/time.txt" env ANNEAL_OPTS="-Danneal.nativeThreads=$3 -Djava.io.tmpdir=$DIR/tmp-$1" "$ROOT/anneal" run "$2" \
    --device cpu --out "$DIR/$1.json" > "$DIR/$1.log" 2>&1 || true  # exit 1: the static rule L1 cannot see that test.csv is a separate file
  echo "$1 $(/usr/bin/python3 "$ROOT/bench/network_bench.py" result "$DIR/$1.json" "$DIR/time.txt" "$DIR/tmp-$1")" >> "$RUNS"
}
direct() {  # label threads args...
  local label=$1 threads=$2
  shift 2
  echo "$label $(OMP_NUM_THREADS=$threads java -cp "$CP" "$ROOT/bench/NetworkDirect.java" "$@" 2> "$DIR/$label.err" | tail -1)" >> "$RUNS"
}
for ((i = 1; i <= REPS; i++)); do
  load "sklearn $i"; SK="$(OMP_NUM_THREADS=1 /usr/bin/python3 "$ROOT/bench/network_bench.py" train "$DIR" "$EPOCHS" "$BATCH" "$RATE" "$ACT")"
  echo "sklearn $SK" >> "$RUNS"
  load "anneal mlp $i"; anneal_run anneal-mlp "$DIR/mlp.json" 1
  TARGET="$(/usr/bin/python3 -c 'import json,sys; print(json.loads(sys.argv[1])["validationMse"])' "$SK")"
  load "direct tuned $i"; direct direct-mlp-tuned 1 mlp "$DIR/train.csv" "$EPOCHS" "$BATCH" "$RATE" tuned "$ACT" "$DIR/test.csv" "$TARGET"
  load "direct default $i"; direct direct-mlp-default 1 mlp "$DIR/train.csv" "$EPOCHS" "$BATCH" "$RATE" default "$ACT"
done
for t in 1 2; do
  load "anneal cnn $t threads"; anneal_run "anneal-cnn-$t" "$DIR/cnn.json" "$t"
  load "direct cnn $t threads"; direct "direct-cnn-$t" "$t" cnn "$IMAGES" "$CNN_EPOCHS" "$CNN_BATCH" tuned
done
load "configure"; direct configure 1 configure "$DIR/chain30.json" 40
/usr/bin/python3 "$ROOT/bench/network_bench.py" report "$RUNS" "$OUT" "$ROWS" "$EPOCHS" "$BATCH" "$RATE" "$IMAGES" "$CNN_EPOCHS" "$CNN_BATCH" "$ACT"
echo "wrote $OUT"
