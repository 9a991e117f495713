package org.anneal.nodes.signals;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class SignalNodesTest {
    static final StandaloneContext CTX = new StandaloneContext("sig", 3, Path.of("."));

    /** Configures (checking the promised spec) and runs a node with one table input. */
    static <P extends Record> Table run(Node<P> node, String port, Table t, P p) throws Exception {
        Specs specs = node.configure(Specs.of(Map.of(port, t.spec(Lineage.UNSPLIT))), p, CTX);
        Table out = (Table) node.execute(new Inputs(Map.of(port, t), specs), p, CTX).get("out");
        assertEquals(specs.get("out"), out.spec(Lineage.UNSPLIT), "configure promises what execute delivers");
        return out;
    }

    /** Two runs, channels a and b, times 0…4 (run r2 listed backwards); a = 10·t + run, b = −t; flag 1 at t = 3 of r1. */
    static Table log() {
        List<Integer> run = new ArrayList<>();
        List<Integer> ch = new ArrayList<>();
        List<Double> time = new ArrayList<>();
        List<Double> value = new ArrayList<>();
        List<Double> flag = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            for (int k = 0; k < 5; k++) {
                int t = r == 0 ? k : 4 - k;
                for (int c = 0; c < 2; c++) {
                    run.add(r);
                    ch.add(c);
                    time.add((double) t);
                    value.add(c == 0 ? 10.0 * t + r : -t);
                    flag.add(r == 0 && t == 3 ? 1.0 : 0.0);
                }
            }
        }
        return new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, run.stream().mapToInt(i -> i).toArray(), List.of("r1", "r2")),
                new NumericColumn("time", ColumnRole.TIME, time.stream().mapToDouble(d -> d).toArray(), "s"),
                new CategoricalColumn("channel", ColumnRole.FEATURE, ch.stream().mapToInt(i -> i).toArray(), List.of("a", "b")),
                new NumericColumn("value", ColumnRole.FEATURE, value.stream().mapToDouble(d -> d).toArray()),
                new NumericColumn("flag", ColumnRole.IGNORE, flag.stream().mapToDouble(d -> d).toArray())));
    }

    static ProcessLogNode.Params windows(List<String> channels, double step, int window, int stride) {
        return new ProcessLogNode.Params("time", "channel", "value", "run", channels, step, window, stride, List.of("flag"), "signal");
    }

    @Test
    void processLogCutsEachRunIntoWindowsOfTimeByChannel() throws Exception {
        Table w = run(new ProcessLogNode(), "log", log(), windows(List.of("b", "a"), 1, 3, 2));
        assertEquals(4, w.rowCount(), "windows at t = 0 and 2 in each run of 5 samples");
        assertEquals(List.of("r1", "r1", "r2", "r2"), List.of(((CategoricalColumn) w.column("run").orElseThrow()).get(0),
                ((CategoricalColumn) w.column("run").orElseThrow()).get(1), ((CategoricalColumn) w.column("run").orElseThrow()).get(2),
                ((CategoricalColumn) w.column("run").orElseThrow()).get(3)));
        assertArrayEquals(new double[] {0, 2, 0, 2}, w.numeric("start").values());
        assertArrayEquals(new double[] {0, 1, 0, 0}, w.numeric("flag").values(), "the window holding t = 3 of r1 is flagged");
        TensorColumn s = (TensorColumn) w.column("signal").orElseThrow();
        assertEquals("3×2 · 0–2 s", s.shape().describe());
        // row 4 = r2 from t = 2: (b, a) at t = 2, 3, 4
        assertArrayEquals(new float[] {-2, 21, -3, 31, -4, 41}, java.util.Arrays.copyOfRange(s.values(), 18, 24));
    }

    @Test
    void aGapARepeatOrAWrongStepIsNamedByRunAndTime() throws Exception {
        Table t = log();
        int[] without = java.util.stream.IntStream.range(0, t.rowCount()).filter(r -> r != 3).toArray(); // r1, t = 1, channel b
        NodeFailure e = assertThrows(NodeFailure.class, () -> run(new ProcessLogNode(), "log", t.rows(without), windows(List.of("a", "b"), 1, 3, 3)));
        assertEquals("In run 'r1', 'b' has no value at time 1.", e.getMessage());
        int[] twice = java.util.stream.IntStream.range(0, t.rowCount() + 1).map(r -> r == t.rowCount() ? 0 : r).toArray();
        e = assertThrows(NodeFailure.class, () -> run(new ProcessLogNode(), "log", t.rows(twice), windows(List.of("a", "b"), 1, 3, 3)));
        assertEquals("In run 'r1', 'a' has two values at time 0.", e.getMessage());
        e = assertThrows(NodeFailure.class, () -> run(new ProcessLogNode(), "log", t, windows(List.of("a", "b"), 3, 2, 1)));
        assertEquals("In run 'r1' the time 1 is not on the grid of step 3 from 0.", e.getMessage());
        ConfigError c = assertThrows(ConfigError.class, () -> run(new ProcessLogNode(), "log", t,
                new ProcessLogNode.Params("channel", "channel", "value", "run", List.of("a"), 1, 3, 3, List.of(), "signal")));
        assertEquals("Column 'channel' must hold numbers.", c.getMessage());
    }

    static Table signal(float[] values, int n, double dt) {
        var shape = org.anneal.spec.Shape.signal(org.anneal.spec.Axis.regular("time", n, "s", 0, dt), values.length / n);
        return new Table(List.of(new TensorColumn("signal", ColumnRole.FEATURE, shape, values, new boolean[1], "°C")));
    }

    @Test
    void derivativeIsNumpysGradient() throws Exception {
        // y = t² at t = 0, 0.5, 1, 1.5, 2: numpy.gradient gives 0.5, 1, 2, 3, 3.5; twice: 1, 1.5, 2, 1.5, 1
        float[] y = {0, 0.25f, 1, 2.25f, 4};
        Table d = run(new DerivativeNode(), "table", signal(y, 5, 0.5), new DerivativeNode.Params("signal", 1));
        TensorColumn c = (TensorColumn) d.column("signal").orElseThrow();
        assertArrayEquals(new float[] {0.5f, 1, 2, 3, 3.5f}, c.values(), 1e-6f);
        assertEquals("°C/s", c.unit());
        Table d2 = run(new DerivativeNode(), "table", signal(y, 5, 0.5), new DerivativeNode.Params("signal", 2));
        assertArrayEquals(new float[] {1, 1.5f, 2, 1.5f, 1}, ((TensorColumn) d2.column("signal").orElseThrow()).values(), 1e-6f);
    }

    @Test
    void fftAmplitudesOfCosinesThatFitTheWindow() throws Exception {
        // n = 8, Δt = 0.25 s: bins every 0.5 Hz; y = 3 + 2·cos(2π·1 Hz·t) + 0.5·cos(2π·2 Hz·t) (2 Hz is Nyquist)
        float[] y = new float[8];
        for (int i = 0; i < 8; i++) {
            double t = i * 0.25;
            y[i] = (float) (3 + 2 * Math.cos(2 * Math.PI * t) + 0.5 * Math.cos(2 * Math.PI * 2 * t));
        }
        Table f = run(new FftNode(), "table", signal(y, 8, 0.25), new FftNode.Params("signal", false));
        TensorColumn c = (TensorColumn) f.column("signal").orElseThrow();
        assertEquals("5×1 · 0–2 Hz", c.shape().describe());
        assertArrayEquals(new float[] {3, 0, 2, 0, 0.5f}, c.values(), 1e-5f);
        Table centred = run(new FftNode(), "table", signal(y, 8, 0.25), new FftNode.Params("signal", true));
        assertEquals(0, ((TensorColumn) centred.column("signal").orElseThrow()).values()[0], 1e-6);
        // n = 6 (no power of two): sin at one cycle per window, amplitude 1.5, two channels side by side
        float[] two = new float[12];
        for (int i = 0; i < 6; i++) {
            two[2 * i] = (float) (1.5 * Math.sin(2 * Math.PI * i / 6));
            two[2 * i + 1] = i % 2 == 0 ? 1 : -1;
        }
        TensorColumn g = (TensorColumn) run(new FftNode(), "table", signal(two, 6, 1), new FftNode.Params("signal", false)).column("signal").orElseThrow();
        assertArrayEquals(new float[] {0, 0, 1.5f, 0, 0, 0, 0, 1}, g.values(), 1e-5f);
    }

    @Test
    void lagsStayInsideTheirGroupAndFollowTime() throws Exception {
        // group g2 listed first and out of time order
        Table t = new Table(List.of(new CategoricalColumn("run", ColumnRole.GROUP, new int[] {1, 1, 1, 0, 0, 0}, List.of("g1", "g2")),
                new NumericColumn("time", ColumnRole.TIME, new double[] {2, 0, 1, 0, 1, 2}),
                new NumericColumn("x", ColumnRole.FEATURE, new double[] {12, 10, 11, 0, 1, 2})));
        Table kept = run(new LagNode(), "table", t, new LagNode.Params(List.of("x"), List.of(1), "time", "run", false));
        assertArrayEquals(new double[] {11, Double.NaN, 10, Double.NaN, 0, 1}, kept.numeric("x_lag1").values());
        Table dropped = run(new LagNode(), "table", t, new LagNode.Params(List.of("x"), List.of(1, 2), "time", "run", true));
        assertArrayEquals(new double[] {12, 2}, dropped.numeric("x").values());
        assertArrayEquals(new double[] {10, 0}, dropped.numeric("x_lag2").values());
        ConfigError e = assertThrows(ConfigError.class, () -> run(new LagNode(), "table", t, new LagNode.Params(List.of("x"), List.of(-1), "time", "run", true)));
        assertTrue(e.getMessage().startsWith("Lag -1 would read 1 row(s) into the future"), e.getMessage());
    }

    @Test
    void furnaceFaultsLeaveTheirSignaturesInTheLog() throws Exception {
        Table log = FurnaceRuns.generate(30, 240, 0.8, 11);
        Table w = run(new ProcessLogNode(), "log", log, new ProcessLogNode.Params("minute", "channel", "value", "run",
                List.of("setpoint", "temperature", "power"), 1, 240, 240, List.of("fault", "anomaly"), "signal"));
        assertEquals(30, w.rowCount());
        TensorColumn s = (TensorColumn) w.column("signal").orElseThrow();
        CategoricalColumn fault = (CategoricalColumn) w.column("fault").orElseThrow();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < w.rowCount(); r++) {
            seen.add(fault.get(r));
            float[] x = java.util.Arrays.copyOfRange(s.values(), r * 720, (r + 1) * 720);
            double lastError = x[239 * 3] - x[239 * 3 + 1]; // set-point minus reading at the last minute
            double lastPower = x[239 * 3 + 2];
            switch (fault.get(r)) {
                case "none" -> assertTrue(Math.abs(lastError) < 5 && w.numeric("anomaly").get(r) == 0, "a healthy run holds its soak");
                case "heater-loss" -> assertTrue(lastPower > 99.9 || lastError > 0, "saturated power or a sagging load: " + lastPower + " " + lastError);
                case "thermocouple-drift" -> assertTrue(Math.abs(lastError) < 5 && lastPower < 100 * (x[239 * 3] - 25) / 1200 - 1,
                        "the reading looks right, the power falls below what the soak needs: " + lastPower);
                default -> assertEquals(1, w.numeric("anomaly").get(r));
            }
        }
        assertEquals(5, seen.size(), "every fault and none appear in 30 runs: " + seen);
    }
}
