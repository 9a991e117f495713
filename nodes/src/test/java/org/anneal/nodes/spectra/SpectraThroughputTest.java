package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Shape;
import org.junit.jupiter.api.Test;

/**
 * The row-parallel spectrum steps give the same bits as the sequential code they replaced, for any thread count, and
 * stop when cancelled. The digests below were recorded by {@link #digests} from the code before the change (commit
 * f2e1d93, one spectrum at a time, one thread), on the seeded spectra of {@link #spectra}.
 */
class SpectraThroughputTest {
    static final Map<String, String> BEFORE = Map.of(
            "smooth-11-3", "972a7dbb9adbaaaf",
            "smooth-9-3-d1", "db8909690df166a3",
            "baseline-als", "843f5456eb68305c",
            "baseline-snip", "49738eeafee75318",
            "peaks-none", "024e0986ac1667f6",
            "peaks-pseudo-voigt", "7df9b8107dc68603");

    /** 60 EDS-like spectra of 700 channels: falling background, Gaussian lines, √counts noise, one missing row. */
    static Table spectra() {
        int rows = 60;
        int n = 700;
        float[] values = new float[rows * n];
        boolean[] missing = new boolean[rows];
        double[] id = new double[rows];
        for (int r = 0; r < rows; r++) {
            Random rnd = new Random(r);
            id[r] = r;
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = 20 + 200 * Math.exp(-i / 250.0);
            }
            for (int k = 0; k < 6; k++) {
                double c = 20 + rnd.nextDouble() * (n - 40);
                double s = 2 + 6 * rnd.nextDouble();
                double a = 30 + 400 * rnd.nextDouble();
                for (int i = 0; i < n; i++) {
                    y[i] += a * Math.exp(-0.5 * (i - c) * (i - c) / (s * s));
                }
            }
            for (int i = 0; i < n; i++) {
                values[r * n + i] = (float) (y[i] + Math.sqrt(y[i]) * rnd.nextGaussian());
            }
        }
        missing[17] = true;
        java.util.Arrays.fill(values, 17 * n, 18 * n, Float.NaN);
        Shape shape = Shape.spectrum(Axis.regular("energy", n, "eV", 100, 10));
        return new Table(List.of(new NumericColumn("id", ColumnRole.ID, id),
                new TensorColumn("spectrum", ColumnRole.FEATURE, shape, values, missing, "counts")));
    }

    static Map<String, Table> outputs(ExecContext ctx) throws Exception {
        Table t = spectra();
        Map<String, Table> out = new java.util.LinkedHashMap<>();
        out.put("smooth-11-3", run(new SmoothNode(), t, new SmoothNode.Params("spectrum", 11, 3, 0), ctx));
        out.put("smooth-9-3-d1", run(new SmoothNode(), t, new SmoothNode.Params("spectrum", 9, 3, 1), ctx));
        Table smooth = out.get("smooth-11-3");
        out.put("baseline-als", run(new BaselineNode(), smooth, new BaselineNode.Params("spectrum", BaselineNode.Method.ALS, 20, 1e5, 0.01, 10,
                true, BaselineNode.Output.CORRECTED), ctx));
        out.put("baseline-snip", run(new BaselineNode(), smooth, new BaselineNode.Params("spectrum", BaselineNode.Method.SNIP, 25, 1e5, 0.01, 10,
                false, BaselineNode.Output.BASELINE), ctx));
        Table corrected = out.get("baseline-als");
        out.put("peaks-none", run(new PeaksNode(), corrected, new PeaksNode.Params("spectrum", 20, 0, PeakProfile.NONE, 1.5406), ctx));
        out.put("peaks-pseudo-voigt", run(new PeaksNode(), corrected, new PeaksNode.Params("spectrum", 20, 1, PeakProfile.PSEUDO_VOIGT, 1.5406), ctx));
        return out;
    }

    static <P extends Record> Table run(Node<P> node, Table t, P p, ExecContext ctx) throws Exception {
        var outs = node.execute(new Inputs(Map.of("table", t)), p, ctx);
        return (Table) outs.get(node instanceof PeaksNode ? "peaks" : "out");
    }

    /** SHA-256 of every value's bits, column by column (row count and missing flags included). */
    static String digest(Table t) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer b = ByteBuffer.allocate(8);
        for (Column c : t.columns()) {
            md.update(c.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (int r = 0; r < c.size(); r++) {
                md.update((byte) (c.isMissing(r) ? 1 : 0));
            }
            if (c instanceof TensorColumn tc) {
                for (float v : tc.values()) {
                    md.update(b.clear().putInt(Float.floatToRawIntBits(v)).array(), 0, 4);
                }
            } else if (c instanceof NumericColumn nc) {
                for (double v : nc.values()) {
                    md.update(b.clear().putLong(Double.doubleToRawLongBits(v)).array(), 0, 8);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 16);
    }

    static Map<String, String> digests(ExecContext ctx) throws Exception {
        Map<String, String> d = new java.util.LinkedHashMap<>();
        for (var e : outputs(ctx).entrySet()) {
            d.put(e.getKey(), digest(e.getValue()));
        }
        return d;
    }

    static StandaloneContext ctx() {
        return new StandaloneContext("spectra", 1, Path.of("."));
    }

    @Test
    void sameBitsAsTheSequentialCodeBeforeTheSpeedUp() throws Exception {
        Map<String, String> now = digests(ctx());
        System.out.println("digests " + now);
        assertEquals(BEFORE, now);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        for (int threads : new int[] {1, 3}) {
            assertEquals(BEFORE, SpectrumRows.withThreads(threads, () -> digests(ctx())), threads + " threads");
        }
    }

    @Test
    void theFailureOfTheFirstBadRowIsReportedWhateverTheThreads() throws Exception {
        Table t = spectra();
        TensorColumn c = (TensorColumn) t.column("spectrum").orElseThrow();
        float[] v = c.values().clone();
        v[40 * c.rowSize() + 3] = Float.NaN;
        v[5 * c.rowSize() + 9] = Float.NaN;
        Table gaps = t.with(new TensorColumn("spectrum", c.role(), c.shape(), v, c.missing(), c.unit()));
        for (int threads : new int[] {1, 2, 4}) {
            NodeFailure e = assertThrows(NodeFailure.class, () -> SpectrumRows.withThreads(threads,
                    () -> run(new SmoothNode(), gaps, new SmoothNode.Params("spectrum", 11, 3, 0), ctx())));
            assertEquals("Row 6 of 'spectrum' has no value at channel 10.", e.getMessage(), threads + " threads");
        }
    }

    /** Counts checks and progress reports, and cancels at the given check. */
    static final class CancellingContext implements ExecContext {
        final AtomicInteger checks = new AtomicInteger();
        final List<Double> progress = java.util.Collections.synchronizedList(new ArrayList<>());
        final int cancelAt;

        CancellingContext(int cancelAt) {
            this.cancelAt = cancelAt;
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void checkCancelled() {
            if (checks.incrementAndGet() >= cancelAt) {
                throw new Cancelled();
            }
        }

        @Override
        public void progress(double fraction) {
            progress.add(fraction);
        }

        @Override
        public String device() {
            return "cpu";
        }

        @Override
        public String nodeId() {
            return "spectra";
        }

        @Override
        public Path resolve(String path, String param) {
            return Path.of(path);
        }
    }

    @Test
    void longRowLoopsStopWhenCancelledAndReportProgress() throws Exception {
        Table t = spectra();
        var als = new BaselineNode.Params("spectrum", BaselineNode.Method.ALS, 20, 1e5, 0.01, 10, true, BaselineNode.Output.CORRECTED);
        for (int threads : new int[] {1, 2}) {
            CancellingContext cancel = new CancellingContext(2);
            assertThrows(ExecContext.Cancelled.class, () -> SpectrumRows.withThreads(threads, () -> run(new BaselineNode(), t, als, cancel)));
            assertThrows(ExecContext.Cancelled.class, () -> SpectrumRows.withThreads(threads,
                    () -> run(new PeaksNode(), t, new PeaksNode.Params("spectrum", 20, 0, PeakProfile.PSEUDO_VOIGT, 1.5406), new CancellingContext(2))));
            CancellingContext watch = new CancellingContext(Integer.MAX_VALUE);
            SpectrumRows.withThreads(threads, () -> run(new BaselineNode(), t, als, watch));
            assertTrue(watch.checks.get() >= t.rowCount() / SpectrumRows.CHUNK / threads, "checked between chunks: " + watch.checks);
            assertTrue(watch.progress.size() >= 2 && watch.progress.stream().allMatch(f -> f >= 0 && f <= 1), "progress " + watch.progress);
        }
    }
}
