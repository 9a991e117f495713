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
 * The search is exact: training rows sorted by the feature with the most distinct values, and for each test row only the
 * window of rows within reach on that feature is scanned, each distance abandoned as soon as it exceeds the tolerance.
 */
final class NearDuplicates {
    private NearDuplicates() {
    }

    static void check(String split, Table train, Table test, DynamicChecks.Thresholds th, Set<Integer> exactCopies, List<Finding> out) {
        formulas(split, train, test, th, out);
        List<NumericColumn> num = train.features().stream().filter(NumericColumn.class::isInstance).map(NumericColumn.class::cast).toList();
        List<CategoricalColumn> cat = train.features().stream().filter(CategoricalColumn.class::isInstance).map(CategoricalColumn.class::cast)
                .filter(c -> !isFormula(c, th)).toList();
        boolean series = train.columns().stream().anyMatch(c -> c.role() == org.anneal.spec.ColumnRole.TIME);
        if (series || train.rowCount() < 10 || independentCount(num, th.nearMinFeatures()) < th.nearMinFeatures()) {
            return;
        }
        int d = num.size();
        double[][] a = standardized(num, train, num);
        double[][] b = standardized(num, train, num.stream().map(c -> (NumericColumn) test.column(c.name()).orElseThrow()).toList());
        List<List<String>> trainCat = catKeys(cat, train);
        List<List<String>> testCat = catKeys(cat.stream().map(c -> (CategoricalColumn) test.column(c.name()).orElseThrow()).toList(), test);
        int sweep = mostDistinct(num);
        Integer[] order = completeRows(a).toArray(Integer[]::new);
        Arrays.sort(order, (x, y) -> Double.compare(a[x][sweep], a[y][sweep]));
        double[] keys = Arrays.stream(order).mapToDouble(i -> a[i][sweep]).toArray();
        double limit = th.nearDistance();
        double reach = limit;
        int near = 0;
        int example = -1;
        int exampleTrain = -1;
        for (int t = 0; t < b.length; t++) {
            if (exactCopies.contains(t) || hasNaN(b[t])) {
                continue;
            }
            int lo = lowerBound(keys, b[t][sweep] - reach);
            for (int k = lo; k < keys.length && keys[k] <= b[t][sweep] + reach; k++) {
                int r = order[k];
                if (trainCat.get(r).equals(testCat.get(t)) && within(a[r], b[t], limit)) {
                    near++;
                    if (example < 0) {
                        example = t;
                        exampleTrain = r;
                    }
                    break;
                }
            }
        }
        double chance = expectedByChance(a, b, order.length, limit);
        if (near == 0 || poissonTail(near, chance) > 0.001) {
            return; // no more close pairs than unrelated rows plausibly give: no evidence of copies
        }
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

    /** Rows of {@code rows} standardized with the mean and sample sd of {@code ref} on the training rows. */
    private static double[][] standardized(List<NumericColumn> ref, Table train, List<NumericColumn> rows) {
        int n = rows.get(0).size();
        double[][] out = new double[n][ref.size()];
        for (int j = 0; j < ref.size(); j++) {
            double[] v = ref.get(j).values();
            double sum = 0;
            int cnt = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    sum += x;
                    cnt++;
                }
            }
            double mean = cnt == 0 ? 0 : sum / cnt;
            double ss = 0;
            for (double x : v) {
                if (!Double.isNaN(x)) {
                    ss += (x - mean) * (x - mean);
                }
            }
            double sd = cnt > 1 && ss > 0 ? Math.sqrt(ss / (cnt - 1)) : 1; // a constant column cannot tell rows apart anyway
            double[] r = rows.get(j).values();
            for (int i = 0; i < n; i++) {
                out[i][j] = (r[i] - mean) / sd;
            }
        }
        return out;
    }

    /** Each row's categories as a list, compared cell by cell. */
    private static List<List<String>> catKeys(List<CategoricalColumn> cols, Table t) {
        List<List<String>> out = new ArrayList<>(t.rowCount());
        for (int i = 0; i < t.rowCount(); i++) {
            List<String> key = new ArrayList<>(cols.size());
            for (CategoricalColumn c : cols) {
                key.add(c.text(i));
            }
            out.add(key);
        }
        return out;
    }

    private static List<Integer> completeRows(double[][] a) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < a.length; i++) {
            if (!hasNaN(a[i])) {
                out.add(i);
            }
        }
        return out;
    }

    private static boolean hasNaN(double[] r) {
        for (double x : r) {
            if (Double.isNaN(x)) {
                return true;
            }
        }
        return false;
    }

    /** Every coordinate within {@code limit}, giving up at the first that is not. */
    private static boolean within(double[] p, double[] q, double limit) {
        for (int j = 0; j < p.length; j++) {
            if (Math.abs(p[j] - q[j]) > limit) {
                return false;
            }
        }
        return true;
    }

    private static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * How many features remain (up to {@code enough}) once those that are a monotone function of a kept one (|Spearman|
     * above 0.99: x and x³, x² and x⁴ on a symmetric range) are set aside: polynomial columns of one variable add no
     * dimension in which two rows could differ.
     */
    static int independentCount(List<NumericColumn> cols, int enough) {
        List<double[]> kept = new ArrayList<>();
        for (NumericColumn c : cols) {
            if (c.missingCount() > 0) {
                continue;
            }
            double[] r = TargetProxies.ranks(c.values());
            if (kept.stream().noneMatch(k -> Math.abs(TargetProxies.pearson(k, r)) > 0.99)) {
                kept.add(r);
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
    private static double expectedByChance(double[][] train, double[][] test, int trainRows, double limit) {
        int d = train.length == 0 ? 0 : train[0].length;
        double[][] sorted = new double[d][];
        for (int j = 0; j < d; j++) {
            final int col = j;
            sorted[j] = Arrays.stream(train).mapToDouble(r -> r[col]).filter(x -> !Double.isNaN(x)).sorted().toArray();
        }
        double total = 0;
        for (double[] t : test) {
            if (hasNaN(t)) {
                continue;
            }
            double p = 1;
            for (int j = 0; j < d && p * trainRows > 1e-9; j++) {
                int lo = lowerBound(sorted[j], t[j] - limit);
                int hi = lowerBound(sorted[j], Math.nextUp(t[j] + limit));
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

    /** The column that orders the rows best: with many distinct values the sweep window holds few rows. */
    private static int mostDistinct(List<NumericColumn> cols) {
        int best = 0;
        long most = -1;
        for (int j = 0; j < cols.size(); j++) {
            long n = Arrays.stream(cols.get(j).values()).distinct().count();
            if (n > most) {
                most = n;
                best = j;
            }
        }
        return best;
    }
}
