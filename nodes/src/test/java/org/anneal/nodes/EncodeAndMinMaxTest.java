package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.MinMaxNode;
import org.anneal.nodes.prepare.OneHotNode;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.ConfigError;
import org.anneal.spec.Inputs;
import org.anneal.spec.Lineage;
import org.anneal.spec.Specs;
import org.junit.jupiter.api.Test;

class EncodeAndMinMaxTest {
    @Test
    void minMaxUsesTheFitRangeForEveryTable() throws Exception {
        Table fit = Fixtures.fiveRows(); // x1 = 1..5
        Table other = new Table(List.of(new NumericColumn("x1", ColumnRole.FEATURE, new double[] {0, 3, 9}),
                new NumericColumn("x2", ColumnRole.FEATURE, new double[] {1, 1, 1}), new NumericColumn("y", ColumnRole.TARGET, new double[] {0, 0, 0})));
        var out = new MinMaxNode().execute(new Inputs(Map.of("fit", fit, "data", other)), new MinMaxNode.Params(List.of("x1")), TestCtx.of("mm"));
        assertArrayEquals(new double[] {-0.25, 0.5, 2.0}, ((Table) out.get("out")).numeric("x1").values(), 1e-12);
    }

    static Table phases(String... values) {
        int[] codes = new int[values.length];
        List<String> levels = List.of("bcc", "fcc", "hcp");
        for (int i = 0; i < values.length; i++) {
            codes[i] = levels.indexOf(values[i]);
        }
        return new Table(List.of(new CategoricalColumn("structure", ColumnRole.FEATURE, codes, levels),
                new NumericColumn("y", ColumnRole.TARGET, new double[values.length])));
    }

    @Test
    void oneHotLearnsCategoriesOnFitRowsAndZeroesUnseenOnes() throws Exception {
        Table fit = phases("bcc", "fcc", "bcc");
        Table test = phases("fcc", "hcp");
        var out = (Table) new OneHotNode().execute(new Inputs(Map.of("fit", fit, "data", test)), new OneHotNode.Params(List.of()), TestCtx.of("oh")).get("out");
        assertEquals(List.of("structure=bcc", "structure=fcc", "y"), out.columns().stream().map(c -> c.name()).toList());
        assertArrayEquals(new double[] {0, 0}, out.numeric("structure=bcc").values());
        assertArrayEquals(new double[] {1, 0}, out.numeric("structure=fcc").values(), "hcp was never seen while fitting: all zeros");
    }

    @Test
    void encodingANumericColumnIsRefused() {
        var spec = Fixtures.fiveRows().spec(Lineage.UNSPLIT);
        ConfigError e = assertThrows(ConfigError.class, () -> new OneHotNode().configure(Specs.of(Map.of("fit", spec, "data", spec)),
                new OneHotNode.Params(List.of("x1")), TestCtx.of("oh")));
        assertEquals("columns", e.param());
    }
}
