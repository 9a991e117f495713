package org.anneal.lineage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;

/**
 * D9's comparison of the test rows with the training rows ({@link ResolutionTwins}), in pieces of test rows that may run
 * on different threads ({@link ChecksBeside#share}): each test row looks for its nearest training row, at each feature's
 * resolution, among the training rows in its cell and the two beside it on the key feature. Both sides are sorted by
 * their cell ({@link CellOrder}), so a piece (test rows of neighbouring cells) reads the training rows it compares with as
 * one run of memory; each test row meets its candidates in the order a table from cell to rows gave them (cell by cell,
 * each cell's rows in row order), so its nearest row, ties included, is the same. A piece counts its twins and its
 * chance band and keeps its first twins in row order; {@link #report} adds the pieces up and takes the first twins of
 * all, so the finding is the one a single pass over the rows in their order gives.
 */
final class TwinScan {
    /** Training rows compared with one test row, at most (a key feature with few values puts many rows in a cell). */
    private static final int MAX_COMPARISONS = 4000;
    /** Test rows per piece: enough that taking a piece costs nothing, few enough that two threads finish together. */
    private static final int PIECE_ROWS = 1 << 14;
    private static final int EXAMPLES = 2;

    private final List<NumericColumn> tr;
    private final List<NumericColumn> te;
    private final double[] stepBound;
    private final ResolutionTwins.Prepared prepared;
    /** The training rows by cell, the first feature carried beside. */
    private final CellOrder train;
    /** The test rows that can meet a training row (not copies, a cell next to the training rows'), by cell, the first feature beside. */
    private final CellOrder test;
    /** The test rows' first feature, which {@link #mostOnFirst} reads. */
    private final double[] te0;
    private final int testRows;
    private final int[] twins;
    private final int[] band;
    /** Per piece, its first twins in row order: test row, then its nearest training row, EXAMPLES pairs (-1: none). */
    private final int[][] examples;

    private TwinScan(ResolutionTwins.Prepared p, Table test, Set<Integer> copies, double width) {
        this.tr = p.tr();
        this.te = p.te();
        this.stepBound = p.stepBound();
        this.prepared = p;
        this.te0 = te.get(0).values();
        this.testRows = test.rowCount();
        boolean[] copy = new boolean[testRows];
        copies.forEach(t -> copy[t] = true);
        double[] trainKey = tr.get(p.key()).values();
        long[] cells = cells(trainKey, width);
        long[] range = range(cells);
        this.train = order(cells, null, range, tr.get(0).values(), 0);
        this.test = order(cells(te.get(p.key()).values(), width), copy, range, te0, 1);
        int pieces = pieces(testRows);
        this.twins = new int[pieces];
        this.band = new int[pieces];
        this.examples = new int[pieces][2 * EXAMPLES];
        for (int[] e : examples) {
            java.util.Arrays.fill(e, -1);
        }
    }

    /**
     * The comparison of a prepared split, its training and test rows sorted by their cell on the key feature (cells twice
     * the key's tolerance wide); null when the key feature has no usable resolution (nothing can be a twin then).
     */
    static TwinScan of(ResolutionTwins.Prepared p, Table test, Set<Integer> copies) {
        double width = width(ResolutionTwins.resolution(p, p.key()));
        if (!(width > 0) || !Double.isFinite(width)) {
            return null;
        }
        return new TwinScan(p, test, copies, width);
    }

    /** The width of the cells on a key feature of this resolution: twice its tolerance. */
    static double width(ResolutionTwins.Resolution kr) {
        return 2 * Math.max(kr.usual() > 0 ? 0.5 * Math.pow(10, 1 - kr.usual()) : 0, ResolutionTwins.STEP_SHARE * kr.step());
    }

    /** Each value's cell: {@code floor(v / width)}. */
    private static long[] cells(double[] v, double width) {
        long[] cells = new long[v.length];
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
            cells(v, width, cells, from, Chunks.end(from, v.length));
        }
        return cells;
    }

    private static void cells(double[] v, double width, long[] cells, int from, int to) {
        for (int i = from; i < to; i++) {
            cells[i] = (long) Math.floor(v[i] / width);
        }
    }

    /**
     * Whether a row in this cell can meet any other: a test row in the largest or smallest long (an overflowing quotient)
     * looked at no cell, its neighbours' numbers overflowing, and so no test row looks at a training row there.
     */
    private static boolean ordinary(long cell) {
        return cell != Long.MIN_VALUE && cell != Long.MAX_VALUE;
    }

    /** The smallest and largest ordinary cell of the training rows ({@code {0, -1}} when none). */
    private static long[] range(long[] cells) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long c : cells) {
            if (ordinary(c)) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        return min > max ? new long[] {0, -1} : new long[] {min, max};
    }

    /**
     * The rows of one side in the order of their cells, keyed {@code cell - min + 2} (unsigned: an ordinary cell is at
     * least 1024 from either end of the longs, so neither this nor a neighbour's key overflows, and every key is at least
     * 1); {@code reach} 1 keeps the test rows whose three cells can hold a training row, 0 the ordinary training rows.
     */
    private static CellOrder order(long[] cells, boolean[] skip, long[] range, double[] carried, int reach) {
        long min = range[0];
        long max = range[1];
        int n = 0;
        int[] rows = new int[cells.length];
        double[] values = new double[cells.length];
        for (int i = 0; i < cells.length; i++) {
            long c = cells[i];
            if (ordinary(c) && c >= min - reach && c <= max + reach && (skip == null || !skip[i])) {
                cells[n] = c - min + 2;
                rows[n] = i;
                values[n] = carried[i];
                n++;
            }
        }
        return CellOrder.sort(cells, rows, values, n);
    }

    int pieces() {
        return twins.length;
    }

    /** How many pieces the test rows of a split make, known before the comparison is built. */
    static int pieces(int testRows) {
        return (testRows + PIECE_ROWS - 1) / PIECE_ROWS;
    }

    /** Compares the test rows of piece p when given p; pieces share nothing but the resolutions, worked out once. */
    IntConsumer scanner() {
        return this::scan;
    }

    /** Piece p: the test rows at places p · PIECE_ROWS on in their cell order (some pieces are empty when few can meet one). */
    private void scan(int piece) {
        int from = piece * PIECE_ROWS;
        int end = Math.min(test.size, from + PIECE_ROWS);
        if (from >= end) {
            return;
        }
        int at = train.lowerBound(test.keys[from] - 1);
        for (int s = from; s < end; s++) {
            if ((s & 0xFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
            long below = test.keys[s] - 1;
            while (at < train.size && Long.compareUnsigned(train.keys[at], below) < 0) {
                at++;
            }
            scanRow(piece, s, at);
        }
    }

    /**
     * The test row at place s of the cell order, whose cell's left neighbour starts at training place {@code at}: a
     * method of its own, called for every row, which the JIT of a cold process compiles once (a row loop compiled on the
     * stack was thrown away at the end of each piece and compiled again).
     */
    private void scanRow(int piece, int s, int at) {
        int t = test.rows[s];
        double first = test.values[s];
        long last = test.keys[s] + 1;
        double best = Double.POSITIVE_INFINITY;
        int bestRow = -1;
        int compared = 0;
        long cell = 0; // keys are at least 1
        double beyond = Double.NaN; // a pair further apart on the first feature is beyond the band; worked out at the first
                                    // training row met (most test rows of a measured table meet none)
        for (int p = at; p < train.size; p++) {
            long key = train.keys[p];
            if (Long.compareUnsigned(key, last) > 0) {
                break;
            }
            if (key != cell) { // the next of the three cells: looked at only while the comparisons are below the bound
                if (compared >= MAX_COMPARISONS) {
                    break;
                }
                cell = key;
            }
            if (Double.isNaN(beyond)) {
                beyond = 2 * mostOnFirst(t);
            }
            // as distance() would answer (some value above 2), without the training value's decimals
            double rho = Math.abs(train.values[p] - first) > beyond ? Double.POSITIVE_INFINITY : distance(train.rows[p], t);
            compared++;
            if (rho < best) {
                best = rho;
                bestRow = train.rows[p];
            }
        }
        if (best <= 1) {
            twins[piece]++;
            keepExample(examples[piece], t, bestRow);
        } else if (best <= 2) {
            band[piece]++;
        }
    }

    /** Keeps twin (t, row) among a piece's first EXAMPLES twins in row order (its rows come in cell order). */
    private static void keepExample(int[] kept, int t, int row) {
        for (int e = 0; e < EXAMPLES; e++) {
            if (kept[2 * e] < 0 || t < kept[2 * e]) {
                System.arraycopy(kept, 2 * e, kept, 2 * e + 2, 2 * (EXAMPLES - e - 1));
                kept[2 * e] = t;
                kept[2 * e + 1] = row;
                return;
            }
        }
    }

    /** The finding, when every piece is done: twins that beat chance. */
    void report(String split, DynamicChecks.Thresholds th, List<Finding> out) {
        int[] tally = tally();
        int twinCount = tally[0];
        int bandCount = tally[1];
        if (twinCount < 3 || twinCount <= ResolutionTwins.CHANCE_FACTOR * bandCount) {
            return;
        }
        List<String> first = new ArrayList<>();
        for (int e = 0; e < EXAMPLES && tally[2 + 2 * e] >= 0; e++) {
            first.add(describe(tally[3 + 2 * e], tally[2 + 2 * e]));
        }
        double share = twinCount / (double) testRows;
        out.add(new Finding("D9", share > th.nearErrorShare() ? Severity.ERROR : Severity.WARNING, "Test rows that are twins of training rows.",
                String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) match a training row on every feature at that feature's "
                        + "resolution (equal, the same value rounded, or closer than %.0f %% of the feature's step), e.g. %s; only %d are "
                        + "one to two tolerances away, so this is no chance. They are re-entries or re-measurements of the same sample: "
                        + "the model is tested on samples it has seen, and the score is optimistic. Error above %.1f %%.", twinCount,
                        testRows, split, 100 * share, 100 * ResolutionTwins.STEP_SHARE, String.join("; ", first), bandCount,
                        100 * th.nearErrorShare()),
                "Give each sample one id and split by it (declare it 'group', use split.group), or merge the re-entries before '" + split
                        + "' (round to the coarser resolution with data.derive, then prepare.dedupe or data.aggregate).",
                List.of(split), List.of()));
    }

    /**
     * Twins, band, then the first twins in row order (test row, its nearest training row; -1 when fewer), once every piece
     * is done.
     */
    int[] tally() {
        int twinCount = 0;
        int bandCount = 0;
        int[] firstTwins = new int[2 * EXAMPLES];
        java.util.Arrays.fill(firstTwins, -1);
        for (int p = 0; p < twins.length; p++) {
            twinCount += twins[p];
            bandCount += band[p];
            for (int e = 0; e < EXAMPLES && examples[p][2 * e] >= 0; e++) {
                keepExample(firstTwins, examples[p][2 * e], examples[p][2 * e + 1]);
            }
        }
        int[] tally = new int[2 + 2 * EXAMPLES];
        tally[0] = twinCount;
        tally[1] = bandCount;
        System.arraycopy(firstTwins, 0, tally, 2, 2 * EXAMPLES);
        return tally;
    }

    /**
     * The most the first feature's tolerance can be for any pair with test row t, not knowing the training row: the
     * rounding allowance of {@link #distance} needs the finer of the two decimals, at least the test value's (and 1).
     */
    double mostOnFirst(int t) {
        int teDec = Math.max(1, ResolutionTwins.decimals(te0[t]));
        return Math.max(ResolutionTwins.STEP_SHARE * stepBound[0], 0.5 * Math.pow(10, 1 - teDec) * (1 + 1e-9));
    }

    /** Largest difference over features in units of that pair's tolerance: ≤ 1 twins, 1–2 the chance band. */
    double distance(int i, int t) {
        double rho = 0;
        for (int j = 0; j < tr.size(); j++) {
            double d = Math.abs(tr.get(j).values()[i] - te.get(j).values()[t]);
            if (d == 0) {
                continue;
            }
            int trDec = ResolutionTwins.decimals(tr.get(j).values()[i]);
            int teDec = ResolutionTwins.decimals(te.get(j).values()[t]);
            // the most the tolerance below can be: the rounding allowance needs the feature's usual precision to be the
            // finer of the two, so it is at most the finer one's; a pair this far apart is beyond the band without the
            // feature's step and usual decimals, which a measured feature would otherwise need a sort of its values for
            int finer = Math.max(trDec, teDec);
            double most = Math.max(ResolutionTwins.STEP_SHARE * stepBound[j], finer > 0 && Math.min(trDec, teDec) < finer
                    ? 0.5 * Math.pow(10, 1 - finer) * (1 + 1e-9) : 0);
            if (d > 2 * most) {
                return most == 0 ? Double.POSITIVE_INFINITY : d / most;
            }
            ResolutionTwins.Resolution r = ResolutionTwins.resolution(prepared, j);
            double tol = ResolutionTwins.STEP_SHARE * r.step();
            int coarse = Math.min(trDec, teDec);
            if (r.usual() > 0 && coarse < r.usual() && Math.max(trDec, teDec) == r.usual()) {
                // one written short of the feature's usual precision: the other rounded to one decimal fewer (13.64 as 13.6, 0.04
                // as 0.0, which reads as 0), within half a unit; 8.75 written as 8.8 is a rounding too
                tol = Math.max(tol, 0.5 * Math.pow(10, 1 - r.usual()) * (1 + 1e-9));
            }
            if (tol == 0) {
                return Double.POSITIVE_INFINITY;
            }
            rho = Math.max(rho, d / tol);
            if (rho > 2) {
                return rho;
            }
        }
        return rho;
    }

    private String describe(int i, int t) {
        List<String> diffs = new ArrayList<>();
        for (int j = 0; j < tr.size() && diffs.size() < 3; j++) {
            if (tr.get(j).values()[i] != te.get(j).values()[t]) {
                diffs.add(tr.get(j).name() + " " + te.get(j).text(t) + " vs " + tr.get(j).text(i));
            }
        }
        return diffs.isEmpty() ? "all features equal (row " + (t + 1) + ")" : String.join(", ", diffs);
    }
}
