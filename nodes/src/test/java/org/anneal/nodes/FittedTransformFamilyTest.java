package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.pipeline.FittedStep;
import org.anneal.nodes.pipeline.PipelineStepNode;
import org.anneal.nodes.pipeline.TransformStep;
import org.anneal.nodes.prepare.FittedTransformNode;
import org.anneal.nodes.prepare.ImputeNode;
import org.anneal.nodes.prepare.MinMaxNode;
import org.anneal.nodes.prepare.OneHotNode;
import org.anneal.nodes.prepare.SelectKBestNode;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.nodes.prepare.TargetEncodeNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.Inputs;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeRegistry;
import org.junit.jupiter.api.Test;

/** One declaration per fitted transform: its prepare.* node and its pipeline.* form learn the same state from the same rows. */
class FittedTransformFamilyTest {
    /** Eight rows: two numeric features (one with a gap), a categorical one, a numeric target. */
    static Table rows() {
        double[] a = {1, 2, Double.NaN, 4, 5, 6, 7, 9};
        double[] b = {3, 1, 4, 1, 5, 9, 2, 6};
        int[] phase = {0, 1, 0, 2, 1, 0, 2, 1};
        double[] y = {2, 3, 5, 7, 11, 13, 17, 19};
        return new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b),
                new CategoricalColumn("phase", ColumnRole.FEATURE, phase, List.of("ferrite", "pearlite", "martensite")),
                new NumericColumn("y", ColumnRole.TARGET, y)));
    }

    static Table prepareOut(FittedTransformNode<?> node, Record params, Table t) throws Exception {
        @SuppressWarnings("unchecked")
        var n = (org.anneal.spec.Node<Record>) node;
        return (Table) n.execute(new Inputs(Map.of("fit", t, "data", t)), params, TestCtx.of("prep")).get("out");
    }

    static void same(Table expected, Table actual) {
        assertEquals(expected.columns(), actual.columns());
    }

    static <P extends Record> Table stepOut(TransformStep<P> step, Table t) {
        List<String> features = t.features().stream().map(Column::name).toList();
        FittedStep fitted = step.fit(t, features, "y", TestCtx.of("step"));
        assertEquals(fitted.train().columns(), fitted.transform().apply(t).columns(), "the learnt state reproduces the training rows");
        return fitted.train();
    }

    @Test
    void bothFormsOfEachTransformLearnTheSameStateFromTheSameRows() throws Exception {
        Table t = rows();
        List<String> numeric = List.of("a", "b");
        same(prepareOut(new StandardizeNode(), new StandardizeNode.Params(numeric, true, true), t),
                stepOut(StandardizeNode.step(true, true), t));
        same(prepareOut(new MinMaxNode(), new MinMaxNode.Params(numeric), t),
                stepOut(new TransformStep<>(new MinMaxNode(), new MinMaxNode.Params(List.of())), t));
        same(prepareOut(new ImputeNode(), new ImputeNode.Params(numeric, ImputeNode.Strategy.MEDIAN), t),
                stepOut(new TransformStep<>(new ImputeNode(), new ImputeNode.Params(List.of(), ImputeNode.Strategy.MEDIAN)), t));
        same(prepareOut(new OneHotNode(), new OneHotNode.Params(List.of("phase")), t),
                stepOut(new TransformStep<>(new OneHotNode(), new OneHotNode.Params(List.of())), t));
        same(prepareOut(new TargetEncodeNode(), new TargetEncodeNode.Params(List.of("phase"), 2, ""), t),
                stepOut(new TransformStep<>(new TargetEncodeNode(), new TargetEncodeNode.Params(List.of(), 2, "")), t));
        Table kept = prepareOut(new SelectKBestNode(), new SelectKBestNode.Params(1), t);
        same(kept, stepOut(new TransformStep<>(new SelectKBestNode(), new SelectKBestNode.Params(1)), t));
        assertEquals(List.of("a", "phase", "y"), kept.columns().stream().map(Column::name).toList(), "a follows y more closely than b");
    }

    @Test
    void everyPipelineFormIsRegisteredBesideItsPrepareNodeWithTheSameTwoPorts() {
        List<String> forms = new ArrayList<>();
        for (NodeDescriptor d : NodeRegistry.standard().all()) {
            if (d.node() instanceof PipelineStepNode<?>) {
                forms.add(d.id());
                assertEquals(List.of("learner"), d.inputs().stream().map(p -> p.name()).toList(), d.id());
                assertEquals(List.of("pipeline"), d.outputs().stream().map(p -> p.name()).toList(), d.id());
                Class<?> declaration = d.node().getClass().getEnclosingClass();
                assertTrue(declaration != null && NodeDescriptor.of(newInstance(declaration)).id().startsWith("prepare."),
                        d.id() + " is declared inside its prepare node");
            }
        }
        assertEquals(List.of("pipeline.impute", "pipeline.min-max", "pipeline.one-hot", "pipeline.polynomial", "pipeline.select-k-best",
                "pipeline.standardize", "pipeline.target-encode"), forms.stream().sorted().toList());
    }

    private static org.anneal.spec.Node<?> newInstance(Class<?> c) {
        try {
            return (org.anneal.spec.Node<?>) c.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
