package org.anneal.nodes;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Measures of how well a low-dimensional map keeps neighbourhoods, for testing embeddings against known answers. */
final class Neighbourhoods {
    private Neighbourhoods() {
    }

    /** The share of each row's k nearest rows on the map that carry its label, averaged over rows. */
    static double classAgreement(double[][] y, int[] label, int k) {
        return classAgreement(y, label, k, y.length);
    }

    /** {@link #classAgreement} over the first {@code queries} rows only (each still searched among all rows), for big maps. */
    static double classAgreement(double[][] y, int[] label, int k, int queries) {
        double sum = 0;
        for (int i = 0; i < queries; i++) {
            int same = 0;
            for (int j : nearest(y, i, k)) {
                same += label[j] == label[i] ? 1 : 0;
            }
            sum += same / (double) k;
        }
        return sum / queries;
    }

    /**
     * scikit-learn's {@code sklearn.manifold.trustworthiness} (Venna and Kaski 2001): 1 − 2 / (n k (2n − 3k − 1)) ·
     * Σᵢ Σ_{j ∈ Uᵢ} (r(i, j) − k), where Uᵢ are row i's k nearest rows on the map that are not among its k nearest in
     * the input, and r(i, j) is j's rank among i's neighbours in the input (1 = nearest). 1 means no intruders.
     */
    static double trustworthiness(double[][] x, double[][] y, int k) {
        int n = x.length;
        double penalty = 0;
        for (int i = 0; i < n; i++) {
            Integer[] byInput = order(x, i);
            int[] rank = new int[n];
            for (int r = 0; r < n - 1; r++) {
                rank[byInput[r]] = r + 1;
            }
            for (int j : nearest(y, i, k)) {
                penalty += Math.max(0, rank[j] - k);
            }
        }
        return 1 - 2.0 / (n * k * (2.0 * n - 3.0 * k - 1.0)) * penalty;
    }

    private static int[] nearest(double[][] y, int i, int k) {
        Integer[] o = order(y, i);
        return Arrays.stream(o, 0, k).mapToInt(Integer::intValue).toArray();
    }

    /** Every other row, nearest first (ties by row number, as a stable sort leaves them). */
    private static Integer[] order(double[][] v, int i) {
        double[] d = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            double s = 0;
            for (int c = 0; c < v[i].length; c++) {
                double q = v[i][c] - v[j][c];
                s += q * q;
            }
            d[j] = s;
        }
        return IntStream.range(0, v.length).filter(j -> j != i).boxed().sorted(Comparator.comparingDouble(j -> d[j])).toArray(Integer[]::new);
    }
}
