package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Learner;
import org.anneal.nodes.evaluate.FoldStrategy;
import org.anneal.nodes.evaluate.Metric;
import org.anneal.nodes.evaluate.ValidationCurveNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.nodes.model.TuneNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.OutPort;
import org.anneal.spec.Specs;
import org.anneal.spec.ValueSpec;
import org.junit.jupiter.api.Test;

/** Tunable hyperparameters are declared once, on the learner's params, and hold their ranges in tuning. */
class TunablesTest {
    private static final NodeRegistry REGISTRY = NodeRegistry.standard();

    private static ValueSpec learnerSpec(String type) throws ConfigError {
        NodeDescriptor d = REGISTRY.find(type).orElseThrow();
        return (ValueSpec) d.configure(Specs.of(Map.of()), d.defaults(), TestCtx.of("l")).get("learner");
    }

    private static Table line() {
        double[] x = new double[30];
        double[] y = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = 2 * i + Math.sin(i);
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    @Test
    void everyLearnerOffersExactlyTheParamsItDeclaresTunable() throws Exception {
        int learners = 0;
        for (NodeDescriptor d : REGISTRY.all()) {
            boolean makesLearner = d.outputs().stream().map(OutPort::kind).anyMatch(k -> k == DataKind.LEARNER);
            if (!makesLearner || !d.inputs().stream().allMatch(p -> p.isOptional())) {
                continue; // tune nodes and pipeline steps pass another learner's on
            }
            learners++;
            List<String> expected = new ArrayList<>(d.tunables());
            if (LearnerSpecs.isGradientTrained(learnerSpec(d.id()))) {
                expected.add("learningRate"); // the optimizer's, wired at Fit
            }
            assertEquals(expected, LearnerSpecs.hyperparameters(learnerSpec(d.id())), d.id());
            Learner made = (Learner) d.execute(Fixtures.inputs(Map.of()), d.defaults(), TestCtx.of("l")).get("learner");
            assertEquals(java.util.Set.copyOf(expected), made.hyperparameters().keySet(), d.id() + " at run time");
        }
        assertTrue(learners >= 12, "learners checked: " + learners);
        assertEquals(List.of("c", "gamma", "epsilon"), REGISTRY.find("model.svm").orElseThrow().tunables());
        assertEquals(List.of("trees", "maxDepth", "eta", "subsample"), REGISTRY.find("model.xgboost").orElseThrow().tunables());
    }

    @Test
    void aTunedLearnerIsRemadeThroughTheDescriptorAndKeepsItsOtherSettings() throws Exception {
        Learner forest = (Learner) REGISTRY.find("model.random-forest").orElseThrow().execute(Fixtures.inputs(Map.of()),
                new org.anneal.nodes.model.RandomForestNode.Params(org.anneal.nodes.model.TaskChoice.CLASSIFICATION, 50, 8, 0.3),
                TestCtx.of("rf")).get("learner");
        Learner deeper = forest.with("maxDepth", 11.6);
        assertEquals(Map.of("trees", 50.0, "maxDepth", 12.0, "featureFraction", 0.3), deeper.hyperparameters());
        assertEquals(org.anneal.ml.Task.CLASSIFICATION, deeper.task(), "the task is not a hyperparameter and stays");
        var e = assertThrows(IllegalArgumentException.class, () -> forest.with("featureFraction", 1.5));
        assertTrue(e.getMessage().contains("'featureFraction' is 1.5 but must be between 0.01 and 1"), e.getMessage());
    }

    @Test
    void aTuneGridValueOutsideTheDeclaredRangeIsAConfigureErrorAtTheValues() throws ConfigError {
        Specs in = Specs.of(Map.of("learner", learnerSpec("model.ridge"), "train", line().spec(Lineage.UNSPLIT)));
        ConfigError e = assertThrows(ConfigError.class, () -> new TuneNode().configure(in,
                new TuneNode.Params("lambda", List.of("-1", "0", "1"), Metric.R2), TestCtx.of("t")));
        assertEquals("values", e.param());
        assertEquals("A value to try is out of range: 'lambda' is -1 but must be at least 0.", e.getMessage());

        Specs forest = Specs.of(Map.of("learner", learnerSpec("model.random-forest"), "train", line().spec(Lineage.UNSPLIT)));
        ConfigError trees = assertThrows(ConfigError.class, () -> new TuneNode().configure(forest,
                new TuneNode.Params("trees", List.of("1", "10"), Metric.R2), TestCtx.of("t")));
        assertTrue(trees.getMessage().contains("'trees' is 1 but must be between 2 and 5000"), trees.getMessage());
        new TuneNode().configure(forest, new TuneNode.Params("trees", List.of("2", "10"), Metric.R2), TestCtx.of("t"));
    }

    @Test
    void aValidationCurveRunningOutOfTheRangeIsReportedAtTheBoundThatLeavesIt() throws ConfigError {
        Specs in = Specs.of(Map.of("learner", learnerSpec("model.elastic-net"), "table", line().spec(Lineage.UNSPLIT)));
        ConfigError e = assertThrows(ConfigError.class, () -> new ValidationCurveNode().configure(in, new ValidationCurveNode.Params("l1Ratio",
                ValidationCurveNode.Grid.LINEAR, List.of(), 0.1, 2, 5, 5, FoldStrategy.RANDOM, Metric.AUTO), TestCtx.of("v")));
        assertEquals("to", e.param());
        assertTrue(e.getMessage().contains("'l1Ratio' is 1.05 but must be between 0.001 and 1"), e.getMessage());
        ConfigError low = assertThrows(ConfigError.class, () -> new ValidationCurveNode().configure(in, new ValidationCurveNode.Params("l1Ratio",
                ValidationCurveNode.Grid.LINEAR, List.of(), 0, 1, 5, 5, FoldStrategy.RANDOM, Metric.AUTO), TestCtx.of("v")));
        assertEquals("from", low.param());
    }
}
