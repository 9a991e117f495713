package org.anneal.lineage;

/**
 * D3's reading of the features against a numeric target, two passes over each feature where the rank screen and the
 * straight line took five (issue 16, "Performance"). The first pass takes the feature's range, its sum, and whether it
 * has a missing value (a NaN makes the sum NaN). The second drops each value into the rank screen's
 * buckets ({@link RankScreen.Coarse}), counts the rows by pair of coarse buckets with the target's, and sums the products
 * of the straight line about the mean the first pass gave. The target's part (its buckets, its mean, its squares) is read
 * once for all the features. Every count and sum is the one the separate passes made, in the same row order, so the
 * bound, the rough r and the moments kept for D4 are the same bit for bit.
 */
final class TargetRead {
    private static final int FINE_SHIFT = Integer.numberOfTrailingZeros(RankScreen.FINE_PER_COARSE);
    private static final int COARSE_SHIFT = Integer.numberOfTrailingZeros(RankScreen.COARSE);

    private final RankScreen screen;
    private final double[] y;
    /** The target's buckets, mean and squares, read at the first feature (none: the target is never read). */
    private RankScreen.Coarse target;
    private double targetMean;
    private double targetSquares;

    /** What the screen needs of a feature: its coarse Spearman bound with the target, and its rough Pearson r. */
    record Feature(double coarseBound, double roughR) {
    }

    /** Features read against {@code y}, which must have no missing value. */
    TargetRead(RankScreen screen, double[] y) {
        this.screen = screen;
        this.y = y;
    }

    /** The target's part, once: as a feature's two passes, its buckets kept with every row's (the features' pairs need them). */
    private void readTarget() {
        if (target != null) {
            return;
        }
        int n = y.length;
        if (!screen.readBefore(y)) {
            double[] first = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0};
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                rangeAndSum(y, from, Chunks.end(from, n), first);
            }
            double mean = first[2] / n;
            RankScreen.Coarse c = new RankScreen.Coarse(y, first[0], first[1]);
            byte[] rows = new byte[n];
            double squares = 0;
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                squares = placeTarget(c, rows, mean, from, Chunks.end(from, n), squares);
            }
            c.keepRows(rows);
            if (screen.keepCoarse(y, c)) {
                target = c;
                targetMean = mean;
                targetSquares = squares;
                return;
            }
        }
        target = screen.coarse(y);
        double sum = 0;
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            sum = sum(y, from, Chunks.end(from, n), sum);
        }
        targetMean = sum / n;
        double squares = 0;
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            squares = squares(y, targetMean, from, Chunks.end(from, n), squares);
        }
        targetSquares = squares;
    }

    /**
     * Feature {@code x} (as long as the target) read against the target; null when it has a missing value. A column the
     * screen has read before (its buckets or its moments kept) is left to {@link #readApart}, which does not place it again.
     */
    Feature read(double[] x) {
        Boolean missing = screen.knownMissing(x);
        if (missing == Boolean.TRUE) {
            return null;
        }
        readTarget();
        if (screen.readBefore(x)) {
            return readApart(x);
        }
        int n = x.length;
        double[] first = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0}; // smallest, largest, sum
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            rangeAndSum(x, from, Chunks.end(from, n), first);
        }
        CheckBounds.checkInterrupted();
        // a NaN makes the sum NaN (so does +∞ with -∞, which the screen's own pass then tells apart)
        if (Double.isNaN(first[2]) && (missing == null ? screen.hasMissing(x) : missing)) {
            return null;
        }
        screen.keepMissing(x, false);
        double mean = first[2] / n;
        RankScreen.Coarse c = new RankScreen.Coarse(x, first[0], first[1]);
        int[] joint = new int[RankScreen.COARSE * RankScreen.COARSE];
        double[] products = new double[2]; // about the means: feature times target, feature squared
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            place(c, x, mean, from, Chunks.end(from, n), joint, products);
        }
        CheckBounds.checkInterrupted();
        if (!screen.keepCoarse(x, c)) {
            return readApart(x); // another read of the column was kept first (not on this thread's checks today)
        }
        screen.keepMoments(x, first[2], products[1]);
        return new Feature(RankScreen.coarseBound(c, target, joint), r(products[0], products[1]));
    }

    /** {@link #read} by the screen's own passes, for a column read before: the same figures. */
    private Feature readApart(double[] x) {
        if (screen.hasMissing(x)) {
            return null;
        }
        double bound = screen.coarseBound(x, y);
        int n = x.length;
        double sum = 0;
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            sum = sum(x, from, Chunks.end(from, n), sum);
        }
        double mean = sum / n;
        double[] products = new double[2];
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            products(x, mean, from, Chunks.end(from, n), products);
        }
        screen.keepMoments(x, sum, products[1]);
        return new Feature(bound, r(products[0], products[1]));
    }

    private double r(double crossProducts, double squares) {
        return squares == 0 || targetSquares == 0 ? 0 : crossProducts / Math.sqrt(squares * targetSquares);
    }

    // one loop a method, called a piece at a time ({@link Chunks}); the sums run on from piece to piece, in row order

    private static void rangeAndSum(double[] v, int from, int to, double[] first) {
        double lo = first[0];
        double hi = first[1];
        double sum = first[2];
        for (int i = from; i < to; i++) {
            double x = v[i];
            // comparisons, cheaper than Math.min and max: they differ only on NaN, which the sum tells, and on which zero is
            // the smallest, -0.0 or 0.0, which puts no value in another bucket (x - 0.0 and x - -0.0 differ only for a zero x,
            // and both put it in the first bucket)
            if (x < lo) {
                lo = x;
            }
            if (x > hi) {
                hi = x;
            }
            sum += x;
        }
        first[0] = lo;
        first[1] = hi;
        first[2] = sum;
    }

    /** The second pass over values {@code from} to {@code to} of the feature: buckets, pairs of buckets, products. */
    private void place(RankScreen.Coarse c, double[] x, double mean, int from, int to, int[] joint, double[] products) {
        int[] count = c.count;
        byte[] targetRow = target.rows();
        double[] t = y;
        double tm = targetMean;
        double cross = products[0];
        double squares = products[1];
        for (int i = from; i < to; i++) {
            double v = x[i];
            int b = c.bucketOf(v);
            count[b]++;
            // b / FINE_PER_COARSE * COARSE + the target's coarse bucket, in shifts and masks that tell the compiler the
            // index is in the table: the division's sign fix-up and the index check cost more than the count itself
            joint[((b >>> FINE_SHIFT) << COARSE_SHIFT) | (targetRow[i] & (RankScreen.COARSE - 1))]++;
            double dx = v - mean;
            double dy = t[i] - tm;
            cross += dx * dy;
            squares += dx * dx;
        }
        products[0] = cross;
        products[1] = squares;
    }

    /** The target's second pass over values {@code from} to {@code to}: buckets, each row's coarse bucket, squares. */
    private double placeTarget(RankScreen.Coarse c, byte[] rows, double mean, int from, int to, double squares) {
        int[] count = c.count;
        for (int i = from; i < to; i++) {
            double v = y[i];
            int b = c.bucketOf(v);
            count[b]++;
            rows[i] = (byte) (b >>> FINE_SHIFT);
            double d = v - mean;
            squares += d * d;
        }
        return squares;
    }

    private void products(double[] x, double mean, int from, int to, double[] products) {
        double cross = products[0];
        double squares = products[1];
        for (int i = from; i < to; i++) {
            double dx = x[i] - mean;
            double dy = y[i] - targetMean;
            cross += dx * dy;
            squares += dx * dx;
        }
        products[0] = cross;
        products[1] = squares;
    }

    private static double sum(double[] v, int from, int to, double sum) {
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum;
    }

    private static double squares(double[] v, double mean, int from, int to, double squares) {
        for (int i = from; i < to; i++) {
            double d = v[i] - mean;
            squares += d * d;
        }
        return squares;
    }
}
