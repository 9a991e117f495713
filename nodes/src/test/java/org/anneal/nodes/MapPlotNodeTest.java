package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.MapPlotNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

class MapPlotNodeTest {
    /** A 3 × 2 map (x 0..2, y 0..1) with one pixel (x 2, y 1) missing, its phase label and a weight. */
    private static Table pixels(double[] x, double[] y) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.ID, x), new NumericColumn("y", ColumnRole.ID, y),
                new CategoricalColumn("phase", ColumnRole.FEATURE, new int[] {0, 0, 1, 1, 0}, List.of("ferrite", "carbide")),
                new NumericColumn("weight", ColumnRole.FEATURE, new double[] {0.1, 0.2, 0.9, 0.8, 0.3})));
    }

    private static final double[] X = {0, 1, 2, 0, 1};
    private static final double[] Y = {0, 0, 0, 1, 1};

    private static Plot map(Table t, String value) {
        return PlotNodesTest.plot(new MapPlotNode(), new MapPlotNode.Params(value, "x", "y", ""), Map.of("table", t));
    }

    @Test
    void everyValueLandsOnItsPixelAndAMissingPixelStaysBlank() {
        Plot p = map(pixels(X, Y), "weight");
        assertEquals(Plot.Kind.HEATMAP, p.kind());
        assertEquals(List.of("0", "1"), p.heatmap().rowLabels(), "rows are y, top first");
        assertEquals(List.of("0", "1", "2"), p.heatmap().colLabels(), "columns are x");
        assertTrue(p.heatmap().squareCells(), "a map's pixels keep their shape");
        assertArrayEquals(new double[] {0.1, 0.2, 0.9}, p.heatmap().values()[0]);
        assertEquals(0.8, p.heatmap().get(1, 0));
        assertEquals(0.3, p.heatmap().get(1, 1));
        assertTrue(Double.isNaN(p.heatmap().get(1, 2)), "no row at (2, 1)");
    }

    @Test
    void categoriesArePaintedByTheirNumberFromOneAndTheTitleSaysWhichIsWhich() {
        Plot p = map(pixels(X, Y), "phase");
        assertArrayEquals(new double[] {1, 1, 2}, p.heatmap().values()[0]);
        assertTrue(p.title().contains("1 = ferrite, 2 = carbide"), p.title());
    }

    @Test
    void twoRowsAtOnePixelAreNamed() {
        NodeFailure e = assertThrows(NodeFailure.class, () -> map(pixels(new double[] {0, 1, 2, 0, 0}, Y), "weight"));
        assertTrue(e.getMessage().contains("(x 0, y 1)") && e.getMessage().contains("row 5"), e.getMessage());
    }

    @Test
    void physicalCoordinatesInsteadOfPixelIndicesAreRefused() {
        NodeFailure e = assertThrows(NodeFailure.class, () -> map(pixels(new double[] {0, 0.5, 1, 0, 0.5}, Y), "weight"));
        assertTrue(e.getMessage().contains("whole number"), e.getMessage());
    }
}
