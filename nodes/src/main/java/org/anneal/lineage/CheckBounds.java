package org.anneal.lineage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.anneal.data.Table;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ExecContext;

/**
 * Bounds on the leakage analysis, so an untrusted workflow or a huge table cannot make it run for minutes or fill the
 * heap (issue 14). The run-time checks are linear or n log n (issue 16) and read every row of a split up to
 * {@link #EXACT_ROWS} rows a side; above it they look at a seeded sample of that size and say so, with the bound it puts on
 * the shares they report, in their findings; both layers stop when their thread is interrupted (a cancelled run, a grading deadline);
 * and every rule lists at most {@link #PER_RULE} findings, the rest summed up in one more.
 */
public final class CheckBounds {
    /** Rows of a sample drawn by {@link #sample(Table, long)} (the run-time checks' bound before they scaled). */
    public static final int MAX_ROWS = 50_000;
    /** Rows of one side of a split the run-time checks read in full; above it they use a seeded sample of this many. */
    public static final int EXACT_ROWS = 5_000_000;
    /** Findings listed per rule; a 440 KB workflow once produced 6.2 million of them. */
    public static final int PER_RULE = 100;

    private CheckBounds() {
    }

    /** Throws {@link ExecContext.Cancelled} when the analysing thread was interrupted. */
    public static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new ExecContext.Cancelled();
        }
    }

    /** The table itself up to {@link #MAX_ROWS} rows, else that many rows drawn with a fixed seed, in their order. */
    static Table sample(Table t, long seed) {
        return sample(t, seed, MAX_ROWS);
    }

    /** The table itself up to {@code size} rows, else that many rows drawn with a fixed seed, in their order. */
    static Table sample(Table t, long seed, int size) {
        int n = t.rowCount();
        if (n <= size) {
            return t;
        }
        // selection sampling (Knuth's algorithm S): every row equally likely, rows kept in order, one pass
        int[] index = new int[size];
        SplittableRandom r = new SplittableRandom(seed);
        int chosen = 0;
        for (int i = 0; i < n && chosen < size; i++) {
            if (r.nextInt(n - i) < size - chosen) {
                index[chosen++] = i;
            }
        }
        return t.rows(index);
    }

    /** The findings of one split checked on samples, with the sample sizes stated in their explanation. */
    static List<Finding> noteSample(List<Finding> findings, Table train, Table sampledTrain, Table test, Table sampledTest) {
        if (train == sampledTrain && test == sampledTest) {
            return findings;
        }
        // Hoeffding: a share measured on m rows drawn at random is within sqrt(ln(2/0.01) / 2m) of the whole side's, 99 % of the time
        double bound = Math.sqrt(Math.log(2 / 0.01) / (2.0 * Math.max(1, Math.min(sampledTrain.rowCount(), sampledTest.rowCount()))));
        String note = String.format(Locale.ROOT, " (Checked on a seeded sample of %,d of %,d training rows and %,d of %,d test rows: "
                + "the run-time checks sample each side above %,d rows. A share of sampled rows is within %.2f percentage points of the "
                + "share of all rows with 99 %% confidence; a pair across the split that the sample left out is not seen.)",
                sampledTrain.rowCount(), train.rowCount(), sampledTest.rowCount(), test.rowCount(), EXACT_ROWS, 100 * bound);
        return findings.stream().map(f -> new Finding(f.rule(), f.severity(), f.title(), f.explanation() + note, f.fix(), f.nodes(), f.wires()))
                .toList();
    }

    /** At most {@link #PER_RULE} findings per rule, in order, and per capped rule one finding saying how many more there were. */
    static final class Capped extends ArrayList<Finding> {
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<String, Severity> worstDropped = new LinkedHashMap<>();

        @Override
        public boolean add(Finding f) {
            int n = counts.merge(f.rule(), 1, Integer::sum);
            if (n <= PER_RULE) {
                return super.add(f);
            }
            worstDropped.merge(f.rule(), f.severity(), (a, b) -> a == Severity.ERROR || b == Severity.ERROR ? Severity.ERROR : a);
            return false;
        }

        List<Finding> finish() {
            List<Finding> out = new ArrayList<>(this);
            worstDropped.forEach((rule, severity) -> out.add(new Finding(rule, severity, "More findings of this rule.",
                    String.format(Locale.ROOT, "%,d more findings of rule %s are not listed (at most %d per rule).", counts.get(rule) - PER_RULE,
                            rule, PER_RULE),
                    "Fix the ones listed first; the others usually share their cause.", List.of(), List.of())));
            return out;
        }
    }
}
