package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.data.AggregateNode;
import org.anneal.nodes.prepare.DedupeNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class DedupeAndAggregateTest {
    static final double NA = Double.NaN;

    /** Rows: (id 1, x 1, a, y 10), (2, 1, a, 10), (3, 2, b, 20), (4, 1, a, 11), (5, NaN, b, 20), (6, NaN, b, 20). */
    static Table withCopies() {
        return new Table(List.of(new NumericColumn("id", ColumnRole.ID, new double[] {1, 2, 3, 4, 5, 6}),
                new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 1, 2, 1, NA, NA}),
                new CategoricalColumn("c", ColumnRole.FEATURE, new int[] {0, 0, 1, 0, 1, 1}, List.of("a", "b")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {10, 10, 20, 11, 20, 20})));
    }

    static Table dedupe(Table t, List<String> cols) {
        return dedupe(t, cols, 0);
    }

    static Table dedupe(Table t, List<String> cols, double tol) {
        return (Table) new DedupeNode().execute(Fixtures.inputs(Map.of("table", t)), new DedupeNode.Params(cols, tol), TestCtx.of("dd")).get("out");
    }

    @Test
    void aToleranceAlsoRemovesTheSameMixEnteredWithOtherRounding() {
        // two rows of the UCI concrete table: the same mix and strength, once rounded to whole kilograms
        Table t = new Table(List.of(new NumericColumn("cement", ColumnRole.FEATURE, new double[] {159, 158.6, 237, 236.9, 0, 0.001}),
                new NumericColumn("ash", ColumnRole.FEATURE, new double[] {116, 116, 71, 71.5, 5, 5}),
                new NumericColumn("mpa", ColumnRole.TARGET, new double[] {27.68, 27.68, 28.63, 28.63, 10, 10})));
        // 158.6 vs 159: 0.25 %; 71.5 vs 71: 0.70 %; 0 vs 0.001: 100 % of the larger value
        assertArrayEquals(new double[] {159, 237, 236.9, 0, 0.001}, dedupe(t, List.of(), 0.005).numeric("cement").values());
        assertArrayEquals(new double[] {159, 237, 0, 0.001}, dedupe(t, List.of(), 0.01).numeric("cement").values());
        assertEquals(6, dedupe(t, List.of(), 0).rowCount(), "no exact copies");
    }

    @Test
    void exactCopiesAreDroppedIgnoringIdsAndTheFirstIsKept() {
        Table out = dedupe(withCopies(), List.of());
        // row 2 repeats row 1 (ids differ), row 6 repeats row 5 (missing cells count as equal); row 4 differs in y
        assertArrayEquals(new double[] {1, 3, 4, 5}, out.numeric("id").values());
        assertArrayEquals(new double[] {10, 20, 11, 20}, out.numeric("y").values());
    }

    @Test
    void aColumnSubsetDecidesWhatCountsAsACopy() {
        Table out = dedupe(withCopies(), List.of("x", "c"));
        assertArrayEquals(new double[] {1, 3, 5}, out.numeric("id").values());
        assertEquals(6, withCopies().rowCount(), "the input is untouched");
    }

    @Test
    void unknownColumnsAreRejectedAtConfigure() {
        ConfigError e = assertThrows(ConfigError.class, () -> new DedupeNode().configure(
                Specs.of(Map.of("table", withCopies().spec(Lineage.UNSPLIT))), new DedupeNode.Params(List.of("xx"), 0), TestCtx.of("dd")));
        assertTrue(e.fix().contains("'x'"), e.fix());
    }

    /** Five measurements of two samples: S1 (rows 0, 2, 4), S2 (rows 1, 3). */
    static Table replicates() {
        return new Table(List.of(new CategoricalColumn("sample", ColumnRole.GROUP, new int[] {0, 1, 0, 1, 0}, List.of("S1", "S2")),
                new NumericColumn("band", ColumnRole.FEATURE, new double[] {1, 2, 3, NA, 5}),
                new CategoricalColumn("colour", ColumnRole.FEATURE, new int[] {0, 1, 1, -1, 1}, List.of("red", "blue")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {0.5, 0.7, 0.6, 0.9, 0.7})));
    }

    static Table aggregate(String categorical, String count) {
        return (Table) new AggregateNode().execute(Fixtures.inputs(Map.of("table", replicates())),
                new AggregateNode.Params("sample", org.anneal.spec.Choices.parse(org.anneal.nodes.data.AggregateNode.Categorical.class, categorical).orElseThrow(), count), TestCtx.of("agg")).get("out");
    }

    @Test
    void replicatesAreAveragedPerKey() {
        Table out = aggregate("mode", "n_rows");
        CategoricalColumn sample = (CategoricalColumn) out.column("sample").orElseThrow();
        assertEquals(List.of("S1", "S2"), List.of(sample.get(0), sample.get(1)));
        assertArrayEquals(new double[] {3, 2}, out.numeric("band").values(), 1e-12, "S1: (1+3+5)/3; S2: the missing cell is skipped");
        assertArrayEquals(new double[] {0.6, 0.8}, out.numeric("y").values(), 1e-12);
        CategoricalColumn colour = (CategoricalColumn) out.column("colour").orElseThrow();
        assertEquals(List.of("blue", "blue"), List.of(colour.get(0), colour.get(1)), "S1: red once, blue twice");
        assertArrayEquals(new double[] {3, 2}, out.numeric("n_rows").values());
        assertEquals(ColumnRole.IGNORE, out.column("n_rows").orElseThrow().role());
        assertEquals(ColumnRole.GROUP, sample.role());
    }

    @Test
    void firstCategoryAndNoCountColumnOnRequest() {
        Table out = aggregate("first", "");
        CategoricalColumn colour = (CategoricalColumn) out.column("colour").orElseThrow();
        assertEquals(List.of("red", "blue"), List.of(colour.get(0), colour.get(1)));
        assertEquals(4, out.columnCount());
    }

    @Test
    void configureNamesTheProblem() throws Exception {
        var spec = Specs.of(Map.of("table", replicates().spec(Lineage.UNSPLIT)));
        var node = new AggregateNode();
        assertTrue(node.configure(spec, new AggregateNode.Params("sample", org.anneal.nodes.data.AggregateNode.Categorical.MODE, "n_rows"), TestCtx.of("a")).get("out") != null);
        assertThrows(ConfigError.class, () -> node.configure(spec, new AggregateNode.Params("sampel", org.anneal.nodes.data.AggregateNode.Categorical.MODE, "n"), TestCtx.of("a")));
        ConfigError clash = assertThrows(ConfigError.class, () -> node.configure(spec, new AggregateNode.Params("sample", org.anneal.nodes.data.AggregateNode.Categorical.MODE, "band"),
                TestCtx.of("a")));
        assertTrue(clash.getMessage().contains("'band'"), clash.getMessage());
    }

    @Test
    void aMissingKeyIsAUserFixableFailure() {
        Table t = new Table(List.of(new NumericColumn("k", ColumnRole.FEATURE, new double[] {1, NA}),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {1, 2})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> new AggregateNode().execute(Fixtures.inputs(Map.of("table", t)),
                new AggregateNode.Params("k", org.anneal.nodes.data.AggregateNode.Categorical.MODE, ""), TestCtx.of("agg")));
        assertTrue(f.getMessage().contains("Row 2"), f.getMessage());
    }
}
