package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.ml.Task;
import org.anneal.nodes.evaluate.CrossValidateNode;
import org.anneal.nodes.model.RidgeLearner;
import org.anneal.nodes.model.TreeLearner;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

class CrossValidateTest {
    static Metrics cv(Object learner, Table t, int k, String strategy) {
        return (Metrics) new CrossValidateNode().execute(new Inputs(Map.of("learner", learner, "table", t)),
                new CrossValidateNode.Params(k, strategy, true, 1), TestCtx.of("cv")).get("metrics");
    }

    @Test
    void anExactLawHasZeroErrorInEveryFold() {
        Table t = ElasticNetTest.exactLaw();
        Metrics m = cv(new RidgeLearner(0), t, 5, "random");
        assertEquals(0, m.get("mse"), 1e-18);
        assertEquals(1, m.get("r2"), 1e-12);
        assertTrue(m.values().containsKey("r2_sd"));
    }

    @Test
    void leaveOneOutScoresEveryRowOnce() {
        Table t = ElasticNetTest.exactLaw().rows(java.util.stream.IntStream.range(0, 30).toArray());
        Metrics m = cv(new RidgeLearner(0), t, 5, "leave-one-out");
        assertEquals(30, m.rows());
        assertEquals(0, m.get("mse"), 1e-18);
    }

    @Test
    void groupFoldsNeverSplitAGroup() throws Exception {
        Table t = PrepareAndGenerateTest.generate("raman-replicates", 100, 0.02, 3);
        var fold = java.lang.Class.forName("org.anneal.nodes.evaluate.Folds").getDeclaredMethod("assign", Table.class, String.class, int.class, long.class);
        fold.setAccessible(true);
        int[] f = (int[]) fold.invoke(null, t, "group", 5, 7L);
        Map<String, Integer> seen = new HashMap<>();
        var g = t.column("sample").orElseThrow();
        for (int i = 0; i < f.length; i++) {
            Integer prev = seen.putIfAbsent(g.text(i), f[i]);
            assertTrue(prev == null || prev == f[i], "group " + g.text(i) + " spans folds");
        }
    }

    @Test
    void replicatesInflateRandomFoldsButNotGroupFolds() {
        Table t = PrepareAndGenerateTest.generate("raman-replicates", 200, 0.02, 3);
        double random = cv(new TreeLearner(Task.REGRESSION, 8, 30, 0.5), t, 5, "random").get("r2");
        double group = cv(new TreeLearner(Task.REGRESSION, 8, 30, 0.5), t, 5, "group").get("r2");
        assertTrue(random > group + 0.1, "random folds reward memorising replicates: random " + random + " vs group " + group);
    }
}
