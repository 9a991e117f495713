package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.GaussianProcessLearner;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class GaussianProcessTest {
    static Table sine(double[] x, double noise, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(x[i]) + noise * (r.nextDouble() - 0.5) * 3.46; // uniform with sd = noise
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static double[] grid(double from, double to, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = from + (to - from) * i / (n - 1);
        }
        return v;
    }

    @Test
    void interpolatesASmoothFunctionAndIsUnsureFarFromTheData() {
        Table train = sine(grid(0, 6, 25), 0, 1);
        TrainedModel gp = new GaussianProcessLearner(GaussianProcessLearner.Kernel.RBF).fit(train, List.of("x"), "y", TestCtx.of("gp"));
        Table between = sine(grid(0.1, 5.9, 30), 0, 1);
        double[] p = gp.predict(between);
        for (int i = 0; i < p.length; i++) {
            assertEquals(between.numeric("y").get(i), p[i], 1e-2);
        }
        double near = gp.predictionStd(sine(new double[] {3.0}, 0, 1))[0];
        double far = gp.predictionStd(sine(new double[] {12.0}, 0, 1))[0];
        assertTrue(near < 0.05 && far > 10 * near, "sd near the data " + near + ", far from it " + far);
    }

    @Test
    void itsIntervalsCoverTheTruthAboutAsOftenAsTheyClaim() {
        Table train = sine(grid(0, 6, 120), 0.2, 2);
        Table test = sine(grid(0.05, 5.95, 200), 0.2, 3);
        TrainedModel gp = new GaussianProcessLearner(GaussianProcessLearner.Kernel.MATERN52).fit(train, List.of("x"), "y", TestCtx.of("gp"));
        double[] p = gp.predict(test);
        double[] sd = gp.predictionStd(test);
        int inside = 0;
        for (int i = 0; i < p.length; i++) {
            inside += Math.abs(test.numeric("y").get(i) - p[i]) <= 1.96 * sd[i] ? 1 : 0;
        }
        double coverage = inside / (double) p.length;
        assertTrue(coverage > 0.88 && coverage <= 1.0, "95 % intervals cover " + coverage);
    }
}
