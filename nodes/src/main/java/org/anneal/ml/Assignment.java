package org.anneal.ml;

import java.util.Arrays;

/**
 * The optimal one-to-one assignment of rows to columns of a score matrix (the Hungarian method, in the O(n²m) form with
 * row and column potentials of Jonker and Volgenant's shortest augmenting paths). The matrix may be rectangular: the
 * smaller side is matched completely, the rest of the larger side stays unmatched. Small, exact and deterministic —
 * greedy "best pair first" matching is not optimal (it can take one excellent pair and force two poor ones).
 */
public final class Assignment {
    private Assignment() {
    }

    /** For each row, the column it is matched to (or −1), maximising the total score. Scores must be finite. */
    public static int[] maximise(double[][] score) {
        int rows = score.length;
        int cols = rows == 0 ? 0 : score[0].length;
        double[][] cost = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (!Double.isFinite(score[i][j])) {
                    throw new IllegalArgumentException("score[" + i + "][" + j + "] is " + score[i][j]);
                }
                cost[i][j] = -score[i][j];
            }
        }
        return minimise(cost);
    }

    /** For each row, the column it is matched to (or −1), minimising the total cost. */
    public static int[] minimise(double[][] cost) {
        int rows = cost.length;
        int cols = rows == 0 ? 0 : cost[0].length;
        if (rows > cols) {
            // match the columns to rows instead, then invert
            double[][] t = new double[cols][rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    t[j][i] = cost[i][j];
                }
            }
            int[] byColumn = minimise(t);
            int[] out = new int[rows];
            Arrays.fill(out, -1);
            for (int j = 0; j < cols; j++) {
                out[byColumn[j]] = j;
            }
            return out;
        }
        // 1-based arrays: index 0 is the virtual start of each augmenting path
        double[] u = new double[rows + 1];
        double[] v = new double[cols + 1];
        int[] rowOf = new int[cols + 1];
        int[] way = new int[cols + 1];
        for (int i = 1; i <= rows; i++) {
            rowOf[0] = i;
            int j0 = 0;
            double[] minv = new double[cols + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[cols + 1];
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= cols; j++) {
                    if (!used[j]) {
                        double cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= cols; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] out = new int[rows];
        Arrays.fill(out, -1);
        for (int j = 1; j <= cols; j++) {
            if (rowOf[j] != 0) {
                out[rowOf[j] - 1] = j - 1;
            }
        }
        return out;
    }
}
