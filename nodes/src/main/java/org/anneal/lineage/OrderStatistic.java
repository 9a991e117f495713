package org.anneal.lineage;

import java.util.Arrays;

/**
 * The k-th smallest of some numbers without sorting them all: what {@code Arrays.sort(v); v[k]} gives (the same order:
 * {@link Double#compare}, -0.0 before 0.0, NaN last), in linear time on average. The pivots are drawn from a fixed seed,
 * so no input makes every round a bad one on purpose; after {@link #ROUNDS} rounds the rest is sorted, which bounds the
 * worst case by a sort's.
 */
final class OrderStatistic {
    private static final int ROUNDS = 64;

    private OrderStatistic() {
    }

    /** The k-th smallest (0-based) of {@code v[0..n)}, reordering them. */
    static double select(double[] v, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("no element " + k + " among " + n);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(0x5EED);
        int lo = 0;
        int hi = n - 1;
        for (int round = 0; round < ROUNDS && lo < hi; round++) {
            double pivot = v[lo + random.nextInt(hi - lo + 1)];
            // three-way partition: [lo, lt) below the pivot, [lt, gt] equal to it, (gt, hi] above
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                int c = Double.compare(v[i], pivot);
                if (c < 0) {
                    swap(v, lt++, i++);
                } else if (c > 0) {
                    swap(v, i, gt--);
                } else {
                    i++;
                }
            }
            if (k < lt) {
                hi = lt - 1;
            } else if (k > gt) {
                lo = gt + 1;
            } else {
                return pivot;
            }
        }
        Arrays.sort(v, lo, hi + 1);
        return v[k];
    }

    private static void swap(double[] v, int a, int b) {
        double t = v[a];
        v[a] = v[b];
        v[b] = t;
    }
}
