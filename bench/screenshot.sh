#!/usr/bin/env bash
# docs/editor.png: the real editor under Xvfb (software rendering), with the first example after a run and
# the ridge node selected so the inspector shows and the parity plot of the test predictions in the Data tab. Needs Debian's xvfb and libgtk-3-0.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./anneal nodes > /dev/null   # builds when needed
CP="app/target/anneal-app.jar:app/target/lib/*"
OUT="${1:-docs/editor.png}"
xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -Danneal.home="$ROOT" \
  -Danneal.autosave.dir="$(mktemp -d)" -Danneal.recent.file="$(mktemp -d)/recent.json" \
  -Danneal.screenshot="$OUT" -Danneal.screenshot.select=ridge \
  -Danneal.screenshot.port=score:predictions -Danneal.screenshot.view=Parity \
  -cp "$CP" org.anneal.editor.EditorLauncher workflows/01-linear-regression.json
