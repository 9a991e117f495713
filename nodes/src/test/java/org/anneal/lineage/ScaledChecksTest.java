package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ColumnRole;
import org.junit.jupiter.api.Test;

/**
 * The run-time checks made to scale (issue 16) answer as comparing every pair does: the near-copy grid against a plain
 * double loop, the rank screen against exact ranks, row hashing against the cells' texts, on random tables with
 * replicates, ties, -0.0, missing values, categories and a coarse feature.
 */
class ScaledChecksTest {
    static final Pattern COUNT = Pattern.compile("^(\\d+) of (\\d+) test rows .* e\\.g\\. test row (\\d+) and training row (\\d+) ");

    /** Train and test rows of d features, some test rows replicates of training rows with noise {@code noise} (in sd). */
    static Table[] tables(SplittableRandom r, int nTrain, int nTest, int d, double noise, boolean withCategory) {
        double[][] train = new double[d][nTrain];
        double[][] test = new double[d][nTest];
        int[] trainCat = new int[nTrain];
        int[] testCat = new int[nTest];
        for (int i = 0; i < nTrain; i++) {
            for (int j = 0; j < d; j++) {
                train[j][i] = j == d - 1 ? Math.floor(r.nextDouble() * 50) : r.nextGaussian() * (1 + j); // the last one coarse
            }
            trainCat[i] = r.nextInt(3);
        }
        for (int i = 0; i < nTest; i++) {
            int copyOf = r.nextInt(4) == 0 ? r.nextInt(nTrain) : -1;
            for (int j = 0; j < d; j++) {
                test[j][i] = copyOf >= 0 ? train[j][copyOf] + (j == d - 1 ? 0 : r.nextGaussian() * noise * (1 + j))
                        : j == d - 1 ? Math.floor(r.nextDouble() * 50) : r.nextGaussian() * (1 + j);
            }
            testCat[i] = copyOf >= 0 && r.nextInt(5) > 0 ? trainCat[copyOf] : r.nextInt(3);
            if (r.nextInt(50) == 0) {
                test[r.nextInt(d)][i] = Double.NaN;
            }
        }
        train[0][0] = -0.0;
        test[0][1] = 0.0;
        return new Table[] {table(train, trainCat, withCategory), table(test, testCat, withCategory)};
    }

    static Table table(double[][] cols, int[] cat, boolean withCategory) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < cols.length; j++) {
            out.add(new NumericColumn("x" + j, ColumnRole.FEATURE, cols[j]));
        }
        if (withCategory) {
            out.add(new CategoricalColumn("kind", ColumnRole.FEATURE, cat, List.of("a", "b", "")));
        }
        return new Table(out);
    }

    /** The near-copy count and example pair by comparing every test row with every training row, as D4 defines them. */
    static int[] bruteForce(Table train, Table test, double limit) {
        List<NumericColumn> num = train.features().stream().filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).toList();
        int d = num.size();
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double[] v = num.get(j).values();
            double s = 0;
            int c = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    s += x;
                    c++;
                }
            }
            mean[j] = s / c;
            double ss = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    ss += (x - mean[j]) * (x - mean[j]);
                }
            }
            sd[j] = Math.sqrt(ss / (c - 1));
        }
        int near = 0;
        int example = -1;
        int exampleTrain = -1;
        int sweep = 0;
        for (int j = 1; j < d; j++) {
            sweep = NearDuplicates.distinct(num.get(j).values()) > NearDuplicates.distinct(num.get(sweep).values()) ? j : sweep;
        }
        double[][] a = new double[d][];
        double[][] b = new double[d][];
        for (int j = 0; j < d; j++) {
            a[j] = num.get(j).values();
            b[j] = ((NumericColumn) test.column(num.get(j).name()).orElseThrow()).values();
        }
        List<Column> cats = train.features().stream().filter(CategoricalColumn.class::isInstance).toList();
        List<Column> testCats = cats.stream().map(c -> test.column(c.name()).orElseThrow()).toList();
        for (int t = 0; t < test.rowCount(); t++) {
            int best = -1;
            for (int r = 0; r < train.rowCount(); r++) {
                boolean ok = true;
                for (int c = 0; c < cats.size() && ok; c++) {
                    ok = cats.get(c).text(r).equals(testCats.get(c).text(t));
                }
                for (int j = 0; j < d && ok; j++) {
                    double za = (a[j][r] - mean[j]) / sd[j];
                    double zb = (b[j][t] - mean[j]) / sd[j];
                    ok = !Double.isNaN(za) && !Double.isNaN(zb) && Math.abs(za - zb) <= limit;
                }
                if (ok && (best < 0 || a[sweep][r] < a[sweep][best])) {
                    best = r;
                }
            }
            if (best >= 0) {
                near++;
                if (example < 0) {
                    example = t;
                    exampleTrain = best;
                }
            }
        }
        return new int[] {near, example + 1, exampleTrain + 1};
    }

    @Test
    void theGridFindsTheNearCopiesEveryPairComparisonFinds() {
        SplittableRandom r = new SplittableRandom(16);
        int checked = 0;
        for (int round = 0; round < 12; round++) {
            double noise = round % 3 == 0 ? 0.002 : round % 3 == 1 ? 0.006 : 0.02; // well within, near and beyond 0.01 sd
            Table[] t = tables(r, 1500, 400, 3 + round % 4, noise, round % 2 == 0);
            List<Finding> out = new ArrayList<>();
            NearDuplicates.check("split", t[0], t[1], DynamicChecks.Thresholds.DEFAULT, Set.of(), out);
            int[] expected = bruteForce(t[0], t[1], DynamicChecks.Thresholds.DEFAULT.nearDistance());
            Finding d4 = out.stream().filter(f -> f.rule().equals("D4")).findFirst().orElse(null);
            if (expected[0] == 0) {
                assertEquals(null, d4, "round " + round);
                continue;
            }
            if (d4 == null) {
                continue; // as many close pairs as chance gives: not reported, whatever the count
            }
            Matcher m = COUNT.matcher(d4.explanation());
            assertTrue(m.find(), d4.explanation());
            assertArrayEquals(expected, new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))},
                    "round " + round + ": " + d4.explanation());
            checked++;
        }
        assertTrue(checked >= 6, "most rounds report near copies: " + checked);
    }

    @Test
    void theNearCopySearchSharedBetweenThreadsFindsWhatOneThreadFinds() {
        Table[] t = tables(new SplittableRandom(21), 30_000, 40_000, 4, 0.002, true); // three pieces of test rows
        List<Finding> alone = new ArrayList<>();
        NearDuplicates.check("split", t[0], t[1], DynamicChecks.Thresholds.DEFAULT, Set.of(), alone);
        List<Finding> shared = new ArrayList<>();
        try (ChecksBeside beside = new ChecksBeside()) {
            NearDuplicates.check("split", t[0], t[1], DynamicChecks.Thresholds.DEFAULT, Set.of(), new RankScreen(), CheckProgress.NONE, beside,
                    shared);
        }
        assertTrue(alone.stream().anyMatch(f -> f.rule().equals("D4")), "the replicates are found");
        assertEquals(alone.stream().map(f -> f.toJson().toString()).toList(), shared.stream().map(f -> f.toJson().toString()).toList());
    }

    @Test
    void theGridStandardizesWithD3sSumsBitForBitAsWithItsOwn() {
        SplittableRandom r = new SplittableRandom(5);
        Table[] t = tables(r, 20_000, 500, 5, 0.002, false);
        List<Column> cols = new ArrayList<>(t[0].columns());
        double[] y = new double[t[0].rowCount()];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian() * 1e3 + 1e6; // far from 0: rounding in the sums differs by order
        }
        cols.add(new NumericColumn("y", ColumnRole.TARGET, y));
        Table train = new Table(cols);
        List<NumericColumn> num = t[0].columns().stream().map(NumericColumn.class::cast).toList();
        List<NumericColumn> testNum = t[1].columns().stream().map(NumericColumn.class::cast).toList();
        RankScreen shared = new RankScreen();
        TargetProxies.check("split", train, DynamicChecks.Thresholds.DEFAULT, shared, new ArrayList<>());
        assertTrue(shared.moments(num.get(0).values()) != null, "D3 kept the sums of a column without missing values");
        NearGrid reused = new NearGrid(num, testNum, List.of(), List.of(), 0.01, shared);
        NearGrid own = new NearGrid(num, testNum, List.of(), List.of(), 0.01, new RankScreen());
        for (int j = 0; j < num.size(); j++) {
            for (int i = 0; i < y.length; i++) {
                assertEquals(Double.doubleToRawLongBits(own.z(own.trainCols(), j, i)), Double.doubleToRawLongBits(reused.z(reused.trainCols(), j, i)));
            }
        }
    }

    @Test
    void theRankScreenRulesOutOnlyWhatCannotReachTheThreshold() {
        SplittableRandom r = new SplittableRandom(3);
        for (int round = 0; round < 30; round++) {
            int n = 200 + r.nextInt(5000);
            double[] y = new double[n];
            double[] x = new double[n];
            int[] codes = new int[n];
            double mix = round / 29.0; // from unrelated to monotone
            for (int i = 0; i < n; i++) {
                y[i] = round % 5 == 0 ? Math.floor(r.nextDouble() * 20) : r.nextGaussian();
                x[i] = mix * Math.exp(y[i] / 3) + (1 - mix) * r.nextGaussian() * 0.3;
                x[i] = round % 7 == 0 && i % 9 == 0 ? -0.0 : x[i];
                codes[i] = y[i] > 0.5 ? 1 : y[i] > -0.5 ? 0 : 2;
            }
            double exact = Math.abs(TargetProxies.pearson(TargetProxies.ranksSortingRows(x), TargetProxies.ranksSortingRows(y)));
            RankScreen screen = new RankScreen();
            assertTrue(screen.coarseBound(x, y) >= exact - 1e-9, round + ": the coarse bound " + screen.coarseBound(x, y) + " under " + exact);
            if (exact < 0.1) {
                assertTrue(screen.coarseBound(x, y) < 0.5, round + ": unrelated columns are ruled out by the coarse buckets alone");
            }
            for (double threshold : new double[] {0.5, 0.9, 0.99, 0.999}) {
                double screened = new RankScreen().spearmanIfAbove(x, y, threshold);
                if (Double.isNaN(screened)) {
                    assertTrue(exact <= threshold, round + ": ruled out " + exact + " at " + threshold);
                } else {
                    assertEquals(exact, screened, 0.0, "computed exactly once not ruled out");
                }
                for (int k = 0; k < 3; k++) {
                    double auc = TargetProxies.auc(TargetProxies.ranksSortingRows(x), codes, k);
                    double s = new RankScreen().aucIfAbove(x, codes, k, threshold);
                    if (s == RankScreen.RULED_OUT) {
                        assertTrue(Math.max(auc, 1 - auc) <= threshold, round + ": AUC " + auc + " ruled out at " + threshold);
                    } else {
                        assertEquals(auc, s, 0.0);
                    }
                }
            }
            assertArrayEquals(TargetProxies.ranksSortingRows(x), RankScreen.sortedRanks(x), 0.0, "the same ranks as sorting the rows");
        }
    }

    @Test
    void rowHashesMatchExactlyTheRowsWhoseCellTextsMatch() {
        SplittableRandom r = new SplittableRandom(9);
        int n = 1200;
        double[] a = new double[n];
        double[] b = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = r.nextInt(4) == 0 ? Double.NaN : r.nextInt(6) == 0 ? -0.0 : r.nextInt(12);
            b[i] = r.nextInt(3) * 0.5;
            c[i] = r.nextInt(4) - 1; // -1: missing, which prints as the level ""
        }
        List<Column> cols = List.of(new NumericColumn("a", ColumnRole.FEATURE, a), new NumericColumn("b", ColumnRole.FEATURE, b),
                new CategoricalColumn("c", ColumnRole.FEATURE, c, List.of("p", "", "q")));
        RowHashes rows = new RowHashes(cols, null);
        long[] h = rows.hashes(n);
        Set<String> seen = new HashSet<>();
        String[] keys = new String[n];
        int copies = 0;
        for (int i = 0; i < n; i++) {
            keys[i] = String.join("\u0000", cols.get(0).key(i), cols.get(1).key(i), cols.get(2).key(i));
            copies += seen.add(keys[i]) ? 0 : 1;
            for (int k = 0; k < i; k++) {
                boolean same = rows.same(i, rows, k);
                assertEquals(keys[i].equals(keys[k]), same, String.format(Locale.ROOT, "rows %d and %d", i, k));
                assertTrue(!same || h[i] == h[k], "equal rows hash alike");
            }
        }
        assertTrue(copies > 100, "the table has copies to find: " + copies);
        assertEquals(FoldDuplicates.rowsWithACopy(new Table(cols)), countRowsWithACopy(cols, n));
    }

    private static int countRowsWithACopy(List<Column> cols, int n) {
        java.util.Map<String, Integer> count = new java.util.HashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int row = i;
            String key = String.join("\u0000", cols.stream().map(c -> c.key(row)).toList());
            keys.add(key);
            count.merge(key, 1, Integer::sum);
        }
        return (int) keys.stream().filter(k -> count.get(k) > 1).count();
    }
}
