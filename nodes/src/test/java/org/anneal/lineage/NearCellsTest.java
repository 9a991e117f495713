package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.anneal.data.Table;
import org.junit.jupiter.api.Test;

/**
 * D4's banded index ({@link NearCells}) finds what comparing every pair finds: its float screen of the first compared
 * feature never rules out a row the exact comparison keeps (values at the tolerance's edge, large, beyond float range,
 * infinite), its bands hold cells spread over every long, and test rows far outside the training rows' cells are searched
 * like the others.
 */
class NearCellsTest {
    @Test
    void theFloatScreenNeverRulesOutWhatTheExactComparisonKeeps() {
        SplittableRandom r = new SplittableRandom(11);
        int n = 20_000;
        double[] z = new double[n];
        double[] probe = new double[n];
        double[] limits = new double[n];
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, r.nextInt(-40, 41));
            z[i] = switch (i % 7) {
                case 0 -> Double.POSITIVE_INFINITY;
                case 1 -> r.nextBoolean() ? 4e38 : -4e38; // beyond float range
                default -> (r.nextDouble() - 0.5) * scale;
            };
            limits[i] = i % 11 == 0 ? 0 : i % 13 == 0 ? 1e12 : 0.01 * Math.pow(10, r.nextInt(-3, 4));
            double edge = z[i] + (r.nextBoolean() ? limits[i] : -limits[i]);
            for (int u = r.nextInt(-4, 5); u != 0; u += u > 0 ? -1 : 1) { // a few ulps either side of the edge
                edge = u > 0 ? Math.nextUp(edge) : Math.nextDown(edge);
            }
            probe[i] = i % 5 == 0 ? (float) z[i] + (r.nextBoolean() ? limits[i] : -limits[i]) : i % 17 == 0 ? Double.NEGATIVE_INFINITY : edge;
        }
        NearCells cells = new NearCells(new long[n], new long[n], new boolean[n], z);
        int kept = 0;
        for (int p = 0; p < n; p++) {
            int row = cells.row(p);
            boolean exactFar = Math.abs(z[row] - probe[row]) > limits[row];
            if (cells.surelyFar(p, probe[row], limits[row])) {
                assertTrue(exactFar, "row " + row + ": " + z[row] + " against " + probe[row] + " within " + limits[row]);
            } else {
                kept++;
            }
        }
        assertTrue(kept < n, "the screen rules some rows out");
    }

    @Test
    void bandsHoldCellsSpreadOverEveryLong() {
        int n = 30_000;
        long[] cells = new long[n];
        long[] keys = new long[n];
        boolean[] skip = new boolean[n];
        SplittableRandom r = new SplittableRandom(4);
        for (int i = 0; i < n; i++) {
            cells[i] = i == 0 ? Long.MIN_VALUE : i == 1 ? Long.MAX_VALUE : r.nextInt(-3000, 3000);
            keys[i] = RowHashes.mix(cells[i] * 31 + r.nextInt(5));
            skip[i] = i % 10 == 3;
        }
        NearCells index = new NearCells(keys, cells, skip, new double[n]);
        assertTrue(index.bands() > 1);
        for (int i = 0; i < n; i++) {
            int found = 0;
            for (int p = index.first(keys[i], index.band(cells[i])); p >= 0; p = index.next(p, keys[i])) {
                found += index.row(p) == i ? 1 : 0;
                assertEquals(keys[i], keys[index.row(p)], "only rows of the key");
            }
            assertEquals(skip[i] ? 0 : 1, found, "row " + i);
            assertTrue(index.band(cells[i]) <= index.band(cells[i] + (cells[i] == Long.MAX_VALUE ? 0 : 1)), "bands follow the cells");
        }
    }

    @Test
    void testRowsFarOutsideTheTrainingCellsAreSearchedLikeTheOthers() {
        SplittableRandom r = new SplittableRandom(23);
        for (int round = 0; round < 4; round++) {
            Table[] t = ScaledChecksTest.tables(r, 1500, 400, 4, 0.002, round % 2 == 0);
            double[] far = ((org.anneal.data.NumericColumn) t[1].column("x0").orElseThrow()).values();
            for (int i = 0; i < far.length; i += 7) {
                far[i] = (i % 2 == 0 ? 1 : -1) * Math.pow(10, 3 + i % 9); // up to 10^11 sd beyond the training rows
            }
            List<Finding> out = new ArrayList<>();
            NearDuplicates.check("split", t[0], t[1], DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
            int[] expected = ScaledChecksTest.bruteForce(t[0], t[1], DynamicChecks.Thresholds.DEFAULT.nearDistance());
            Finding d4 = out.stream().filter(f -> f.rule().equals("D4")).findFirst().orElseThrow();
            Matcher m = ScaledChecksTest.COUNT.matcher(d4.explanation());
            assertTrue(m.find(), d4.explanation());
            assertArrayEquals(expected, new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))},
                    "round " + round);
        }
    }
}
