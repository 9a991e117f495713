package org.anneal.nodes.cluster;

/**
 * Scores of a partition of rows. Inertia and silhouette need only the rows; the adjusted Rand index and adjusted
 * mutual information compare the clusters with known classes, and are 1 for the same partition under any naming,
 * about 0 for a random one.
 */
final class ClusterScores {
    private ClusterScores() {
    }

    /** Sum over rows of the squared distance to the mean of the row's cluster (within-cluster sum of squares). */
    static double inertia(double[][] x, int[] cluster, int k) {
        int p = x.length == 0 ? 0 : x[0].length;
        double[][] mean = new double[k][p];
        int[] size = new int[k];
        for (int i = 0; i < x.length; i++) {
            size[cluster[i]]++;
            for (int j = 0; j < p; j++) {
                mean[cluster[i]][j] += x[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < p; j++) {
                mean[c][j] = size[c] > 0 ? mean[c][j] / size[c] : 0;
            }
        }
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += ClusterData.squaredDistance(x[i], mean[cluster[i]]);
        }
        return s;
    }

    /**
     * Mean silhouette (Rousseeuw 1987): for each row, a = mean distance to the other rows of its cluster, b = the
     * smallest mean distance to the rows of another cluster, s = (b − a) / max(a, b); a row alone in its cluster
     * scores 0. Needs at least two non-empty clusters. Quadratic in the rows.
     */
    static double silhouette(double[][] x, int[] cluster, int k, Runnable checkCancelled) {
        int n = x.length;
        int[] size = new int[k];
        for (int c : cluster) {
            size[c]++;
        }
        double total = 0;
        double[] sum = new double[k];
        for (int i = 0; i < n; i++) {
            if (i % 64 == 0) {
                checkCancelled.run();
            }
            java.util.Arrays.fill(sum, 0);
            for (int m = 0; m < n; m++) {
                if (m != i) {
                    sum[cluster[m]] += Math.sqrt(ClusterData.squaredDistance(x[i], x[m]));
                }
            }
            int own = cluster[i];
            if (size[own] == 1) {
                continue;
            }
            double a = sum[own] / (size[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && size[c] > 0) {
                    b = Math.min(b, sum[c] / size[c]);
                }
            }
            double den = Math.max(a, b);
            total += den > 0 ? (b - a) / den : 0;
        }
        return total / n;
    }

    /** Rows beyond which the silhouette is computed on a sample, as scikit-learn's {@code sample_size}: it is quadratic. */
    static final int SILHOUETTE_ROWS = 4000;

    /** The silhouette of every row up to {@link #SILHOUETTE_ROWS}, else of a seeded random sample of that many. */
    static double silhouette(double[][] x, int[] cluster, int k, long seed, Runnable checkCancelled) {
        if (x.length <= SILHOUETTE_ROWS) {
            return silhouette(x, cluster, k, checkCancelled);
        }
        int[] pick = new java.util.SplittableRandom(seed).ints(0, x.length).distinct().limit(SILHOUETTE_ROWS).sorted().toArray();
        double[][] xs = new double[pick.length][];
        int[] cs = new int[pick.length];
        for (int i = 0; i < pick.length; i++) {
            xs[i] = x[pick[i]];
            cs[i] = cluster[pick[i]];
        }
        return silhouette(xs, cs, k, checkCancelled);
    }

    /** Hubert and Arabie's adjusted Rand index, from the contingency table of the two labellings. */
    static double adjustedRand(int[] a, int ka, int[] b, int kb) {
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < a.length; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double index = 0;
        for (long[] r : table) {
            for (long v : r) {
                index += pairs(v);
            }
        }
        double sa = 0;
        double sb = 0;
        for (long v : rows) {
            sa += pairs(v);
        }
        for (long v : cols) {
            sb += pairs(v);
        }
        double expected = sa * sb / pairs(a.length);
        double max = (sa + sb) / 2;
        // both labellings trivial (one group, or all singletons): they agree perfectly
        return max == expected ? 1.0 : (index - expected) / (max - expected);
    }

    /**
     * Adjusted mutual information (Vinh, Epps and Bailey 2010), arithmetic-mean normalisation as scikit-learn's default:
     * (MI − E[MI]) / (mean(H(a), H(b)) − E[MI]), the expectation under random labellings with the same group sizes.
     * Written out rather than taken from Tribuo: Tribuo 4.3.2's {@code ClusteringMetrics.adjustedMI} gives 0.651 for
     * (0,0,1,1,2,2) against (0,0,1,2,2,2), where this formula (and scikit-learn's) gives 0.502.
     */
    static double adjustedMutualInformation(int[] a, int ka, int[] b, int kb) {
        int n = a.length;
        long[][] table = new long[ka][kb];
        long[] rows = new long[ka];
        long[] cols = new long[kb];
        for (int i = 0; i < n; i++) {
            table[a[i]][b[i]]++;
            rows[a[i]]++;
            cols[b[i]]++;
        }
        double mi = 0;
        for (int r = 0; r < ka; r++) {
            for (int c = 0; c < kb; c++) {
                if (table[r][c] > 0) {
                    mi += table[r][c] / (double) n * Math.log((double) n * table[r][c] / (rows[r] * (double) cols[c]));
                }
            }
        }
        double ha = entropy(rows, n);
        double hb = entropy(cols, n);
        double[] logFact = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            logFact[i] = logFact[i - 1] + Math.log(i);
        }
        double emi = 0;
        for (long x : rows) {
            for (long y : cols) {
                for (long m = Math.max(1, x + y - n); m <= Math.min(x, y); m++) {
                    double logP = logFact[(int) x] + logFact[(int) y] + logFact[(int) (n - x)] + logFact[(int) (n - y)] - logFact[n]
                            - logFact[(int) m] - logFact[(int) (x - m)] - logFact[(int) (y - m)] - logFact[(int) (n - x - y + m)];
                    emi += m / (double) n * Math.log((double) n * m / (x * (double) y)) * Math.exp(logP);
                }
            }
        }
        double den = (ha + hb) / 2 - emi;
        // both labellings a single group: nothing to explain, and they agree
        return Math.abs(den) < 1e-15 ? 1.0 : (mi - emi) / den;
    }

    private static double entropy(long[] counts, int n) {
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                h -= c / (double) n * Math.log(c / (double) n);
            }
        }
        return h;
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
