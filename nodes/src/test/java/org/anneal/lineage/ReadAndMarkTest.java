package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The one pass that reads and marks answers as {@link FixedDecimals#of} and {@link FixedDecimals#mark} do: the same view or
 * none, the same distinct values (of both columns and of the first), range, step and usual decimals, whatever buffer it is
 * given (none, too short, long and full of another column's bits).
 */
class ReadAndMarkTest {
    private static double written(double x, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    /** Values of up to {@code decimals} decimals; the first few with fewer, so the unit grows after values were marked. */
    private static double[] column(SplittableRandom r, int n, int decimals, double sd, double centre, boolean fewerFirst) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int d = fewerFirst && i < 1 + n / 10 ? Math.max(0, decimals - 1 - r.nextInt(3)) : decimals;
            v[i] = written(centre + sd * r.nextGaussian() * (1 + i / (double) n * 3), d); // the spread grows: windows widen
            if (r.nextInt(50) == 0) {
                v[i] = r.nextBoolean() ? -0.0 : 0.0;
            }
        }
        return v;
    }

    private static void assertSame(long[] buffer, String what, double[]... columns) {
        FixedDecimals expected = FixedDecimals.of(columns);
        long[] stale = buffer == null ? null : buffer.clone();
        FixedDecimals read = ReadAndMark.read(stale, columns);
        assertEquals(expected == null, read == null, what);
        if (expected == null) {
            return;
        }
        long[] bits = expected.mark(null);
        long[] marked = read.bits();
        assertNotNull(marked, what);
        assertEquals(expected.lo(), read.lo(), what);
        assertEquals(expected.hi(), read.hi(), what);
        assertEquals(expected.distinct(bits), read.distinct(marked), what);
        assertEquals(expected.firstDistinct(), read.firstDistinct(), what);
        assertEquals(expected.step(bits), read.step(marked), what);
        assertEquals(expected.usualDecimals(), read.usualDecimals(), what);
        long[] again = read.mark(null); // the view's own marking, counted from its base
        assertEquals(expected.distinct(bits), read.distinct(again), what);
        assertEquals(expected.step(bits), read.step(again), what);
    }

    @Test
    void asTheTwoPasses() {
        SplittableRandom r = new SplittableRandom(41);
        long[] full = new long[1 << 12];
        Arrays.fill(full, -1L);
        int viewed = 0;
        for (int trial = 0; trial < 300; trial++) {
            int decimals = r.nextInt(8);
            double sd = Math.pow(10, r.nextInt(6) - 3);
            double centre = r.nextInt(3) == 0 ? 0 : sd * (r.nextInt(200) - 100);
            boolean fewerFirst = r.nextBoolean();
            double[] a = column(r, 1 + r.nextInt(6000), decimals, sd, centre, fewerFirst);
            double[] b = column(r, r.nextInt(1500), decimals + (r.nextInt(4) == 0 ? 1 : 0), sd, centre, fewerFirst);
            long[] buffer = switch (trial % 4) {
                case 0 -> null;
                case 1 -> new long[1];
                case 2 -> full;
                default -> new long[1 << 20];
            };
            String what = "trial " + trial + ", " + decimals + " decimals, sd " + sd + ", centre " + centre;
            assertSame(buffer, what, a, b);
            assertSame(buffer, what + ", one column", a);
            assertSame(buffer, what + ", the same column twice", a, a);
            viewed += FixedDecimals.of(a, b) != null ? 1 : 0;
        }
        assertTrue(viewed > 200, "most of these have a view: " + viewed);
    }

    @Test
    void theEdges() {
        double[][][] cases = {
            {{}}, {{}, {}}, {{1.5, Double.NaN}}, {{1.5}, {Double.POSITIVE_INFINITY, 2}}, {{Double.NEGATIVE_INFINITY}},
            {{0.1234567891, 2}}, {{0.000001, 1e3}}, {{1e15, 2e15}}, {{1, 2.5, 3.25, -0.0}, {0.0, 1e-3, 12345678}},
            {{1, 2.5, 3.25, -0.0}, {0.0, 7e-4, 123.4}}, {{-0.0}, {0.0}}, {{0.0, -0.0}, {-0.0}},
            {{0, 134.217727}}, {{0, 134.217728}}, {{0.001, 134.217728}}, {{5, -5, 1e8, -1e8}}, {{1e13, 0.5}}, {{3, 3.5, 3.25, 3.125, 3.0625}},
            {{0.5, 1e6}, {0.25}}, {{1e6, 0.5}, {0.25}}, {{-3, 1e5, -1e5, 0.001}},
        };
        for (double[][] c : cases) {
            for (long[] buffer : new long[][] {null, new long[1], new long[1 << 16]}) {
                assertSame(buffer, Arrays.deepToString(c), c);
            }
        }
    }
}
