package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.LinearNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

class LinearAndLassoTest {
    static Learner linear() {
        return (Learner) new LinearNode().execute(Fixtures.inputs(Map.of()), new LinearNode.Params(), TestCtx.of("lin")).get("learner");
    }

    @Test
    void leastSquaresMatchesTheClosedFormOfAFourPointLine() {
        // x = 0..3, y = 1, 3, 2, 5: mean x 1.5, mean y 2.75, Sxx = 5, Sxy = 5.5, so slope 1.1 and intercept 2.75 − 1.65 = 1.1
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0, 1, 2, 3}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 3, 2, 5})));
        TrainedModel m = linear().fit(t, List.of("x"), "y", TestCtx.of("fit"));
        assertEquals(1.1, m.parameters().get("x"), 1e-12);
        assertEquals(1.1, m.parameters().get("(intercept)"), 1e-12);
        assertEquals("Linear regression (least squares)", m.describe());
    }

    @Test
    void leastSquaresRecoversAnExactTwoFeatureLaw() {
        TrainedModel m = linear().fit(Fixtures.fiveRows(), List.of("x1", "x2"), "y", TestCtx.of("fit"));
        assertEquals(2.0, m.parameters().get("x1"), 1e-10);
        assertEquals(-0.5, m.parameters().get("x2"), 1e-10);
        assertEquals(1.0, m.parameters().get("(intercept)"), 1e-10);
    }

    @Test
    void duplicatedFeaturesHaveNoUniqueLeastSquaresSolution() {
        double[] x = {1, 2, 3, 4};
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, x), new NumericColumn("b", ColumnRole.FEATURE, x.clone()),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {2, 4, 6, 8})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> linear().fit(t, List.of("a", "b"), "y", TestCtx.of("fit")));
        assertTrue(f.getMessage().contains("linearly dependent"), f.getMessage());
    }

    static Learner lasso(double alpha) {
        return (Learner) new org.anneal.nodes.model.LassoNode().execute(Fixtures.inputs(Map.of()),
                new org.anneal.nodes.model.LassoNode.Params(alpha, 100_000), TestCtx.of("lasso")).get("learner");
    }

    /** 300 rows: y = 3·a − 2·b + 0.5·c + noise, and d, e that have nothing to do with y. */
    static Table threeRelevantTwoIrrelevant() {
        int n = 300;
        String[] names = {"a", "b", "c", "d", "e"};
        double[][] x = new double[5][n];
        double[] y = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[j][i] = r.nextDouble(-1, 1);
            }
            y[i] = 3 * x[0][i] - 2 * x[1][i] + 0.5 * x[2][i] + 0.3 * r.nextGaussian();
        }
        List<org.anneal.data.Column> cols = new java.util.ArrayList<>();
        for (int j = 0; j < 5; j++) {
            cols.add(new NumericColumn(names[j], ColumnRole.FEATURE, x[j]));
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        return new Table(cols);
    }

    /**
     * The lasso by cyclic coordinate descent with soft thresholding, written from the textbook update (Friedman, Hastie &
     * Tibshirani 2010): w_j ← S(ρ_j, alpha) / z_j on centred columns, ρ_j = (1/n)·x_jᵀ(partial residual), z_j = (1/n)·x_jᵀx_j.
     */
    static double[] lassoReference(Table t, List<String> features, String target, double alpha) {
        int p = features.size();
        int n = t.rowCount();
        double[][] x = new double[p][];
        for (int j = 0; j < p; j++) {
            x[j] = centred(t.numeric(features.get(j)).values());
        }
        double[] res = centred(t.numeric(target).values());
        double[] w = new double[p];
        for (int sweep = 0; sweep < 20_000; sweep++) {
            double change = 0;
            for (int j = 0; j < p; j++) {
                double rho = 0;
                double z = 0;
                for (int i = 0; i < n; i++) {
                    rho += x[j][i] * (res[i] + w[j] * x[j][i]);
                    z += x[j][i] * x[j][i];
                }
                double updated = Math.signum(rho / n) * Math.max(0, Math.abs(rho / n) - alpha) / (z / n);
                for (int i = 0; i < n; i++) {
                    res[i] -= (updated - w[j]) * x[j][i];
                }
                change = Math.max(change, Math.abs(updated - w[j]));
                w[j] = updated;
            }
            if (change < 1e-13) {
                break;
            }
        }
        return w;
    }

    private static double[] centred(double[] v) {
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        return java.util.Arrays.stream(v).map(d -> d - m).toArray();
    }

    @Test
    void lassoWeightsMatchAnIndependentCoordinateDescent() {
        Table t = threeRelevantTwoIrrelevant();
        List<String> f = List.of("a", "b", "c", "d", "e");
        TrainedModel m = lasso(0.05).fit(t, f, "y", TestCtx.of("fit"));
        double[] w = lassoReference(t, f, "y", 0.05);
        for (int j = 0; j < f.size(); j++) {
            assertEquals(w[j], m.parameters().get(f.get(j)), 1e-6, f.get(j));
        }
        // the unpenalised intercept makes the fit pass through the means: b = mean(y) − Σ w_j·mean(x_j)
        double b = java.util.Arrays.stream(t.numeric("y").values()).average().orElseThrow();
        for (int j = 0; j < f.size(); j++) {
            b -= w[j] * java.util.Arrays.stream(t.numeric(f.get(j)).values()).average().orElseThrow();
        }
        assertEquals(b, m.parameters().get("(intercept)"), 1e-6);
    }

    @Test
    void aStrongPenaltyZeroesTheIrrelevantFeaturesExactly() {
        Table t = threeRelevantTwoIrrelevant();
        List<String> f = List.of("a", "b", "c", "d", "e");
        TrainedModel m = lasso(0.3).fit(t, f, "y", TestCtx.of("fit"));
        assertEquals(0.0, m.parameters().get("d"));
        assertEquals(0.0, m.parameters().get("e"));
        assertTrue(m.parameters().get("a") > 2 && m.parameters().get("b") < -1, m.parameters().toString());
        // the reference agrees on which weights vanish
        double[] w = lassoReference(t, f, "y", 0.3);
        assertEquals(0.0, w[3], 0.0);
        assertEquals(0.0, w[4], 0.0);
    }
}
