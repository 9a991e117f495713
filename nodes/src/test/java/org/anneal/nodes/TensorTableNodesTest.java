package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.data.TensorColumn;
import org.anneal.nodes.data.AggregateNode;
import org.anneal.nodes.data.JoinNode;
import org.anneal.nodes.data.RenameColumnsNode;
import org.anneal.nodes.prepare.CastNode;
import org.anneal.nodes.prepare.ImputeNode;
import org.anneal.spec.Axis;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.Shape;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** The table nodes beyond splits on a table with a spectrum per row: join, replicate averaging, renaming, and refusals. */
class TensorTableNodesTest {
    static final Shape XRD = Shape.spectrum(Axis.regular("2θ", 4, "°", 20, 10));

    /** Four patterns of three samples (A twice), the middle one of B missing. */
    static Table patterns() {
        return new Table(List.of(
                new CategoricalColumn("sample", ColumnRole.ID, new int[] {0, 0, 1, 2}, List.of("A", "B", "C")),
                TensorColumn.of("xrd", ColumnRole.FEATURE, XRD, Arrays.asList(new float[] {1, 2, 3, 4}, new float[] {3, 4, 5, 6}, null,
                        new float[] {0, 0, 1, 0})),
                new NumericColumn("T", ColumnRole.FEATURE, new double[] {300, 310, 400, Double.NaN}, "K")));
    }

    static Table run(Node<?> node, Map<String, Object> in, Record p) throws Exception {
        @SuppressWarnings("unchecked")
        Node<Record> n = (Node<Record>) node;
        return (Table) n.execute(Fixtures.inputs(in), p, TestCtx.of("n")).get("out");
    }

    static <P extends Record> ConfigError refused(Node<P> node, Table t, P p) {
        return assertThrows(ConfigError.class, () -> node.configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, TestCtx.of("n")));
    }

    @Test
    void aLeftJoinCarriesTheSpectraAndLeavesUnmatchedRowsMissing() throws Exception {
        Table left = new Table(List.of(new CategoricalColumn("sample", ColumnRole.ID, new int[] {2, 1, 0}, List.of("A", "C", "Z")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2, 3})));
        Table right = new Table(List.of(new CategoricalColumn("sample", ColumnRole.ID, new int[] {0, 1}, List.of("A", "C")),
                TensorColumn.of("xrd", ColumnRole.FEATURE, XRD, List.of(new float[] {1, 2, 3, 4}, new float[] {9, 9, 9, 9}))));
        Table out = run(new JoinNode(), Map.of("left", left, "right", right), new JoinNode.Params("sample", "", JoinNode.How.LEFT));
        TensorColumn xrd = (TensorColumn) out.column("xrd").orElseThrow();
        assertEquals(XRD, xrd.shape());
        assertTrue(xrd.isMissing(0), "Z has no pattern");
        assertArrayEquals(new float[] {9, 9, 9, 9}, xrd.get(1));
        assertArrayEquals(new float[] {1, 2, 3, 4}, xrd.get(2));
    }

    @Test
    void replicatePatternsAreAveragedChannelByChannel() throws Exception {
        Table out = run(new AggregateNode(), Map.of("table", patterns()), new AggregateNode.Params("sample", AggregateNode.Categorical.MODE, "n_rows"));
        assertEquals(3, out.rowCount());
        TensorColumn xrd = (TensorColumn) out.column("xrd").orElseThrow();
        assertArrayEquals(new float[] {2, 3, 4, 5}, xrd.get(0));
        assertTrue(xrd.isMissing(1));
        assertArrayEquals(new float[] {0, 0, 1, 0}, xrd.get(2));
        assertEquals(XRD, out.spec(Lineage.UNSPLIT).column("xrd").orElseThrow().shape());
    }

    @Test
    void renamingKeepsTheShapeInTheSpec() throws Exception {
        TableSpec in = patterns().spec(Lineage.UNSPLIT);
        Specs out = new RenameColumnsNode().configure(Specs.of(Map.of("table", in)), new RenameColumnsNode.Params(List.of("xrd -> pattern")),
                TestCtx.of("r"));
        assertEquals(XRD, ((TableSpec) out.get("out")).column("pattern").orElseThrow().shape());
        Table t = run(new RenameColumnsNode(), Map.of("table", patterns()), new RenameColumnsNode.Params(List.of("xrd -> pattern")));
        assertEquals(((TableSpec) out.get("out")).columns(), t.spec(Lineage.UNSPLIT).columns());
    }

    @Test
    void nodesThatNeedScalarsRefuseATensorByName() {
        ConfigError key = refused(new AggregateNode(), patterns(), new AggregateNode.Params("xrd", AggregateNode.Categorical.MODE, ""));
        assertEquals("key", key.param());
        ConfigError cast = refused(new CastNode(), patterns(), new CastNode.Params(List.of("xrd"), CastNode.To.CATEGORICAL, CastNode.Decimal.values()[0], CastNode.Invalid.values()[0]));
        assertTrue(cast.getMessage().contains("'xrd'"), cast.getMessage());
        var fitData = Map.<String, org.anneal.spec.Spec>of("fit", patterns().spec(Lineage.UNSPLIT), "data", patterns().spec(Lineage.UNSPLIT));
        ConfigError scale = assertThrows(ConfigError.class, () -> new org.anneal.nodes.prepare.StandardizeNode().configure(Specs.of(fitData),
                new org.anneal.nodes.prepare.StandardizeNode.Params(List.of("xrd"), true, true), TestCtx.of("s")));
        assertTrue(scale.getMessage().contains("'xrd' holds a tensor per row"), scale.getMessage());
    }

    @Test
    void imputingEveryFeatureLeavesTheSpectrumAloneAndNamingItIsRefused() throws Exception {
        Table t = patterns();
        var specs = Map.<String, org.anneal.spec.Spec>of("fit", t.spec(Lineage.UNSPLIT), "data", t.spec(Lineage.UNSPLIT));
        new ImputeNode().configure(Specs.of(specs), new ImputeNode.Params(List.of(), ImputeNode.Strategy.MEAN), TestCtx.of("i"));
        Table filled = (Table) new ImputeNode().execute(Fixtures.inputs(Map.of("fit", t, "data", t)), new ImputeNode.Params(List.of(), ImputeNode.Strategy.MEAN),
                TestCtx.of("i")).get("out");
        assertEquals(t.column("xrd").orElseThrow(), filled.column("xrd").orElseThrow());
        assertEquals(0, filled.column("T").orElseThrow().missingCount());
        ConfigError named = assertThrows(ConfigError.class, () -> new ImputeNode().configure(Specs.of(specs),
                new ImputeNode.Params(List.of("xrd"), ImputeNode.Strategy.MEAN), TestCtx.of("i")));
        assertEquals("columns", named.param());
    }
}
