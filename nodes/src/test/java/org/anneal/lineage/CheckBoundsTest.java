package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/** Issue 14: the leakage analysis is bounded in rows looked at and in findings kept. */
class CheckBoundsTest {
    static Table rows(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, x)));
    }

    @Test
    void largeTablesAreSampledWithAFixedSeedInRowOrderAndTheFindingSaysSo() {
        Table small = rows(1000);
        assertSame(small, CheckBounds.sample(small, 1));
        Table big = rows(CheckBounds.MAX_ROWS * 3);
        Table s = CheckBounds.sample(big, 7);
        assertEquals(CheckBounds.MAX_ROWS, s.rowCount());
        double[] v = s.numeric("x").values();
        for (int i = 1; i < v.length; i++) {
            assertTrue(v[i] > v[i - 1], "rows keep their order");
        }
        assertEquals(List.of(v[0], v[v.length - 1]), List.of(CheckBounds.sample(big, 7).numeric("x").values()[0],
                CheckBounds.sample(big, 7).numeric("x").values()[v.length - 1]), "same seed, same sample");
        Finding f = new Finding("D1", Severity.ERROR, "t", "Explained.", "fix", List.of("split"), List.of());
        Finding noted = CheckBounds.noteSample(List.of(f), big, s, small, small).get(0);
        assertTrue(noted.explanation().contains("sample of 50,000 of 150,000 training rows and 1,000 of 1,000 test rows"), noted.explanation());
    }

    @Test
    void findingsAreCappedPerRuleWithOneFindingCountingTheRest() {
        CheckBounds.Capped c = new CheckBounds.Capped();
        for (int i = 0; i < 10_000; i++) {
            c.add(new Finding("L2", i == 9_999 ? Severity.ERROR : Severity.WARNING, "t", "e" + i, "f", List.of(), List.of()));
        }
        c.add(new Finding("L1", Severity.ERROR, "t", "e", "f", List.of(), List.of()));
        List<Finding> out = c.finish();
        assertEquals(CheckBounds.PER_RULE + 2, out.size());
        Finding more = out.get(out.size() - 1);
        assertEquals("L2", more.rule());
        assertEquals(Severity.ERROR, more.severity(), "the summary keeps the worst severity it stands for");
        assertTrue(more.explanation().contains("9,900 more"), more.explanation());
    }
}
