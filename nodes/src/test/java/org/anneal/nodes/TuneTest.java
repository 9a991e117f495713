package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.nodes.evaluate.RegressionMetrics;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.evaluate.TuneNode;
import org.anneal.nodes.evaluate.TuneNode;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.spec.Task;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class TuneTest {
    static Table poly(long seed) throws ConfigError {
        Table t = PrepareAndGenerateTest.generate("runge", 80, 0.05, seed);
        return (Table) new PolynomialFeaturesNode().execute(new Inputs(Map.of("table", t)), new PolynomialFeaturesNode.Params(List.of("x"), 10),
                TestCtx.of("poly")).get("out");
    }

    @Test
    void picksTheValueWithTheBestValidationScoreAndReportsTheCurve() throws Exception {
        Table train = poly(1);
        Table validation = poly(2);
        List<String> values = List.of("0.00001", "0.001", "0.1", "10");
        var out = new TuneNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "train", train, "select", validation)),
                new TuneNode.Params("lambda", values, org.anneal.nodes.evaluate.Metric.RMSE), TestCtx.of("tune"));
        List<String> features = train.features().stream().map(c -> c.name()).toList();
        double bestRmse = Double.MAX_VALUE;
        double bestLambda = -1;
        for (String v : values) {
            double l = Double.parseDouble(v);
            double rmse = RegressionMetrics.of(validation.numeric("y").values(),
                    Fixtures.ridge(l).fit(train, features, "y", TestCtx.of("f")).predict(validation)).get("rmse");
            if (rmse < bestRmse) {
                bestRmse = rmse;
                bestLambda = l;
            }
        }
        assertEquals(Fixtures.ridge(bestLambda), out.get("best"));
        Table curve = (Table) out.get("curve");
        assertEquals(4, curve.rowCount());
        assertTrue(java.util.Arrays.stream(curve.numeric("rmse").values()).min().orElseThrow() == bestRmse);
    }

    @Test
    void refusesAnUnknownHyperparameterAndAWrongMetric() throws Exception {
        var learner = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        var t = poly(1).spec(Lineage.UNSPLIT);
        Specs in = Specs.of(Map.of("learner", learner, "train", t, "select", t));
        ConfigError e = assertThrows(ConfigError.class, () -> new TuneNode().configure(in, new TuneNode.Params("alpha", List.of("1"), org.anneal.nodes.evaluate.Metric.R2), TestCtx.of("t")));
        assertTrue(e.fix().contains("Tunable: lambda"));
        ConfigError m = assertThrows(ConfigError.class, () -> new TuneNode().configure(in, new TuneNode.Params("lambda", List.of("1"), org.anneal.nodes.evaluate.Metric.ACCURACY), TestCtx.of("t")));
        assertTrue(m.fix().contains("r2"));
        assertThrows(IllegalArgumentException.class, () -> ((Learner) Fixtures.ridge(1)).with("alpha", 2));
    }

    static Learner cubicPipeline(int degree, double lambda) throws Exception {
        return PipelineStepsTest.wrap(new org.anneal.nodes.prepare.PolynomialFeaturesNode.InPipeline(), new org.anneal.nodes.prepare.PolynomialFeaturesNode.InPipeline.Params(degree),
                Fixtures.ridge(lambda));
    }

    @Test
    void innerCrossValidationFindsTheDegreeOfTheTrueLawAndPlotsOneCurvePerLambda() throws Exception {
        // y = 1 + 2x - 3x² + 0.5x³ plus noise: degree 3 is the truth, lower degrees underfit, higher ones only add variance,
        // so the winner is 3 or a degree that CV cannot tell from 3 (within one sd), never 1 or 2
        Table t = PrepareAndGenerateTest.generate("noisy-polynomial", 120, 0.05, 5);
        var p = new TuneNode.Params("degree", List.of("1", "2", "3", "4", "5", "6", "7", "8"), org.anneal.nodes.evaluate.Metric.RMSE, org.anneal.nodes.evaluate.TuneNode.Search.GRID, 10, org.anneal.nodes.evaluate.SearchSpace.Distribution.VALUES, "lambda",
                List.of("0.000001", "0.001"), 5, org.anneal.spec.FoldStrategy.AUTO);
        var out = new TuneNode().execute(new Inputs(Map.of("learner", cubicPipeline(1, 1), "train", t)), p, TestCtx.of("tune"));
        double bestDegree = ((Learner) out.get("best")).hyperparameters().get("degree");
        assertTrue(bestDegree >= 3, "degree " + bestDegree);
        Table curve = (Table) out.get("curve");
        assertEquals(16, curve.rowCount());
        double[] rmse = curve.numeric("rmse").values();
        double[] sd = curve.numeric("rmse_sd").values();
        double[] degree = curve.numeric("degree").values();
        double[] rank = curve.numeric("rank").values();
        int top = -1;
        for (int c = 0; c < rmse.length; c++) {
            top = rank[c] == 1 ? c : top;
        }
        assertEquals(bestDegree, degree[top]);
        for (int c = 0; c < rmse.length; c++) {
            assertTrue(sd[c] > 0, "inner CV reports a spread");
            if (degree[c] <= 2) {
                assertTrue(rmse[c] > 2 * rmse[top], "degree " + degree[c] + " underfits: rmse " + rmse[c] + " vs " + rmse[top]);
            }
            if (degree[c] == 3) {
                assertTrue(rmse[c] - rmse[top] <= sd[top], "degree 3 is within one sd of the winner");
            }
        }
        org.anneal.ml.Plot plot = (org.anneal.ml.Plot) out.get("plot");
        assertEquals(2, plot.series().size(), "one line per lambda");
        assertTrue(plot.series().get(0).hasBand());
        assertEquals(8, plot.series().get(0).size());
    }

    @Test
    void randomSearchDrawsDistinctGridPointsReproducibly() throws Exception {
        Table t = PrepareAndGenerateTest.generate("noisy-polynomial", 60, 0.3, 6);
        List<String> lambdas = List.of("0.0001", "0.001", "0.01", "0.1", "1", "10", "100", "1000");
        var p = new TuneNode.Params("lambda", lambdas, org.anneal.nodes.evaluate.Metric.R2, org.anneal.nodes.evaluate.TuneNode.Search.RANDOM, 5, org.anneal.nodes.evaluate.SearchSpace.Distribution.VALUES, "", List.of(), 3, org.anneal.spec.FoldStrategy.AUTO);
        Table a = (Table) new TuneNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "train", t)), p, TestCtx.of("tune")).get("curve");
        Table b = (Table) new TuneNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "train", t)), p, TestCtx.of("tune")).get("curve");
        double[] drawn = a.numeric("lambda").values();
        assertEquals(5, drawn.length);
        assertEquals(5, java.util.Arrays.stream(drawn).distinct().count(), "no candidate twice");
        for (double d : drawn) {
            assertTrue(lambdas.stream().mapToDouble(Double::parseDouble).anyMatch(v -> v == d));
        }
        assertEquals(java.util.Arrays.toString(drawn), java.util.Arrays.toString(b.numeric("lambda").values()), "seeded");
        double[] draws = org.anneal.nodes.evaluate.SearchSpace.random(
                List.of(new org.anneal.nodes.evaluate.SearchSpace.Axis("lambda", new double[] {0.001, 1000})), org.anneal.nodes.evaluate.SearchSpace.Distribution.LOG_UNIFORM, 4000, 3).stream()
                .mapToDouble(c -> Math.log10(c[0])).toArray();
        // log-uniform on [1e-3, 1e3]: log10 is uniform on [-3, 3], so half the draws fall below 1 (binomial sd 32)
        long below = java.util.Arrays.stream(draws).filter(x -> x < 0).count();
        assertEquals(2000, below, 130);
        assertTrue(java.util.Arrays.stream(draws).allMatch(x -> x >= -3 && x <= 3));
        var log = new TuneNode.Params("lambda", List.of("0.001", "1000"), org.anneal.nodes.evaluate.Metric.R2, org.anneal.nodes.evaluate.TuneNode.Search.RANDOM, 20, org.anneal.nodes.evaluate.SearchSpace.Distribution.LOG_UNIFORM, "", List.of(), 3, org.anneal.spec.FoldStrategy.AUTO);
        assertEquals(20, ((Table) new TuneNode().execute(new Inputs(Map.of("learner", Fixtures.ridge(1), "train", t)), log, TestCtx.of("tune"))
                .get("curve")).rowCount());
    }

    @Test
    void withoutValidationRowsTheChoiceIsLearntFromTrainOnly() throws Exception {
        var learner = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        var train = poly(1).spec(Lineage.UNSPLIT);
        Specs out = new TuneNode().configure(Specs.of(Map.of("learner", learner, "train", train)), new TuneNode.Params("lambda", List.of("1", "2"), org.anneal.nodes.evaluate.Metric.R2),
                TestCtx.of("t"));
        // fitted-on as before; the rows that chose it travel with the learner (issue 16: Fit carries them into the model)
        assertEquals(Lineage.learntFrom(train.lineage()).chosenOn(java.util.Set.of(org.anneal.spec.Partition.ALL)), out.get("best").lineage());
        ConfigError e = assertThrows(ConfigError.class, () -> new TuneNode().configure(Specs.of(Map.of("learner", learner, "train", train)),
                new TuneNode.Params("lambda", List.of("0", "1"), org.anneal.nodes.evaluate.Metric.R2, org.anneal.nodes.evaluate.TuneNode.Search.RANDOM, 5, org.anneal.nodes.evaluate.SearchSpace.Distribution.LOG_UNIFORM, "", List.of(), 5, org.anneal.spec.FoldStrategy.AUTO), TestCtx.of("t")));
        assertEquals("distribution", e.param());
    }
}
