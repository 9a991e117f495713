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
                new CrossValidateNode.Params(k, org.anneal.spec.Choices.parse(org.anneal.nodes.evaluate.FoldStrategy.class, strategy).orElseThrow(), true, 1), TestCtx.of("cv")).get("metrics");
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
        int[] f = org.anneal.nodes.evaluate.Folds.assign(t, org.anneal.nodes.evaluate.FoldStrategy.GROUP, 5, 7L);
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

    @Test
    void repeatedFoldsPoolEveryFoldOfEveryFreshShuffle() throws Exception {
        Table t = PrepareAndGenerateTest.generate("noisy-polynomial", 60, 0.3, 4);
        var learner = new org.anneal.nodes.model.RidgeLearner(0.1);
        var out = new CrossValidateNode().execute(new Inputs(Map.of("learner", learner, "table", t)),
                new CrossValidateNode.Params(5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, false, 3), TestCtx.of("cv"));
        Table folds = (Table) out.get("folds");
        assertEquals(15, folds.rowCount());
        // by hand: the three shuffles, each fold fitted and scored independently of the node's own loop
        var plan = new org.anneal.nodes.evaluate.CrossValidation.Plan(org.anneal.nodes.evaluate.FoldStrategy.RANDOM, 5, 3, TestCtx.of("cv").seed());
        java.util.List<Double> mse = new java.util.ArrayList<>();
        java.util.Set<String> assignments = new java.util.HashSet<>();
        for (int r = 0; r < 3; r++) {
            int[] fold = org.anneal.nodes.evaluate.Folds.assign(t, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, 5, plan.seedOf(r));
            assignments.add(java.util.Arrays.toString(fold));
            for (int f = 0; f < 5; f++) {
                Table train = t.rows(org.anneal.nodes.evaluate.Folds.rows(fold, f, false));
                Table test = t.rows(org.anneal.nodes.evaluate.Folds.rows(fold, f, true));
                double[] pred = learner.fit(train, java.util.List.of("x"), "y", TestCtx.of("f")).predict(test);
                double sse = 0;
                for (int i = 0; i < pred.length; i++) {
                    sse += Math.pow(pred[i] - test.numeric("y").values()[i], 2);
                }
                mse.add(sse / pred.length);
            }
        }
        assertEquals(3, assignments.size(), "every repeat shuffles afresh");
        double mean = mse.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(mean, ((Metrics) out.get("metrics")).get("mse"), 1e-12);
        // the first repeat is the plain k-fold with the node's seed
        Table single = (Table) new CrossValidateNode().execute(new Inputs(Map.of("learner", learner, "table", t)),
                new CrossValidateNode.Params(5, org.anneal.nodes.evaluate.FoldStrategy.RANDOM, false, 1), TestCtx.of("cv")).get("folds");
        assertEquals(java.util.Arrays.toString(single.numeric("mse").values()),
                java.util.Arrays.toString(java.util.Arrays.copyOf(folds.numeric("mse").values(), 5)));
    }

    /** Predicts the majority class of its training rows, and lists its classes in reverse level order. */
    record MajorityLearner() implements org.anneal.ml.Learner {
        public Task task() {
            return Task.CLASSIFICATION;
        }

        public String describe() {
            return "majority";
        }

        public org.anneal.ml.TrainedModel fit(Table train, java.util.List<String> features, String target, org.anneal.spec.ExecContext ctx) {
            var y = (org.anneal.data.CategoricalColumn) train.column(target).orElseThrow();
            int[] counts = new int[y.levels().size()];
            for (int c : y.codes()) {
                counts[c]++;
            }
            String majority = y.levels().get(counts[0] >= counts[1] ? 0 : 1);
            java.util.List<String> classes = java.util.List.of(y.levels().get(1), y.levels().get(0));
            return new org.anneal.ml.TrainedModel() {
                public Task task() {
                    return Task.CLASSIFICATION;
                }

                public String target() {
                    return target;
                }

                public java.util.List<String> features() {
                    return features;
                }

                public String describe() {
                    return "majority: " + majority;
                }

                public double[] predict(Table data) {
                    double[] out = new double[data.rowCount()];
                    java.util.Arrays.fill(out, classes.indexOf(majority));
                    return out;
                }

                public java.util.List<String> classes() {
                    return classes;
                }

                public Map<String, Double> parameters() {
                    return Map.of();
                }
            };
        }
    }

    @Test
    void predictedClassesAreMatchedByNameNotByPosition() {
        // 50 rows, 10 rare: stratified folds keep 8 common + 2 rare in each, so always predicting "common" scores 0.8
        Table t = Fixtures.classes(50);
        var m = (Metrics) new CrossValidateNode().execute(new Inputs(Map.of("learner", new MajorityLearner(), "table", t)),
                new CrossValidateNode.Params(5, org.anneal.nodes.evaluate.FoldStrategy.STRATIFIED, false, 1), TestCtx.of("cv")).get("metrics");
        assertEquals(0.8, m.get("accuracy"), 1e-12);
        assertEquals(0.5, m.get("balanced_accuracy"), 1e-12);
        var loo = (Metrics) new CrossValidateNode().execute(new Inputs(Map.of("learner", new MajorityLearner(), "table", t)),
                new CrossValidateNode.Params(5, org.anneal.nodes.evaluate.FoldStrategy.LEAVE_ONE_OUT, false, 1), TestCtx.of("cv")).get("metrics");
        assertEquals(0.8, loo.get("accuracy"), 1e-12);
    }
}
