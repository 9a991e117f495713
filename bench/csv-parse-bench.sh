#!/usr/bin/env bash
# CSV parse before/after the byte-level reader (org.anneal.bench.CsvParseBench) on the generated 1,000,000 x 20 CSV
# that bench/sklearn-bench.sh also uses; both readers alternate in one process. Writes the JSON with `uptime` lines.
#   bench/csv-parse-bench.sh [OUT_JSON]   (default bench/csv-parse-bench-$(date -u +%F).json; CSV=... to reuse a file)
# Needs a built app (mvn -o -B -DskipTests package -pl nodes,app -am).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/bench/csv-parse-bench-$(date -u +%F).json}"
CSV="${CSV:-$ROOT/bench/out/synthetic-1000000x20.csv}"
REPS=${REPS:-5}
CP="$ROOT/app/target/anneal-app.jar:$ROOT/app/target/lib/*"
java -cp "$CP" org.anneal.bench.GenerateCsv "$CSV" 1000000 20
BEFORE="$(uptime)"
java ${JAVA_OPTS:--Xmx4g} -cp "$CP" org.anneal.bench.CsvParseBench "$CSV" "$REPS" > "$OUT.tmp"
AFTER="$(uptime)"
/usr/bin/python3 - "$OUT.tmp" "$OUT" "$BEFORE" "$AFTER" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["uptimeBefore"], d["uptimeAfter"] = sys.argv[3].strip(), sys.argv[4].strip()
json.dump(d, open(sys.argv[2], "w"), indent=1)
print(json.dumps({k: d[k] for k in ("medians", "speedupWall", "speedupCpu", "uptimeBefore", "uptimeAfter")}, indent=1))
PY
rm -f "$OUT.tmp"
echo "wrote $OUT"
