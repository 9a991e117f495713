package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.ml.FittedTransform;
import org.anneal.nodes.prepare.ApplyTransformNode;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Outputs;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class StandardizeNodeTest {
    final StandardizeNode node = new StandardizeNode();

    @Test
    void learnsOnFitRowsAndAppliesToDataRows() {
        Table fit = Fixtures.fiveRows();
        Table data = fit.rows(new int[] {0, 4});
        Outputs o = node.execute(Fixtures.inputs(Map.of("fit", fit, "data", data)),
                new StandardizeNode.Params(List.of("x1"), true, true), TestCtx.of("scale"));
        // x1 = 1..5: mean 3, sample sd sqrt(2.5)
        double sd = Math.sqrt(2.5);
        assertArrayEquals(new double[] {-2 / sd, 2 / sd}, ((Table) o.get("out")).numeric("x1").values(), 1e-12);
        assertArrayEquals(new double[] {2, 6}, ((Table) o.get("out")).numeric("x2").values(), 0, "unlisted columns untouched");
        FittedTransform state = (FittedTransform) o.get("state");
        Outputs applied = new ApplyTransformNode().execute(Fixtures.inputs(Map.of("state", state, "data", fit)),
                new ApplyTransformNode.Params(), TestCtx.of("apply"));
        assertArrayEquals(new double[] {-2 / sd, -1 / sd, 0, 1 / sd, 2 / sd}, ((Table) applied.get("out")).numeric("x1").values(), 1e-12);
    }

    @Test
    void emptyColumnListMeansEveryNumericFeatureNotTheTarget() {
        Outputs o = node.execute(Fixtures.inputs(Map.of("fit", Fixtures.fiveRows(), "data", Fixtures.fiveRows())),
                new StandardizeNode.Params(List.of(), true, true), TestCtx.of("scale"));
        assertEquals(List.of("x1", "x2"), ((FittedTransform) o.get("state")).columns());
        assertEquals(Fixtures.fiveRows().numeric("y"), ((Table) o.get("out")).numeric("y"));
    }

    @Test
    void configureTracksWhichRowsFittedTheState() throws Exception {
        TableSpec spec = Fixtures.fiveRows().spec(Lineage.UNSPLIT);
        TableSpec train = spec.withLineage(Lineage.UNSPLIT.withPartition(Partition.of("split", Partition.Side.TRAIN)));
        Specs out = node.configure(Specs.of(Map.of("fit", train, "data", spec)), new StandardizeNode.Params(List.of(), true, true), TestCtx.of("s"));
        assertTrue(out.get("out").lineage().fittedOn().contains(Partition.of("split", Partition.Side.TRAIN)));
        assertEquals(Partition.ALL, out.get("out").lineage().partition());
    }

    @Test
    void unknownColumnsAreNamedWithASuggestion() {
        TableSpec spec = Fixtures.fiveRows().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new StandardizeNode.Params(List.of("x3"), true, true), TestCtx.of("s")));
        assertEquals("columns", e.param());
        assertTrue(e.fix().contains("Did you mean 'x1'") || e.fix().contains("Did you mean 'x2'"), e.fix());
    }
}
