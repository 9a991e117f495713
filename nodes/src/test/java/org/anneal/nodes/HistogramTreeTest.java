package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.ClassificationMetrics;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.nodes.model.TribuoTreeTrainer;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * model.tree / model.random-forest (Anneal's histogram CART) against scikit-learn 1.2 in tests/fixtures/sklearn/trees.json:
 * single trees exactly, forests by test score (their random streams differ), and the same forest on any thread count.
 */
class HistogramTreeTest {

    static Table table(JsonNode x, List<String> names, Column target) {
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            double[] v = new double[x.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = x.get(i).get(j).asDouble();
            }
            cols.add(new NumericColumn(names.get(j), ColumnRole.FEATURE, v));
        }
        if (target != null) {
            cols.add(target);
        }
        return new Table(cols);
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= n; j++) {
            names.add("x" + j);
        }
        return names;
    }

    static CategoricalColumn labels(String name, JsonNode values, List<String> levels) {
        int[] codes = new int[values.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = levels.indexOf(values.get(i).asText());
        }
        return new CategoricalColumn(name, ColumnRole.TARGET, codes, levels);
    }

    @Test
    void aDepthThreeRegressionTreeIsScikitLearnsCart() throws Exception {
        JsonNode f = SklearnReferenceTest.fixture("trees.json").get("tree");
        List<String> features = names(3);
        Table train = table(f.get("X"), features, new NumericColumn("y", ColumnRole.TARGET, SklearnReferenceTest.doubles(f.get("y"))));
        TrainedModel m = new TreeLearner(Task.REGRESSION, 3, 1, 1.0).fit(train, features, "y", TestCtx.of("tree"));
        double[] expected = SklearnReferenceTest.doubles(f.get("regressor").get("predict"));
        double[] got = m.predict(table(f.get("grid"), features, null));
        assertArrayEquals(expected, got, 1e-9);
        assertEquals(f.get("regressor").get("leaves").asInt(), Arrays.stream(got).distinct().count(), "one value per leaf");
    }

    @Test
    void aDepthThreeClassificationTreeHasScikitLearnsProbabilities() throws Exception {
        JsonNode f = SklearnReferenceTest.fixture("trees.json").get("tree");
        List<String> features = names(3);
        List<String> levels = List.of("mid", "low", "high"); // not sklearn's sorted order: classes are matched by name
        Table train = table(f.get("X"), features, labels("class", f.get("classes"), levels));
        TrainedModel m = new TreeLearner(Task.CLASSIFICATION, 3, 1, 1.0).fit(train, features, "class", TestCtx.of("tree"));
        double[][] p = m.probabilities(table(f.get("grid"), features, null));
        JsonNode expected = f.get("classifier").get("predict_proba");
        JsonNode order = f.get("classifier").get("classes");
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < order.size(); k++) {
                assertEquals(expected.get(i).get(k).asDouble(), p[i][m.classes().indexOf(order.get(k).asText())], 1e-12, "grid row " + i);
            }
        }
    }

    @Test
    void aForestScoresLikeScikitLearnsOnFriedmanOne() throws Exception {
        JsonNode f = SklearnReferenceTest.fixture("trees.json").get("forest_regression");
        List<String> features = names(6);
        Table all = table(f.get("X"), features, new NumericColumn("y", ColumnRole.TARGET, SklearnReferenceTest.doubles(f.get("y"))));
        int n = f.get("train_rows").asInt();
        Table train = all.rows(range(0, n));
        Table test = all.rows(range(n, all.rowCount()));
        TrainedModel m = new TreeLearner(Task.REGRESSION, f.get("max_depth").asInt(), f.get("trees").asInt(), f.get("max_features").asDouble())
                .fit(train, features, "y", TestCtx.of("rf"));
        double r2 = RegressionMetrics.of(test.numeric("y").values(), m.predict(test)).get("r2");
        double sk = f.get("test_r2").asDouble();
        assertEquals(sk, r2, 0.03, "test R² of 50 trees, scikit-learn " + sk);
    }

    @Test
    void aForestClassifiesAndGivesProbabilitiesLikeScikitLearns() throws Exception {
        JsonNode f = SklearnReferenceTest.fixture("trees.json").get("forest_classification");
        List<String> features = names(6);
        Table all = table(f.get("X"), features, labels("class", f.get("y"), List.of("a", "b", "c")));
        int n = f.get("train_rows").asInt();
        Table train = all.rows(range(0, n));
        Table test = all.rows(range(n, all.rowCount()));
        TrainedModel m = new TreeLearner(Task.CLASSIFICATION, f.get("max_depth").asInt(), f.get("trees").asInt(), f.get("max_features").asDouble())
                .fit(train, features, "class", TestCtx.of("rf"));
        int[] truth = ((CategoricalColumn) test.column("class").orElseThrow()).codes();
        int[] pred = Arrays.stream(m.predict(test)).mapToInt(v -> (int) v).toArray();
        var metrics = ClassificationMetrics.of(truth, pred, m.classes(), m.probabilities(test));
        assertEquals(f.get("test_accuracy").asDouble(), metrics.get("accuracy"), 0.03, "accuracy");
        assertEquals(f.get("test_log_loss").asDouble(), metrics.get("log_loss"), 0.05, "log loss of the averaged leaf proportions");
    }

    @Test
    void aForestScoresAtLeastAsWellAsTribuosCartForest() throws Exception {
        JsonNode f = SklearnReferenceTest.fixture("trees.json").get("forest_regression");
        List<String> features = names(6);
        Table all = table(f.get("X"), features, new NumericColumn("y", ColumnRole.TARGET, SklearnReferenceTest.doubles(f.get("y"))));
        Table train = all.rows(range(0, 500));
        Table test = all.rows(range(1000, all.rowCount()));
        double[] truth = test.numeric("y").values();
        double ours = RegressionMetrics.of(truth, new TreeLearner(Task.REGRESSION, 6, 20, 0.5).fit(train, features, "y", TestCtx.of("rf"))
                .predict(test)).get("r2");
        double tribuo = RegressionMetrics.of(truth, TribuoTreeTrainer.fit(Task.REGRESSION, train, features, "y", 6, 20, 0.5, 42).predict(test))
                .get("r2");
        assertTrue(ours > tribuo - 0.02, "histogram forest R² " + ours + ", Tribuo's " + tribuo);
    }

    @Test
    void theSameSeedGrowsTheSameForestOnOneOrFourThreads() {
        Table train = PrepareAndGenerateTest.generate("two-moons", 600, 0.2, 1);
        Table test = PrepareAndGenerateTest.generate("two-moons", 200, 0.2, 2);
        List<String> xs = List.of("x1", "x2");
        TrainedModel one = new TreeLearner(Task.CLASSIFICATION, 8, 24, 0.5, 1).fit(train, xs, "class", TestCtx.of("rf"));
        TrainedModel four = new TreeLearner(Task.CLASSIFICATION, 8, 24, 0.5, 4).fit(train, xs, "class", TestCtx.of("rf"));
        double[][] a = one.probabilities(test);
        double[][] b = four.probabilities(test);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0, "row " + i);
        }
        Table runge = PrepareAndGenerateTest.generate("runge", 500, 0.05, 3);
        double[] r1 = new TreeLearner(Task.REGRESSION, 8, 24, 1.0, 1).fit(runge, List.of("x"), "y", TestCtx.of("rf")).predict(runge);
        double[] r3 = new TreeLearner(Task.REGRESSION, 8, 24, 1.0, 3).fit(runge, List.of("x"), "y", TestCtx.of("rf")).predict(runge);
        assertArrayEquals(r1, r3, 0);
        double[] other = new TreeLearner(Task.REGRESSION, 8, 24, 1.0, 1).fit(runge, List.of("x"), "y", new org.anneal.exec.StandaloneContext("rf", 43, java.nio.file.Path.of("."))).predict(runge);
        assertTrue(!Arrays.equals(r1, other), "another seed, another forest");
    }

    @Test
    void aTreeSplitsXorThoughItsFirstSplitGainsNothing() {
        double[] x1 = new double[40];
        double[] x2 = new double[40];
        int[] c = new int[40];
        for (int i = 0; i < 40; i++) {
            x1[i] = i % 2;
            x2[i] = (i / 2) % 2;
            c[i] = (int) (x1[i] + x2[i]) % 2;
        }
        Table t = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("c", ColumnRole.TARGET, c, List.of("same", "different"))));
        TrainedModel m = new TreeLearner(Task.CLASSIFICATION, 2, 1, 1.0).fit(t, List.of("x1", "x2"), "c", TestCtx.of("tree"));
        assertArrayEquals(Arrays.stream(c).asDoubleStream().toArray(), m.predict(t), 0);
    }

    static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    @Test
    void aForestReportsItsSizeAndSplitsOnlyOnTheFeatureThatMatters() {
        // y is a step in x1; x2 is noise the trees may split on only where x1 leaves nothing to gain
        int n = 400;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextDouble();
            x2[i] = r.nextDouble();
            y[i] = x1[i] < 0.5 ? 0 : 10;
        }
        Table t = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new NumericColumn("y", ColumnRole.TARGET, y)));
        var p = new TreeLearner(Task.REGRESSION, 1, 5, 1.0).fit(t, List.of("x1", "x2"), "y", TestCtx.of("rf")).parameters();
        assertEquals(5.0, p.get("trees"));
        assertEquals(1.0, p.get("mean depth"), "depth 1: one split per tree");
        assertEquals(2.0, p.get("mean leaves per tree"));
        assertEquals(1.0, p.get("split share: x1"), "the step is in x1: every split is on it");
        assertEquals(0.0, p.get("split share: x2"));
    }
}
