package org.anneal.nodes.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Map;
import org.anneal.data.Table;
import org.anneal.exec.StandaloneContext;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

/** The block data.generate-process through its declaration: configure promises what execute delivers, seeded output. */
class GenerateProcessNodeTest {

    private static Table generate(GenerateProcessNode.Params p, long seed) throws Exception {
        GenerateProcessNode node = new GenerateProcessNode();
        StandaloneContext ctx = new StandaloneContext("furnace", seed, Path.of("."));
        Specs specs = node.configure(Specs.of(Map.of()), p, ctx);
        Table out = (Table) node.execute(new Inputs(Map.of(), specs), p, ctx).get("table");
        assertEquals(specs.get("table"), out.spec(Lineage.UNSPLIT), "configure promises what execute delivers");
        return out;
    }

    private static java.util.List<Double> values(Table t) {
        org.anneal.data.NumericColumn v = (org.anneal.data.NumericColumn) t.column("value").orElseThrow();
        return java.util.stream.IntStream.range(0, t.rowCount()).mapToObj(v::get).toList();
    }

    @Test
    void oneRowPerRunMinuteAndChannelSeededByTheWorkflow() throws Exception {
        GenerateProcessNode.Params p = new GenerateProcessNode.Params(6, 150, 0.5, GenerateProcessNode.Target.ACTIVE_FAULT);
        Table t = generate(p, 7);
        assertEquals(6 * 150 * FurnaceRuns.CHANNELS.length, t.rowCount());
        assertEquals(values(t), values(generate(p, 7)), "the same seed gives the same log");
        assertNotEquals(values(t), values(generate(p, 8)), "another seed gives another log");
    }

    @Test
    void theRunsFaultCanBeTheTargetForClassifyingWholeRuns() throws Exception {
        Table minute = generate(new GenerateProcessNode.Params(4, 130, 1, GenerateProcessNode.Target.ACTIVE_FAULT), 3);
        Table run = generate(new GenerateProcessNode.Params(4, 130, 1, GenerateProcessNode.Target.RUN_FAULT), 3);
        assertEquals(org.anneal.spec.ColumnRole.TARGET, minute.column("active_fault").orElseThrow().role());
        assertEquals(org.anneal.spec.ColumnRole.IGNORE, minute.column("fault").orElseThrow().role());
        assertEquals(org.anneal.spec.ColumnRole.TARGET, run.column("fault").orElseThrow().role());
        assertEquals(org.anneal.spec.ColumnRole.IGNORE, run.column("active_fault").orElseThrow().role());
        assertEquals(values(minute), values(run), "only the roles differ");
    }
}
