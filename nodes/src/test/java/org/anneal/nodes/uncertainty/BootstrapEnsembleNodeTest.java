package org.anneal.nodes.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.ml.TrainedModel;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Specs;
import org.anneal.spec.Task;
import org.junit.jupiter.api.Test;

class BootstrapEnsembleNodeTest {
    static Learner ensemble(int members, boolean noise, long seed) {
        var ctx = new org.anneal.exec.StandaloneContext("bag", seed, java.nio.file.Path.of("."));
        return (Learner) new BootstrapEnsembleNode().execute(new Inputs(Map.of("learner", new TreeLearner(Task.REGRESSION, 8, 20, 1.0))),
                new BootstrapEnsembleNode.Params(members, noise), ctx).get("ensemble");
    }

    static double coverage95(TrainedModel m, Table test) {
        double[] p = m.predict(test);
        double[] sd = m.predictionStd(test);
        double[] y = test.numeric("y").values();
        int inside = 0;
        for (int i = 0; i < p.length; i++) {
            inside += Math.abs(y[i] - p[i]) <= 1.96 * sd[i] ? 1 : 0;
        }
        return inside / (double) p.length;
    }

    @Test
    void theMeanOfMembersPredictsAndTheirSpreadPlusOutOfBagNoiseCoversHeldOutRows() {
        Table train = UncertaintyFixtures.curve(300, 0.3, 11);
        Table test = UncertaintyFixtures.curve(300, 0.3, 12);
        TrainedModel withNoise = ensemble(20, true, 7).fit(train, List.of("x"), "y", UncertaintyFixtures.ctx("fit"));
        TrainedModel spreadOnly = ensemble(20, false, 7).fit(train, List.of("x"), "y", UncertaintyFixtures.ctx("fit"));
        // out-of-bag noise estimate near the true noise sd 0.3 (a little above: the OOB residual also holds model error)
        double oob = withNoise.parameters().get("out_of_bag_noise_sd");
        assertTrue(oob > 0.27 && oob < 0.45, "out-of-bag noise sd " + oob);
        double c = coverage95(withNoise, test);
        assertTrue(c > 0.9 && c <= 1.0, "95 % coverage with noise " + c);
        // the spread of the members alone is the uncertainty of the mean, far narrower than the scatter of single rows
        assertTrue(coverage95(spreadOnly, test) < 0.8, "spread-only coverage " + coverage95(spreadOnly, test));
        assertArrayEquals(withNoise.predict(test), spreadOnly.predict(test), 1e-12, "same seed, same members");
    }

    @Test
    void itIsLessSureWhereThereAreNoTrainingRows() {
        // training rows only in [−2, 0] ∪ [1, 2]: the gap (0, 1) has none
        Table all = UncertaintyFixtures.curve(400, 0.1, 13);
        int[] keep = java.util.stream.IntStream.range(0, all.rowCount()).filter(i -> {
            double x = all.numeric("x").get(i);
            return x < 0 || x > 1;
        }).toArray();
        TrainedModel m = ensemble(30, false, 3).fit(all.rows(keep), List.of("x"), "y", UncertaintyFixtures.ctx("fit"));
        double[] sd = m.predictionStd(UncertaintyFixtures.table(new double[] {-1.5, 0.5}, new double[] {0, 0}));
        assertTrue(sd[1] > 2 * sd[0], "sd inside the data " + sd[0] + ", in the gap " + sd[1]);
    }

    @Test
    void theSeedDecidesTheResamples() {
        Table train = UncertaintyFixtures.curve(100, 0.3, 14);
        double[] a = ensemble(5, false, 1).fit(train, List.of("x"), "y", UncertaintyFixtures.ctx("fit")).predictionStd(train);
        double[] b = ensemble(5, false, 1).fit(train, List.of("x"), "y", UncertaintyFixtures.ctx("fit")).predictionStd(train);
        double[] c = ensemble(5, false, 2).fit(train, List.of("x"), "y", UncertaintyFixtures.ctx("fit")).predictionStd(train);
        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c));
    }

    @Test
    void aClassifierIsRefusedAtItsPort() {
        var in = Specs.of(Map.of("learner", LearnerSpec.of(Task.CLASSIFICATION, false, List.of())));
        ConfigError e = assertThrows(ConfigError.class, () -> new BootstrapEnsembleNode().configure(in, new BootstrapEnsembleNode.Params(10, true), null));
        assertEquals("learner", e.port());
        var ok = Specs.of(Map.of("learner", LearnerSpec.of(Task.REGRESSION, true, List.of("lambda"))));
        try {
            LearnerSpec out = (LearnerSpec) new BootstrapEnsembleNode().configure(ok, new BootstrapEnsembleNode.Params(10, true), null).get("ensemble");
            assertEquals(Task.REGRESSION, out.task());
            assertTrue(out.numericFeaturesOnly());
        } catch (ConfigError err) {
            throw new AssertionError(err);
        }
    }
}
