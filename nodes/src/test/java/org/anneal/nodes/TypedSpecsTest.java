package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.spec.Task;
import org.anneal.nodes.evaluate.CrossValidateNode;
import org.anneal.nodes.model.LearnerSpecs;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.CrossValidatedSpec;
import org.anneal.spec.FoldStrategy;
import org.anneal.spec.LearnerSpec;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.anneal.spec.TransformerSpec;
import org.junit.jupiter.api.Test;

/** What configure says about learners, fitted states and cross-validation travels in typed fields. */
class TypedSpecsTest {
    private static TableSpec table(ColumnSpec... cols) {
        return new TableSpec(List.of(cols), Lineage.UNSPLIT);
    }

    @Test
    void aTransformerSpecRemovesReplacesInPlaceThenAppends() {
        TableSpec data = table(new ColumnSpec("a", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("grade", ColumnType.CATEGORICAL,
                ColumnRole.FEATURE), new ColumnSpec("b", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("y", ColumnType.NUMERIC, ColumnRole.TARGET));
        TransformerSpec state = TransformerSpec.learntFrom(Lineage.UNSPLIT, List.of("a", "grade", "b"), List.of("a"),
                List.of(new ColumnSpec("grade", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("pc1", ColumnType.NUMERIC, ColumnRole.FEATURE)));
        TableSpec out = state.applyTo(data);
        assertEquals(List.of("grade", "b", "y", "pc1"), out.columns().stream().map(ColumnSpec::name).toList());
        assertEquals(ColumnType.NUMERIC, out.column("grade").orElseThrow().type(), "the state retypes the encoded column");
        assertEquals(data.columns(), TransformerSpec.learntFrom(Lineage.UNSPLIT, List.of("a")).applyTo(data).columns(), "a scaler keeps the columns");
    }

    @Test
    void anOrdinalEncodingsStateTellsApplyWhichColumnsItMakesNumeric() throws Exception {
        TableSpec t = table(new ColumnSpec("grade", ColumnType.CATEGORICAL, ColumnRole.FEATURE), new ColumnSpec("y", ColumnType.NUMERIC, ColumnRole.TARGET))
                .withLineage(new Lineage(Partition.of("split", Partition.Side.TRAIN), java.util.Set.of()));
        var node = NodeRegistry.standard().find("prepare.ordinal").orElseThrow();
        Specs out = node.configure(Specs.of(Map.of("fit", t, "data", t)), node.defaults(), TestCtx.of("ord"));
        TransformerSpec state = (TransformerSpec) out.get("state");
        assertEquals(List.of("grade"), state.reads());
        assertEquals(ColumnType.NUMERIC, state.applyTo(t).column("grade").orElseThrow().type());
        assertEquals(Lineage.learntFrom(t.lineage()), state.lineage());
    }

    @Test
    void aPipelineStepAddsItsTunablesOnceAndOnlyAnEncoderLetsCategoriesThrough() {
        LearnerSpec ridge = LearnerSpecs.learner(Task.REGRESSION, true, List.of("lambda", "k"));
        LearnerSpec withStep = ridge.withTunables(List.of("k", "degree"));
        assertEquals(List.of("lambda", "k", "degree"), withStep.tunables());
        assertTrue(withStep.numericFeaturesOnly());
        assertFalse(withStep.acceptingCategories().numericFeaturesOnly());
        assertFalse(LearnerSpecs.gradientLearner(Task.REGRESSION, List.of()).acceptingCategories().numericFeaturesOnly());
        assertTrue(LearnerSpecs.gradientLearner(Task.REGRESSION, List.of()).gradientTrained());
    }

    @Test
    void crossValidationStatesItsFoldStrategyAsATypedField() throws Exception {
        TableSpec t = table(new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.FEATURE), new ColumnSpec("lot", ColumnType.CATEGORICAL, ColumnRole.GROUP),
                new ColumnSpec("y", ColumnType.NUMERIC, ColumnRole.TARGET));
        var cv = NodeRegistry.standard().find("evaluate.cross-validate").orElseThrow();
        for (String choice : cv.param("strategy").orElseThrow().choices()) {
            if (choice.equals("stratified")) {
                continue; // needs classes
            }
            Specs out = new CrossValidateNode().configure(Specs.of(Map.of("learner", LearnerSpecs.learner(Task.REGRESSION, true), "table", t)),
                    new CrossValidateNode.Params(5, org.anneal.spec.Choices.parse(FoldStrategy.class, choice).orElseThrow(), true, 1), TestCtx.of("cv"));
            FoldStrategy folds = ((CrossValidatedSpec) out.get("metrics")).folds();
            assertEquals(choice, folds.key(), "every strategy the parameter offers has a typed counterpart");
        }
        assertEquals("leave-one-out", FoldStrategy.LEAVE_ONE_OUT.key());
    }
}
