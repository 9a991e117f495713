package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.ClassificationMetrics;
import org.anneal.nodes.evaluate.CrossValidateNode;
import org.anneal.nodes.evaluate.Folds;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.ElasticNetLearner;
import org.anneal.nodes.prepare.ColumnScaling;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

/**
 * Anneal against scikit-learn 1.2 reference numbers in tests/fixtures/sklearn (made by make_fixtures.py, which also
 * documents the parameter mapping and what does not map). Tolerances: 1e-9 for closed-form results and metrics
 * (both sides are exact up to rounding), 1e-4 for coordinate descent: scikit-learn is run to tol = 1e-12 here, but
 * model.elastic-net passes Tribuo a fixed convergence tolerance of 1e-4, so its weights stop about 4e-5 short.
 */
class SklearnReferenceTest {
    static final Path DIR = Path.of("..", "tests", "fixtures", "sklearn");
    static final double EXACT = 1e-9;
    static final double CD = 1e-4;

    static JsonNode fixture(String name) throws Exception {
        return new ObjectMapper().readTree(DIR.resolve(name).toFile());
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static Table regressionTable(JsonNode f) {
        List<Column> cols = new ArrayList<>();
        JsonNode x = f.get("X");
        for (int j = 0; j < f.get("features").size(); j++) {
            double[] v = new double[x.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = x.get(i).get(j).asDouble();
            }
            cols.add(new NumericColumn(f.get("features").get(j).asText(), ColumnRole.FEATURE, v));
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, doubles(f.get("y"))));
        return new Table(cols);
    }

    static void assertLinear(JsonNode expected, TrainedModel m, double tol) {
        Map<String, Double> p = m.parameters();
        double[] coef = doubles(expected.get("coef"));
        assertArrayEquals(coef, new double[] {p.get("x1"), p.get("x2"), p.get("x3")}, tol, m.describe());
        // the intercept is the prediction at x = 0 (Tribuo's models name it differently from Anneal's own)
        Table origin = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, new double[1]), new NumericColumn("x2", ColumnRole.FEATURE, new double[1]),
                new NumericColumn("x3", ColumnRole.FEATURE, new double[1])));
        // its error is the weights' errors times the feature means (x2 averages 10), hence the wider tolerance
        assertEquals(expected.get("intercept").asDouble(), m.predict(origin)[0], tol * 10, m.describe());
    }

    @Test
    void leastSquaresAndRidgeMatchLinearRegressionAndRidge() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        List<String> features = List.of("x1", "x2", "x3");
        assertLinear(f.get("ols"), Fixtures.ridge(0).fit(t, features, "y", TestCtx.of("ols")), EXACT);
        TrainedModel ridge = Fixtures.ridge(f.get("ridge").get("alpha").asDouble()).fit(t, features, "y", TestCtx.of("ridge"));
        assertLinear(f.get("ridge"), ridge, EXACT);
        Metrics m = RegressionMetrics.of(t.numeric("y").values(), ridge.predict(t));
        for (String name : List.of("r2", "mse", "rmse", "mae")) {
            assertEquals(f.get("ridge_in_sample_metrics").get(name).asDouble(), m.get(name), EXACT, name);
        }
    }

    @Test
    void lassoAndElasticNetMatchAtTheSameAlphaAndL1Ratio() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        List<String> features = List.of("x1", "x2", "x3");
        JsonNode lasso = f.get("lasso");
        Learner l = new ElasticNetLearner(lasso.get("alpha").asDouble(), 1, 100000);
        assertLinear(lasso, ((org.anneal.ml.Learner) l).fit(t, features, "y", TestCtx.of("lasso")), CD);
        JsonNode en = f.get("elastic_net");
        Learner e = new ElasticNetLearner(en.get("alpha").asDouble(), en.get("l1_ratio").asDouble(), 100000);
        assertLinear(en, e.fit(t, features, "y", TestCtx.of("en")), CD);
    }

    @Test
    void contiguousFiveFoldRidgeMatchesKFoldWithoutShuffling() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        var out = new CrossValidateNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(f.get("ridge").get("alpha").asDouble()), "table", t)),
                new CrossValidateNode.Params(5, org.anneal.spec.FoldStrategy.CONTIGUOUS, false, 1), TestCtx.of("cv"));
        Table folds = (Table) out.get("folds");
        assertArrayEquals(doubles(f.get("ridge_kfold5_noshuffle").get("mse")), folds.numeric("mse").values(), EXACT);
        double[] r2 = doubles(f.get("ridge_kfold5_noshuffle").get("r2"));
        assertEquals(java.util.Arrays.stream(r2).average().orElseThrow(), ((Metrics) out.get("metrics")).get("r2"), EXACT);
    }

    @Test
    void standardizeMatchesStandardScalerUpToTheSampleSdConvention() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        int n = t.rowCount();
        var state = (ColumnScaling) new StandardizeNode().execute(new Inputs(Map.of("fit", t, "data", t)),
                new StandardizeNode.Params(List.of(), true, true), TestCtx.of("std")).get("state");
        assertArrayEquals(doubles(f.get("standard_scaler").get("mean")), state.centre(), EXACT);
        double[] ddof0 = state.scale().clone();
        for (int j = 0; j < ddof0.length; j++) {
            ddof0[j] *= Math.sqrt((n - 1.0) / n);
        }
        assertArrayEquals(doubles(f.get("standard_scaler").get("scale_ddof0")), ddof0, EXACT);
    }

    @Test
    void polynomialOfOneFeatureMatchesPolynomialFeatures() throws Exception {
        JsonNode f = fixture("polynomial.json");
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, doubles(f.get("x")))));
        Table out = (Table) new PolynomialFeaturesNode().execute(new Inputs(Map.of("table", t)),
                new PolynomialFeaturesNode.Params(List.of("x"), f.get("degree").asInt()), TestCtx.of("poly")).get("out");
        JsonNode expanded = f.get("expanded");
        for (int j = 0; j < f.get("names").size(); j++) {
            double[] col = out.numeric(f.get("names").get(j).asText()).values();
            for (int i = 0; i < col.length; i++) {
                assertEquals(expanded.get(i).get(j).asDouble(), col[i], EXACT * Math.max(1, Math.abs(col[i])));
            }
        }
    }

    @Test
    void classificationMetricsAndConfusionMatrixMatch() throws Exception {
        JsonNode f = fixture("classification.json");
        List<String> classes = new ArrayList<>();
        f.get("classes").forEach(c -> classes.add(c.asText()));
        int[] truth = java.util.Arrays.stream(doubles(f.get("truth"))).mapToInt(d -> (int) d).toArray();
        int[] pred = java.util.Arrays.stream(doubles(f.get("predicted"))).mapToInt(d -> (int) d).toArray();
        double[][] proba = new double[truth.length][];
        for (int i = 0; i < truth.length; i++) {
            proba[i] = doubles(f.get("probabilities").get(i));
        }
        Metrics m = ClassificationMetrics.of(truth, pred, classes, proba);
        for (String name : List.of("accuracy", "balanced_accuracy", "precision_macro", "recall_macro", "f1_macro", "log_loss")) {
            assertEquals(f.get(name).asDouble(), m.get(name), EXACT, name);
        }
        long[][] cm = ClassificationMetrics.confusion(truth, pred, classes.size());
        for (int r = 0; r < classes.size(); r++) {
            for (int c = 0; c < classes.size(); c++) {
                assertEquals(f.get("confusion").get(r).get(c).asLong(), cm[r][c], "confusion[" + r + "][" + c + "]");
            }
        }
    }

    @Test
    void foldSizesMatchKFoldStratifiedKFoldAndGroupKFold() throws Exception {
        JsonNode f = fixture("folds.json");
        // stratified: every seed gives StratifiedKFold's class counts per fold
        JsonNode s = f.get("stratified");
        List<String> levels = List.of("a", "b", "c");
        int[] codes = new int[s.get("labels").size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = levels.indexOf(s.get("labels").get(i).asText());
        }
        Table strat = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[codes.length]),
                new CategoricalColumn("y", ColumnRole.TARGET, codes, levels)));
        int k = s.get("k").asInt();
        for (long seed = 1; seed <= 5; seed++) {
            int[] fold = Folds.assign(strat, org.anneal.spec.FoldStrategy.STRATIFIED, k, seed);
            for (int fo = 0; fo < k; fo++) {
                for (int c = 0; c < 3; c++) {
                    int count = 0;
                    for (int i = 0; i < codes.length; i++) {
                        count += fold[i] == fo && codes[i] == c ? 1 : 0;
                    }
                    assertEquals(s.get("test_counts").get(fo).get(c).asInt(), count, "seed " + seed + ", fold " + fo + ", class " + levels.get(c));
                }
            }
        }
        // group: distinct group sizes make GroupKFold's placement unique, whatever the seed
        JsonNode g = f.get("group");
        List<String> groups = new ArrayList<>();
        g.get("groups").forEach(x -> groups.add(x.asText()));
        List<String> names = groups.stream().distinct().toList();
        int[] gcodes = groups.stream().mapToInt(names::indexOf).toArray();
        Table grouped = new Table(List.of(new CategoricalColumn("g", ColumnRole.GROUP, gcodes, names),
                new NumericColumn("y", ColumnRole.TARGET, new double[gcodes.length])));
        for (long seed = 1; seed <= 5; seed++) {
            int[] fold = Folds.assign(grouped, org.anneal.spec.FoldStrategy.GROUP, g.get("k").asInt(), seed);
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < fold.length; i++) {
                seen.put(groups.get(i), fold[i]);
            }
            for (String name : names) {
                assertEquals(g.get("fold_of_group").get(name).asInt(), seen.get(name), "group " + name);
            }
        }
        // random k-fold: KFold's fold sizes
        JsonNode kf = f.get("kfold");
        Table plain = new Table(List.of(new NumericColumn("y", ColumnRole.TARGET, new double[kf.get("n").asInt()])));
        int[] fold = Folds.assign(plain, org.anneal.spec.FoldStrategy.RANDOM, kf.get("k").asInt(), 9);
        for (int fo = 0; fo < kf.get("k").asInt(); fo++) {
            final int ff = fo;
            assertEquals(kf.get("test_sizes").get(fo).asInt(), (int) java.util.Arrays.stream(fold).filter(x -> x == ff).count());
        }
    }

    /** The elements of a JSON array as text, as a node's list params hold them. */
    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }

    static void assertCurve(JsonNode expected, Table scores) {
        assertArrayEquals(doubles(expected.get("train_mean")), scores.numeric("train_r2").values(), EXACT, "training score");
        assertArrayEquals(doubles(expected.get("train_sd")), scores.numeric("train_r2_sd").values(), EXACT, "training sd");
        assertArrayEquals(doubles(expected.get("test_mean")), scores.numeric("cv_r2").values(), EXACT, "cross-validation score");
        assertArrayEquals(doubles(expected.get("test_sd")), scores.numeric("cv_r2_sd").values(), EXACT, "cross-validation sd");
    }

    @Test
    void validationAndLearningCurvesMatchWithUnshuffledFolds() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        JsonNode vc = f.get("ridge_validation_curve");
        List<String> alphas = texts(vc.get("alphas"));
        Table v = (Table) new org.anneal.nodes.evaluate.ValidationCurveNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "table", t)),
                new org.anneal.nodes.evaluate.ValidationCurveNode.Params("lambda", org.anneal.nodes.evaluate.ValidationCurveNode.Grid.LISTED, alphas, 1, 2, 2, 5, org.anneal.spec.FoldStrategy.CONTIGUOUS, org.anneal.nodes.evaluate.Metric.R2),
                TestCtx.of("vc")).get("scores");
        assertCurve(vc, v);
        JsonNode lc = f.get("ridge_learning_curve");
        List<String> shares = texts(lc.get("shares"));
        Table l = (Table) new org.anneal.nodes.evaluate.LearningCurveNode().execute(
                new Inputs(Map.of("learner", Fixtures.ridge(lc.get("alpha").asDouble()), "table", t)),
                new org.anneal.nodes.evaluate.LearningCurveNode.Params(shares, 5, org.anneal.spec.FoldStrategy.CONTIGUOUS, org.anneal.nodes.evaluate.Metric.R2), TestCtx.of("lc")).get("scores");
        assertArrayEquals(doubles(lc.get("sizes")), l.numeric("train_rows").values(), 0);
        assertCurve(lc, l);
    }

    @Test
    void aPipelineCrossValidatesLikeScikitLearnsPipeline() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        JsonNode p = f.get("pipeline_kfold5_noshuffle");
        double m = p.get("train_rows").asDouble();
        // the sample-sd scaling shrinks the standardized features by sqrt((m-1)/m); this lambda undoes it exactly
        Learner ridge = Fixtures.ridge(p.get("alpha").asDouble() * (m - 1) / m);
        Learner selected = PipelineStepsTest.wrap(new org.anneal.nodes.prepare.SelectKBestNode.InPipeline(),
                new org.anneal.nodes.prepare.SelectKBestNode.InPipeline.Params(p.get("k").asInt()), ridge);
        Learner pipeline = PipelineStepsTest.wrap(new org.anneal.nodes.prepare.StandardizeNode.InPipeline(),
                new org.anneal.nodes.prepare.StandardizeNode.InPipeline.Params(true, true), selected);
        var out = new CrossValidateNode().execute(new Inputs(Map.of("learner", pipeline, "table", t)),
                new CrossValidateNode.Params(5, org.anneal.spec.FoldStrategy.CONTIGUOUS, false, 1), TestCtx.of("cv"));
        assertArrayEquals(doubles(p.get("mse")), ((Table) out.get("folds")).numeric("mse").values(), EXACT);
        assertEquals(java.util.Arrays.stream(doubles(p.get("r2"))).average().orElseThrow(), ((Metrics) out.get("metrics")).get("r2"), EXACT);
    }

    @Test
    void tuneByInnerCrossValidationMatchesGridSearchCV() throws Exception {
        JsonNode f = fixture("regression.json");
        Table t = regressionTable(f);
        JsonNode g = f.get("grid_search");
        List<String> alphas = texts(g.get("alphas"));
        var out = new org.anneal.nodes.evaluate.TuneNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "train", t)),
                new org.anneal.nodes.evaluate.TuneNode.Params("lambda", alphas, org.anneal.nodes.evaluate.Metric.RMSE, org.anneal.nodes.evaluate.TuneNode.Search.GRID, 10, org.anneal.nodes.evaluate.SearchSpace.Distribution.VALUES, "", List.of(), 5, org.anneal.spec.FoldStrategy.CONTIGUOUS),
                TestCtx.of("tune"));
        Table curve = (Table) out.get("curve");
        assertArrayEquals(doubles(g.get("rmse_mean")), curve.numeric("rmse").values(), EXACT);
        assertArrayEquals(doubles(g.get("rmse_sd")), curve.numeric("rmse_sd").values(), EXACT);
        assertArrayEquals(doubles(g.get("rank")), curve.numeric("rank").values(), 0);
        assertEquals(Fixtures.ridge(g.get("best_alpha").asDouble()), out.get("best"));
    }

    static Table xy(JsonNode x, List<Column> extra) {
        double[] x1 = new double[x.size()];
        double[] x2 = new double[x.size()];
        for (int i = 0; i < x1.length; i++) {
            x1[i] = x.get(i).get(0).asDouble();
            x2[i] = x.get(i).get(1).asDouble();
        }
        List<Column> cols = new ArrayList<>(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2)));
        cols.addAll(extra);
        return new Table(cols);
    }

    @Test
    void nearestNeighboursMatchKNeighborsRegressorAndClassifier() throws Exception {
        JsonNode f = fixture("knn.json");
        int k = f.get("k").asInt();
        Table train = xy(f.get("X"), List.of(new NumericColumn("y", ColumnRole.TARGET, doubles(f.get("y")))));
        Table test = xy(f.get("X_test"), List.of());
        for (String distance : List.of("euclidean", "manhattan")) {
            for (String weighting : List.of("uniform", "distance")) {
                TrainedModel m = new org.anneal.nodes.model.KnnLearner(org.anneal.spec.Task.REGRESSION, k,
                        org.anneal.spec.Choices.parse(org.anneal.nodes.model.KnnLearner.Distance.class, distance).orElseThrow(),
                        org.anneal.spec.Choices.parse(org.anneal.nodes.model.KnnLearner.Weighting.class, weighting).orElseThrow())
                        .fit(train, List.of("x1", "x2"), "y", TestCtx.of("knn"));
                assertArrayEquals(doubles(f.get("regression_" + distance + "_" + weighting)), m.predict(test), EXACT, distance + ", " + weighting);
            }
        }
        List<String> classes = new ArrayList<>();
        f.get("classes").forEach(c -> classes.add(c.asText()));
        int[] codes = java.util.Arrays.stream(doubles(f.get("label"))).mapToInt(d -> (int) d).toArray();
        Table labelled = xy(f.get("X"), List.of(new CategoricalColumn("label", ColumnRole.TARGET, codes, classes)));
        TrainedModel c = new org.anneal.nodes.model.KnnLearner(org.anneal.spec.Task.CLASSIFICATION, k,
                org.anneal.nodes.model.KnnLearner.Distance.EUCLIDEAN, org.anneal.nodes.model.KnnLearner.Weighting.UNIFORM)
                .fit(labelled, List.of("x1", "x2"), "label", TestCtx.of("knn"));
        double[][] proba = c.probabilities(test);
        JsonNode expected = f.get("classification_euclidean_uniform_proba");
        for (int i = 0; i < proba.length; i++) {
            // Anneal's probabilities follow the model's class order; scikit-learn's the sorted labels a, b, c
            for (int j = 0; j < classes.size(); j++) {
                assertEquals(expected.get(i).get(j).asDouble(), proba[i][c.classes().indexOf(classes.get(j))], EXACT, "row " + i + ", class " + classes.get(j));
            }
        }
    }
}
