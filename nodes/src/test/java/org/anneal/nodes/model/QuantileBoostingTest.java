package org.anneal.nodes.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.IntervalModel;
import org.anneal.nodes.evaluate.Predictions;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

/** Pinball-loss boosting: the gradient, and the coverage and shape of its intervals on heteroscedastic data. */
class QuantileBoostingTest {
    /** y = 2x + (0.2 + 0.5x)·N(0, 1), x uniform in [0, 4]: the spread grows fourfold across the range. */
    static Table heteroscedastic(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble(0, 4);
            double u = 1 - r.nextDouble();
            double g = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
            y[i] = 2 * x[i] + (0.2 + 0.5 * x[i]) * g;
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void thePinballGradientIsMinusTauAboveAndOneMinusTauBelow() {
        assertEquals(-0.05f, PinballObjective.gradient(3f, 1f, 0.05f), 0f);
        assertEquals(0.95f, PinballObjective.gradient(1f, 3f, 0.05f), 0f);
        assertEquals(0f, PinballObjective.gradient(2f, 2f, 0.05f), 0f);
        var grad = new PinballObjective(new float[] {0, 1, 2}, 0.9).getGradient(new float[][] {{1}, {1}, {1}}, null);
        assertArrayEquals(new float[] {0.1f, 0f, -0.9f}, grad.get(0), 1e-7f);
        assertArrayEquals(new float[] {0.4f, 0.4f, 0.4f}, grad.get(1), 1e-7f); // 4·min(τ, 1 − τ)
        assertEquals(2.0, QuantileBoostingLearner.quantile(new float[] {5, 1, 2, 4, 3}, 0.4), 0, "the 2nd smallest of 5");
    }

    @Test
    void aNinetyPercentIntervalCoversAboutNinetyPercentOfFreshRowsAndWidensWithTheNoise() {
        var model = (IntervalModel) new QuantileBoostingLearner(0.9, 200, 3, 0.05, 1.0)
                .fit(heteroscedastic(2000, 1), List.of("x"), "y", GaussianProcessArdTest.ctx());
        Table fresh = heteroscedastic(5000, 2);
        double[][] iv = model.interval(fresh);
        double[] y = fresh.numeric("y").values();
        int inside = 0;
        for (int i = 0; i < y.length; i++) {
            inside += iv[0][i] <= y[i] && y[i] <= iv[1][i] ? 1 : 0;
        }
        double coverage = inside / (double) y.length;
        // tolerance: the quantiles are estimated from 2000 rows; 0.9 ± 0.03 holds across seeds (binomial sd on 5000 rows is 0.004)
        assertEquals(0.9, coverage, 0.03, "coverage on fresh rows");
        Table ends = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {0.5, 3.5})));
        double[][] e = model.interval(ends);
        double narrow = e[1][0] - e[0][0];
        double wide = e[1][1] - e[0][1];
        // true widths 2·1.645·(0.2 + 0.5x): 1.48 at x = 0.5, 6.41 at x = 3.5
        assertEquals(1.48, narrow, 0.5, "width at x = 0.5");
        assertEquals(6.41, wide, 1.5, "width at x = 3.5");
        double[] median = model.predict(ends);
        assertEquals(1.0, median[0], 0.3);
        assertEquals(7.0, median[1], 0.8);
    }

    @Test
    void itsPredictionsCarryTheConformalIntervalColumnsAndAMatchingSd() {
        var model = new QuantileBoostingLearner(0.8, 50, 2, 0.2, 1.0).fit(heteroscedastic(300, 3), List.of("x"), "y", GaussianProcessArdTest.ctx());
        Table preds = Predictions.of(model, heteroscedastic(20, 4), "prediction");
        double[] low = preds.numeric("prediction_low").values();
        double[] high = preds.numeric("prediction_high").values();
        double[] sd = preds.numeric("prediction_sd").values();
        double z = 1.2815515655446004; // the 0.9 quantile of N(0, 1): an 80 % central interval
        for (int i = 0; i < low.length; i++) {
            assertTrue(low[i] <= preds.numeric("prediction").get(i) && preds.numeric("prediction").get(i) <= high[i]);
            assertEquals(high[i] - low[i], 2 * z * sd[i], 1e-9);
        }
    }

    @Test
    void tooFewRowsAreRefused() {
        NodeFailure e = assertThrows(NodeFailure.class,
                () -> new QuantileBoostingLearner(0.9, 10, 2, 0.1, 1).fit(heteroscedastic(5, 1), List.of("x"), "y", GaussianProcessArdTest.ctx()));
        assertTrue(e.getMessage().contains("5 rows"), e.getMessage());
    }
}
