package org.anneal.lineage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * D9's comparison through cells on the key feature (both sides sorted by cell, however many cells the key spans) counts
 * the twins and the chance band that comparing every test row with every training row counts, and meets each test row's
 * candidates as a table from cell to rows, walked row by row, met them (its nearest row, its bound on comparisons, its
 * first examples).
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

    /**
     * What the comparison counted before both sides were sorted by cell: the test rows in row order, each looking at the
     * training rows of its cell and its two neighbours through a map from cell to rows (each cell's rows in row order), cell
     * after cell while fewer than the bound were compared; the first twins in row order as examples.
     */
    private static int[] cellTable(TwinScan scan, ResolutionTwins.Prepared p, Set<Integer> copies) {
        double width = TwinScan.width(ResolutionTwins.resolution(p, p.key()));
        double[] kv = p.tr().get(p.key()).values();
        double[] tk = p.te().get(p.key()).values();
        double[] tr0 = p.tr().get(0).values();
        double[] te0 = p.te().get(0).values();
        Map<Long, List<Integer>> cells = new HashMap<>();
        for (int i = 0; i < kv.length; i++) {
            cells.computeIfAbsent((long) Math.floor(kv[i] / width), k -> new ArrayList<>()).add(i);
        }
        int[] tally = {0, 0, -1, -1, -1, -1};
        int examples = 0;
        for (int t = 0; t < tk.length; t++) {
            if (copies.contains(t)) {
                continue;
            }
            long cell = (long) Math.floor(tk[t] / width);
            double best = Double.POSITIVE_INFINITY;
            int bestRow = -1;
            int compared = 0;
            double beyond = Double.NaN;
            for (long c = cell - 1; c <= cell + 1 && compared < 4000; c++) {
                for (int i : cells.getOrDefault(c, List.of())) {
                    if (Double.isNaN(beyond)) {
                        beyond = 2 * scan.mostOnFirst(t);
                    }
                    double rho = Math.abs(tr0[i] - te0[t]) > beyond ? Double.POSITIVE_INFINITY : scan.distance(i, t);
                    compared++;
                    if (rho < best) {
                        best = rho;
                        bestRow = i;
                    }
                }
            }
            if (best <= 1) {
                tally[0]++;
                if (examples < 2) {
                    tally[2 + 2 * examples] = t;
                    tally[3 + 2 * examples] = bestRow;
                    examples++;
                }
            } else if (best <= 2) {
                tally[1]++;
            }
        }
        return tally;
    }

    private static int[] sorted(ResolutionTwins.Prepared p, Table test, Set<Integer> copies) {
        TwinScan scan = TwinScan.of(p, test, copies);
        java.util.function.IntConsumer piece = scan.scanner();
        for (int i = scan.pieces() - 1; i >= 0; i--) { // the pieces in any order, as threads take them
            piece.accept(i);
        }
        return scan.tally();
    }

    private static void assertSameAsCellTable(double[][] train, double[][] test, Set<Integer> copies, String what) {
        Table te = table(test);
        ResolutionTwins.Prepared p = ResolutionTwins.prepare(table(train), te);
        TwinScan scan = TwinScan.of(p, te, copies);
        assertTrue(scan != null, what);
        int[] expected = cellTable(scan, p, copies);
        assertEquals(Arrays.toString(expected), Arrays.toString(sorted(p, te, copies)), what);
    }

    /** Values on a grid of {@code step}, written with 3 decimals. */
    private static double[] grid(SplittableRandom r, int n, int values, double step) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = written(r.nextInt(values) * step, 3);
        }
        return v;
    }

    @Test
    void theCellOrderMeetsWhatATableOfCellsMet() {
        SplittableRandom r = new SplittableRandom(5);
        // many pieces of test rows, re-entries among them, some test rows copies, some beyond the training rows' cells
        double[][][] t = tables(r, 30000, 40000, false);
        Set<Integer> copies = new HashSet<>();
        for (int i = 0; i < 40000; i += 7) {
            copies.add(i);
        }
        for (int i = 0; i < 40000; i += 501) {
            t[1][2][i] = (r.nextBoolean() ? 1 : -1) * (7 + r.nextDouble()); // beyond the key's training range, or at its edge
        }
        assertSameAsCellTable(t[0], t[1], copies, "pieces");
        assertSameAsCellTable(t[0], t[1], Set.of(), "pieces, no copies");
        // a key spread over a hundred million cells and more (three to four passes of the sort)
        double[][][] wide = tables(r, 2000, 600, true);
        wide[0][2][1] = -3e9;
        assertSameAsCellTable(wide[0], wide[1], Set.of(), "wide");
        // few values on every feature: thousands of rows in a cell (the key's 40 values a thousandth apart, its tolerance half
        // a hundredth), the bound on comparisons reached in the second cell of three; ties everywhere
        double[][] train = {grid(r, 12000, 3, 1), grid(r, 12000, 4, 0.5), grid(r, 12000, 40, 0.001)};
        double[][] test = {grid(r, 1000, 3, 1), grid(r, 1000, 4, 0.5), grid(r, 1000, 44, 0.001)};
        assertSameAsCellTable(train, test, Set.of(3, 4), "crowded cells");
        // a cell of 4500 rows that are no twins before the cell of the test rows' twins: the bound stops the search first
        double[][] bound = new double[3][4600];
        double[][] twinsBeyond = new double[3][50];
        for (int i = 0; i < 4600; i++) {
            boolean crowd = i < 4500;
            bound[0][i] = crowd ? 5 : 1;
            bound[1][i] = crowd ? 5 : 1;
            bound[2][i] = crowd ? 0.101 : written(0.110 + 0.001 * (i % 30), 3);
        }
        for (int i = 0; i < 50; i++) {
            twinsBeyond[0][i] = 1;
            twinsBeyond[1][i] = 1;
            twinsBeyond[2][i] = written(0.111 + 0.001 * (i % 5), 3);
        }
        assertSameAsCellTable(bound, twinsBeyond, Set.of(), "bound on comparisons");
        // infinities on the key (no view of fixed decimals): their cells overflow, and no row meets them
        double[][][] inf = tables(r, 3000, 800, false);
        inf[0][2][0] = Double.POSITIVE_INFINITY;
        inf[0][2][1] = Double.NEGATIVE_INFINITY;
        inf[1][2][0] = Double.POSITIVE_INFINITY;
        inf[1][2][1] = Double.NEGATIVE_INFINITY;
        assertSameAsCellTable(inf[0], inf[1], Set.of(), "infinities");
    }
}
