package org.anneal.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Table;
import org.anneal.nodes.prepare.ColumnSelection;
import org.anneal.nodes.prepare.OversampleNode;
import org.anneal.nodes.prepare.SelectKBestNode;
import org.anneal.spec.Inputs;
import org.junit.jupiter.api.Test;

class OversampleAndSelectTest {
    @Test
    void oversamplingBalancesEveryClassToTheLargestAndKeepsTheOriginals() {
        Table t = Fixtures.classes(100); // 80 common, 20 rare
        Table out = (Table) new OversampleNode().execute(new Inputs(Map.of("table", t)), new OversampleNode.Params(1.0), TestCtx.of("over")).get("out");
        int[] codes = ((CategoricalColumn) out.column("class").orElseThrow()).codes();
        assertEquals(80, Arrays.stream(codes).filter(c -> c == 0).count());
        assertEquals(80, Arrays.stream(codes).filter(c -> c == 1).count());
        double[] x = out.numeric("x").values();
        assertEquals(100, Arrays.stream(x).distinct().count(), "only copies of existing rows are added");
        assertTrue(Arrays.equals(Arrays.copyOf(x, 100), t.numeric("x").values()), "originals come first, unchanged");
    }

    @Test
    void selectionKeepsTheInformativeBinsOnLargeTrainingSets() {
        Table xrd = PrepareAndGenerateTest.generate("xrd-bins", 2000, 0.01, 1);
        var o = new SelectKBestNode().execute(new Inputs(Map.of("fit", xrd, "data", xrd)), new SelectKBestNode.Params(5), TestCtx.of("sel"));
        ColumnSelection s = (ColumnSelection) o.get("state");
        assertEquals(List.of("bin_1000", "bin_1001", "bin_1002", "bin_1003", "bin_1004"), s.columns().stream().sorted().toList());
        assertEquals(6, ((Table) o.get("out")).columnCount(), "five bins and the target");
    }

    @Test
    void anovaFMatchesAHandComputedValue() {
        // classes a: 1,2,3 (mean 2) b: 5,6,7 (mean 6); grand 4; between = 3*4+3*4 = 24 (df 1); within = 2+2 = 4 (df 4) -> F = 24
        CategoricalColumn y = new CategoricalColumn("c", org.anneal.spec.ColumnRole.TARGET, new int[] {0, 0, 0, 1, 1, 1}, List.of("a", "b"));
        assertEquals(24.0, invokeAnova(new double[] {1, 2, 3, 5, 6, 7}, y), 1e-12);
    }

    private static double invokeAnova(double[] x, CategoricalColumn y) {
        try {
            var m = SelectKBestNode.class.getDeclaredMethod("anovaF", double[].class, CategoricalColumn.class);
            m.setAccessible(true);
            return (double) m.invoke(null, x, y);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
