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
import org.anneal.nodes.prepare.TargetEncodeNode;
import org.anneal.nodes.prepare.TargetEncoding;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

class TargetEncodeNodeTest {
    /** Grades A, A, B, B, B, C with targets 10 .. 60: overall mean 35. */
    static Table grades() {
        return new Table(List.of(new CategoricalColumn("grade", ColumnRole.FEATURE, new int[] {0, 0, 1, 1, 1, 2}, List.of("A", "B", "C")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {10, 20, 30, 40, 50, 60})));
    }

    static Table unseen() {
        return new Table(List.of(new CategoricalColumn("grade", ColumnRole.FEATURE, new int[] {0, 1, -1}, List.of("C", "D")),
                new NumericColumn("y", ColumnRole.TARGET, new double[] {0, 0, 0})));
    }

    @Test
    void smoothedCategoryMeansByHand() {
        var o = new TargetEncodeNode().execute(Fixtures.inputs(Map.of("fit", grades(), "data", grades())),
                new TargetEncodeNode.Params(List.of(), 2, ""), TestCtx.of("te"));
        // A: (10 + 20 + 2·35) / (2 + 2) = 25; B: (120 + 70) / 5 = 38; C: (60 + 70) / 3
        assertArrayEquals(new double[] {25, 25, 38, 38, 38, 130 / 3.0}, ((Table) o.get("out")).numeric("grade").values(), 1e-12);
        TargetEncoding state = (TargetEncoding) o.get("state");
        // applied to other rows: a known category keeps its value; unseen and missing ones get the overall mean
        assertArrayEquals(new double[] {130 / 3.0, 35, 35}, state.apply(unseen()).numeric("grade").values(), 1e-12);
        assertEquals(ColumnType.CATEGORICAL, grades().column("grade").orElseThrow().type(), "the input is untouched");
    }

    @Test
    void noSmoothingGivesRawMeans() {
        TargetEncoding s = TargetEncoding.fit(grades(), List.of("grade"), 0, "");
        assertArrayEquals(new double[] {15, 15, 40, 40, 40, 60}, s.apply(grades()).numeric("grade").values(), 1e-12);
    }

    @Test
    void twoClassTargetsEncodeTheShareOfThePositiveClass() {
        Table t = new Table(List.of(grades().column("grade").orElseThrow(),
                new CategoricalColumn("meets", ColumnRole.TARGET, new int[] {0, 1, 1, 1, 0, 0}, List.of("no", "yes"))));
        // yes share: A 1/2, B 2/3, C 0; overall 1/2
        assertArrayEquals(new double[] {0.5, 0.5, 2 / 3.0, 2 / 3.0, 2 / 3.0, 0},
                TargetEncoding.fit(t, List.of("grade"), 0, "").apply(t).numeric("grade").values(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 1 / 3.0, 1 / 3.0, 1 / 3.0, 1},
                TargetEncoding.fit(t, List.of("grade"), 0, "no").apply(t).numeric("grade").values(), 1e-12);
        NodeFailure f = assertThrows(NodeFailure.class, () -> TargetEncoding.fit(t, List.of("grade"), 0, "maybe"));
        assertTrue(f.fix().contains("no, yes"), f.fix());
    }

    @Test
    void configureMakesTheColumnNumericAndRemembersTheFitRows() throws Exception {
        TableSpec spec = grades().spec(Lineage.UNSPLIT);
        TableSpec train = spec.withLineage(Lineage.UNSPLIT.withPartition(Partition.of("split", Partition.Side.TRAIN)));
        var out = new TargetEncodeNode().configure(Specs.of(Map.of("fit", train, "data", spec)), new TargetEncodeNode.Params(List.of(), 10, ""),
                TestCtx.of("te"));
        TableSpec o = (TableSpec) out.get("out");
        assertEquals(ColumnType.NUMERIC, o.column("grade").orElseThrow().type());
        // an Apply node knows that the state turns the categories into numbers, so a learner can follow it
        var applied = new org.anneal.nodes.prepare.ApplyTransformNode().configure(Specs.of(Map.of("state", out.get("state"), "data", spec)),
                new org.anneal.nodes.prepare.ApplyTransformNode.Params(), TestCtx.of("apply"));
        assertEquals(ColumnType.NUMERIC, ((TableSpec) applied.get("out")).column("grade").orElseThrow().type());
        assertTrue(o.lineage().fittedOn().contains(Partition.of("split", Partition.Side.TRAIN)));
        ConfigError e = assertThrows(ConfigError.class, () -> new TargetEncodeNode().configure(Specs.of(Map.of("fit", train, "data", spec)),
                new TargetEncodeNode.Params(List.of("y"), 10, ""), TestCtx.of("te")));
        assertTrue(e.getMessage().contains("numeric"), e.getMessage());
    }
}
