package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.evaluate.CrossValidateNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.pipeline.PreprocessedLearner;
import org.anneal.nodes.pipeline.PreprocessedModel;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.nodes.pipeline.TunedStep;
import org.anneal.nodes.prepare.ColumnImputation;
import org.anneal.nodes.prepare.ColumnScaling;
import org.anneal.nodes.prepare.ImputeNode;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.nodes.prepare.SelectKBestNode;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

/** Pipeline steps fit on exactly the rows their learner is trained on, and nothing else. */
class PipelineStepsTest {
    static List<String> features(Table t) {
        return t.features().stream().map(Column::name).toList();
    }

    static Learner wrap(org.anneal.spec.Node<?> node, Record params, Learner inner) throws Exception {
        @SuppressWarnings("unchecked")
        var n = (org.anneal.spec.Node<Record>) node;
        return (Learner) n.execute(new Inputs(Map.of("learner", inner)), params, TestCtx.of("step")).get("pipeline");
    }

    @Test
    void standardizeLearnsItsStatisticsFromTheTrainingRowsOnly() throws Exception {
        Table t = Fixtures.fiveRows();
        Table train = t.rows(new int[] {0, 1, 2, 3});
        Learner l = wrap(new StandardizeNode.InPipeline(), new StandardizeNode.InPipeline.Params(true, true), Fixtures.ridge(0.5));
        PreprocessedModel m = (PreprocessedModel) l.fit(train, features(t), "y", TestCtx.of("fit"));
        ColumnScaling s = (ColumnScaling) m.transform();
        // x1 on rows 0..3 is 1,2,3,4: mean 2.5, sample sd sqrt(5/3); x2 is 2,1,4,3: mean 2.5, same sd
        assertArrayEquals(new double[] {2.5, 2.5}, s.centre(), 1e-12);
        assertArrayEquals(new double[] {Math.sqrt(5.0 / 3), Math.sqrt(5.0 / 3)}, s.scale(), 1e-12);
        // predicting raw test rows = scaling them by the train statistics, then the inner ridge fitted on scaled train rows
        Table scaledTrain = s.apply(train);
        TrainedModel inner = Fixtures.ridge(0.5).fit(scaledTrain, features(t), "y", TestCtx.of("f"));
        assertArrayEquals(inner.predict(s.apply(t)), m.predict(t), 1e-12);
        assertEquals(List.of("x1", "x2"), m.features());
    }

    @Test
    void imputeFillsTestRowsWithTheTrainingMean() throws Exception {
        double[] x = {1, Double.NaN, 3, 8, Double.NaN};
        double[] y = {2, 4, 6, 16, 10};
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        Learner l = wrap(new ImputeNode.InPipeline(), new ImputeNode.InPipeline.Params(ImputeNode.Strategy.MEAN), Fixtures.ridge(0));
        PreprocessedModel m = (PreprocessedModel) l.fit(t.rows(new int[] {0, 1, 2}), List.of("x"), "y", TestCtx.of("fit"));
        // train x = 1, NaN, 3 -> fill 2; the training rows become (1,2),(2,4),(3,6): y = 2x exactly
        assertArrayEquals(new double[] {2}, ((ColumnImputation) m.transform()).fill(), 0);
        assertArrayEquals(new double[] {2, 4, 6, 16, 4}, m.predict(t), 1e-9);
    }

    @Test
    void polynomialDegreeIsAHyperparameterOfThePipeline() throws Exception {
        Learner l = wrap(new PolynomialFeaturesNode.InPipeline(), new PolynomialFeaturesNode.InPipeline.Params(2), Fixtures.ridge(0));
        assertEquals(Map.of("lambda", 0.0, "degree", 2.0), l.hyperparameters());
        Learner cubic = l.with("degree", 3);
        // tuning remakes the step through the pipeline node's declaration: the same learner as one built at that degree
        assertEquals(wrap(new PolynomialFeaturesNode.InPipeline(), new PolynomialFeaturesNode.InPipeline.Params(3), Fixtures.ridge(0)), cubic);
        assertEquals(new TransformStep<>(new PolynomialFeaturesNode(), new PolynomialFeaturesNode.Params(List.of(), 3)),
                ((TunedStep<?>) ((PreprocessedLearner) cubic).step()).made());
        assertEquals(wrap(new PolynomialFeaturesNode.InPipeline(), new PolynomialFeaturesNode.InPipeline.Params(2), Fixtures.ridge(4)), l.with("lambda", 4));
        // a cubic law is recovered exactly by least squares on x, x², x³
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = -1 + i / 10.0;
            y[i] = 1 + 2 * x[i] - 3 * x[i] * x[i] + 0.5 * x[i] * x[i] * x[i];
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        TrainedModel m = cubic.fit(t, List.of("x"), "y", TestCtx.of("fit"));
        assertArrayEquals(y, m.predict(t), 1e-8);
        // as for a learner's whole-number hyperparameters, a drawn 2.5 is rounded, and the declared range holds
        assertEquals(wrap(new PolynomialFeaturesNode.InPipeline(), new PolynomialFeaturesNode.InPipeline.Params(3), Fixtures.ridge(0)), l.with("degree", 2.5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> l.with("degree", 31));
        assertTrue(e.getMessage().contains("'degree' is 31 but must be"), e.getMessage());
    }

    @Test
    void configureAddsTheStepSettingsToTheTunableHyperparameters() throws Exception {
        LearnerSpec ridge = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        Specs out = new SelectKBestNode.InPipeline().configure(Specs.of(Map.of("learner", ridge)), new SelectKBestNode.InPipeline.Params(3), TestCtx.of("s"));
        LearnerSpec p = (LearnerSpec) out.get("pipeline");
        assertEquals(List.of("lambda", "k"), p.tunables());
        assertTrue(p.numericFeaturesOnly(), "the inner learner's needs pass through");
        assertEquals(ridge.lineage(), p.lineage());
    }

    /** n rows of pure noise: 500 features unrelated to a noise target. */
    static Table noise(int n, int p, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Column> cols = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = r.nextGaussian();
            }
            cols.add(new NumericColumn("f" + j, ColumnRole.FEATURE, v));
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextGaussian();
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        return new Table(cols);
    }

    static double cvR2(Learner l, Table t) {
        Metrics m = (Metrics) new CrossValidateNode().execute(new Inputs(Map.of("learner", l, "table", t)),
                new CrossValidateNode.Params(5, org.anneal.spec.FoldStrategy.RANDOM, false, 1), TestCtx.of("cv")).get("metrics");
        return m.get("r2");
    }

    @Test
    void selectingFeaturesInsideTheFoldsRemovesTheOptimismOfSelectingOnAllRows() throws Exception {
        // the textbook trap (Hastie, Tibshirani & Friedman, ESL §7.10.2): with no signal at all, features chosen on every
        // row look predictive under cross-validation; chosen inside each fold they do not
        Table t = noise(60, 500, 11);
        Table selectedOnAll = (Table) new SelectKBestNode().execute(new Inputs(Map.of("fit", t, "data", t)), new SelectKBestNode.Params(10),
                TestCtx.of("sel")).get("out");
        double outside = cvR2(Fixtures.ridge(1), selectedOnAll);
        double inside = cvR2(wrap(new SelectKBestNode.InPipeline(), new SelectKBestNode.InPipeline.Params(10), Fixtures.ridge(1)), t);
        assertTrue(outside > 0.3, "selection on all rows fakes a signal: r2 = " + outside);
        assertTrue(inside < 0.05, "selection inside the folds finds none: r2 = " + inside);
    }

    @Test
    void oneHotLearnsTheCategoriesOfTheTrainingRowsAndZeroesAnUnseenOne() throws Exception {
        // y = 1 + 2x + 3·[phase = b]; training rows hold phases a and b equally often, the last two rows are phase c
        int n = 10;
        double[] x = new double[n];
        double[] y = new double[n];
        int[] phase = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            phase[i] = i >= 8 ? 2 : i % 2;
            y[i] = 1 + 2 * x[i] + (phase[i] == 1 ? 3 : 0);
        }
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x),
                new org.anneal.data.CategoricalColumn("phase", ColumnRole.FEATURE, phase, List.of("a", "b", "c")), new NumericColumn("y", ColumnRole.TARGET, y)));
        Learner l = wrap(new org.anneal.nodes.prepare.OneHotNode.InPipeline(), new org.anneal.nodes.prepare.OneHotNode.InPipeline.Params(), Fixtures.ridge(1e-9));
        TrainedModel m = l.fit(t.rows(new int[] {0, 1, 2, 3, 4, 5, 6, 7}), List.of("x", "phase"), "y", TestCtx.of("fit"));
        double[] p = m.predict(t);
        for (int i = 0; i < 8; i++) {
            assertEquals(y[i], p[i], 1e-6);
        }
        // phase=a and phase=b always sum to 1, so the smallest-norm fit splits the step: weights -1.5 and +1.5 around an
        // intercept of 2.5; an unseen phase has both columns 0 and gets the intercept
        assertEquals(2.5 + 2 * 8, p[8], 1e-6);
        assertEquals(2.5 + 2 * 9, p[9], 1e-6);
        LearnerSpec ridge = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        Specs out = new org.anneal.nodes.prepare.OneHotNode.InPipeline().configure(Specs.of(Map.of("learner", ridge)),
                new org.anneal.nodes.prepare.OneHotNode.InPipeline.Params(), TestCtx.of("s"));
        assertFalse(((LearnerSpec) out.get("pipeline")).numericFeaturesOnly(), "categories are welcome behind it");
    }

    @Test
    void minMaxLearnsTheRangeOfTheTrainingRows() throws Exception {
        double[] x = {2, 6, 4, 10};
        double[] y = {1, 3, 2, 5};
        Table t = new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
        Learner l = wrap(new org.anneal.nodes.prepare.MinMaxNode.InPipeline(), new org.anneal.nodes.prepare.MinMaxNode.InPipeline.Params(), Fixtures.ridge(0));
        PreprocessedModel m = (PreprocessedModel) l.fit(t.rows(new int[] {0, 1, 2}), List.of("x"), "y", TestCtx.of("fit"));
        // train x in [2, 6]: the test x = 10 maps to 2, outside [0, 1]
        assertArrayEquals(new double[] {0, 1, 0.5, 2}, m.transform().apply(t).numeric("x").values(), 1e-12);
        assertArrayEquals(y, m.predict(t), 1e-9);
    }
}
