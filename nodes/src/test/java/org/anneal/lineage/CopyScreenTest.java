package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * D1's screen on a few columns ({@link RowHashes#screenColumns}) marks exactly the copies that hashing every column marks:
 * on tables whose near-misses differ only in a column the screen does not read, with -0.0, NaN, categories and
 * coarse columns; and it gives up, with the same answer in the end, when its columns pair too many rows.
 */
class CopyScreenTest {
    /** Columns: two continuous, one coarse, one with -0.0 and NaN, a category; test rows copies, near-misses or new. */
    private static List<List<Column>> tables(SplittableRandom r, int nTrain, int nTest) {
        double[][] train = new double[4][nTrain];
        int[] trainCat = new int[nTrain];
        for (int i = 0; i < nTrain; i++) {
            train[0][i] = r.nextGaussian();
            train[1][i] = r.nextDouble() * 100;
            train[2][i] = r.nextInt(3);
            train[3][i] = r.nextInt(5) == 0 ? Double.NaN : r.nextInt(5) == 0 ? -0.0 : r.nextInt(7);
            trainCat[i] = r.nextInt(4) - 1;
        }
        double[][] test = new double[4][nTest];
        int[] testCat = new int[nTest];
        for (int i = 0; i < nTest; i++) {
            int of = r.nextInt(nTrain);
            int kind = r.nextInt(4); // 0: a copy, 1: a copy but for the coarse column, 2: but for the category, 3: new
            for (int j = 0; j < 4; j++) {
                test[j][i] = kind == 3 ? r.nextGaussian() : train[j][of];
            }
            test[2][i] = kind == 1 ? train[2][of] + 1 : test[2][i];
            test[3][i] = kind == 0 && train[3][of] == 0 && r.nextBoolean() ? 0.0 : test[3][i]; // 0.0 copies -0.0
            testCat[i] = kind == 2 ? (trainCat[of] + 2) % 4 - 1 : trainCat[of];
        }
        List<String> levels = List.of("p", "", "q");
        return List.of(columns(train, trainCat, levels), columns(test, testCat, levels));
    }

    private static List<Column> columns(double[][] v, int[] cat, List<String> levels) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < v.length; j++) {
            out.add(new NumericColumn("x" + j, ColumnRole.FEATURE, v[j]));
        }
        out.add(new CategoricalColumn("kind", ColumnRole.FEATURE, cat, levels));
        return out;
    }

    private static boolean[] marked(List<Column> train, List<Column> test, int[] only, long wasted, boolean[] done) {
        RowHashes trainRows = new RowHashes(train, test);
        RowHashes testRows = new RowHashes(test, train);
        boolean[] copy = new boolean[test.get(0).size()];
        done[0] = DynamicChecks.markCopies(trainRows, testRows, train.get(0).size(), test.get(0).size(), only, wasted, copy);
        return copy;
    }

    @Test
    void theScreenMarksTheCopiesEveryColumnMarks() {
        SplittableRandom r = new SplittableRandom(7);
        for (int round = 0; round < 6; round++) {
            boolean testSmaller = round % 2 == 0; // either side indexed
            List<List<Column>> t = tables(r, testSmaller ? 4000 : 700, testSmaller ? 900 : 3000);
            int[] screen = new RowHashes(t.get(0), t.get(1)).screenColumns(t.get(0).get(0).size());
            assertNotNull(screen, "the continuous columns make a screen");
            assertFalse(java.util.Arrays.stream(screen).anyMatch(j -> j == 4), "a category is never screened");
            boolean[] done = new boolean[1];
            boolean[] full = marked(t.get(0), t.get(1), null, Long.MAX_VALUE, done);
            boolean[] screened = marked(t.get(0), t.get(1), screen, Long.MAX_VALUE, done);
            assertTrue(done[0]);
            assertArrayEquals(full, screened, "round " + round);
            int copies = 0;
            for (boolean c : full) {
                copies += c ? 1 : 0;
            }
            assertTrue(copies > full.length / 8 && copies < full.length / 2, "copies and near-misses both: " + copies);
        }
    }

    @Test
    void aScreenThatPairsTooManyRowsGivesUp() {
        List<List<Column>> t = tables(new SplittableRandom(8), 3000, 800);
        boolean[] done = new boolean[1];
        boolean[] full = marked(t.get(0), t.get(1), null, Long.MAX_VALUE, done);
        marked(t.get(0), t.get(1), new int[] {2}, 1000, done); // the coarse column alone pairs nearly every row
        assertFalse(done[0], "too many pairs that are not copies");
        boolean[] generous = marked(t.get(0), t.get(1), new int[] {2, 3}, Long.MAX_VALUE, done);
        assertTrue(done[0]);
        assertArrayEquals(full, generous, "any columns screen correctly, given the time");
    }

    @Test
    void coarseColumnsMakeNoScreen() {
        double[] a = new double[5000];
        double[] b = new double[5000];
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 4;
            b[i] = i % 7 == 0 ? -0.0 : i % 9;
        }
        List<Column> cols = List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b),
                new NumericColumn("c", ColumnRole.FEATURE, a.clone()), new NumericColumn("d", ColumnRole.FEATURE, b.clone()));
        assertNull(new RowHashes(cols, cols).screenColumns(a.length), "few distinct values: every column is hashed");
        assertNull(new RowHashes(cols.subList(0, 2), cols.subList(0, 2)).screenColumns(a.length), "no fewer columns to screen on");
        assertEquals(0, new RowHashes(List.of(), List.of()).screenColumns(0) == null ? 0 : 1);
    }
}
