package org.anneal.nodes.spectra;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** The spectrum blocks against scipy's numbers (resource spectra/scipy_reference.txt) and hand-computed small cases. */
class SpectrumBlocksTest {
    static Map<String, double[]> reference() throws IOException {
        Map<String, double[]> m = new HashMap<>();
        try (InputStream in = SpectrumBlocksTest.class.getResourceAsStream("/spectra/scipy_reference.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] f = line.trim().split(" ");
                    m.put(f[0], Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray());
                }
            }
        }
        return m;
    }

    @Test
    void savitzkyGolayMatchesScipy() throws IOException {
        Map<String, double[]> ref = reference();
        double[] y = ref.get("signal");
        assertArrayEquals(ref.get("savgol_w7_o2"), new SavitzkyGolay(7, 2, 0, 1).filter(y), 1e-9);
        assertArrayEquals(ref.get("savgol_w11_o3"), new SavitzkyGolay(11, 3, 0, 1).filter(y), 1e-9);
        assertArrayEquals(ref.get("savgol_w5_o4"), new SavitzkyGolay(5, 4, 0, 1).filter(y), 1e-9);
        assertArrayEquals(ref.get("savgol_w9_o3_d1_delta0.5"), new SavitzkyGolay(9, 3, 1, 0.5).filter(y), 1e-9);
        assertArrayEquals(ref.get("savgol_w15_o4_d2"), new SavitzkyGolay(15, 4, 2, 1).filter(y), 1e-9);
    }

    @Test
    void asymmetricLeastSquaresMatchesEilersLoopInScipy() throws IOException {
        Map<String, double[]> ref = reference();
        double[] y = ref.get("signal");
        assertArrayEquals(ref.get("als_1e4_0.01_10"), AsymmetricLeastSquares.baseline(y, 1e4, 0.01, 10), 1e-9);
        assertArrayEquals(ref.get("als_100_0.05_5"), AsymmetricLeastSquares.baseline(y, 100, 0.05, 5), 1e-9);
    }

    static Table table(Axis axis, float[]... rows) {
        return new Table(List.of(TensorColumn.of("spectrum", ColumnRole.FEATURE, Shape.spectrum(axis), List.of(rows)),
                new CategoricalColumn("sample", ColumnRole.GROUP, new int[rows.length], List.of("s1"))));
    }

    static <P extends Record> Table run(Node<P> node, P p, Table t) throws Exception {
        TableSpec promised = (TableSpec) node.configure(Specs.builder().put("table", t.spec(Lineage.UNSPLIT)).build(), p,
                new StandaloneContext("n", 1, java.nio.file.Path.of("."))).get("out");
        Table out = (Table) node.execute(new Inputs(Map.of("table", t)), p, new StandaloneContext("n", 1, java.nio.file.Path.of("."))).get("out");
        assertEquals(promised, out.spec(Lineage.UNSPLIT), "configure promises what execute delivers");
        return out;
    }

    static float[] row(Table t, int r) {
        return ((TensorColumn) t.column("spectrum").orElseThrow()).get(r);
    }

    static ConfigError configureError(Node<?> node, Record p, Table t) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Node<Record> n = (Node) node;
        return assertThrows(ConfigError.class, () -> n.configure(Specs.builder().put("table", t.spec(Lineage.UNSPLIT)).build(), p,
                new StandaloneContext("n", 1, java.nio.file.Path.of("."))));
    }

    @Test
    void normalisationsByHand() throws Exception {
        Table t = table(Axis.regular("energy", 4, "eV", 0, 2), new float[] {1, 3, 3, 1});
        // trapezoids of width 2: (1+3) + (3+3) + (3+1) = 14
        assertArrayEquals(new float[] {1 / 14f, 3 / 14f, 3 / 14f, 1 / 14f}, row(run(new NormalizeNode(), new NormalizeNode.Params("spectrum",
                NormalizeNode.Method.AREA), t), 0), 1e-7f);
        assertArrayEquals(new float[] {1 / 3f, 1, 1, 1 / 3f}, row(run(new NormalizeNode(), new NormalizeNode.Params("spectrum", NormalizeNode.Method.MAX), t), 0), 1e-7f);
        // mean 2, deviations ±1, sample sd sqrt(4/3)
        float s = (float) Math.sqrt(4 / 3.0);
        assertArrayEquals(new float[] {-1 / s, 1 / s, 1 / s, -1 / s}, row(run(new NormalizeNode(), new NormalizeNode.Params("spectrum", NormalizeNode.Method.SNV), t), 0), 1e-6f);
    }

    @Test
    void resamplingInterpolatesLinearlyAndRefusesToExtrapolate() throws Exception {
        Table t = table(Axis.listed("2θ", "°", new double[] {10, 11, 13}), new float[] {0, 10, 30});
        Table out = run(new ResampleNode(), new ResampleNode.Params("spectrum", 10, 0.5, 7), t);
        assertArrayEquals(new float[] {0, 5, 10, 15, 20, 25, 30}, row(out, 0), 1e-6f);
        assertEquals(Axis.regular("2θ", 7, "°", 10, 0.5), ((TensorColumn) out.column("spectrum").orElseThrow()).shape().axis(0));
        ConfigError e = configureError(new ResampleNode(), new ResampleNode.Params("spectrum", 9, 0.5, 7), t);
        assertTrue(e.getMessage().contains("9–12 °") && e.getMessage().contains("10–13 °"), e.getMessage());
    }

    @Test
    void baselineRemovalLeavesThePeakAndClipsAtZero() throws Exception {
        float[] y = new float[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (50 + 0.2 * i + 100 * Math.exp(-0.5 * Math.pow((i - 100) / 3.0, 2)));
        }
        Table out = run(new BaselineNode(), new BaselineNode.Params("spectrum", BaselineNode.Method.ALS, 20, 1e5, 0.001, 10, true,
                BaselineNode.Output.CORRECTED),
                table(Axis.regular("energy", 200, "eV", 0, 1), y));
        float[] z = row(out, 0);
        assertEquals(100, z[100], 2, "the peak keeps its height above a straight background");
        assertEquals(0, z[20], 0.5, "the sloping background is gone");
        for (float v : z) {
            assertTrue(v >= 0);
        }
    }

    @Test
    void snipClipsANarrowPeakOffAStraightBackgroundByHand() throws Exception {
        // 1, 2, 3, 14, 5, 6, 7: p = 1 replaces 14 by (3 + 5)/2 = 4, and the ramp is its own neighbours' mean
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7}, Snip.baseline(new double[] {1, 2, 3, 14, 5, 6, 7}, 1), 0);
        // a two-channel peak needs p = 2: after p = 1, 3 and 4 hold min(13, (2 + 14)/2) = 8 and min(14, (13 + 5)/2) = 9,
        // p = 2 then takes (1 + 5)/2 = 3 and (2 + 6)/2 = 4
        assertArrayEquals(new double[] {1, 2, 8, 9, 5, 6}, Snip.baseline(new double[] {1, 2, 13, 14, 5, 6}, 1), 0);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, Snip.baseline(new double[] {1, 2, 13, 14, 5, 6}, 2), 0);
        Table out = run(new BaselineNode(), new BaselineNode.Params("spectrum", BaselineNode.Method.SNIP, 2, 1e5, 0.01, 10, true,
                BaselineNode.Output.CORRECTED), table(Axis.regular("energy", 6, "eV", 0, 1), new float[] {1, 2, 13, 14, 5, 6}));
        assertArrayEquals(new float[] {0, 0, 10, 10, 0, 0}, row(out, 0));
    }

    @Test
    void smoothingChecksItsWindowAtConfigure() {
        Table t = table(Axis.regular("energy", 9, "eV", 0, 1), new float[9]);
        assertEquals("window", configureError(new SmoothNode(), new SmoothNode.Params("spectrum", 10, 3, 0), t).param());
        assertEquals("order", configureError(new SmoothNode(), new SmoothNode.Params("spectrum", 5, 5, 0), t).param());
        assertEquals("window", configureError(new SmoothNode(), new SmoothNode.Params("spectrum", 11, 3, 0), t).param());
        assertEquals("column", configureError(new SmoothNode(), new SmoothNode.Params("sample", 5, 2, 0), t).param());
    }

    @Test
    void smoothingANodeRowMatchesTheFilterInFloat() throws Exception {
        double[] y = reference().get("signal");
        float[] f = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            f[i] = (float) y[i];
        }
        float[] z = row(run(new SmoothNode(), new SmoothNode.Params("spectrum", 7, 2, 0), table(Axis.regular("x", y.length, "", 0, 1), f)), 0);
        double[] ref = reference().get("savgol_w7_o2");
        for (int i = 0; i < y.length; i++) {
            assertEquals(ref[i], z[i], 1e-5);
        }
    }

    @Test
    void toColumnsNamesChannelsByTheirAxisValue() throws Exception {
        Table t = table(Axis.regular("2θ", 4, "°", 10, 0.05), new float[] {1, 2, 3, 4}, new float[] {5, 6, 7, 8});
        Table out = run(new ToColumnsNode(), new ToColumnsNode.Params("spectrum", 1), t);
        assertEquals(List.of("sample", "2θ_10", "2θ_10.05", "2θ_10.1", "2θ_10.15"), out.spec(Lineage.UNSPLIT).names());
        assertArrayEquals(new double[] {3, 7}, out.numeric("2θ_10.1").values());
        Table every = run(new ToColumnsNode(), new ToColumnsNode.Params("spectrum", 2), t);
        assertEquals(List.of("sample", "2θ_10", "2θ_10.1"), every.spec(Lineage.UNSPLIT).names());
        assertEquals(List.of("spectrum_1", "spectrum_2"), ToColumnsNode.names("spectrum", Axis.of("channel", 2), 1));
    }

    @Test
    void everyBlockIsStatelessAndDrawsNoRandomNumbers() {
        for (Node<?> c : List.<Node<?>>of(new SmoothNode(), new BaselineNode(), new NormalizeNode(), new ResampleNode(), new ToColumnsNode())) {
            NodeDescriptor d = NodeDescriptor.of(c);
            assertEquals(LeakageRole.STATELESS, d.role(), d.id());
            assertEquals(List.of("table"), d.inputs().stream().map(i -> i.name()).toList(), d.id());
        }
    }
}
