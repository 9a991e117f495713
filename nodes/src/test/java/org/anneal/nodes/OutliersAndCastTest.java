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
import org.anneal.nodes.prepare.CastNode;
import org.anneal.nodes.prepare.OutlierRemovalNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigError;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Outputs;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** prepare.outliers against hand-computed fences and z-scores; prepare.cast with its per-cell errors. */
class OutliersAndCastTest {
    static final Table FIT = TransformNodesTest.column("x", 1, 2, 3, 4, 5, 100);

    static Outputs outliers(Table fit, Table data, String method, double threshold) {
        return new OutlierRemovalNode().execute(Fixtures.inputs(Map.of("fit", fit, "data", data)),
                new OutlierRemovalNode.Params(List.of("x"), org.anneal.spec.Choices.parse(org.anneal.nodes.prepare.OutlierRemovalNode.Method.class, method).orElseThrow(), threshold, 1.5), TestCtx.of("o"));
    }

    @Test
    void tukeyFencesFromTheFitRowsRemoveTheWildValue() {
        // Q1 2.25, Q3 4.75 (linear interpolation), IQR 2.5: fences -1.5 and 8.5
        Table data = TransformNodesTest.column("x", -1.5, -1.6, 8.5, 8.6, Double.NaN, 100);
        Outputs o = outliers(FIT, data, "iqr", 3);
        assertArrayEquals(new double[] {-1.5, 8.5, Double.NaN}, ((Table) o.get("out")).numeric("x").values(), "fences inclusive, missing kept");
        assertArrayEquals(new double[] {-1.6, 8.6, 100}, ((Table) o.get("removed")).numeric("x").values());
    }

    @Test
    void theWildValueMasksItselfFromTheZScoreRule() {
        // mean 115/6, sample sd sqrt(Σ(x - mean)² / 5) ≈ 39.6: the 100 sits only ≈ 2.04 sd above the mean
        double mean = 115.0 / 6;
        double ss = 0;
        for (double x : new double[] {1, 2, 3, 4, 5, 100}) {
            ss += (x - mean) * (x - mean);
        }
        double z = (100 - mean) / Math.sqrt(ss / 5);
        assertTrue(z > 2 && z < 3);
        assertEquals(6, ((Table) outliers(FIT, FIT, "zscore", 3).get("out")).rowCount(), "at 3 sd it survives");
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, ((Table) outliers(FIT, FIT, "zscore", 2).get("out")).numeric("x").values());
    }

    @Test
    void declaredAsFittingAndRowFilteringForTheLeakageRules() throws Exception {
        NodeDescriptor d = NodeDescriptor.of(new OutlierRemovalNode());
        assertEquals(LeakageRole.FIT, d.role());
        assertTrue(d.filtersRows());
        assertTrue(d.outputs().stream().noneMatch(p -> p.kind() == org.anneal.spec.DataKind.TRANSFORMER), "removal is not applied to test rows");
        TableSpec s = FIT.spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new OutlierRemovalNode().configure(Specs.of(Map.of("fit", s, "data", s)),
                new OutlierRemovalNode.Params(List.of("z"), org.anneal.nodes.prepare.OutlierRemovalNode.Method.IQR, 3, 1.5), TestCtx.of("o")));
        assertEquals("columns", e.param());
    }

    @Test
    void castReadsNumbersAndNamesTheCellThatIsNot() throws Exception {
        Table t = new Table(List.of(new CategoricalColumn("hardness", ColumnRole.FEATURE, new int[] {0, 1, 2, -1}, List.of("210", "7,5", "soft"), "HV")));
        NodeFailure e = assertThrows(NodeFailure.class, () -> new CastNode().execute(Fixtures.inputs(Map.of("table", t)),
                new CastNode.Params(List.of("hardness"), org.anneal.nodes.prepare.CastNode.To.NUMERIC, org.anneal.nodes.prepare.CastNode.Decimal.COMMA, org.anneal.nodes.prepare.CastNode.Invalid.ERROR), TestCtx.of("c")));
        assertEquals("Row 3, column 'hardness': 'soft' is not a number.", e.getMessage());
        Table lenient = (Table) new CastNode().execute(Fixtures.inputs(Map.of("table", t)),
                new CastNode.Params(List.of("hardness"), org.anneal.nodes.prepare.CastNode.To.NUMERIC, org.anneal.nodes.prepare.CastNode.Decimal.COMMA, org.anneal.nodes.prepare.CastNode.Invalid.MISSING), TestCtx.of("c")).get("out");
        assertArrayEquals(new double[] {210, 7.5, Double.NaN, Double.NaN}, lenient.numeric("hardness").values());
        assertEquals("HV", lenient.numeric("hardness").unit());
        NodeFailure dot = assertThrows(NodeFailure.class, () -> new CastNode().execute(Fixtures.inputs(Map.of("table", t)),
                new CastNode.Params(List.of("hardness"), org.anneal.nodes.prepare.CastNode.To.NUMERIC, org.anneal.nodes.prepare.CastNode.Decimal.POINT, org.anneal.nodes.prepare.CastNode.Invalid.ERROR), TestCtx.of("c")));
        assertTrue(dot.getMessage().contains("'7,5'") && dot.fix().contains("'decimal'"), dot.fix());
    }

    @Test
    void castNumbersToCategoriesSortedNumerically() throws Exception {
        Table t = new Table(List.of(new NumericColumn("furnace", ColumnRole.GROUP, new double[] {10, 2, 10, Double.NaN, 2.5})));
        Table out = (Table) new CastNode().execute(Fixtures.inputs(Map.of("table", t)),
                new CastNode.Params(List.of("furnace"), org.anneal.nodes.prepare.CastNode.To.CATEGORICAL, org.anneal.nodes.prepare.CastNode.Decimal.POINT, org.anneal.nodes.prepare.CastNode.Invalid.ERROR), TestCtx.of("c")).get("out");
        CategoricalColumn k = (CategoricalColumn) out.column("furnace").orElseThrow();
        assertEquals(List.of("2", "2.5", "10"), k.levels());
        assertArrayEquals(new int[] {2, 0, 2, -1, 1}, k.codes());
        assertEquals(ColumnRole.GROUP, k.role());
        Specs s = new CastNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))),
                new CastNode.Params(List.of("furnace"), org.anneal.nodes.prepare.CastNode.To.CATEGORICAL, org.anneal.nodes.prepare.CastNode.Decimal.POINT, org.anneal.nodes.prepare.CastNode.Invalid.ERROR), TestCtx.of("c"));
        assertEquals(ColumnType.CATEGORICAL, ((TableSpec) s.get("out")).column("furnace").orElseThrow().type());
        ConfigError same = assertThrows(ConfigError.class, () -> new CastNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))),
                new CastNode.Params(List.of("furnace"), org.anneal.nodes.prepare.CastNode.To.NUMERIC, org.anneal.nodes.prepare.CastNode.Decimal.POINT, org.anneal.nodes.prepare.CastNode.Invalid.ERROR), TestCtx.of("c")));
        assertTrue(same.getMessage().contains("already holds numbers"));
    }
}
