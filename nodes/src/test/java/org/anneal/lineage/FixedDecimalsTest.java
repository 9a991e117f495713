package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The bitmap view of values with a fixed number of decimals answers as the general counting, sorting and text do. */
class FixedDecimalsTest {
    /** Values as a file written with {@code decimals} decimals gives them back, some repeated, some zeros of either sign. */
    private static double[] written(SplittableRandom r, int n, int decimals, double sd, double centre, int levels) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double x = levels > 0 ? centre + sd * r.nextInt(levels) : centre + sd * r.nextGaussian();
            v[i] = Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", x));
            if (r.nextInt(40) == 0) {
                v[i] = r.nextBoolean() ? -0.0 : 0.0;
            }
        }
        return v;
    }

    /** The values of both, one after the other (the columns a resolution is read from together). */
    static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void distinctStepAndUsualDecimalsAsTheGeneralWay() {
        SplittableRandom r = new SplittableRandom(17);
        int viewed = 0;
        for (int trial = 0; trial < 200; trial++) {
            int decimals = r.nextInt(8);
            double sd = Math.pow(10, r.nextInt(7) - 3);
            double centre = r.nextInt(3) == 0 ? 0 : sd * (r.nextInt(200) - 100);
            int levels = r.nextInt(3) == 0 ? 1 + r.nextInt(30) : 0;
            double[] a = written(r, 1 + r.nextInt(3000), decimals, sd, centre, levels);
            double[] b = written(r, r.nextInt(700), decimals, sd, centre, levels);
            FixedDecimals fixed = FixedDecimals.of(a, b);
            if (fixed == null) {
                continue; // a span too wide for the bitmap: the general way answers
            }
            viewed++;
            long[] bits = fixed.mark(new long[3]);
            String what = "trial " + trial + ", " + decimals + " decimals, sd " + sd;
            assertEquals(DistinctValues.count(a, b), fixed.distinct(bits), what);
            assertEquals(DistinctValues.count(a), fixed.firstDistinct(), what + ": the first column alone, counted while marking");
            double step = fixed.step(bits);
            if (!Double.isNaN(step)) {
                assertEquals(ResolutionTwins.stepOf(concat(a, b)), step, what);
            }
            assertEquals(ResolutionTwins.usualDecimals(a, b), fixed.usualDecimals(), what);
        }
        assertEquals(true, viewed > 150, "most of these columns have a view: " + viewed);
    }

    @Test
    void theSixDecimalExportOfTheBenchmark() {
        SplittableRandom r = new SplittableRandom(5);
        double[] a = written(r, 80_000, 6, 2.9, 19, 0);
        double[] b = written(r, 20_000, 6, 2.9, 19, 0);
        FixedDecimals fixed = FixedDecimals.of(a, b);
        assertNotNull(fixed);
        long[] bits = fixed.mark(null);
        assertEquals(DistinctValues.count(a, b), fixed.distinct(bits));
        assertEquals(ResolutionTwins.stepOf(concat(a, b)), fixed.step(bits));
        assertEquals(6, fixed.usualDecimals());
    }

    @Test
    void noViewOfWhatIsNotAFewDecimals() {
        SplittableRandom r = new SplittableRandom(9);
        assertNull(FixedDecimals.of(r.doubles(100).toArray()), "full-precision doubles");
        assertNull(FixedDecimals.of(new double[] {1.5, Double.NaN}));
        assertNull(FixedDecimals.of(new double[] {1.5, Double.POSITIVE_INFINITY}));
        assertNull(FixedDecimals.of(new double[] {0.1234567891, 2}), "ten decimals");
        assertNull(FixedDecimals.of(new double[] {0.000001, 1e3}), "a span of a billion units");
        assertNull(FixedDecimals.of(new double[] {1e15, 2e15}), "whole numbers beyond exactness");
        assertNull(FixedDecimals.of(new double[0]));
        FixedDecimals mixed = FixedDecimals.of(new double[] {1, 2.5, 3.25, -0.0}, new double[] {0.0, 1e-3, 12345678});
        assertNull(mixed, "a span of twelve billion thousandths");
        FixedDecimals small = FixedDecimals.of(new double[] {1, 2.5, 3.25, -0.0}, new double[] {0.0, 7e-4, 123.4});
        assertNotNull(small);
        long[] bits = small.mark(null);
        double[] all = {1, 2.5, 3.25, -0.0, 0.0, 7e-4, 123.4};
        assertEquals(7, small.distinct(bits), "-0.0 and 0.0 are two values, as Double.equals tells them");
        assertEquals(ResolutionTwins.stepOf(all), small.step(bits));
        assertEquals(ResolutionTwins.usualDecimals(all, new double[0]), small.usualDecimals());
    }
}
