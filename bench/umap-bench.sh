#!/usr/bin/env bash
# UMAP (issue 11): prepare.umap (Tag.bio's Java port, one thread, seeded) against Debian's umap-learn 0.5.3 (random_state
# set, so also one thread and deterministic; init='random' like the port; n_neighbors 15, min_dist 0.1, same epochs) on
# 5,000 × 50 blobs (10 classes, euclidean) and 1,000 spectra × 1,000 channels (4 phases, cosine; a spectrum column in
# Anneal). Each library runs in its own fresh process: a warm-up fit (11 epochs, first 4,200 rows: JIT / numba
# compilation; its time is the cold cost a student pays once), then the timed fit; peak RSS (VmHWM) is that process's.
# Prints wall and CPU times (CPU is the fairer number on a loaded machine: both fits are single-threaded), memory, ratios
# anneal / umap-learn (below 1 = anneal faster or smaller) and the quality of both maps (trustworthiness, 10-NN class
# agreement) scored by scikit-learn.
#   bench/umap-bench.sh [EPOCHS]    default 200
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EPOCHS="${1:-200}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && mvn -o -B -q -pl nodes dependency:build-classpath -Dmdep.outputFile="$TMP/cp.txt" > /dev/null)
[[ -f "$ROOT/nodes/target/classes/org/anneal/nodes/prepare/UmapNode.class" ]] || { echo "build nodes first: mvn -o -B -pl nodes -am test-compile" >&2; exit 2; }
CP="$ROOT/nodes/target/classes:$(cat "$TMP/cp.txt")"
PY=/usr/bin/python3
echo "date: $(date -u '+%F %H:%M') UTC, cores: $(nproc), load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); umap-learn: $(dpkg-query -W -f='${Version}' umap-learn 2>/dev/null || echo '?')"
$PY "$ROOT/bench/umap_bench.py" data "$TMP"
for spec in "blobs-5000x50 euclidean columns" "spectra-1000x1000 cosine tensor"; do
  read -r name metric layout <<< "$spec"
  $PY "$ROOT/bench/umap_bench.py" fit "$TMP" "$name" "$metric" "$EPOCHS" 2>/dev/null | tee "$TMP/$name.py.txt"
  java -Xmx2g -cp "$CP" "$ROOT/bench/UmapBench.java" "$TMP" "$name" "$metric" "$EPOCHS" "$layout" | tee "$TMP/$name.java.txt"
  $PY "$ROOT/bench/umap_bench.py" score "$TMP" "$name" "$TMP/$name.anneal.f32" "$TMP/$name.umap-learn.f32" 2>/dev/null
  $PY - "$TMP/$name.java.txt" "$TMP/$name.py.txt" <<'PYEOF'
import re, sys
def nums(f):
    s = open(f).read()
    return [float(v) for v in re.search(r": ([0-9.]+) s, CPU ([0-9.]+) s, peak RSS ([0-9]+) MB \(before the fit ([0-9]+) MB\); "
                                        r"warm-up \S+ ([0-9.]+) s", s).groups()]
(ta, ca, ma, ba, wa), (tp, cp, mp, bp, wp) = nums(sys.argv[1]), nums(sys.argv[2])
print(f"ratio anneal / umap-learn: wall {ta / tp:.2f}, CPU {ca / cp:.2f}, warm-up {wa / wp:.2f}, peak RSS {ma / mp:.2f}, "
      f"growth during the fit {(ma - ba) / max(mp - bp, 1):.2f}")
PYEOF
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
