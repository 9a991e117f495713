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
import org.anneal.nodes.data.FilterRowsNode;
import org.anneal.nodes.data.JoinNode;
import org.anneal.nodes.data.RenameColumnsNode;
import org.anneal.nodes.data.SelectColumnsNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Lineage;
import org.anneal.spec.NodeDescriptor;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.Partition;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.Test;

/** data.select, data.rename, data.filter and data.join on tables small enough to check by eye. */
class DataTableNodesTest {

    /** Alloys: element symbol, composition fraction, temperature (with unit), hardness target. */
    static Table alloys() {
        return new Table(List.of(
                new CategoricalColumn("element", ColumnRole.FEATURE, new int[] {0, 1, 2, 0, -1}, List.of("Fe", "Ni", "Cu")),
                new NumericColumn("comp_a", ColumnRole.FEATURE, new double[] {0.1, 0.2, 0.3, 0.4, 0.5}),
                new NumericColumn("comp_b", ColumnRole.FEATURE, new double[] {1, 2, 3, 4, 5}),
                new NumericColumn("T", ColumnRole.FEATURE, new double[] {300, 600, Double.NaN, 900, 1200}, "K"),
                new NumericColumn("hardness", ColumnRole.TARGET, new double[] {10, 20, 30, 40, 50})));
    }

    static Table elements() {
        return new Table(List.of(
                new CategoricalColumn("symbol", ColumnRole.FEATURE, new int[] {0, 1, 2, 3}, List.of("Ni", "Fe", "Al", "Cu")),
                new NumericColumn("melting point", ColumnRole.FEATURE, new double[] {1728, 1811, 933.47, 1357.77}, "K")));
    }

    static TableSpec spec(Table t, Partition.Side side) {
        return t.spec(side == Partition.Side.ALL ? Lineage.UNSPLIT : Lineage.UNSPLIT.withPartition(Partition.of("split", side)));
    }

    static Table run(org.anneal.spec.Node<?> node, Map<String, Object> in, Record p) throws Exception {
        @SuppressWarnings("unchecked")
        org.anneal.spec.Node<Record> n = (org.anneal.spec.Node<Record>) node;
        return (Table) n.execute(Fixtures.inputs(in), p, TestCtx.of("n")).get("out");
    }

    @Test
    void selectKeepsPatternsInListedOrderAndDropsTheRest() throws Exception {
        Table kept = run(new SelectColumnsNode(), Map.of("table", alloys()), new SelectColumnsNode.Params(List.of("hardness", "comp_*"), org.anneal.nodes.data.SelectColumnsNode.Mode.KEEP));
        assertEquals(List.of("hardness", "comp_a", "comp_b"), kept.columns().stream().map(c -> c.name()).toList());
        assertEquals(ColumnRole.TARGET, kept.column("hardness").orElseThrow().role());
        Table dropped = run(new SelectColumnsNode(), Map.of("table", alloys()), new SelectColumnsNode.Params(List.of("comp_?"), org.anneal.nodes.data.SelectColumnsNode.Mode.DROP));
        assertEquals(List.of("element", "T", "hardness"), dropped.columns().stream().map(c -> c.name()).toList());
        assertEquals("K", dropped.numeric("T").unit());
    }

    @Test
    void selectNamesAPatternThatMatchesNothing() {
        ConfigError e = assertThrows(ConfigError.class, () -> new SelectColumnsNode().configure(Specs.of(Map.of("table", spec(alloys(), Partition.Side.ALL))),
                new SelectColumnsNode.Params(List.of("hardnes"), org.anneal.nodes.data.SelectColumnsNode.Mode.KEEP), TestCtx.of("s")));
        assertEquals("columns", e.param());
        assertTrue(e.fix().contains("Did you mean 'hardness'"), e.fix());
        ConfigError all = assertThrows(ConfigError.class, () -> new SelectColumnsNode().configure(Specs.of(Map.of("table", spec(alloys(), Partition.Side.ALL))),
                new SelectColumnsNode.Params(List.of("*"), org.anneal.nodes.data.SelectColumnsNode.Mode.DROP), TestCtx.of("s")));
        assertTrue(all.getMessage().contains("leaves no columns"));
    }

    @Test
    void renameSwapsTogetherAndRefusesClashes() throws Exception {
        Table t = run(new RenameColumnsNode(), Map.of("table", alloys()), new RenameColumnsNode.Params(List.of("comp_a -> comp_b", "comp_b->comp_a", "T -> temperature")));
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, t.numeric("comp_a").values());
        assertArrayEquals(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, t.numeric("comp_b").values());
        assertEquals("K", t.numeric("temperature").unit());
        TableSpec s = spec(alloys(), Partition.Side.ALL);
        ConfigError clash = assertThrows(ConfigError.class, () -> new RenameColumnsNode().configure(Specs.of(Map.of("table", s)),
                new RenameColumnsNode.Params(List.of("comp_a -> T")), TestCtx.of("r")));
        assertTrue(clash.getMessage().contains("two columns would be called 'T'") && clash.getMessage().contains("already exists"), clash.getMessage());
        ConfigError same = assertThrows(ConfigError.class, () -> new RenameColumnsNode().configure(Specs.of(Map.of("table", s)),
                new RenameColumnsNode.Params(List.of("comp_a -> c", "comp_b -> c")), TestCtx.of("r")));
        assertEquals("mapping", same.param());
        ConfigError form = assertThrows(ConfigError.class, () -> new RenameColumnsNode().configure(Specs.of(Map.of("table", s)),
                new RenameColumnsNode.Params(List.of("comp_a = c")), TestCtx.of("r")));
        assertTrue(form.getMessage().contains("not of the form"));
    }

    @Test
    void filterComparesNumbersAndDropsMissingCells() throws Exception {
        FilterRowsNode f = new FilterRowsNode();
        assertArrayEquals(new double[] {30, 40, 50}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("comp_b", org.anneal.nodes.data.FilterRowsNode.Operator.GE, "3", List.of(), false)).numeric("hardness").values());
        assertArrayEquals(new double[] {10, 20}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("T", org.anneal.nodes.data.FilterRowsNode.Operator.LT, "900", List.of(), false)).numeric("hardness").values(), "the missing T is not < 900");
        assertArrayEquals(new double[] {10, 20, 30}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("T", org.anneal.nodes.data.FilterRowsNode.Operator.LT, "900", List.of(), true)).numeric("hardness").values());
        assertArrayEquals(new double[] {20, 40}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("comp_b", org.anneal.nodes.data.FilterRowsNode.Operator.IN, "", List.of("2", "4", "7"), false)).numeric("hardness").values());
        assertArrayEquals(new double[] {10, 30, 40, 50}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("comp_b", org.anneal.nodes.data.FilterRowsNode.Operator.NE, "2", List.of(), false)).numeric("hardness").values());
    }

    @Test
    void filterOnCategories() throws Exception {
        FilterRowsNode f = new FilterRowsNode();
        assertArrayEquals(new double[] {10, 40}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("element", org.anneal.nodes.data.FilterRowsNode.Operator.EQ, "Fe", List.of(), false)).numeric("hardness").values());
        assertArrayEquals(new double[] {30}, run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("element", org.anneal.nodes.data.FilterRowsNode.Operator.NOT_IN, "", List.of("Fe", "Ni"), false)).numeric("hardness").values(), "missing element excluded");
        TableSpec s = spec(alloys(), Partition.Side.ALL);
        ConfigError order = assertThrows(ConfigError.class, () -> f.configure(Specs.of(Map.of("table", s)),
                new FilterRowsNode.Params("element", org.anneal.nodes.data.FilterRowsNode.Operator.LT, "Fe", List.of(), false), TestCtx.of("f")));
        assertEquals("operator", order.param());
        ConfigError text = assertThrows(ConfigError.class, () -> f.configure(Specs.of(Map.of("table", s)),
                new FilterRowsNode.Params("T", org.anneal.nodes.data.FilterRowsNode.Operator.GT, "warm", List.of(), false), TestCtx.of("f")));
        assertEquals("value", text.param());
        assertTrue(text.getMessage().contains("'T'"));
        NodeFailure none = assertThrows(NodeFailure.class, () -> run(f, Map.of("table", alloys()),
                new FilterRowsNode.Params("T", org.anneal.nodes.data.FilterRowsNode.Operator.GT, "5000", List.of(), false)));
        assertTrue(none.fix().contains("300.0 … 1200.0"), none.fix());
    }

    @Test
    void filterIsStatelessButDeclaredRowFiltering() {
        NodeDescriptor d = NodeDescriptor.of(new FilterRowsNode());
        assertTrue(d.filtersRows(), "the leakage analysis (L10) must see it");
        assertEquals(org.anneal.spec.LeakageRole.STATELESS, d.role());
    }

    @Test
    void joinAddsLookupColumnsByKey() throws Exception {
        JoinNode j = new JoinNode();
        Table inner = run(j, Map.of("left", alloys(), "right", elements()), new JoinNode.Params("element", "symbol", org.anneal.nodes.data.JoinNode.How.INNER));
        assertArrayEquals(new double[] {10, 20, 30, 40}, inner.numeric("hardness").values(), "row with missing element dropped");
        assertArrayEquals(new double[] {1811, 1728, 1357.77, 1811}, inner.numeric("melting point").values());
        assertEquals("K", inner.numeric("melting point").unit());
        Table left = run(j, Map.of("left", alloys(), "right", elements()), new JoinNode.Params("element", "symbol", org.anneal.nodes.data.JoinNode.How.LEFT));
        assertEquals(5, left.rowCount());
        assertTrue(left.numeric("melting point").isMissing(4));
    }

    @Test
    void joinRefusesDuplicateKeysTypeMismatchAndMixedSplitSides() throws Exception {
        JoinNode j = new JoinNode();
        Table dup = elements().rows(new int[] {0, 1, 0});
        NodeFailure e = assertThrows(NodeFailure.class, () -> run(j, Map.of("left", alloys(), "right", dup), new JoinNode.Params("element", "symbol", org.anneal.nodes.data.JoinNode.How.INNER)));
        assertTrue(e.getMessage().contains("'Ni' occurs twice") && e.getMessage().contains("rows 1 and 3"), e.getMessage());
        ConfigError type = assertThrows(ConfigError.class, () -> j.configure(Specs.of(Map.of("left", spec(alloys(), Partition.Side.ALL),
                "right", spec(alloys(), Partition.Side.ALL).withColumns(List.of(new org.anneal.spec.ColumnSpec("sym", org.anneal.spec.ColumnType.NUMERIC,
                        ColumnRole.FEATURE))))), new JoinNode.Params("element", "sym", org.anneal.nodes.data.JoinNode.How.INNER), TestCtx.of("j")));
        assertEquals("right", type.port());
        assertTrue(type.getMessage().contains("'element' holds categories"), type.getMessage());
        ConfigError sides = assertThrows(ConfigError.class, () -> j.configure(Specs.of(Map.of("left", spec(alloys(), Partition.Side.TRAIN),
                "right", spec(elements(), Partition.Side.TEST))), new JoinNode.Params("element", "symbol", org.anneal.nodes.data.JoinNode.How.INNER), TestCtx.of("j")));
        assertTrue(sides.getMessage().contains("test rows of split"), sides.getMessage());
        Specs ok = j.configure(Specs.of(Map.of("left", spec(alloys(), Partition.Side.TRAIN), "right", spec(elements(), Partition.Side.ALL))),
                new JoinNode.Params("element", "symbol", org.anneal.nodes.data.JoinNode.How.INNER), TestCtx.of("j"));
        assertEquals(Partition.of("split", Partition.Side.TRAIN), ok.get("out").lineage().partition(), "keeps the left lineage");
        ConfigError clash = assertThrows(ConfigError.class, () -> j.configure(Specs.of(Map.of("left", spec(alloys(), Partition.Side.ALL),
                "right", spec(alloys(), Partition.Side.ALL))), new JoinNode.Params("element", "", org.anneal.nodes.data.JoinNode.How.INNER), TestCtx.of("j")));
        assertTrue(clash.getMessage().contains("Both tables have a column"), clash.getMessage());
    }

    @Test
    void csvNodeCarriesDetectedUnitsIntoTheSpecsViewersRead() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(getClass().getResource("/csv/european-latin1.csv").toURI()).getParent();
        var p = new org.anneal.nodes.data.CsvNode.Params("european-latin1.csv", "hardness", "alloy", "", List.of(), List.of(), List.of(),
                org.anneal.nodes.data.CsvNode.Delimiter.AUTO, org.anneal.nodes.data.CsvNode.Decimal.AUTO, org.anneal.data.CsvReader.UnitsRow.AUTO, org.anneal.nodes.data.CsvNode.Encoding.AUTO, List.of(""));
        var ctx = new org.anneal.exec.StandaloneContext("load", 42, dir);
        TableSpec t = new org.anneal.nodes.data.CsvNode().configure(Specs.of(Map.of()), p, ctx).table(
                org.anneal.spec.InPort.of("table", org.anneal.spec.DataKind.TABLE, Table.class, ""));
        assertEquals("temperature [°C]", t.column("temperature").orElseThrow().label());
        assertEquals("hardness [HV]", t.target().orElseThrow().label());
        Table rows = (Table) new org.anneal.nodes.data.CsvNode().execute(Fixtures.inputs(Map.of()), p, ctx).get("table");
        assertArrayEquals(new double[] {210, 235.5, 241}, rows.numeric("hardness").values());
        var none = new org.anneal.nodes.data.CsvNode.Params("european-latin1.csv", "", "", "", List.of(), List.of(), List.of(),
                org.anneal.nodes.data.CsvNode.Delimiter.AUTO, org.anneal.nodes.data.CsvNode.Decimal.AUTO, org.anneal.data.CsvReader.UnitsRow.NONE, org.anneal.nodes.data.CsvNode.Encoding.AUTO, List.of(""));
        assertEquals(org.anneal.spec.ColumnType.CATEGORICAL, new org.anneal.nodes.data.CsvNode().configure(Specs.of(Map.of()), none, ctx)
                .table(org.anneal.spec.InPort.of("table", org.anneal.spec.DataKind.TABLE, Table.class, "")).column("temperature").orElseThrow().type(),
                "without the units row, '[°C]' is a cell of the column");
    }
}
