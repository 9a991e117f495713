package org.anneal.lineage;

import java.util.Arrays;
import java.util.List;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.NumericColumn;

/**
 * D4's search for a training row within the tolerance of a test row on every standardized feature, in linear time:
 * training rows are hashed by their grid cell on a few key features (cells twice the tolerance wide, so a test row's
 * reach spans at most two cells per key feature) together with their categories; each test row probes the cells its
 * reach touches and compares only the rows found there, every coordinate, with the arithmetic the check always used. A
 * feature coarser than the tolerance (few distinct values) keeps many rows in one cell, so the key features are chosen
 * by how few rows lie within reach of a row on each ({@link #keyFeatures}). The answer is the same as comparing every
 * pair; only the work differs (the earlier sweep on one feature read thousands of rows per test row on a million).
 */
final class NearGrid {
    static final int KEY_FEATURES = 6;
    /** Cells of a box of at most three cells on each key feature. */
    private static final int SMALL_BOX = 729;

    private final double[][] trainCols;
    private final double[][] testCols;
    private final double[] mean;
    private final double[] sd;
    private final List<CategoricalColumn> trainCat;
    private final List<CategoricalColumn> testCat;
    private final double limit;
    private final double width;
    private final int[] keys;
    private final boolean[] incomplete;
    /** The training rows by cell, in bands of the first key feature's cells. */
    private final NearCells cells;
    /** The feature {@link #within} compares first ({@code checkOrder[0]}), whose values {@link NearCells} keeps; -1: none. */
    private final int firstFeature;
    /** Whether a column's standardized values can be NaN where its raw values are not (an infinite mean or sd). */
    private final boolean[] nanPossible;
    private final boolean[] trainHasNaN;
    private final boolean[] testHasNaN;
    /** Whether some feature can give NaN on the training side (a missing value, or an infinite mean or sd), and on the test side. */
    private final boolean trainNaNPossible;
    private final boolean testNaNPossible;
    /**
     * The order {@link #within} compares features in: the others before the key features, on which a row met in the probed
     * cells is close already, so that a row that is not a near-copy is told at its first feature, one read of its column.
     */
    private final int[] checkOrder;
    /** The search of the calling thread, for {@link #match}. */
    private final Search own = new Search();

    NearGrid(List<NumericColumn> trainNum, List<NumericColumn> testNum, List<CategoricalColumn> trainCat, List<CategoricalColumn> testCat,
             double limit, RankScreen screen) {
        int d = trainNum.size();
        this.trainCols = trainNum.stream().map(NumericColumn::values).toArray(double[][]::new);
        this.testCols = testNum.stream().map(NumericColumn::values).toArray(double[][]::new);
        this.mean = new double[d];
        this.sd = new double[d];
        this.nanPossible = new boolean[d];
        this.trainHasNaN = new boolean[d];
        this.testHasNaN = new boolean[d];
        boolean trainPossible = false;
        boolean testPossible = false;
        for (int j = 0; j < d; j++) {
            trainHasNaN[j] = screen.hasMissing(trainNum.get(j).values());
            testHasNaN[j] = screen.hasMissing(testNum.get(j).values());
            meanAndSd(trainCols[j], j, trainHasNaN[j], screen.moments(trainCols[j]));
            nanPossible[j] = !Double.isFinite(mean[j]) || !Double.isFinite(sd[j]);
            trainPossible |= trainHasNaN[j] || nanPossible[j];
            testPossible |= testHasNaN[j] || nanPossible[j];
        }
        this.trainNaNPossible = trainPossible;
        this.testNaNPossible = testPossible;
        this.trainCat = trainCat;
        this.testCat = testCat;
        this.limit = limit;
        this.width = Math.max(2 * limit, 1e-9);
        this.keys = keyFeatures(trainNum, screen, sd, limit);
        int n = trainCols.length == 0 ? 0 : trainCols[0].length;
        this.incomplete = new boolean[n];
        this.checkOrder = java.util.stream.IntStream.concat(java.util.stream.IntStream.range(0, d).filter(j -> !isKey(j)),
                java.util.Arrays.stream(keys)).toArray();
        this.firstFeature = checkOrder.length == 0 ? -1 : checkOrder[0];
        long[] cellKeys = new long[n];
        long[] firstCells = new long[n];
        for (int from = 0; from < n; from = Chunks.end(from, n)) {
            cellKeys(cellKeys, firstCells, from, Chunks.end(from, n));
            CheckBounds.checkInterrupted();
        }
        double[] firstZ = new double[n];
        for (int from = 0; firstFeature >= 0 && from < n; from = Chunks.end(from, n)) {
            standardize(firstZ, trainCols[firstFeature], mean[firstFeature], sd[firstFeature], from, Chunks.end(from, n));
        }
        this.cells = new NearCells(cellKeys, firstCells, incomplete, firstZ);
    }

    /**
     * The cell keys of training rows {@code from} to {@code to}, and their cells on the first key feature (which orders
     * the bands of {@link NearCells}), a piece at a time ({@link Chunks}), key feature by key feature: one tight loop
     * over a column each. A row with a missing value gets a key too, never used.
     */
    private void cellKeys(long[] cellKeys, long[] firstCells, int from, int to) {
        for (int r = from; r < to; r++) {
            incomplete[r] = hasNaN(trainCols, r);
        }
        if (trainCat.isEmpty()) {
            java.util.Arrays.fill(cellKeys, from, to, catHash(trainCat, from));
        } else {
            for (int r = from; r < to; r++) {
                cellKeys[r] = catHash(trainCat, r);
            }
        }
        for (int q = 0; q < keys.length; q++) {
            int j = keys[q];
            foldCells(cellKeys, q == 0 ? firstCells : null, trainCols[j], mean[j], sd[j], width, q, from, to);
        }
    }

    /** Folds the cells of one key feature (as {@link #z} over the width, floored) into the keys; {@code cells} keeps them. */
    private static void foldCells(long[] keys, long[] cells, double[] v, double mean, double sd, double width, int q, int from, int to) {
        for (int r = from; r < to; r++) {
            long cell = (long) Math.floor((v[r] - mean) / sd / width);
            keys[r] ^= cellHash(q, cell);
            if (cells != null) {
                cells[r] = cell;
            }
        }
    }

    /** {@link #z} of one column's values {@code from} to {@code to}, the same arithmetic. */
    private static void standardize(double[] out, double[] v, double mean, double sd, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (v[i] - mean) / sd;
        }
    }

    private boolean isKey(int j) {
        return java.util.Arrays.stream(keys).anyMatch(k -> k == j);
    }

    /**
     * A cell's part of the key: a hash per key feature, the parts joined by exclusive or, so that a test row's box of
     * cells costs two hashes per key feature rather than one per feature for every cell of the box.
     */
    private static long cellHash(int q, long cell) {
        return RowHashes.mix(cell ^ 0x9E3779B97F4A7C15L * (q + 1));
    }

    /**
     * Mean and sample sd of the training values, NaN aside, as D4 always standardized (a constant column gets sd 1); from
     * D3's sums of the column ({@link RankScreen#moments}, a column without NaN) when it made them, the same sums in the
     * same order.
     */
    private void meanAndSd(double[] v, int j, boolean hasNaN, double[] kept) {
        int cnt = hasNaN ? numbers(v) : v.length;
        boolean reuse = kept != null && !hasNaN;
        mean[j] = cnt == 0 ? 0 : (reuse ? kept[0] : sumOfNumbers(v)) / cnt;
        double ss = reuse ? kept[1] : squaresAbout(v, mean[j]);
        sd[j] = cnt > 1 && ss > 0 ? Math.sqrt(ss / (cnt - 1)) : 1;
    }

    // one loop a method, called a piece at a time: each compiled once for all the features in a cold process ({@link Chunks});
    // the sums run on from piece to piece, so they are the single loop's, bit for bit

    private static int numbers(double[] v) {
        int cnt = 0;
        for (double x : v) {
            cnt += Double.isNaN(x) ? 0 : 1;
        }
        return cnt;
    }

    private static double sumOfNumbers(double[] v) {
        double sum = 0;
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
            sum = sumOfNumbers(v, from, Chunks.end(from, v.length), sum);
        }
        return sum;
    }

    private static double sumOfNumbers(double[] v, int from, int to, double sum) {
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                sum += v[i];
            }
        }
        return sum;
    }

    private static double squaresAbout(double[] v, double mean) {
        double ss = 0;
        for (int from = 0; from < v.length; from = Chunks.end(from, v.length)) {
            ss = squaresAbout(v, from, Chunks.end(from, v.length), mean, ss);
        }
        return ss;
    }

    private static double squaresAbout(double[] v, int from, int to, double mean, double ss) {
        for (int i = from; i < to; i++) {
            if (!Double.isNaN(v[i])) {
                ss += (v[i] - mean) * (v[i] - mean);
            }
        }
        return ss;
    }

    /** The standardized value of feature {@code j} in row {@code i} of {@code cols}. */
    double z(double[][] cols, int j, int i) {
        return (cols[j][i] - mean[j]) / sd[j];
    }

    double[][] trainCols() {
        return trainCols;
    }

    double[][] testCols() {
        return testCols;
    }

    int completeTrainRows() {
        int c = 0;
        for (boolean b : incomplete) {
            c += b ? 0 : 1;
        }
        return c;
    }

    boolean hasNaN(double[][] cols, int i) {
        boolean train = cols == trainCols;
        if (!(train ? trainNaNPossible : testNaNPossible)) {
            return false; // no feature can give NaN on this side: asked once a row, told without a look at the features
        }
        boolean[] missing = train ? trainHasNaN : testHasNaN;
        for (int j = 0; j < cols.length; j++) {
            // a finite mean and sd turn a number into a number: only a missing value can give NaN then
            if ((missing[j] || nanPossible[j]) && Double.isNaN(z(cols, j, i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The training row that is a near-copy of test row {@code t}: with {@code all} false the first one met (or -1);
     * with {@code all} true the one with the smallest standardized value on feature {@code order}, then the smallest index.
     */
    int match(int t, boolean all, int order) {
        return own.match(t, all, order);
    }

    /**
     * The test rows to search, in the order of their band ({@link NearCells}), with what their search needs read from the
     * columns in one pass beforehand (their key values over the cell width, and their value on the feature compared
     * first): in this order the probes of consecutive rows stay in one or two bands, in cache.
     */
    final class Visit {
        /** The test row at each position. */
        final int[] rows;
        /** u[q][p]: the standardized value over the cell width on key feature q of the row at position p. */
        private final double[][] u;
        /** The standardized value on the feature compared first, of the row at each position. */
        private final double[] firstZ;

        /** Test rows that are not {@code skip}ped and have every feature, in band order. */
        Visit(boolean[] skip) {
            int n = testCols.length == 0 ? 0 : testCols[0].length;
            int[] band = new int[n];
            int[] count = new int[cells.bands() + 1];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                bands(skip, band, count, from, Chunks.end(from, n));
                CheckBounds.checkInterrupted();
            }
            for (int b = 0; b < count.length - 1; b++) {
                count[b + 1] += count[b];
            }
            int size = count[count.length - 1];
            int[] at = new int[count.length];
            System.arraycopy(count, 0, at, 1, count.length - 1);
            rows = new int[size];
            u = new double[keys.length][size];
            firstZ = new double[size];
            for (int from = 0; from < n; from = Chunks.end(from, n)) {
                place(band, at, from, Chunks.end(from, n));
                CheckBounds.checkInterrupted();
            }
        }

        /** Test rows {@code from} to {@code to} put at their positions, in order within each band. */
        private void place(int[] band, int[] at, int from, int to) {
            for (int t = from; t < to; t++) {
                if (band[t] >= 0) {
                    int p = at[band[t]]++;
                    rows[p] = t;
                    for (int q = 0; q < keys.length; q++) {
                        u[q][p] = z(testCols, keys[q], t) / width;
                    }
                    firstZ[p] = firstFeature < 0 ? 0 : z(testCols, firstFeature, t);
                }
            }
        }

        /** The band of test rows {@code from} to {@code to} (-1: not searched), counted per band. */
        private void bands(boolean[] skip, int[] band, int[] count, int from, int to) {
            for (int t = from; t < to; t++) {
                if (skip[t] || hasNaN(testCols, t)) {
                    band[t] = -1;
                } else {
                    band[t] = keys.length == 0 ? 0 : cells.band(Search.low(z(testCols, keys[0], t) / width));
                    count[band[t]]++;
                }
            }
        }

        int size() {
            return rows.length;
        }
    }

    /**
     * One thread's search: the box of cells a test row's reach touches, reused from row to row, so that threads sharing
     * the test rows of one grid ({@link ChecksBeside#share}) each take their own.
     */
    final class Search {
        private final long[] lo = new long[KEY_FEATURES];
        private final long[] hi = new long[KEY_FEATURES];
        private final long[] at = new long[KEY_FEATURES];
        /** The keys of the cells of a test row's box, when every key feature spans at most three cells (nearly always). */
        private final long[] box = new long[SMALL_BOX];
        /** The band of each cell of {@link #box}. */
        private final int[] boxBand = new int[SMALL_BOX];

        /** The first cell a value reaches (over the cell width): rounding in u cannot move a reachable row outside it. */
        static long low(double u) {
            return (long) Math.floor(u - 0.5 - 1e-9 * (1 + Math.abs(u)));
        }

        private static long high(double u) {
            return (long) Math.floor(u + 0.5 + 1e-9 * (1 + Math.abs(u)));
        }

        /** {@link NearGrid#match}, with this search's buffers. */
        int match(int t, boolean all, int order) {
            for (int q = 0; q < keys.length; q++) {
                double u = z(testCols, keys[q], t) / width;
                lo[q] = low(u);
                hi[q] = high(u);
            }
            return search(t, firstFeature < 0 ? 0 : z(testCols, firstFeature, t), all, order);
        }

        /** Whether the test row at position {@code p} of {@code visit} has a near-copy. */
        boolean near(Visit visit, int p) {
            for (int q = 0; q < keys.length; q++) {
                double u = visit.u[q][p];
                lo[q] = low(u);
                hi[q] = high(u);
            }
            return search(visit.rows[p], visit.firstZ[p], false, 0) >= 0;
        }

        private int search(int t, double firstZ, boolean all, int order) {
            int k = keys.length;
            boolean small = true;
            for (int q = 0; q < k; q++) {
                small &= hi[q] - lo[q] < 3;
            }
            long base = catHash(testCat, t);
            return small ? matchBox(t, firstZ, all, order, boxKeys(base, k)) : matchOdometer(t, firstZ, all, order, base, k);
        }

        /**
         * The keys of every cell of the box, doubling (or tripling) the list key feature by key feature, into {@link #box},
         * and their bands into {@link #boxBand}; returns how many. The cells are then probed in one plain loop over the list.
         */
        private int boxKeys(long base, int k) {
            box[0] = base;
            boxBand[0] = cells.band(0);
            int size = 1;
            for (int q = 0; q < k; q++) {
                int n = (int) (hi[q] - lo[q] + 1);
                for (int c = n - 1; c >= 0; c--) { // the first cell last: it overwrites the list the others are made from
                    long part = cellHash(q, lo[q] + c);
                    int band = q == 0 ? cells.band(lo[q] + c) : -1;
                    for (int i = 0; i < size; i++) {
                        box[c * size + i] = box[i] ^ part;
                        boxBand[c * size + i] = q == 0 ? band : boxBand[i];
                    }
                }
                size *= n;
            }
            return size;
        }

        /** The best row (or the first met, {@code all} false) among the cells of {@link #box}, in a row order of its own. */
        private int matchBox(int t, double firstZ, boolean all, int order, int size) {
            int best = -1;
            for (int i = 0; i < size; i++) {
                for (int p = cells.first(box[i], boxBand[i]); p >= 0; p = cells.next(p, box[i])) {
                    if (cells.surelyFar(p, firstZ, limit)) {
                        continue;
                    }
                    int r = cells.row(p);
                    if (sameCategories(r, t) && within(r, t)) {
                        if (!all) {
                            return r;
                        }
                        best = better(r, best, order);
                    }
                }
            }
            return best;
        }

        /** The cells of a box too wide for {@link #box} (a value far out), walked as an odometer, their keys made as met. */
        private int matchOdometer(int t, double firstZ, boolean all, int order, long base, int k) {
            java.util.Arrays.fill(at, 0, k, 0);
            int best = -1;
            while (true) {
                long h = base;
                for (int q = 0; q < k; q++) {
                    h ^= cellHash(q, lo[q] + at[q]);
                }
                for (int p = cells.first(h, cells.band(k == 0 ? 0 : lo[0] + at[0])); p >= 0; p = cells.next(p, h)) {
                    if (cells.surelyFar(p, firstZ, limit)) {
                        continue;
                    }
                    int r = cells.row(p);
                    if (sameCategories(r, t) && within(r, t)) {
                        if (!all) {
                            return r;
                        }
                        best = better(r, best, order);
                    }
                }
                int q = 0; // the next cell of the box lo..hi
                while (q < k && lo[q] + at[q] == hi[q]) {
                    at[q] = 0;
                    q++;
                }
                if (q == k) {
                    return best;
                }
                at[q]++;
            }
        }
    }

    /** Of two near-copies, the one with the smaller standardized value on feature {@code order}, then the smaller index. */
    private int better(int r, int best, int order) {
        if (best < 0) {
            return r;
        }
        int c = Double.compare(z(trainCols, order, r), z(trainCols, order, best));
        return c < 0 || c == 0 && r < best ? r : best;
    }

    /** Every coordinate within the tolerance, giving up at the first that is not. */
    private boolean within(int r, int t) {
        for (int j : checkOrder) {
            if (Math.abs(z(trainCols, j, r) - z(testCols, j, t)) > limit) {
                return false;
            }
        }
        return true;
    }

    private boolean sameCategories(int r, int t) {
        for (int c = 0; c < trainCat.size(); c++) {
            if (!trainCat.get(c).text(r).equals(testCat.get(c).text(t))) {
                return false;
            }
        }
        return true;
    }

    private static long catHash(List<CategoricalColumn> cat, int row) {
        long h = 0x632BE59BD9B4E019L;
        for (int c = 0; c < cat.size(); c++) { // by index: no iterator per row while the JIT has not compiled this yet
            h = RowHashes.mix(h ^ RowHashes.text(cat.get(c).text(row)));
        }
        return h;
    }

    /**
     * The key features: those on which a row has the fewest others within reach (the tolerance measured against each
     * feature's resolution, see {@link RankScreen.Histogram#closeShare}), as many as make the search cheapest: each key
     * feature doubles the cells a test row probes (2^k, most of them empty and answered by the index's bit filter) and
     * divides the rows met in them by its share. At most {@value #KEY_FEATURES}. A coarse feature (a count, a flag)
     * keeps many rows together, so it comes last or not at all.
     */
    private static int[] keyFeatures(List<NumericColumn> num, RankScreen screen, double[] sd, double limit) {
        int d = num.size();
        double[] share = new double[d];
        for (int j = 0; j < d; j++) {
            share[j] = screen.hasMissing(num.get(j).values()) ? 1 : screen.histogram(num.get(j).values()).closeShare(limit * sd[j]);
        }
        Integer[] order = new Integer[d];
        Arrays.setAll(order, j -> j);
        Arrays.sort(order, (a, b) -> Double.compare(share[a], share[b]));
        double rows = d == 0 ? 0 : num.get(0).size();
        int best = Math.min(1, d);
        double bestCost = Double.MAX_VALUE;
        for (int k = 1; k <= Math.min(d, KEY_FEATURES); k++) {
            rows *= share[order[k - 1]];
            double cost = (1 << k) * (1 + rows); // probes, and rows compared in the cells probed
            if (cost < bestCost) {
                bestCost = cost;
                best = k;
            }
        }
        return Arrays.stream(order).limit(best).mapToInt(Integer::intValue).toArray();
    }
}
