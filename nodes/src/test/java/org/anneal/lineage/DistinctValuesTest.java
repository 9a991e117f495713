package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The unboxed distinct-value helpers of the run-time checks give exactly what the boxed code they replace gave. */
class DistinctValuesTest {
    private static double[] sample(SplittableRandom r, int n, int levels) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(levels);
            v[i] = k == 0 ? -0.0 : k == 1 ? 0.0 : k == 2 ? Double.NaN : k == 3 ? Double.longBitsToDouble(0x7ff8000000000001L) : k * 0.1;
        }
        return v;
    }

    @Test
    void countsAndGroupsAsDoubleEqualsDoes() {
        SplittableRandom r = new SplittableRandom(3);
        for (int levels : new int[] {1, 2, 5, 40, 5000, 1 << 20}) {
            double[] a = sample(r, 3000, levels);
            double[] b = sample(r, 700, levels);
            double[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            long boxed = Arrays.stream(both).boxed().distinct().count();
            assertEquals(boxed, DistinctValues.count(a, b), "levels " + levels);
            Map<Double, Integer> first = new LinkedHashMap<>();
            DistinctValues g = new DistinctValues(a);
            for (int i = 0; i < a.length; i++) {
                first.putIfAbsent(a[i], first.size());
                assertEquals(first.get(a[i]), g.of(i));
            }
            assertEquals(first.size(), g.count());
            for (int limit : new int[] {0, 1, first.size() - 1, first.size(), a.length}) {
                if (DistinctValues.moreThan(a, limit)) {
                    assertTrue(first.size() > limit, "a lower bound never exceeds the count");
                }
            }
        }
        double[] measured = new SplittableRandom(5).doubles(100_000).toArray();
        assertTrue(DistinctValues.moreThan(measured, measured.length / 2), "a measured quantity is told without counting");
        assertFalse(DistinctValues.moreThan(new double[] {1, 1, 2, 2}, 2));
    }

    @Test
    void decimalsWithoutTextAgreeWithTheText() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 60_000; i++) {
            double v = switch (i % 3) {
                case 0 -> Double.parseDouble(String.format(Locale.ROOT, "%." + r.nextInt(16) + "f", r.nextDouble() * Math.pow(10, r.nextInt(11) - 4)));
                case 1 -> Double.longBitsToDouble(r.nextLong());
                default -> r.nextDouble() * Math.pow(10, r.nextInt(12) - 4);
            };
            int text = Double.isFinite(v) ? Math.max(0, Math.min(12, new BigDecimal(Double.toString(v)).stripTrailingZeros().scale())) : 0;
            assertEquals(text, ResolutionTwins.decimals(v), () -> "decimals of " + v);
        }
        assertEquals(2, ResolutionTwins.decimals(13.64));
        assertEquals(0, ResolutionTwins.decimals(-0.0));
        assertEquals(5, ResolutionTwins.decimals(1e-5));
    }

    @Test
    void theStepBoundNeverUndercutsTheStep() {
        SplittableRandom r = new SplittableRandom(13);
        for (int trial = 0; trial < 300; trial++) {
            int n = 2 + r.nextInt(400);
            int levels = 1 + r.nextInt(trial % 2 == 0 ? 5 : 1000);
            double scale = Math.pow(10, r.nextInt(9) - 4);
            double[] a = new double[n];
            double[] b = new double[1 + r.nextInt(50)];
            for (double[] v : new double[][] {a, b}) {
                for (int i = 0; i < v.length; i++) {
                    v[i] = trial % 3 == 0 ? r.nextInt(levels) * scale : r.nextGaussian() * scale;
                }
            }
            double[] both = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            double step = ResolutionTwins.stepOf(both);
            assertTrue(ResolutionTwins.stepBound(DistinctValues.count(a, b), a, b) >= step, "trial " + trial);
            assertEquals(Arrays.stream(both).distinct().sorted().boxed().toList(), Arrays.stream(ResolutionTwins.sortedDistinct(both)).boxed().toList());
        }
    }

    @Test
    void aSelectionPicksWhatTheSortHeldAtThatPlace() {
        SplittableRandom r = new SplittableRandom(17);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(trial % 10 == 0 ? 20_000 : 60);
            double[] v = sample(r, n, 1 + r.nextInt(trial % 2 == 0 ? 6 : 100_000));
            double[] sorted = v.clone();
            Arrays.sort(sorted);
            int k = r.nextInt(n);
            double got = OrderStatistic.select(v.clone(), n, k);
            assertTrue(Double.doubleToLongBits(sorted[k]) == Double.doubleToLongBits(got) || Double.isNaN(sorted[k]) && Double.isNaN(got),
                    () -> "element " + k + " of " + n + ": " + got + " instead of " + sorted[k]);
        }
    }

    @Test
    void theStepIsTheSortedGapsPercentileAndCountsReuseTheirBuffers() {
        SplittableRandom r = new SplittableRandom(19);
        DistinctValues.Counter counter = new DistinctValues.Counter();
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + r.nextInt(trial % 7 == 0 ? 50_000 : 500);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = trial % 3 == 0 ? r.nextInt(1 + trial) * 0.25 : Math.rint(r.nextGaussian() * 1e4) / 1e3;
            }
            double[] d = Arrays.stream(v).distinct().sorted().toArray(); // the step as it was first written
            double expected = 0;
            if (d.length >= 2) {
                double[] gaps = new double[d.length - 1];
                for (int i = 1; i < d.length; i++) {
                    gaps[i - 1] = d[i] - d[i - 1];
                }
                Arrays.sort(gaps);
                expected = gaps[(int) Math.floor(0.75 * (gaps.length - 1))];
            }
            assertEquals(expected, ResolutionTwins.stepOf(v), "trial " + trial);
            double[] half = Arrays.copyOf(v, n / 2);
            assertEquals(DistinctValues.count(half, v), counter.count(half, v), "a counter used again counts as a fresh one");
        }
    }
}
