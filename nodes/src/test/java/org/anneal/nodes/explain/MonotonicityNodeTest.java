package org.anneal.nodes.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Plot;
import org.anneal.ml.TrainedModel;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

/** The share of grid steps against a monotone law, counted on models whose curves are known. */
class MonotonicityNodeTest {
    /** ŷ = (t − 1)² + c: falls until t = 1, rises after, whatever c is. */
    record Valley() implements TrainedModel {
        public Task task() {
            return Task.REGRESSION;
        }

        public String target() {
            return "y";
        }

        public List<String> features() {
            return List.of("t", "c");
        }

        public String describe() {
            return "valley";
        }

        public double[] predict(Table data) {
            double[] t = data.numeric("t").values();
            double[] c = data.numeric("c").values();
            double[] y = new double[t.length];
            for (int i = 0; i < y.length; i++) {
                y[i] = (t[i] - 1) * (t[i] - 1) + c[i];
            }
            return y;
        }

        public Map<String, Double> parameters() {
            return Map.of();
        }
    }

    static Table rows() {
        return new Table(List.of(new NumericColumn("t", ColumnRole.FEATURE, new double[] {0, 2, 1}),
                new NumericColumn("c", ColumnRole.FEATURE, new double[] {5, -1, 0})));
    }

    static Metrics check(MonotonicityNode.Direction direction, double widen) {
        var out = new MonotonicityNode().execute(new Inputs(Map.of("model", new Valley(), "data", rows())),
                new MonotonicityNode.Params("t", direction, 5, widen, 0), new org.anneal.nn.NetworkTrainingTest.Ctx(Integer.MAX_VALUE));
        assertEquals(3 + 1, ((Plot) out.get("plot")).series().size(), "a curve per row and their mean");
        return (Metrics) out.get("metrics");
    }

    @Test
    void aValleyBreaksADecreasingLawOnItsRisingHalf() {
        // grid 0, 0.5, 1, 1.5, 2 over the rows' range of t: two of four steps rise, in every row
        Metrics m = check(MonotonicityNode.Direction.DECREASING, 0);
        assertEquals(0.5, m.values().get("monotone_violations"), 1e-12);
        assertEquals(1.0, m.values().get("rows_violating"), 1e-12);
        Metrics up = check(MonotonicityNode.Direction.INCREASING, 0);
        assertEquals(0.5, up.values().get("monotone_violations"), 1e-12);
    }

    @Test
    void wideningTheGridLooksBeyondTheRows() {
        // t from −2 to 4 in 5 points: −2, −0.5, 1, 2.5, 4: still two falling and two rising steps
        assertEquals(0.5, check(MonotonicityNode.Direction.DECREASING, 1).values().get("monotone_violations"), 1e-12);
    }

    @Test
    void aFeatureTheModelDoesNotReadIsALocatedError() {
        ModelSpec model = ModelSpec.trainedOn(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("t", "c"), false);
        var data = rows().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new MonotonicityNode().configure(Specs.of(Map.of("model", model, "data", data)),
                new MonotonicityNode.Params("temp", MonotonicityNode.Direction.DECREASING, 5, 0, 0), null));
        assertEquals("feature", e.param());
        assertTrue(e.fix().contains("[t, c]"), e.fix());
    }
}
