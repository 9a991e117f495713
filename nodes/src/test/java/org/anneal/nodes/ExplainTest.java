package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.explain.CoefficientsNode;
import org.anneal.nodes.explain.PermutationImportanceNode;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

class ExplainTest {
    @Test
    void permutationImportanceRanksFeaturesByTheirEffectAndIgnoresNoise() {
        Table t = ElasticNetTest.exactLaw();
        double[] noise = new double[t.rowCount()];
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextDouble(-2, 2);
        }
        t = t.with(new NumericColumn("x3", ColumnRole.FEATURE, noise));
        TrainedModel m = new RidgeLearner(0).fit(t, List.of("x1", "x2", "x3"), "y", TestCtx.of("fit"));
        Table imp = (Table) new PermutationImportanceNode().execute(new Inputs(Map.of("model", m, "data", t)),
                new PermutationImportanceNode.Params(5), TestCtx.of("pi")).get("importance");
        CategoricalColumn names = (CategoricalColumn) imp.column("feature").orElseThrow();
        assertEquals(List.of("x1", "x2", "x3"), List.of(names.get(0), names.get(1), names.get(2)));
        // shuffling x1 adds about 2 * Var(2 x1) = 2 * 4 * 4/3 to the MSE (for x uniform on [-2, 2])
        assertEquals(2 * 4 * 4.0 / 3, imp.numeric("importance").get(0), 2.0);
        assertEquals(0, imp.numeric("importance").get(2), 1e-9, "the model gives x3 no weight, so shuffling it costs nothing");
    }

    @Test
    void coefficientsAreListedWithTheIntercept() {
        TrainedModel m = new RidgeLearner(0).fit(Fixtures.fiveRows(), List.of("x1", "x2"), "y", TestCtx.of("fit"));
        Table c = (Table) new CoefficientsNode().execute(new Inputs(Map.of("model", m)), new CoefficientsNode.Params(), TestCtx.of("c")).get("table");
        assertEquals(3, c.rowCount());
        assertEquals(2.0, c.numeric("value").get(1), 1e-9);
    }
}
