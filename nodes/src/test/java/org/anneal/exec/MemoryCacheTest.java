package org.anneal.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.DataKind;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.junit.jupiter.api.Test;

class MemoryCacheTest {
    private static final OutPort<Table> OUT = OutPort.of("out", DataKind.TABLE, Table.class, "");

    /** One numeric column of {@code rows} rows: 8 bytes a row plus a little. */
    private static Outputs table(int rows) {
        return Outputs.of(OUT, new Table(List.of(new NumericColumn("x", ColumnRole.FEATURE, new double[rows]))));
    }

    @Test
    void aTableWeighsItsColumns() {
        long bytes = ValueSizes.of(table(1000).get("out"));
        assertTrue(bytes >= 8000 && bytes < 8400, "1000 doubles: " + bytes);
    }

    @Test
    void evictsTheLeastRecentlyUsedOutputsWhenTheBytesRunOutNotTheEntries() {
        MemoryCache cache = MemoryCache.ofBytes(20_000);
        cache.put("a", table(1000)); // ~8 KB
        cache.put("b", table(1000)); // ~16 KB in all
        assertNotNull(cache.get("a")); // a is now the most recently used
        cache.put("c", table(1000)); // ~24 KB would not fit: b goes, a stays
        assertNull(cache.get("b"));
        assertNotNull(cache.get("a"));
        assertNotNull(cache.get("c"));
        assertTrue(cache.bytes() <= cache.maxBytes(), cache.bytes() + " bytes");

        // many small outputs fit where two big ones did not: the bound is bytes, not a count
        MemoryCache small = MemoryCache.ofBytes(20_000);
        for (int i = 0; i < 50; i++) {
            small.put("k" + i, table(10));
        }
        assertEquals(50, small.size());
    }

    @Test
    void anOutputLargerThanTheWholeBudgetIsNotKeptAndEvictsNothing() {
        MemoryCache cache = MemoryCache.ofBytes(20_000);
        cache.put("a", table(100));
        cache.put("huge", table(10_000)); // ~80 KB
        assertNull(cache.get("huge"));
        assertNotNull(cache.get("a"));
    }

    @Test
    void replacingAKeyCountsOnlyTheNewValue() {
        MemoryCache cache = MemoryCache.ofBytes(20_000);
        cache.put("a", table(1000));
        cache.put("a", table(1000));
        long one = cache.bytes();
        cache.clear();
        cache.put("a", table(1000));
        assertEquals(one, cache.bytes());
    }

    @Test
    void recordsAndArraysAreWalked() {
        record Model(String name, double[][] weights) {
        }
        long bytes = ValueSizes.of(new Model("m", new double[10][100]));
        assertTrue(bytes >= 8000 && bytes < 9000, "10 × 100 doubles: " + bytes);
    }
}
