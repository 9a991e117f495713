package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Plot;
import org.anneal.ml.Task;
import org.anneal.nodes.evaluate.LearningCurveNode;
import org.anneal.nodes.evaluate.ValidationCurveNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.pipeline.PolynomialStepNode;
import org.anneal.nodes.pipeline.StandardizeStepNode;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class CurvesTest {
    /** polynomial features of the given degree → standardize → ridge, as wired in the editor. */
    static Learner flexible(int degree, double lambda) throws Exception {
        Learner scaled = PipelineStepsTest.wrap(new StandardizeStepNode(), new StandardizeStepNode.Params(true, true), Fixtures.ridge(lambda));
        return PipelineStepsTest.wrap(new PolynomialStepNode(), new PolynomialStepNode.Params(degree), scaled);
    }

    @Test
    void moreRowsLowerTheTrainingScoreAndRaiseTheCrossValidationScore() throws Exception {
        Table t = PrepareAndGenerateTest.generate("noisy-polynomial", 200, 0.3, 8);
        var out = new LearningCurveNode().execute(new Inputs(Map.of("learner", flexible(8, 1e-6), "table", t)),
                new LearningCurveNode.Params(List.of("0.1", "0.325", "0.55", "0.775", "1.0"), 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.RMSE), TestCtx.of("lc"));
        Table s = (Table) out.get("scores");
        double[] rows = s.numeric("train_rows").values();
        // scored by an error (rmse) rather than r2, whose denominator changes with the rows drawn
        double[] train = s.numeric("train_rmse").values();
        double[] cv = s.numeric("cv_rmse").values();
        // 5 folds of 200 rows leave 160 training rows; 10 % of them is 16
        assertEquals(16, rows[0]);
        assertEquals(160, rows[4]);
        assertTrue(train[0] < train[4], "a degree-8 fit on 16 rows nearly interpolates them: " + train[0] + " vs " + train[4]);
        assertTrue(cv[0] > cv[4], "and generalises worse: " + cv[0] + " vs " + cv[4]);
        for (int i = 0; i < rows.length; i++) {
            assertTrue(train[i] <= cv[i], "the training error lies below the held-out error at " + rows[i] + " rows");
        }
        // with all rows both errors approach the noise level (sd 0.3) from either side
        assertTrue(train[4] < 0.3 && cv[4] > 0.3 && cv[4] < 0.4, train[4] + " / " + cv[4]);
        Plot plot = (Plot) out.get("plot");
        assertEquals(List.of("training score", "cross-validation score"), plot.series().stream().map(Plot.Series::name).toList());
        assertTrue(plot.series().get(1).hasBand());
        double[] high = plot.series().get(1).high();
        assertEquals(cv[2] + s.numeric("cv_rmse_sd").values()[2], high[2], 1e-12);
    }

    @Test
    void ridgeValidationCurvePeaksAtAnInteriorLambdaAndItsTrainingScoreOnlyFalls() throws Exception {
        // degree-12 features of a noisy Runge curve on 40 rows: tiny lambda overfits, huge lambda flattens the fit
        Table t = PrepareAndGenerateTest.generate("runge", 40, 0.05, 3);
        var out = new ValidationCurveNode().execute(new Inputs(Map.of("learner", flexible(12, 1), "table", t)),
                new ValidationCurveNode.Params("lambda", org.anneal.nodes.evaluate.ValidationCurveNode.Grid.LOG, List.of(), 1e-8, 1e4, 13, 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.R2), TestCtx.of("vc"));
        Table s = (Table) out.get("scores");
        double[] lambda = s.numeric("lambda").values();
        double[] train = s.numeric("train_r2").values();
        double[] cv = s.numeric("cv_r2").values();
        assertEquals(1e-8, lambda[0], 1e-20);
        assertEquals(1e-7, lambda[1], 1e-19);
        assertEquals(1e4, lambda[12], 1e-8);
        int best = 0;
        for (int i = 1; i < cv.length; i++) {
            best = cv[i] > cv[best] ? i : best;
            // a larger penalty can only raise the training error of ridge (same rows, nested constraint)
            assertTrue(train[i] <= train[i - 1] + 1e-9, "training r2 rises from lambda " + lambda[i - 1] + " to " + lambda[i]);
        }
        assertTrue(best > 0 && best < cv.length - 1, "the best lambda is interior, at index " + best + " of " + java.util.Arrays.toString(cv));
        assertTrue(cv[best] > cv[0] + 0.05 && cv[best] > cv[12] + 0.05);
        Plot plot = (Plot) out.get("plot");
        assertEquals("log10(lambda)", plot.xLabel());
        assertEquals(-8, plot.series().get(0).x()[0], 1e-12);
    }

    @Test
    void configureRefusesAnUnknownHyperparameterAndAnEmptyLogRange() throws Exception {
        var learner = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        var t = PrepareAndGenerateTest.generate("runge", 10, 0.05, 3).spec(Lineage.UNSPLIT);
        Specs in = Specs.of(Map.of("learner", learner, "table", t));
        ConfigError e = assertThrows(ConfigError.class, () -> new ValidationCurveNode().configure(in,
                new ValidationCurveNode.Params("alpha", org.anneal.nodes.evaluate.ValidationCurveNode.Grid.LOG, List.of(), 1e-4, 1, 5, 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.AUTO), TestCtx.of("v")));
        assertTrue(e.fix().contains("lambda"));
        ConfigError r = assertThrows(ConfigError.class, () -> new ValidationCurveNode().configure(in,
                new ValidationCurveNode.Params("lambda", org.anneal.nodes.evaluate.ValidationCurveNode.Grid.LOG, List.of(), 0, 1, 5, 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.AUTO), TestCtx.of("v")));
        assertEquals("from", r.param());
        ConfigError m = assertThrows(ConfigError.class, () -> new LearningCurveNode().configure(in,
                new LearningCurveNode.Params(List.of("0.5"), 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.ACCURACY), TestCtx.of("l")));
        assertEquals("metric", m.param());
        ConfigError z = assertThrows(ConfigError.class, () -> new LearningCurveNode().configure(in,
                new LearningCurveNode.Params(List.of("0", "1"), 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.AUTO), TestCtx.of("l")));
        assertEquals("sizes", z.param());
    }

    @Test
    void aClassifierLearnsFromMoreRowsUnderStratifiedFolds() throws Exception {
        Table t = PrepareAndGenerateTest.generate("two-moons", 300, 0.2, 4);
        var out = new LearningCurveNode().execute(new Inputs(Map.of("learner", new org.anneal.nodes.model.TreeLearner(Task.CLASSIFICATION, 6, 1, 1), "table", t)),
                new LearningCurveNode.Params(List.of("0.05", "1.0"), 5, org.anneal.nodes.evaluate.FoldStrategy.STRATIFIED, org.anneal.nodes.evaluate.Metric.AUTO), TestCtx.of("lc"));
        Table s = (Table) out.get("scores");
        double[] cv = s.numeric("cv_accuracy").values();
        // 12 rows cannot trace two interleaved moons; 240 can (Bayes accuracy is near 1 at this noise)
        assertTrue(cv[0] < cv[1] - 0.05, java.util.Arrays.toString(cv));
        assertTrue(cv[1] > 0.9, "accuracy " + cv[1]);
    }

    @Test
    void r2FarBelowZeroIsDrawnAtMinusOneButKeptExactInTheTable() throws Exception {
        // degree 12 on folds of ~17 Runge rows: some fold's R² is far below −1 and would flatten the whole curve
        Table t = PrepareAndGenerateTest.generate("runge", 21, 0.1, 7);
        var out = new ValidationCurveNode().execute(new Inputs(Map.of("learner", flexible(1, 1e-12), "table", t)),
                new ValidationCurveNode.Params("degree", org.anneal.nodes.evaluate.ValidationCurveNode.Grid.LISTED, List.of("1", "4", "12"), 1, 1, 3, 5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, org.anneal.nodes.evaluate.Metric.R2), TestCtx.of("vc"));
        double[] cv = ((Table) out.get("scores")).numeric("cv_r2").values();
        assertTrue(cv[2] < -1, "the table keeps the exact cross-validated R²: " + cv[2]);
        Plot plot = (Plot) out.get("plot");
        assertTrue(plot.title().contains("R² below −1 drawn at −1"), plot.title());
        Plot.Series drawn = plot.series().get(1);
        assertEquals(-1, drawn.y()[2], 0);
        assertEquals(cv[0], drawn.y()[0], 0, "values above the floor are drawn as they are");
        for (double v : drawn.high()) {
            assertTrue(v <= 1, "no band above R² = 1");
        }
    }
}
