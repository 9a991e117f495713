package org.anneal.nodes;

import org.anneal.ml.GradientLearner;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.Task;
import org.anneal.ml.TrainedModel;
import org.anneal.ml.loss.Loss;
import org.anneal.nodes.model.GradientLinearLearner;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.ml.optim.Optimizer;
import org.anneal.ml.optim.TrainingCurve;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Lineage;
import org.anneal.spec.ModelSpec;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Spec;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

class GradientLearnersTest {
    /** n rows of y = 2x + 1 exactly, x evenly spread over [-1, 1]. */
    static Table line(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = -1 + 2.0 * i / (n - 1);
            y[i] = 2 * x[i] + 1;
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static GradientLinearLearner regression(int epochs, Loss loss, Optimizer optimizer) {
        return new GradientLinearLearner(Task.REGRESSION, epochs, 1, true, loss, optimizer);
    }

    static List<Optimizer> optimizers() {
        return List.of(Optimizer.sgd(0.05),
                new Optimizer(Optimizer.Kind.SGD, 0.02, "standard", 0.9, 0, 0, 0),
                new Optimizer(Optimizer.Kind.SGD, 0.02, "nesterov", 0.9, 0, 0, 0),
                new Optimizer(Optimizer.Kind.ADAGRAD, 0.5, "none", 0, 0, 0, 1e-6),
                new Optimizer(Optimizer.Kind.RMSPROP, 0.001, "none", 0.9, 0, 0, 1e-8),
                new Optimizer(Optimizer.Kind.ADAM, 0.05, "none", 0, 0.9, 0.999, 1e-8));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void everyOptimizerFindsSlopeTwoAndInterceptOneOnANoiselessLine(Optimizer optimizer) {
        TrainedModel m = regression(300, Loss.squared(), optimizer).fit(line(50), List.of("x"), "y", TestCtx.of("fit"));
        assertEquals(2.0, m.parameters().get("x"), 0.01, optimizer.describe());
        assertEquals(1.0, m.parameters().get("(intercept)"), 0.01, optimizer.describe());
    }

    @Test
    void theLossCurveStartsAtHalfTheMeanSquaredTargetAndFallsToZero() {
        Table t = line(50);
        TrainedModel m = regression(300, Loss.squared(), Optimizer.sgd(0.05)).fit(t, List.of("x"), "y", TestCtx.of("fit"));
        double[] curve = ((TrainingCurve) m).lossPerEpoch();
        assertEquals(301, curve.length);
        // all weights start at zero, so the first loss is ½·mean(y²) of Tribuo's squared loss
        double halfMeanSquare = java.util.Arrays.stream(t.numeric("y").values()).map(v -> v * v).average().orElseThrow() / 2;
        assertEquals(halfMeanSquare, curve[0], 1e-12);
        assertTrue(curve[300] < 1e-6 * curve[0], "loss after 300 epochs: " + curve[300]);
        assertTrue(curve[10] < curve[1] && curve[100] < curve[10]);
    }

    @Test
    void withOneStochasticRowPerStepTheLoopReproducesTribuosLinearSgdTrainer() {
        Table t = ElasticNetTest.exactLaw();
        long seed = 42;
        TrainedModel ours = regression(7, Loss.squared(), Optimizer.sgd(0.03)).fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit"));
        // TestCtx gives every node the same seed as the trainer below
        assertEquals(seed, TestCtx.of("fit").seed());
        var tribuo = new LinearSGDTrainer(new SquaredLoss(), SGD.getSimpleSGD(0.03), 7, -1, 1, seed)
                .train(org.anneal.nodes.model.TribuoTables.regression(t, List.of("x1", "x2"), "y"));
        double[] theirs = tribuo.predict(org.anneal.nodes.model.TribuoTables.unlabelled(t, List.of("x1", "x2"))).stream()
                .mapToDouble(p -> p.getOutput().getValues()[0]).toArray();
        assertArrayEquals(theirs, ours.predict(t), 1e-9);
    }

    @Test
    void minibatchesAverageTheirGradients() {
        // one batch holding every row, no shuffling: full-batch gradient descent, which on squared loss from w = 0 has
        // a closed form for the first step: w ← lr·mean(x·y), b ← lr·mean(y)
        Table t = line(5);
        TrainedModel m = new GradientLinearLearner(Task.REGRESSION, 1, 5, false, Loss.squared(), Optimizer.sgd(0.1))
                .fit(t, List.of("x"), "y", TestCtx.of("fit"));
        double[] x = t.numeric("x").values();
        double[] y = t.numeric("y").values();
        double mxy = 0;
        double my = 0;
        for (int i = 0; i < 5; i++) {
            mxy += x[i] * y[i] / 5;
            my += y[i] / 5;
        }
        assertEquals(0.1 * mxy, m.parameters().get("x"), 1e-12);
        assertEquals(0.1 * my, m.parameters().get("(intercept)"), 1e-12);
    }

    /** The line with its last row's target raised by 60: a single gross outlier. */
    static Table lineWithOutlier() {
        Table t = line(41);
        double[] y = t.numeric("y").values().clone();
        y[40] += 60;
        return new Table(List.of(t.numeric("x"), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void squaredLossFollowsTheOutlierLikeLeastSquaresWhileHuberKeepsTheLine() {
        Table t = lineWithOutlier();
        TrainedModel ols = new RidgeLearner(0).fit(t, List.of("x"), "y", TestCtx.of("ols"));
        // full-batch steps (one minibatch of all rows): no sampling noise, so gradient descent settles on the exact minimum
        TrainedModel squared = new GradientLinearLearner(Task.REGRESSION, 2000, 41, false, Loss.squared(), Optimizer.sgd(0.5))
                .fit(t, List.of("x"), "y", TestCtx.of("fit"));
        TrainedModel huber = new GradientLinearLearner(Task.REGRESSION, 2000, 41, false, new Loss(Loss.Kind.HUBER, 1.0), Optimizer.sgd(0.5))
                .fit(t, List.of("x"), "y", TestCtx.of("fit"));
        // least squares by the normal equations (independent of any gradient code) is dragged far from slope 2
        assertEquals(ols.parameters().get("x"), squared.parameters().get("x"), 1e-6);
        assertEquals(ols.parameters().get("(intercept)"), squared.parameters().get("(intercept)"), 1e-6);
        assertTrue(ols.parameters().get("x") > 4, "the outlier drags least squares: " + ols.parameters());
        assertEquals(2.0, huber.parameters().get("x"), 0.15, "Huber: " + huber.parameters());
        assertEquals(1.0, huber.parameters().get("(intercept)"), 0.15, "Huber: " + huber.parameters());
    }

    /** Two round clusters of 50 points around (−2, −2) ("left") and (2, 2) ("right"), radius below 1. */
    static Table twoBlobs() {
        int n = 100;
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] cls = new int[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        for (int i = 0; i < n; i++) {
            cls[i] = i % 2;
            double c = cls[i] == 0 ? -2 : 2;
            x1[i] = c + r.nextDouble(-0.7, 0.7);
            x2[i] = c + r.nextDouble(-0.7, 0.7);
        }
        return new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, x1), new NumericColumn("x2", ColumnRole.FEATURE, x2),
                new CategoricalColumn("side", ColumnRole.TARGET, cls, List.of("left", "right"))));
    }

    @Test
    void logLossSeparatesTwoBlobsWithConfidentProbabilities() {
        Table t = twoBlobs();
        TrainedModel m = new GradientLinearLearner(Task.CLASSIFICATION, 50, 1, true, Loss.log(), Optimizer.sgd(0.1))
                .fit(t, List.of("x1", "x2"), "side", TestCtx.of("fit"));
        int[] truth = ((CategoricalColumn) t.column("side").orElseThrow()).codes();
        double[] p = m.predict(t);
        double[][] prob = m.probabilities(t);
        for (int i = 0; i < p.length; i++) {
            assertEquals(truth[i], (int) p[i], "row " + i);
            assertEquals(1.0, prob[i][0] + prob[i][1], 1e-12);
            assertTrue(prob[i][truth[i]] > 0.9, "row " + i + " p = " + prob[i][truth[i]]);
        }
        double[] curve = ((TrainingCurve) m).lossPerEpoch();
        assertEquals(Math.log(2), curve[0], 1e-12, "zero weights give both classes ½: log loss ln 2");
    }

    @Test
    void hingeLossSeparatesTheBlobsButGivesNoProbabilities() {
        Table t = twoBlobs();
        TrainedModel m = new GradientLinearLearner(Task.CLASSIFICATION, 20, 1, true, new Loss(Loss.Kind.HINGE, 1), Optimizer.sgd(0.1))
                .fit(t, List.of("x1", "x2"), "side", TestCtx.of("fit"));
        int[] truth = ((CategoricalColumn) t.column("side").orElseThrow()).codes();
        double[] p = m.predict(t);
        for (int i = 0; i < p.length; i++) {
            assertEquals(truth[i], (int) p[i], "row " + i);
        }
        assertNull(m.probabilities(t));
        // zero weights: every class scores 0, so the true class misses the margin of 1 by exactly 1
        assertEquals(1.0, ((TrainingCurve) m).lossPerEpoch()[0], 1e-12);
    }

    @Test
    void aTooLargeLearningRateDivergesWithAnExplainedFailure() {
        Table t = ElasticNetTest.exactLaw();
        NodeFailure f = assertThrows(NodeFailure.class, () -> regression(200, Loss.squared(), Optimizer.sgd(50))
                .fit(t, List.of("x1", "x2"), "y", TestCtx.of("fit")));
        assertTrue(f.getMessage().startsWith("Training diverged"), f.getMessage());
        assertTrue(f.fix().contains("learning rate"));
    }

    private static Specs fitInputs(Spec learner, Table train, Spec loss, Spec optimizer) {
        Map<String, org.anneal.spec.Spec> m = new java.util.HashMap<>();
        m.put("learner", learner);
        m.put("train", train.spec(Lineage.UNSPLIT));
        if (loss != null) {
            m.put("loss", loss);
        }
        if (optimizer != null) {
            m.put("optimizer", optimizer);
        }
        return Specs.of(m);
    }

    @Test
    void fitRefusesALossForTheWrongTaskAndLossesOnLearnersThatAreNotGradientTrained() throws Exception {
        var fit = new org.anneal.nodes.train.FitNode();
        var p = new org.anneal.nodes.train.FitNode.Params();
        Table t = line(5);
        LearnerSpec sgd = LearnerSpecs.gradientLearner(Task.REGRESSION, List.of());
        ConfigError wrongTask = assertThrows(ConfigError.class, () -> fit.configure(
                fitInputs(sgd, t, LearnerSpecs.loss(Task.CLASSIFICATION), null), p, TestCtx.of("fit")));
        assertEquals("loss", wrongTask.port());
        assertTrue(wrongTask.getMessage().contains("for classification, but the learner does regression"), wrongTask.getMessage());

        LearnerSpec ridge = LearnerSpecs.learner(Task.REGRESSION, true);
        ConfigError notGradient = assertThrows(ConfigError.class, () -> fit.configure(
                fitInputs(ridge, t, null, LearnerSpecs.optimizer()), p, TestCtx.of("fit")));
        assertEquals("optimizer", notGradient.port());

        Specs ok = fit.configure(fitInputs(sgd, t, LearnerSpecs.loss(Task.REGRESSION), LearnerSpecs.optimizer()), p, TestCtx.of("fit"));
        assertTrue(((ModelSpec) ok.get("model")).gradientTrained());
        Specs plain = fit.configure(fitInputs(sgd, t, null, null), p, TestCtx.of("fit"));
        assertTrue(((ModelSpec) plain.get("model")).gradientTrained(), "defaults apply without wires");
    }

    @Test
    void fitSwapsInTheWiredLossAndOptimizer() throws Exception {
        Table t = lineWithOutlier();
        var learner = GradientLinearLearner.withDefaults(Task.REGRESSION, 1500, 1, true);
        Loss huber = new Loss(Loss.Kind.HUBER, 1.0);
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8);
        var out = new org.anneal.nodes.train.FitNode().execute(Fixtures.inputs(Map.of("learner", learner, "train", t, "loss", huber,
                "optimizer", adam)), new org.anneal.nodes.train.FitNode.Params(), TestCtx.of("fit"));
        TrainedModel m = (TrainedModel) out.get("model");
        assertTrue(m.describe().contains("Huber loss (delta = 1.0)") && m.describe().contains("Adam"), m.describe());
        assertTrue(((TrainingCurve) m).lossName().startsWith("Huber"));
    }

    @Test
    void theLossCurveNodePlotsEveryEpochAndRefusesModelsWithoutACurve() throws Exception {
        var node = new org.anneal.nodes.train.LossCurveNode();
        var p = new org.anneal.nodes.train.LossCurveNode.Params();
        ModelSpec ridgeModel = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x"));
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("model", ridgeModel)), p, TestCtx.of("c")));
        assertEquals("model", e.port());

        TrainedModel m = regression(40, Loss.squared(), Optimizer.sgd(0.05)).fit(line(20), List.of("x"), "y", TestCtx.of("fit"));
        var out = node.execute(Fixtures.inputs(Map.of("model", m)), p, TestCtx.of("c"));
        var plot = (org.anneal.ml.Plot) out.get("plot");
        assertEquals(org.anneal.ml.Plot.Kind.LINE, plot.kind());
        assertArrayEquals(((TrainingCurve) m).lossPerEpoch(), plot.series().get(0).y());
        var metrics = (org.anneal.ml.Metrics) out.get("metrics");
        assertEquals(40, metrics.get("epochs"));
        assertEquals(((TrainingCurve) m).lossPerEpoch()[40], metrics.get("final_loss"));
    }

    /** One Adam step from zero weights on a single row x = 3, y = 6 (squared loss): the descent direction is (18, 6). */
    private static double[] oneStep(org.tribuo.math.StochasticGradientOptimiser optimiser) {
        var r = org.anneal.nodes.model.GradientDescent.run(new double[][] {{3}},
                new org.tribuo.math.la.DenseVector[] {org.tribuo.math.la.DenseVector.createDenseVector(new double[] {6})}, 1,
                new SquaredLoss(), 1, optimiser, 1, 1, false, 1, TestCtx.of("fit"));
        return r.weights()[0];
    }

    @Test
    void adamsFirstStepMovesEveryWeightByTheLearningRate() {
        // Kingma & Ba: after bias correction m̂ = g and v̂ = g², so the first step is lr·g/(|g| + ε) ≈ lr·sign(g)
        double[] w = oneStep(org.anneal.nodes.model.TribuoSgd.optimiser(new Optimizer(Optimizer.Kind.ADAM, 0.1, "none", 0, 0.9, 0.999, 1e-8)));
        assertArrayEquals(new double[] {0.1, 0.1}, w, 1e-8);
        // Tribuo 4.3.2's Adam instead multiplies by √v + ε: its step is lr·√(1−β2)/(1−β1)·(1−β1)g·√(1−β2)|g| = lr·0.001·g·|g|.
        // When this fails, Tribuo has been upgraded past the fix (oracle/tribuo#401) and Optimizer may use Tribuo's Adam again.
        double[] tribuo = oneStep(new org.tribuo.math.optimisers.Adam(0.1, 0.9, 0.999, 1e-8));
        assertEquals(0.1 * 0.001 * 18 * 18, tribuo[0], 1e-6);
        assertEquals(0.1 * 0.001 * 6 * 6, tribuo[1], 1e-6);
    }

    @Test
    void theLearnerNodeTakesALossAndOptimizerTooSoTuningAndCrossValidationSeeThem() throws Exception {
        var node = new org.anneal.nodes.model.SgdLinearNode();
        var p = new org.anneal.nodes.model.SgdLinearNode.Params(10, 1, true);
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("loss", LearnerSpecs.loss(Task.CLASSIFICATION))),
                p, TestCtx.of("sgd")));
        assertEquals("loss", e.port());
        Loss huber = new Loss(Loss.Kind.HUBER, 2.0);
        var learner = (org.anneal.ml.GradientLearner) node.execute(Fixtures.inputs(Map.of("loss", huber)), p, TestCtx.of("sgd"))
                .get("learner");
        assertEquals(huber, learner.loss());
        assertEquals(Optimizer.sgd(0.01), learner.optimizer(), "the documented default optimizer");
        // a loss wired at Fit wins over the learner's
        assertEquals(Loss.squared(), learner.with(Loss.squared(), null).loss());
    }

    @Test
    void theClassifierLoopReproducesTribuosLogisticSgdTrainerToo() {
        Table t = PrepareAndGenerateTest.generate("two-moons", 120, 0.2, 5);
        List<String> f = List.of("x1", "x2");
        TrainedModel ours = new GradientLinearLearner(Task.CLASSIFICATION, 5, 1, true, Loss.log(), Optimizer.sgd(0.1))
                .fit(t, f, "class", TestCtx.of("fit"));
        var tribuo = new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new org.tribuo.classification.sgd.objectives.LogMulticlass(),
                SGD.getSimpleSGD(0.1), 5, -1, 1, TestCtx.of("fit").seed())
                .train(org.anneal.nodes.model.TribuoTables.classification(t, f, "class"));
        var theirs = tribuo.predict(org.anneal.nodes.model.TribuoTables.unlabelledForClassifier(t, f));
        double[][] prob = ours.probabilities(t);
        for (int i = 0; i < t.rowCount(); i++) {
            for (int k = 0; k < 2; k++) {
                assertEquals(theirs.get(i).getOutputScores().get(ours.classes().get(k)).getScore(), prob[i][k], 1e-9, "row " + i);
            }
        }
    }

    @Test
    void tuningTheLearningRateKeepsTheLossAndTheUpdateRule() {
        Optimizer adam = new Optimizer(Optimizer.Kind.ADAM, 0.01, "none", 0, 0.9, 0.999, 1e-8);
        var learner = regression(10, new Loss(Loss.Kind.HUBER, 1.0), adam);
        var tuned = (GradientLinearLearner) learner.with("learningRate", 0.2);
        assertEquals(new Loss(Loss.Kind.HUBER, 1.0), tuned.loss());
        assertEquals(new Optimizer(Optimizer.Kind.ADAM, 0.2, "none", 0, 0.9, 0.999, 1e-8), tuned.optimizer());
        assertEquals(25, ((GradientLinearLearner) learner.with("epochs", 25)).epochs());
        assertEquals(Map.of("epochs", 10.0, "learningRate", 0.01), learner.hyperparameters());
    }

    @Test
    void theLossCurveNodeOverlaysModelsToCompareOptimizers() throws Exception {
        var node = new org.anneal.nodes.train.LossCurveNode();
        var p = new org.anneal.nodes.train.LossCurveNode.Params();
        TrainedModel sgd = regression(30, Loss.squared(), Optimizer.sgd(0.05)).fit(line(20), List.of("x"), "y", TestCtx.of("fit"));
        TrainedModel adam = regression(30, Loss.squared(), new Optimizer(Optimizer.Kind.ADAM, 0.05, "none", 0, 0.9, 0.999, 1e-8))
                .fit(line(20), List.of("x"), "y", TestCtx.of("fit"));
        var out = node.execute(Fixtures.inputs(Map.of("model", sgd, "model3", adam)), p, TestCtx.of("c"));
        var plot = (org.anneal.ml.Plot) out.get("plot");
        assertEquals(List.of(sgd.describe(), adam.describe()), plot.series().stream().map(org.anneal.ml.Plot.Series::name).toList());
        assertArrayEquals(((TrainingCurve) adam).lossPerEpoch(), plot.series().get(1).y());
        var metrics = (org.anneal.ml.Metrics) out.get("metrics");
        assertEquals(((TrainingCurve) adam).lossPerEpoch()[30], metrics.get("final_loss_3"));
        assertEquals(((TrainingCurve) sgd).lossPerEpoch()[30], metrics.get("final_loss"));

        ModelSpec ridgeModel = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x"));
        ModelSpec sgdModel = LearnerSpecs.model(Task.REGRESSION, Lineage.UNSPLIT, "y", List.of("x"), true);
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("model", sgdModel, "model2", ridgeModel)), p,
                TestCtx.of("c")));
        assertEquals("model2", e.port());
    }

    @Test
    void absoluteLossIgnoresAMinorityOfRaisedPointsLikeMedianRegression() {
        // every fourth point of y = 2x + 1 raised by 10: least absolute deviations keeps the line through the other three
        // quarters exactly (moving it towards the raised points costs more on the majority than it saves)
        Table base = line(41);
        double[] y = base.numeric("y").values().clone();
        for (int i = 0; i < y.length; i += 4) {
            y[i] += 10;
        }
        Table t = new Table(List.of(base.numeric("x"), new NumericColumn("y", ColumnRole.TARGET, y)));
        TrainedModel lad = new GradientLinearLearner(Task.REGRESSION, 4000, 41, false, new Loss(Loss.Kind.ABSOLUTE, 0), Optimizer.sgd(0.01))
                .fit(t, List.of("x"), "y", TestCtx.of("fit"));
        assertEquals(2.0, lad.parameters().get("x"), 0.05, lad.parameters().toString());
        assertEquals(1.0, lad.parameters().get("(intercept)"), 0.05, lad.parameters().toString());
    }
}
