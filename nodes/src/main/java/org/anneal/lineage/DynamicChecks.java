package org.anneal.lineage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.anneal.data.Column;
import org.anneal.data.NumericColumn;
import org.anneal.data.Table;
import org.anneal.exec.NodeResult;
import org.anneal.exec.RunResult;
import org.anneal.exec.Validation;
import org.anneal.graph.Problem.Severity;
import org.anneal.spec.ColumnRole;
import org.anneal.spec.LeakageRole;
import org.anneal.spec.NodeDescriptor;

/**
 * The dynamic layer of the leakage analysis, on the data of a finished run. For every split: D1 rows of the test side
 * that also occur, identically, on the training side (an image or spectrum cell compared by a 128-bit hash of its
 * values); D2 group ids on both sides; D3 a single feature that almost
 * determines the target on the training side ({@link TargetProxies}); D4 test rows that nearly copy a training row, or
 * the same compound written differently ({@link NearDuplicates}); D5 test rows recorded before the last training row
 * when the rows carry a time column. Over the whole workflow: D6 a test score far above the cross-validated score of
 * the same learner ({@link TestVersusCrossValidation}). Every threshold is a field of {@link Thresholds} and is quoted
 * in the finding's explanation.
 */
public final class DynamicChecks {

    /**
     * @param duplicateErrorShare   D1: share of test rows duplicated in train above which it is an error (a warning above 0)
     * @param spearman              D3: |Spearman| of one feature with a numeric target above which it warns
     * @param singleFeatureR2       D3: R² of a straight line through one feature above which it warns (numeric target)
     * @param singleFeatureAuc      D3: AUC of one feature for one class against the rest above which it warns (classes)
     * @param nearDistance          D4: largest difference on any numeric feature (in training sd) at which a test row still
     *                              counts as a near-copy of a training row
     * @param nearMinFeatures       D4: fewest numeric features (not monotone functions of one another) for the feature-space
     *                              comparison; with fewer, rows close on
     *                              every feature happen by chance in any dense sample (a curve sampled at 200 points)
     * @param nearErrorShare        D4: share of test rows with a near-copy (or a known compound) above which it is an error
     * @param timeOverlapErrorShare D5: share of test rows earlier than the last training row above which it is an error
     * @param cvSdMultiple          D6: how many cross-validation sds the test score may exceed the CV mean by ...
     * @param cvMargin              D6: ... plus this absolute margin (R² or accuracy) before it warns
     * @param formulaColumns        D4: names (any case) of categorical columns holding chemical formulas
     */
    public record Thresholds(double duplicateErrorShare, double spearman, double singleFeatureR2, double singleFeatureAuc,
                             double nearDistance, int nearMinFeatures, double nearErrorShare, double timeOverlapErrorShare, double cvSdMultiple,
                             double cvMargin, List<String> formulaColumns) {
        public static final Thresholds DEFAULT = new Thresholds(0.01, 0.99, 0.95, 0.99, 0.01, 3, 0.05, 0.01, 2.0, 0.05,
                List.of("formula", "composition", "compound"));

        public Thresholds {
            formulaColumns = List.copyOf(formulaColumns);
        }

        /**
         * These thresholds with some replaced by name (the record's component names: {@code nearDistance=0.02},
         * {@code formulaColumns=formula;chem}), for {@code anneal run --threshold}.
         *
         * @throws IllegalArgumentException naming the unknown threshold or the bad value, and what is allowed
         */
        public Thresholds with(java.util.Map<String, String> changes) {
            if (changes.isEmpty()) {
                return this; // the usual case, without the reflection below (slow the first time in a process, before D1)
            }
            var comps = Thresholds.class.getRecordComponents();
            Object[] values = new Object[comps.length];
            try {
                for (int i = 0; i < comps.length; i++) {
                    values[i] = comps[i].getAccessor().invoke(this);
                }
                for (var e : changes.entrySet()) {
                    int i = java.util.Arrays.asList(comps).stream().map(java.lang.reflect.RecordComponent::getName).toList().indexOf(e.getKey());
                    if (i < 0) {
                        throw new IllegalArgumentException("Unknown threshold '" + e.getKey() + "'. Known: "
                                + java.util.Arrays.stream(comps).map(java.lang.reflect.RecordComponent::getName).toList());
                    }
                    Class<?> t = comps[i].getType();
                    try {
                        values[i] = t == double.class ? Double.parseDouble(e.getValue()) : t == int.class ? Integer.parseInt(e.getValue())
                                : List.of(e.getValue().split(";"));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("Threshold '" + e.getKey() + "' needs " + (t == int.class ? "a whole number" : "a number")
                                + ", not '" + e.getValue() + "'.");
                    }
                }
                return (Thresholds) Thresholds.class.getDeclaredConstructors()[0].newInstance(values);
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("A threshold needs a number: " + ex.getMessage());
            } catch (ReflectiveOperationException ex) {
                throw new IllegalStateException(ex);
            }
        }

        /**
         * The thresholds a workflow asks for in its optional {@code leakage} block
         * ({@code "leakage": {"thresholds": {"nearDistance": 0.02}}}), the defaults for everything it leaves out. An
         * instructor sets them once in a puzzle or an assignment, so the editor, {@code anneal run}, puzzle checks and
         * grading all judge with the same numbers.
         *
         * @throws IllegalArgumentException naming the unknown threshold or the bad value
         */
        public static Thresholds of(org.anneal.graph.Workflow w) {
            return DEFAULT.with(requested(w));
        }

        /** The thresholds a workflow's {@code leakage} block sets, by name, as text. */
        public static java.util.Map<String, String> requested(org.anneal.graph.Workflow w) {
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            com.fasterxml.jackson.databind.JsonNode t = w.block("leakage").map(b -> b.path("thresholds")).orElse(null);
            if (t == null || t.isMissingNode()) {
                return out;
            }
            if (!t.isObject()) {
                throw new IllegalArgumentException("'thresholds' must be an object of name: value pairs.");
            }
            t.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().isArray()
                    ? String.join(";", java.util.stream.StreamSupport.stream(e.getValue().spliterator(), false).map(com.fasterxml.jackson.databind.JsonNode::asText).toList())
                    : e.getValue().asText()));
            return out;
        }

        public Thresholds withNearDistance(double d) {
            return new Thresholds(duplicateErrorShare, spearman, singleFeatureR2, singleFeatureAuc, d, nearMinFeatures, nearErrorShare, timeOverlapErrorShare,
                    cvSdMultiple, cvMargin, formulaColumns);
        }

        public Thresholds withSingleFeature(double r2, double auc) {
            return new Thresholds(duplicateErrorShare, spearman, r2, auc, nearDistance, nearMinFeatures, nearErrorShare, timeOverlapErrorShare, cvSdMultiple,
                    cvMargin, formulaColumns);
        }

        /** These thresholds without the Spearman part of D3 (|Spearman| can never exceed 1). */
        public Thresholds withSpearmanOff() {
            return new Thresholds(duplicateErrorShare, 1, singleFeatureR2, singleFeatureAuc, nearDistance, nearMinFeatures, nearErrorShare,
                    timeOverlapErrorShare, cvSdMultiple, cvMargin, formulaColumns);
        }

        public Thresholds withCvBar(double sdMultiple, double margin) {
            return new Thresholds(duplicateErrorShare, spearman, singleFeatureR2, singleFeatureAuc, nearDistance, nearMinFeatures,
                    nearErrorShare, timeOverlapErrorShare, sdMultiple, margin, formulaColumns);
        }
    }

    private final Thresholds thresholds;

    public DynamicChecks(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public List<Finding> analyze(Validation v, RunResult r) {
        return analyze(v, r, CheckProgress.NONE);
    }

    /**
     * The run-time findings of a finished run, telling {@code progress} where the checks are. Every check reads the whole
     * of each side of a split up to {@link CheckBounds#EXACT_ROWS} rows (hashing, counting sorts and a grid keep them
     * linear); above it a seeded sample, which the findings state with its bound.
     *
     * @throws org.anneal.spec.ExecContext.Cancelled when the checking thread is interrupted
     */
    public List<Finding> analyze(Validation v, RunResult r, CheckProgress progress) {
        return analyze(v, r, progress, null);
    }

    /**
     * As {@link #analyze(Validation, RunResult, CheckProgress)}, taking the findings of the splits whose checks
     * {@code ahead} started while the run went on (null: none were), in the run's node order all the same.
     */
    public List<Finding> analyze(Validation v, RunResult r, CheckProgress progress, ChecksAhead ahead) {
        CheckBounds.Capped out = new CheckBounds.Capped();
        try (ChecksBeside beside = new ChecksBeside()) {
            for (NodeResult nr : r.nodes().values()) {
                if (!checkedSplit(v, nr)) {
                    continue;
                }
                CheckBounds.checkInterrupted();
                List<Finding> found = ahead == null ? null : ahead.take(nr);
                (found != null ? found : splitFindings(v, nr, beside, progress)).forEach(out::add);
            }
        }
        FoldDuplicates.check(v, r, thresholds, out); // issue 16: copies inside the rows a cross-validation divides
        TestVersusCrossValidation.check(v, r, thresholds, out);
        StackedSources.check(v, r, thresholds, out); // issue 16, family 4: D7
        return ClaimRules.judge(v, out.finish()); // family 6: judged against the declared claim
    }

    /** Whether the run-time checks look at this node's result: a split that produced its train and test tables. */
    static boolean checkedSplit(Validation v, NodeResult nr) {
        NodeDescriptor d = v.descriptors().get(nr.nodeId());
        return d != null && d.role() == LeakageRole.SPLIT && nr.outputs() != null
                && nr.outputs().get("train") instanceof Table && nr.outputs().get("test") instanceof Table;
    }

    /** The findings of one split ({@link #checkedSplit}), its sides sampled above {@link CheckBounds#EXACT_ROWS} rows. */
    List<Finding> splitFindings(Validation v, NodeResult nr, ChecksBeside beside, CheckProgress progress) {
        // security (issue 14): beyond EXACT_ROWS a side is checked on a seeded sample; the checks stop when interrupted
        long seed = v.source().workflow().meta().seed();
        Table fullTrain = (Table) nr.outputs().get("train");
        Table fullTest = (Table) nr.outputs().get("test");
        Table train = CheckBounds.sample(fullTrain, seed, CheckBounds.EXACT_ROWS);
        Table test = CheckBounds.sample(fullTest, seed + 1, CheckBounds.EXACT_ROWS);
        return CheckBounds.noteSample(checkSplit(nr.nodeId(), train, test, beside, progress), fullTrain, train, fullTest, test);
    }

    /**
     * The checks of one split, in their fixed order. D9's reading of the features (each one's missing-value screen
     * included; shared: the pool starts on it, this thread takes what is left after D3) and D8 need nothing from the others
     * and run beside D1–D3; D9's cells and comparison need only D1's copies besides, so they are queued for the pool as soon
     * as D1 is done, and the pool goes on to them while this thread does D3 and builds D4's grid (queued once D3 was done,
     * they left the pool idle through it). The comparison counts only when D4 did not report the split (the same twins);
     * D4's search is shared, so the pool, done with D9, helps with it, and this thread, done with D4, helps with D9's.
     */
    private List<Finding> checkSplit(String id, Table train, Table test, ChecksBeside beside, CheckProgress progress) {
        RankScreen screen = new RankScreen(); // ranks of the training columns, shared by D3 and D4 (both on this thread)
        ResolutionTwins.Features features = ResolutionTwins.features(train, test, screen); // no data read yet
        var reading = features == null ? null : beside.share(features.count(), features::counter);
        var content = beside.start(() -> {
            // D8 takes D9's distinct counts of the training columns: the pool, done with its pieces of the reading, waits for
            // those the caller took (as D9's cells, next in its queue, would), instead of screening those columns itself
            if (reading != null) {
                reading.join();
            }
            List<Finding> found = new ArrayList<>();
            ContentProxies.check(id, train, screen, found); // issue 16, family 5: D8 (the distinct counts D9 read)
            return found;
        });
        List<Finding> split = new ArrayList<>();
        progress.at(id, "exact copies of training rows", 0);
        Set<Integer> copies = duplicates(id, train, test, split);
        CheckBounds.checkInterrupted();
        // D9's comparison starts now, on the chance that D4 finds nothing (its usual answer); when D4 reports the split, the
        // twins are the same ones and the comparison is stopped
        var cells = beside.start(() -> {
            if (reading == null) {
                return null;
            }
            reading.join(); // the pieces left, if any, and a wait for those this thread has taken
            ResolutionTwins.Prepared prepared = features.prepared();
            return prepared == null ? null : TwinScan.of(prepared, test, copies);
        });
        var comparing = beside.share(TwinScan.pieces(test.rowCount()), () -> {
            TwinScan scan = beside.join(cells);
            return scan == null ? p -> { } : scan.scanner();
        });
        progress.at(id, "groups on both sides", 0);
        groups(id, train, test, split);
        CheckBounds.checkInterrupted();
        progress.at(id, "features that give the target away", 0);
        TargetProxies.check(id, train, thresholds, screen, split);
        CheckBounds.checkInterrupted();
        if (reading != null) {
            reading.join();
        }
        progress.at(id, "near-copies of training rows", 0);
        NearDuplicates.check(id, train, test, thresholds, copies, screen, progress, beside, split);
        CheckBounds.checkInterrupted();
        progress.at(id, "features that only the target explains", 0);
        split.addAll(beside.join(content));
        ContentProxies.fold(id, split);
        progress.at(id, "twins at each feature's resolution", 0);
        if (split.stream().noneMatch(f -> f.rule().equals("D4"))) {
            comparing.join();
            TwinScan twins = beside.join(cells);
            if (twins != null) {
                twins.report(id, thresholds, split);
            }
        } else {
            comparing.stop(); // with D4, the same twins in feature space are already reported
        }
        CheckBounds.checkInterrupted();
        progress.at(id, "time order", 0);
        timeOverlap(id, train, test, split);
        WindowOverlap.check(id, train, test, split); // issue 11: windows that reach past the boundary
        return split;
    }

    /** D1; returns the test rows that are exact copies, which D4 then leaves to this finding. */
    private Set<Integer> duplicates(String split, Table train, Table test, List<Finding> out) {
        List<Column> cols = train.columns().stream().filter(c -> c.role() != ColumnRole.ID && c.role() != ColumnRole.GROUP
                && c.role() != ColumnRole.TIME).toList();
        List<Column> testCols = cols.stream().map(c -> test.column(c.name()).orElseThrow()).toList();
        RowHashes trainRows = new RowHashes(cols, testCols);
        RowHashes testRows = new RowHashes(testCols, cols);
        boolean[] copy = new boolean[test.rowCount()];
        int[] screen = trainRows.screenColumns(train.rowCount());
        // a first screen on a few columns, given up (and every column hashed) if it pairs too many rows that are not copies
        long wasted = (train.rowCount() + (long) test.rowCount()) / 16 + 1024;
        if (screen == null || !markCopies(trainRows, testRows, train.rowCount(), test.rowCount(), screen, wasted, copy)) {
            java.util.Arrays.fill(copy, false);
            markCopies(trainRows, testRows, train.rowCount(), test.rowCount(), null, Long.MAX_VALUE, copy);
        }
        Set<Integer> dup = new java.util.LinkedHashSet<>(); // in the order of the test rows, whichever side was indexed
        for (int i = 0; i < copy.length; i++) {
            if (copy[i]) {
                dup.add(i);
            }
        }
        if (dup.isEmpty()) {
            return dup;
        }
        double share = dup.size() / (double) Math.max(1, test.rowCount());
        out.add(new Finding("D1", share > thresholds.duplicateErrorShare() ? Severity.ERROR : Severity.WARNING,
                "Test rows also in the training rows.",
                String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) are exact copies of training rows, so part of the test "
                        + "is a memory test. Error above %.1f %%.", dup.size(), test.rowCount(), split, 100 * share,
                        100 * thresholds.duplicateErrorShare()),
                "Remove duplicate rows before the split (Remove duplicate rows, or Average replicates for repeated measurements of "
                        + "one sample), or split by sample with a Group split.",
                List.of(split), List.of()));
        return dup;
    }

    /**
     * Marks the test rows that copy a training row, the rows found by their hashes over the columns {@code only} (null:
     * every column) and compared cell by cell; false, part done, once more than {@code wasted} compared pairs were not
     * copies.
     */
    static boolean markCopies(RowHashes trainRows, RowHashes testRows, int trainCount, int testCount, int[] only, long wasted,
                                      boolean[] copy) {
        long[] h = trainRows.hashes(trainCount, only);
        long[] th = testRows.hashes(testCount, only);
        long[] left = {wasted};
        if (testCount <= trainCount) {
            // the smaller side indexed, the larger one probing it: a quarter of the table to fill at random for a 20 %
            // test side, and a filter small enough to stay in cache for the probes (issue 16, "Performance")
            RowHashes.Index tested = new RowHashes.Index(th, null);
            for (int from = 0; from < trainCount && left[0] >= 0; from = Chunks.end(from, trainCount)) {
                copiedBy(h, from, Chunks.end(from, trainCount), tested, testRows, trainRows, copy, left);
                CheckBounds.checkInterrupted();
            }
        } else {
            RowHashes.Index seen = new RowHashes.Index(h, null);
            for (int from = 0; from < testCount && left[0] >= 0; from = Chunks.end(from, testCount)) {
                copies(th, from, Chunks.end(from, testCount), seen, testRows, trainRows, copy, left);
                CheckBounds.checkInterrupted();
            }
        }
        return left[0] >= 0;
    }

    /**
     * Marks the test rows {@code from} to {@code to} that copy a training row, a piece at a time ({@link Chunks}); counts
     * the compared pairs that are not copies down in {@code left[0]}.
     */
    private static void copies(long[] th, int from, int to, RowHashes.Index seen, RowHashes testRows, RowHashes trainRows, boolean[] copy,
                               long[] left) {
        long wasted = 0;
        for (int i = from; i < to; i++) {
            for (int k = seen.first(th[i]); k >= 0; k = seen.next(k)) {
                if (testRows.same(i, trainRows, k)) {
                    copy[i] = true;
                    break;
                }
                wasted++;
            }
        }
        left[0] -= wasted;
    }

    /** Marks the test rows (indexed in {@code tested}) that training rows {@code from} to {@code to} copy, a piece at a time. */
    private static void copiedBy(long[] h, int from, int to, RowHashes.Index tested, RowHashes testRows, RowHashes trainRows, boolean[] copy,
                                 long[] left) {
        long wasted = 0;
        for (int k = from; k < to; k++) {
            for (int i = tested.first(h[k]); i >= 0; i = tested.next(i)) {
                if (!copy[i]) {
                    if (testRows.same(i, trainRows, k)) {
                        copy[i] = true;
                    } else {
                        wasted++;
                    }
                }
            }
        }
        left[0] -= wasted;
    }

    private static void groups(String split, Table train, Table test, List<Finding> out) {
        for (Column g : train.columns()) {
            if (g.role() != ColumnRole.GROUP) {
                continue;
            }
            Set<String> trainGroups = new HashSet<>();
            for (int i = 0; i < g.size(); i++) {
                trainGroups.add(g.text(i));
            }
            Column tg = test.column(g.name()).orElseThrow();
            Set<String> shared = new java.util.TreeSet<>();
            for (int i = 0; i < tg.size(); i++) {
                if (trainGroups.contains(tg.text(i))) {
                    shared.add(tg.text(i));
                }
            }
            if (!shared.isEmpty()) {
                out.add(new Finding("D2", Severity.ERROR, "Groups on both sides of the split.",
                        shared.size() + " value(s) of '" + g.name() + "' occur in both the training and the test rows of '" + split + "' (e.g. "
                                + String.join(", ", shared.stream().limit(5).toList()) + ").",
                        "Use a Group split on '" + g.name() + "'.", List.of(split), List.of()));
            }
        }
    }

    /** D5: with a time column, every test row should come after the last training row. */
    private void timeOverlap(String split, Table train, Table test, List<Finding> out) {
        Column time = train.columns().stream().filter(c -> c.role() == ColumnRole.TIME).findFirst().orElse(null);
        if (time == null || train.rowCount() == 0) {
            return;
        }
        Column testTime = test.column(time.name()).orElseThrow();
        String last;
        int earlier = 0;
        String first;
        if (time instanceof NumericColumn tn && testTime instanceof NumericColumn sn) {
            // as the texts' numbers compare (-0.0 prints as 0), without printing and parsing a million of them
            int lastRow = extreme(tn.values(), 1);
            int firstRow = extreme(sn.values(), -1);
            last = lastRow < 0 ? null : time.text(lastRow);
            first = last == null || firstRow < 0 ? null : testTime.text(firstRow);
            for (int i = 0; last != null && i < sn.size(); i++) {
                earlier += !sn.isMissing(i) && Double.compare(zeroed(sn.get(i)), zeroed(tn.get(lastRow))) < 0 ? 1 : 0;
            }
        } else {
            Comparator<String> order = time instanceof NumericColumn
                    ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
            last = null;
            for (int i = 0; i < time.size(); i++) {
                if (!time.isMissing(i) && (last == null || order.compare(time.text(i), last) > 0)) {
                    last = time.text(i);
                }
            }
            first = null;
            for (int i = 0; i < testTime.size(); i++) {
                if (testTime.isMissing(i) || last == null) {
                    continue;
                }
                if (order.compare(testTime.text(i), last) < 0) {
                    earlier++;
                }
                if (first == null || order.compare(testTime.text(i), first) < 0) {
                    first = testTime.text(i);
                }
            }
        }
        if (earlier == 0) {
            return;
        }
        double share = earlier / (double) test.rowCount();
        out.add(new Finding("D5", share > thresholds.timeOverlapErrorShare() ? Severity.ERROR : Severity.WARNING,
                "Test rows from before the end of the training period.",
                String.format(Locale.ROOT, "%d of %d test rows of '%s' (%.1f %%) are earlier than the last training row ('%s' %s; the test "
                        + "rows start at %s). The model learns from the future of the rows it is tested on. Error above %.1f %%.", earlier,
                        test.rowCount(), split, 100 * share, time.name(), last, first, 100 * thresholds.timeOverlapErrorShare()),
                "Use a Time split on '" + time.name() + "': train on the earlier rows, test on the later ones.", List.of(split), List.of()));
    }

    /** The first row holding the largest ({@code sign} 1) or smallest (-1) number, missing ones aside; -1 when none. */
    private static int extreme(double[] v, int sign) {
        int best = -1;
        for (int i = 0; i < v.length; i++) {
            if (!Double.isNaN(v[i]) && (best < 0 || sign * Double.compare(zeroed(v[i]), zeroed(v[best])) > 0)) {
                best = i;
            }
        }
        return best;
    }

    private static double zeroed(double v) {
        return v == 0 ? 0 : v;
    }

    /** Ranks with ties averaged (kept here for callers of the earlier API). */
    static double[] ranks(double[] v) {
        return TargetProxies.ranks(v);
    }
}
