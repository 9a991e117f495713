package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.explain.LimeNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.LogisticLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class LimeTest {
    /** Slope of the model's P(upper) along feature j at row i, by central differences. */
    static double slope(TrainedModel m, Table rows, int i, String feature, int upper) {
        Table row = rows.rows(new int[] {i, i});
        double[] x = row.numeric(feature).values();
        double h = 0.05;
        Table moved = row.with(new NumericColumn(feature, ColumnRole.FEATURE, new double[] {x[0] + h, x[1] - h}));
        double[][] p = m.probabilities(moved);
        return (p[0][upper] - p[1][upper]) / (2 * h);
    }

    @Test
    void localWeightsOfALogisticModelPointTheWayItsProbabilityRises() {
        Table moons = PrepareAndGenerateTest.generate("two-moons", 200, 0.1, 3);
        TrainedModel lr = new LogisticLearner(30, 1.0).fit(moons, List.of("x1", "x2"), "class", TestCtx.of("fit"));
        int upper = lr.classes().indexOf("upper");
        Table w = (Table) new LimeNode().execute(new Inputs(Map.of("model", lr, "data", moons)), new LimeNode.Params(10, 2000, 0, "upper"),
                TestCtx.of("lime")).get("weights");
        assertEquals(10, w.rowCount());
        int agree = 0;
        for (int i = 0; i < 10; i++) {
            for (String f : List.of("x1", "x2")) {
                double g = slope(lr, moons, i, f, upper);
                double l = w.numeric("lime_" + f).get(i);
                agree += Math.abs(g) < 0.02 || Math.signum(g) == Math.signum(l) ? 1 : 0;
            }
        }
        assertTrue(agree >= 18, "LIME weights follow the sign of the model's local slope: " + agree + " of 20");
    }

    @Test
    void regressionAndNonTribuoModelsAreSentToShap() {
        var regression = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x1", "x2"));
        ConfigError e = assertThrows(ConfigError.class, () -> new LimeNode().configure(
                Specs.of(Map.of("model", regression, "data", Fixtures.fiveRows().spec(Lineage.UNSPLIT))), new LimeNode.Params(20, 1000, 0, ""), TestCtx.of("l")));
        assertEquals("model", e.port());
        assertTrue(e.fix().contains("explain.shap"));
        TrainedModel handMade = new TrainedModel() {
            public Task task() {
                return Task.CLASSIFICATION;
            }

            public String target() {
                return "class";
            }

            public List<String> features() {
                return List.of("x");
            }

            public String describe() {
                return "threshold rule";
            }

            public double[] predict(Table d) {
                return new double[d.rowCount()];
            }

            public List<String> classes() {
                return List.of("common", "rare");
            }

            public Map<String, Double> parameters() {
                return Map.of();
            }
        };
        NodeFailure f = assertThrows(NodeFailure.class, () -> new LimeNode().execute(new Inputs(Map.of("model", handMade, "data", Fixtures.classes(10))),
                new LimeNode.Params(20, 1000, 0, ""), TestCtx.of("l")));
        assertTrue(f.fix().contains("explain.shap"));
    }

    @Test
    void aRandomForestIsExplainedThroughItsTribuoView() {
        // the class depends on x1 only: P(up) rises with x1, x2 is noise
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        int n = 600;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble(-2, 2);
            x2[i] = r.nextDouble(-2, 2);
            c[i] = x1[i] + r.nextGaussian() * 0.7 > 0 ? 1 : 0;
        }
        Table t = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new org.anneal.data.CategoricalColumn("class", ColumnRole.TARGET, c, List.of("down", "up"))));
        TrainedModel rf = new org.anneal.nodes.model.TreeLearner(Task.CLASSIFICATION, 6, 30, 0.5).fit(t, List.of("x1", "x2"), "class", TestCtx.of("rf"));
        Table w = (Table) new LimeNode().execute(new Inputs(Map.of("model", rf, "data", t)), new LimeNode.Params(10, 2000, 0, "up"),
                TestCtx.of("lime")).get("weights");
        int rising = 0;
        for (int i = 0; i < 10; i++) {
            rising += w.numeric("lime_x1").get(i) > Math.abs(w.numeric("lime_x2").get(i)) ? 1 : 0;
        }
        assertTrue(rising >= 8, "P(up) rises with x1 and ignores x2 in LIME's local weights: " + rising + " of 10");
    }
}
