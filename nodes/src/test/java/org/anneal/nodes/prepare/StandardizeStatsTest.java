package org.anneal.nodes.prepare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.anneal.data.NumericColumn;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/** Four columns' statistics in one loop equal each column's alone, to the last bit, missing values included. */
class StandardizeStatsTest {
    @Test
    void fourColumnsAtOnceEqualOneAtATime() {
        Random r = new Random(5);
        for (int n : new int[] {0, 1, 2, 7, 1000}) {
            NumericColumn[] cols = new NumericColumn[6];
            for (int j = 0; j < cols.length; j++) {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) {
                    v[i] = r.nextInt(5) == 0 && j % 2 == 1 ? Double.NaN : r.nextGaussian() * 1e3 + j;
                }
                cols[j] = new NumericColumn("c" + j, ColumnRole.FEATURE, v);
            }
            for (int from : new int[] {0, 2}) {
                double[][] four = StandardizeNode.meanAndSd(cols, from, 4);
                for (int q = 0; q < 4; q++) {
                    assertArrayEquals(StandardizeNode.meanAndSd(cols[from + q].values()), four[q], n + " rows, column " + (from + q));
                }
            }
        }
    }
}
