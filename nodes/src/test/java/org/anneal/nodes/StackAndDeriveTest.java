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
import org.anneal.nodes.data.DeriveNode;
import org.anneal.nodes.data.StackNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DerivesColumn;
import org.anneal.spec.Lineage;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** Issue 16: data.stack (second sources, the refit on train + validation) and data.derive (a typed formula). */
class StackAndDeriveTest {
    static Table labelled(String... labels) {
        int[] codes = new int[labels.length];
        double[] x = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            codes[i] = i;
            x[i] = i + 1;
        }
        return new Table(List.of(new CategoricalColumn("alloy", ColumnRole.FEATURE, codes, List.of(labels)),
                new NumericColumn("x", ColumnRole.FEATURE, x), new NumericColumn("y", ColumnRole.TARGET, x.clone())));
    }

    @Test
    void stacksRowsRecodesCategoriesAndRecordsTheSource() {
        Table a = labelled("CuNi10", "CuNi20");
        Table b = labelled("CuNi20", "CuNi30", "CuNi40");
        Table out = (Table) new StackNode().execute(Fixtures.inputs(Map.of("first", a, "second", b)),
                new StackNode.Params("lab", List.of("own", "external")), TestCtx.of("s")).get("out");
        assertEquals(5, out.rowCount());
        CategoricalColumn alloy = (CategoricalColumn) out.column("alloy").orElseThrow();
        assertEquals(List.of("CuNi10", "CuNi20", "CuNi20", "CuNi30", "CuNi40"), java.util.stream.IntStream.range(0, 5).mapToObj(alloy::get).toList());
        assertEquals(List.of("CuNi10", "CuNi20", "CuNi30", "CuNi40"), alloy.levels());
        assertArrayEquals(new double[] {1, 2, 1, 2, 3}, out.numeric("x").values());
        CategoricalColumn lab = (CategoricalColumn) out.column("lab").orElseThrow();
        assertEquals(List.of("own", "own", "external", "external", "external"), java.util.stream.IntStream.range(0, 5).mapToObj(lab::get).toList());
    }

    static Specs specs(Lineage first, Lineage second) {
        TableSpec t = labelled("a").spec(Lineage.UNSPLIT);
        return Specs.of(Map.of("first", t.withLineage(first), "second", t.withLineage(second)));
    }

    @Test
    void trainAndValidationOfOneSplitStackIntoItsTrainingRowsAndATestSideIsRefused() throws Exception {
        Lineage train = new Lineage(Partition.of("split", Partition.Side.TRAIN), java.util.Set.of());
        Lineage validation = new Lineage(Partition.of("split", Partition.Side.VALIDATION), java.util.Set.of());
        Lineage test = new Lineage(Partition.of("split", Partition.Side.TEST), java.util.Set.of());
        StackNode.Params p = new StackNode.Params("", List.of());
        Lineage l = new StackNode().configure(specs(train, validation), p, TestCtx.of("s")).get("out").lineage();
        assertEquals(Partition.of("split", Partition.Side.TRAIN), l.partition());
        assertTrue(l.fittedOn().contains(Partition.of("split", Partition.Side.VALIDATION)), l.toString());
        ConfigError e = assertThrows(ConfigError.class, () -> new StackNode().configure(specs(train, test), p, TestCtx.of("s")));
        assertTrue(e.getMessage().contains("test rows of split"), e.getMessage());
        Lineage other = new Lineage(Partition.of("other", Partition.Side.TRAIN), java.util.Set.of());
        assertThrows(ConfigError.class, () -> new StackNode().configure(specs(train, other), p, TestCtx.of("s")));
    }

    /** Two spectrum tables on different energy axes: stacking them is refused at configure time, proposing a resample. */
    @Test
    void spectraOnDifferentAxesAreRefusedWithAResampleProposed() {
        java.util.function.Function<org.anneal.spec.Axis, TableSpec> spectra = axis -> new TableSpec(List.of(
                org.anneal.spec.ColumnSpec.tensor("spectrum", ColumnRole.FEATURE, org.anneal.spec.Shape.spectrum(axis), "counts")), Lineage.UNSPLIT);
        TableSpec a = spectra.apply(org.anneal.spec.Axis.regular("energy", 2048, "keV", 0, 0.01));
        TableSpec b = spectra.apply(org.anneal.spec.Axis.regular("energy", 2048, "keV", -0.2, 0.01));
        ConfigError e = assertThrows(ConfigError.class, () -> new StackNode().configure(Specs.of(Map.of("first", a, "second", b)),
                new StackNode.Params("", List.of()), TestCtx.of("s")));
        assertEquals("second", e.port());
        assertTrue(e.getMessage().contains("the same channel would mean a different energy"), e.getMessage());
        assertTrue(e.fix().contains("spectra.resample"), e.fix());
    }

    @Test
    void differentColumnsAreALocatedError() {
        TableSpec a = labelled("a").spec(Lineage.UNSPLIT);
        TableSpec b = new TableSpec(a.columns().subList(0, 2), Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new StackNode().configure(Specs.of(Map.of("first", a, "second", b)),
                new StackNode.Params("", List.of()), TestCtx.of("s")));
        assertTrue(e.getMessage().contains("missing: y"), e.getMessage());
    }

    @Test
    void derivesAColumnAndLeavesWhatItUsesForTheLeakageAnalysis() throws Exception {
        Table t = Fixtures.fiveRows();
        DeriveNode.Params p = new DeriveNode.Params("ratio", "x1 / x2", DeriveNode.Role.FEATURE, "");
        Specs s = new DeriveNode().configure(Specs.of(Map.of("table", t.spec(Lineage.UNSPLIT))), p, TestCtx.of("d"));
        DerivesColumn plan = (DerivesColumn) s.plan(Record.class).orElseThrow();
        assertEquals(List.of("x1", "x2"), plan.uses());
        Table out = (Table) new DeriveNode().execute(Fixtures.inputs(Map.of("table", t)), p, TestCtx.of("d")).get("out");
        assertArrayEquals(new double[] {0.5, 2, 0.75, 4 / 3.0, 5 / 6.0}, out.numeric("ratio").values(), 1e-12);
    }

    @Test
    void aDerivedTargetRetiresTheOldOneAndAnUndefinedResultIsMissing() throws Exception {
        Table t = Fixtures.fiveRows();
        DeriveNode.Params p = new DeriveNode.Params("log_y", "log(y - 4)", DeriveNode.Role.TARGET, "");
        Table out = (Table) new DeriveNode().execute(Fixtures.inputs(Map.of("table", t)), p, TestCtx.of("d")).get("out");
        assertEquals(ColumnRole.IGNORE, out.column("y").orElseThrow().role());
        assertEquals("log_y", out.target().orElseThrow().name());
        double[] y = out.numeric("log_y").values();
        assertTrue(Double.isNaN(y[0]), "log of a negative number is missing: " + y[0]); // y = 2, 2 - 4 < 0
        assertEquals(Math.log(4.5 - 4), y[1], 1e-12);
    }

    @Test
    void anUnknownNameIsAnErrorAtTheFormula() {
        ConfigError e = assertThrows(ConfigError.class, () -> new DeriveNode().configure(Specs.of(Map.of("table",
                Fixtures.fiveRows().spec(Lineage.UNSPLIT))), new DeriveNode.Params("z", "x1 * cement", DeriveNode.Role.FEATURE, ""), TestCtx.of("d")));
        assertEquals("formula", e.param());
        assertTrue(e.fix().contains("x1, x2, y"), e.fix());
    }
}
