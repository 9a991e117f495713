package org.anneal.editor;

import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * Zoom on a line or scatter chart: drag across an x range to see only it (y refits to what lies there: a small peak
 * of a spectrum fills the height), double-click to see the whole plot again. A translucent band shows the range while
 * dragging; a drag shorter than a few pixels is a click, not a zoom.
 */
final class ChartZoom {
    /** Drags shorter than this (pixels) do not zoom. */
    static final double MIN_DRAG = 6;

    private ChartZoom() {
    }

    static void install(PlotChart chart) {
        Rectangle band = new Rectangle();
        band.getStyleClass().add("zoom-band");
        band.setFill(Color.rgb(66, 133, 244, 0.15));
        band.setStroke(Color.rgb(66, 133, 244, 0.6));
        band.setManaged(false);
        band.setMouseTransparent(true);
        double[] start = new double[1];
        chart.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && chart.xScale() != null) {
                start[0] = e.getX();
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (chart.xScale() == null) {
                return;
            }
            band.setX(Math.min(start[0], e.getX()));
            band.setWidth(Math.abs(e.getX() - start[0]));
            band.setY(chart.yScale().pixelEnd());
            band.setHeight(Math.abs(chart.yScale().pixelStart() - chart.yScale().pixelEnd()));
            if (!chart.layers().contains(band)) {
                chart.layers().add(band);
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            chart.layers().remove(band);
            if (chart.xScale() != null && Math.abs(e.getX() - start[0]) >= MIN_DRAG) {
                chart.zoomTo(chart.xScale().toData(start[0]), chart.xScale().toData(e.getX()));
            }
        });
        chart.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && chart.zoomRange() != null) {
                chart.resetZoom();
            }
        });
    }
}
