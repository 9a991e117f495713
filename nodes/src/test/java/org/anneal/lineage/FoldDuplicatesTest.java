package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

class FoldDuplicatesTest {
    @Test
    void rowsWithAnExactCopyAreCountedIdsAside() {
        Table t = new Table(List.of(
                new NumericColumn("x", ColumnRole.FEATURE, new double[] {1, 2, 1, 3, 2, 1}),
                new CategoricalColumn("c", ColumnRole.FEATURE, new int[] {0, 1, 0, 0, 1, 1}, List.of("a", "b")),
                new NumericColumn("id", ColumnRole.ID, new double[] {1, 2, 3, 4, 5, 6})));
        // (1,a) twice, (2,b) twice; (3,a) and (1,b) alone
        assertEquals(4, FoldDuplicates.rowsWithACopy(t));
    }

    @Test
    void cellsDoNotRunIntoEachOther() {
        Table t = new Table(List.of(
                new CategoricalColumn("a", ColumnRole.FEATURE, new int[] {0, 1}, List.of("ab", "a")),
                new CategoricalColumn("b", ColumnRole.FEATURE, new int[] {0, 1}, List.of("c", "bc"))));
        assertEquals(0, FoldDuplicates.rowsWithACopy(t));
    }
}
