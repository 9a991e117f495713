package org.anneal.nodes.split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.anneal.data.CategoricalColumn;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.spec.ConfigContext;
import org.anneal.spec.ConfigError;
import org.anneal.spec.DataKind;
import org.anneal.spec.ExecContext;
import org.anneal.spec.InPort;
import org.anneal.spec.Inputs;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.Node;
import org.anneal.spec.NodeFailure;
import org.anneal.spec.NodeType;
import org.anneal.spec.OutPort;
import org.anneal.spec.Outputs;
import org.anneal.spec.Param;
import org.anneal.spec.Partition;
import org.anneal.spec.Phase;
import org.anneal.spec.Specs;
import org.anneal.spec.SplitStrategy;
import org.anneal.spec.TableSpec;

@NodeType(id = "split.holdout", title = "Train/test split", phase = Phase.PREPARE, role = LeakageRole.SPLIT, split = SplitStrategy.RANDOM,
        doc = """
                Splits rows at random into a training and a test set, reproducibly from the workflow seed. With `stratify`, \
                each class of a categorical target (or each quintile of a numeric one) keeps its share on both sides. \
                Everything that learns from data (scalers, imputers, models) must be fitted on `train` only; `test` is for the \
                final score.""")
public final class HoldoutSplitNode implements Node<HoldoutSplitNode.Params> {

    public record Params(
            @Param(doc = "Fraction of rows held out for testing", def = "0.2", min = 0.01, max = 0.99) double test,
            @Param(doc = "Keep class proportions (or target quintiles) equal on both sides", def = "false") boolean stratify,
            @Param(doc = "Shuffle before splitting; off keeps file order (first rows train, last rows test)", def = "true") boolean shuffle,
            @Param(doc = "What the test score claims (issue 16): a random split honestly tests known materials only", def = "\"unstated\"")
            org.anneal.spec.Claim claim) implements org.anneal.spec.Claim.Declared {
        /** Without a claim (callers from before issue 16). */
        public Params(double test, boolean stratify, boolean shuffle) {
            this(test, stratify, shuffle, org.anneal.spec.Claim.UNSTATED);
        }
    }

    static final InPort<Table> TABLE = InPort.of("table", DataKind.TABLE, Table.class, "Rows to split");
    static final OutPort<Table> TRAIN = OutPort.of("train", DataKind.TABLE, Table.class, "Rows for fitting");
    static final OutPort<Table> TEST = OutPort.of("test", DataKind.TABLE, Table.class, "Rows held out for the final evaluation");

    @Override
    public Specs configure(Specs in, Params p, ConfigContext ctx) throws ConfigError {
        TableSpec t = in.table(TABLE);
        if (p.stratify()) {
            var target = t.target().orElseThrow(() -> ConfigError.atParam("stratify", "Stratifying needs a target column, and the table has none.",
                    "Set 'target' at the data source, or turn 'stratify' off."));
            if (target.isTensor()) {
                throw ConfigError.atParam("stratify", "The target '" + target.name() + "' holds a tensor per row, which has no classes or "
                        + "quintiles to stratify by.", "Turn 'stratify' off.");
            }
        }
        if (!p.shuffle() && p.stratify()) {
            throw ConfigError.atParam("shuffle", "A stratified split always shuffles within each class.", "Turn 'shuffle' on or 'stratify' off.");
        }
        return SplitSpecs.trainAndTest(t, ctx.nodeId());
    }

    @Override
    public Outputs execute(Inputs in, Params p, ExecContext ctx) {
        Table t = in.get(TABLE);
        int n = t.rowCount();
        if (n < 2) {
            throw new NodeFailure("The table has " + n + " row(s); a split needs at least 2.", "Check the data source and any filters before the split.");
        }
        SplittableRandom rnd = new SplittableRandom(ctx.seed());
        boolean[] isTest = new boolean[n];
        if (p.stratify()) {
            for (int[] stratum : strata(t.target().orElseThrow())) {
                markTest(shuffled(stratum, rnd), p.test(), isTest);
            }
        } else {
            int[] idx = identity(n);
            markTest(p.shuffle() ? shuffled(idx, rnd) : tail(idx, p.test()), p.test(), isTest);
        }
        int[][] sides = sides(isTest);
        int[] train = sides[0];
        int[] test = sides[1];
        if (train.length == 0 || test.length == 0) {
            throw new NodeFailure("The split left the " + (train.length == 0 ? "training" : "test") + " set empty (" + n + " rows, test = " + p.test() + ").",
                    "Use more rows or a 'test' fraction between 0.1 and 0.5.");
        }
        return Outputs.of(TRAIN, t.rows(train), TEST, t.rows(test));
    }

    /** Marks round(fraction * size) of {@code order}'s first entries as test (at least one if size > 1). */
    private static void markTest(int[] order, double fraction, boolean[] isTest) {
        int k = (int) Math.round(fraction * order.length);
        if (k == 0 && order.length > 1) {
            k = 1;
        }
        if (k == order.length && order.length > 1) {
            k = order.length - 1;
        }
        for (int i = 0; i < k; i++) {
            isTest[order[i]] = true;
        }
    }

    /** Without shuffling the test rows are the last ones, so the order passed to markTest is reversed. */
    private static int[] tail(int[] idx, double fraction) {
        int[] r = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            r[i] = idx[idx.length - 1 - i];
        }
        return r;
    }

    private static List<int[]> strata(Column target) {
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        int n = target.size();
        if (target instanceof CategoricalColumn c) {
            for (int i = 0; i < n; i++) {
                groups.computeIfAbsent(c.codes()[i], k -> new ArrayList<>()).add(i);
            }
        } else {
            double[] v = ((NumericColumn) target).values();
            double[] sorted = Arrays.stream(v).filter(d -> !Double.isNaN(d)).sorted().toArray();
            for (int i = 0; i < n; i++) {
                int bin = Double.isNaN(v[i]) ? -1 : quintile(sorted, v[i]);
                groups.computeIfAbsent(bin, k -> new ArrayList<>()).add(i);
            }
        }
        return groups.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toList();
    }

    private static int quintile(double[] sorted, double x) {
        int pos = Arrays.binarySearch(sorted, x);
        if (pos < 0) {
            pos = -pos - 1;
        }
        return Math.min(4, (int) (5L * pos / Math.max(1, sorted.length)));
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Fisher-Yates, in place: every caller hands an index array of its own (the table itself is never reordered). */
    private static int[] shuffled(int[] s, SplittableRandom rnd) {
        for (int i = s.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    /** The training rows and the test rows, each in table order, from one pass over the marks. */
    private static int[][] sides(boolean[] isTest) {
        int tests = 0;
        for (boolean b : isTest) {
            if (b) {
                tests++;
            }
        }
        int[] train = new int[isTest.length - tests];
        int[] test = new int[tests];
        int r = 0;
        int t = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) {
                test[t++] = i;
            } else {
                train[r++] = i;
            }
        }
        return new int[][] {train, test};
    }
}
