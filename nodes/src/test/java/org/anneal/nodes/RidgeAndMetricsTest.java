package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.LinearModel;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.NodeFailure;
import org.junit.jupiter.api.Test;

class RidgeAndMetricsTest {
    @Test
    void leastSquaresRecoversAnExactLinearLaw() {
        LinearModel m = (LinearModel) new RidgeLearner(0).fit(Fixtures.fiveRows(), List.of("x1", "x2"), "y", TestCtx.of("fit"));
        assertArrayEquals(new double[] {2, -0.5}, m.weights(), 1e-10);
        assertEquals(1.0, m.intercept(), 1e-10);
        assertArrayEquals(Fixtures.fiveRows().numeric("y").values(), m.predict(Fixtures.fiveRows()), 1e-10);
    }

    @Test
    void ridgeMatchesTheClosedFormOnOneFeature() {
        // one centred feature: w = Sxy / (Sxx + lambda), b = ybar - w xbar
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 2, 3, 4}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {2, 4, 5, 8})));
        double sxx = 5; // sum (x - 2.5)^2
        double sxy = 9.5; // sum (x - 2.5)(y - 4.75)
        LinearModel m = (LinearModel) new RidgeLearner(2).fit(t, List.of("x"), "y", TestCtx.of("fit"));
        assertEquals(sxy / (sxx + 2), m.weights()[0], 1e-12);
        assertEquals(4.75 - 2.5 * sxy / (sxx + 2), m.intercept(), 1e-12);
    }

    @Test
    void collinearFeaturesWithoutPenaltyAreExplained() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2, 3}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {2, 4, 6}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3})));
        NodeFailure e = assertThrows(NodeFailure.class, () -> new RidgeLearner(0).fit(t, List.of("a", "b"), "y", TestCtx.of("f")));
        assertTrue(e.fix().contains("lambda"));
    }

    @Test
    void missingValuesInTrainingRowsAreNamed() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, Double.NaN, 3}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3})));
        NodeFailure e = assertThrows(NodeFailure.class, () -> new RidgeLearner(1).fit(t, List.of("a"), "y", TestCtx.of("f")));
        assertTrue(e.getMessage().contains("'a' has 1 missing"), e.getMessage());
    }

    @Test
    void regressionMetricsMatchHandComputedValues() {
        // errors: 0.5, -1, 0, 2 ; truth mean 4.5 ; SST = 6.25+2.25+0.25+12.25 = 21
        Metrics m = RegressionMetrics.of(new double[] {2, 3, 5, 8}, new double[] {1.5, 4, 5, 6});
        assertEquals(5.25 / 4, m.get("mse"), 1e-12);
        assertEquals(Math.sqrt(5.25 / 4), m.get("rmse"), 1e-12);
        assertEquals(3.5 / 4, m.get("mae"), 1e-12);
        assertEquals(1 - 5.25 / 21, m.get("r2"), 1e-12);
        assertEquals(2, m.get("max_error"), 1e-12);
        assertEquals(List.of("mse", "rmse", "mae", "r2", "max_error"), List.copyOf(m.values().keySet()));
        assertTrue(Double.isNaN(RegressionMetrics.of(new double[] {1, 1}, new double[] {1, 2}).get("r2")));
        assertEquals(Map.of(), Map.of());
    }
}
