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
 * resolution, among the training rows in its cell and the two beside it on the key feature. A piece counts its twins and
 * its chance band and keeps its first examples; {@link #report} adds the pieces up in the order of their rows, so the
 * finding is the one a single pass over the rows gives.
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
    private final ResolutionTwins.Resolution[] res;
    private final double width;
    private final Cells cells;
    private final boolean[] copy;
    private final double[] tk;
    /** The test rows' first feature, which {@link #scan} looks at before anything else of a pair. */
    private final double[] te0;
    private final int testRows;
    private final int[] twins;
    private final int[] band;
    private final List<List<String>> examples = new ArrayList<>();

    private TwinScan(ResolutionTwins.Prepared p, Table test, Set<Integer> copies, double width) {
        this.tr = p.tr();
        this.te = p.te();
        this.stepBound = p.stepBound();
        this.res = p.res();
        this.width = width;
        this.cells = Cells.of(tr.get(p.key()).values(), tr.get(0).values(), width);
        this.te0 = te.get(0).values();
        this.testRows = test.rowCount();
        this.copy = new boolean[testRows];
        copies.forEach(t -> copy[t] = true);
        this.tk = te.get(p.key()).values();
        int pieces = pieces(testRows);
        this.twins = new int[pieces];
        this.band = new int[pieces];
        for (int i = 0; i < pieces; i++) {
            examples.add(new ArrayList<>());
        }
    }

    /**
     * The comparison of a prepared split, its training rows placed in cells of the key feature (cells twice the key's
     * tolerance wide); null when the key feature has no usable resolution (nothing can be a twin then).
     */
    static TwinScan of(ResolutionTwins.Prepared p, Table test, Set<Integer> copies) {
        ResolutionTwins.Resolution kr = ResolutionTwins.resolution(p.res(), p.tr(), p.te(), p.key());
        double width = 2 * Math.max(kr.usual() > 0 ? 0.5 * Math.pow(10, 1 - kr.usual()) : 0, ResolutionTwins.STEP_SHARE * kr.step());
        if (!(width > 0) || !Double.isFinite(width)) {
            return null;
        }
        return new TwinScan(p, test, copies, width);
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

    private void scan(int piece) {
        int end = Math.min(testRows, (piece + 1) * PIECE_ROWS);
        for (int t = piece * PIECE_ROWS; t < end; t++) {
            if (copy[t]) {
                continue;
            }
            if ((t & 0xFFF) == 0) {
                CheckBounds.checkInterrupted();
            }
            scanRow(piece, t);
        }
    }

    /**
     * Test row t of piece p: a method of its own, called for every row, which the JIT of a cold process compiles once
     * (a row loop compiled on the stack was thrown away at the end of each piece and compiled again).
     */
    private void scanRow(int piece, int t) {
        long cell = (long) Math.floor(tk[t] / width);
        double best = Double.POSITIVE_INFINITY;
        int bestRow = -1;
        int compared = 0;
        double beyond = Double.NaN; // a pair further apart on the first feature is beyond the band; worked out at the first
                                    // training row met (most test rows of a measured table meet none)
        for (long c = cell - 1; c <= cell + 1 && compared < MAX_COMPARISONS; c++) {
            for (int at = cells.first(c); at >= 0; at = cells.next(at, c)) {
                int i = cells.row(at);
                if (Double.isNaN(beyond)) {
                    beyond = 2 * mostOnFirst(t);
                }
                // as distance() would answer (some value above 2), without the training value's decimals
                double rho = Math.abs(cells.firstFeature(at) - te0[t]) > beyond ? Double.POSITIVE_INFINITY : distance(i, t);
                compared++;
                if (rho < best) {
                    best = rho;
                    bestRow = i;
                }
            }
        }
        if (best <= 1) {
            twins[piece]++;
            if (examples.get(piece).size() < EXAMPLES) {
                examples.get(piece).add(describe(bestRow, t));
            }
        } else if (best <= 2) {
            band[piece]++;
        }
    }

    /** The finding, when every piece is done: twins that beat chance. */
    void report(String split, DynamicChecks.Thresholds th, List<Finding> out) {
        int twinCount = 0;
        int bandCount = 0;
        List<String> first = new ArrayList<>();
        for (int p = 0; p < twins.length; p++) {
            twinCount += twins[p];
            bandCount += band[p];
            examples.get(p).stream().limit(EXAMPLES - first.size()).forEach(first::add);
        }
        if (twinCount < 3 || twinCount <= ResolutionTwins.CHANCE_FACTOR * bandCount) {
            return;
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
     * The most the first feature's tolerance can be for any pair with test row t, not knowing the training row: the
     * rounding allowance of {@link #distance} needs the finer of the two decimals, at least the test value's (and 1).
     */
    private double mostOnFirst(int t) {
        int teDec = Math.max(1, ResolutionTwins.decimals(te0[t]));
        return Math.max(ResolutionTwins.STEP_SHARE * stepBound[0], 0.5 * Math.pow(10, 1 - teDec) * (1 + 1e-9));
    }

    /** Largest difference over features in units of that pair's tolerance: ≤ 1 twins, 1–2 the chance band. */
    private double distance(int i, int t) {
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
            ResolutionTwins.Resolution r = ResolutionTwins.resolution(res, tr, te, j);
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

    /**
     * The training rows by their cell on the key feature, each cell's rows in order (as the lists of a map from cell to
     * rows gave them, without a boxed key or index per row), walked by place: {@link #first}/{@link #next} give places,
     * {@link #row} the row at a place and {@link #firstFeature} its first feature.
     */
    private abstract static class Cells {
        /** Cells between the smallest and the largest key at most, for the counting sort; beyond it, a hash of the cells. */
        static final long DENSE_CELLS = 1 << 22;

        abstract int first(long c);

        abstract int next(int at, long c);

        abstract int row(int at);

        abstract double firstFeature(int at);

        static Cells of(double[] kv, double[] first, double width) {
            double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (int from = 0; from < kv.length; from = Chunks.end(from, kv.length)) {
                RankScreen.Histogram.range(kv, from, Chunks.end(from, kv.length), range); // the kernel D3 compiled already
            }
            double lo = range[0];
            double hi = range[1];
            long min = (long) Math.floor(lo / width); // floor(x / width) grows with x: every cell lies between these two
            long max = (long) Math.floor(hi / width);
            return kv.length > 0 && max - min < DENSE_CELLS ? new Sorted(kv, first, width, min, (int) (max - min + 1)) : new Hashed(kv, first, width);
        }
    }

    /**
     * Rows sorted by cell with a counting sort (the rows of a cell stay in order), a table from cell to its first place,
     * and the first feature copied beside them: a test row reads its three cells' rows as one run of memory instead of
     * chasing each through a hash table into the columns (issue 16, "Performance").
     */
    private static final class Sorted extends Cells {
        private final long min;
        private final int[] start;
        private final int[] rows;
        private final double[] firsts;

        Sorted(double[] kv, double[] first, double width, long min, int cells) {
            this.min = min;
            int n = kv.length;
            int[] cellOf = new int[n];
            start = new int[cells + 1];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                count(kv, width, min, cellOf, from, Chunks.end(from, n));
            }
            for (int c = 0; c < cells; c++) {
                start[c + 1] += start[c];
            }
            int[] at = java.util.Arrays.copyOf(start, cells);
            rows = new int[n];
            firsts = new double[n];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                place(first, cellOf, at, from, Chunks.end(from, n));
            }
            CheckBounds.checkInterrupted();
        }

        // the loops over the rows a piece at a time ({@link Chunks})

        private void count(double[] kv, double width, long min, int[] cellOf, int from, int to) {
            for (int i = from; i < to; i++) {
                cellOf[i] = (int) ((long) Math.floor(kv[i] / width) - min);
                start[cellOf[i] + 1]++;
            }
        }

        private void place(double[] first, int[] cellOf, int[] at, int from, int to) {
            for (int i = from; i < to; i++) {
                int place = at[cellOf[i]]++;
                rows[place] = i;
                firsts[place] = first[i];
            }
        }

        @Override
        int first(long c) {
            long k = c - min;
            return k < 0 || k >= start.length - 1 || start[(int) k] == start[(int) k + 1] ? -1 : start[(int) k];
        }

        @Override
        int next(int at, long c) {
            return at + 1 < start[(int) (c - min) + 1] ? at + 1 : -1;
        }

        @Override
        int row(int at) {
            return rows[at];
        }

        @Override
        double firstFeature(int at) {
            return firsts[at];
        }
    }

    /** The cells through a hash table from cell to its rows, for keys spread over too many cells to count them. */
    private static final class Hashed extends Cells {
        private final long[] cellOf;
        private final double[] firsts;
        private final RowHashes.Index index;

        Hashed(double[] kv, double[] first, double width) {
            cellOf = new long[kv.length];
            firsts = first;
            long[] hashes = new long[kv.length];
            for (int i = 0; i < kv.length; i++) {
                cellOf[i] = (long) Math.floor(kv[i] / width);
                hashes[i] = RowHashes.mix(cellOf[i]);
            }
            index = new RowHashes.Index(hashes, null);
        }

        @Override
        int first(long c) {
            return skip(index.first(RowHashes.mix(c)), c);
        }

        @Override
        int next(int i, long c) {
            return skip(index.next(i), c);
        }

        /** A chain can hold rows of another cell alike in the bits the index keeps: they are passed over. */
        private int skip(int i, long c) {
            while (i >= 0 && cellOf[i] != c) {
                i = index.next(i);
            }
            return i;
        }

        @Override
        int row(int at) {
            return at;
        }

        @Override
        double firstFeature(int at) {
            return firsts[at];
        }
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
