package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.ml.Plot;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.PcaNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class PcaNodeTest {
    final PcaNode node = new PcaNode();
    static final double R = Math.sqrt(0.5);

    /**
     * x = (10, 20) + u·(1,1)/√2 + v·(1,−1)/√2 with u = (2, −2, 0, 0), v = (0, 0, 1, −1): u and v have mean 0, are
     * uncorrelated, and have sample variances 8/3 and 2/3, so the axes are (1,1)/√2 and (1,−1)/√2, the variance
     * ratios 0.8 and 0.2, and the scores are u and v themselves.
     */
    static Table stretchedAlongDiagonal() {
        double[] u = {2, -2, 0, 0};
        double[] v = {0, 0, 1, -1};
        double[] a = new double[4];
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            a[i] = 10 + R * (u[i] + v[i]);
            b[i] = 20 + R * (u[i] - v[i]);
        }
        return new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b),
                new CategoricalColumn("phase", ColumnRole.TARGET, new int[] {0, 0, 1, 1}, List.of("alpha", "beta"))));
    }

    Outputs run(Table fit, Table data, PcaNode.Params p) {
        return node.execute(Fixtures.inputs(Map.of("fit", fit, "data", data)), p, TestCtx.of("pca"));
    }

    @Test
    void axesVarianceRatiosAndScoresMatchTheClosedForm() {
        Table t = stretchedAlongDiagonal();
        Outputs o = run(t, t, new PcaNode.Params(List.of(), 2, false));
        Table loadings = (Table) o.get("loadings");
        assertArrayEquals(new double[] {R, R}, loadings.numeric("pc1").values(), 1e-12);
        // the second axis is ±(1,−1)/√2; the convention picks the sign whose largest |loading| (the first, on a tie) is positive
        assertArrayEquals(new double[] {R, -R}, loadings.numeric("pc2").values(), 1e-12);
        Table out = (Table) o.get("out");
        assertEquals(List.of("phase", "pc1", "pc2"), out.columns().stream().map(c -> c.name()).toList());
        assertArrayEquals(new double[] {2, -2, 0, 0}, out.numeric("pc1").values(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1, -1}, out.numeric("pc2").values(), 1e-12);
        Plot scree = (Plot) o.get("scree");
        assertEquals(Plot.Kind.LINE, scree.kind());
        assertArrayEquals(new double[] {0.8, 0.2}, scree.series().get(0).y(), 1e-12);
        assertArrayEquals(new double[] {0.8, 1.0}, scree.series().get(1).y(), 1e-12);
        assertArrayEquals(new double[] {1, 2}, scree.series().get(0).x(), 0);
    }

    @Test
    void whitenedScoresHaveUnitVarianceOnTheFitRows() {
        Table t = stretchedAlongDiagonal();
        Table out = (Table) run(t, t, new PcaNode.Params(List.of("a", "b"), 2, true)).get("out");
        double s1 = Math.sqrt(8.0 / 3);
        double s2 = Math.sqrt(2.0 / 3);
        assertArrayEquals(new double[] {2 / s1, -2 / s1, 0, 0}, out.numeric("pc1").values(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 1 / s2, -1 / s2}, out.numeric("pc2").values(), 1e-12);
    }

    @Test
    void largestLoadingIsPositiveEvenWhenTheDataAreMirrored() {
        // mirroring every row through the mean flips the eigenvectors' sign freedom, not the convention's answer
        Random r = new Random(3);
        double[] a = new double[50];
        double[] b = new double[50];
        for (int i = 0; i < 50; i++) {
            double u = r.nextGaussian() * 3;
            a[i] = 0.6 * u + 0.1 * r.nextGaussian();
            b[i] = -0.8 * u + 0.1 * r.nextGaussian();
        }
        double[] na = java.util.Arrays.stream(a).map(x -> -x).toArray();
        double[] nb = java.util.Arrays.stream(b).map(x -> -x).toArray();
        Table t1 = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b)));
        Table t2 = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, na), new NumericColumn("b", ColumnRole.FEATURE, nb)));
        double[] l1 = ((Table) run(t1, t1, new PcaNode.Params(List.of(), 1, false)).get("loadings")).numeric("pc1").values();
        double[] l2 = ((Table) run(t2, t2, new PcaNode.Params(List.of(), 1, false)).get("loadings")).numeric("pc1").values();
        assertArrayEquals(l1, l2, 1e-12);
        assertTrue(l1[1] > 0 && Math.abs(l1[1]) > Math.abs(l1[0]), "b (weight −0.8) dominates and is made positive: " + l1[0] + ", " + l1[1]);
    }

    @Test
    void allComponentsReconstructTheDataAndApplyGivesTheSameScores() throws Exception {
        Random r = new Random(11);
        int n = 30;
        int p = 4;
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) {
            double z = r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[j][i] = (j + 1) * z + r.nextGaussian() + 5 * j;
            }
        }
        List<org.anneal.data.Column> cols = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x[j]));
        }
        Table t = new Table(cols);
        Outputs o = run(t, t, new PcaNode.Params(List.of(), p, false));
        Table out = (Table) o.get("out");
        Table loadings = (Table) o.get("loadings");
        for (int j = 0; j < p; j++) {
            double mean = java.util.Arrays.stream(x[j]).average().orElseThrow();
            for (int i = 0; i < n; i++) {
                double rebuilt = mean;
                for (int k = 0; k < p; k++) {
                    rebuilt += out.numeric("pc" + (k + 1)).get(i) * loadings.numeric("pc" + (k + 1)).get(j);
                }
                assertEquals(x[j][i], rebuilt, 1e-9);
            }
        }
        Table half = t.rows(new int[] {0, 5, 7});
        Table applied = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", half)),
                new ApplyTransformNode.Params(), TestCtx.of("apply")).get("out");
        assertArrayEquals(out.rows(new int[] {0, 5, 7}).numeric("pc2").values(), applied.numeric("pc2").values(), 1e-12);
        // the Apply node announces the same columns at configure time as it produces
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        Specs s = node.configure(Specs.of(Map.of("fit", spec, "data", spec)), new PcaNode.Params(List.of(), 2, false), TestCtx.of("pca"));
        Specs a = new ApplyTransformNode().configure(Specs.of(Map.of("state", s.get("state"), "data", spec)),
                new ApplyTransformNode.Params(), TestCtx.of("apply"));
        assertEquals(List.of("pc1", "pc2"), ((TableSpec) a.get("out")).columns().stream().map(ColumnSpec::name).toList());
        assertEquals(((TableSpec) s.get("out")).columns(), ((TableSpec) a.get("out")).columns());
        assertTrue(((FittedTransform) o.get("state")).describe().contains("100.0 %"));
    }

    @Test
    void tooManyComponentsAndCategoricalColumnsAreRejectedAtConfigure() {
        TableSpec spec = stretchedAlongDiagonal().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new PcaNode.Params(List.of(), 3, false), TestCtx.of("pca")));
        assertEquals("components", e.param());
        assertTrue(e.fix().contains("2 or fewer"), e.fix());
        ConfigError cat = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new PcaNode.Params(List.of("a", "phase"), 1, false), TestCtx.of("pca")));
        assertTrue(cat.getMessage().contains("'phase'"), cat.getMessage());
    }

    @Test
    void missingValuesFailNamingTheColumn() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2, Double.NaN}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {1, 3, 2})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> run(t, t, new PcaNode.Params(List.of(), 1, false)));
        assertTrue(f.getMessage().contains("'a'"), f.getMessage());
    }
    /** 40 rows × 90 columns: two strong directions and a little noise, wider than tall (the Gram route). */
    static Table wideTwoDirections() {
        Random r = new Random(3);
        int n = 40;
        int p = 90;
        double[][] x = new double[p][n];
        for (int i = 0; i < n; i++) {
            double a = 10 * r.nextGaussian();
            double b = 3 * r.nextGaussian();
            for (int j = 0; j < p; j++) {
                x[j][i] = 100 + a * Math.sin(0.1 * j) + b * Math.cos(0.07 * j) + 0.01 * r.nextGaussian();
            }
        }
        List<org.anneal.data.Column> cols = new java.util.ArrayList<>();
        for (int j = 0; j < p; j++) {
            cols.add(new NumericColumn("x" + j, ColumnRole.FEATURE, x[j]));
        }
        return new Table(cols);
    }

    @Test
    void theRandomizedSolverGivesTheExactScoresAndPlotsOnlyTheKeptComponents() {
        Table t = wideTwoDirections();
        Outputs full = run(t, t, new PcaNode.Params(List.of(), 2, false, PcaNode.Solver.FULL));
        Outputs fast = run(t, t, new PcaNode.Params(List.of(), 2, false, PcaNode.Solver.RANDOMIZED));
        for (String pc : List.of("pc1", "pc2")) {
            double[] exact = ((Table) full.get("out")).numeric(pc).values();
            double scale = java.util.Arrays.stream(exact).map(Math::abs).max().orElseThrow();
            assertArrayEquals(exact, ((Table) fast.get("out")).numeric(pc).values(), 1e-8 * scale, pc);
        }
        Plot.Series exactShares = ((Plot) full.get("scree")).series().get(0);
        Plot.Series keptShares = ((Plot) fast.get("scree")).series().get(0);
        assertEquals(90, exactShares.y().length, "the exact solver knows every variance");
        assertEquals(2, keptShares.y().length, "the randomized one only the kept components'");
        assertArrayEquals(java.util.Arrays.copyOf(exactShares.y(), 2), keptShares.y(), 1e-10, "as shares of the same total variance");
        assertTrue(keptShares.y()[0] + keptShares.y()[1] < 1);
    }
}
