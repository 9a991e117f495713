package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.ml.Metrics;
import org.anneal.nodes.evaluate.ReconstructionNode;
import org.anneal.nodes.prepare.PcaNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class ReconstructionNodeTest {
    final ReconstructionNode node = new ReconstructionNode();

    Metrics score(Table data, Table weights, Table parts, boolean centred) throws ConfigError {
        var p = new ReconstructionNode.Params(centred);
        node.configure(Specs.of(Map.of("data", data.spec(Lineage.UNSPLIT), "weights", weights.spec(Lineage.UNSPLIT), "parts",
                parts.spec(Lineage.UNSPLIT))), p, TestCtx.of("rebuild"));
        return (Metrics) node.execute(Fixtures.inputs(Map.of("data", data, "weights", weights, "parts", parts)), p, TestCtx.of("rebuild")).get("metrics");
    }

    static Table parts(double... weights) {
        return new Table(List.of(new CategoricalColumn("column", ColumnRole.ID, new int[] {0, 1}, List.of("a", "b")),
                new NumericColumn("nmf1", ColumnRole.FEATURE, weights)));
    }

    /**
     * One part (0.6, 0.8) with weights 5, 10, 0, 5 rebuilds (3, 4), (6, 8), (0, 0), (3, 4); the data differ only in the
     * third row, (0, 1): SSE = 1, ‖X‖² = 9 + 16 + 36 + 64 + 1 + 9 + 16 = 151, and around the means (3, 4.25)
     * SST = 18 + 24.75 = 42.75.
     */
    @Test
    void oneNmfPartRebuildsTheRowsByHand() throws Exception {
        Table data = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {3, 6, 0, 3}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {4, 8, 1, 4})));
        Table weights = new Table(List.of(new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {5, 10, 0, 5})));
        Metrics m = score(data, weights, parts(0.6, 0.8), false);
        assertEquals(1 - 1 / 42.75, m.get("explained_variance"), 1e-12);
        assertEquals(Math.sqrt(1 / 151.0), m.get("relative_error"), 1e-12);
        assertEquals(1, m.get("components"));
        assertEquals(4, m.rows());
    }

    /** PCA's own scores and loadings, with the means added back: k components keep the scree's cumulative share at k. */
    @Test
    void pcaScoresKeepTheScreesShare() throws Exception {
        Table t = PcaNodeTest.stretchedAlongDiagonal();
        for (int k = 1; k <= 2; k++) {
            Outputs o = new PcaNode().execute(Fixtures.inputs(Map.of("fit", t, "data", t)), new PcaNode.Params(List.of("a", "b"), k, false),
                    TestCtx.of("pca"));
            Metrics m = score(t, (Table) o.get("out"), (Table) o.get("loadings"), true);
            assertEquals(k == 1 ? 0.8 : 1.0, m.get("explained_variance"), 1e-12, k + " component(s)");
        }
    }

    @Test
    void mismatchedWiresAreLocatedErrors() {
        Table data = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2}),
                new NumericColumn("b", ColumnRole.FEATURE, new double[] {1, 2})));
        Table weights = new Table(List.of(new NumericColumn("pc1", ColumnRole.FEATURE, new double[] {0, 1})));
        ConfigError e = assertThrows(ConfigError.class, () -> score(data, weights, parts(1, 0), false));
        assertTrue(e.getMessage().contains("no column 'nmf1'"), e.getMessage());
        assertEquals("weights", e.port());
        Table nmf = new Table(List.of(new NumericColumn("nmf1", ColumnRole.FEATURE, new double[] {0, 1, 2})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> score(data, nmf, parts(1, 0), false));
        assertTrue(f.getMessage().contains("'data' has 2 rows but 'weights' has 3"), f.getMessage());
    }
}
