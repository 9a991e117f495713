package org.anneal.editor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.ml.Plot;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

class SignalPlotsTest {
    /** Run r1: windows of 3 samples (1 min apart, 2 channels) starting at 0, 2 and 4; run r2: one window. Value = time·10 + channel. */
    static Table windows(double[] flags) {
        double[] starts = {0, 2, 4, 0};
        float[] v = new float[4 * 6];
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < 3; i++) {
                for (int ch = 0; ch < 2; ch++) {
                    v[r * 6 + i * 2 + ch] = (float) ((starts[r] + i) * 10 + ch + (r == 3 ? 100 : 0));
                }
            }
        }
        Shape s = Shape.signal(Axis.regular("time", 3, "min", 0, 1), 2);
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[] {0, 0, 0, 1}, List.of("r1", "r2")),
                new NumericColumn("start", ColumnRole.TIME, starts, "min"), new TensorColumn("signal", ColumnRole.FEATURE, s, v, new boolean[4], "°C"),
                new NumericColumn("anomaly_score_flag", ColumnRole.FEATURE, flags)));
    }

    @Test
    void theFirstRunsWindowsAreStitchedOnceEachMomentAndFlaggedWindowsShaded() {
        Map<String, Plot> charts = SignalPlots.addTo(Map.of(), windows(new double[] {0, 1, 1, 1}));
        Plot p = charts.get("Signal");
        assertEquals("signal of run r1, shaded where 'anomaly_score_flag' is 1", p.title());
        assertEquals("time (min)", p.xLabel());
        assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6}, p.series().get(0).x(), "overlapping windows give each minute once");
        assertArrayEquals(new double[] {1, 11, 21, 31, 41, 51, 61}, p.series().get(1).y(), 1e-6);
        assertEquals(2, p.series().size(), "two channels");
        assertEquals(List.of(new Plot.Span("anomaly_score_flag = 1", 2, 6)), p.spans(), "one merged interval (windows at 2 and 4 overlap)");
    }

    @Test
    void nothingFlaggedNothingShaded() {
        Plot p = SignalPlots.addTo(Map.of(), windows(new double[4])).get("Signal");
        assertEquals(2, p.series().size());
        assertEquals(List.of(), p.spans());
        assertEquals("signal of run r1", p.title());
    }
}
