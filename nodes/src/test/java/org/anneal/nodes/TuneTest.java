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
import org.anneal.nodes.model.TuneNode;
import org.anneal.nodes.prepare.PolynomialFeaturesNode;
import org.anneal.ml.Task;
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
        var out = new TuneNode().execute(new Inputs(Map.of("learner", new RidgeLearner(1), "train", train, "select", validation)),
                new TuneNode.Params("lambda", values, "rmse"), TestCtx.of("tune"));
        List<String> features = train.features().stream().map(c -> c.name()).toList();
        double bestRmse = Double.MAX_VALUE;
        double bestLambda = -1;
        for (String v : values) {
            double l = Double.parseDouble(v);
            double rmse = RegressionMetrics.of(validation.numeric("y").values(),
                    new RidgeLearner(l).fit(train, features, "y", TestCtx.of("f")).predict(validation)).get("rmse");
            if (rmse < bestRmse) {
                bestRmse = rmse;
                bestLambda = l;
            }
        }
        assertEquals(new RidgeLearner(bestLambda), out.get("best"));
        Table curve = (Table) out.get("curve");
        assertEquals(4, curve.rowCount());
        assertTrue(java.util.Arrays.stream(curve.numeric("rmse").values()).min().orElseThrow() == bestRmse);
    }

    @Test
    void refusesAnUnknownHyperparameterAndAWrongMetric() throws Exception {
        var learner = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda"));
        var t = poly(1).spec(Lineage.UNSPLIT);
        Specs in = Specs.of(Map.of("learner", learner, "train", t, "select", t));
        ConfigError e = assertThrows(ConfigError.class, () -> new TuneNode().configure(in, new TuneNode.Params("alpha", List.of("1"), "r2"), TestCtx.of("t")));
        assertTrue(e.fix().contains("Tunable: lambda"));
        ConfigError m = assertThrows(ConfigError.class, () -> new TuneNode().configure(in, new TuneNode.Params("lambda", List.of("1"), "accuracy"), TestCtx.of("t")));
        assertTrue(m.fix().contains("r2"));
        assertThrows(IllegalArgumentException.class, () -> ((Learner) new RidgeLearner(1)).with("alpha", 2));
    }
}
