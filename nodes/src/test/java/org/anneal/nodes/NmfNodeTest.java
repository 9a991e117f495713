package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.NmfNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class NmfNodeTest {
    /**
     * Two "pure phase" patterns with disjoint peaks. With the pure rows among the data, any exact non-negative
     * factorisation is these two, up to scale and order.
     */
    static final double[][] PARTS = {{1, 0, 2, 0, 0}, {0, 3, 0, 1, 0.5}};

    static Table mixes(int n, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[5][n];
        for (int i = 0; i < n; i++) {
            // the first two rows are the pure patterns: without them a slightly rotated pair of parts fits as well
            double a = i == 1 ? 0 : i == 0 ? 1 : r.nextDouble();
            double b = i == 0 ? 0 : i == 1 ? 1 : r.nextDouble();
            for (int j = 0; j < 5; j++) {
                x[j][i] = a * PARTS[0][j] + b * PARTS[1][j];
            }
        }
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 5; j++) {
            cols.add(new NumericColumn("i" + j, ColumnRole.FEATURE, x[j]));
        }
        return new Table(cols);
    }

    /** Coordinate descent creeps towards exact zeros, so the exact-recovery checks run many rounds with no early stop. */
    static Outputs nmf(Table fit, Table data, int components) {
        return new NmfNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", data)), new NmfNode.Params(List.of(), components, 20000, 0),
                TestCtx.of("nmf"));
    }

    static double[] unit(double[] v) {
        double len = Math.sqrt(java.util.Arrays.stream(v).map(a -> a * a).sum());
        return java.util.Arrays.stream(v).map(a -> a / len).toArray();
    }

    static double[][] reconstruct(Table out, Table parts, int rows, int components) {
        double[][] x = new double[rows][5];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 5; j++) {
                for (int c = 0; c < components; c++) {
                    x[i][j] += out.numeric("nmf" + (c + 1)).get(i) * parts.numeric("nmf" + (c + 1)).get(j);
                }
            }
        }
        return x;
    }

    @Test
    void exactMixesOfTwoPatternsGiveBackThePatterns() {
        Table t = mixes(40, 1);
        Outputs o = nmf(t, t, 2);
        Table parts = (Table) o.get("parts");
        double[] p1 = parts.numeric("nmf1").values();
        double[] p2 = parts.numeric("nmf2").values();
        // the order is by total weight; the patterns' own sizes decide it (the second is larger), so match either way
        boolean straight = Math.abs(p1[0]) > Math.abs(p1[1]);
        assertArrayEquals(unit(PARTS[straight ? 0 : 1]), p1, 2e-3);
        assertArrayEquals(unit(PARTS[straight ? 1 : 0]), p2, 2e-3);
        double[][] x = reconstruct((Table) o.get("out"), parts, 40, 2);
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(t.numeric("i" + j).values(), column(x, j), 2e-3);
        }
        assertEquals(List.of("nmf1", "nmf2"), ((Table) o.get("out")).columns().stream().map(Column::name).toList());
        assertTrue(((FittedTransform) o.get("state")).describe().contains("relative error"));
    }

    @Test
    void oneComponentOfARankOneTableIsItsPatternWithTheRowScales() {
        double[] w = {1, 2, 0.5, 4};
        double[] h = {3, 0, 4};
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < 3; j++) {
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = w[i] * h[j];
            }
            cols.add(new NumericColumn("c" + j, ColumnRole.FEATURE, v));
        }
        Table t = new Table(cols);
        Outputs o = nmf(t, t, 1);
        assertArrayEquals(new double[] {0.6, 0, 0.8}, ((Table) o.get("parts")).numeric("nmf1").values(), 1e-9);
        // |h| = 5, so each row's weight is 5 w
        assertArrayEquals(new double[] {5, 10, 2.5, 20}, ((Table) o.get("out")).numeric("nmf1").values(), 1e-8);
    }

    @Test
    void newRowsAreExpressedWithThePartsHeldFixed() throws Exception {
        Table fit = mixes(40, 1);
        Table fresh = mixes(6, 99);
        Outputs o = nmf(fit, fit, 2);
        Table applied = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", fresh)),
                new ApplyTransformNode.Params(), TestCtx.of("apply")).get("out");
        double[][] x = reconstruct(applied, (Table) o.get("parts"), 6, 2);
        for (int j = 0; j < 5; j++) {
            assertArrayEquals(fresh.numeric("i" + j).values(), column(x, j), 5e-3);
        }
        // a row's weights depend on that row only
        Table one = (Table) new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", o.get("state"), "data", fresh.rows(new int[] {3}))),
                new ApplyTransformNode.Params(), TestCtx.of("apply")).get("out");
        assertEquals(applied.numeric("nmf2").get(3), one.numeric("nmf2").get(0), 0);
        TableSpec spec = fit.spec(Lineage.UNSPLIT);
        Specs s = new NmfNode().configure(Specs.of(Map.of("fit", spec, "data", spec)), new NmfNode.Params(List.of(), 2, 100, 0), TestCtx.of("nmf"));
        Specs a = new ApplyTransformNode().configure(Specs.of(Map.of("state", s.get("state"), "data", spec)),
                new ApplyTransformNode.Params(), TestCtx.of("apply"));
        assertEquals(((TableSpec) s.get("out")).columns(), ((TableSpec) a.get("out")).columns());
    }

    @Test
    void negativeValuesAndTooManyPartsAreRejectedNamingTheCause() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2, 3}),
                new NumericColumn("z", ColumnRole.FEATURE, new double[] {0.5, -1.5, 2})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> nmf(t, t, 1));
        assertTrue(f.getMessage().contains("'z'") && f.getMessage().contains("-1.5"), f.getMessage());
        assertTrue(f.fix().contains("prepare.minmax"), f.fix());
        TableSpec spec = t.spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new NmfNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new NmfNode.Params(List.of(), 3, 100, 0), TestCtx.of("nmf")));
        assertEquals("components", e.param());
    }

    static double[] column(double[][] x, int j) {
        return java.util.Arrays.stream(x).mapToDouble(row -> row[j]).toArray();
    }
}
