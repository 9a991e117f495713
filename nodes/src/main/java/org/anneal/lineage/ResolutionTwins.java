package org.anneal.lineage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;

/**
 * Issue 16, family 5, at run time: D9, test rows that are twins of a training row at the resolution of each feature, which
 * the near-copy check in standardized units (D4) misses when few features vary. Two features agree when equal, when one is
 * the other rounded to one decimal fewer than the feature's usual precision (a sample re-entered as 13.6 and 13.64), or when they differ by less than
 * {@link #STEP_SHARE} of the feature's own step (the 75th percentile of the gaps between its distinct values: a
 * one-parameter alloy series in steps of 0.02 with a composition re-measured as 0.1003). Twins must beat chance: pairs in
 * the band just beyond the tolerance (one to two tolerances away) are counted too, and in a random sample they are as
 * frequent or more; twins are reported when at least 3 and more than {@link #CHANCE_FACTOR} times that band.
 */
final class ResolutionTwins {
    static final double STEP_SHARE = 0.1;
    static final double CHANCE_FACTOR = 3;
    static final double USUAL_SHARE = 0.7;

    private ResolutionTwins() {
    }

    static void check(String split, Table train, Table test, DynamicChecks.Thresholds th, Set<Integer> copies, List<Finding> out) {
        if (out.stream().anyMatch(f -> f.rule().equals("D4"))) {
            return; // the same twins in feature space are already reported
        }
        Prepared prepared = prepare(train, test);
        TwinScan scan = prepared == null ? null : TwinScan.of(prepared, test, copies);
        if (scan != null) {
            IntConsumer piece = scan.scanner();
            for (int p = 0; p < scan.pieces(); p++) {
                piece.accept(p);
            }
            scan.report(split, th, out);
        }
    }

    /**
     * What D9 reads of a split's features before it compares rows: the features it compares, a bound on each one's step,
     * the key feature (most distinct values) and its resolution. Needs no other check's result, so it can run beside them;
     * null when there is nothing to compare.
     */
    record Prepared(List<NumericColumn> tr, List<NumericColumn> te, double[] stepBound, int key, Resolution[] res, FixedDecimals[] views,
            long[] keyBits) {
    }

    /** {@link Features#count} and {@link Features#prepared} on this thread. */
    static Prepared prepare(Table train, Table test) {
        Features f = features(train, test);
        if (f == null) {
            return null;
        }
        IntConsumer count = f.counter();
        for (int j = 0; j < f.count(); j++) {
            count.accept(j);
        }
        return f.prepared();
    }

    /** The features D9 compares (numeric on both sides, nothing missing); null when there is nothing to compare. */
    static Features features(Table train, Table test) {
        return features(train, test, new RankScreen());
    }

    /**
     * As {@link #features(Table, Table)}, asking {@code screen} which columns have a missing value (it keeps the answer).
     * The features numeric on both sides are the candidates; whether one has a missing value is asked as it is read, so
     * that the screen is part of the pieces threads share. Null when no feature is a candidate or the sides are too small.
     */
    static Features features(Table train, Table test, RankScreen screen) {
        List<NumericColumn> tr = new ArrayList<>();
        List<NumericColumn> te = new ArrayList<>();
        for (Column c : train.features()) {
            if (c instanceof NumericColumn n && test.column(c.name()).orElse(null) instanceof NumericColumn t) {
                tr.add(n);
                te.add(t);
            }
        }
        return tr.isEmpty() || train.rowCount() < 5 || test.rowCount() < 3 ? null : new Features(tr, te, screen);
    }

    /**
     * The features D9 compares, and what it reads of each before it compares rows: whether it has a missing value (then it
     * is left out), its distinct values over both sides and the bound on its step they give. One feature's reading is one
     * piece of work, independent of the others', so the pieces can be shared between threads ({@link ChecksBeside#share});
     * {@link #prepared} then needs them all.
     */
    static final class Features {
        private final List<NumericColumn> tr;
        private final List<NumericColumn> te;
        private final RankScreen screen;
        private final boolean[] missing;
        private final int[] distinct;
        private final double[] stepBound;
        /** Each feature's view of fixed decimals as the reading made it (null: none), which its resolution needs again. */
        private final FixedDecimals[] views;
        /** The bitmap of each thread's feature with the most distinct values so far (null for the others): the key's is among them. */
        private final long[][] kept;

        private Features(List<NumericColumn> tr, List<NumericColumn> te, RankScreen screen) {
            this.tr = tr;
            this.te = te;
            this.screen = screen;
            this.missing = new boolean[tr.size()];
            this.distinct = new int[tr.size()];
            this.stepBound = new double[tr.size()];
            this.views = new FixedDecimals[tr.size()];
            this.kept = new long[tr.size()][];
        }

        /** The candidates, read one piece each. */
        int count() {
            return tr.size();
        }

        /** Reads candidate j when given j; one per thread (its counting buffers are reused from feature to feature). */
        IntConsumer counter() {
            DistinctValues.Counter counter = new DistinctValues.Counter();
            // the bitmap of FixedDecimals, kept from feature to feature as the counter's buffers are; and the bitmap of this
            // thread's feature with the most distinct values (the first of them, as the key is chosen), which the key's
            // resolution reads again when this feature is the key
            long[][] bits = {null, null};
            int[] best = {-1};
            return j -> {
                double[] a = tr.get(j).values();
                double[] b = te.get(j).values();
                if (screen.hasMissing(a) || screen.hasMissing(b)) {
                    missing[j] = true;
                    return;
                }
                FixedDecimals fixed = FixedDecimals.of(a, b);
                if (fixed != null) {
                    long[] marked = fixed.mark(bits[0]);
                    views[j] = fixed;
                    distinct[j] = fixed.distinct(marked);
                    if (best[0] < 0 || distinct[j] > distinct[best[0]]) {
                        if (best[0] >= 0) {
                            kept[best[0]] = null;
                        }
                        kept[j] = marked;
                        bits[0] = bits[1];
                        bits[1] = marked;
                        best[0] = j;
                    } else {
                        bits[0] = marked;
                    }
                    screen.keepDistinct(a, fixed.firstDistinct()); // for D8, which asks it of the training column
                    stepBound[j] = stepBound(distinct[j], fixed.lo(), fixed.hi()); // the range the view read already
                } else {
                    distinct[j] = counter.count(a, b);
                    stepBound[j] = stepBound(distinct[j], a, b);
                }
            };
        }

        /**
         * What the comparison needs, once every candidate is read; null when every one has a missing value. The key feature
         * is the one with the most distinct values (the first of them). What each feature's tolerance needs (its step, its
         * usual decimals, each value's decimals) is worked out when a pair first differs on it: on a measured table a pair
         * that fails on its first feature never needs the rest.
         */
        Prepared prepared() {
            List<NumericColumn> keptTr = new ArrayList<>();
            List<NumericColumn> keptTe = new ArrayList<>();
            double[] keptBound = new double[tr.size()];
            FixedDecimals[] keptViews = new FixedDecimals[tr.size()];
            int key = 0;
            int keyDistinct = -1;
            long[] keyBits = null;
            for (int j = 0; j < tr.size(); j++) {
                if (missing[j]) {
                    continue;
                }
                if (distinct[j] > keyDistinct) {
                    key = keptTr.size();
                    keyDistinct = distinct[j];
                    keyBits = kept[j];
                }
                keptViews[keptTr.size()] = views[j];
                keptBound[keptTr.size()] = stepBound[j];
                keptTr.add(tr.get(j));
                keptTe.add(te.get(j));
            }
            return keptTr.isEmpty() ? null
                    : new Prepared(keptTr, keptTe, Arrays.copyOf(keptBound, keptTr.size()), key, new Resolution[keptTr.size()],
                            Arrays.copyOf(keptViews, keptTr.size()), keyBits);
        }
    }

    /**
     * At least {@link #stepOf} of these values, from their range and distinct count alone: a quarter of the gaps between
     * consecutive distinct values are at least the 75th percentile, and all gaps sum to the range.
     */
    static double stepBound(int distinct, double[] a, double[] b) {
        if (distinct < 2) {
            return 0;
        }
        return stepBound(distinct, Math.min(min(a), min(b)), Math.max(max(a), max(b)));
    }

    /** {@link #stepBound(int, double[], double[])} of values from {@code min} to {@code max}. */
    static double stepBound(int distinct, double min, double max) {
        if (distinct < 2) {
            return 0;
        }
        int gaps = distinct - 1;
        int atLeast = gaps - (int) Math.floor(0.75 * (gaps - 1)); // the gaps from the percentile's place on
        double bound = (max - min) / atLeast * (1 + 1e-9); // room for the rounding of each gap's subtraction
        return Double.isNaN(bound) ? Double.POSITIVE_INFINITY : bound;
    }

    private static double min(double[] v) {
        double min = Double.POSITIVE_INFINITY;
        for (double x : v) {
            min = Math.min(min, x);
        }
        return min;
    }

    private static double max(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        return max;
    }

    /** A feature's step and usual decimals, over the training and test values together. */
    record Resolution(double step, int usual) {
    }

    /**
     * Feature j's resolution, worked out on first use and kept in {@code p.res()}. Threads comparing pieces of one split
     * share it: a resolution (immutable) is read without a lock, and worked out under one, once. The reading's view of
     * fixed decimals answers it without a sort (its bitmap, the key's kept from the reading, another's marked again).
     */
    static Resolution resolution(Prepared p, int j) {
        Resolution[] res = p.res();
        Resolution r = res[j];
        if (r != null) {
            return r;
        }
        synchronized (res) {
            if (res[j] == null) {
                double[] a = p.tr().get(j).values();
                double[] b = p.te().get(j).values();
                FixedDecimals fixed = p.views()[j]; // FixedDecimals.of(a, b), made by the reading
                long[] bits = fixed == null ? null : j == p.key() && p.keyBits() != null ? p.keyBits() : fixed.mark(null);
                double step = fixed == null ? Double.NaN : fixed.step(bits);
                res[j] = new Resolution(Double.isNaN(step) ? sortedStep(concat(a, b)) : step,
                        fixed == null ? usualDecimals(a, b) : fixed.usualDecimals());
            }
            return res[j];
        }
    }

    /** The 75th percentile of the gaps between consecutive distinct values (0 for fewer than two values). */
    static double stepOf(double[] v) {
        return sortedStep(v.clone());
    }

    /**
     * {@link #stepOf}, working in {@code s} itself (sorted, then overwritten): on a million values the copies and the sort
     * of the gaps cost as much as the sort of the values, and the percentile needs only a selection, which picks the very
     * number the sorted gaps held at its place.
     */
    private static double sortedStep(double[] s) {
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || Double.doubleToLongBits(s[i]) != Double.doubleToLongBits(s[m - 1])) {
                s[m++] = s[i];
            }
        }
        if (m < 2) {
            return 0;
        }
        for (int i = 1; i < m; i++) {
            s[i - 1] = s[i] - s[i - 1]; // the gaps, in place: s[i] is read before it is overwritten
        }
        CheckBounds.checkInterrupted();
        return OrderStatistic.select(s, m - 1, (int) Math.floor(0.75 * (m - 2)));
    }

    /**
     * The decimals most values of a feature are written with, when at least {@link #USUAL_SHARE} of them are (a measurement
     * recorded to a fixed precision); -1 otherwise (a series in steps of 0.005 mixes 0.01 and 0.015 by nature). Values that
     * are zero are left out (0 is exact at any precision, so it tells nothing about one); the decimals are counted as they
     * are read, without an array of them per row.
     */
    static int usualDecimals(double[] a, double[] b) {
        int[] count = new int[13];
        int n = 0;
        for (double[] v : new double[][] {a, b}) {
            for (int i = 0; i < v.length; i++) {
                if (v[i] != 0) {
                    count[decimals(v[i])]++;
                    n++;
                }
                if ((i & 0xFFFF) == 0) {
                    CheckBounds.checkInterrupted();
                }
            }
        }
        return mode(count, n);
    }

    /** The most frequent number of decimals (the fewest on a tie) when it covers {@link #USUAL_SHARE} of {@code n}; else -1. */
    static int mode(int[] count, int n) {
        int mode = 0;
        for (int d = 1; d < count.length; d++) {
            if (count[d] > count[mode]) {
                mode = d;
            }
        }
        return count[mode] >= USUAL_SHARE * n ? mode : -1;
    }

    /** The distinct values (as {@code Double.equals} tells them) in ascending order, as {@code distinct().sorted()} gives them. */
    static double[] sortedDistinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = 0;
        for (int i = 0; i < s.length; i++) {
            if (m == 0 || Double.doubleToLongBits(s[i]) != Double.doubleToLongBits(s[m - 1])) {
                s[m++] = s[i];
            }
        }
        return Arrays.copyOf(s, m);
    }

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    /**
     * The decimals of one value as {@code Double.toString} writes it, at most 12. Most values (written plainly, at most 15
     * significant digits) are answered without text: the fewest decimals d whose nearest number m·10^-d gives back the
     * value (m and 10^d are exact doubles and the division rounds correctly, so this is exactly "d decimals suffice"),
     * which is what the shortest form has; the rest go through the text as always.
     */
    static int decimals(double v) {
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e7) { // the range Double.toString writes without an exponent
            for (int d = 0; d <= 12; d++) {
                double m = Math.rint(a * POW10[d]);
                if (m >= 1e15) {
                    break;
                }
                if (m / POW10[d] == a) {
                    return d;
                }
            }
        }
        return Double.isFinite(v) ? Math.max(0, Math.min(12, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale())) : 0;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
