package org.anneal.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssignmentTest {

    @Test
    void handComputedSmallCases() {
        // 2 × 2: 1 + 2 beats 4 + 8
        assertArrayEquals(new int[] {1, 0}, Assignment.minimise(new double[][] {{4, 1}, {2, 8}}));
        // 3 × 3: best pair first takes 0.9 and is left with 0.1 + 0.7 (1.7); the optimum is 0.8 + 0.85 + 0.7 = 2.35
        assertArrayEquals(new int[] {1, 0, 2}, Assignment.maximise(new double[][] {{0.9, 0.8, 0.1}, {0.85, 0.1, 0.1}, {0.1, 0.1, 0.7}}));
        // more rows than columns: the row that would add least stays unmatched
        assertArrayEquals(new int[] {1, 0, -1}, Assignment.maximise(new double[][] {{0.2, 0.9}, {0.8, 0.3}, {0.5, 0.5}}));
        // more columns than rows
        assertArrayEquals(new int[] {2, 0}, Assignment.maximise(new double[][] {{0.1, 0.2, 0.9}, {0.7, 0.6, 0.8}}));
        assertArrayEquals(new int[0], Assignment.maximise(new double[0][0]));
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(6);
            double[][] s = new double[n][n];
            for (double[] row : s) {
                for (int j = 0; j < n; j++) {
                    row[j] = rnd.nextDouble() * 2 - 1;
                }
            }
            int[] got = Assignment.maximise(s);
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += s[i][got[i]];
            }
            assertEquals(best(s, 0, new boolean[n]), total, 1e-12, "trial " + trial);
        }
    }

    /** The largest total over every permutation, by enumeration. */
    private static double best(double[][] s, int row, boolean[] used) {
        if (row == s.length) {
            return 0;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < s.length; j++) {
            if (!used[j]) {
                used[j] = true;
                best = Math.max(best, s[row][j] + best(s, row + 1, used));
                used[j] = false;
            }
        }
        return best;
    }
}
