package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.RollingNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class RollingNodeTest {
    static final double NA = Double.NaN;

    /** A series x = 1, 2, 4, 8, 16 at minutes 0..4, stored out of time order. */
    static Table series() {
        int[] order = {3, 0, 4, 1, 2};
        double[] minute = new double[5];
        double[] x = new double[5];
        for (int i = 0; i < 5; i++) {
            minute[i] = order[i];
            x[i] = Math.pow(2, order[i]);
        }
        return new Table(List.of(new NumericColumn("minute", ColumnRole.TIME, minute), new NumericColumn("x", ColumnRole.FEATURE, x),
                new NumericColumn("y", ColumnRole.TARGET, minute.clone())));
    }

    /** The rolled column, put back into time order for easy reading. */
    static double[] roll(int window, String stat, String alignment, String fill) {
        Table out = (Table) new RollingNode().execute(Fixtures.inputs(Map.of("table", series())),
                new RollingNode.Params(List.of("x"), window, org.anneal.spec.Choices.parse(org.anneal.nodes.prepare.RollingNode.Statistic.class, stat).orElseThrow(), org.anneal.spec.Choices.parse(org.anneal.nodes.prepare.RollingNode.Alignment.class, alignment).orElseThrow(), org.anneal.spec.Choices.parse(org.anneal.nodes.prepare.RollingNode.Fill.class, fill).orElseThrow(), ""), TestCtx.of("roll")).get("out");
        double[] minute = out.numeric("minute").values();
        double[] v = out.numeric("x_" + stat + window).values();
        double[] byTime = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            byTime[(int) minute[i]] = v[i];
        }
        return byTime;
    }

    @Test
    void meansOfTheThreeAlignmentsInTimeOrder() {
        assertArrayEquals(new double[] {NA, NA, 7 / 3.0, 14 / 3.0, 28 / 3.0}, roll(3, "mean", "trailing", "none"), 1e-12);
        assertArrayEquals(new double[] {NA, 7 / 3.0, 14 / 3.0, 28 / 3.0, NA}, roll(3, "mean", "centred", "none"), 1e-12);
        assertArrayEquals(new double[] {7 / 3.0, 14 / 3.0, 28 / 3.0, NA, NA}, roll(3, "mean", "leading", "none"), 1e-12);
        // an even centred window takes its extra row from the past: rows i-2 .. i+1
        assertArrayEquals(new double[] {NA, NA, 15 / 4.0, 30 / 4.0, NA}, roll(4, "mean", "centred", "none"), 1e-12);
    }

    @Test
    void spreadAndExtremes() {
        // 1, 2, 4: mean 7/3, squared deviations 16/9 + 1/9 + 25/9 = 42/9, sample variance 21/9
        assertEquals(Math.sqrt(21 / 9.0), roll(3, "std", "trailing", "none")[2], 1e-12);
        assertArrayEquals(new double[] {NA, NA, 1, 2, 4}, roll(3, "min", "trailing", "none"));
        assertArrayEquals(new double[] {NA, NA, 4, 8, 16}, roll(3, "max", "trailing", "none"));
    }

    @Test
    void fillsCopyTheNearestCompleteWindow() {
        assertArrayEquals(new double[] {NA, 7 / 3.0, 14 / 3.0, 28 / 3.0, 28 / 3.0}, roll(3, "mean", "centred", "forward"), 1e-12);
        assertArrayEquals(new double[] {NA, NA, 7 / 3.0, 14 / 3.0, 28 / 3.0}, roll(3, "mean", "trailing", "forward"), 1e-12,
                "a trailing window is incomplete only at the start, which nothing precedes");
        assertArrayEquals(new double[] {7 / 3.0, 7 / 3.0, 7 / 3.0, 14 / 3.0, 28 / 3.0}, roll(3, "mean", "trailing", "backward"), 1e-12);
    }

    @Test
    void paramsSayWhenTheyLookAhead() {
        assertNull(new RollingNode.Params(List.of(), 3, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.TRAILING, org.anneal.nodes.prepare.RollingNode.Fill.FORWARD, "").lookAhead());
        assertTrue(new RollingNode.Params(List.of(), 3, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.CENTRED, org.anneal.nodes.prepare.RollingNode.Fill.NONE, "").lookAhead().contains("centred"));
        assertTrue(new RollingNode.Params(List.of(), 3, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.TRAILING, org.anneal.nodes.prepare.RollingNode.Fill.BACKWARD, "").lookAhead().contains("backward"));
        assertEquals(Map.of("alignment", "trailing", "fill", "none"), new RollingNode.Params(List.of(), 3, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.LEADING, org.anneal.nodes.prepare.RollingNode.Fill.BACKWARD, "").pastOnly());
    }

    @Test
    void configureAddsNamedColumnsAndRefusesTheTarget() throws Exception {
        var in = Specs.of(Map.of("table", series().spec(Lineage.UNSPLIT)));
        var out = new RollingNode().configure(in, new RollingNode.Params(List.of(), 5, org.anneal.nodes.prepare.RollingNode.Statistic.STD, org.anneal.nodes.prepare.RollingNode.Alignment.TRAILING, org.anneal.nodes.prepare.RollingNode.Fill.NONE, ""), TestCtx.of("r"));
        assertEquals(List.of("minute", "x", "y", "x_std5"), ((org.anneal.spec.TableSpec) out.get("out")).names());
        ConfigError e = assertThrows(ConfigError.class, () -> new RollingNode().configure(in,
                new RollingNode.Params(List.of("y"), 5, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.TRAILING, org.anneal.nodes.prepare.RollingNode.Fill.NONE, ""), TestCtx.of("r")));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
    }

    @Test
    void eachValueOfByIsItsOwnSeries() {
        // two furnaces logged in turn: A at minutes 0, 2, 4, 6 with 1, 2, 3, 4; B at minutes 1, 3, 5, 7 with 10, 20, 30, 40
        Table t = new Table(List.of(new org.anneal.data.CategoricalColumn("furnace", ColumnRole.GROUP, new int[] {0, 1, 0, 1, 0, 1, 0, 1},
                        List.of("A", "B")),
                new NumericColumn("minute", ColumnRole.TIME, new double[] {0, 1, 2, 3, 4, 5, 6, 7}),
                new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 10, 2, 20, 3, 30, 4, 40}),
                new NumericColumn("y", ColumnRole.TARGET, new double[8])));
        Table out = (Table) new RollingNode().execute(Fixtures.inputs(Map.of("table", t)),
                new RollingNode.Params(List.of("x"), 2, org.anneal.nodes.prepare.RollingNode.Statistic.MEAN, org.anneal.nodes.prepare.RollingNode.Alignment.TRAILING, org.anneal.nodes.prepare.RollingNode.Fill.NONE, "furnace"), TestCtx.of("roll")).get("out");
        assertArrayEquals(new double[] {NA, NA, 1.5, 15, 2.5, 25, 3.5, 35}, out.numeric("x_mean2").values(), 1e-12);
    }
}
