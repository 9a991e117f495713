package org.anneal.lineage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;

/**
 * D4: test rows that are near-copies of a training row. Two kinds of "near":
 * <ul>
 * <li>in feature space: a training row whose every numeric feature lies within {@code nearDistance} training standard
 * deviations of the test row's (0.01 = 1 % of a standard deviation, about the repeatability of one measurement; a
 * maximum rather than an average, so that one clearly different feature, such as the age of a concrete specimen,
 * makes the rows different), and every categorical feature equal. Tensor features (images, spectra) are left out of
 * the comparison: two rows alike on every scalar feature are the same sample measured again even when the noise of the
 * measurement makes their spectra differ, and exact tensor copies are D1's. Rows that are exact copies (D1) and rows
 * with a missing numeric feature are not counted here. Skipped with fewer than {@code nearMinFeatures} numeric
 * features that are not monotone functions of one another (close on one or two features happens by chance) and for
 * time-indexed rows, where neighbouring time steps are alike by nature and D5 checks the split instead. Reported only when there are clearly more such rows than
 * chance gives: the expected count for unrelated rows (product of the per-feature shares of training rows within the
 * tolerance) is computed, and the count must be improbable under a Poisson law with that mean (p &lt; 0.001).</li>
 * <li>for compositions: when a column is named like a formula column ("formula", "composition"), the same reduced
 * formula on both sides, so "Fe2O3" in test and "Fe4O6" in train are the same compound.</li>
 * </ul>
 * The search is exact and linear ({@link NearGrid}): training rows hashed by their cell on a grid of twice the tolerance
 * over a few features, each test row comparing only the rows in the cells within its reach. The example pair quoted is
 * the one the earlier sweep (sorted by the feature with the most distinct values) met first.
 */
final class NearDuplicates {
    private NearDuplicates() {
    }

    /** Test rows per piece of the search, when the pieces are shared between threads. */
    private static final int PIECE_ROWS = 1 << 14;

    static void check(String split, Table train, Table test, DynamicChecks.Thresholds th, Set<Integer> exactCopies, List<Finding> out) {
        check(split, train, test, th, exactCopies, new RankScreen(), CheckProgress.NONE, null, out);
    }

    /**
     * As above, with the ranks shared with the other checks, the search's progress reported, and its test rows in pieces
     * that a worker of {@code beside} shares (none: this thread searches alone). Each piece counts its own near-copies and
     * keeps its first, so the finding is the one a single pass over the rows gives.
     */
    static void check(String split, Table train, Table test, DynamicChecks.Thresholds th, Set<Integer> exactCopies, RankScreen screen,
                      CheckProgress progress, ChecksBeside beside, List<Finding> out) {
        formulas(split, train, test, th, out);
        List<NumericColumn> num = train.features().stream().filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).toList();
        List<CategoricalColumn> cat = train.features().stream().filter(CategoricalColumn.class::isInstance).map(CategoricalColumn.class::cast)
                .filter(c -> !isFormula(c, th)).toList();
        boolean series = train.columns().stream().anyMatch(c -> c.role() == org.anneal.spec.ColumnRole.TIME);
        if (series || train.rowCount() < 10 || independentCount(num, th.nearMinFeatures(), screen) < th.nearMinFeatures()) {
            return;
        }
        int d = num.size();
        NearGrid grid = new NearGrid(num, num.stream().map(c -> (NumericColumn) test.column(c.name()).orElseThrow()).toList(), cat,
                cat.stream().map(c -> (CategoricalColumn) test.column(c.name()).orElseThrow()).toList(), th.nearDistance(), screen);
        int testRows = test.rowCount();
        boolean[] copy = new boolean[testRows];
        exactCopies.forEach(t -> copy[t] = true);
        NearGrid.Visit visit = grid.new Visit(copy); // the rows searched (no copy, no missing value), in the order of the grid's bands
        int rows = visit.size();
        int pieces = (rows + PIECE_ROWS - 1) / PIECE_ROWS;
        int[] nearIn = new int[pieces];
        int[] firstIn = new int[pieces];
        Thread caller = Thread.currentThread();
        java.util.function.Supplier<java.util.function.IntConsumer> searcher = () -> {
            NearGrid.Search search = grid.new Search();
            return piece -> {
                firstIn[piece] = -1;
                for (int p = piece * PIECE_ROWS; p < Math.min(rows, (piece + 1) * PIECE_ROWS); p++) {
                    if ((p & 0xFFF) == 0) {
                        CheckBounds.checkInterrupted();
                        if (Thread.currentThread() == caller) { // progress is reported from the calling thread only
                            progress.at(split, "near-copies of training rows", p / (double) rows);
                        }
                    }
                    if (search.near(visit, p)) {
                        int t = visit.rows[p];
                        nearIn[piece]++;
                        firstIn[piece] = firstIn[piece] < 0 ? t : Math.min(firstIn[piece], t);
                    }
                }
            };
        };
        if (beside == null) {
            java.util.function.IntConsumer alone = searcher.get();
            for (int p = 0; p < pieces; p++) {
                alone.accept(p);
            }
        } else {
            beside.share(pieces, searcher).join();
        }
        int near = 0;
        int example = -1; // the first test row with a near-copy: the smallest of each piece's smallest
        for (int p = 0; p < pieces; p++) {
            near += nearIn[p];
            example = example < 0 || firstIn[p] >= 0 && firstIn[p] < example ? firstIn[p] : example;
        }
        if (near == 0) {
            return; // nothing close: nothing to weigh against chance
        }
        double chance = expectedByChance(grid, grid.completeTrainRows(), th.nearDistance());
        if (poissonTail(near, chance) > 0.001) {
            return; // no more close pairs than unrelated rows plausibly give: no evidence of copies
        }
        // the example pair as the earlier sweep met it: the training row first in the order of the most distinct feature
        int exampleTrain = grid.match(example, true, mostDistinct(num));
        double share = near / (double) test.rowCount();
        out.add(new Finding("D4", share > th.nearErrorShare() ? Severity.ERROR : Severity.WARNING, "Test rows nearly copy training rows.",
                String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) have a training row within %.3g standard deviations on "
                        + "every one of %d numeric features, e.g. test row %d and training row %d (unrelated rows would "
                        + "give about %.1f). Such rows "
                        + "are usually repeats of one sample (replicates, the same material measured twice), so the model is tested "
                        + "on samples it has seen. Error above %.1f %% of the test rows.", near, test.rowCount(), split, 100 * share,
                        th.nearDistance(), d, example + 1, exampleTrain + 1, chance, 100 * th.nearErrorShare()),
                "Average the replicates of each sample first (Average replicates), or declare the sample column as group and use a "
                        + "Group split.", List.of(split), List.of()));
    }

    /** The compositional case: the same reduced formula on both sides of the split. */
    private static void formulas(String split, Table train, Table test, DynamicChecks.Thresholds th, List<Finding> out) {
        for (Column c : train.columns()) {
            if (!(c instanceof CategoricalColumn f) || !isFormula(f, th)) {
                continue;
            }
            Map<String, String> trainFormula = new HashMap<>();
            for (int i = 0; i < f.size(); i++) {
                String r = f.isMissing(i) ? null : Formulas.reduced(f.get(i));
                if (r != null) {
                    trainFormula.putIfAbsent(r, f.get(i));
                }
            }
            CategoricalColumn tf = (CategoricalColumn) test.column(f.name()).orElseThrow();
            int same = 0;
            List<String> examples = new ArrayList<>();
            for (int i = 0; i < tf.size(); i++) {
                String r = tf.isMissing(i) ? null : Formulas.reduced(tf.get(i));
                if (r != null && trainFormula.containsKey(r)) {
                    same++;
                    if (examples.size() < 3) {
                        examples.add(tf.get(i) + " (train: " + trainFormula.get(r) + ")");
                    }
                }
            }
            if (same > 0) {
                double share = same / (double) tf.size();
                out.add(new Finding("D4", share > th.nearErrorShare() ? Severity.ERROR : Severity.WARNING, "The same compounds on both sides.",
                        String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) have a formula in '%s' that reduces to the formula of "
                                + "a training row, e.g. %s. The model is tested on compounds it has already seen, not on new ones, so the score is "
                                + "optimistic for new compounds. "
                                + "Error above %.1f %% of the test rows.", same, tf.size(), split, 100 * share, f.name(),
                                String.join(", ", examples), 100 * th.nearErrorShare()),
                        "Declare '" + f.name() + "' as the group column at the data source and use a Group split, so that every "
                                + "compound is entirely in train or in test.", List.of(split), List.of()));
            }
        }
    }

    static boolean isFormula(Column c, DynamicChecks.Thresholds th) {
        return c instanceof CategoricalColumn k && (th.formulaColumns().stream().anyMatch(n -> n.equalsIgnoreCase(c.name()))
                || FormulaContent.holdsFormulas(k)); // issue 16: by content too ("formula_pretty", "reduced_formula")
    }

    /**
     * How many features remain (up to {@code enough}) once those that are a monotone function of a kept one (|Spearman|
     * above 0.99: x and x³, x² and x⁴ on a symmetric range) are set aside: polynomial columns of one variable add no
     * dimension in which two rows could differ.
     */
    static int independentCount(List<NumericColumn> cols, int enough) {
        return independentCount(cols, enough, new RankScreen());
    }

    static int independentCount(List<NumericColumn> cols, int enough, RankScreen screen) {
        List<double[]> kept = new ArrayList<>();
        for (NumericColumn c : cols) {
            if (screen.hasMissing(c.values())) {
                continue;
            }
            double[] v = c.values();
            if (kept.stream().noneMatch(k -> screen.spearmanIfAbove(k, v, 0.99) > 0.99)) {
                kept.add(v);
                if (kept.size() >= enough) {
                    return kept.size();
                }
            }
        }
        return kept.size();
    }

    /**
     * How many test rows would have a training row this close if the features of different rows were unrelated: for each
     * test row, the product over features of the share of training rows within the tolerance on that feature, times the
     * number of training rows (capped at 1 per test row). Skewed or coarse columns make chance matches common; replicates
     * and copies give far more than this.
     */
    private static double expectedByChance(NearGrid grid, int trainRows, double limit) {
        double[][] train = grid.trainCols();
        double[][] test = grid.testCols();
        int d = train.length;
        double[][] sorted = new double[d][];
        for (int j = 0; j < d; j++) {
            double[] z = new double[train[j].length];
            int m = 0;
            for (int i = 0; i < z.length; i++) {
                double x = grid.z(train, j, i);
                if (!Double.isNaN(x)) {
                    z[m++] = x;
                }
            }
            sorted[j] = Arrays.copyOf(z, m);
            Arrays.sort(sorted[j]);
            CheckBounds.checkInterrupted();
        }
        double total = 0;
        int n = d == 0 ? 0 : test[0].length;
        for (int t = 0; t < n; t++) {
            if (grid.hasNaN(test, t)) {
                continue;
            }
            double p = 1;
            for (int j = 0; j < d && p * trainRows > 1e-9; j++) {
                double x = grid.z(test, j, t);
                int lo = RankScreen.lowerBound(sorted[j], x - limit);
                int hi = RankScreen.lowerBound(sorted[j], Math.nextUp(x + limit));
                p *= (hi - lo) / (double) Math.max(1, sorted[j].length);
            }
            total += Math.min(1, p * trainRows);
        }
        return total;
    }

    /** P(X ≥ k) for X ~ Poisson(λ), summed in log space so that large k cannot overflow. */
    static double poissonTail(int k, double lambda) {
        if (lambda <= 0) {
            return k <= 0 ? 1 : 0;
        }
        double below = 0;
        double logTerm = -lambda; // log P(X = 0)
        for (int i = 0; i < k; i++) {
            below += Math.exp(logTerm);
            logTerm += Math.log(lambda) - Math.log(i + 1);
        }
        return Math.max(0, 1 - below);
    }

    /** Distinct values as {@code Double.equals} counts them (-0.0 and 0.0 two, every NaN one), without boxing. */
    static long distinct(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        long n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || Double.doubleToLongBits(s[i]) != Double.doubleToLongBits(s[i - 1])) {
                n++;
            }
        }
        return n;
    }

    /** The column that orders the rows best: with many distinct values the sweep window holds few rows. */
    private static int mostDistinct(List<NumericColumn> cols) {
        int best = 0;
        long most = -1;
        for (int j = 0; j < cols.size(); j++) {
            long n = distinct(cols.get(j).values());
            if (n > most) {
                most = n;
                best = j;
            }
        }
        return best;
    }
}
