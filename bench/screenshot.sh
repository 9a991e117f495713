#!/usr/bin/env bash
# The docs' screenshots: the real editor under Xvfb (software rendering) at its default layout (no divider dragged).
#   bench/screenshot.sh                      -> docs/editor.png: example 01 after a run, ridge selected, the parity plot in the Data tab
#   bench/screenshot.sh OUT.png presentation -> presentation mode (Ctrl+Shift+P) on example 01
#   bench/screenshot.sh OUT.png lesson WF    -> the lesson pane of workflow WF, nothing selected
# Needs Debian's xvfb and libgtk-3-0. docs/editor-before-after.png: keep its "before" half, put a new docs/editor.png beside it:
#   java -Djava.awt.headless=true bench/SideBySide.java docs/editor-before-after.png docs/editor.png OUT.png "After (...)"
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
./anneal nodes > /dev/null   # builds when needed
CP="app/target/anneal-app.jar:app/target/lib/*"
OUT="${1:-docs/editor.png}"
MODE="${2:-parity}"
WF="${3:-workflows/01-linear-regression.json}"
ARGS=(-Danneal.screenshot="$OUT")
case "$MODE" in
  parity) ARGS+=(-Danneal.screenshot.select=ridge -Danneal.screenshot.port=score:predictions -Danneal.screenshot.view=Parity) ;;
  presentation) ARGS+=(-Danneal.screenshot.presentation=true) ;;
  lesson) ;;
  *) echo "unknown mode $MODE (parity, presentation, lesson)" >&2; exit 2 ;;
esac
xvfb-run -a -s "-screen 0 1280x800x24" java -Dprism.order=sw -Danneal.home="$ROOT" \
  -Danneal.autosave.dir="$(mktemp -d)" -Danneal.recent.file="$(mktemp -d)/recent.json" \
  "${ARGS[@]}" -cp "$CP" org.anneal.editor.EditorLauncher "$WF"
