package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * D3's two passes per feature ({@link TargetRead}) give, bit for bit, what the rank screen's and the straight line's own
 * passes give: the coarse bound, the rough r, the buckets, the moments kept for D4 and the missing-value answer, on columns
 * with NaN, -0.0 and 0.0 (also as the smallest or largest), infinities, a sum that overflows, constants, ties, a large
 * offset and more rows than one piece of {@link Chunks}.
 */
class TargetReadTest {

    /** Pearson's r in the two plain passes D3 made before, each sum in row order. */
    static double[] roughPearsonApart(double[] a, double[] b) {
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
        }
        double ma = sa / a.length;
        double mb = sb / b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return new double[] {saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb), sa, saa};
    }

    static double[] column(SplittableRandom r, int n, int kind, double[] y) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (kind) {
                case 0 -> r.nextGaussian();
                case 1 -> y[i] * 2 + r.nextGaussian() * 1e-3; // a proxy: the exact figures are computed
                case 2 -> Math.floor(r.nextDouble() * 4); // ties
                case 3 -> 7.5; // constant
                case 4 -> 1e9 + r.nextGaussian(); // far from 0
                case 5 -> r.nextInt(3) == 0 ? -0.0 : r.nextInt(2) == 0 ? 0.0 : r.nextGaussian();
                case 6 -> i == n / 2 ? Double.POSITIVE_INFINITY : r.nextGaussian();
                case 7 -> i == n - 1 ? Double.NaN : r.nextGaussian(); // missing, the last row only
                case 8 -> i == 3 ? Double.NaN : r.nextGaussian(); // missing, early
                case 9 -> i % 2 == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                case 11 -> i % 5 == 0 ? (i % 10 == 0 ? 0.0 : -0.0) : Math.abs(r.nextGaussian()); // the smallest is a zero of both signs
                case 12 -> i % 5 == 0 ? (i % 10 == 0 ? -0.0 : 0.0) : -Math.abs(r.nextGaussian()); // the largest likewise
                case 13 -> i == 0 ? Double.MAX_VALUE : i == 1 ? Double.MAX_VALUE : i == 2 ? Double.NEGATIVE_INFINITY : r.nextGaussian(); // a sum NaN without one
                default -> Math.exp(y[i]); // monotone in the target
            };
        }
        return x;
    }

    @Test
    void twoPassesGiveWhatTheSeparatePassesGave() {
        SplittableRandom r = new SplittableRandom(16);
        for (int round = 0; round < 24; round++) {
            int n = round % 3 == 0 ? 10 + r.nextInt(50) : 3 * Chunks.ROWS + r.nextInt(5000);
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = round % 4 == 0 ? Math.floor(r.nextDouble() * 10) : round % 4 == 1 ? 1e6 + r.nextGaussian() * 1e3 : r.nextGaussian();
            }
            if (round == 5) {
                java.util.Arrays.fill(y, 2.0); // a constant target
            }
            RankScreen fused = new RankScreen();
            TargetRead read = new TargetRead(fused, y);
            read.read(column(r, n, 0, y));
            RankScreen.Coarse yApart = new RankScreen().coarse(y);
            RankScreen.Coarse yFused = fused.coarse(y);
            assertArrayEquals(yApart.count, yFused.count, round + ": the target's fine counts");
            assertArrayEquals(yApart.rows(), yFused.rows(), round + ": the target's coarse rows");
            for (int kind = 0; kind <= 13; kind++) {
                double[] x = column(r, n, kind, y);
                RankScreen apart = new RankScreen();
                TargetRead.Feature f = read.read(x);
                boolean missing = apart.hasMissing(x);
                assertEquals(missing, fused.hasMissing(x), round + "/" + kind + ": the missing-value answer kept");
                if (missing) {
                    assertNull(f, round + "/" + kind);
                    continue;
                }
                double[] rough = roughPearsonApart(x, y);
                String what = round + "/" + kind;
                assertEquals(Double.doubleToRawLongBits(apart.coarseBound(x, y)), Double.doubleToRawLongBits(f.coarseBound()), what + ": bound");
                assertEquals(Double.doubleToRawLongBits(rough[0]), Double.doubleToRawLongBits(f.roughR()), what + ": rough r");
                assertArrayEquals(new double[] {rough[1], rough[2]}, fused.moments(x), 0.0, what + ": moments kept for D4");
                RankScreen.Coarse a = apart.coarse(x);
                RankScreen.Coarse b = fused.coarse(x);
                assertArrayEquals(a.count, b.count, what + ": fine counts");
                assertArrayEquals(a.rows(), b.rows(), what + ": coarse rows");
                assertEquals(Double.doubleToRawLongBits(a.width), Double.doubleToRawLongBits(b.width), what);
                assertEquals(a.constant, b.constant, what);
                assertEquals(Double.doubleToRawLongBits(a.closeShare(0.01)), Double.doubleToRawLongBits(b.closeShare(0.01)), what);
                // a second read of the same column goes by the separate passes, with the same figures
                TargetRead.Feature again = read.read(x);
                assertEquals(Double.doubleToRawLongBits(f.coarseBound()), Double.doubleToRawLongBits(again.coarseBound()), what);
                assertEquals(Double.doubleToRawLongBits(f.roughR()), Double.doubleToRawLongBits(again.roughR()), what);
            }
        }
    }

    @Test
    void aColumnKnownToHaveAMissingValueIsNotRead() {
        double[] y = new double[20];
        double[] x = new double[20];
        for (int i = 0; i < 20; i++) {
            y[i] = i;
            x[i] = i == 7 ? Double.NaN : i * 2;
        }
        RankScreen screen = new RankScreen();
        assertTrue(screen.hasMissing(x));
        assertNull(new TargetRead(screen, y).read(x));
        assertNull(screen.moments(x), "nothing kept of a column with a missing value");
    }
}
