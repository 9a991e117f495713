#!/usr/bin/env bash
# Anneal vs scikit-learn on the same generated CSV (1,000,000 rows x 20 features, as the foundation benchmark):
# CSV parse, split -> standardize -> ridge, and split -> random forest on a row subsample (both sides the same rows,
# trees, depth, feature fraction, min leaf 5, one thread). The sides alternate, one process per timed run (each
# after its own warm-up); medians of REPS runs per side.
#   bench/sklearn-bench.sh [OUT_JSON]        (default bench/sklearn-bench-$(date +%F).json)
# Needs Debian's python3-sklearn and python3-pandas (/usr/bin/python3, not a pyenv shim) and a built app
# (mvn -o -B -DskipTests package -pl nodes,app -am).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/sklearn-bench-$(date -u +%F).json}"
ROWS=1000000 FEATURES=20 FOREST_ROWS=${FOREST_ROWS:-10000} TREES=${TREES:-20} DEPTH=${DEPTH:-8} FRACTION=${FRACTION:-0.5} REPS=${REPS:-3}
DIR="$ROOT/bench/out"
CSV="$DIR/synthetic-${ROWS}x${FEATURES}.csv"
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
JAVA_OPTS=${JAVA_OPTS:--Xmx6g}
mkdir -p "$DIR"
java -cp "$CP" org.anneal.bench.GenerateCsv "$CSV" "$ROWS" "$FEATURES"
# the sides alternate, one timed run per process (after its own warm-up), so a change in the shared machine's load
# falls on both; the load is recorded before every run
LOADS=()
: > "$DIR/anneal-runs.jsonl"; : > "$DIR/sklearn-runs.jsonl"
for ((i = 1; i <= REPS; i++)); do
  LOADS+=("anneal $i: $(uptime)")
  java $JAVA_OPTS -cp "$CP" org.anneal.bench.SklearnComparison "$CSV" "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" 1 | tr -d '\n' >> "$DIR/anneal-runs.jsonl"
  echo >> "$DIR/anneal-runs.jsonl"
  LOADS+=("sklearn $i: $(uptime)")
  /usr/bin/python3 "$ROOT/bench/sklearn_bench.py" "$CSV" "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" 1 | tr -d '\n' >> "$DIR/sklearn-runs.jsonl"
  echo >> "$DIR/sklearn-runs.jsonl"
done
LOADS+=("end: $(uptime)")
printf '%s\n' "${LOADS[@]}" > "$DIR/loads.txt"
/usr/bin/python3 - "$DIR/anneal-runs.jsonl" "$DIR/sklearn-runs.jsonl" "$CSV" "$OUT" "$DIR/loads.txt" \
    "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" <<'PY'
import json, os, statistics, sys
def merged(path):
    parts = [json.loads(line) for line in open(path) if line.strip()]
    out = dict(parts[0])
    out["runs"] = [r for p in parts for r in p["runs"]]
    return out
a, s = merged(sys.argv[1]), merged(sys.argv[2])
csv, out = sys.argv[3], sys.argv[4]
size = os.path.getsize(csv)
med = lambda side, k: statistics.median(r[k] for r in side["runs"])
res = {"benchmark": "Anneal vs scikit-learn: CSV parse; split 80/20 -> standardize (fit on train) -> ridge(0.1); "
                    "random forest on the first rows",
       "csv": os.path.basename(csv), "csvBytes": size, "rows": a["runs"][0]["rows"], "features": 20,
       "forest": {"rows": int(sys.argv[6]), "trees": int(sys.argv[7]), "maxDepth": int(sys.argv[8]), "featureFraction": float(sys.argv[9]),
                  "minLeaf": 5, "threads": 1,
                  "note": "same rows (file order) and settings on both sides; the forest is subsampled to its first rows because Tribuo CART (behind model.random-forest) needs about a second per tree on a few thousand rows here"},
       "loadBeforeEachRun": [l.strip() for l in open(sys.argv[5]) if l.strip()],
       "method": "sides alternate, one process per timed run, each after its own warm-up run; medians over the runs",
       "anneal": a, "sklearn": s, "medians": {}, "ratiosAnnealOverSklearn": {}}
for k in ("parseSeconds", "ridgeSeconds", "forestSeconds"):
    res["medians"][k] = {"anneal": med(a, k), "sklearn": med(s, k)}
    res["ratiosAnnealOverSklearn"][k] = med(a, k) / med(s, k)
for side, d in (("anneal", a), ("sklearn", s)):
    p = med(d, "parseSeconds")
    res["medians"].setdefault("parseMBperSecond", {})[side] = size / 1e6 / p
    res["medians"].setdefault("parseRowsPerSecond", {})[side] = d["runs"][0]["rows"] / p
    res["medians"].setdefault("ridgeR2", {})[side] = med(d, "ridgeR2")
    res["medians"].setdefault("forestR2", {})[side] = med(d, "forestR2")
json.dump(res, open(out, "w"), indent=1)
print(json.dumps({"medians": res["medians"], "ratios": res["ratiosAnnealOverSklearn"]}, indent=1))
PY
echo "wrote $OUT"
