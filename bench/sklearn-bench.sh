#!/usr/bin/env bash
# Anneal vs scikit-learn on the same generated CSV (1,000,000 rows x 20 features, as the foundation benchmark):
# CSV parse, split -> standardize -> ridge, and split -> random forest on a row subsample (both sides the same rows,
# trees, depth, feature fraction, min leaf 5, one thread). Medians of REPS timed runs after a warm-up, per side.
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
LOAD_BEFORE="$(uptime)"
java $JAVA_OPTS -cp "$CP" org.anneal.bench.SklearnComparison "$CSV" "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" "$REPS" > "$DIR/anneal-side.json"
LOAD_MIDDLE="$(uptime)"
/usr/bin/python3 "$ROOT/bench/sklearn_bench.py" "$CSV" "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" "$REPS" > "$DIR/sklearn-side.json"
LOAD_AFTER="$(uptime)"
/usr/bin/python3 - "$DIR/anneal-side.json" "$DIR/sklearn-side.json" "$CSV" "$OUT" "$LOAD_BEFORE" "$LOAD_MIDDLE" "$LOAD_AFTER" \
    "$FOREST_ROWS" "$TREES" "$DEPTH" "$FRACTION" <<'PY'
import json, os, statistics, sys
a, s = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
csv, out = sys.argv[3], sys.argv[4]
size = os.path.getsize(csv)
med = lambda side, k: statistics.median(r[k] for r in side["runs"])
res = {"benchmark": "Anneal vs scikit-learn: CSV parse; split 80/20 -> standardize (fit on train) -> ridge(0.1); "
                    "random forest on the first rows",
       "csv": os.path.basename(csv), "csvBytes": size, "rows": a["runs"][0]["rows"], "features": 20,
       "forest": {"rows": int(sys.argv[8]), "trees": int(sys.argv[9]), "maxDepth": int(sys.argv[10]), "featureFraction": float(sys.argv[11]),
                  "minLeaf": 5, "threads": 1,
                  "note": "same rows (file order) and settings on both sides; the forest is subsampled to its first rows because Tribuo CART (behind model.random-forest) needs about a second per tree on a few thousand rows here"},
       "load": {"before": sys.argv[5].strip(), "between": sys.argv[6].strip(), "after": sys.argv[7].strip()},
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
