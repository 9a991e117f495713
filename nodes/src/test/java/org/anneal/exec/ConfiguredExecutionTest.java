package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.device.Device;
import org.anneal.graph.LoadedWorkflow;
import org.anneal.graph.Meta;
import org.anneal.graph.Workflow;
import org.anneal.nodes.prepare.StandardizeNode;
import org.anneal.spec.ColumnPlan;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ColumnSpec;
import org.anneal.spec.ColumnType;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Lineage;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeRegistry;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.TableSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The executor hands configure's plan to execute, and (with spec checks on) fails a node whose tables break the promise. */
class ConfiguredExecutionTest {
    private static final Device CPU = new Device("cpu", "cpu", "test", "");
    private static final FileAccess FILES = FileAccess.unrestricted(Path.of("."));
    private static volatile Boolean planFromExecutor;
    private final Executor executor = new Executor(MemoryCache.standard(), 1);

    @AfterEach
    void close() {
        executor.close();
    }

    /** Promises x (feature) and y (target); with {@code lie} set it produces something else. */
    @NodeType(id = "test.table", title = "Table", phase = Phase.DATA, role = LeakageRole.SOURCE, doc = "Two columns, or a broken promise.")
    public static final class TwoColumns implements Node<TwoColumns.Params> {
        public record Params(@Param(doc = "none, extra, role or order", def = "\"none\"") String lie) {
        }

        static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "");

        @Override
        public Specs configure(Specs in, Params p, ConfigContext ctx) {
            TableSpec t = new TableSpec(List.of(new ColumnSpec("x", ColumnType.NUMERIC, ColumnRole.FEATURE),
                    new ColumnSpec("y", ColumnType.NUMERIC, ColumnRole.TARGET)), Lineage.UNSPLIT);
            return Specs.of(OUT, t).withPlan(new ColumnPlan(List.of("x", "y")));
        }

        @Override
        public Outputs execute(Inputs in, Params p, ExecContext ctx) {
            planFromExecutor = in.configured() != null;
            List<String> names = in.plan(ColumnPlan.class, this, p, ctx).columns();
            List<Column> cols = new ArrayList<>();
            cols.add(new NumericColumn(names.get(0), ColumnRole.FEATURE, new double[] {1, 2}));
            cols.add(new NumericColumn(names.get(1), p.lie().equals("role") ? ColumnRole.FEATURE : ColumnRole.TARGET, new double[] {3, 4}));
            if (p.lie().equals("extra")) {
                cols.add(new NumericColumn("z", ColumnRole.FEATURE, new double[] {5, 6}));
            }
            if (p.lie().equals("order")) {
                java.util.Collections.reverse(cols);
            }
            return Outputs.of(OUT, new Table(cols));
        }
    }

    private RunResult run(String lie, boolean checkSpecs) {
        Workflow w = new Workflow(Meta.defaults(), List.of(ExecutorTest.node("t", "test.table", "{\"lie\": \"" + lie + "\"}")), List.of(), Map.of());
        Validation v = new Validator(new NodeRegistry(List.of(new TwoColumns()))).validate(LoadedWorkflow.unsaved(w, Path.of(".")), FILES);
        assertFalse(v.hasErrors(), v.problems().toString());
        return executor.run(v, new RunOptions(Set.of(), CPU, FILES, checkSpecs), e -> { });
    }

    @Test
    void executeReadsThePlanConfigureMadeAtValidation() {
        RunResult r = run("none", true);
        assertTrue(r.succeeded(), r.problems().toString());
        assertTrue(planFromExecutor);
        assertEquals(List.of("x", "y"), ((Table) r.node("t").outputs().get("out")).spec(Lineage.UNSPLIT).names());
    }

    @Test
    void outsideARunTheNodeIsConfiguredOnItsValues() throws Exception {
        Outputs out = new TwoColumns().execute(new Inputs(Map.of()), new TwoColumns.Params("none"), new StandaloneContext("t", 1, Path.of(".")));
        assertFalse(planFromExecutor);
        assertEquals(2, ((Table) out.get("out")).columns().size());
    }

    @Test
    void outsideARunAConfigureErrorIsTheNodeFailureExecuteThrows() {
        Table t = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1, 2})));
        NodeFailure f = assertThrows(NodeFailure.class, () -> new StandardizeNode().execute(new Inputs(Map.of("fit", t, "data", t)),
                new StandardizeNode.Params(List.of("nope"), true, true), new StandaloneContext("s", 1, Path.of("."))));
        assertTrue(f.getMessage().contains("'nope'"), f.getMessage());
    }

    @Test
    void aNodeThatBreaksItsPromiseFailsNamingNodePortAndColumn() {
        NodeResult role = run("role", true).node("t");
        assertEquals(NodeStatus.FAILED, role.status());
        assertEquals("node.spec-mismatch", role.problem().code());
        assertTrue(role.problem().message().contains("'t' (test.table)") && role.problem().message().contains("port out: column 'y' is NUMERIC/FEATURE, "
                + "promised NUMERIC/TARGET"), role.problem().message());
        assertTrue(run("extra", true).node("t").problem().message().contains("port out: columns not promised [z]"));
        assertTrue(run("order", true).node("t").problem().message().contains("columns in another order than promised [x, y]"));
    }

    @Test
    void withoutSpecChecksTheRunIsAsBefore() {
        assertTrue(run("extra", false).succeeded());
    }

    @Test
    void columnsTheDataDecidesAreAllowedWhereConfigureSaysSo() {
        TableSpec promised = new TableSpec(List.of(new ColumnSpec("a", ColumnType.NUMERIC, ColumnRole.FEATURE),
                new ColumnSpec("b", ColumnType.NUMERIC, ColumnRole.FEATURE)), Lineage.UNSPLIT);
        Table ab = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1}), new NumericColumn("b", ColumnRole.FEATURE, new double[] {2})));
        Table abP = new Table(List.of(new NumericColumn("a", ColumnRole.FEATURE, new double[] {1}), new NumericColumn("b", ColumnRole.FEATURE, new double[] {2}),
                new NumericColumn("p_yes", ColumnRole.PREDICTION, new double[] {0.5})));
        Table b = new Table(List.of(new NumericColumn("b", ColumnRole.FEATURE, new double[] {2})));
        assertEquals(List.of(), SpecConformance.differences("out", promised, abP, Specs.RunTimeColumns.APPENDED));
        assertEquals(List.of(), SpecConformance.differences("out", promised, b, Specs.RunTimeColumns.SUBSET));
        assertEquals(List.of(), SpecConformance.differences("out", promised, ab, null));
        assertEquals(1, SpecConformance.differences("out", promised, b, Specs.RunTimeColumns.APPENDED).size());
        assertEquals(1, SpecConformance.differences("out", promised, abP, Specs.RunTimeColumns.SUBSET).size());
        assertEquals(1, SpecConformance.differences("out", promised, abP, null).size());
    }
}
