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
 * heap (issue 14). The run-time checks look at a seeded sample of each side of a split above {@link #MAX_ROWS} rows (and
 * say so in their findings); both layers stop when their thread is interrupted (a cancelled run, a grading deadline);
 * and every rule lists at most {@link #PER_RULE} findings, the rest summed up in one more.
 */
public final class CheckBounds {
    /** Rows of one side of a split the run-time checks look at; above it they use a seeded sample. */
    public static final int MAX_ROWS = 50_000;
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
        int n = t.rowCount();
        if (n <= MAX_ROWS) {
            return t;
        }
        // selection sampling (Knuth's algorithm S): every row equally likely, rows kept in order, one pass
        int[] index = new int[MAX_ROWS];
        SplittableRandom r = new SplittableRandom(seed);
        int chosen = 0;
        for (int i = 0; i < n && chosen < MAX_ROWS; i++) {
            if (r.nextInt(n - i) < MAX_ROWS - chosen) {
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
        String note = String.format(Locale.ROOT, " (Checked on a seeded sample of %,d of %,d training rows and %,d of %,d test rows: "
                + "the run-time checks sample each side above %,d rows.)", sampledTrain.rowCount(), train.rowCount(), sampledTest.rowCount(),
                test.rowCount(), MAX_ROWS);
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
