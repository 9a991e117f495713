package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.ElasticNetLearner;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class ElasticNetTest {
    /** 200 rows of y = 1 + 2·x1 − 0.5·x2 without noise. */
    static Table exactLaw() {
        int n = 200;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-2, 2);
            x2[i] = r.nextDouble(-2, 2);
            y[i] = 1 + 2 * x1[i] - 0.5 * x2[i];
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    /** Cyclic coordinate descent on (1/2n)|y - b - Xw|² + alpha|w|₁ with centred columns (scikit-learn's objective). */
    static double[] lassoByHand(Table t, double alpha) {
        double[][] x = {t.numeric("x1").values().clone(), t.numeric("x2").values().clone()};
        double[] y = t.numeric("y").values().clone();
        int n = y.length;
        double my = java.util.Arrays.stream(y).average().orElseThrow();
        for (int i = 0; i < n; i++) {
            y[i] -= my;
        }
        for (double[] c : x) {
            double m = java.util.Arrays.stream(c).average().orElseThrow();
            for (int i = 0; i < n; i++) {
                c[i] -= m;
            }
        }
        double[] w = new double[2];
        for (int it = 0; it < 10_000; it++) {
            for (int j = 0; j < 2; j++) {
                double rho = 0;
                double z = 0;
                for (int i = 0; i < n; i++) {
                    double r = y[i] - w[0] * x[0][i] - w[1] * x[1][i] + w[j] * x[j][i];
                    rho += x[j][i] * r;
                    z += x[j][i] * x[j][i];
                }
                rho /= n;
                z /= n;
                w[j] = Math.signum(rho) * Math.max(0, Math.abs(rho) - alpha) / z;
            }
        }
        return w;
    }

    @Test
    void aTinyPenaltyRecoversTheLaw() {
        Table t = exactLaw();
        TrainedModel m = new ElasticNetLearner(1e-6, 0.5, 10_000).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        assertArrayEquals(t.numeric("y").values(), m.predict(t), 1e-3);
    }

    @Test
    void lassoWeightsMatchCoordinateDescentOnTheSameObjective() {
        Table t = exactLaw();
        TrainedModel m = new ElasticNetLearner(0.5, 1, 10_000).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        double[] w = lassoByHand(t, 0.5);
        assertEquals(w[0], m.parameters().get("x1"), 1e-8);
        assertEquals(w[1], m.parameters().get("x2"), 1e-8);
    }

    @Test
    void aLargeLassoPenaltyZeroesEveryWeightAndPredictsTheMean() {
        Table t = exactLaw();
        TrainedModel m = new ElasticNetLearner(100, 1, 1000).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        double mean = java.util.Arrays.stream(t.numeric("y").values()).average().orElseThrow();
        double[] p = m.predict(t);
        for (double v : p) {
            assertEquals(mean, v, 1e-6);
        }
        assertTrue(m.describe().startsWith("Lasso (Tribuo"));
    }
}
