#!/usr/bin/env bash
# One-command GPU check, for a machine with an NVIDIA GPU (CI has none; nothing here runs in .ci/run).
# Builds Anneal with ND4J's CUDA 11.6 backend (-Pgpu) when the build lacks it, runs the same workflow once with
# `--device cpu` and once with `--device gpu` (each its own process: ND4J's backend is chosen per process), and checks:
#   - the GPU run really ran on the GPU (provenance device.native.device = gpu, backend JCublasBackend), or prints the
#     selector's reason (no driver, old driver, compute capability newer than 8.x, no CUDA backend in the build);
#   - every metric agrees with the CPU run within TOL (relative; absolute below 1e-3): float32 sums in another order
#     give slightly different numbers, not different conclusions;
#   - the time ratio cpu/gpu of the training node and of the whole run.
#   bench/gpu-check.sh [WORKFLOW.json]   (default workflows/22-cnn-micrographs.json; TOL=0.05; THREADS=1 native threads)
# Exit 0 when the GPU ran and the metrics agree, 1 otherwise; writes bench/gpu-check-$(date -u +%F).txt.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WF="${1:-$ROOT/workflows/22-cnn-micrographs.json}"
TOL=${TOL:-0.05} THREADS=${THREADS:-1}
DIR="$ROOT/bench/out/gpu-check"
OUT="$ROOT/bench/gpu-check-$(date -u +%F).txt"
mkdir -p "$DIR"
# (re)build with -Pgpu when the CUDA backend is missing or the sources are newer than the jar: ./anneal would
# otherwise rebuild without it; BUILD=0 skips this (to try the comparison on a machine without a GPU)
if [[ "${BUILD:-1}" == 1 ]] && { ! ls "$ROOT"/app/target/lib/ 2>/dev/null | grep -q '^nd4j-cuda' \
    || [[ -n "$(find "$ROOT/nodes/src/main" "$ROOT/app/src/main" -newer "$ROOT/app/target/anneal-app.jar" -print -quit 2>/dev/null)" ]]; }; then
  echo "gpu-check: building with the CUDA backend (mvn -Pgpu; the first build downloads ~1 GB)..." >&2
  (cd "$ROOT" && mvn -B -Pgpu -DskipTests install -pl nodes,app -am) > "$DIR/build.log" 2>&1 || { tail -30 "$DIR/build.log"; exit 1; }
fi
command -v nvidia-smi > /dev/null && nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv,noheader > "$DIR/gpu.txt" 2>&1 || true
for dev in cpu gpu; do
  echo "load before $dev: $(uptime)" >> "$DIR/gpu.txt"
  ANNEAL_OPTS="-Danneal.nativeThreads=$THREADS" ANNEAL_DEVICE=$dev "$ROOT/anneal" run "$WF" --device "$dev" --out "$DIR/$dev.json" \
    > "$DIR/$dev.log" 2>&1 || true
done
/usr/bin/python3 - "$DIR" "$TOL" "$WF" "$OUT" <<'PY'
import json, sys
d, tol, wf, out = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {k: json.load(open(f"{d}/{k}.json")) for k in ("cpu", "gpu")}
lines = [f"# bench/gpu-check.sh {wf}", open(f"{d}/gpu.txt").read().strip()]
ok = True
dev = runs["gpu"]["provenance"]["device"]
native = dev.get("native") or {}
if dev.get("used") != "gpu" or native.get("device") != "gpu":
    ok = False
    lines.append(f"GPU NOT USED: selector chose {dev.get('used')} ({dev.get('reason', 'no reason given')}); ND4J ran on "
                 f"{native.get('backend', 'nothing (no network in the workflow?)')}")
else:
    lines.append(f"GPU run: {native}")
for node, metrics in runs["cpu"]["metrics"].items():
    for name, c in metrics.items():
        g = runs["gpu"]["metrics"].get(node, {}).get(name)
        if not isinstance(c, (int, float)) or g is None:
            continue
        diff = abs(g - c) if abs(c) < 1e-3 else abs(g - c) / abs(c)
        bad = diff > tol
        ok &= not bad
        lines.append(f"  {node}.{name:<16} cpu {c:<12.6g} gpu {g:<12.6g} {'DIFFERS' if bad else 'ok'} ({diff:.3g})")
secs = {k: {n["id"]: n.get("seconds") or 0 for n in r["nodes"]} for k, r in runs.items()}
slow = max(secs["cpu"], key=lambda n: secs["cpu"][n])
lines.append(f"time: slowest node '{slow}' cpu {secs['cpu'][slow]:.2f} s gpu {secs['gpu'][slow]:.2f} s ratio cpu/gpu "
             f"{secs['cpu'][slow] / max(secs['gpu'][slow], 1e-3):.2f}; whole run cpu {runs['cpu']['provenance']['totalSeconds']:.2f} s "
             f"gpu {runs['gpu']['provenance']['totalSeconds']:.2f} s")
lines.append("RESULT: " + ("PASS" if ok else "FAIL"))
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
sys.exit(0 if ok else 1)
PY
