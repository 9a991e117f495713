package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Plot;
import org.anneal.nodes.plot.SignalPlotNode;
import org.anneal.nodes.plot.SignalTraces;
import org.anneal.data.TensorColumn;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class SignalPlotNodeTest {
    /**
     * Run r1 in two windows of 10 minutes starting at 0 and 10, run r2 in one; one channel. r1 is high (100) from minute 3
     * to 6 and from 12 to 15, r2 from 1 to 2. The second window of r1 is flagged.
     */
    static Table windows() {
        double[] starts = {0, 10, 0};
        float[] v = new float[3 * 10];
        for (int r = 0; r < 3; r++) {
            for (int i = 0; i < 10; i++) {
                double t = starts[r] + i;
                boolean high = r < 2 ? (t >= 3 && t < 6) || (t >= 12 && t < 15) : t >= 1 && t < 2;
                v[r * 10 + i] = high ? 100 : 0;
            }
        }
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[] {0, 0, 1}, List.of("r1", "r2")),
                new NumericColumn("start", ColumnRole.TIME, starts, "min"),
                new TensorColumn("signal", ColumnRole.FEATURE, Shape.signal(Axis.regular("time", 10, "min", 0, 1), 1), v, new boolean[3], "°C"),
                new NumericColumn("score_flag", ColumnRole.FEATURE, new double[] {0, 1, 1})));
    }

    /** The events signals.trigger finds at level 50 in {@link #windows()}: rising 3 (3 min), falling 6, rising 12 (3), falling 15; r2 rising 1, falling 2. */
    static Table events() {
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[] {0, 0, 0, 0, 1, 1}, List.of("r1", "r2")),
                new NumericColumn("time", ColumnRole.TIME, new double[] {3, 6, 12, 15, 1, 2}, "min"),
                new CategoricalColumn("direction", ColumnRole.FEATURE, new int[] {0, 1, 0, 1, 0, 1}, List.of("rising", "falling")),
                new NumericColumn("duration", ColumnRole.FEATURE, new double[] {3, Double.NaN, 3, Double.NaN, 1, Double.NaN}, "min")));
    }

    private static Plot draw(SignalPlotNode.Params p, Table events) {
        Map<String, Object> in = new HashMap<>(Map.of("table", windows()));
        if (events != null) {
            in.put("events", events);
        }
        return PlotNodesTest.plot(new SignalPlotNode(), p, in);
    }

    @Test
    void theFirstRunIsStitchedWithItsHighStretchesAndFlaggedWindowsShaded() {
        Plot p = draw(new SignalPlotNode.Params("signal", 0, "", "", ""), events());
        assertEquals("time (min)", p.xLabel());
        assertEquals("value (°C)", p.yLabel());
        assertEquals(1, p.series().size());
        assertEquals(20, p.series().get(0).size(), "two windows of ten minutes");
        assertEquals(List.of(new Plot.Span("score_flag = 1", 10, 19), new Plot.Span(SignalTraces.EVENT_SPAN, 3, 6),
                new Plot.Span(SignalTraces.EVENT_SPAN, 12, 15)), p.spans(), "r2's event at minute 1 is not r1's");
        assertTrue(p.title().startsWith("signal of run r1, shaded"), p.title());
    }

    @Test
    void anotherRunAndAFallingEventWithoutItsRiseStartsAtItsWindow() {
        Table ev = events().rows(new int[] {3, 4, 5}); // r1's last fall alone: it was high since its window began at 10
        Plot p = draw(new SignalPlotNode.Params("signal", 1, "", "", "my title"), ev);
        assertEquals("my title", p.title());
        assertTrue(p.spans().contains(new Plot.Span(SignalTraces.EVENT_SPAN, 10, 15)), p.spans().toString());
        Plot r2 = draw(new SignalPlotNode.Params("signal", 1, "r2", "", ""), events());
        assertEquals(List.of(new Plot.Span("score_flag = 1", 0, 9), new Plot.Span(SignalTraces.EVENT_SPAN, 1, 2)), r2.spans());
        assertArrayEquals(new double[] {0, 100, 0}, java.util.Arrays.copyOf(r2.series().get(0).y(), 3));
    }

    @Test
    void badChoicesAreLocated() throws Exception {
        Specs in = Specs.of(Map.of("table", windows().spec(Lineage.UNSPLIT)));
        ConfigError channel = assertThrows(ConfigError.class, () -> new SignalPlotNode().configure(in, new SignalPlotNode.Params("signal", 2, "", "", ""),
                TestCtx.of("v")));
        assertEquals("channel", channel.param());
        ConfigError column = assertThrows(ConfigError.class, () -> new SignalPlotNode().configure(in, new SignalPlotNode.Params("start", 0, "", "", ""),
                TestCtx.of("v")));
        assertEquals("column", column.param());
        Specs noTime = Specs.of(Map.of("table", windows().spec(Lineage.UNSPLIT), "events", windows().spec(Lineage.UNSPLIT)));
        ConfigError events = assertThrows(ConfigError.class, () -> new SignalPlotNode().configure(noTime, new SignalPlotNode.Params("signal", 0, "", "", ""),
                TestCtx.of("v")));
        assertEquals("events", events.port());
        NodeFailure run = assertThrows(NodeFailure.class, () -> draw(new SignalPlotNode.Params("signal", 0, "r9", "", ""), null));
        assertTrue(run.getMessage().contains("'r9'"), run.getMessage());
    }
}
