package org.anneal.nodes.signals;

import static org.anneal.nodes.signals.SignalNodesTest.CTX;
import static org.anneal.nodes.signals.SignalNodesTest.run;
import static org.anneal.nodes.signals.SignalNodesTest.signal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

/** The signal blocks of issue 11 against small cases worked by hand. */
class SignalBlocksTest {

    private static float[] values(Table t, String column) {
        return ((TensorColumn) t.column(column).orElseThrow()).values();
    }

    @Test
    void movingAverageMedianAndExponentialByHand() throws Exception {
        float[] y = {1, 2, 3, 4, 10};
        var avg = new SmoothNode.Params("signal", SmoothNode.Over.SIGNAL, SmoothNode.Method.MOVING_AVERAGE, 3, 0.5, SmoothNode.Alignment.TRAILING, "");
        assertArrayEquals(new float[] {1, 1.5f, 2, 3, 17f / 3}, values(run(new SmoothNode(), "table", signal(y, 5, 1), avg), "signal"), 1e-5f);
        var centred = new SmoothNode.Params("signal", SmoothNode.Over.SIGNAL, SmoothNode.Method.MOVING_AVERAGE, 3, 0.5, SmoothNode.Alignment.CENTRED, "");
        assertArrayEquals(new float[] {1.5f, 2, 3, 17f / 3, 7}, values(run(new SmoothNode(), "table", signal(y, 5, 1), centred), "signal"), 1e-5f);
        var median = new SmoothNode.Params("signal", SmoothNode.Over.SIGNAL, SmoothNode.Method.MEDIAN, 3, 0.5, SmoothNode.Alignment.CENTRED, "");
        assertArrayEquals(new float[] {1.5f, 2, 3, 4, 7}, values(run(new SmoothNode(), "table", signal(y, 5, 1), median), "signal"), 1e-5f);
        var ewm = new SmoothNode.Params("signal", SmoothNode.Over.SIGNAL, SmoothNode.Method.EXPONENTIAL, 3, 0.5, SmoothNode.Alignment.TRAILING, "");
        assertArrayEquals(new float[] {1, 1.5f, 2.25f, 3.125f, 6.5625f}, values(run(new SmoothNode(), "table", signal(y, 5, 1), ewm), "signal"), 1e-5f);
        assertNull(centred.lookAhead(), "within one signal window a centred window reads that window only");
    }

    static Table rows() {
        return new Table(List.of(new NumericColumn("time", ColumnRole.TIME, new double[] {2, 0, 1, 3}, "min"),
                new NumericColumn("x", ColumnRole.FEATURE, new double[] {30, 10, 20, 40}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {4, 0, 1, 9})));
    }

    @Test
    void smoothingDownRowsFollowsTimeAndACentredWindowLooksAhead() throws Exception {
        var trailing = new SmoothNode.Params("x", SmoothNode.Over.ROWS, SmoothNode.Method.MOVING_AVERAGE, 2, 0.5, SmoothNode.Alignment.TRAILING, "");
        assertArrayEquals(new double[] {25, 10, 15, 35}, run(new SmoothNode(), "table", rows(), trailing).numeric("x").values(), 1e-12);
        assertNull(trailing.lookAhead());
        var centred = new SmoothNode.Params("x", SmoothNode.Over.ROWS, SmoothNode.Method.MOVING_AVERAGE, 3, 0.5, SmoothNode.Alignment.CENTRED, "");
        assertArrayEquals(new double[] {30, 15, 20, 35}, run(new SmoothNode(), "table", rows(), centred).numeric("x").values(), 1e-12);
        assertNotNull(centred.lookAhead());
        assertEquals(Map.of("alignment", "trailing"), centred.pastOnly());
        var target = new SmoothNode.Params("y", SmoothNode.Over.ROWS, SmoothNode.Method.MOVING_AVERAGE, 3, 0.5, SmoothNode.Alignment.TRAILING, "");
        ConfigError e = assertThrows(ConfigError.class, () -> run(new SmoothNode(), "table", rows(), target));
        assertEquals("column", e.param());
    }

    @Test
    void leadsReadTheFutureAndAHorizonMakesTheFutureTheTarget() throws Exception {
        var p = new LagNode.Params(List.of("x"), List.of(1), "time", "", true, List.of(1), 2);
        Table out = run(new LagNode(), "table", rows(), p);
        // time order 0, 1, 2, 3: rows kept have one row before and two after → time 1 only
        assertArrayEquals(new double[] {1}, out.numeric("time").values());
        assertArrayEquals(new double[] {10}, out.numeric("x_lag1").values());
        assertArrayEquals(new double[] {30}, out.numeric("x_lead1").values());
        assertArrayEquals(new double[] {9}, out.numeric("y_ahead2").values());
        assertEquals(ColumnRole.TARGET, out.column("y_ahead2").orElseThrow().role());
        assertEquals(ColumnRole.FEATURE, out.column("y").orElseThrow().role(), "today's value is known today");
        assertNotNull(p.lookAhead());
        Table kept = run(new LagNode(), "table", rows(), new LagNode.Params(List.of("x"), List.of(1), "time", "", false, List.of(), 1));
        // input order (times 2, 0, 1, 3): y one step later is 9, 1, 4, missing
        assertArrayEquals(new double[] {9, 1, 4, Double.NaN}, kept.numeric("y_ahead1").values());
        assertNull(new LagNode.Params(List.of("x"), List.of(1), "time", "", true).lookAhead());
        ConfigError e = assertThrows(ConfigError.class, () -> run(new LagNode(), "table", rows(), new LagNode.Params(List.of("x"), List.of(1), "time", "",
                true, List.of(0), 0)));
        assertEquals("leads", e.param());
    }

    @Test
    void windowsCarryTheRunAndTheirStartTime() throws Exception {
        float[] v = new float[12]; // 6 samples × 2 channels, sample i: (i, 10·i)
        for (int i = 0; i < 6; i++) {
            v[2 * i] = i;
            v[2 * i + 1] = 10 * i;
        }
        Table t = signal(v, 6, 0.5);
        Table withRun = new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[] {0}, List.of("r1")),
                new NumericColumn("start", ColumnRole.TIME, new double[] {100}, "s"), t.column("signal").orElseThrow()));
        Table w = run(new WindowNode(), "table", withRun, new WindowNode.Params("signal", 3, 2));
        assertEquals(2, w.rowCount());
        assertArrayEquals(new double[] {100, 101}, w.numeric("start").values());
        assertEquals("r1", ((CategoricalColumn) w.column("run").orElseThrow()).get(1));
        assertArrayEquals(new float[] {2, 20, 3, 30, 4, 40}, java.util.Arrays.copyOfRange(values(w, "signal"), 6, 12));
        assertEquals("3×2 · 0–1 s", ((TensorColumn) w.column("signal").orElseThrow()).shape().describe());
        Table bare = run(new WindowNode(), "table", t, new WindowNode.Params("signal", 2, 2));
        assertArrayEquals(new double[] {0, 1, 2}, bare.numeric("start").values(), "no time column: the axis value of the window's start");
        assertEquals(ColumnRole.TIME, bare.column("start").orElseThrow().role());
        ConfigError e = assertThrows(ConfigError.class, () -> run(new WindowNode(), "table", t, new WindowNode.Params("signal", 7, 1)));
        assertEquals("window", e.param());
    }

    @Test
    void hysteresisKeepsNoiseAroundTheLevelFromFiring() throws Exception {
        float[] y = {0, 1.2f, 0.9f, 1.1f, 0.4f, 1.5f};
        Table t = signal(y, 6, 1);
        var p = new TriggerNode.Params("signal", 1, 1, 0.5);
        Specs specs = new TriggerNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, CTX);
        Outputs o = new TriggerNode().execute(new Inputs(Map.of("table", t), specs), p, CTX);
        Table events = (Table) o.get("events");
        Table out = (Table) o.get("out");
        assertEquals(specs.get("events"), events.spec(Lineage.UNSPLIT));
        assertEquals(specs.get("out"), out.spec(Lineage.UNSPLIT));
        assertArrayEquals(new double[] {1, 4, 5}, events.numeric("time").values());
        assertEquals(List.of("rising", "falling", "rising"), List.of(events.column("direction").orElseThrow().text(0),
                events.column("direction").orElseThrow().text(1), events.column("direction").orElseThrow().text(2)));
        assertArrayEquals(new double[] {3, 1, Double.NaN}, events.numeric("duration").values());
        assertArrayEquals(new double[] {3}, out.numeric("signal_events").values());
        assertArrayEquals(new double[] {3}, out.numeric("signal_high").values(), "high from t = 1 to t = 4");
        var bare = new TriggerNode.Params("signal", 1, 1, 0);
        Outputs o2 = new TriggerNode().execute(new Inputs(Map.of("table", t), specs), bare, CTX);
        assertArrayEquals(new double[] {5}, ((Table) o2.get("out")).numeric("signal_events").values(), "without hysteresis the dip at 0.9 fires twice");
        ConfigError e = assertThrows(ConfigError.class, () -> new TriggerNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))),
                new TriggerNode.Params("signal", 2, 1, 0), CTX));
        assertEquals("Channel 2 does not exist; 'signal' has 1.", e.getMessage());
    }

    @Test
    void statisticsOfOneChannelByHand() throws Exception {
        Table t = signal(new float[] {1, 3, 2, 6}, 4, 1);
        var p = new StatisticsNode.Params("signal", List.of("mean", "sd", "min", "max", "range", "rms", "slope", "first", "last"), List.of(), false);
        Table s = run(new StatisticsNode(), "table", t, p);
        List<String> names = s.columns().stream().map(org.anneal.data.Column::name).toList();
        assertEquals(List.of("signal_mean", "signal_sd", "signal_min", "signal_max", "signal_range", "signal_rms", "signal_slope", "signal_first",
                "signal_last"), names);
        double[] got = names.stream().mapToDouble(n -> s.numeric(n).get(0)).toArray();
        assertArrayEquals(new double[] {3, Math.sqrt(14.0 / 3), 1, 6, 5, Math.sqrt(12.5), 1.4, 1, 6}, got, 1e-12);
        assertEquals("°C/s", s.column("signal_slope").orElseThrow().unit());
        ConfigError e = assertThrows(ConfigError.class, () -> run(new StatisticsNode(), "table", t,
                new StatisticsNode.Params("signal", List.of("median"), List.of(), false)));
        assertEquals("'median' is not a statistic this block computes.", e.getMessage());
    }

    static Table xy(double[] x, double[] y) {
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.FEATURE, y)));
    }

    static Table score(Table fit, Table data, AnomalyScoreNode.Params p) throws Exception {
        Specs specs = new AnomalyScoreNode().configure(Specs.of(Map.of("fit", fit.spec(Lineage.UNSPLIT), "data", data.spec(Lineage.UNSPLIT))), p, CTX);
        return (Table) new AnomalyScoreNode().execute(new Inputs(Map.of("fit", fit, "data", data), specs), p, CTX).get("out");
    }

    @Test
    void distanceToNormalIsMahalanobisLearntOnTheFitRows() throws Exception {
        // fit: x ±1, y ±2, uncorrelated; sd x = √(4/3), sd y = √(16/3). (2, 0) lies √3 sd out; every fit row √1.5
        Table fit = xy(new double[] {-1, 1, -1, 1}, new double[] {-2, -2, 2, 2});
        Table out = score(fit, xy(new double[] {2, 0}, new double[] {0, 0}),
                new AnomalyScoreNode.Params(List.of(), AnomalyScoreNode.Method.DISTANCE, 1, 0.99, "anomaly_score"));
        assertArrayEquals(new double[] {Math.sqrt(3), 0}, out.numeric("anomaly_score").values(), 1e-9);
        assertArrayEquals(new double[] {1, 0}, out.numeric("anomaly_score_flag").values());
    }

    @Test
    void reconstructionErrorIsWhatTheAxesLeaveOut() throws Exception {
        // fit rows on y = 2x: one axis explains them; (1, −2) is orthogonal to it in standard units (1, −1): error √2
        Table fit = xy(new double[] {-1, 0, 1}, new double[] {-2, 0, 2});
        Table out = score(fit, xy(new double[] {1, 1}, new double[] {-2, 2}),
                new AnomalyScoreNode.Params(List.of(), AnomalyScoreNode.Method.RECONSTRUCTION, 1, 0.99, "err"));
        assertArrayEquals(new double[] {Math.sqrt(2), 0}, out.numeric("err").values(), 1e-6);
        ConfigError e = assertThrows(ConfigError.class, () -> score(fit, fit,
                new AnomalyScoreNode.Params(List.of(), AnomalyScoreNode.Method.RECONSTRUCTION, 2, 0.99, "err")));
        assertEquals("components", e.param());
    }

    @Test
    void aGapDropsTheTestRowsJustAfterTheBoundary() throws Exception {
        double[] time = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
        Table t = new Table(List.of(new NumericColumn("time", ColumnRole.TIME, time, "min"), new NumericColumn("x", ColumnRole.FEATURE, time)));
        var split = new org.anneal.nodes.split.TimeSplitNode();
        Specs specs = split.configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), new org.anneal.nodes.split.TimeSplitNode.Params(0.3, 1.5),
                new org.anneal.exec.StandaloneContext("split", 1, java.nio.file.Path.of(".")));
        Outputs o = split.execute(new Inputs(Map.of("table", t), specs), new org.anneal.nodes.split.TimeSplitNode.Params(0.3, 1.5), CTX);
        assertEquals(7, ((Table) o.get("train")).rowCount(), "times 0 … 6 train");
        assertArrayEquals(new double[] {8, 9}, ((Table) o.get("test")).numeric("time").values(), "time 7 lies within 1.5 of 6 and is dropped");
        var none = assertThrows(org.anneal.spec.NodeFailure.class,
                () -> split.execute(new Inputs(Map.of("table", t), specs), new org.anneal.nodes.split.TimeSplitNode.Params(0.3, 5), CTX));
        assertEquals("A gap of 5.0 after the last training time 6.0 leaves no test rows.", none.getMessage());
    }

    @Test
    void resamplingPutsIrregularChannelsOnOneGrid() throws Exception {
        Table log = new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[6], List.of("r1")),
                new NumericColumn("time", ColumnRole.TIME, new double[] {0, 1.5, 3, 0.5, 2, 2.5}, "s"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, new int[] {0, 0, 0, 1, 1, 1}, List.of("a", "b")),
                new NumericColumn("value", ColumnRole.FEATURE, new double[] {0, 3, 6, 1, 1, 5})));
        var linear = new ResampleLogNode.Params("time", "channel", "value", "run", 1, ResampleLogNode.Method.LINEAR);
        Table out = run(new ResampleLogNode(), "log", log, linear);
        assertArrayEquals(new double[] {0.5, 0.5, 1.5, 1.5, 2.5, 2.5}, out.numeric("time").values());
        assertArrayEquals(new double[] {1, 1, 3, 1, 5, 5}, out.numeric("value").values(), 1e-12);
        var previous = new ResampleLogNode.Params("time", "channel", "value", "run", 1, ResampleLogNode.Method.PREVIOUS);
        assertArrayEquals(new double[] {0, 1, 3, 1, 3, 5}, run(new ResampleLogNode(), "log", log, previous).numeric("value").values(), 1e-12);
    }

    @Test
    void aChannelWithOneSampleIsNamed() {
        Table log = new Table(List.of(new NumericColumn("time", ColumnRole.TIME, new double[] {0, 1, 0}, "s"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, new int[] {0, 0, 1}, List.of("a", "b")),
                new NumericColumn("value", ColumnRole.FEATURE, new double[] {0, 1, 2})));
        var p = new ResampleLogNode.Params("time", "channel", "value", "", 1, ResampleLogNode.Method.LINEAR);
        var e = assertThrows(org.anneal.spec.NodeFailure.class, () -> run(new ResampleLogNode(), "log", log, p));
        assertEquals("In the log, 'b' has 1 sample(s); resampling needs two.", e.getMessage());
    }

}
