package org.anneal.editor;

import javafx.scene.control.SplitPane;

/**
 * Makes the data pane tall enough for a chart when one is opened. At the default window (1280 × 800) the pane
 * below the canvas is about 200 px: room for a table, but a parity plot's square area would be ~100 px and cut
 * off. A chart grows the pane to {@link #CHART_HEIGHT} (never over {@link #MAX_SHARE} of the window), once; a pane
 * the student already made taller is left alone.
 */
final class DataPaneRoom {
    /** Pane height at which a parity plot's axes, ticks and labels all fit and read at the default font. */
    static final double CHART_HEIGHT = 400;
    /** The canvas keeps at least this share of the height. */
    static final double MAX_SHARE = 0.6;

    private DataPaneRoom() {
    }

    /** Moves the divider of the vertical split {@code main} (canvas above, data below) so the data pane fits a chart. */
    static void makeRoomForChart(SplitPane main) {
        double h = main.getHeight();
        if (h <= 0 || main.getDividers().isEmpty()) {
            return;
        }
        double below = (1 - main.getDividerPositions()[0]) * h;
        double wanted = Math.min(CHART_HEIGHT, MAX_SHARE * h);
        if (below < wanted) {
            main.setDividerPosition(0, 1 - wanted / h);
        }
    }
}
