package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.Metrics;
import org.anneal.nodes.evaluate.CrossValidateNode;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.pipeline.PreprocessedModel;
import org.anneal.nodes.pipeline.TargetEncodeStepNode;
import org.anneal.nodes.prepare.TargetEncoding;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

/** Target encoding as a pipeline step is learnt inside every fold, so an identifier-like category stops leaking. */
class TargetEncodeStepTest {

    /** 60 specimens, each its own category, with a target that is pure noise: the category carries nothing. */
    static Table specimens() {
        SplittableRandom r = new SplittableRandom(7);
        int n = 60;
        int[] codes = new int[n];
        List<String> levels = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            codes[i] = i;
            levels.add("S" + i);
            y[i] = r.nextGaussian();
        }
        return new Table(List.of(new CategoricalColumn("specimen", ColumnRole.FEATURE, codes, levels),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static double cvR2(Learner learner, Table t) throws Exception {
        Metrics m = (Metrics) new CrossValidateNode().execute(new Inputs(Map.of("learner", learner, "table", t)),
                new CrossValidateNode.Params(5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, false, 1), TestCtx.of("cv")).get("metrics");
        return m.get("r2");
    }

    @Test
    void encodedOnAllRowsTheNoiseLooksPredictableButInsideTheFoldsItDoesNot() throws Exception {
        Table t = specimens();
        // the leaky way: encode with every row's own target (m = 0), then cross-validate on the encoded numbers
        Table encodedOnAll = TargetEncoding.fit(t, List.of("specimen"), 0, "").apply(t);
        double leaky = cvR2(new RidgeLearner(0), encodedOnAll);
        assertTrue(leaky > 0.99, "each row's encoding is its own target, so CV looks perfect: " + leaky);

        Learner step = (Learner) new TargetEncodeStepNode().execute(new Inputs(Map.of("learner", new RidgeLearner(0))),
                new TargetEncodeStepNode.Params(List.of(), 0, ""), TestCtx.of("encode")).get("pipeline");
        double honest = cvR2(step, t);
        // held-out specimens are unseen categories: they all get the training mean, so there is nothing to learn
        assertTrue(honest <= 0.0, "noise must not be predictable when the encoding is learnt per fold: " + honest);
    }

    @Test
    void unseenCategoriesGetTheTrainingMeanAndSmoothingShrinksTowardsIt() throws Exception {
        int[] codes = {0, 0, 1, 1, 2};
        double[] y = {1, 3, 10, 14, 100};
        Table t = new Table(List.of(new CategoricalColumn("alloy", ColumnRole.FEATURE, codes, List.of("A", "B", "C")),
                new NumericColumn("y", ColumnRole.TARGET, y)));
        Table train = t.rows(new int[] {0, 1, 2, 3});
        Learner step = (Learner) new TargetEncodeStepNode().execute(new Inputs(Map.of("learner", new RidgeLearner(0))),
                new TargetEncodeStepNode.Params(List.of(), 2, ""), TestCtx.of("encode")).get("pipeline");
        PreprocessedModel m = (PreprocessedModel) step.fit(train, List.of("alloy"), "y", TestCtx.of("fit"));
        Table encoded = m.transform().apply(t);
        double[] x = encoded.numeric("alloy").values();
        // training mean 7; A: (2·2 + 2·7)/4 = 4.5; B: (2·12 + 2·7)/4 = 9.5; C unseen in training: 7
        assertEquals(4.5, x[0], 1e-12);
        assertEquals(9.5, x[2], 1e-12);
        assertEquals(7.0, x[4], 1e-12);
    }
}
