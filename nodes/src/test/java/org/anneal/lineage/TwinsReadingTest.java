package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * D9's reading of the features, its pieces shared by two threads in any interleaving: the key (the first feature with the
 * most distinct values) and every feature's resolution, answered from the views and the key's bitmap the reading kept,
 * are the general way's (a count of distinct values, a sort for the step, the decimals as the text writes them).
 */
class TwinsReadingTest {
    private static double written(double x, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    private static Table table(List<double[]> cols) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < cols.size(); j++) {
            out.add(new NumericColumn("x" + j, ColumnRole.FEATURE, cols.get(j)));
        }
        return new Table(out);
    }

    @Test
    void keyAndResolutionsAsTheGeneralWay() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 40; round++) {
            int features = 2 + r.nextInt(7);
            int nTrain = 300 + r.nextInt(300);
            int nTest = 50 + r.nextInt(100);
            List<double[]> train = new ArrayList<>();
            List<double[]> test = new ArrayList<>();
            for (int j = 0; j < features; j++) {
                int kind = r.nextInt(5); // fixed decimals, few levels (ties between features), full precision, a missing value
                int decimals = 1 + r.nextInt(4);
                int levels = kind == 1 ? 3 + r.nextInt(3) : 0;
                double[][] sides = {new double[nTrain], new double[nTest]};
                for (double[] v : sides) {
                    for (int i = 0; i < v.length; i++) {
                        double x = levels > 0 ? r.nextInt(levels) : r.nextGaussian() * 3;
                        v[i] = kind == 2 ? x : written(x, decimals);
                    }
                }
                if (kind == 3) {
                    sides[0][r.nextInt(sides[0].length)] = Double.NaN;
                }
                train.add(sides[0]);
                test.add(sides[1]);
            }
            ResolutionTwins.Features f = ResolutionTwins.features(table(train), table(test));
            IntConsumer one = f.counter();
            IntConsumer other = f.counter();
            for (int j = 0; j < f.count(); j++) { // each reader takes features in increasing order, as the shared pieces go
                (r.nextBoolean() ? one : other).accept(j);
            }
            ResolutionTwins.Prepared p = f.prepared();
            if (p == null) {
                continue;
            }
            int key = 0;
            for (int j = 1; j < p.tr().size(); j++) {
                double[] a = p.tr().get(j).values();
                double[] b = p.te().get(j).values();
                if (DistinctValues.count(a, b) > DistinctValues.count(p.tr().get(key).values(), p.te().get(key).values())) {
                    key = j;
                }
            }
            assertEquals(key, p.key(), "round " + round);
            if (p.views()[key] != null) {
                assertNotNull(p.keyBits(), "round " + round + ": the key's bitmap kept");
            }
            for (int j = 0; j < p.tr().size(); j++) {
                double[] a = p.tr().get(j).values();
                double[] b = p.te().get(j).values();
                ResolutionTwins.Resolution expected = new ResolutionTwins.Resolution(ResolutionTwins.stepOf(FixedDecimalsTest.concat(a, b)),
                        ResolutionTwins.usualDecimals(a, b));
                assertEquals(expected, ResolutionTwins.resolution(p, j), "round " + round + ", feature " + j);
            }
        }
    }
}
