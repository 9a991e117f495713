package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.explain.PartialDependenceNode;
import org.anneal.nodes.explain.ShapNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.LogisticLearner;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class ShapAndPartialDependenceTest {
    static org.anneal.spec.Outputs shap(TrainedModel m, Table background, Table data, int backgroundRows, String cls) {
        return new ShapNode().execute(new Inputs(Map.of("model", m, "background", background, "data", data)),
                new ShapNode.Params(backgroundRows, 1000, 2048, cls), TestCtx.of("shap"));
    }

    @Test
    void shapOfALinearModelIsTheCoefficientTimesTheDistanceFromTheBackgroundMean() {
        Table t = Fixtures.fiveRows(); // y = 1 + 2 x1 − 0.5 x2; mean x1 = 3, mean x2 = 3.2
        TrainedModel m = new RidgeLearner(0).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        Table v = (Table) shap(m, t, t, 5, "").get("values");
        double[] x1 = t.numeric("x1").values();
        double[] x2 = t.numeric("x2").values();
        for (int i = 0; i < 5; i++) {
            assertEquals(2 * (x1[i] - 3), v.numeric("shap_x1").get(i), 1e-9);
            assertEquals(-0.5 * (x2[i] - 3.2), v.numeric("shap_x2").get(i), 1e-9);
            assertEquals(t.numeric("y").get(i), v.numeric("shap_output").get(i), 1e-9);
        }
        assertEquals(1 + 2 * 3 - 0.5 * 3.2, v.numeric("shap_base").get(0), 1e-9, "E f over the background");
    }

    /** y = Σ w_j x_j with 14 features: more than the exact limit, so coalitions are sampled; a linear law is still recovered exactly. */
    @Test
    void sampledCoalitionsStillRecoverALinearLawExactly() {
        int m = 14;
        SplittableRandom r = new SplittableRandom(5);
        List<Column> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] y = new double[60];
        double[] w = new double[m];
        double[][] x = new double[m][60];
        for (int j = 0; j < m; j++) {
            w[j] = j - 6.5;
            names.add("f" + j);
            for (int i = 0; i < 60; i++) {
                x[j][i] = r.nextDouble(-1, 1);
                y[i] += w[j] * x[j][i];
            }
            cols.add(new NumericColumn("f" + j, ColumnRole.FEATURE, x[j]));
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        Table t = new Table(cols);
        TrainedModel model = new RidgeLearner(0).fit(t, names, "y", TestCtx.of("fit"));
        Table v = (Table) shap(model, t, t.rows(new int[] {0, 1, 2}), 60, "").get("values");
        for (int j = 0; j < m; j++) {
            double mean = java.util.Arrays.stream(x[j]).average().orElseThrow();
            assertEquals(w[j] * (x[j][0] - mean), v.numeric("shap_f" + j).get(0), 1e-6, "feature " + j);
        }
    }

    /** f = x1 · x2 + x3: an interaction, checked against the Shapley formula evaluated by brute force. */
    @Test
    void anInteractionIsSplitLikeTheShapleyFormulaSays() {
        TrainedModel product = new TrainedModel() {
            public Task task() {
                return Task.REGRESSION;
            }

            public String target() {
                return "y";
            }

            public List<String> features() {
                return List.of("x1", "x2", "x3");
            }

            public String describe() {
                return "x1 x2 + x3";
            }

            public double[] predict(Table d) {
                double[] a = d.numeric("x1").values();
                double[] b = d.numeric("x2").values();
                double[] c = d.numeric("x3").values();
                double[] out = new double[a.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = a[i] * b[i] + c[i];
                }
                return out;
            }

            public Map<String, Double> parameters() {
                return Map.of();
            }
        };
        // background: two rows (0, 0, 0) and (2, 4, 1); explained row (1, 3, 5)
        Table bg = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, new double[] {0, 2}), new NumericColumn("x2", ColumnRole.FEATURE, new double[] {0, 4}),
                new NumericColumn("x3", ColumnRole.FEATURE, new double[] {0, 1})));
        Table row = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, new double[] {1}), new NumericColumn("x2", ColumnRole.FEATURE, new double[] {3}),
                new NumericColumn("x3", ColumnRole.FEATURE, new double[] {5})));
        Table v = (Table) shap(product, bg, row, 2, "").get("values");
        // φ_j = Σ_S |S|! (M − |S| − 1)! / M! · (v(S ∪ j) − v(S)), v(S) = mean over the background of f with S taken from x
        double[] x = {1, 3, 5};
        double[][] b = {{0, 0, 0}, {2, 4, 1}};
        double[] phi = new double[3];
        for (int j = 0; j < 3; j++) {
            for (int mask = 0; mask < 8; mask++) {
                if ((mask >> j & 1) == 1) {
                    continue;
                }
                int s = Integer.bitCount(mask);
                double weight = factorial(s) * factorial(3 - s - 1) / factorial(3);
                phi[j] += weight * (value(mask | 1 << j, x, b) - value(mask, x, b));
            }
        }
        assertArrayEquals(phi, new double[] {v.numeric("shap_x1").get(0), v.numeric("shap_x2").get(0), v.numeric("shap_x3").get(0)}, 1e-9);
        // x3 enters additively: its share is 5 − mean(0, 1) = 4.5; the product's credit is split between x1 and x2
        assertEquals(4.5, phi[2], 1e-12);
    }

    static double value(int mask, double[] x, double[][] background) {
        double sum = 0;
        for (double[] b : background) {
            double[] z = new double[3];
            for (int j = 0; j < 3; j++) {
                z[j] = (mask >> j & 1) == 1 ? x[j] : b[j];
            }
            sum += z[0] * z[1] + z[2];
        }
        return sum / background.length;
    }

    static double factorial(int n) {
        return n <= 1 ? 1 : n * factorial(n - 1);
    }

    @Test
    void sharesOfARandomForestAddUpToItsPredictionMinusTheBaseline() {
        Table t = PrepareAndGenerateTest.generate("alloy", 200, 5, 4);
        List<String> features = t.features().stream().map(Column::name).toList();
        TrainedModel rf = new TreeLearner(Task.REGRESSION, 6, 20, 0.7).fit(t, features, t.target().orElseThrow().name(), TestCtx.of("rf"));
        Table rows = t.rows(new int[] {0, 1, 2, 3, 4});
        var out = shap(rf, t, rows, 10, "");
        Table v = (Table) out.get("values");
        double[] predicted = rf.predict(rows);
        for (int i = 0; i < 5; i++) {
            double sum = v.numeric("shap_base").get(i);
            for (String f : features) {
                sum += v.numeric("shap_" + f).get(i);
            }
            assertEquals(predicted[i], sum, 1e-9, "efficiency, row " + i);
        }
        Metrics m = (Metrics) out.get("metrics");
        Table summary = (Table) out.get("summary");
        String top = ((CategoricalColumn) summary.column("feature").orElseThrow()).get(0);
        assertEquals(summary.numeric("mean_abs_shap").get(0), m.get("mean_abs_shap[" + top + "]"));
    }

    @Test
    void classifierSharesExplainTheProbabilityOfTheChosenClass() {
        Table moons = PrepareAndGenerateTest.generate("two-moons", 100, 0.1, 3);
        TrainedModel lr = new LogisticLearner(20, 1.0).fit(moons, List.of("x1", "x2"), "class", TestCtx.of("fit"));
        Table v = (Table) shap(lr, moons, moons.rows(new int[] {0, 1}), 20, "upper").get("values");
        double p = lr.probabilities(moons.rows(new int[] {0}))[0][lr.classes().indexOf("upper")];
        assertEquals(p, v.numeric("shap_base").get(0) + v.numeric("shap_x1").get(0) + v.numeric("shap_x2").get(0), 1e-9);
    }

    @Test
    void partialDependenceOfALinearModelIsAStraightLineWithTheCoefficientAsSlope() {
        Table t = Fixtures.fiveRows();
        TrainedModel m = new RidgeLearner(0).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        var out = new PartialDependenceNode().execute(new Inputs(Map.of("model", m, "data", t)),
                new PartialDependenceNode.Params("x1", 3, 0.25, 0.75, ""), TestCtx.of("pd"));
        Table pd = (Table) out.get("table");
        // quartiles of x1 = 1..5 are 2 and 4; PD(v) = 1 + 2 v − 0.5 · mean(x2) = 2 v − 0.6
        assertArrayEquals(new double[] {2, 3, 4}, pd.numeric("x1").values(), 1e-12);
        assertArrayEquals(new double[] {3.4, 5.4, 7.4}, pd.numeric("partial_dependence").values(), 1e-9);
    }

    @Test
    void partialDependenceNamesAFeatureTheModelLacks() {
        var model = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x1", "x2"));
        ConfigError e = assertThrows(ConfigError.class, () -> new PartialDependenceNode().configure(
                Specs.of(Map.of("model", model, "data", Fixtures.fiveRows().spec(Lineage.UNSPLIT))),
                new PartialDependenceNode.Params("x3", 20, 0.05, 0.95, ""), TestCtx.of("pd")));
        assertEquals("feature", e.param());
        assertTrue(e.fix().contains("x1"), e.fix());
    }
}
