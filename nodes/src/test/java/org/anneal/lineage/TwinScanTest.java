package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * D9's comparison through cells on the key feature (a counting sort when the key spans few cells, a hash of the cells
 * when it spans many) counts the twins and the chance band that comparing every test row with every training row counts.
 */
class TwinScanTest {
    private static final Pattern COUNTS = Pattern.compile("^(\\d+) of \\d+ test rows .* only (\\d+) are one to two tolerances away");

    private static double written(double x, int decimals) {
        return Double.parseDouble(String.format(Locale.ROOT, "%." + decimals + "f", x));
    }

    /** Training rows written with 3 decimals; a third of the test rows re-enter one, a feature rounded or nudged. */
    private static double[][][] tables(SplittableRandom r, int nTrain, int nTest, boolean outliers) {
        int d = 3;
        double[][] train = new double[d][nTrain];
        double[][] test = new double[d][nTest];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < d; j++) {
                train[j][i] = written(r.nextGaussian() * (1 + j), 3);
            }
        }
        if (outliers) {
            train[d - 1][0] = 1e6; // the key (the widest feature) spread over a hundred million cells: hashed
        }
        for (int i = 0; i < nTest; i++) {
            int of = r.nextInt(3) == 0 ? r.nextInt(nTrain) : -1;
            for (int j = 0; j < d; j++) {
                test[j][i] = of < 0 ? written(r.nextGaussian() * (1 + j), 3) : train[j][of];
            }
            if (of >= 0) {
                int j = r.nextInt(d);
                test[j][i] = r.nextBoolean() ? written(test[j][i], 2) : test[j][i] + (r.nextInt(3) - 1) * 0.001;
            }
        }
        return new double[][][] {train, test};
    }

    private static Table table(double[][] cols) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            out.add(new NumericColumn("x" + j, ColumnRole.FEATURE, cols[j]));
        }
        return new Table(out);
    }

    /** Twins and band by comparing every pair, with D9's tolerance per feature written out as its class comment states it. */
    private static int[] bruteForce(double[][] train, double[][] test) {
        int d = train.length;
        double[] step = new double[d];
        int[] usual = new int[d];
        for (int j = 0; j < d; j++) {
            double[] both = Arrays.copyOf(train[j], train[j].length + test[j].length);
            System.arraycopy(test[j], 0, both, train[j].length, test[j].length);
            step[j] = ResolutionTwins.stepOf(both);
            usual[j] = ResolutionTwins.usualDecimals(train[j], test[j]);
        }
        int twins = 0;
        int band = 0;
        for (int t = 0; t < test[0].length; t++) {
            double best = Double.POSITIVE_INFINITY;
            for (int i = 0; i < train[0].length; i++) {
                double rho = 0;
                for (int j = 0; j < d; j++) {
                    double diff = Math.abs(train[j][i] - test[j][t]);
                    if (diff == 0) {
                        continue;
                    }
                    int a = ResolutionTwins.decimals(train[j][i]);
                    int b = ResolutionTwins.decimals(test[j][t]);
                    double tol = ResolutionTwins.STEP_SHARE * step[j];
                    if (usual[j] > 0 && Math.min(a, b) < usual[j] && Math.max(a, b) == usual[j]) {
                        tol = Math.max(tol, 0.5 * Math.pow(10, 1 - usual[j]) * (1 + 1e-9));
                    }
                    rho = Math.max(rho, tol == 0 ? Double.POSITIVE_INFINITY : diff / tol);
                }
                best = Math.min(best, rho);
            }
            twins += best <= 1 ? 1 : 0;
            band += best > 1 && best <= 2 ? 1 : 0;
        }
        return new int[] {twins, band};
    }

    @Test
    void theCellsCountWhatEveryPairComparisonCounts() {
        SplittableRandom r = new SplittableRandom(23);
        for (boolean outliers : new boolean[] {false, true}) {
            for (int round = 0; round < 3; round++) {
                double[][][] t = tables(r, 1500, 400, outliers);
                List<Finding> out = new ArrayList<>();
                ResolutionTwins.check("split", table(t[0]), table(t[1]), DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
                int[] expected = bruteForce(t[0], t[1]);
                assertTrue(expected[0] > 3 * expected[1] && expected[0] >= 3, "the re-entries beat chance: " + Arrays.toString(expected));
                assertEquals(1, out.size(), out.toString());
                Matcher m = COUNTS.matcher(out.get(0).explanation());
                assertTrue(m.find(), out.get(0).explanation());
                assertEquals(expected[0], Integer.parseInt(m.group(1)), (outliers ? "hashed cells: " : "sorted cells: ") + out.get(0).explanation());
                assertEquals(expected[1], Integer.parseInt(m.group(2)), out.get(0).explanation());
            }
        }
    }
}
